"""What a plan says about itself: why each workshop got its date and its lead (``reasons``), its
figures (``stats``), what got worse than another version (``compare``) and how many workshops a
re-plan moved (``moved``).

A reason is named when it *binds*: the workshop could not be a day earlier (or later) because of
it, or the lead was the only one, the least loaded or the nearest of those who could be there.
Travel days in the figures are counted as a round trip home → region → home per workshop and
person (the same approximation as the solver's objective), not the chain between consecutive
workshops.
"""

import bisect
from collections import Counter, defaultdict
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from .domains import Domains
from .instance import Instance, Placement
from .text import day, job_label, person_name, stage_name


def _calendars(dom: Domains, placements: dict[int, Placement]) -> dict[int, list[tuple[int, int]]]:
    out = defaultdict(list)
    for job_id, pl in placements.items():
        job = dom.jobs.get(job_id)
        if job is None:
            continue
        for pid in {pl.lead, *job.attendees}:
            out[pid].append((dom.offset(pl.start), job_id))
    for items in out.values():
        items.sort()
    return out


def _free(dom: Domains, calendar, pid: int, job_id: int, start: int) -> bool:
    """Could ``pid`` take ``job_id`` at ``start`` given their other workshops (travel included)?"""
    if start in dom.person_blocked(pid):
        return False
    wd, province = dom.inst.workshop_days, dom.jobs[job_id].province
    items = calendar.get(pid, [])
    for other_start, other in items[bisect.bisect_left(items, (start - wd - 3, -1)) :]:
        if other_start > start + wd + 3:
            break
        if other == job_id:
            continue
        other_province = dom.jobs[other].province
        if other_start <= start and start < other_start + wd + dom.inst.travel_days(other_province, province):
            return False
        if other_start > start and other_start < start + wd + dom.inst.travel_days(province, other_province):
            return False
    return True


def reasons(
    instance: Instance, placements: dict[int, Placement], *, dom: Domains | None = None
) -> dict[int, list[str]]:
    dom = dom or Domains(instance)
    calendar = _calendars(dom, placements)
    load = Counter({pid: len(items) for pid, items in calendar.items()})
    return {
        job_id: _date_reasons(dom, placements, calendar, job_id)
        + _lead_reasons(dom, placements, calendar, load, job_id)
        for job_id in placements
        if job_id in dom.jobs
    }


def _date_reasons(dom: Domains, placements, calendar, job_id: int) -> list[str]:
    inst, job, pl = dom.inst, dom.jobs[job_id], placements[job_id]
    start, wd, out = dom.offset(pl.start), inst.workshop_days, []
    if job.fixed_start is not None and job.fixed_start == pl.start:
        return [_("Tanggal terkunci.")]
    if start == 0:
        out.append(_("Mulai pada hari pertama jendela rencana."))
    if start + wd - 1 == dom.horizon - 1:
        out.append(_("Berakhir pada hari terakhir jendela rencana."))
    chain = dom.chains[job.region]
    me = chain.index(job_id)
    for k, other in enumerate(chain):
        if other not in placements or k == me:
            continue
        other_start, need = dom.offset(placements[other].start), dom.gap * abs(me - k)
        if k < me and start == other_start + need:
            args = {"days": need, "stage": stage_name(dom.jobs[other].stage), "day": day(placements[other].start)}
            out.append(_("Tepat %(days)s hari setelah %(stage)s (%(day)s), jarak minimal antartahap.") % args)
        if k > me and other_start == start + need:
            args = {"days": need, "stage": stage_name(dom.jobs[other].stage), "day": day(placements[other].start)}
            out.append(_("%(stage)s (%(day)s) harus mulai %(days)s hari sesudahnya.") % args)
    earlier = pl.start - timedelta(days=1)
    if earlier in inst.holidays:
        out.append(_("Sehari lebih awal adalah libur nasional (%(day)s).") % {"day": day(earlier)})
    elif earlier in inst.weekend_days and pl.start.weekday() == 0:
        out.append(_("Mulai Senin: akhir pekan bukan hari kerja."))
    if any(a <= earlier <= b for a, b in job.blackouts):
        out.append(_("Sehari lebih awal adalah tanggal yang ditutup daerah."))
    if pl.lead in dom.persons:
        lead = dom.persons[pl.lead]
        if start > 0 and (start - 1) in dom.person_blocked(lead.id):
            out.append(_("Sehari lebih awal %(lead)s belum tersedia.") % {"lead": lead.name})
        for other_start, other in calendar.get(lead.id, []):
            travel = inst.travel_days(dom.jobs[other].province, job.province)
            if other != job_id and start == other_start + wd + travel:
                args = {"lead": lead.name, "job": job_label(dom.jobs[other]), "days": travel}
                out.append(_("%(lead)s baru selesai di %(job)s dan butuh %(days)s hari perjalanan.") % args)
    if job.preferred:
        hit = start in dom.preferred_starts(job_id)
        out.append(_("Dalam minggu pilihan daerah.") if hit else _("Di luar minggu pilihan daerah."))
    if inst.replan and job.previous_start is not None:
        if (job.previous_start, job.previous_lead) == (pl.start, pl.lead):
            out.append(_("Sama dengan versi sebelumnya."))
        else:
            out.append(_("Dipindahkan dari versi sebelumnya (%(day)s).") % {"day": day(job.previous_start)})
    return out or [_("Tanggal dipilih demi tujuan lunak: beban merata, perjalanan singkat, bukan hari Jumat.")]


