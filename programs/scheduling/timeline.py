"""Layout of the Bimtek timeline: where each workshop bar, unavailable range, national holiday,
week line and month label sits, as percentages of a date window.

Pure: plain data in (``Item`` rows, violations of the checker, date ranges), plain data out;
no queries. The plan's timeline (rows are facilitators, plus "unassigned") and the one-row
timeline of "my workshops" both come from ``build``. Positions are strings ready for a
``style`` attribute, so no template ever localises a decimal comma into CSS.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.formats import date_format

from programs.scheduling.solver.text import ROMAN, date_range, stage_name

LEAD, CO, REP = "lead", "co", "rep"
REM_PER_DAY = 0.6  # the chart's minimum width: a two-day bar stays wide enough to click
MIN_WIDTH_REM = 36
REM_PER_CHAR = 0.45  # of a label beside a bar (0.75rem type): does it fit before the next bar?


@dataclass(frozen=True)
class Item:
    """A workshop as the timeline reads it."""

    id: int
    region_name: str
    stage: int
    starts: date | None
    ends: date | None
    status: str
    status_label: str = ""
    lead: int | None = None
    co: tuple[int, ...] = ()
    rep: int | None = None
    plan_id: int | None = None

    @property
    def label(self) -> str:
        return f"{stage_name(self.stage)} {self.region_name}"

    @property
    def roman(self) -> str:
        return ROMAN.get(self.stage, str(self.stage))

    @property
    def short_name(self) -> str:
        return self.region_name.replace("Kabupaten ", "Kab. ")

    @property
    def dates(self) -> str:
        return date_range((self.starts, self.ends)) if self.starts and self.ends else "–"

    def role_of(self, person: int | None) -> str:
        if person is None:
            return ""
        if self.lead == person:
            return LEAD
        if self.rep == person:
            return REP
        return CO if person in self.co else ""

    def people(self) -> set[int]:
        return {p for p in (self.lead, self.rep, *self.co) if p is not None}


@dataclass(frozen=True)
class Span:
    """A horizontal extent in percent of the window."""

    left: float
    width: float

    @property
    def style(self) -> str:
        return f"left:{self.left:.3f}%;width:{self.width:.3f}%"


@dataclass
class Bar:
    item: Item
    span: Span
    role: str
    warnings: list[str] = field(default_factory=list)
    lane: int = 0
    room_days: int = 0  # free days after the bar in its lane, up to the next bar or the window's end

    @property
    def has_room(self) -> bool:
        """Whether the region's name fits beside the bar (the stage numeral is always inside)."""
        return self.room_days * REM_PER_DAY >= (len(self.item.short_name) + 1) * REM_PER_CHAR

    @property
    def is_conflict(self) -> bool:
        return bool(self.warnings)

    @property
    def title(self) -> str:
        head = f"{self.item.label} · {self.item.dates}"
        if self.item.status_label:
            head += f" · {self.item.status_label}"
        return "\n".join([head, *self.warnings])

    @property
    def style(self) -> str:
        return f"{self.span.style};top:{self.lane * 1.75 + 0.25:.2f}rem"


@dataclass(frozen=True)
class Shade:
    """A range drawn behind the bars: a facilitator's unavailability, or a holiday."""

    span: Span
    title: str


@dataclass
class Row:
    person: int | None  # None: the row of workshops without a lead
    name: str
    bars: list[Bar] = field(default_factory=list)
    shades: list[Shade] = field(default_factory=list)
    lanes: int = 1

    @property
    def conflicts(self) -> int:
        return sum(1 for bar in self.bars if bar.is_conflict)

    @property
    def style(self) -> str:
        return f"height:{self.lanes * 1.75 + 0.5:.2f}rem"


@dataclass(frozen=True)
class Tick:
    span: Span
    label: str
    title: str = ""


@dataclass
class Timeline:
    start: date
    end: date
    months: list[Tick]
    weeks: list[Tick]
    holidays: list[Shade]
    rows: list[Row]
    off_window: list[Item]  # placed, but wholly outside the window: listed, not drawn
    unplaced: list[Item]  # no dates yet

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def min_width(self) -> str:
        return f"min-width:{max(MIN_WIDTH_REM, self.days * REM_PER_DAY):.1f}rem"

    @property
    def conflicts(self) -> int:
        return sum(row.conflicts for row in self.rows)


def span_of(start: date, end: date, first: date, last: date) -> Span | None:
    """``first…last`` (inclusive) inside the window ``start…end``, clipped; None when outside."""
    if last < start or first > end or last < first:
        return None
    total = (end - start).days + 1
    lo, hi = max(first, start), min(last, end)
    left = (lo - start).days / total * 100
    width = ((hi - lo).days + 1) / total * 100
    return Span(round(left, 3), round(width, 3))


def months_of(start: date, end: date) -> list[Tick]:
    ticks, month = [], start.replace(day=1)
    while month <= end:
        following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
        ticks.append(
            Tick(span_of(start, end, month, following - timedelta(days=1)), date_format(month, "YEAR_MONTH_FORMAT"))
        )
        month = following
    return ticks


