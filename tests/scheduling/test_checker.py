"""The independent checker: one hand-made case per violation code, each also shown clean."""

from datetime import date, timedelta

import django
from django.conf import settings

if not settings.configured:  # run alone with `-p no:django`: gettext and date formats need settings
    settings.configure(USE_I18N=True, LANGUAGE_CODE="id")
    django.setup()

from programs.scheduling.solver.checker import check  # noqa: E402
from programs.scheduling.solver.instance import Instance, Job, Person, Placement  # noqa: E402

pytestmark = []

D = date(2018, 7, 2)  # a Monday


def day(n: int) -> date:
    return D + timedelta(days=n)


def person(pid, name, province="35", stages=(1, 2, 3, 4), **extra):
    return Person(id=pid, name=name, province=province, stages=frozenset(stages), max_per_month=4, **extra)


def job(jid, region="35.74", stage=1, province="35", name="Kota Probolinggo", **extra):
    return Job(id=jid, region=region, region_name=name, province=province, stage=stage, **extra)


def instance(jobs, persons=None, **extra):
    persons = persons or [person(1, "Ani"), person(2, "Budi")]
    values = {"window_start": D, "window_end": day(120), "travel": {("35", "91"): 2, ("91", "35"): 2}}
    values["weekends_off"] = False  # these cases are about other constraints; weekends have their own test
    return Instance(jobs=tuple(jobs), persons=tuple(persons), **(values | extra))


def codes(violations):
    return sorted(v.code for v in violations)


def test_a_clean_plan_has_no_violation():
    inst = instance([job(1, stage=1), job(2, stage=2), job(3, region="91.01", province="91", name="Kab. Jayapura")])
    plan = {1: Placement(day(0), 1), 2: Placement(day(21), 1), 3: Placement(day(0), 2)}
    assert check(inst, plan, require_all=True) == []


def test_missing_jobs_are_reported_only_when_asked():
    inst = instance([job(1), job(2, region="35.75", name="Kota Pasuruan")])
    plan = {1: Placement(day(0), 1)}
    assert check(inst, plan) == []
    [violation] = check(inst, plan, require_all=True)
    assert violation.code == "missing" and violation.jobs == (2,)
    assert "Bimtek I Kota Pasuruan" in violation.message


def test_one_person_in_two_places_is_an_overlap():
    inst = instance([job(1), job(2, region="35.75", name="Kota Pasuruan")])
    [violation] = check(inst, {1: Placement(day(0), 1), 2: Placement(day(1), 1)})
    assert violation.code == "overlap" and violation.person == 1 and set(violation.jobs) == {1, 2}
    assert "Ani" in violation.message and "Kota Pasuruan" in violation.message


def test_an_attendee_counts_as_occupied():
    inst = instance([job(1, attendees=frozenset({2})), job(2, region="35.75", name="Kota Pasuruan")])
    assert codes(check(inst, {1: Placement(day(0), 1), 2: Placement(day(0), 2)})) == ["overlap"]


def test_travel_days_between_provinces_are_needed():
    jayapura = job(2, region="91.01", province="91", name="Kab. Jayapura")
    inst = instance([job(1), jayapura])
    # day 0-1 in Jawa, day 2 would leave no travel day: needs 2 free days, so day 4 is the first clean start
    assert codes(check(inst, {1: Placement(day(0), 1), 2: Placement(day(3), 1)})) == ["travel"]
    assert check(inst, {1: Placement(day(0), 1), 2: Placement(day(4), 1)}) == []
    # same province: the next day after the end is fine
    inst = instance([job(1), job(2, region="35.75", name="Kota Pasuruan")])
    assert check(inst, {1: Placement(day(0), 1), 2: Placement(day(2), 1)}) == []


def test_unavailability_of_the_lead():
    ani = person(1, "Ani", unavailable=((day(5), day(9)),))
    inst = instance([job(1)], persons=[ani])
    [violation] = check(inst, {1: Placement(day(9), 1)})
    assert violation.code == "unavailable" and violation.person == 1
    assert check(inst, {1: Placement(day(10), 1)}) == []


