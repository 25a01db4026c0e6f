"""The parts around the solver: the travel rule, the synthetic instances, the greedy baseline,
and what a plan says about itself (reasons, figures, what got worse, workshops moved)."""

import csv
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import django
from django.conf import settings

if not settings.configured:  # run alone with `-p no:django`: gettext and date formats need settings
    settings.configure(USE_I18N=True, LANGUAGE_CODE="id")
    django.setup()

from programs.scheduling.solver import explain  # noqa: E402
from programs.scheduling.solver.checker import check  # noqa: E402
from programs.scheduling.solver.greedy import greedy  # noqa: E402
from programs.scheduling.solver.instance import Instance, Job, Person, Placement  # noqa: E402
from programs.scheduling.solver.synthetic import demo_instance, national_instance, synthetic_instance  # noqa: E402
from programs.scheduling.solver.travel import ISLAND_GROUPS, travel_days_by_rule  # noqa: E402

pytestmark = []

PROVINCES = Path(__file__).resolve().parents[2] / "tenants" / "data" / "provinces.csv"


def test_every_province_has_an_island_group():
    with PROVINCES.open(encoding="utf-8") as fh:
        codes = {row["code"] for row in csv.DictReader(fh)}
    grouped = set().union(*ISLAND_GROUPS.values())
    assert codes == grouped and len(codes) == 38


def test_the_travel_rule():
    assert travel_days_by_rule("35", "35") == 0
    assert travel_days_by_rule("35", "31") == 1  # both Jawa
    assert travel_days_by_rule("11", "94") == 2  # Sumatera – Papua: no direct flights
    assert travel_days_by_rule("94", "35") == 1  # through Jawa
    assert travel_days_by_rule("73", "81") == 1  # Sulawesi – Maluku neighbours
    assert travel_days_by_rule("61", "51") == 2  # Kalimantan – Bali-NT
    assert all(travel_days_by_rule(a, b) == travel_days_by_rule(b, a) for a in ("11", "35", "73") for b in ("51", "94"))


def test_synthetic_instances_have_the_documented_sizes():
    demo, national = demo_instance(), national_instance()
    assert (len(demo.jobs), len(demo.persons)) == (200, 30)
    assert (len(national.jobs), len(national.persons)) == (2056, 150)
    assert date(2018, 8, 17) in demo.holidays and demo.window_end == date(2018, 10, 31)
    assert demo == demo_instance()  # seeded: the same instance every time


def test_greedy_places_every_demo_workshop_without_a_violation():
    inst = demo_instance(seed=2)
    solution = greedy(inst)
    assert solution.status == "feasible" and len(solution.placements) == len(inst.jobs)
    assert check(inst, solution.placements, require_all=True) == []


def test_greedy_names_what_it_could_not_place():
    inst = synthetic_instance(seed=1, regions=3, persons=2, window=(date(2018, 6, 1), date(2018, 7, 15)))
    solution = greedy(inst)
    assert solution.status == "infeasible" and solution.conflicts
    assert check(inst, solution.placements) == []  # what it placed is still valid


def _tiny() -> Instance:
    persons = (
        Person(1, "Ani", "35", frozenset({1, 2}), 4),
        Person(2, "Budi", "91", frozenset({1, 2}), 4),
    )
    jobs = (Job(1, "35.74", "Kota Probolinggo", "35", 1), Job(2, "35.74", "Kota Probolinggo", "35", 2))
    jobs += (Job(3, "35.75", "Kota Pasuruan", "35", 1, preferred=((date(2018, 7, 9), date(2018, 7, 15)),)),)
    return Instance(
        window_start=date(2018, 7, 2),
        window_end=date(2018, 9, 30),
        jobs=jobs,
        persons=persons,
        travel={("35", "91"): 2, ("91", "35"): 2},
        holidays=frozenset({date(2018, 8, 17)}),
        weekends_off=False,
    )


def test_reasons_name_what_binds_the_date_and_the_lead():
    inst = _tiny()
    plan = {
        1: Placement(date(2018, 7, 2), 1),
        2: Placement(date(2018, 7, 23), 1),
        3: Placement(date(2018, 7, 10), 2),
    }
    reasons = explain.reasons(inst, plan)
    assert "Mulai pada hari pertama jendela rencana." in reasons[1]
    assert any("Tepat 21 hari setelah Bimtek I" in r for r in reasons[2])
    assert any("Pemimpin yang sama dengan Bimtek I" in r for r in reasons[2])
    assert "Dalam minggu pilihan daerah." in reasons[3]
    assert any("Paling dekat" in r for r in reasons[1])


def test_stats_compare_and_moved():
    inst = _tiny()
    good = {1: Placement(date(2018, 7, 2), 1), 2: Placement(date(2018, 7, 23), 1), 3: Placement(date(2018, 7, 10), 2)}
    worse = {**good, 2: Placement(date(2018, 7, 27), 2), 3: Placement(date(2018, 7, 4), 1)}
    before, after = explain.stats(inst, good), explain.stats(inst, worse)
    assert before["extra_leads"] == 0 and after["extra_leads"] == 1
    assert before["preferred_hits"] == 1 and after["preferred_misses"] == 1
    assert after["fridays"] == 1  # 27 Jul 2018 is a Friday
    assert before["travel_days"] == 4 and after["travel_days"] == 4
    sentences = explain.compare(before, after)
    assert any("Pergantian pemimpin" in s for s in sentences)
    assert any("minggu pilihan" in s for s in sentences)
    assert explain.compare(before, before) == []
    assert explain.moved(good, worse) == 2 and explain.moved(good, good) == 0
    assert explain.moved(good, {1: good[1]}) == 2


def test_checker_and_stats_ignore_jobs_outside_the_instance():
    inst = _tiny()
    plan = {1: Placement(date(2018, 7, 2), 1), 99: Placement(date(2018, 7, 2), 1)}
    assert explain.stats(inst, plan)["placed"] == 2
    assert check(replace(inst, jobs=inst.jobs[:1]), {1: plan[1]}) == []
    assert check(inst, {1: Placement(date(2018, 7, 2) + timedelta(days=0), 1)}) == []
