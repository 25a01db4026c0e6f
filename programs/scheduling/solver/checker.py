"""The independent judge of a plan: every hard constraint of the facilitator schedule, checked on
plain data, with a sentence per broken rule.

It does not share code with the solver on purpose (a solver bug must not hide itself), and it
drives the live warnings of hand edits, so it also works on a partial plan: jobs without a
placement are skipped unless ``require_all`` asks for them. Work is linear in the number of
placements plus, per person, a scan of the workshops that start within travel reach of each
other (sorted by date), so 2,000 jobs take milliseconds.
"""

from collections import Counter, defaultdict
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .instance import Instance, Placement, Violation
from .text import date_range, date_ranges, day, job_label, person_name, span, stage_name


def occupants(job, placement: Placement) -> set[int]:
    """Everyone who travels to the workshop: the lead and the attendees."""
    people = set(job.attendees)
    if placement.lead is not None:
        people.add(placement.lead)
    return people


def _hits(days: list[date], ranges) -> list[tuple[date, date]]:
    return [r for r in ranges if any(r[0] <= d <= r[1] for d in days)]


def check(instance: Instance, placements: dict[int, Placement], *, require_all: bool = False) -> list[Violation]:
    """Every broken hard constraint of ``placements`` (job id -> Placement), in a stable order."""
    out: list[Violation] = []
    persons = {p.id: p for p in instance.persons}
    wd = instance.workshop_days
    placed = [(job, placements[job.id]) for job in instance.jobs if job.id in placements]
    if require_all:
        out += [
            Violation("missing", _("%(job)s belum dijadwalkan.") % {"job": job_label(job)}, (job.id,))
            for job in instance.jobs
            if job.id not in placements
        ]
    for job, pl in placed:
        out += _job_violations(instance, persons, job, pl)
    out += _region_violations(instance, placements)
    out += _person_violations(instance, persons, placed, wd)
    return out


def _job_violations(instance: Instance, persons: dict, job, pl: Placement) -> list[Violation]:
    out = []
    wd = instance.workshop_days
    days = [pl.start + timedelta(days=k) for k in range(wd)]
    label, when = job_label(job), span(pl.start, wd)
    ids = (job.id,)
    if days[0] < instance.window_start or days[-1] > instance.window_end:
        window = date_range((instance.window_start, instance.window_end))
        msg = _("%(job)s (%(days)s) di luar jendela rencana %(window)s.")
        out.append(Violation("window", msg % {"job": label, "days": when, "window": window}, ids))
    holidays = [d for d in days if d in instance.holidays]
    if holidays:
        msg = _("%(job)s (%(days)s) jatuh pada libur nasional %(holidays)s.")
        out.append(
            Violation("holiday", msg % {"job": label, "days": when, "holidays": ", ".join(map(day, holidays))}, ids)
        )
    weekend = [d for d in days if d in instance.weekend_days]
    if weekend:
        msg = _("%(job)s (%(days)s) jatuh pada akhir pekan (%(weekend)s).")
        out.append(
            Violation("weekend", msg % {"job": label, "days": when, "weekend": ", ".join(map(day, weekend))}, ids)
        )
    blackouts = _hits(days, job.blackouts)
    if blackouts:
        msg = _("%(job)s (%(days)s) jatuh pada tanggal yang ditutup daerah: %(ranges)s.")
        out.append(Violation("blackout", msg % {"job": label, "days": when, "ranges": date_ranges(blackouts)}, ids))
    if job.fixed_start is not None and pl.start != job.fixed_start:
        msg = _("%(job)s terkunci pada %(fixed)s, tetapi dijadwalkan %(days)s.")
        out.append(Violation("locked", msg % {"job": label, "fixed": day(job.fixed_start), "days": when}, ids))
    if job.fixed_lead is not None and pl.lead != job.fixed_lead:
        msg = _("%(job)s terkunci dengan pemimpin %(fixed)s, tetapi dipimpin %(lead)s.")
        names = {"fixed": person_name(persons, job.fixed_lead), "lead": person_name(persons, pl.lead)}
        out.append(Violation("locked", msg % {"job": label, **names}, ids, pl.lead))
    out += _qualification(persons, job, pl, label)
    return out


def _qualification(persons: dict, job, pl: Placement, label: str) -> list[Violation]:
    ids = (job.id,)
    if pl.lead is None:
        return [Violation("qualification", _("%(job)s belum punya pemimpin.") % {"job": label}, ids)]
    person = persons.get(pl.lead)
    if person is None:
        msg = _("%(job)s dipimpin fasilitator #%(id)s yang tidak dikenal.")
        return [Violation("qualification", msg % {"job": label, "id": pl.lead}, ids, pl.lead)]
    out = []
    if not person.active:
        msg = _("%(job)s dipimpin %(person)s yang tidak aktif.")
        out.append(Violation("qualification", msg % {"job": label, "person": person.name}, ids, person.id))
    if job.stage not in person.stages:
        msg = _("%(person)s tidak memimpin %(stage)s, tetapi ditugaskan memimpin %(job)s.")
        args = {"person": person.name, "stage": stage_name(job.stage), "job": label}
        out.append(Violation("qualification", msg % args, ids, person.id))
    return out


