"""The scheduling problem as plain data: what the solver, the greedy baseline and the checker
read and write. No Django here: ``programs.scheduling.instance_from_plan`` builds an
``Instance`` from the database, and the benchmarks and property tests build their own.

Days are ``datetime.date``; a workshop of ``Instance.workshop_days`` days starting on ``d``
occupies ``d … d + workshop_days - 1``.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

DateRange = tuple[date, date]  # inclusive on both ends


@dataclass(frozen=True)
class Person:
    """A facilitator: an expert (leads stages) or a ministry official."""

    id: int
    name: str
    province: str  # home province code, "35"
    stages: frozenset[int]  # the Bimtek stages (1–4) this person may lead
    max_per_month: int  # most workshops (as lead, co-facilitator or representative) started in one calendar month
    unavailable: tuple[DateRange, ...] = ()
    kind: str = "expert"  # or "official"
    active: bool = True


@dataclass(frozen=True)
class Job:
    """One workshop to place: a region's Bimtek stage."""

    id: int
    region: str  # region code "35.74"
    region_name: str
    province: str  # the region's province code (travel is between provinces)
    stage: int  # 1–4
    # Pinned: a locked workshop has both; a confirmed one kept during a re-plan has its start.
    fixed_start: date | None = None
    fixed_lead: int | None = None
    # Other people attending (co-facilitators, the ministry representative): they travel
    # with the workshop, so their calendars count as if they were leads of it.
    attendees: frozenset[int] = frozenset()
    # The last version's placement (a re-plan stays close to it; explanations compare to it).
    previous_start: date | None = None
    previous_lead: int | None = None
    # The region's wishes.
    blackouts: tuple[DateRange, ...] = ()
    preferred: tuple[DateRange, ...] = ()  # preferred weeks (soft)


@dataclass(frozen=True)
class Weights:
    """Soft goals; all integers, 0 switches a goal off."""

    same_lead: int = 10  # per extra distinct lead of a region's four stages
    balance: int = 5  # per workshop of difference between the busiest and least busy expert
    travel: int = 1  # per travel day in total
    preference: int = 3  # per workshop outside the region's preferred weeks (when it has some)
    friday: int = 2  # per workshop that touches a Friday
    back_to_back: int = 2  # per pair of one person's workshops with no free day beyond travel
    stay_close: int = 4  # re-plan only: per workshop whose date or lead differs from the previous version


@dataclass(frozen=True)
class Instance:
    window_start: date
    window_end: date  # the last day a workshop may occupy
    jobs: tuple[Job, ...]
    persons: tuple[Person, ...]
    travel: dict[tuple[str, str], int]  # (from province, to province) -> days; missing pair = 2
    holidays: frozenset[date] = frozenset()
    workshop_days: int = 2
    min_gap_days: int = 21  # a stage starts at least this many days after the region's previous stage starts
    weights: Weights = field(default_factory=Weights)
    time_limit_seconds: float = 30.0
    replan: bool = False  # keep close to previous_start / previous_lead
    weekends_off: bool = True  # no workshop day on a Saturday or Sunday (government working days)

    def __post_init__(self):
        weekend = set()
        if self.weekends_off:
            day, last = self.window_start - timedelta(days=7), self.window_end + timedelta(days=7)
            while day <= last:
                if day.weekday() >= 5:
                    weekend.add(day)
                day += timedelta(days=1)
        object.__setattr__(self, "weekend_days", frozenset(weekend))

    @property
    def days_off(self) -> frozenset[date]:
        """National holidays and, unless switched off, weekends: no workshop day falls on one."""
        return self.holidays | self.weekend_days

    def travel_days(self, a: str, b: str) -> int:
        if a == b:
            return 0
        return self.travel.get((a, b), 2)


@dataclass(frozen=True)
class Placement:
    start: date
    lead: int


@dataclass(frozen=True)
class Violation:
    """A broken hard constraint, in words and as data (the live warnings show these)."""

    # overlap, travel, unavailable, monthly_max, blackout, holiday, order, gap, qualification, locked, window, missing
    code: str
    message: str
    jobs: tuple[int, ...] = ()
    person: int | None = None


@dataclass
class Solution:
    status: str  # "optimal", "feasible" (time limit hit, best plan found), "infeasible", "unknown" (nothing found)
    placements: dict[int, Placement] = field(default_factory=dict)
    objective: float | None = None
    bound: float | None = None
    wall_seconds: float = 0.0
    # job id -> sentences: why this date and this person (which constraints bound it)
    reasons: dict[int, list[str]] = field(default_factory=dict)
    # when infeasible: sentences naming the constraints that conflict (from the solver's core)
    conflicts: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
