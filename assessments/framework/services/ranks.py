"""The national roll-up on the public side: snapshot rows of imported results, and ranks."""

from django.db import connection

from assessments.framework.models import PublishedResult, RegionSnapshot


def imported_snapshot(result: PublishedResult, **figures) -> RegionSnapshot:
    """The (unsaved) snapshot row of a published result; ``figures`` are the masterplan's."""
    return RegionSnapshot(
        region_id=result.region_id,
        year=result.year,
        stage=result.stage,
        source=RegionSnapshot.Source.IMPORTED,
        overall=result.overall,
        components=result.components,
        dimensions=result.dimensions,
        published_rank=result.rank,
        framework_version=None,
        **figures,
    )


def write_imported_snapshots(*, region_codes: set[str]) -> None:
    """Snapshot rows for published periods that no final cycle of the workspace covers.

    Bulk writes: one upsert for the imported rows, one update per period for the published
    rank of computed rows, then one ranking statement per touched period.
    """
    computed = set(
        RegionSnapshot.objects.filter(region_id__in=region_codes, source=RegionSnapshot.Source.COMPUTED).values_list(
            "region_id", "year", "stage"
        )
    )
    results = list(PublishedResult.objects.filter(region_id__in=region_codes))
    RegionSnapshot.objects.bulk_create(
        [imported_snapshot(r) for r in results if (r.region_id, r.year, r.stage) not in computed],
        update_conflicts=True,
        unique_fields=["region", "year", "stage"],
        update_fields=[
            "source",
            "overall",
            "components",
            "dimensions",
            "published_rank",
            "framework_version",
            "refreshed_at",
        ],
    )
    for r in results:
        if (r.region_id, r.year, r.stage) in computed:
            RegionSnapshot.objects.filter(region_id=r.region_id, year=r.year, stage=r.stage).update(
                published_rank=r.rank
            )
    for year, stage in sorted({(r.year, r.stage) for r in results}):
        recompute_ranks(year=year, stage=stage)


RANK_SQL = """
UPDATE framework_regionsnapshot AS s SET rank = r.rnk
FROM (
    SELECT id, CASE WHEN source <> 'provisional' AND overall IS NOT NULL
                    THEN RANK() OVER (PARTITION BY (source <> 'provisional' AND overall IS NOT NULL)
                                      ORDER BY overall DESC) END AS rnk
    FROM framework_regionsnapshot WHERE year = %s AND stage = %s
) AS r
WHERE s.id = r.id AND s.rank IS DISTINCT FROM r.rnk
"""


def recompute_ranks(*, year: int, stage: int) -> None:
    """National ranks of one period in one statement.

    Rule: ranked rows are final cycles and imported results; a higher published index
    ranks higher; equal indexes share a rank and the next rank is skipped (1, 2, 2, 4);
    within a tie, lists order regions by Kemendagri code.
    """
    with connection.cursor() as cursor:
        cursor.execute(RANK_SQL.replace("framework_regionsnapshot", "public.framework_regionsnapshot"), [year, stage])