def _region_violations(instance: Instance, placements: dict[int, Placement]) -> list[Violation]:
    """Stages of a region in order, each at least ``min_gap_days`` after the previous one (per stage
    between them when a middle stage is not placed yet)."""
    out = []
    regions = defaultdict(list)
    for job in instance.jobs:
        regions[job.region].append(job)
    for jobs in regions.values():
        jobs.sort(key=lambda j: j.stage)
        placed = [(i, j) for i, j in enumerate(jobs) if j.id in placements]
        for (i_prev, prev), (i_next, nxt) in zip(placed, placed[1:], strict=False):
            s_prev, s_next = placements[prev.id].start, placements[nxt.id].start
            need = instance.min_gap_days * (i_next - i_prev)
            ids = (prev.id, nxt.id)
            if s_next <= s_prev:
                msg = _("%(later)s (%(later_day)s) tidak dijadwalkan sesudah %(earlier)s (%(earlier_day)s).")
                args = {"later": job_label(nxt), "later_day": day(s_next)}
                args |= {"earlier": job_label(prev), "earlier_day": day(s_prev)}
                out.append(Violation("order", msg % args, ids))
            elif (s_next - s_prev).days < need:
                msg = _("%(later)s (%(later_day)s) mulai %(days)s hari setelah %(earlier)s; minimal %(need)s hari.")
                args = {"later": job_label(nxt), "later_day": day(s_next), "days": (s_next - s_prev).days}
                args |= {"earlier": job_label(prev), "need": need}
                out.append(Violation("gap", msg % args, ids))
    return out


def _person_violations(instance: Instance, persons: dict, placed, wd: int) -> list[Violation]:
    out = []
    calendar = defaultdict(list)  # person id -> [(start, job)]
    for job, pl in placed:
        for pid in occupants(job, pl):
            if pid in persons:
                calendar[pid].append((pl.start, job))
    reach = wd + max([2, *instance.travel.values()])
    for pid in sorted(calendar):
        person, items = persons[pid], sorted(calendar[pid], key=lambda item: (item[0], item[1].id))
        out += _unavailable(person, items, wd)
        out += _monthly(person, items)
        for i, (s_i, job_i) in enumerate(items):
            for s_k, job_k in items[i + 1 :]:
                if (s_k - s_i).days >= reach:
                    break
                out += _pair(instance, person, (s_i, job_i), (s_k, job_k))
    return out


def _unavailable(person, items, wd: int) -> list[Violation]:
    out = []
    for start, job in items:
        hits = _hits([start + timedelta(days=k) for k in range(wd)], person.unavailable)
        if hits:
            msg = _("%(person)s tidak tersedia pada %(ranges)s, bentrok dengan %(job)s (%(days)s).")
            args = {"person": person.name, "ranges": date_ranges(hits), "job": job_label(job), "days": span(start, wd)}
            out.append(Violation("unavailable", msg % args, (job.id,), person.id))
    return out


def _monthly(person, items) -> list[Violation]:
    out = []
    months = Counter((s.year, s.month) for s, _job in items)
    for (year, month), count in sorted(months.items()):
        if count > person.max_per_month:
            jobs = [job for s, job in items if (s.year, s.month) == (year, month)]
            msg = _(
                "%(person)s mendapat %(count)s workshop yang mulai pada %(month)s, melebihi batas %(max)s per bulan."
            )
            args = {"person": person.name, "count": count, "max": person.max_per_month}
            args["month"] = date_format(date(year, month, 1), "F Y")
            out.append(Violation("monthly_max", msg % args, tuple(j.id for j in jobs), person.id))
    return out


def _pair(instance: Instance, person, first, second) -> list[Violation]:
    (s_a, a), (s_b, b) = first, second
    wd = instance.workshop_days
    gap = (s_b - s_a).days - wd  # free days between the end of a and the start of b
    args = {"person": person.name, "a": job_label(a), "a_days": span(s_a, wd)}
    args |= {"b": job_label(b), "b_days": span(s_b, wd)}
    if gap < 0:
        msg = _("%(person)s dijadwalkan di dua tempat sekaligus: %(a)s (%(a_days)s) dan %(b)s (%(b_days)s).")
        return [Violation("overlap", msg % args, (a.id, b.id), person.id)]
    travel = instance.travel_days(a.province, b.province)
    if gap < travel:
        msg = _(
            "%(person)s butuh %(travel)s hari perjalanan dari %(a)s (%(a_days)s) ke %(b)s (%(b_days)s), "
            "tetapi hanya ada %(free)s hari."
        )
        return [Violation("travel", msg % (args | {"travel": travel, "free": gap}), (a.id, b.id), person.id)]
    return []
