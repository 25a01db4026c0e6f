"""Reads of the public side: versions as computation specs, the ranking, comparisons.

National pages read only ``RegionSnapshot`` rows (plus the registry for filters) with a
constant number of queries; sorting by a component or dimension is done on the page's
rows in Python (at most 514 rows per period).
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.cache import cache, caches
from django.db.models import Count, Q, QuerySet

from assessments.framework.models import (
    Component,
    Dimension,
    FrameworkVersion,
    Indicator,
    RankingPublication,
    RegionSnapshot,
    Stage,
)
from assessments.framework.scoring import FrameworkSpec, IndicatorSpec


def versions() -> QuerySet[FrameworkVersion]:
    return FrameworkVersion.objects.prefetch_related("components").order_by("-year", "code")


def dimensions() -> list[Dimension]:
    return list(Dimension.objects.order_by("order"))


_frozen_specs: dict[int, FrameworkSpec] = {}


def spec_for(version: FrameworkVersion) -> FrameworkSpec:
    """The computation spec of a version; kept in memory once the version is frozen (it
    never changes again), so refreshing hundreds of regions reads it once."""
    if version.pk in _frozen_specs:
        return _frozen_specs[version.pk]
    spec = _read_spec(version)
    if version.is_frozen:
        _frozen_specs[version.pk] = spec
    return spec


def _read_spec(version: FrameworkVersion) -> FrameworkSpec:
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
        """``2022 Tahap II`` in Indonesian, ``2022 Stage II`` in English."""
        return f"{self.year} {Stage(self.stage).label}"

    @classmethod
    def parse(cls, key: str | None) -> "Period | None":
        try:
            year, stage = (int(x) for x in (key or "").split("-"))
        except ValueError:
            return None
        return cls(year, stage) if stage in (1, 2) else None


def period_listing() -> list[tuple[Period, bool]]:
    """Periods that have snapshots, newest first, each with whether any region is ranked in
    it (a final cycle or an imported official result): one query."""
    rows = (
        RegionSnapshot.objects.values("year", "stage")
        .annotate(ranked=Count("rank"))
        .order_by("-year", "-stage")
        .values_list("year", "stage", "ranked")
    )
    return [(Period(y, s), ranked > 0) for y, s, ranked in rows]


def periods() -> list[Period]:
    """Periods that have snapshots, newest first (one query)."""
    return [p for p, _ranked in period_listing()]


def previous_ranked_period(period: Period, listing: list[tuple[Period, bool]]) -> Period | None:
    """The latest period before ``period`` with ranked results (never an only-open one)."""
    earlier = [p for p, ranked in listing if ranked and (p.year, p.stage) < (period.year, period.stage)]
    return max(earlier, key=lambda p: (p.year, p.stage), default=None)


SNAPSHOT_ROW_FIELDS = (
    "region_id", "region__name", "region__province__name", "region__kind", "region__cohort__year", "year", "stage",
    "source", "overall", "rank", "published_rank", "components", "dimensions", "masterplan_completeness",
    "program_count", "quick_win_count", "budget_total",
)  # fmt: skip


@dataclass(slots=True)
class SnapshotRow:
    """A snapshot as the ranking reads it: plain values, no model instances (514 rows a page)."""

    region_id: str
    region_name: str
    province_name: str
    kind: str
    cohort_year: int | None
    year: int
    stage: int
    source: str
    overall: Decimal | None
    rank: int | None
    published_rank: int | None
    components: dict
    dimensions: dict
    masterplan_completeness: Decimal
    program_count: int
    quick_win_count: int
    budget_total: Decimal


@dataclass(slots=True)
class RankingRow:
    """A ranked row with the region's own latest ranked result before the period (its
    ``previous_period`` may be older than the ranking's previous period)."""

    snapshot: SnapshotRow
    previous_overall: Decimal | None = None
    previous_rank: int | None = None
    previous_period: Period | None = None

    @property
    def change(self) -> Decimal | None:
        if self.previous_overall is None or self.snapshot.overall is None:
            return None
        return self.snapshot.overall - self.previous_overall

    @property
    def rank_change(self) -> int | None:
        if self.previous_rank is None or self.snapshot.rank is None:
            return None
        return self.previous_rank - self.snapshot.rank

    def value(self, key: str) -> Decimal | None:
        """The figure a column sorts by: ``overall``, ``component:<code>`` or ``dimension:<code>``."""
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
    """The ranked regions of ``period`` (filtered), each with its figures of the previous period.

    Two queries (the period; the previous one). Default order: national rank, then region
    code (the tie rule); any other column sorts by its value with regions without a value
    last, ties by rank then code.
    """
    rows = _filtered(cohort_year=cohort_year, province=province, kind=kind)
    current = rows.filter(year=period.year, stage=period.stage)
    if not include_unranked:
        current = current.filter(rank__isnull=False)
    before = _latest_ranked_before(period, rows) if previous is not None else {}
    result = []
    for values in current.values_list(*SNAPSHOT_ROW_FIELDS):
        snap = SnapshotRow(*values)
        result.append(RankingRow(snap, *before.get(snap.region_id, (None, None, None))))
    big = 10**9

    def tie(row):
        return (row.snapshot.rank or big, row.snapshot.region_id)

    if sort == "overall" or sort.split(":")[0] not in SORT_KEYS:
        result.sort(key=tie)
        if not descending:
            result.reverse()
        return result
    keyed = [(r.value(sort), tie(r), r) for r in result]
    with_value = sorted((k for k in keyed if k[0] is not None), key=lambda k: k[1])
    with_value.sort(key=lambda k: k[0], reverse=descending)  # stable: ties keep rank, code order
    without = sorted((k for k in keyed if k[0] is None), key=lambda k: k[1])
    return [k[2] for k in with_value + without]


