"""The run-of-show's samples: a day with a published agenda built directly from the models
(``published_day``), and the isolation walk's / API schema test's URL parameter
(``live_stage``: a stage of the showcase the agenda samples publish)."""

from datetime import timedelta

from django.utils import timezone

from showcase.models import AgendaVersion, PresentingRegion, Showcase, Slot, Stage
from tenants.models import Cohort

CODES = ("35.71", "35.72", "35.73", "35.74", "35.75")
# (kind, minutes, title): an opening, a session of three talks, a break, a session of two, closing.
PLAN = [
    ("opening", 30, "Pembukaan"),
    ("session", 0, "Sesi 1: Jawa"),
    ("presentation", 10, ""),
    ("presentation", 10, ""),
    ("presentation", 10, ""),
    ("break", 15, "Rehat"),
    ("session", 0, "Sesi 2: Jawa"),
    ("presentation", 10, ""),
    ("presentation", 10, ""),
    ("closing", 30, "Penutupan"),
]


def published_day(*, slug: str = "live-uji", starts_at=None, published: bool = True) -> Showcase:
    """A one-stage showcase of the 2018 cohort whose agenda (``PLAN``) starts at ``starts_at``
    (default: now), published unless ``published`` is false."""
    starts_at = starts_at or timezone.now().replace(microsecond=0)
    today = timezone.localdate()
    showcase = Showcase.objects.create(
        cohort=Cohort.objects.get(year=2018),
        name=f"Showcase {slug}",
        slug=slug,
        venue="Balai Kartini, Jakarta",
        starts_on=today,
        ends_on=today,
        submission_deadline=timezone.now() - timedelta(days=1),
    )
    for position, code in enumerate(CODES):
        PresentingRegion.objects.create(showcase=showcase, region_id=code, position=position)
    stage = Stage.objects.create(showcase=showcase, name="Panggung Utama")
    version = AgendaVersion.objects.create(
        showcase=showcase, number=1, published_at=timezone.now() if published else None
    )
    moment, codes = starts_at, iter(CODES)
    for position, (kind, minutes, title) in enumerate(PLAN):
        Slot.objects.create(
            version=version,
            stage=stage,
            kind=kind,
            title=title,
            region_id=next(codes) if kind == "presentation" else None,
            starts_at=moment,
            minutes=minutes,
            position=position,
        )
        moment += timedelta(minutes=minutes)
    return showcase


def samples(world, workspace) -> dict:
    from tests.showcase import samples as agenda_samples

    slug = agenda_samples.samples(world, workspace)["slug"]
    return {"live_stage": Stage.objects.filter(showcase__slug=slug).order_by("position", "pk").first().pk}
