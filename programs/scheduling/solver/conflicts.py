"""Why no plan exists, in words.

The model is rebuilt in explain mode (``ScheduleModel(explain=True)``): every group of hard
constraints hangs on an assumption literal. CP-SAT's ``SufficientAssumptionsForInfeasibility``
gives a set of groups that cannot hold together; deleting groups one by one while the rest stays
infeasible shrinks it to a minimal set (within the time budget), so each group named matters:
relaxing any one of them removes this conflict. The groups become sentences such as "Bimtek IV Kota
X tidak muat: jarak minimal 21 hari antartahap; akhir jendela 31 Okt 2018 hanya menyisakan 4 hari;
Bimtek IV hanya bisa dipimpin Ani, Budi; Ani tidak tersedia 1–20 Okt 2018 …".

Groups, as ``(kind, key)``: ``("window_start"|"window_end"|"blackout", region)``, ``("holidays",
None)``, ``("gap", (region, stage))``, ``("unavailable"|"monthly", person id)``, ``("leads",
stage)``, ``("fixed", job id)``.
"""

from collections import defaultdict
from datetime import timedelta
from time import perf_counter

from django.utils.translation import gettext as _
from ortools.sat.python import cp_model

from .domains import Domains
from .model import ScheduleModel
from .text import ROMAN, date_ranges, day, person_name, stage_name


def _solve(model: ScheduleModel, lits: list, seconds: float) -> tuple[int, list[int]]:
    model.m.ClearAssumptions()
    model.m.AddAssumptions(lits)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # the core of assumptions is reported by the sequential search
    solver.parameters.max_time_in_seconds = max(0.2, seconds)
    status = solver.Solve(model.m)
    core = list(solver.SufficientAssumptionsForInfeasibility()) if status == cp_model.INFEASIBLE else []
    return status, core


def explain(dom: Domains, *, time_limit: float = 20.0) -> tuple[list[str], list[tuple]]:
    """Sentences naming a minimal set of conflicting constraint groups, and the groups themselves."""
    started = perf_counter()
    model = ScheduleModel(dom, {j.id: dom.qualified(j.id) for j in dom.inst.jobs}, explain=True)
    by_index = {lit.Index(): key for key, lit in model.guards.items()}
    lit_of = dict(model.guards)
    status, core = _solve(model, list(lit_of.values()), time_limit * 0.6)
    if status != cp_model.INFEASIBLE:
        return [_("Tidak ada rencana yang ditemukan dalam batas waktu, dan penyebabnya belum dapat dipastikan.")], []
    groups = [by_index[i] for i in core]
    for key in list(groups):
        left = time_limit - (perf_counter() - started)
        if left < 0.5 or len(groups) <= 1:
            break
        trial = [g for g in groups if g != key]
        status, smaller = _solve(model, [lit_of[g] for g in trial], min(left, 5.0))
        if status == cp_model.INFEASIBLE:
            groups = [by_index[i] for i in smaller] or trial
    return sentences(dom, groups), groups


