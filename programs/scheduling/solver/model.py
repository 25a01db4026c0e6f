"""The CP-SAT model of a facilitator schedule, in two modes.

*Solve mode* (the default): each job's start variable ranges over its allowed starts only (inside
the window, clear of holidays, blackouts and its attendees' absences, narrowed by the region's
chain of stages), one boolean per (job, candidate lead), every hard constraint posted without
condition, and the weighted soft goals as the objective.

*Explain mode*: starts range over a wider horizon and every group of hard constraints (the
window's start and end per region, holidays, a region's blackouts, a gap between two stages, a
person's unavailability or monthly maximum, the leads of a stage, a locked workshop) is enforced
only under its own assumption literal, so the solver's core names the groups that conflict. Being
in two places at once and travel stay unconditional: they are physics, not a rule to relax, and
with the window relaxed they can always be met.

Travel between two workshops depends only on the provinces of the two workshops, so the order of
a pair of jobs (one boolean) and the travel constraints are shared by every person who may take
both; a pair is only posted when some person may take both and their dates can come within travel
reach of each other.
"""

from collections import defaultdict

from ortools.sat.python import cp_model

from .domains import Domains, blocked_starts

Domain = cp_model.Domain


def _domain_without(lo: int, hi: int, bad: set[int]) -> Domain:
    return Domain.FromValues([s for s in range(lo, hi + 1) if s not in bad])


