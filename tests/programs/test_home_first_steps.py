"""The workspace home: a new workspace's first steps (in order, with links) instead of the
full checklist until they are done, for those who set it up; the "next" Bimtek stage is one still to come, never one
whose date has passed."""

from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from programs import selectors
from programs.models import BimtekStage, Masterplan, Opd, Person
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"


def home(world, client_for, who="admin_probolinggo"):
    response = client_for(world.users[who]).get("/", HTTP_HOST=P)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_workspace_shows_its_first_steps_not_the_checklist(world, client_for):
    body = home(world, client_for)
    assert "Langkah pertama" in body and "✘" not in body
    steps = body[body.index('<ol class="first-steps-list">') : body.index("</ol>")]
    assert steps.index("Undang admin daerah") < steps.index('<a href="/direktori/">Isi direktori OPD</a>')
    assert '<a href="/program/baru/">Tambahkan program pertama</a>' in steps
    assert "✔ Undang admin daerah" in steps  # the world's workspace has its region admin
    assert 'href="/masterplan/checklist/"' in body  # the full checklist behind a link
    ministry = home(world, client_for, "ministry_admin")
    assert "Langkah pertama" in ministry


def test_members_who_follow_the_work_see_the_checklist_gaps_from_the_start(world, client_for):
    body = home(world, client_for, "council_probolinggo")
    assert "Langkah pertama" not in body and "Daftar periksa Bimtek" in body and "✘" in body


def test_the_checklist_comes_back_once_the_first_steps_are_done(world, client_for):
    connection.set_tenant(world.probolinggo)
    f.program(world, lead=f.opd())
    Person.objects.create(body=Person.Body.COUNCIL, name="Dr. Dewan", position="Ketua")
    Person.objects.create(body=Person.Body.TEAM, name="Ir. Tim", position="Ketua")
    Masterplan.objects.update(regional_profile="Kota pesisir", vision="Kota cerdas")
    assert Opd.objects.exists()
    connection.set_schema_to_public()
    body = home(world, client_for)
    assert "Langkah pertama" not in body and "Daftar periksa Bimtek" in body and "✘" in body


def test_the_next_stage_is_one_still_to_come(world, probolinggo):
    today = date(2026, 3, 10)
    BimtekStage.objects.filter(number=1).update(planned_date=date(2026, 2, 1))
    BimtekStage.objects.filter(number=2).update(planned_date=date(2026, 3, 10))
    BimtekStage.objects.filter(number=3).update(planned_date=None)
    BimtekStage.objects.filter(number=4).update(planned_date=date(2026, 6, 1))
    stages = list(selectors.bimtek_stages())
    assert selectors.next_bimtek_stage(stages, today=today).number == 2  # today still counts
    assert [s.number for s in selectors.overdue_bimtek_stages(stages, today=today)] == [1]
    assert selectors.next_bimtek_stage(stages, today=today + timedelta(days=1)).number == 3  # no date yet
    BimtekStage.objects.filter(number__in=[3, 4]).update(completed_on=date(2026, 3, 1))
    stages = list(selectors.bimtek_stages())
    assert selectors.next_bimtek_stage(stages, today=today + timedelta(days=1)) is None
    assert [s.number for s in selectors.overdue_bimtek_stages(stages, today=today + timedelta(days=1))] == [1, 2]


def test_the_home_never_offers_a_past_date_as_next(world, client_for):
    connection.set_tenant(world.probolinggo)
    past, coming = timezone.localdate() - timedelta(days=30), timezone.localdate() + timedelta(days=20)
    BimtekStage.objects.filter(number=1).update(planned_date=past)
    BimtekStage.objects.filter(number=2).update(planned_date=coming)
    BimtekStage.objects.filter(number__in=[3, 4]).update(planned_date=coming + timedelta(days=30))
    connection.set_schema_to_public()
    response = client_for(world.users["admin_probolinggo"]).get("/", HTTP_HOST=P)
    assert response.context["next_stage"].number == 2
    body = response.content.decode()
    card = body[body.index("Berikutnya dalam tahun Bimtek") :]
    card = card[: card.index("</div>")]
    assert "<strong>Bimtek II</strong>" in card
    assert "Tanggalnya telah lewat, belum ditandai selesai" in card and 'href="/bimtek/1/"' in card


def test_with_every_date_past_the_home_says_nothing_is_scheduled_ahead(world, client_for):
    body = home(world, client_for, "viewer_probolinggo")  # the world's cohort of 2018: every date has passed
    assert "Belum ada tahap Bimtek yang dijadwalkan ke depan." in body
    assert "showcase nasional" not in body


def test_a_workshop_without_an_end_date_ends_on_its_start():
    """A workshop the plan has started but not given an end is past once its start is past
    (it was taken as undated, hence still to come)."""
    from types import SimpleNamespace

    started = date(2024, 3, 4)
    stage = SimpleNamespace(workshop=SimpleNamespace(starts=started, ends=None), planned_date=None)
    assert selectors._last_day(stage) == started
    stage.workshop.ends = started + timedelta(days=1)
    assert selectors._last_day(stage) == started + timedelta(days=1)
