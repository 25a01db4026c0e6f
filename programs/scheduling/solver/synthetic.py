"""Realistic scheduling instances from a seed: for tests, the benchmark and the demo.

Regions come from the registry file (``tenants/data/regencies.csv``), travel from the documented
rule, holidays from ``holidays.py``. Facilitators live mostly where the big universities are (Jawa,
then Medan, Makassar, Denpasar, …); most lead all four stages, some only two or three; each takes
3–5 workshops a month and is away for a one-to-two-week holiday, a conference or two and a
teaching or exam week. A fifth of the regions close a few days (an anniversary, a local
election), a third name preferred weeks.
"""

import csv
import random
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from .holidays import holidays_between
from .instance import Instance, Job, Person, Placement
from .travel import travel_table

REGENCIES = Path(__file__).resolve().parents[3] / "tenants" / "data" / "regencies.csv"

# Home provinces of facilitators, weighted like the universities that send them.
HOME_PROVINCES = ["31"] * 5 + ["32"] * 4 + ["34"] * 4 + ["35"] * 4 + ["33"] * 2 + ["36"]
HOME_PROVINCES += ["12", "13", "16", "51", "61", "64", "73", "71", "81", "94"]
FIRST = ["Ahmad", "Siti", "Budi", "Dewi", "Eko", "Fitri", "Gunawan", "Hana", "Irfan", "Joko", "Kartika", "Lukman"]
FIRST += ["Maya", "Nur", "Oki", "Putri", "Rizky", "Sari", "Teguh", "Umi", "Wahyu", "Yuni", "Zainal", "Agus"]
LAST = ["Santoso", "Wibowo", "Lestari", "Hidayat", "Nugroho", "Pratama", "Saputra", "Rahayu", "Kurniawan"]
LAST += ["Siregar", "Nasution", "Pangaribuan", "Tanjung", "Wijaya", "Sihombing", "Mahendra", "Putra", "Halim"]


@cache
def regencies() -> tuple[tuple[str, str, str], ...]:
    """(code "35.74", province "35", name) of all 514 regions."""
    with REGENCIES.open(encoding="utf-8") as fh:
        return tuple((row["code"], row["province_code"], row["name"]) for row in csv.DictReader(fh))


def _ranges(rng: random.Random, start: date, days: int, count: int, length: tuple[int, int]):
    out = []
    for _i in range(count):
        first = start + timedelta(days=rng.randrange(max(1, days)))
        out.append((first, first + timedelta(days=rng.randint(*length) - 1)))
    return tuple(sorted(out))


def _persons(rng: random.Random, count: int, start: date, days: int) -> tuple[Person, ...]:
    persons = []
    for pid in range(1, count + 1):
        roll = rng.random()
        if roll < 0.7:
            stages = {1, 2, 3, 4}
        else:
            first = rng.randint(1, 3)
            stages = set(range(first, min(4, first + rng.randint(1, 2)) + 1))
        unavailable = _ranges(rng, start, days, 1, (7, 14))  # a holiday
        unavailable += _ranges(rng, start, days, rng.randint(0, 2), (2, 4))  # conferences
        unavailable += _ranges(rng, start, days, 1, (5, 7))  # a teaching or exam week
        name = f"{FIRST[(pid - 1) % len(FIRST)]} {LAST[(pid * 7) % len(LAST)]}"
        if pid > len(FIRST):
            name += f" {pid}"
        persons.append(
            Person(
                id=pid,
                name=name,
                province=rng.choice(HOME_PROVINCES),
                stages=frozenset(stages),
                max_per_month=rng.randint(3, 5),
                unavailable=tuple(sorted(unavailable)),
            )
        )
    return tuple(persons)


def _weeks(rng: random.Random, start: date, days: int, count: int):
    monday = start - timedelta(days=start.weekday())
    weeks = max(1, days // 7)
    picks = sorted(rng.sample(range(weeks), min(count, weeks)))
    return tuple((monday + timedelta(weeks=w), monday + timedelta(weeks=w, days=6)) for w in picks)


def synthetic_instance(
    *,
    seed: int,
    regions: int = 50,
    persons: int = 30,
    window: tuple[date, date] = (date(2018, 6, 1), date(2018, 10, 31)),
    stages: tuple[int, ...] = (1, 2, 3, 4),
    min_gap_days: int = 21,
    time_limit_seconds: float = 30.0,
) -> Instance:
    rng = random.Random(seed)
    start, end = window
    days = (end - start).days + 1
    chosen = regencies() if regions >= len(regencies()) else rng.sample(regencies(), regions)
    jobs = []
    for index, (code, province, name) in enumerate(sorted(chosen)):
        blackouts = _ranges(rng, start, days, 1, (3, 7)) if rng.random() < 0.2 else ()
        preferred = _weeks(rng, start, days, rng.randint(2, 5)) if rng.random() < 0.33 else ()
        for stage in stages:
            jobs.append(
                Job(
                    id=index * 4 + stage,
                    region=code,
                    region_name=name,
                    province=province,
                    stage=stage,
                    blackouts=blackouts,
                    preferred=preferred,
                )
            )
    people = _persons(rng, persons, start, days)
    provinces = {p for _c, p, _n in regencies()} | {p.province for p in people}
    return Instance(
        window_start=start,
        window_end=end,
        jobs=tuple(jobs),
        persons=people,
        travel=travel_table(provinces),
        holidays=holidays_between(start, end),
        min_gap_days=min_gap_days,
        time_limit_seconds=time_limit_seconds,
    )


def demo_instance(seed: int = 1, time_limit_seconds: float = 30.0) -> Instance:
    """The demo cohort: 50 regions × 4 stages, 30 facilitators, June–October 2018."""
    return synthetic_instance(seed=seed, time_limit_seconds=time_limit_seconds)


def national_instance(seed: int = 1, time_limit_seconds: float = 120.0) -> Instance:
    """Every region at once: 514 × 4 stages, 150 facilitators, March–October 2026."""
    return synthetic_instance(
        seed=seed,
        regions=514,
        persons=150,
        window=(date(2026, 3, 1), date(2026, 10, 31)),
        time_limit_seconds=time_limit_seconds,
    )


def replan_instance(
    instance: Instance, placements: dict[int, Placement], *, drop: int, time_limit_seconds: float = 10.0
) -> Instance:
    """The re-plan after person ``drop`` falls ill: unavailable for the whole window, the last
    plan kept as ``previous_*`` and the solver asked to stay close to it."""
    jobs = tuple(
        replace(j, previous_start=placements[j.id].start, previous_lead=placements[j.id].lead)
        if j.id in placements
        else j
        for j in instance.jobs
    )
    persons = tuple(
        replace(p, unavailable=((instance.window_start, instance.window_end),)) if p.id == drop else p
        for p in instance.persons
    )
    return replace(instance, jobs=jobs, persons=persons, replan=True, time_limit_seconds=time_limit_seconds)