class ScheduleModel:
    def __init__(
        self, dom: Domains, candidates: dict[int, list[int]], *, explain: bool = False, narrow: dict | None = None
    ):
        """``narrow``: job id -> (first, last) start offsets to search in (solve mode only)."""
        self.dom, self.inst, self.explain = dom, dom.inst, explain
        self.est, self.lst = dict(dom.est), dict(dom.lst)
        for job_id, (first, last) in (narrow or {}).items():
            kept = [v for v in dom.allowed[job_id] if max(first, dom.est[job_id]) <= v <= min(last, dom.lst[job_id])]
            if kept:
                self.est[job_id], self.lst[job_id] = kept[0], kept[-1]
        self.wd = self.inst.workshop_days
        self.m = cp_model.CpModel()
        self.guards: dict[tuple, cp_model.IntVar] = {}
        self.start: dict[int, cp_model.IntVar] = {}
        self.lead: dict[int, dict[int, cp_model.IntVar]] = {}
        self.order: dict[tuple[int, int], object] = {}  # (i, j) -> literal "i before j", or True/False
        self.terms: list = []  # the objective, as a list of weighted expressions
        self.offset = 0  # constant part of the objective
        self.candidates = candidates
        if explain:
            reach = self.wd + 2
            busiest = max([0, *(sum(pid in j.attendees for j in self.inst.jobs) for pid in dom.persons)])
            self.lo = -(dom.gap * 4 + self.wd + 7)
            self.hi = dom.horizon - 1 + max(dom.gap * 4 + 14, reach * (busiest + 1))
        self._starts()
        self._chains()
        self._leads()
        self._calendars()
        self._monthly()
        self._capacity()
        if not explain:
            self._objective()

    # -- helpers -------------------------------------------------------------------------------
    def guard(self, kind: str, key=None) -> list:
        if not self.explain:
            return []
        if (kind, key) not in self.guards:
            self.guards[(kind, key)] = self.m.NewBoolVar(f"{kind}:{key}")
        return [self.guards[(kind, key)]]

    def bounds(self, job_id: int) -> tuple[int, int]:
        if self.explain:
            return self.lo, self.hi
        return self.est[job_id], self.lst[job_id]

    def presence(self, job_id: int, pid: int):
        """None when the person surely attends the job, else their lead literal."""
        job = self.dom.jobs[job_id]
        if pid in job.attendees:
            return None
        return self.lead[job_id].get(pid)

    # -- hard constraints ----------------------------------------------------------------------
    def _starts(self):
        dom, wd = self.dom, self.wd
        for job in self.inst.jobs:
            if not self.explain:
                values = [v for v in dom.allowed[job.id] if self.est[job.id] <= v <= self.lst[job.id]]
                self.start[job.id] = self.m.NewIntVarFromDomain(Domain.FromValues(values), f"s{job.id}")
                continue
            s = self.start[job.id] = self.m.NewIntVar(self.lo, self.hi, f"s{job.id}")
            self.m.Add(s >= 0).OnlyEnforceIf(self.guard("window_start", job.region))
            self.m.Add(s <= dom.horizon - wd).OnlyEnforceIf(self.guard("window_end", job.region))
            holidays = blocked_starts([(d, d) for d in self.inst.days_off], self.inst.window_start, wd)
            if holidays & set(range(self.lo, self.hi + 1)):
                self._avoid(s, holidays, self.guard("holidays"))
            if job.blackouts:
                self._avoid(
                    s, blocked_starts(job.blackouts, self.inst.window_start, wd), self.guard("blackout", job.region)
                )
            for pid in sorted(job.attendees & dom.persons.keys()):
                self._avoid(s, dom.person_blocked(pid), self.guard("unavailable", pid))
            if job.fixed_start is not None:
                self.m.Add(s == dom.offset(job.fixed_start)).OnlyEnforceIf(self.guard("fixed", job.id))

    def _avoid(self, s, bad: set[int], enforce: list):
        self.m.AddLinearExpressionInDomain(s, _domain_without(self.lo, self.hi, bad)).OnlyEnforceIf(enforce)

    def _chains(self):
        for region, chain in self.dom.chains.items():
            for prev, nxt in zip(chain, chain[1:], strict=False):
                stage = self.dom.jobs[nxt].stage
                self.m.Add(self.start[nxt] >= self.start[prev] + self.dom.gap).OnlyEnforceIf(
                    self.guard("gap", (region, stage))
                )

    def _leads(self):
        dom = self.dom
        for job in self.inst.jobs:
            people = self.candidates.get(job.id, [])
            x = self.lead[job.id] = {pid: self.m.NewBoolVar(f"x{job.id}_{pid}") for pid in people}
            s = self.start[job.id]
            if not self.explain:
                self.m.AddExactlyOne(x.values())
                for pid, lit in x.items():
                    available = dom.available_starts(job.id, pid)
                    if len(available) < len(dom.allowed[job.id]):
                        self.m.AddLinearExpressionInDomain(s, Domain.FromValues(available)).OnlyEnforceIf(lit)
                continue
            self.m.AddAtMostOne(x.values())
            self.m.Add(sum(x.values()) >= 1).OnlyEnforceIf(self.guard("leads", job.stage))
            for pid, lit in x.items():
                if dom.persons[pid].unavailable:
                    self._avoid(s, dom.person_blocked(pid), [lit, *self.guard("unavailable", pid)])
            if job.fixed_lead is not None:
                fixed = self.guard("fixed", job.id)
                if job.fixed_lead in x:
                    self.m.AddImplication(fixed[0], x[job.fixed_lead])
                else:
                    self.m.Add(fixed[0] == 0)

    def _person_jobs(self) -> dict[int, dict[int, object]]:
        """Person id -> {job id: presence literal or None (always there)}."""
        jobs = defaultdict(dict)
        for job in self.inst.jobs:
            for pid in self.lead[job.id]:
                jobs[pid][job.id] = self.lead[job.id][pid]
            for pid in job.attendees & self.dom.persons.keys():
                jobs[pid][job.id] = None
        return jobs

    def _calendars(self):
        wd = self.wd
        person_jobs = self._person_jobs()
        shared = defaultdict(list)  # (i, j) -> [(presence i, presence j)] per person who may take both
        for pid, jobs in person_jobs.items():
            if not self.explain:
                self.m.AddNoOverlap(
                    self.m.NewOptionalFixedSizeIntervalVar(
                        self.start[j], wd, True if lit is None else lit, f"i{j}_{pid}"
                    )
                    for j, lit in jobs.items()
                )
            ids = sorted(jobs)
            for a, i in enumerate(ids):
                for j in ids[a + 1 :]:
                    if self._within_reach(i, j):
                        shared[(i, j)].append((jobs[i], jobs[j]))
        self.pairs = {}
        for (i, j), presences in shared.items():
            self.pairs[(i, j)] = together = self._together(presences)
            self._pair(i, j, together)

    def _within_reach(self, i: int, j: int) -> bool:
        ji, jj = self.dom.jobs[i], self.dom.jobs[j]
        t_ij, t_ji = self.inst.travel_days(ji.province, jj.province), self.inst.travel_days(jj.province, ji.province)
        (lo_i, hi_i), (lo_j, hi_j) = self.bounds(i), self.bounds(j)
        if not self.explain and ji.region == jj.region:
            apart = self.dom.gap * abs(self.dom.chains[ji.region].index(j) - self.dom.chains[ji.region].index(i))
            if apart >= self.wd + max(t_ij, t_ji):
                return False
        return lo_j < hi_i + self.wd + t_ij and lo_i < hi_j + self.wd + t_ji

    def _together(self, presences):
        """A literal true when one person takes both jobs (None: surely someone does)."""
        if any(a is None and b is None for a, b in presences):
            return None
        if len(presences) == 1 and (presences[0][0] is None or presences[0][1] is None):
            a, b = presences[0]
            return a if b is None else b
        together = self.m.NewBoolVar("")
        for a, b in presences:
            self.m.AddBoolOr([lit.Not() for lit in (a, b) if lit is not None] + [together])
        return together

    def _pair(self, i: int, j: int, together):
        wd, inst = self.wd, self.inst
        si, sj = self.start[i], self.start[j]
        ji, jj = self.dom.jobs[i], self.dom.jobs[j]
        t_ij, t_ji = inst.travel_days(ji.province, jj.province), inst.travel_days(jj.province, ji.province)
        (lo_i, hi_i), (lo_j, hi_j) = self.bounds(i), self.bounds(j)
        if lo_j > hi_i:
            before = True
        elif lo_i > hi_j:
            before = False
        else:
            before = self.m.NewBoolVar(f"b{i}_{j}")
        self.order[(i, j)] = before
        cond = [] if together is None else [together]
        btb = None
        if not self.explain and inst.weights.back_to_back:
            btb = self.m.NewBoolVar(f"btb{i}_{j}")
            self.terms.append(inst.weights.back_to_back * btb)
        for first, second, travel, side in ((si, sj, t_ij, True), (sj, si, t_ji, False)):
            if before is (not side):
                continue
            enforce = cond + ([] if isinstance(before, bool) else [before if side else before.Not()])
            self.m.Add(second >= first + wd + travel).OnlyEnforceIf(enforce)
            if btb is not None:
                self.m.Add(second >= first + wd + travel + 1).OnlyEnforceIf(enforce + [btb.Not()])

    def _monthly(self):
        dom = self.dom
        in_month = {}
        for pid, jobs in sorted(self._person_jobs().items()):
            cap = dom.persons[pid].max_per_month
            for index, (a, b) in enumerate(dom.months):
                inside = [j for j in jobs if self.bounds(j)[0] <= b and self.bounds(j)[1] >= a]
                if len(inside) <= cap:
                    continue
                counted = []
                for j in inside:
                    if (j, index) not in in_month:
                        in_month[(j, index)] = self._in_range(j, a, b)
                    flag, presence = in_month[(j, index)], jobs[j]
                    if presence is None:
                        counted.append(flag)
                        continue
                    both = self.m.NewBoolVar("")
                    self.m.AddBoolOr([presence.Not(), flag.Not(), both])
                    counted.append(both)
                self.m.Add(sum(counted) <= cap).OnlyEnforceIf(self.guard("monthly", pid))

    def _capacity(self):
        """Redundant: in any run of months a person holds at most, per month, the monthly maximum
        or the workshops that fit side by side on their working days, whichever is fewer; the jobs
        that can only start within those months and that the person may take share that sum.
        Implied by the calendars and monthly maxima, but stated as sums over the lead booleans it
        lets the solver see at once that too few people are free for the workshops due by a date
        (with weekends off, small infeasible instances otherwise took longer to prove than their
        time limit). In explain mode each sum holds under the groups it follows from: the days
        off, the person's absences and maximum, and for the jobs counted their region's window,
        blackouts, gaps and locks (what ``Domains`` narrowed their starts with)."""
        dom, wd, months = self.dom, self.wd, self.dom.months
        days_off = blocked_starts([(d, d) for d in self.inst.days_off], self.inst.window_start, wd)
        est, lst = (dom.est, dom.lst) if self.explain else (self.est, self.lst)
        runs = [(i, k) for i in range(len(months)) for k in range(i, len(months))]
        for pid, jobs in sorted(self._person_jobs().items()):
            blocked = dom.person_blocked(pid)
            starts = [v for v in range(dom.horizon - wd + 1) if v not in days_off and v not in blocked]
            cap = dom.persons[pid].max_per_month
            fit = [min(self._fit(starts, a, b), cap) for a, b in months]
            if self.explain and len(jobs) > sum(fit):  # every job inside the window: its guards only
                self._at_most(jobs, sum(fit), self._capacity_guards(pid, jobs, ("window_start", "window_end")))
            for i, k in runs:
                first, last = months[i][0], months[k][1]
                inside = {j: lit for j, lit in jobs.items() if est[j] >= first and lst[j] <= last}
                if len(inside) > sum(fit[i : k + 1]):
                    self._at_most(inside, sum(fit[i : k + 1]), self._capacity_guards(pid, inside))

    def _at_most(self, jobs: dict, most: int, enforce: list):
        self.m.Add(sum(1 if lit is None else lit for lit in jobs.values()) <= most).OnlyEnforceIf(enforce)

    def _capacity_guards(self, pid: int, jobs, kinds=("window_start", "window_end", "blackout")) -> list:
        if not self.explain:
            return []
        names = [("holidays", None), ("unavailable", pid), ("monthly", pid)]
        for region in {self.dom.jobs[j].region for j in jobs}:
            names += [(kind, region) for kind in kinds]
            if "blackout" in kinds:  # the starts were narrowed along the region's chain too
                chain = [self.dom.jobs[j] for j in self.dom.chains[region]]
                names += [("gap", (region, job.stage)) for job in chain] + [("fixed", job.id) for job in chain]
                names += [("unavailable", a) for job in chain for a in job.attendees]
        return [self.guards[name] for name in dict.fromkeys(names) if name in self.guards]

    def _fit(self, starts: list[int], a: int, b: int) -> int:
        """Most workshops side by side with starts among ``starts`` within days ``a``–``b``."""
        fit, free_from = 0, a
        for v in starts:
            if a <= v <= b and v >= free_from:
                fit, free_from = fit + 1, v + self.wd
        return fit

    def _in_range(self, job_id: int, a: int, b: int):
        s, (lo, hi) = self.start[job_id], self.bounds(job_id)
        flag = self.m.NewBoolVar("")
        self.m.AddLinearConstraint(s, a, b).OnlyEnforceIf(flag)
        outside = [[lo, a - 1]] if lo <= a - 1 else []
        outside += [[b + 1, hi]] if b + 1 <= hi else []
        self.m.AddLinearExpressionInDomain(s, Domain.FromIntervals(outside)).OnlyEnforceIf(flag.Not())
        return flag

    # -- soft goals ----------------------------------------------------------------------------
    def _objective(self):
        inst, dom, w = self.inst, self.dom, self.inst.weights
        if w.same_lead:
            for chain in dom.chains.values():
                people = set().union(*(self.lead[j].keys() for j in chain))
                if len(chain) < 2 or not people:
                    continue
                for pid in people:
                    used = self.m.NewBoolVar("")
                    for j in chain:
                        if pid in self.lead[j]:
                            self.m.AddImplication(self.lead[j][pid], used)
                    self.terms.append(w.same_lead * used)
                self.offset -= w.same_lead
        if w.balance:
            self._balance(w.balance)
        if w.travel:
            self.terms.append(
                w.travel * sum(dom.round_trip(pid, j) * x for j, leads in self.lead.items() for pid, x in leads.items())
            )
        for job in inst.jobs:
            allowed, s = dom.allowed[job.id], self.start[job.id]
            if job.preferred and w.preference:
                self._penalise_outside(s, [v for v in allowed if v in dom.preferred_starts(job.id)], w.preference)
            if w.friday:
                self._penalise_outside(s, [v for v in allowed if not dom.touches_friday(v)], w.friday)
            if inst.replan and w.stay_close and job.previous_start is not None:
                self._stay_close(job, w.stay_close)
        self.m.Minimize(sum(self.terms) + self.offset)

    def _penalise_outside(self, s, good: list[int], weight: int):
        if not good:
            self.offset += weight
            return
        miss = self.m.NewBoolVar("")
        self.m.AddLinearExpressionInDomain(s, Domain.FromValues(good)).OnlyEnforceIf(miss.Not())
        self.terms.append(weight * miss)

    def _stay_close(self, job, weight: int):
        previous = self.dom.offset(job.previous_start)
        x = self.lead[job.id].get(job.previous_lead)
        if previous not in self.dom.allowed[job.id] or x is None:
            self.offset += weight
            return
        moved = self.m.NewBoolVar("")
        self.m.Add(self.start[job.id] == previous).OnlyEnforceIf(moved.Not())
        self.m.AddImplication(moved.Not(), x)
        self.terms.append(weight * moved)

    def _balance(self, weight: int):
        experts = [p for p in self.inst.persons if p.active and p.kind == "expert"]
        if len(experts) < 2:
            return
        n = len(self.inst.jobs)
        most, least = self.m.NewIntVar(0, n, "most"), self.m.NewIntVar(0, n, "least")
        for person in experts:
            attended = sum(person.id in job.attendees for job in self.inst.jobs)
            load = sum(leads[person.id] for leads in self.lead.values() if person.id in leads) + attended
            self.m.Add(most >= load)
            self.m.Add(least <= load)
        self.terms.append(weight * (most - least))
