"""Reads behind publishing a ranking: how many regions the publication covers (the rest of
the national reads are in ``selectors``)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from assessments.framework.models import RegionSnapshot
from tenants.models import Region


@dataclass(frozen=True)
class PublicationCoverage:
    ranked: int  # a final cycle or an imported official result
    unranked: int  # a cycle without a final result (open or provisional)
    without_cycle: int  # a workspace with no result at all in the period


def coverage(*, year: int, stage: int) -> PublicationCoverage:
    """Regions ranked, unranked and without a cycle in one period: two queries."""
    counts = RegionSnapshot.objects.filter(year=year, stage=stage).aggregate(
        ranked=Count("pk", filter=Q(rank__isnull=False)), unranked=Count("pk", filter=Q(rank__isnull=True))
    )
    in_period = RegionSnapshot.objects.filter(year=year, stage=stage).values("region_id")
    without = Region.objects.filter(workspace__isnull=False).exclude(code__in=in_period).count()
    return PublicationCoverage(counts["ranked"], counts["unranked"], without)
