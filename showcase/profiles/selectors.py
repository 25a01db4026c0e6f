"""Reads of the public profiles (public schema only)."""

from django.db.models import QuerySet

from showcase.models import AgendaVersion
from showcase.profiles.models import Submission


def submission_of(*, slug: str, code: str) -> Submission | None:
    return (
        Submission.objects.select_related("showcase", "region__province")
        .filter(showcase__slug=slug, region_id=code)
        .first()
    )


def has_published_agenda(showcase_id: int) -> bool:
    return AgendaVersion.objects.filter(showcase_id=showcase_id, published_at__isnull=False).exists()


def is_public(submission: Submission) -> bool:
    """A profile is public once its showcase has a published agenda version."""
    return has_published_agenda(submission.showcase_id)


def submissions_of(*, showcase_id: int, codes=None) -> QuerySet[Submission]:
    found = Submission.objects.filter(showcase_id=showcase_id)
    return found.filter(region_id__in=list(codes)) if codes is not None else found
