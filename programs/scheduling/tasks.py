"""Background jobs of the national plan (thin: load ids, call a service)."""

import logging

from celery import shared_task

from programs.scheduling import notify
from programs.scheduling.models import PlanVersion
from programs.scheduling.services import solving

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def run_solve_job(job_id: int) -> str:
    """Run the solver of one job; its progress, result or failure are on the job row."""
    return solving.run_solve(job_id).status


@shared_task(acks_late=True)
def send_confirmation_emails(version_id: int) -> int:
    version = PlanVersion.objects.select_related("plan").get(pk=version_id)
    return notify.send_confirmation_emails(version)
