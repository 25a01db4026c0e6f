"""The simple baseline the solver is measured against: jobs one by one, each on its earliest
feasible start with the least-loaded qualified lead who can be there.

Order: locked workshops first (on their date), then, in a re-plan, every workshop whose previous
date and lead still fit, then the rest by (stage, region). It never breaks a hard constraint; when
a job finds no start it stays unplaced and the answer is "infeasible" with those jobs named (the
greedy order, not the instance, may be to blame).
"""

import bisect
from collections import Counter, defaultdict
from time import perf_counter

from django.utils.translation import gettext as _

from .domains import Domains
from .instance import Instance, Placement, Solution
from .text import job_label


class _Calendars:
    def __init__(self, dom: Domains):
        self.dom, self.wd = dom, dom.inst.workshop_days
        self.reach = self.wd + max([2, *dom.inst.travel.values()])
        self.starts = defaultdict(list)  # person -> sorted [(start, job id)]
        self.months = Counter()  # (person, month index) -> workshops started
        self.load = Counter()

    def month(self, start: int) -> int:
        return next(i for i, (a, b) in enumerate(self.dom.months) if a <= start <= b)

    def fits(self, pid: int, job_id: int, start: int) -> bool:
        dom = self.dom
        if start in dom.person_blocked(pid):
            return False
        if self.months[(pid, self.month(start))] >= dom.persons[pid].max_per_month:
            return False
        province = dom.jobs[job_id].province
        items = self.starts[pid]
        lo = bisect.bisect_left(items, (start - self.reach, -1))
        for other_start, other in items[lo:]:
            if other_start >= start + self.reach:
                break
            other_province = dom.jobs[other].province
            if other_start <= start:
                if start < other_start + self.wd + dom.inst.travel_days(other_province, province):
                    return False
            elif other_start < start + self.wd + dom.inst.travel_days(province, other_province):
                return False
        return True

    def book(self, pid: int, job_id: int, start: int):
        bisect.insort(self.starts[pid], (start, job_id))
        self.months[(pid, self.month(start))] += 1
        self.load[pid] += 1


def greedy(instance: Instance, *, dom: Domains | None = None, sticky: bool = False) -> Solution:
    """The baseline. With ``sticky`` (the solver's starting point, not the baseline of the
    benchmark) a region keeps the lead of its earlier stages whenever that lead can be there, on
    the earliest start that suits them, and avoids starts that touch a Friday when it can."""
    started = perf_counter()
    dom = dom or Domains(instance)
    cal = _Calendars(dom)
    placed: dict[int, Placement] = {}
    attendees = {j.id: sorted(j.attendees & dom.persons.keys()) for j in instance.jobs}
    leads = {j.id: dom.qualified(j.id) for j in instance.jobs}

    def bounds(job_id: int) -> tuple[int, int]:
        job = dom.jobs[job_id]
        chain = dom.chains[job.region]
        lo, hi = dom.est[job_id], dom.lst[job_id]
        me = chain.index(job_id)
        for k, other in enumerate(chain):
            if other in placed:
                s = dom.offset(placed[other].start)
                if k < me:
                    lo = max(lo, s + dom.gap * (me - k))
                elif k > me:
                    hi = min(hi, s - dom.gap * (k - me))
        return lo, hi

    def place(job_id: int, start: int, people: list[int]) -> bool:
        lo, hi = bounds(job_id)
        if not lo <= start <= hi or not all(cal.fits(p, job_id, start) for p in attendees[job_id]):
            return False
        for pid in people:
            if cal.fits(pid, job_id, start):
                for p in {pid, *attendees[job_id]}:
                    cal.book(p, job_id, start)
                placed[job_id] = Placement(dom.date(start), pid)
                return True
        return False

    def by_load(job_id: int) -> list[int]:
        stages = {dom.jobs[j].stage for j in dom.chains[dom.jobs[job_id].region]}
        return sorted(
            leads[job_id],
            key=lambda p: (cal.load[p], sticky and not stages <= dom.persons[p].stages, dom.round_trip(p, job_id), p),
        )

    jobs = sorted(instance.jobs, key=lambda j: (j.stage, j.region, j.id))
    for job in jobs:
        if job.fixed_start is not None and dom.allowed[job.id]:
            place(job.id, dom.allowed[job.id][0], by_load(job.id))
    if instance.replan:
        for job in jobs:
            if job.id not in placed and job.previous_start is not None and job.previous_lead in leads[job.id]:
                previous = dom.offset(job.previous_start)
                if previous in dom.allowed[job.id]:
                    place(job.id, previous, [job.previous_lead])
    region_lead = {dom.jobs[j].region: placed[j].lead for j in placed}
    for job in jobs:
        if job.id in placed:
            continue
        lo, hi = bounds(job.id)
        starts = [s for s in dom.allowed[job.id] if lo <= s <= hi]
        if sticky:
            starts = sorted(starts, key=lambda s: (dom.touches_friday(s), s))
            kept = region_lead.get(job.region)
            if kept in leads[job.id] and any(place(job.id, s, [kept]) for s in starts):
                continue
        order = by_load(job.id)  # loads change only when this job is placed
        for start in starts:
            if place(job.id, start, order):
                region_lead.setdefault(job.region, placed[job.id].lead)
                break
    missing = [j for j in instance.jobs if j.id not in placed]
    solution = Solution(
        status="infeasible" if missing else "feasible", placements=placed, wall_seconds=perf_counter() - started
    )
    solution.conflicts = [
        _("%(job)s tidak mendapat tanggal dan pemimpin dengan cara serakah (greedy).") % {"job": job_label(j)}
        for j in missing
    ]
    return solution
