"""Background jobs of the public profiles (thin: load ids, call a service)."""

from celery import shared_task


@shared_task(name="showcase.profiles.tasks.send_showcase_reminders", acks_late=True)
def send_showcase_reminders(showcase_id: int, region_codes: list[str]) -> int:
    from showcase.profiles.reminders import send_reminders

    return send_reminders(showcase_id=showcase_id, region_codes=region_codes)