def _lead_reasons(dom: Domains, placements, calendar, load, job_id: int) -> list[str]:
    job, pl = dom.jobs[job_id], placements[job_id]
    if job.fixed_lead is not None and job.fixed_lead == pl.lead:
        return [_("Pemimpin terkunci.")]
    out = []
    chain = dom.chains[job.region]
    same = [dom.jobs[j].stage for j in chain if j != job_id and j in placements and placements[j].lead == pl.lead]
    if same:
        out.append(_("Pemimpin yang sama dengan %(stages)s.") % {"stages": ", ".join(stage_name(s) for s in same)})
    start = dom.offset(pl.start)
    able = [p for p in dom.qualified(job_id) if p == pl.lead or _free(dom, calendar, p, job_id, start)]
    if able == [pl.lead]:
        args = {"stage": stage_name(job.stage)}
        out.append(_("Satu-satunya pemimpin %(stage)s yang tersedia pada tanggal itu.") % args)
    elif pl.lead in able:
        if load[pl.lead] <= min(load[p] for p in able):
            lightest = ngettext(
                "Beban paling ringan di antara yang tersedia (%(n)s workshop).",
                "Beban paling ringan di antara yang tersedia (%(n)s workshop).",
                load[pl.lead],
            )
            out.append(lightest % {"n": load[pl.lead]})
        trip = dom.round_trip(pl.lead, job_id)
        if trip <= min(dom.round_trip(p, job_id) for p in able):
            closest = ngettext(
                "Paling dekat: %(n)s hari perjalanan pulang-pergi dari provinsi asal.",
                "Paling dekat: %(n)s hari perjalanan pulang-pergi dari provinsi asal.",
                trip,
            )
            out.append(closest % {"n": trip})
    if dom.inst.replan and job.previous_lead == pl.lead:
        out.append(_("Pemimpin sama dengan versi sebelumnya."))
    return out or [_("%(lead)s dipilih demi tujuan lunak.") % {"lead": person_name(dom.persons, pl.lead)}]


