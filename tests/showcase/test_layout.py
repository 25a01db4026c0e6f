"""The agenda layout alone (no database): grouping by island, province, dimension, cohort and
drawn order; breaks every N presentations; a day's end moving slots to the next day; stages;
the reflow after a hand edit; and the module's purity."""

import ast
from datetime import date, datetime, time
from pathlib import Path

import pytest

from showcase import layout
from showcase.layout import Planned, Presenter, Settings

PROVINCES = {
    "12": "Sumatera Utara",
    "35": "Jawa Timur",
    "33": "Jawa Tengah",
    "51": "Bali",
    "73": "Sulsel",
    "91": "Papua",
}


def presenters(*provinces: str) -> list[Presenter]:
    return [Presenter(f"{p}.{i + 71}", f"Kota {p}-{i}", p, PROVINCES.get(p, p), i) for i, p in enumerate(provinces)]


def settings(**changes) -> Settings:
    base = {"starts_on": date(2026, 11, 10), "ends_on": date(2026, 11, 10), "day_starts": time(8), "day_ends": time(17)}
    return Settings(**{**base, **changes})


def of_kind(slots, kind):
    return [s for s in slots if s.kind == kind]


def test_island_grouping_runs_west_to_east_with_regions_in_cohort_order():
    groups = layout.group_presenters(presenters("91", "35", "12", "51", "33"), layout.ISLAND)
    assert [title for title, _ in groups] == ["Sumatera", "Jawa", "Bali–Nusa Tenggara", "Papua"]
    assert [p.province for p in groups[1][1]] == ["35", "33"]  # cohort order kept inside the island


def test_province_grouping_by_code():
    groups = layout.group_presenters(presenters("35", "12", "35"), layout.PROVINCE)
    assert [(title, len(members)) for title, members in groups] == [("Sumatera Utara", 1), ("Jawa Timur", 2)]


def test_dimension_grouping_follows_the_dimension_order_and_puts_regions_without_one_last():
    people = presenters("35", "33", "51", "12")
    dimensions = {people[0].code: "living", people[1].code: "governance", people[3].code: "living"}
    names = {"governance": "Tata kelola", "living": "Kehidupan"}
    groups = layout.group_presenters(people, layout.DIMENSION, dimensions=dimensions, dimension_names=names)
    assert [title for title, _ in groups] == ["Tata kelola", "Kehidupan", "Belum ada dimensi"]
    assert [p.code for p in groups[1][1]] == [people[0].code, people[3].code]
    assert [p.code for p in groups[2][1]] == [people[2].code]


def test_without_any_dimension_every_region_is_in_the_last_group():
    groups = layout.group_presenters(presenters("35", "33"), layout.DIMENSION, dimensions={})
    assert len(groups) == 1 and len(groups[0][1]) == 2


def test_cohort_order_is_cut_into_one_session_per_stage():
    groups = layout.group_presenters(presenters(*["35"] * 5), layout.COHORT, sessions=2)
    assert [len(members) for _, members in groups] == [3, 2]
    assert [p.position for _, members in groups for p in members] == [0, 1, 2, 3, 4]


def test_a_drawn_order_is_reproducible_and_changes_with_the_seed():
    people = presenters(*["35"] * 12)
    first = [p.code for p in layout.drawn_order(people, 7)]
    assert first == [p.code for p in layout.drawn_order(list(reversed(people)), 7)]
    assert first != [p.code for p in layout.drawn_order(people, 8)]
    assert sorted(first) == sorted(p.code for p in people)
    slots = layout.lay_out(settings(grouping=layout.DRAWN, draw_seed=7), people)
    assert [s.region for s in of_kind(slots, layout.PRESENTATION)] == first


def test_opening_sessions_presentations_and_closing_follow_each_other_without_gaps():
    slots = layout.lay_out(settings(break_every=0), presenters("35", "12"))
    assert [s.kind for s in slots] == ["opening", "session", "presentation", "session", "presentation", "closing"]
    for before, after in zip(slots, slots[1:], strict=False):
        assert after.starts == before.ends
    assert slots[0].starts == datetime(2026, 11, 10, 8, 0)
    assert slots[2].minutes == 10 and slots[2].question_minutes == 3


