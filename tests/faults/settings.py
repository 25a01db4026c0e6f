"""Settings of the private stack the fault tests start (web, worker, beat on private services).

The test settings, with the media folder given by the fixture (a tiny tmpfs for the disk-full
test) and beat sending queued tasks again every second instead of every minute.
"""

import os

from platform.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["FAULTS_MEDIA_ROOT"]
CELERY_BEAT_SCHEDULE = {
    "resend-queued-tasks": {
        "task": "platform.resend_queued_tasks",
        "schedule": 1.0,
        "kwargs": {"older_than_seconds": 1},
        "tenant_schemas": ["public"],
    },
}
# A lost worker's task is looked for every second (kombu sweeps every 10 s × 10 calls by
# default), so the test waits for the visibility timeout, not for the sweep.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
