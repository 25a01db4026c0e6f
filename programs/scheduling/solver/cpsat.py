"""Proposes a facilitator schedule with OR-Tools CP-SAT: ``solve(instance)`` returns a ``Solution``.

Steps: the greedy baseline runs first (milliseconds) and, when it places everything, becomes the
solver's starting hint; the model is built over a pruned set of leads per region (see
``Domains.region_candidates``) and solved with two workers within the instance's time limit. When
the pruned model has no plan, the model with every qualified lead is tried before anything is
called infeasible; when that has none either, ``conflicts.explain`` names the conflicting groups
of constraints in words. The plan returned is always re-checked by the independent checker.
"""

import logging
from time import perf_counter

from django.utils.translation import gettext as _
from ortools.sat.python import cp_model

from . import conflicts, explain
from .checker import check
from .domains import Domains
from .greedy import greedy
from .instance import Instance, Placement, Solution
from .model import ScheduleModel

logger = logging.getLogger(__name__)

STATUS = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible", cp_model.INFEASIBLE: "infeasible"}
LEADS_PER_REGION_SMALL = 8  # persons considered per region up to 60 facilitators
LEADS_PER_REGION_LARGE = 4
REPLAN_DAYS = 14
# Beyond this many jobs the full model (hundreds of thousands of job pairs) finds no plan in time
# on two cores: the solver improves the greedy start instead, each job within ``LARGE_DAYS`` of it,
# with two candidate leads per region besides the start's own.
LARGE_JOBS = 600
LARGE_DAYS = 10
AFTER_SOLVE_SECONDS = 1.5  # kept from the time limit for the checker, the reasons and the figures


class _Progress(cp_model.CpSolverSolutionCallback):
    """Reports each better plan at most once a second, as 20–95 % of the time limit."""

    def __init__(self, report, started: float, limit: float):
        super().__init__()
        self.report, self.started, self.limit = report, started, max(limit, 0.1)
        self.count, self.last = 0, 0.0

    def on_solution_callback(self):
        self.count += 1
        now = perf_counter()
        if self.count == 1 or now - self.last >= 1.0:
            self.last = now
            percent = 20 + int(75 * min(1.0, (now - self.started) / self.limit))
            message = _("Rencana ke-%(n)s ditemukan (skor %(score)s)") % {
                "n": self.count,
                "score": int(self.ObjectiveValue()),
            }
            self.report(percent, message)


def _quiet(percent: int, message: str) -> None:
    return None


def solve(instance: Instance, *, on_progress=None, hint: dict[int, Placement] | None = None) -> Solution:
    started = perf_counter()
    report = on_progress or _quiet
    report(2, _("Menyiapkan data"))
    dom = Domains(instance)
    base = greedy(instance, dom=dom)
    start_from = greedy(instance, dom=dom, sticky=True)
    if start_from.status != "feasible":
        start_from = base
    seed = dict(start_from.placements) if start_from.status == "feasible" else {}
    seed.update(hint or {})
    if not all(dom.allowed.values()) or not all(dom.feasible_leads(j.id) for j in instance.jobs):
        return _infeasible(dom, started, report)
    keep = {
        j.id: {p for p in (j.fixed_lead, j.previous_lead, seed.get(j.id) and seed[j.id].lead) if p}
        for j in instance.jobs
    }
    per_region = LEADS_PER_REGION_SMALL if len(instance.persons) <= 60 else LEADS_PER_REGION_LARGE
    candidates, narrow = dom.region_candidates(per_region, keep), {}
    if instance.replan:
        candidates, narrow = _stay_near(dom, candidates)
    elif len(instance.jobs) > LARGE_JOBS and seed:
        candidates = dom.region_candidates(2, keep)
        narrow = {
            job_id: (dom.offset(p.start) - LARGE_DAYS, dom.offset(p.start) + LARGE_DAYS) for job_id, p in seed.items()
        }
    solution = _run(dom, candidates, seed, report, started, narrow)
    if solution.status == "infeasible":
        everyone = {j.id: dom.feasible_leads(j.id) for j in instance.jobs}
        solution = _run(dom, everyone, seed, report, started)
    if solution.status == "infeasible":
        return _infeasible(dom, started, report)
    if solution.status == "unknown" and start_from.status == "feasible":
        solution.placements, solution.status = start_from.placements, "feasible"
        solution.stats["from_greedy"] = True
    solution.wall_seconds = perf_counter() - started
    if solution.placements:
        violations = check(instance, solution.placements, require_all=True)
        if violations:  # a solver bug: say so loudly rather than hand over a broken plan quietly
            logger.error("scheduling solver produced %d violations: %s", len(violations), violations[:3])
        solution.stats |= explain.stats(instance, solution.placements) | {"violations": len(violations)}
        solution.reasons = explain.reasons(instance, solution.placements, dom=dom)
    report(100, _("Selesai"))
    return solution


