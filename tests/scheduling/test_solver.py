"""The solver against the independent checker: on small random instances (hypothesis) every plan
passes the checker, or the instance is infeasible and the conflicts name real constraint groups —
relaxing the named groups, round after round, reaches a plan. Plus the cases the product relies
on: the issue's example of an infeasible region, locked workshops, re-planning and progress."""

import random
from dataclasses import replace
from datetime import date, timedelta

import django
from django.conf import settings

if not settings.configured:  # run alone with `-p no:django`: gettext and date formats need settings
    settings.configure(USE_I18N=True, LANGUAGE_CODE="id")
    django.setup()

from hypothesis import HealthCheck, event, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from programs.scheduling.solver.checker import check  # noqa: E402
from programs.scheduling.solver.cpsat import solve  # noqa: E402
from programs.scheduling.solver.explain import moved  # noqa: E402
from programs.scheduling.solver.greedy import greedy  # noqa: E402
from programs.scheduling.solver.instance import Instance, Job, Person  # noqa: E402
from programs.scheduling.solver.synthetic import replan_instance, synthetic_instance  # noqa: E402
from programs.scheduling.solver.travel import travel_table  # noqa: E402

pytestmark = []

PROVINCES = ["31", "35", "73", "91", "12"]
START = date(2018, 6, 1)


def _ranges(rng: random.Random, days: int, count: int, longest: int):
    out = []
    for _i in range(count):
        first = START + timedelta(days=rng.randrange(days))
        out.append((first, first + timedelta(days=rng.randint(1, longest) - 1)))
    return tuple(sorted(out))


@st.composite
def small_instances(draw):
    regions, people = draw(st.integers(2, 6)), draw(st.integers(2, 5))
    days, gap = draw(st.integers(30, 150)), draw(st.sampled_from([7, 14, 21]))
    rng = random.Random(draw(st.integers(0, 10**9)))
    persons = tuple(
        Person(
            id=pid,
            name=f"Orang {pid}",
            province=rng.choice(PROVINCES),
            stages=frozenset(rng.sample([1, 2, 3, 4], rng.randint(1, 4))),
            max_per_month=rng.randint(2, 5),
            unavailable=_ranges(rng, days, rng.randint(0, 2), 20),
        )
        for pid in range(1, people + 1)
    )
    jobs = []
    for r in range(regions):
        province = rng.choice(PROVINCES)
        blackouts = _ranges(rng, days, 1, 6) if rng.random() < 0.3 else ()
        preferred = _ranges(rng, days, 1, 14) if rng.random() < 0.3 else ()
        for stage in range(rng.choice([1, 1, 3]), 5):
            fixed = rng.random() < 0.05
            jobs.append(
                Job(
                    id=r * 10 + stage,
                    region=f"{province}.{70 + r}",
                    region_name=f"Kota Uji {r}",
                    province=province,
                    stage=stage,
                    blackouts=blackouts,
                    preferred=preferred,
                    fixed_start=START + timedelta(days=rng.randrange(days)) if fixed else None,
                    fixed_lead=rng.randint(1, people) if fixed and rng.random() < 0.5 else None,
                )
            )
    holidays = frozenset(START + timedelta(days=rng.randrange(days)) for _i in range(rng.randint(0, 3)))
    return Instance(
        window_start=START,
        window_end=START + timedelta(days=days - 1),
        jobs=tuple(jobs),
        persons=persons,
        travel=travel_table(PROVINCES),
        holidays=holidays,
        min_gap_days=gap,
        time_limit_seconds=2.0,
    )


def group_exists(inst: Instance, kind: str, key) -> bool:
    regions = {j.region for j in inst.jobs}
    persons = {p.id: p for p in inst.persons}
    return {
        "window_start": lambda: key in regions,
        "window_end": lambda: key in regions,
        "holidays": lambda: bool(inst.days_off),  # national holidays and weekends
        "blackout": lambda: any(j.blackouts for j in inst.jobs if j.region == key),
        "gap": lambda: (
            any(j.region == key[0] and j.stage == key[1] for j in inst.jobs)
            and any(j.region == key[0] and j.stage < key[1] for j in inst.jobs)
        ),
        "unavailable": lambda: key in persons and bool(persons[key].unavailable),
        "monthly": lambda: key in persons,
        "leads": lambda: any(j.stage == key for j in inst.jobs),
        "fixed": lambda: any(j.id == key and (j.fixed_start or j.fixed_lead) for j in inst.jobs),
    }[kind]()


