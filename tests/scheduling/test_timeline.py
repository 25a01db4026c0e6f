"""The timeline: its layout (pure) and the pages that draw it (a plan's, a facilitator's own)."""

from datetime import date
from functools import partial

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse as any_reverse
from django.utils import translation

from programs.scheduling import timeline
from programs.scheduling.models import Unavailability, Workshop
from programs.scheduling.solver.instance import Violation
from tests.scheduling import factories

APEX = "sc100.test"
reverse = partial(any_reverse, urlconf="platform.urls_public")
JUNE = (date(2018, 6, 1), date(2018, 6, 30))  # 30 days: one day is 3.333 %


def item(pk, starts=None, ends=None, *, lead=None, co=(), rep=None, stage=1, status="proposed"):
    return timeline.Item(
        id=pk,
        region_name=f"Kota {pk}",
        stage=stage,
        starts=starts,
        ends=ends,
        status=status,
        lead=lead,
        co=tuple(co),
        rep=rep,
        plan_id=1,
    )


def build(items, **extra):
    names = {1: "Budi", 2: "Ani", 3: "Citra", 4: "Dewi"}
    return timeline.build(start=JUNE[0], end=JUNE[1], items=items, names=names, unassigned_label="Tanpa", **extra)


# --- layout ---------------------------------------------------------------------------------


def test_a_bar_sits_at_its_days_as_percent_of_the_window():
    chart = build([item(10, date(2018, 6, 4), date(2018, 6, 5), lead=1)])
    [row] = chart.rows
    [bar] = row.bars
    assert (bar.span.left, bar.span.width) == (10.0, 6.667)
    assert bar.span.style == "left:10.000%;width:6.667%"
    assert chart.min_width == "min-width:36.0rem"


def test_ranges_are_clipped_to_the_window_and_those_outside_are_listed():
    assert timeline.span_of(*JUNE, date(2018, 5, 30), date(2018, 6, 2)) == timeline.Span(0.0, 6.667)
    assert timeline.span_of(*JUNE, date(2018, 6, 30), date(2018, 7, 3)) == timeline.Span(96.667, 3.333)
    chart = build([item(1, date(2018, 7, 2), date(2018, 7, 3), lead=1), item(2)])
    assert [i.id for i in chart.off_window] == [1] and [i.id for i in chart.unplaced] == [2]
    assert chart.rows == []


def test_rows_are_leads_by_name_then_assistants_then_the_unassigned():
    chart = build(
        [
            item(1, date(2018, 6, 4), date(2018, 6, 5), lead=1, co=[3]),
            item(2, date(2018, 6, 11), date(2018, 6, 12), lead=2, rep=4),
            item(3, date(2018, 6, 18), date(2018, 6, 19), co=[1]),
        ]
    )
    assert [(r.person, r.name) for r in chart.rows] == [
        (2, "Ani"),
        (1, "Budi"),
        (3, "Citra"),
        (4, "Dewi"),
        (None, "Tanpa"),
    ]
    budi = chart.rows[1]
    assert [(b.item.id, b.role) for b in budi.bars] == [(1, "lead"), (3, "co")]
    assert [b.item.id for b in chart.rows[-1].bars] == [3]


def test_bars_in_a_violation_are_flagged_in_the_rows_it_concerns():
    items = [
        item(1, date(2018, 6, 4), date(2018, 6, 5), lead=1, co=[2]),
        item(2, date(2018, 6, 6), date(2018, 6, 7), lead=1),
        item(3, date(2018, 6, 25), date(2018, 6, 26), lead=2, stage=2),
    ]
    violations = [
        Violation("travel", "Budi butuh 2 hari perjalanan", (1, 2), 1),
        Violation("gap", "Bimtek II terlalu dekat", (1, 3)),
    ]
    chart = build(items, violations=violations)
    budi = next(r for r in chart.rows if r.person == 1)
    ani = next(r for r in chart.rows if r.person == 2)
    assert {b.item.id: b.warnings for b in budi.bars} == {
        1: ["Budi butuh 2 hari perjalanan", "Bimtek II terlalu dekat"],
        2: ["Budi butuh 2 hari perjalanan"],
    }
    # Ani assists workshop 1: the region's gap concerns her bar, Budi's travel does not.
    assert {b.item.id: b.warnings for b in ani.bars} == {1: ["Bimtek II terlalu dekat"], 3: ["Bimtek II terlalu dekat"]}
    assert budi.conflicts == 2 and chart.conflicts == 4
    assert "Budi butuh 2 hari perjalanan" in budi.bars[0].title


def test_overlapping_bars_of_one_person_get_separate_lanes():
    chart = build(
        [
            item(1, date(2018, 6, 4), date(2018, 6, 5), lead=1),
            item(2, date(2018, 6, 5), date(2018, 6, 6), lead=1),
            item(3, date(2018, 6, 7), date(2018, 6, 8), lead=1),
        ]
    )
    [row] = chart.rows
    assert [b.lane for b in row.bars] == [0, 1, 0] and row.lanes == 2


