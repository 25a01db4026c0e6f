"""Demo data of the showcase: the 2018 cohort's November showcase with two stages and a
published agenda laid out by island, then one hand edit after publication, so the builder
shows "berubah sejak diterbitkan" (called by ``seed_demo``).

Idempotent: a second run finds the showcase and changes nothing.
"""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from showcase import services
from showcase.models import Showcase, Slot
from tenants.models import Cohort

SLUG = "2018"
NAME = "Showcase Gerakan Menuju 100 Smart City 2018"


@transaction.atomic
def seed_showcase_demo(*, admin) -> Showcase | None:
    """The 2018 showcase (needs the 2018 cohort and a ministry admin)."""
    cohort = Cohort.objects.filter(year=2018).first()
    if cohort is None or Showcase.objects.filter(slug=SLUG).exists():
        return None
    showcase = services.create_showcase(
        actor=admin,
        cohort=cohort,
        stage_names=["Balai Kartini", "Ruang Garuda"],
        name=NAME,
        slug=SLUG,
        venue="Balai Kartini, Jakarta",
        starts_on=date(2018, 11, 27),
        ends_on=date(2018, 11, 27),
        day_starts_at=time(8, 0),
        day_ends_at=time(16, 0),
        submission_deadline=timezone.make_aware(datetime(2018, 11, 16, 23, 59)),
        break_every=2,
    )
    version = services.rebuild_agenda(actor=admin, showcase=showcase)
    services.publish_version(actor=admin, showcase=showcase, number=version.number)
    presentations = Slot.objects.filter(version=version, kind=Slot.Kind.PRESENTATION)
    first = presentations.order_by("stage__position", "position").first()
    if first is not None:
        services.move_slot(actor=admin, showcase=showcase, slot_id=first.pk, direction="down")
    return showcase
