"""One source of truth: the workspace's Bimtek stages show the dates, venue, status and notes of
the region's workshop in the ministry's plan (home, next stage, stage page, reminders, API),
and go back to the region's own planned date when the workshop is cancelled."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from programs import services as program_services
from programs.models import BimtekStage
from programs.rules import Actor
from programs.scheduling import services
from programs.scheduling.models import Workshop
from programs.services.bimtek import send_bimtek_reminders
from programs.templatetags.bimtek import date_range
from tenants.access import WorkspaceAccess
from tenants.models import Membership
from tests.scheduling import factories

pytestmark = pytest.mark.django_db

P = "kota-probolinggo.sc100.test"


@pytest.fixture
def placed(world):
    """Bimtek I of Kota Probolinggo on 3–4 July 2018 (proposed), and Pasuruan's on other dates."""
    lead = factories.facilitator("ani@ugm.ac.id", full_name="Ani Wijaya")
    plan = factories.plan()
    w = {(x.region_id, x.stage): x for x in plan.workshops.all()}
    factories.place(w["35.74", 1], date(2018, 7, 3), lead)
    Workshop.objects.filter(pk=w["35.74", 1].pk).update(venue="Aula Bappeda", notes="Bawa data OPD")
    factories.place(w["35.75", 1], date(2018, 7, 10), lead)
    Workshop.objects.filter(pk=w["35.75", 1].pk).update(venue="Gedung Pasuruan")
    return w


def _stage_item(body: str, number: int) -> str:
    start = body.index(f'data-stage="{number}"')
    return body[start : body.index("</li>", start)]


# --- the date range ------------------------------------------------------------------------


def test_date_range_in_indonesian_and_english():
    with translation.override("id"):
        assert date_range(date(2018, 3, 3), date(2018, 3, 4)) == "3–4 Maret 2018"
        assert date_range(date(2018, 5, 30), date(2018, 6, 1)) == "30 Mei – 1 Juni 2018"
        assert date_range(date(2018, 12, 31), date(2019, 1, 1)) == "31 Desember 2018 – 1 Januari 2019"
        assert date_range(date(2018, 7, 3), date(2018, 7, 3)) == "3 Juli 2018"
        assert date_range(None, None) == ""
    with translation.override("en"):
        assert date_range(date(2018, 3, 3), date(2018, 3, 4)) == "3–4 March 2018"


# --- the home page -------------------------------------------------------------------------


def test_home_shows_the_workshop_of_the_plan_and_back_to_the_planned_date_when_cancelled(world, client_for, placed):
    client = client_for(world.users["viewer_probolinggo"])
    body = client.get("/", HTTP_HOST=P).content.decode()
    item = _stage_item(body, 1)
    assert "3–4 Juli 2018" in item and "Aula Bappeda" in item and "Usulan" in item and "Bawa data OPD" in item
    assert "Gedung Pasuruan" not in body  # another region's workshop
    assert "1 Agustus 2018" in _stage_item(body, 2)  # not scheduled: the region's own date
    # the next-stage panel never offers a past workshop as next: it names it apart
    assert "Jadwal kementerian: 3–4 Juli 2018" not in body and "Tanggalnya telah lewat" in body
    # once the plan moves it ahead, the panel shows the plan's dates and venue
    ahead = factories.place(
        Workshop.objects.get(pk=placed["35.74", 1].pk), timezone.localdate() + timedelta(days=30), None
    )
    body = client.get("/", HTTP_HOST=P).content.decode()
    assert f"Jadwal kementerian: {date_range(ahead.starts, ahead.ends)}, Aula Bappeda" in body
    factories.place(ahead, date(2018, 7, 3), placed["35.74", 1].lead)

    services.edit_workshop(user=world.users["ministry_admin"], workshop=placed["35.74", 1], status="cancelled")
    body = client.get("/", HTTP_HOST=P).content.decode()
    item = _stage_item(body, 1)
    assert "3–4 Juli 2018" not in item and "Aula Bappeda" not in item
    assert "1 Juli 2018" in item  # the planned date seeded at provisioning


def test_home_reads_the_workshops_in_a_constant_number_of_queries(world, client_for, placed):
    client = client_for(world.users["viewer_probolinggo"])
    client.get("/", HTTP_HOST=P)
    with CaptureQueriesContext(connection) as one:
        client.get("/", HTTP_HOST=P)
    lead = placed["35.74", 1].lead
    for stage, day in ((2, date(2018, 8, 6)), (3, date(2018, 9, 3)), (4, date(2018, 10, 1))):
        factories.place(placed["35.74", stage], day, lead)
    with CaptureQueriesContext(connection) as four:
        client.get("/", HTTP_HOST=P)
    assert len(four) == len(one)
    workshop_reads = [q for q in four.captured_queries if 'FROM "scheduling_workshop"' in q["sql"]]
    assert len(workshop_reads) == 1


def test_home_in_english_writes_the_range_in_english(world, client_for, placed):
    client = client_for(world.users["viewer_probolinggo"])
    client.cookies["django_language"] = "en"
    assert "3–4 July 2018" in _stage_item(client.get("/", HTTP_HOST=P).content.decode(), 1)