def weeks_of(start: date, end: date) -> list[Tick]:
    """A line at each Monday of the window, labelled with its day of the month."""
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    ticks = []
    while monday <= end:
        ticks.append(Tick(span_of(start, end, monday, monday), str(monday.day), date_format(monday, "DATE_FORMAT")))
        monday += timedelta(days=7)
    return ticks


def _lanes(bars: list[Bar], end: date) -> int:
    """Stack bars that share days (an overlap conflict) in lanes, greedily by start; note the free
    days after each bar in its lane (room for its label)."""
    last_in_lane: list[Bar] = []
    for bar in sorted(bars, key=lambda b: (b.item.starts, b.item.id)):
        for lane, last in enumerate(last_in_lane):
            if last.item.ends < bar.item.starts:
                last.room_days = (bar.item.starts - last.item.ends).days - 1
                bar.lane, last_in_lane[lane] = lane, bar
                break
        else:
            bar.lane = len(last_in_lane)
            last_in_lane.append(bar)
    for last in last_in_lane:
        last.room_days = max(0, (end - last.item.ends).days)
    return max(1, len(last_in_lane))


def _warnings_for(violations, item_id: int, person: int | None) -> list[str]:
    """The messages of violations that involve this workshop in this row: those about the row's
    person, and those about no person (the region's order and gaps, the window, holidays)."""
    return [v.message for v in violations if item_id in v.jobs and (v.person is None or v.person == person)]


def build(
    *,
    start: date,
    end: date,
    items,
    names: dict[int, str],
    violations=(),
    unavailable: dict[int, list[tuple[date, date, str]]] | None = None,
    holidays: dict[date, str] | None = None,
    persons: list[int] | None = None,
    unassigned_label: str = "",
) -> Timeline:
    """The timeline of ``items`` over ``start…end``.

    Rows: the given ``persons`` in that order; by default the leads (by name), then the people
    who only assist or represent (by name), then a row of workshops without a lead (when any).
    A bar is in conflict when a violation names its workshop and either this row's person or
    nobody in particular.
    """
    unavailable = unavailable or {}
    holidays = holidays or {}
    drawn, off_window, unplaced = [], [], []
    for item in items:
        if item.starts is None or item.ends is None:
            unplaced.append(item)
            continue
        where = span_of(start, end, item.starts, item.ends)
        (drawn if where else off_window).append((item, where))
    if persons is None:
        leads = {item.lead for item, _ in drawn if item.lead is not None}
        others = {p for item, _ in drawn for p in item.people()} - leads

        def by_name(p):
            return (names.get(p, "").casefold(), p)

        persons = sorted(leads, key=by_name) + sorted(others, key=by_name)
        with_unassigned = any(item.lead is None for item, _ in drawn)
    else:
        with_unassigned = False
    rows = [Row(person=p, name=names.get(p, "")) for p in persons]
    if with_unassigned:
        rows.append(Row(person=None, name=unassigned_label))
    for row in rows:
        for item, where in drawn:
            role = item.role_of(row.person)
            if (row.person is None and item.lead is None) or (row.person is not None and role):
                row.bars.append(Bar(item, where, role, _warnings_for(violations, item.id, row.person)))
        row.lanes = _lanes(row.bars, end)
        for first, last, reason in unavailable.get(row.person, ()):
            where = span_of(start, end, first, last)
            if where:
                row.shades.append(Shade(where, f"{date_range((first, last))}: {reason}" if reason else ""))
    return Timeline(
        start=start,
        end=end,
        months=months_of(start, end),
        weeks=weeks_of(start, end),
        holidays=[
            Shade(span_of(start, end, d, d), f"{date_format(d, 'DATE_FORMAT')}: {name}")
            for d, name in sorted(holidays.items())
            if start <= d <= end
        ],
        rows=rows,
        off_window=[item for item, _ in off_window],
        unplaced=unplaced,
    )


def item_of(workshop) -> Item:
    """A ``Workshop`` (region, co-facilitators already loaded) as an ``Item``; no queries."""
    return Item(
        id=workshop.pk,
        region_name=workshop.region.name,
        stage=workshop.stage,
        starts=workshop.starts,
        ends=workshop.ends,
        status=workshop.status,
        status_label=str(workshop.get_status_display()),
        lead=workshop.lead_id,
        co=tuple(sorted(f.pk for f in workshop.co_facilitators.all())),
        rep=workshop.ministry_rep_id,
        plan_id=workshop.plan_id,
    )


def names_of(workshops) -> dict[int, str]:
    """Person id -> name of everyone on ``workshops`` (users already loaded); no queries."""
    names = {}
    for w in workshops:
        for person in (w.lead, w.ministry_rep, *w.co_facilitators.all()):
            if person is not None:
                names[person.pk] = person.name
    return names
