"""Reads of the region's showcase preparation (workspace schema, plus the public showcase rows
of the events the region presents at)."""

from django.db import connection
from django.db.models import QuerySet

from programs.models import Program
from showcase.models import PresentingRegion, Showcase
from showcase.regional.models import ShowcaseEntry
from showcase.regional.profile_data import Choices, regional_head


def showcases_of_region() -> QuerySet[Showcase]:
    """The showcases the current workspace's region presents at, newest first."""
    region_id = connection.tenant.region_id
    ids = PresentingRegion.objects.filter(region_id=region_id).values("showcase_id")
    return Showcase.objects.filter(pk__in=ids).select_related("cohort").order_by("-starts_on")


def entry_of(showcase: Showcase) -> ShowcaseEntry | None:
    return ShowcaseEntry.objects.prefetch_related("featured", "photos").filter(showcase_id=showcase.pk).first()


def entries_by_showcase(showcases) -> dict[int, ShowcaseEntry]:
    return {e.showcase_id: e for e in ShowcaseEntry.objects.filter(showcase_id__in=[s.pk for s in showcases])}


def quick_wins() -> QuerySet[Program]:
    return Program.objects.filter(is_quick_win=True).select_related("dimension").order_by("dimension__order", "title")


def choices_of(entry: ShowcaseEntry | None) -> Choices:
    """What the saved entry features; with no entry yet, the defaults (no quick win chosen,
    the vision shown, the regional head presenting)."""
    if entry is None:
        name, title = regional_head()
        return Choices((), True, name, title, "", False, 0)
    return Choices(
        featured_ids=tuple(p.pk for p in entry.featured.all()),
        show_vision=entry.show_vision,
        presenter_name=entry.presenter_name,
        presenter_title=entry.presenter_title,
        pitch=entry.pitch,
        has_logo=bool(entry.logo),
        photo_count=len(entry.photos.all()),
    )
