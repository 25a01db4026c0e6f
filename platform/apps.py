from django.apps import AppConfig


class PlatformConfig(AppConfig):
    """The project itself as an app: binds ``@shared_task`` to our Celery app at start-up.

    (Importing Celery from ``platform/__init__`` would run while the standard library's
    ``uuid`` is still importing ``platform``, a circular import.)
    """

    name = "platform"
    label = "platform_core"

    def ready(self):
        from platform.celery import app  # noqa: F401