def _stay_near(dom: Domains, candidates: dict[int, list[int]]):
    """A re-plan searches near the last version: a workshop whose previous lead can still lead it
    keeps that lead and moves at most ``REPLAN_DAYS`` days; the others get the region's candidates
    and the whole window. (If that finds no plan, the full model is tried next.)"""
    narrow, kept = {}, dict(candidates)
    for job in dom.inst.jobs:
        if job.previous_start is None or job.fixed_start is not None:
            continue
        previous = dom.offset(job.previous_start)
        if job.previous_lead in dom.feasible_leads(job.id) and job.previous_lead in candidates[job.id]:
            kept[job.id] = [job.previous_lead]
            narrow[job.id] = (previous - REPLAN_DAYS, previous + REPLAN_DAYS)
    return kept, narrow


def _run(dom: Domains, candidates, seed, report, started: float, narrow=None) -> Solution:
    inst = dom.inst
    report(10, _("Membangun model"))
    model = ScheduleModel(dom, candidates, narrow=narrow)
    _hint(model, seed)
    _complete_hint(model, min(5.0, inst.time_limit_seconds / 6))
    remaining = inst.time_limit_seconds - (perf_counter() - started) - AFTER_SOLVE_SECONDS
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = max(1.0, remaining)
    _light_presolve(solver)
    report(20, _("Mencari rencana"))
    status = solver.Solve(model.m, _Progress(report, perf_counter(), remaining))
    solution = Solution(status=STATUS.get(status, "unknown"))
    solution.stats = {"variables": len(model.m.Proto().variables), "pairs": len(model.pairs)}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        solution.objective = solver.ObjectiveValue()
        solution.bound = solver.BestObjectiveBound()
        for job in inst.jobs:
            lead = next(p for p, x in model.lead[job.id].items() if solver.BooleanValue(x))
            solution.placements[job.id] = Placement(dom.date(solver.Value(model.start[job.id])), lead)
    return solution


def _hint(model: ScheduleModel, seed: dict[int, Placement]):
    dom = model.dom
    for job_id, placement in seed.items():
        if job_id not in model.start:
            continue
        start = dom.offset(placement.start)
        if model.est[job_id] <= start <= model.lst[job_id]:
            model.m.AddHint(model.start[job_id], start)
        for pid, x in model.lead[job_id].items():
            model.m.AddHint(x, pid == placement.lead)
    for (i, j), before in model.order.items():
        if not isinstance(before, bool) and i in seed and j in seed:
            model.m.AddHint(before, seed[i].start < seed[j].start)


def _light_presolve(solver: cp_model.CpSolver):
    """Probing and symmetry detection took most of the time limit on the demo cohort (tens of
    thousands of pair literals) for no better plans: one presolve pass without them."""
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.symmetry_level = 0
    solver.parameters.max_presolve_iterations = 1


def _complete_hint(model: ScheduleModel, seconds: float):
    """Turn the hint of starts and leads into a value for every variable (a short solve with the
    hinted variables fixed), so the search starts from a whole plan, not a partial guess."""
    proto = model.m.Proto()
    if not proto.solution_hint.vars:
        return
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.stop_after_first_solution = True
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    _light_presolve(solver)
    if solver.Solve(model.m) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        values = solver.ResponseProto().solution
        model.m.ClearHints()
        proto.solution_hint.vars.extend(range(len(values)))
        proto.solution_hint.values.extend(values)


def _infeasible(dom: Domains, started: float, report) -> Solution:
    report(60, _("Tidak ada rencana yang mungkin; mencari batasan yang bertentangan"))
    budget = max(5.0, dom.inst.time_limit_seconds - (perf_counter() - started))
    sentences, groups = conflicts.explain(dom, time_limit=budget)
    report(100, _("Selesai"))
    solution = Solution(status="infeasible", conflicts=sentences, wall_seconds=perf_counter() - started)
    solution.stats["conflict_groups"] = groups
    return solution