@dataclass
class RankingPage:
    """One page of the ranking, sorted and cut in SQL (the page only, not all 514 rows)."""

    rows: list[RankingRow]
    number: int
    count: int
    page_size: int

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def _latest_ranked_before(period: Period, snapshots: QuerySet[RegionSnapshot]) -> dict:
    """Region code → (overall, rank, period) of its latest ranked result before ``period``:
    one query (``DISTINCT ON`` the region); open or provisional rows are skipped."""
    earlier = snapshots.filter(rank__isnull=False).filter(
        Q(year__lt=period.year) | Q(year=period.year, stage__lt=period.stage)
    )
    rows = (
        earlier.order_by("region_id", "-year", "-stage")
        .distinct("region_id")
        .values_list("region_id", "overall", "rank", "year", "stage")
    )
    return {code: (overall, rank, Period(year, stage)) for code, overall, rank, year, stage in rows}


def _filtered(*, cohort_year: int | None, province: str, kind: str) -> QuerySet[RegionSnapshot]:
    """Snapshots of the regions a ranking's filters keep (an empty filter keeps every region)."""
    given = {"region__cohort__year": cohort_year, "region__province_id": province, "region__kind": kind}
    return RegionSnapshot.objects.filter(**{lookup: v for lookup, v in given.items() if v})


def ranking_page(
    *,
    period: Period,
    previous: Period | None,
    cohort_year: int | None = None,
    province: str = "",
    kind: str = "",
    sort: str = "overall",
    descending: bool = True,
    page: int = 1,
    page_size: int = 50,
) -> RankingPage:
    """The same order as ``ranking`` (rank then code; a sorted column with empty values
    last, ties by rank then code), done by PostgreSQL: two queries, the page's rows (with
    the total as a window count) and their previous figures."""
    from django.db.models import Count, DecimalField, Window
    from django.db.models.fields.json import KT
    from django.db.models.functions import Cast

    base = _filtered(cohort_year=cohort_year, province=province, kind=kind)
    current = base.filter(year=period.year, stage=period.stage, rank__isnull=False)
    kind_, _sep, code = sort.partition(":")
    if kind_ in ("component", "dimension") and code:
        value = Cast(KT(f"{kind_}s__{code}"), DecimalField(max_digits=9, decimal_places=4))
        order = [value.desc(nulls_last=True) if descending else value.asc(nulls_last=True), "rank", "region_id"]
    else:
        order = ["rank", "region_id"] if descending else ["-rank", "-region_id"]
    page = max(1, page)
    query = current.annotate(total=Window(Count("pk"))).order_by(*order).values_list(*SNAPSHOT_ROW_FIELDS, "total")
    fetched = list(query[(page - 1) * page_size : page * page_size])
    if not fetched and page > 1:
        return ranking_page(
            period=period, previous=previous, cohort_year=cohort_year, province=province, kind=kind,
            sort=sort, descending=descending, page=1, page_size=page_size,
        )  # fmt: skip
    total = fetched[0][-1] if fetched else 0
    snaps = [SnapshotRow(*values[:-1]) for values in fetched]
    before = {}
    if previous is not None and snaps:
        before = _latest_ranked_before(
            period, RegionSnapshot.objects.filter(region_id__in=[s.region_id for s in snaps])
        )
    rows = [RankingRow(s, *before.get(s.region_id, (None, None, None))) for s in snaps]
    return RankingPage(rows, page, total, page_size)


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


LABELS_CACHE_KEY = "assessment-labels"


def labels() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(component code, name) and (dimension code, name): reference data, cached briefly."""
    return cache.get_or_set(
        LABELS_CACHE_KEY,
        lambda: (list(component_labels().items()), [(d.code, d.name) for d in dimensions()]),
        300,
    )


def forget_labels() -> None:
    cache.delete(LABELS_CACHE_KEY)


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


PUBLICATIONS_CACHE_KEY = "ranking-publications"


def publications() -> dict[Period, datetime]:
    """Published periods → when, newest first. Read on the ranking page and in every
    workspace, so kept in the cache shared by all schemas (dropped by the services)."""
    cached = caches["global"].get(PUBLICATIONS_CACHE_KEY)
    if cached is None:
        cached = {
            Period(y, s): at for y, s, at in RankingPublication.objects.values_list("year", "stage", "published_at")
        }
        caches["global"].set(PUBLICATIONS_CACHE_KEY, cached, 3600)
    return cached


def forget_publications() -> None:
    caches["global"].delete(PUBLICATIONS_CACHE_KEY)


def publication_of(period: Period):
    """When the ranking of ``period`` was published, or ``None``."""
    return publications().get(period)


def published_periods() -> list[Period]:
    """Periods whose national ranking the ministry has published, newest first."""
    return list(publications())