def sentences(dom: Domains, groups: list[tuple]) -> list[str]:
    inst = dom.inst
    if not groups:
        return [_("Tidak ada rencana yang mungkin, bahkan tanpa batasan yang dapat dilonggarkan.")]
    by_kind = defaultdict(list)
    for kind, key in groups:
        by_kind[kind].append(key)
    names = {job.region: job.region_name for job in inst.jobs}
    parts, details = [], []
    regions = sorted({k for kind in ("window_start", "window_end", "blackout") for k in by_kind[kind]})
    regions = sorted(set(regions) | {r for r, _s in by_kind["gap"]} | {dom.jobs[j].region for j in by_kind["fixed"]})
    stages_hit = defaultdict(set)
    gaps = defaultdict(set)
    for region, stage in by_kind["gap"]:
        gaps[region] |= {stage - 1, stage}
    for region, stages in sorted(gaps.items()):
        stages_hit[region] |= stages
        names_of = [stage_name(k) for k in sorted(stages)]
        args = {"gap": dom.gap, "stages": ", ".join(names_of[:-1]), "last": names_of[-1], "region": names[region]}
        parts.append(_("jarak minimal %(gap)s hari antara %(stages)s dan %(last)s %(region)s") % args)
    for region in by_kind["window_end"]:
        stages_hit[region].add(dom.jobs[dom.chains[region][-1]].stage)
        parts.append(_window_end(dom, region, names[region], "gap" in by_kind))
    for region in by_kind["window_start"]:
        stages_hit[region].add(dom.jobs[dom.chains[region][0]].stage)
        parts.append(
            _("awal jendela %(day)s untuk %(region)s") % {"day": day(inst.window_start), "region": names[region]}
        )
    for region in by_kind["blackout"]:
        ranges = sorted({r for j in dom.chains[region] for r in dom.jobs[j].blackouts})
        parts.append(_("%(region)s menutup %(ranges)s") % {"region": names[region], "ranges": date_ranges(ranges)})
    for job_id in by_kind["fixed"]:
        job = dom.jobs[job_id]
        stages_hit[job.region].add(job.stage)
        parts.append(_locked(dom, job))
    if by_kind["holidays"]:
        near = sorted(inst.holidays)
        shown = ", ".join(day(d) for d in near[:8]) + ("…" if len(near) > 8 else "")
        parts.append(_("libur nasional (%(days)s)") % {"days": shown} if near else _("akhir pekan"))
        if near and inst.weekends_off:
            parts.append(_("akhir pekan"))
    for stage in sorted(by_kind["leads"]):
        parts.append(_leads(dom, stage))
    for pid in sorted(by_kind["unavailable"]):
        person = dom.persons[pid]
        parts.append(
            _("%(person)s tidak tersedia %(ranges)s")
            % {"person": person.name, "ranges": date_ranges(person.unavailable)}
        )
    for pid in sorted(by_kind["monthly"]):
        person = dom.persons[pid]
        parts.append(
            _("%(person)s paling banyak %(max)s workshop per bulan")
            % {"person": person.name, "max": person.max_per_month}
        )
    subject = _subject(dom, regions, stages_hit, names)
    details = [p[0].upper() + p[1:] + "." for p in parts]
    return [_("%(subject)s tidak muat: %(parts)s.") % {"subject": subject, "parts": "; ".join(parts)}, *details]


def _subject(dom: Domains, regions, stages_hit, names) -> str:
    if not regions:
        return _("Rencana")
    labels = []
    for region in regions:
        stages = sorted(stages_hit[region]) or [dom.jobs[j].stage for j in dom.chains[region]]
        roman = ROMAN.get(stages[0], str(stages[0]))
        if len(stages) > 1:
            roman += "–" + ROMAN.get(stages[-1], str(stages[-1]))
        labels.append(_("Bimtek %(stages)s %(region)s") % {"stages": roman, "region": names[region]})
    return ", ".join(labels)


def _window_end(dom: Domains, region: str, name: str, with_gap: bool) -> str:
    """The end of the window and what the chain of stages leaves of it."""
    inst, chain = dom.inst, dom.chains[region]
    earliest = inst.window_start + timedelta(days=dom.gap * (len(chain) - 1)) if with_gap else inst.window_start
    latest = inst.window_end - timedelta(days=inst.workshop_days - 1)
    left = (latest - earliest).days + 1
    args = {"day": day(inst.window_end), "region": name, "stage": stage_name(dom.jobs[chain[-1]].stage)}
    if left > 0:
        args |= {"days": left, "from": day(earliest)}
        return (
            _(
                "akhir jendela %(day)s hanya menyisakan %(days)s hari untuk memulai %(stage)s %(region)s "
                "(paling cepat %(from)s)"
            )
            % args
        )
    return _("akhir jendela %(day)s terlalu dekat: %(stage)s %(region)s paling cepat %(from)s") % (
        args | {"from": day(earliest)}
    )


def _locked(dom: Domains, job) -> str:
    args = {"job": f"{stage_name(job.stage)} {job.region_name}"}
    if job.fixed_start is not None and job.fixed_lead is not None:
        args |= {"day": day(job.fixed_start), "lead": person_name(dom.persons, job.fixed_lead)}
        return _("%(job)s terkunci pada %(day)s dengan pemimpin %(lead)s") % args
    if job.fixed_start is not None:
        return _("%(job)s terkunci pada %(day)s") % (args | {"day": day(job.fixed_start)})
    return _("%(job)s terkunci dengan pemimpin %(lead)s") % (args | {"lead": person_name(dom.persons, job.fixed_lead)})


def _leads(dom: Domains, stage: int) -> str:
    leads = [p.name for p in dom.inst.persons if p.active and stage in p.stages]
    if not leads:
        return _("tidak ada fasilitator aktif yang memimpin %(stage)s") % {"stage": stage_name(stage)}
    if len(leads) <= 6:
        return _("%(stage)s hanya dapat dipimpin oleh %(names)s") % {
            "stage": stage_name(stage),
            "names": ", ".join(leads),
        }
    return _("%(stage)s harus dipimpin salah satu dari %(n)s pemimpin yang memenuhi syarat") % {
        "stage": stage_name(stage),
        "n": len(leads),
    }