def relax(inst: Instance, groups) -> Instance:
    """The instance without the named groups (or with them loosened)."""
    for kind, key in groups:
        if kind == "window_start":
            inst = replace(inst, window_start=inst.window_start - timedelta(days=200))
        elif kind == "window_end":
            inst = replace(inst, window_end=inst.window_end + timedelta(days=200))
        elif kind == "holidays":
            inst = replace(inst, holidays=frozenset(), weekends_off=False)
        elif kind == "gap":
            inst = replace(inst, min_gap_days=1)
        elif kind == "blackout":
            inst = replace(inst, jobs=tuple(replace(j, blackouts=()) if j.region == key else j for j in inst.jobs))
        elif kind == "fixed":
            loose = {"fixed_start": None, "fixed_lead": None}
            inst = replace(inst, jobs=tuple(replace(j, **loose) if j.id == key else j for j in inst.jobs))
        elif kind in ("unavailable", "monthly"):
            loose = {"unavailable": ()} if kind == "unavailable" else {"max_per_month": 99}
            inst = replace(inst, persons=tuple(replace(p, **loose) if p.id == key else p for p in inst.persons))
        elif kind == "leads":
            extra = Person(
                id=1000 + len(inst.persons),
                name="Cadangan",
                province="35",
                stages=frozenset({1, 2, 3, 4}),
                max_per_month=99,
            )
            inst = replace(inst, persons=(*inst.persons, extra))
    return inst


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(small_instances())
def test_every_plan_passes_the_checker_or_the_conflicts_name_real_constraints(inst):
    base = greedy(inst)
    if base.status == "feasible":
        assert check(inst, base.placements, require_all=True) == []
    current, seen = inst, []
    for _round in range(10):
        solution = solve(current)
        assert solution.status in ("optimal", "feasible", "infeasible")
        if solution.status != "infeasible":
            event(f"plan after {_round} relaxations")
            assert check(current, solution.placements, require_all=True) == []
            break
        if current is inst:
            assert base.status == "infeasible"  # a greedy plan would have proved it feasible
        groups = solution.stats["conflict_groups"]
        event("conflict: " + ", ".join(sorted({kind for kind, _key in groups})))
        assert groups and solution.conflicts, solution.conflicts
        assert all(group_exists(current, kind, key) for kind, key in groups), groups
        assert groups not in seen
        seen.append(groups)
        current = relax(current, groups)
    else:
        raise AssertionError(f"still infeasible after relaxing {seen}")


def _issue_example(**changes) -> Instance:
    august = ((date(2018, 8, 1), date(2018, 8, 31)),)
    persons = (
        Person(1, "Ani", "35", frozenset({1, 2, 3, 4}), 4, unavailable=august),
        Person(2, "Budi", "35", frozenset({1, 2, 3}), 4),
        Person(3, "Citra", "73", frozenset({4}), 4, unavailable=august),
    )
    jobs = tuple(Job(k, "35.74", "Kota Probolinggo", "35", k) for k in (1, 2, 3, 4))
    jobs += tuple(Job(10 + k, "73.71", "Kota Makassar", "73", k) for k in (1, 2))
    values = {"window_start": date(2018, 6, 1), "window_end": date(2018, 8, 31), "jobs": jobs, "persons": persons}
    values |= {"travel": travel_table(["35", "73"]), "time_limit_seconds": 5.0}
    return Instance(**(values | changes))


def test_an_impossible_region_is_explained_in_words():
    solution = solve(_issue_example())
    assert solution.status == "infeasible"
    headline = solution.conflicts[0]
    assert headline.startswith("Bimtek I–IV Kota Probolinggo tidak muat")
    for words in (
        "jarak minimal 21 hari",
        "akhir jendela 31 Agu 2018",
        "Bimtek IV hanya dapat dipimpin oleh Ani, Citra",
    ):
        assert words in headline
    assert "Ani tidak tersedia 1–31 Agu 2018" in headline and "Citra tidak tersedia" in headline
    assert "Kota Makassar" not in headline  # the core is minimal: the other region plays no part
    assert ("leads", 4) in solution.stats["conflict_groups"]


def test_the_same_region_fits_when_one_lead_is_back():
    inst = _issue_example()
    inst = replace(inst, persons=tuple(replace(p, unavailable=()) if p.id == 3 else p for p in inst.persons))
    solution = solve(inst)
    assert solution.status in ("optimal", "feasible")
    assert check(inst, solution.placements, require_all=True) == []
    assert solution.placements[4].lead == 3 and solution.reasons[4]


def test_no_qualified_lead_is_named():
    inst = _issue_example(persons=(Person(1, "Ani", "35", frozenset({1, 2, 3}), 4),))
    solution = solve(inst)
    assert solution.status == "infeasible"
    assert "tidak ada fasilitator aktif yang memimpin Bimtek IV" in solution.conflicts[0]


def test_locked_workshops_stay_and_the_rest_passes_the_checker():
    inst = synthetic_instance(seed=7, regions=8, persons=8, time_limit_seconds=4)
    first = inst.jobs[0]
    locked = replace(
        first, fixed_start=date(2018, 6, 4), fixed_lead=next(p.id for p in inst.persons if first.stage in p.stages)
    )
    inst = replace(inst, jobs=(locked, *inst.jobs[1:]))
    progress = []
    solution = solve(inst, on_progress=lambda percent, message: progress.append((percent, message)))
    assert solution.status in ("optimal", "feasible")
    assert check(inst, solution.placements, require_all=True) == []
    assert (solution.placements[locked.id].start, solution.placements[locked.id].lead) == (
        date(2018, 6, 4),
        locked.fixed_lead,
    )
    assert solution.objective is not None and solution.bound is not None and solution.bound <= solution.objective
    assert progress[-1] == (100, "Selesai") and [p for p, _m in progress] == sorted(p for p, _m in progress)


def test_a_replan_after_a_drop_out_moves_only_what_it_must():
    inst = synthetic_instance(seed=3, regions=8, persons=8, time_limit_seconds=4)
    before = solve(inst)
    busiest = max(before.stats["led"], key=before.stats["led"].get)
    again = replan_instance(inst, before.placements, drop=busiest, time_limit_seconds=4)
    after = solve(again)
    assert after.status in ("optimal", "feasible")
    assert check(again, after.placements, require_all=True) == []
    assert busiest not in {pl.lead for pl in after.placements.values()}
    changed = moved(before.placements, after.placements)
    assert before.stats["led"][busiest] <= changed < len(inst.jobs)