# --- the stage page ------------------------------------------------------------------------


def test_stage_page_shows_the_plan_and_does_not_edit_the_planned_date(world, client_for, placed):
    client = client_for(world.users["admin_probolinggo"])
    response = client.get("/bimtek/1/", HTTP_HOST=P)
    assert response.status_code == 200
    assert response.context["form"].fields["planned_date"].disabled
    body = response.content.decode()
    assert "3–4 Juli 2018" in body and "ditetapkan oleh rencana" in body

    response = client.post(
        "/bimtek/1/", {"planned_date": "2018-09-09", "completed_on": "", "notes": "Siap"}, HTTP_HOST=P
    )
    assert response.status_code == 302
    connection.set_tenant(world.probolinggo)
    stage = BimtekStage.objects.get(number=1)
    assert (stage.planned_date, stage.notes) == (date(2018, 7, 1), "Siap")  # the submitted date was ignored


def test_the_service_refuses_a_changed_planned_date_under_a_workshop(world, placed):
    connection.set_tenant(world.probolinggo)
    membership = Membership.objects.get(user=world.users["admin_probolinggo"])
    actor = Actor(user=membership.user, access=WorkspaceAccess(role=membership.role, membership=membership))
    stage = BimtekStage.objects.get(number=1)
    with pytest.raises(ValidationError) as refused:
        program_services.update_bimtek_stage(
            actor=actor, stage=stage, planned_date=date(2018, 9, 9), completed_on=None, notes=""
        )
    assert "planned_date" in refused.value.message_dict
    assert BimtekStage.objects.get(number=1).planned_date == date(2018, 7, 1)
    # a stage without a workshop keeps today's behaviour
    stage2 = BimtekStage.objects.get(number=2)
    program_services.update_bimtek_stage(
        actor=actor, stage=stage2, planned_date=date(2018, 8, 20), completed_on=None, notes=""
    )
    assert BimtekStage.objects.get(number=2).planned_date == date(2018, 8, 20)


def test_stage_page_without_a_workshop_edits_the_planned_date(world, client_for, placed):
    client = client_for(world.users["admin_probolinggo"])
    assert not client.get("/bimtek/2/", HTTP_HOST=P).context["form"].fields["planned_date"].disabled


# --- the reminders -------------------------------------------------------------------------


def test_reminders_go_by_the_workshop_start(world, placed):
    connection.set_tenant(world.probolinggo)
    BimtekStage.objects.update(reminded_on=None, completed_on=None)
    BimtekStage.objects.filter(number=1).update(planned_date=date(2018, 6, 20))  # the region's own date
    BimtekStage.objects.filter(number=2).update(planned_date=date(2018, 6, 30))  # due, no workshop
    mail.outbox = []
    # Bimtek I is planned on 20 June by the region, but the plan holds it on 3–4 July.
    assert send_bimtek_reminders(today=date(2018, 6, 16)) == 1  # only Bimtek II (30 June)
    assert "Bimtek II" in mail.outbox[0].subject
    assert send_bimtek_reminders(today=date(2018, 6, 20)) == 1  # 3 July is within two weeks of 20 June
    message = mail.outbox[1]
    assert "Bimtek I " in message.subject and "3–4 Juli 2018" in message.subject
    assert "Aula Bappeda" in message.body and "3–4 Juli 2018" in message.body
    assert BimtekStage.objects.get(number=1).reminded_on == date(2018, 6, 20)


def test_reminders_skip_a_planned_date_the_plan_moved_away(world, placed):
    connection.set_tenant(world.probolinggo)
    BimtekStage.objects.update(reminded_on=None, completed_on=None)
    Workshop.objects.filter(pk=placed["35.74", 1].pk).update(starts=date(2018, 8, 20), ends=date(2018, 8, 21))
    mail.outbox = []
    assert send_bimtek_reminders(today=date(2018, 6, 25)) == 0  # planned 1 July, held 20 August
    assert mail.outbox == []


# --- the API -------------------------------------------------------------------------------


def test_the_api_carries_the_workshop_of_each_stage(world, client_for, placed):
    client = client_for(world.users["viewer_probolinggo"])
    client.get("/api/v1/bimtek-stages/", HTTP_HOST=P)
    with CaptureQueriesContext(connection) as queries:
        stages = client.get("/api/v1/bimtek-stages/", HTTP_HOST=P).json()
    assert stages[0]["workshop"] == {
        "starts": "2018-07-03",
        "ends": "2018-07-04",
        "venue": "Aula Bappeda",
        "status": "proposed",
        "notes": "Bawa data OPD",
    }
    assert [s["workshop"] for s in stages[1:]] == [None, None, None]
    assert len([q for q in queries.captured_queries if 'FROM "scheduling_workshop"' in q["sql"]]) == 1


def test_the_api_schema_describes_the_workshop(world, client_for):
    schema = client_for(world.users["viewer_probolinggo"]).get("/api/v1/schema/?format=json", HTTP_HOST=P).json()
    assert "workshop" in schema["components"]["schemas"]["BimtekStage"]["properties"]
