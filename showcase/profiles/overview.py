"""The ministry's overview of the regions' submissions to one showcase (public schema only).

One row per presenting region: whether it submitted (and when), the revision, when its data
was taken, what its profile still lacks, and the addresses of its profile preview and of its
workspace's showcase page. The page, its export, the national API and the reminders all read
these rows. Built with one query per table (presenting regions with their region and
province, submissions, primary domains), whatever the number of regions.
"""

import math
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from platform.context_processors import absolute_url, workspace_url
from showcase.models import PresentingRegion, Showcase
from showcase.profiles.models import MISSING_LABELS, Submission
from tenants.models import Domain, Region

SUBMITTED, MISSING, GAPS = "submitted", "missing", "gaps"
STATUS_CHOICES = [
    (SUBMITTED, gettext_lazy("Sudah mengirim")),
    (MISSING, gettext_lazy("Belum mengirim")),
    (GAPS, gettext_lazy("Ada kekurangan")),
]
STATUSES = tuple(value for value, _label in STATUS_CHOICES)


@dataclass
class SubmissionRow:
    region: Region
    submission: Submission | None
    domain: str  # the workspace's primary domain, "" without a workspace

    @property
    def code(self) -> str:
        return self.region.code

    @property
    def is_submitted(self) -> bool:
        return self.submission is not None and self.submission.submitted_at is not None

    @property
    def missing(self) -> list[str]:
        return list(self.submission.missing) if self.submission is not None else []

    @property
    def has_gaps(self) -> bool:
        return self.is_submitted and bool(self.missing)

    @property
    def missing_labels(self) -> list[str]:
        return [str(MISSING_LABELS.get(code, code)) for code in self.missing]

    def matches(self, status: str) -> bool:
        if status == SUBMITTED:
            return self.is_submitted
        if status == MISSING:
            return not self.is_submitted
        if status == GAPS:
            return self.has_gaps
        return True


def submission_rows(showcase: Showcase, *, status: str = "") -> list[SubmissionRow]:
    """Every presenting region of ``showcase`` in cohort order, narrowed to ``status`` (one of
    ``STATUSES``, or "" for all)."""
    presenters = list(
        PresentingRegion.objects.filter(showcase=showcase)
        .select_related("region__province")
        .order_by("position", "region__name")
    )
    codes = [p.region_id for p in presenters]
    submissions = {s.region_id: s for s in submissions_without_data(showcase).filter(region_id__in=codes)}
    domains = dict(
        Domain.objects.filter(tenant__region_id__in=codes, is_primary=True).values_list("tenant__region_id", "domain")
    )
    rows = [SubmissionRow(p.region, submissions.get(p.region_id), domains.get(p.region_id, "")) for p in presenters]
    return [row for row in rows if row.matches(status)]


def submissions_without_data(showcase: Showcase) -> QuerySet[Submission]:
    """The showcase's submissions without the profile data and images (the overview's columns)."""
    return Submission.objects.filter(showcase=showcase).defer("data", "photos", "pitch", "vision", "fingerprint")


def counts(rows: list[SubmissionRow]) -> dict[str, int]:
    submitted = sum(1 for row in rows if row.is_submitted)
    return {
        "total": len(rows),
        SUBMITTED: submitted,
        MISSING: len(rows) - submitted,
        GAPS: sum(1 for row in rows if row.has_gaps),
    }


def profile_path(showcase: Showcase, row: SubmissionRow) -> str:
    """The profile preview on the apex, "" while the region has no submission."""
    if row.submission is None:
        return ""
    return reverse("showcase-profile", kwargs={"slug": showcase.slug, "code": row.code})


def entry_path(showcase: Showcase) -> str:
    """The path of the showcase's page in a region's workspace (the same on every workspace host)."""
    return reverse("showcase-entry", urlconf="platform.urls_tenant", kwargs={"showcase_slug": showcase.slug})


def entry_link(showcase: Showcase, row: SubmissionRow) -> str:
    """The region's showcase page in its workspace (scheme-relative, like the registry's links)."""
    return workspace_url(row.domain, entry_path(showcase)) if row.domain else ""


def entry_url(showcase: Showcase, row: SubmissionRow) -> str:
    """The same page as an absolute URL with the configured scheme (e-mails and exports)."""
    return absolute_url(row.domain, entry_path(showcase)) if row.domain else ""


def time_left(deadline: datetime, *, now: datetime | None = None) -> str:
    """ "3 hari lagi", "5 jam lagi", "kurang dari 1 jam lagi" or "lewat"."""
    seconds = (deadline - (now or timezone.now())).total_seconds()
    if seconds < 0:
        return _("lewat")
    if seconds >= 86400:
        days = math.floor(seconds / 86400)
        return ngettext("%(n)d hari lagi", "%(n)d hari lagi", days) % {"n": days}
    if seconds >= 3600:
        hours = math.floor(seconds / 3600)
        return ngettext("%(n)d jam lagi", "%(n)d jam lagi", hours) % {"n": hours}
    return _("kurang dari 1 jam lagi")


def is_past_deadline(showcase: Showcase, *, now: datetime | None = None) -> bool:
    return (now or timezone.now()) > showcase.submission_deadline
