"""Reads of the public side: versions as computation specs, the ranking, comparisons.

National pages read only ``RegionSnapshot`` rows (plus the registry for filters) with a
constant number of queries; sorting by a component or dimension is done on the page's
rows in Python (at most 514 rows per period).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from assessments.framework.models import Component, Dimension, FrameworkVersion, Indicator, RegionSnapshot
from assessments.framework.scoring import FrameworkSpec, IndicatorSpec


def versions() -> QuerySet[FrameworkVersion]:
    return FrameworkVersion.objects.prefetch_related("components").order_by("-year", "code")


def dimensions() -> list[Dimension]:
    return list(Dimension.objects.order_by("order"))


def spec_for(version: FrameworkVersion) -> FrameworkSpec:
    components = list(version.components.order_by("order"))
    indicators = list(
        Indicator.objects.filter(version=version)
        .select_related("component", "subdimension__dimension")
        .order_by("order")
    )
    return FrameworkSpec(
        components=tuple((c.code, c.name, c.weight) for c in components),
        dimensions=tuple((d.code, d.name) for d in dimensions()),
        indicators=tuple(
            IndicatorSpec(i.code, i.component.code, i.subdimension.dimension.code, i.weight) for i in indicators
        ),
        decimals=version.decimals,
        rounding=version.rounding,
    )


@dataclass(frozen=True)
class Period:
    year: int
    stage: int

    @property
    def key(self) -> str:
        return f"{self.year}-{self.stage}"

    @property
    def label(self) -> str:
        return f"{self.year} Tahap {'I' * self.stage}"

    @classmethod
    def parse(cls, key: str | None) -> "Period | None":
        try:
            year, stage = (int(x) for x in (key or "").split("-"))
        except ValueError:
            return None
        return cls(year, stage) if stage in (1, 2) else None


def periods() -> list[Period]:
    """Periods that have snapshots, newest first (one query)."""
    rows = RegionSnapshot.objects.order_by("-year", "-stage").values_list("year", "stage").distinct()
    return [Period(y, s) for y, s in rows]


@dataclass
class RankingRow:
    snapshot: RegionSnapshot
    previous: RegionSnapshot | None

    @property
    def region(self):
        return self.snapshot.region

    @property
    def change(self) -> Decimal | None:
        if self.previous is None or self.previous.overall is None or self.snapshot.overall is None:
            return None
        return self.snapshot.overall - self.previous.overall

    @property
    def rank_change(self) -> int | None:
        if self.previous is None or self.previous.rank is None or self.snapshot.rank is None:
            return None
        return self.previous.rank - self.snapshot.rank

    def value(self, key: str) -> Decimal | None:
        """The figure a column sorts by: ``overall``, ``rank``, ``component:<code>`` or ``dimension:<code>``."""
        if key == "overall":
            return self.snapshot.overall
        kind, _sep, code = key.partition(":")
        source = {"component": self.snapshot.components, "dimension": self.snapshot.dimensions}.get(kind, {})
        raw = source.get(code)
        return Decimal(raw) if raw not in (None, "") else None


SORT_KEYS = ("overall", "component", "dimension")


def ranking(
    *,
    period: Period,
    previous: Period | None,
    cohort_year: int | None = None,
    province: str = "",
    kind: str = "",
    sort: str = "overall",
    descending: bool = True,
    include_unranked: bool = False,
) -> list[RankingRow]:
    """The ranked regions of ``period`` (filtered), each with its row of the previous period.

    One query: the period and the previous one are read together. Default order: national
    rank, then region code (the tie rule); any other column sorts by its value with regions
    without a value last, ties by rank then code.
    """
    periods_q = [period] + ([previous] if previous else [])
    from django.db.models import Q

    period_filter = Q()
    for p in periods_q:
        period_filter |= Q(year=p.year, stage=p.stage)
    rows = RegionSnapshot.objects.filter(period_filter).select_related("region__province", "region__cohort")
    if cohort_year:
        rows = rows.filter(region__cohort__year=cohort_year)
    if province:
        rows = rows.filter(region__province_id=province)
    if kind:
        rows = rows.filter(region__kind=kind)
    current, before = [], {}
    for snap in rows:
        if (snap.year, snap.stage) == (period.year, period.stage):
            if include_unranked or snap.rank is not None:
                current.append(snap)
        else:
            before[snap.region_id] = snap
    result = [RankingRow(s, before.get(s.region_id)) for s in current]
    big = 10**9

    def tie(row):
        return (row.snapshot.rank or big, row.snapshot.region_id)

    if sort == "overall" or sort.split(":")[0] not in SORT_KEYS:
        result.sort(key=tie)
        if not descending:
            result.reverse()
        return result
    with_value = [r for r in result if r.value(sort) is not None]
    without = sorted((r for r in result if r.value(sort) is None), key=tie)
    with_value.sort(key=tie)
    with_value.sort(key=lambda r: r.value(sort), reverse=descending)
    return with_value + without


def snapshots_of(*, codes: list[str]) -> QuerySet[RegionSnapshot]:
    """Every period of the given regions (for comparisons and trends), one query."""
    return (
        RegionSnapshot.objects.filter(region_id__in=codes)
        .select_related("region__province", "region__cohort", "framework_version")
        .order_by("region_id", "year", "stage")
    )


def component_labels() -> dict[str, str]:
    """Component code → name, over every version (names are the same across versions)."""
    return dict(Component.objects.order_by("version__year", "order").values_list("code", "name"))


@dataclass
class CohortStanding:
    position: int
    total: int
    snapshot: RegionSnapshot


def cohort_standing(*, region) -> CohortStanding | None:
    """Where a region stands among its cohort in its latest ranked period (position only)."""
    latest = RegionSnapshot.objects.filter(region=region, rank__isnull=False).order_by("-year", "-stage").first()
    if latest is None or region.cohort_id is None:
        return None
    peers = list(
        RegionSnapshot.objects.filter(
            year=latest.year, stage=latest.stage, rank__isnull=False, region__cohort_id=region.cohort_id
        ).values_list("region_id", "rank")
    )
    peers.sort(key=lambda p: (p[1], p[0]))
    position = [code for code, _rank in peers].index(region.code) + 1
    return CohortStanding(position, len(peers), latest)