def test_a_region_name_is_written_beside_a_bar_only_where_it_fits():
    chart = build(
        [
            item(1, date(2018, 6, 4), date(2018, 6, 5), lead=1),
            item(2, date(2018, 6, 7), date(2018, 6, 8), lead=1),
            item(3, date(2018, 6, 12), date(2018, 6, 13), lead=1),
        ]
    )
    [row] = chart.rows
    assert [b.room_days for b in row.bars] == [1, 3, 17]
    assert [b.has_room for b in row.bars] == [False, False, True]


def test_unavailability_holidays_weeks_and_months():
    with translation.override("id"):
        chart = build(
            [item(1, date(2018, 6, 4), date(2018, 6, 5), lead=1)],
            unavailable={
                1: [(date(2018, 5, 28), date(2018, 6, 3), "Cuti"), (date(2018, 7, 9), date(2018, 7, 10), "x")]
            },
            holidays={date(2018, 6, 1): "Hari Lahir Pancasila", date(2018, 8, 17): "HUT RI"},
        )
        wide = timeline.build(start=date(2018, 6, 20), end=date(2018, 8, 5), items=[], names={})
    [shade] = chart.rows[0].shades
    assert shade.span == timeline.Span(0.0, 10.0) and "Cuti" in shade.title
    [holiday] = chart.holidays
    assert holiday.span == timeline.Span(0.0, 3.333) and "Pancasila" in holiday.title
    assert [w.label for w in chart.weeks] == ["4", "11", "18", "25"]
    assert [m.label for m in wide.months] == ["Juni 2018", "Juli 2018", "Agustus 2018"]
    assert wide.months[0].span.left == 0.0
    assert wide.months[-1].span.left + wide.months[-1].span.width == pytest.approx(100.0, abs=0.01)


def test_given_persons_make_the_rows_without_an_unassigned_row():
    chart = build(
        [item(1, date(2018, 6, 4), date(2018, 6, 5), lead=1), item(2, date(2018, 6, 8), date(2018, 6, 9))], persons=[1]
    )
    assert [r.person for r in chart.rows] == [1]


# --- the plan's timeline page -----------------------------------------------------------------


def placed_plan(regions=("35.74", "35.75")):
    """A plan whose stages I and II of every region are placed; the stage I of neighbouring
    regions share a day (Ani and Budi lead one and assist the other: an overlap)."""
    plan = factories.plan(regions=regions)
    ani = factories.facilitator("ani.tl@example.id", full_name="Ani Lestari")
    budi = factories.facilitator("budi.tl@example.id", full_name="Budi Santoso", province="91")
    rep = factories.facilitator("rep.tl@example.id", kind="official", full_name="Rina Pejabat")
    workshops = {(w.region_id, w.stage): w for w in plan.workshops.all()}
    for n, code in enumerate(regions):
        first = factories.place(workshops[(code, 1)], date(2018, 7, 2 + n), ani if n % 2 == 0 else budi)
        first.co_facilitators.set([budi if n % 2 == 0 else ani])
        first.ministry_rep = rep
        first.save()
        factories.place(workshops[(code, 2)], date(2018, 8, 6 + 3 * n), ani)
    Unavailability.objects.create(facilitator=ani, starts=date(2018, 9, 3), ends=date(2018, 9, 7), reason="Konferensi")
    return plan, ani, budi


@pytest.mark.django_db
def test_staff_see_the_plans_timeline_with_conflicts_marked(world, client_for):
    plan, ani, budi = placed_plan()
    response = client_for(world.users["ministry_analyst"]).get(
        reverse("schedule-timeline", kwargs={"plan_pk": plan.pk}), HTTP_HOST=APEX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ani Lestari" in html and "Budi Santoso" in html and "Rina Pejabat" in html
    assert html.count('class="tl-bar') >= 8
    # Budi assists Probolinggo on 2–3 Jul and leads Pasuruan on 3–4 Jul.
    assert "tl-bar proposed role-co conflict" in html and "dua tempat sekaligus" in html
    assert "tl-away" in html and "Konferensi" in html
    edit = reverse("schedule-workshop-edit", kwargs={"plan_pk": plan.pk, "pk": plan.workshops.first().pk})
    assert edit in html
    assert "Juli 2018" in html


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "nobody"])
def test_non_staff_get_404_on_the_timeline(world, client_for, who):
    plan, *_ = placed_plan()
    factories.facilitator("facilitator_current@example.id")
    url = reverse("schedule-timeline", kwargs={"plan_pk": plan.pk})
    assert client_for(world.users[who]).get(url, HTTP_HOST=APEX).status_code == 404
    response = client_for(None).get(url, HTTP_HOST=APEX)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_an_unknown_plan_is_404(world, client_for):
    url = reverse("schedule-timeline", kwargs={"plan_pk": 999999})
    assert client_for(world.users["ministry_admin"]).get(url, HTTP_HOST=APEX).status_code == 404