def stats(instance: Instance, placements: dict[int, Placement]) -> dict:
    """Figures of a plan (JSON-ready): workload per person (workshops led or attended), the
    spread among active experts, travel days, distinct leads per region, preferred weeks hit and
    missed, workshops touching a Friday and back-to-back pairs of one person."""
    dom = Domains(instance)
    calendar = _calendars(dom, placements)
    wd = instance.workshop_days
    workload = {p.id: len(calendar.get(p.id, [])) for p in instance.persons}
    led = Counter(pl.lead for pl in placements.values())
    experts = [workload[p.id] for p in instance.persons if p.active and p.kind == "expert"]
    travel = sum(
        dom.round_trip(pid, job_id) for pid, items in calendar.items() if pid in dom.persons for _s, job_id in items
    )
    leads_by_region = defaultdict(set)
    preferred = Counter()
    fridays = 0
    for job_id, pl in placements.items():
        job = dom.jobs.get(job_id)
        if job is None:
            continue
        leads_by_region[job.region].add(pl.lead)
        start = dom.offset(pl.start)
        if job.preferred:
            preferred["hits" if start in dom.preferred_starts(job_id) else "misses"] += 1
        fridays += dom.touches_friday(start)
    back_to_back = 0
    for items in calendar.values():
        for (s1, j1), (s2, j2) in zip(items, items[1:], strict=False):
            back_to_back += s2 == s1 + wd + instance.travel_days(dom.jobs[j1].province, dom.jobs[j2].province)
    distinct = {region: len(leads) for region, leads in sorted(leads_by_region.items())}
    return {
        "placed": len(placements),
        "workload": workload,
        "led": {p.id: led[p.id] for p in instance.persons},
        "names": {p.id: p.name for p in instance.persons},
        "spread": (max(experts) - min(experts)) if experts else 0,
        "max_load": max(experts, default=0),
        "min_load": min(experts, default=0),
        "travel_days": travel,
        "distinct_leads": distinct,
        "extra_leads": sum(n - 1 for n in distinct.values()),
        "preferred_hits": preferred["hits"],
        "preferred_misses": preferred["misses"],
        "fridays": fridays,
        "back_to_back": back_to_back,
    }


WORSE = {
    "spread": gettext_noop(
        "Selisih beban fasilitator tersibuk dan tersepi naik dari %(old)s menjadi %(new)s workshop."
    ),
    "travel_days": gettext_noop("Total hari perjalanan naik dari %(old)s menjadi %(new)s."),
    "extra_leads": gettext_noop("Pergantian pemimpin antartahap dalam satu daerah naik dari %(old)s menjadi %(new)s."),
    "preferred_misses": gettext_noop("Workshop di luar minggu pilihan daerah naik dari %(old)s menjadi %(new)s."),
    "fridays": gettext_noop("Workshop yang jatuh pada hari Jumat naik dari %(old)s menjadi %(new)s."),
    "back_to_back": gettext_noop(
        "Workshop berturut-turut tanpa jeda untuk satu orang naik dari %(old)s menjadi %(new)s."
    ),
}


def compare(old: dict, new: dict) -> list[str]:
    """Sentences of what got worse from ``old`` to ``new`` (both from ``stats``)."""
    out = [_(WORSE[key]) % {"old": old[key], "new": new[key]} for key in WORSE if new.get(key, 0) > old.get(key, 0)]
    names = {**old.get("names", {}), **new.get("names", {})}
    before, after = old.get("workload", {}), new.get("workload", {})
    rises = sorted(((after[p] - before.get(p, 0), p) for p in after if after[p] > before.get(p, 0)), reverse=True)
    for rise, pid in rises[:5]:
        args = {"person": names.get(pid, pid), "old": before.get(pid, 0), "new": after[pid], "rise": rise}
        out.append(_("Beban %(person)s naik dari %(old)s menjadi %(new)s workshop.") % args)
    if len(rises) > 5:
        others = len(rises) - 5
        out.append(
            ngettext("Beban %(n)s fasilitator lain juga naik.", "Beban %(n)s fasilitator lain juga naik.", others)
            % {"n": others}
        )
    return out


def moved(previous: dict[int, Placement], new: dict[int, Placement]) -> int:
    """Workshops of ``previous`` whose date or lead differs in ``new`` (or that it lost)."""
    return sum(1 for job_id, pl in previous.items() if new.get(job_id) != pl)