def test_a_break_every_n_presentations_but_never_at_the_end():
    slots = layout.lay_out(settings(break_every=2, grouping=layout.COHORT), presenters(*["35"] * 6))
    kinds = [s.kind for s in slots if s.kind in ("presentation", "break")]
    assert kinds == ["presentation", "presentation", "break"] * 2 + ["presentation", "presentation"]
    assert all(s.minutes == 15 for s in of_kind(slots, layout.BREAK))


def test_slots_past_the_days_end_move_to_the_next_day_of_the_event():
    s = settings(ends_on=date(2026, 11, 11), day_ends=time(10), break_every=0, grouping=layout.COHORT)
    slots = layout.lay_out(s, presenters(*["35"] * 16))
    days = {slot.starts.date() for slot in slots}
    assert days == {date(2026, 11, 10), date(2026, 11, 11)}
    assert not [slot for slot in slots if layout.past_day_end(slot, s)]
    second_day = [slot for slot in slots if slot.starts.date() == date(2026, 11, 11)]
    assert second_day[0].starts == datetime(2026, 11, 11, 8, 0)


def test_on_the_last_day_slots_run_late_and_are_flagged():
    s = settings(day_ends=time(10), break_every=0, grouping=layout.COHORT)
    slots = layout.lay_out(s, presenters(*["35"] * 20))
    late = [slot for slot in slots if layout.past_day_end(slot, s)]
    assert late and late[-1].kind == layout.CLOSING
    assert {slot.starts.date() for slot in slots} == {date(2026, 11, 10)}


def test_a_session_heading_moves_with_its_first_presentation():
    s = settings(ends_on=date(2026, 11, 11), day_ends=time(9, 5), opening_minutes=60, break_every=0)
    slots = layout.lay_out(s, presenters("12", "35"))
    heading = next(slot for slot in slots if slot.kind == layout.SESSION and slot.title == "Sumatera")
    assert heading.starts == datetime(2026, 11, 11, 8, 0)


def test_sessions_are_spread_over_stages_and_the_closing_waits_for_all():
    s = settings(stages=2, break_every=0)
    slots = layout.lay_out(s, presenters("12", "12", "35", "35", "35", "51"))
    sessions = {slot.stage: [x.title for x in slots if x.stage == slot.stage and x.kind == "session"] for slot in slots}
    assert sessions[0] and sessions[1]
    second = [slot for slot in slots if slot.stage == 1]
    assert second[0].starts == datetime(2026, 11, 10, 8, 30)  # after the opening on the main stage
    closing = of_kind(slots, layout.CLOSING)[0]
    assert closing.stage == 0 and closing.starts == max(slot.ends for slot in slots if slot.kind != "closing")
    for stage in (0, 1):
        assert [x.position for x in slots if x.stage == stage] == list(
            range(len([x for x in slots if x.stage == stage]))
        )


def test_reflow_recomputes_times_after_a_swap():
    s = settings(break_every=0, grouping=layout.COHORT)
    slots = layout.lay_out(s, presenters("35", "35", "35"))
    sequence = list(slots)
    sequence[2], sequence[3] = sequence[3], sequence[2]
    again = layout.reflow(s, [sequence])
    assert [x.region for x in again[2:4]] == [slots[3].region, slots[2].region]
    assert again[2].starts == slots[2].starts and again[3].starts == slots[3].starts
    assert [x.position for x in again] == list(range(len(again)))


def test_reflow_moves_a_slot_to_another_stage():
    s = settings(stages=2, break_every=0, grouping=layout.COHORT)
    main = [
        Planned(0, 0, "opening", datetime(2026, 11, 10, 8), 30),
        Planned(0, 1, "presentation", datetime(2026, 11, 10, 9), 10, region="35.71"),
    ]
    other = [Planned(1, 0, "presentation", datetime(2026, 11, 10, 9), 10, region="35.72")]
    moved = main[1]
    again = layout.reflow(s, [main[:1], [*other, moved]])
    assert [(x.stage, x.position, x.region, x.starts.time()) for x in again] == [
        (0, 0, None, time(8)),
        (1, 0, "35.72", time(8, 30)),
        (1, 1, "35.71", time(8, 40)),
    ]


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError):
        layout.group_presenters(presenters("35"), "alphabet")


def test_the_layout_module_imports_no_django_and_no_model():
    tree = ast.parse(Path(layout.__file__).read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name.startswith(("django", "showcase", "tenants")) for name in imported if name)