def _count(client, url) -> int:
    client.get(url, HTTP_HOST=APEX)  # warm the caches of the first request (session, translations)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_HOST=APEX).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_timeline_runs_the_same_queries_for_a_bigger_plan(world, client_for):
    client = client_for(world.users["ministry_admin"])
    small, *_ = placed_plan(("35.74", "35.75"))
    small_count = _count(client, reverse("schedule-timeline", kwargs={"plan_pk": small.pk}))
    big = factories.plan(year=2019, regions=("35.01", "35.02", "35.03", "35.04", "35.05", "35.06"))
    people = [factories.facilitator(f"p{n}.tl@example.id") for n in range(4)]
    for n, w in enumerate(big.workshops.filter(stage__lte=2)):
        factories.place(w, date(2018, 7, 2) if w.stage == 1 else date(2018, 8, 6), people[n % 4])
        w.co_facilitators.set([people[(n + 1) % 4]])
    assert _count(client, reverse("schedule-timeline", kwargs={"plan_pk": big.pk})) == small_count


# --- "my workshops" -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_facilitator_sees_only_their_own_workshops(world, client_for):
    plan, ani, budi = placed_plan()
    other = factories.plan(year=2019, regions=("35.01",))
    factories.place(other.workshops.get(stage=1), date(2019, 7, 1), budi)
    response = client_for(ani.user).get(reverse("schedule-mine"), HTTP_HOST=APEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bimtek saya" in html
    assert html.count('<tr id="bimtek-') == 4  # two leads and one co in 2018 (Pasuruan II too)
    assert "Kabupaten Pacitan" not in html  # Budi's, not Ani's
    assert "admin_probolinggo@example.id" in html and "admin_pasuruan@example.id" in html
    assert "WIB" in html and "Jawa Timur" in html
    assert "Pemimpin" in html and "Pendamping" in html
    assert "/jadwal/" not in html  # no links to the staff's edit pages


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["nobody", "admin_probolinggo", "ministry_admin", "facilitator_current"])
def test_a_user_without_a_registry_entry_gets_404_on_my_workshops(world, client_for, who):
    assert client_for(world.users[who]).get(reverse("schedule-mine"), HTTP_HOST=APEX).status_code == 404


@pytest.mark.django_db
def test_staff_see_any_facilitators_workshops_and_others_are_refused(world, client_for):
    plan, ani, budi = placed_plan()
    url = reverse("schedule-facilitator-workshops", kwargs={"pk": budi.pk})
    response = client_for(world.users["ministry_analyst"]).get(url, HTTP_HOST=APEX)
    assert response.status_code == 200 and "Budi Santoso" in response.content.decode()
    assert "WIB" in response.content.decode()
    for who in ("admin_probolinggo", "nobody"):
        assert client_for(world.users[who]).get(url, HTTP_HOST=APEX).status_code == 404
    assert client_for(ani.user).get(url, HTTP_HOST=APEX).status_code == 404
    unknown = reverse("schedule-facilitator-workshops", kwargs={"pk": 999999})
    assert client_for(world.users["ministry_admin"]).get(unknown, HTTP_HOST=APEX).status_code == 404


@pytest.mark.django_db
def test_my_workshops_run_the_same_queries_however_many_workshops(world, client_for):
    plan, ani, budi = placed_plan(("35.74",))
    client = client_for(ani.user)
    few = _count(client, reverse("schedule-mine"))
    more = factories.plan(year=2019, regions=("35.01", "35.02", "35.03"))
    for w in more.workshops.filter(stage=1):
        factories.place(w, date(2018, 7, 9), ani)
    assert Workshop.objects.filter(lead=ani).count() == 5
    assert _count(client, reverse("schedule-mine")) == few


def test_ids_in_the_chart_are_never_formatted_as_numbers():
    """Indonesian number formatting writes 1523 as "1.523": ids in attributes stay raw digits."""
    from django.template.loader import render_to_string

    from programs.scheduling.timeline import Bar, Item, Row, Span, Timeline

    item = Item(
        id=5030,
        region_name="Kota Jayapura",
        stage=1,
        starts=date(2018, 7, 23),
        ends=date(2018, 7, 24),
        status="confirmed",
        lead=1523,
        plan_id=1,
    )
    row = Row(person=1523, name="Ani", bars=[Bar(item=item, span=Span(left=10.0, width=2.0), role="lead")])
    chart = Timeline(
        start=date(2018, 6, 1),
        end=date(2018, 10, 31),
        months=[],
        weeks=[],
        holidays=[],
        rows=[row],
        off_window=[],
        unplaced=[],
    )
    html = render_to_string("scheduling/timeline/_chart.html", {"chart": chart, "edit_links": False})
    assert 'data-person="1523"' in html and 'data-workshop="5030"' in html and "#bimtek-5030" in html
