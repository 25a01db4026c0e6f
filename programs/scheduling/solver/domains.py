"""What the solver, the explanations and the greedy baseline precompute from an ``Instance``:
days as offsets from the window's first day, the allowed starts of every job, the earliest and
latest start of each job once its region's chain of stages is taken into account, who may lead
it, which starts each person's unavailability blocks, and calendar months.

Every restriction here is implied by the hard constraints, so narrowing with it never loses a
valid plan; only ``region_candidates`` (the solver's pruning of leads) drops valid plans, and the
solver falls back to all candidates when the pruned model has none.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from .instance import Instance


def blocked_starts(ranges, origin: date, workshop_days: int) -> set[int]:
    """Start offsets whose workshop days touch one of ``ranges`` (inclusive date pairs)."""
    out = set()
    for first, last in ranges:
        a, b = (first - origin).days, (last - origin).days
        out.update(range(a - workshop_days + 1, b + 1))
    return out


@dataclass
class Domains:
    inst: Instance
    allowed: dict[int, list[int]] = field(default_factory=dict)  # job id -> sorted allowed starts
    est: dict[int, int] = field(default_factory=dict)
    lst: dict[int, int] = field(default_factory=dict)

    def __post_init__(self):
        inst, wd = self.inst, self.inst.workshop_days
        self.horizon = (inst.window_end - inst.window_start).days + 1
        self.persons = {p.id: p for p in inst.persons}
        self.jobs = {j.id: j for j in inst.jobs}
        holidays = blocked_starts([(d, d) for d in inst.days_off], inst.window_start, wd)
        for job in inst.jobs:
            bad = holidays | blocked_starts(job.blackouts, inst.window_start, wd)
            for pid in job.attendees:
                if pid in self.persons:
                    bad |= self.person_blocked(pid)
            starts = range(0, self.horizon - wd + 1)
            if job.fixed_start is not None:
                fixed = (job.fixed_start - inst.window_start).days
                starts = [fixed] if 0 <= fixed <= self.horizon - wd else []
            self.allowed[job.id] = [s for s in starts if s not in bad]
        self._propagate_chains()

    @cached_property
    def chains(self) -> dict[str, list[int]]:
        """Region code -> its job ids by stage."""
        regions = defaultdict(list)
        for job in sorted(self.inst.jobs, key=lambda j: (j.region, j.stage, j.id)):
            regions[job.region].append(job.id)
        return dict(regions)

    @property
    def gap(self) -> int:
        return max(self.inst.min_gap_days, 1)

    def _propagate_chains(self):
        """Narrow each job's starts by its region's chain: a stage starts at least ``gap`` days
        after the previous one, so its earliest start follows the previous stage's earliest and
        its latest bounds the previous stage's latest. Stops at a fixpoint or an empty domain."""
        for job_id, starts in self.allowed.items():
            self.est[job_id] = starts[0] if starts else 0
            self.lst[job_id] = starts[-1] if starts else -1
        if not all(self.allowed.values()):
            return
        changed = True
        while changed:
            changed = False
            for chain in self.chains.values():
                for prev, nxt in zip(chain, chain[1:], strict=False):
                    self.est[nxt] = max(self.est[nxt], self.est[prev] + self.gap)
                for prev, nxt in reversed(list(zip(chain, chain[1:], strict=False))):
                    self.lst[prev] = min(self.lst[prev], self.lst[nxt] - self.gap)
            for job_id, starts in self.allowed.items():
                kept = [s for s in starts if self.est[job_id] <= s <= self.lst[job_id]]
                if not kept:
                    self.allowed[job_id], self.lst[job_id] = [], self.est[job_id] - 1
                    return
                if kept != starts:
                    self.allowed[job_id], changed = kept, True
                self.est[job_id], self.lst[job_id] = kept[0], kept[-1]

    def person_blocked(self, pid: int) -> set[int]:
        cache = self.__dict__.setdefault("_blocked", {})
        if pid not in cache:
            person = self.persons[pid]
            cache[pid] = blocked_starts(person.unavailable, self.inst.window_start, self.inst.workshop_days)
        return cache[pid]

    def qualified(self, job_id: int) -> list[int]:
        """Active persons who lead the job's stage (the fixed lead alone if it is one of them)."""
        job = self.jobs[job_id]
        people = [p.id for p in self.inst.persons if p.active and job.stage in p.stages]
        if job.fixed_lead is not None:
            return [job.fixed_lead] if job.fixed_lead in people else []
        return people

    def available_starts(self, job_id: int, pid: int) -> list[int]:
        blocked = self.person_blocked(pid)
        return [s for s in self.allowed[job_id] if s not in blocked]

    def feasible_leads(self, job_id: int) -> list[int]:
        """Qualified persons free on at least one allowed start of the job (cached)."""
        cache = self.__dict__.setdefault("_feasible", {})
        if job_id not in cache:
            cache[job_id] = [p for p in self.qualified(job_id) if self._free_somewhere(job_id, p)]
        return cache[job_id]

    def _free_somewhere(self, job_id: int, pid: int) -> bool:
        blocked = self.person_blocked(pid)
        return any(s not in blocked for s in self.allowed[job_id])

    def date(self, offset: int) -> date:
        return self.inst.window_start + timedelta(days=offset)

    def offset(self, d: date) -> int:
        return (d - self.inst.window_start).days

    @cached_property
    def months(self) -> list[tuple[int, int]]:
        """Calendar months touching the window, as (first offset, last offset) of their days."""
        out, d = [], self.inst.window_start.replace(day=1)
        while d <= self.inst.window_end:
            nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
            out.append((self.offset(d), self.offset(nxt) - 1))
            d = nxt
        return out

    def round_trip(self, pid: int, job_id: int) -> int:
        home, there = self.persons[pid].province, self.jobs[job_id].province
        return self.inst.travel_days(home, there) + self.inst.travel_days(there, home)

    def region_candidates(self, per_region: int, keep: dict[int, set[int]]) -> dict[int, list[int]]:
        """Leads the solver considers per job: for each region the ``per_region`` persons who suit it
        best (lead most of its stages, near, not yet given to many regions), plus ``keep`` (locked,
        previous and hinted leads); at least three per job when that many are qualified."""
        given = defaultdict(int)
        share = max(1.0, per_region * len(self.chains) / max(1, len(self.inst.persons)))
        out = {}
        for chain in self.chains.values():
            stage_leads = {j: set(self.feasible_leads(j)) for j in chain}
            pool = set().union(*stage_leads.values())

            def score(pid, chain=chain, stage_leads=stage_leads):
                covered = sum(pid in leads for leads in stage_leads.values())
                return (-covered * 2 + self.round_trip(pid, chain[0]) + 6 * given[pid] / share, pid)

            picked = sorted(pool, key=score)[:per_region]
            for pid in picked:
                given[pid] += 1
            for job_id in chain:
                leads = [p for p in picked if p in stage_leads[job_id]]
                extra = sorted(stage_leads[job_id] - set(leads), key=score)
                leads += extra[: max(0, 3 - len(leads))]
                leads += [p for p in keep.get(job_id, ()) if p in stage_leads[job_id] and p not in leads]
                out[job_id] = leads
        return out

    def preferred_starts(self, job_id: int) -> set[int]:
        """Starts whose every workshop day lies in the region's preferred weeks."""
        cache = self.__dict__.setdefault("_preferred", {})
        if job_id not in cache:
            cache[job_id] = self._preferred_starts(job_id)
        return cache[job_id]

    def _preferred_starts(self, job_id: int) -> set[int]:
        job, wd = self.jobs[job_id], self.inst.workshop_days
        days = set()
        for first, last in job.preferred:
            days.update(range(self.offset(first), self.offset(last) + 1))
        return {s for s in days if all(s + k in days for k in range(wd))}

    def touches_friday(self, start: int) -> bool:
        first = self.inst.window_start.weekday() + start
        return any((first + k) % 7 == 4 for k in range(self.inst.workshop_days))
