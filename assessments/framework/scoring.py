"""The *indeks pencapaian*, computed exactly: pure functions, no database.

How a number is formed (and what the explanation says):

1. a component's score is the weighted mean of the scores of its indicators (indicator
   weights of the version); unanswered indicators are left out and reported;
2. a dimension's score is the weighted mean of the scores of the indicators whose
   sub-dimension belongs to it;
3. the overall index is ``Σ component weight × component score / 100``, computed from the
   unrounded component scores, and exists only once every component has a score;
4. only then is each published figure rounded, once, by the version's rule (decimals and
   half-up, half-even or truncate).

Arithmetic is ``Decimal`` with 60 significant digits, so the only rounding a user sees is
the version's own (``tests/assessments/test_scoring.py`` checks this against exact
fractions).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext

PRECISION = 60
ROUNDING_MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "truncate": ROUND_DOWN}
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    component: str
    dimension: str
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class FrameworkSpec:
    """What the computation needs of a framework version, as plain data."""

    components: tuple[tuple[str, str, Decimal], ...]  # (code, name, weight %)
    dimensions: tuple[tuple[str, str], ...]  # (code, name)
    indicators: tuple[IndicatorSpec, ...]
    decimals: int = 2
    rounding: str = "half_up"


@dataclass
class Figure:
    code: str
    name: str
    value: Decimal | None  # rounded by the version's rule
    exact: Decimal | None
    answered: int
    total: int
    weight: Decimal | None = None  # component weight (%)
    how: str = ""


@dataclass
class IndexResult:
    overall: Decimal | None
    overall_exact: Decimal | None
    components: list[Figure]
    dimensions: list[Figure]
    missing: list[str] = field(default_factory=list)
    how: str = ""

    @property
    def is_complete(self) -> bool:
        return not self.missing and self.overall is not None

    def component_values(self) -> dict[str, str]:
        return {f.code: str(f.value) for f in self.components if f.value is not None}

    def dimension_values(self) -> dict[str, str]:
        return {f.code: str(f.value) for f in self.dimensions if f.value is not None}


def round_score(value: Decimal, *, decimals: int, rounding: str) -> Decimal:
    """Round ``value`` to ``decimals`` places by the named rule (``half_up``, ``half_even``, ``truncate``)."""
    with localcontext(prec=PRECISION):
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUNDING_MODES[rounding])


SHOWN_PLACES = 6


def _fmt(value: Decimal, *, keep_places: bool = False) -> str:
    """Indonesian decimal comma; long exact values are shown to six places with an ellipsis."""
    if not keep_places:
        value = value.normalize()
        if -value.as_tuple().exponent > SHOWN_PLACES:
            return (
                format(value.quantize(Decimal(1).scaleb(-SHOWN_PLACES), rounding=ROUND_DOWN), "f").replace(".", ",")
                + "…"
            )
    return format(value, "f").replace(".", ",")


def _weighted_mean(pairs: list[tuple[Decimal, Decimal]]) -> Decimal | None:
    total_weight = sum((w for w, _ in pairs), Decimal(0))
    if not pairs or total_weight == 0:
        return None
    return sum((w * s for w, s in pairs), Decimal(0)) / total_weight


def compute_index(spec: FrameworkSpec, scores: Mapping[str, Decimal | None]) -> IndexResult:
    """The index of one set of scores (indicator code → score, ``None`` when unanswered)."""
    with localcontext(prec=PRECISION):
        rnd = lambda v: None if v is None else round_score(v, decimals=spec.decimals, rounding=spec.rounding)  # noqa: E731
        missing = [i.code for i in spec.indicators if scores.get(i.code) is None]

        def figure(code, name, members, weight=None):
            pairs = [(i.weight, Decimal(scores[i.code])) for i in members if scores.get(i.code) is not None]
            exact = _weighted_mean(pairs)
            if exact is None:
                how = "belum ada skor"
            else:
                terms = " + ".join(f"{_fmt(w)}×{_fmt(s)}" for w, s in pairs)
                how = f"({terms}) / {_fmt(sum((w for w, _ in pairs), Decimal(0)))} = {_fmt(exact)}"
            return Figure(code, name, rnd(exact), exact, len(pairs), len(members), weight, how)

        components = [
            figure(code, name, [i for i in spec.indicators if i.component == code], weight)
            for code, name, weight in spec.components
        ]
        dimensions = [
            figure(code, name, [i for i in spec.indicators if i.dimension == code]) for code, name in spec.dimensions
        ]
        if components and all(c.exact is not None for c in components):
            overall_exact = sum((c.weight * c.exact for c in components), Decimal(0)) / HUNDRED
            terms = " + ".join(f"{_fmt(c.weight)}%×{_fmt(c.exact)}" for c in components)
            how = f"{terms} = {_fmt(overall_exact)} → {_fmt(rnd(overall_exact), keep_places=True)}"
        else:
            overall_exact, how = None, "indeks belum dapat dihitung: ada komponen tanpa skor"
        return IndexResult(rnd(overall_exact), overall_exact, components, dimensions, missing, how)