def test_monthly_maximum_counts_starts_per_calendar_month():
    ani = Person(id=1, name="Ani", province="35", stages=frozenset({1}), max_per_month=2)
    jobs = [job(i, region=f"35.{70 + i}", name=f"Kota {i}") for i in range(1, 4)]
    inst = instance(jobs, persons=[ani])
    july = {1: Placement(day(0), 1), 2: Placement(day(3), 1), 3: Placement(day(6), 1)}
    [violation] = check(inst, july)
    assert violation.code == "monthly_max" and set(violation.jobs) == {1, 2, 3}
    assert "Juli 2018" in violation.message
    august = {**july, 3: Placement(date(2018, 8, 1), 1)}
    assert check(inst, august) == []


def test_no_workshop_day_falls_on_a_weekend_unless_weekends_are_working_days():
    inst = instance([job(1)], weekends_off=True)
    saturday = next(day(n) for n in range(7) if day(n).weekday() == 5)
    [violation] = check(inst, {1: Placement(saturday - timedelta(days=1), 1)})  # Friday and Saturday
    assert violation.code == "weekend" and "akhir pekan" in violation.message
    monday = saturday + timedelta(days=2)
    assert check(inst, {1: Placement(monday, 1)}) == []
    assert check(instance([job(1)]), {1: Placement(saturday, 1)}) == []  # weekends switched off


def test_region_blackout_and_national_holiday():
    inst = instance([job(1, blackouts=((day(10), day(12)),))], holidays=frozenset({day(20)}))
    assert codes(check(inst, {1: Placement(day(12), 1)})) == ["blackout"]
    [violation] = check(inst, {1: Placement(day(19), 1)})
    assert violation.code == "holiday" and "libur nasional" in violation.message
    assert check(inst, {1: Placement(day(13), 1)}) == []


def test_stages_in_order_with_the_minimum_gap():
    inst = instance([job(1, stage=1), job(2, stage=2), job(3, stage=3)])
    assert codes(check(inst, {1: Placement(day(30), 1), 2: Placement(day(10), 2)})) == ["order"]
    assert codes(check(inst, {1: Placement(day(0), 1), 2: Placement(day(20), 2)})) == ["gap"]
    # stage II not placed yet: stage III needs two gaps after stage I
    assert codes(check(inst, {1: Placement(day(0), 1), 3: Placement(day(30), 2)})) == ["gap"]
    assert check(inst, {1: Placement(day(0), 1), 3: Placement(day(42), 2)}) == []


def test_the_lead_must_lead_the_stage_and_be_active():
    inst = instance([job(1, stage=4)], persons=[person(1, "Ani", stages=(1, 2)), person(2, "Budi", active=False)])
    assert codes(check(inst, {1: Placement(day(0), 1)})) == ["qualification"]
    assert codes(check(inst, {1: Placement(day(0), 2)})) == ["qualification"]
    assert codes(check(inst, {1: Placement(day(0), 99)})) == ["qualification"]


def test_locked_workshops_keep_their_date_and_lead():
    inst = instance([job(1, fixed_start=day(3), fixed_lead=2)])
    assert codes(check(inst, {1: Placement(day(4), 2)})) == ["locked"]
    assert codes(check(inst, {1: Placement(day(3), 1)})) == ["locked"]
    assert check(inst, {1: Placement(day(3), 2)}) == []


def test_every_day_inside_the_window():
    inst = instance([job(1)])
    assert codes(check(inst, {1: Placement(day(120), 1)})) == ["window"]
    assert codes(check(inst, {1: Placement(day(-1), 1)})) == ["window"]
    assert check(inst, {1: Placement(day(119), 1)}) == []


def test_the_checker_is_fast_for_two_thousand_jobs():
    import time

    from programs.scheduling.solver.synthetic import national_instance

    inst = national_instance(seed=3)
    plan = {job.id: Placement(inst.window_start + timedelta(days=job.id % 200), job.id % 150 + 1) for job in inst.jobs}
    started = time.perf_counter()
    violations = check(inst, plan, require_all=True)
    assert violations  # this arbitrary plan breaks rules, and the checker finds them
    assert time.perf_counter() - started < 5
