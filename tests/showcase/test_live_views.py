"""The run-of-show's pages, JSON and API: who reaches what (anonymous, region admin,
facilitator, ministry analyst, ministry admin), the public screen of a published agenda
only, the presenter's secret link, the state's ETag and clock, the operator's delay view,
the report's CSV and the API's 409 on a stale revision."""

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from showcase.live import services
from showcase.live.models import StageRun
from tests.showcase.samples_live import published_day

APEX = "sc100.test"


def rev(name, args=None, kwargs=None) -> str:
    return reverse(name, urlconf="platform.urls_public", args=args, kwargs=kwargs)


@pytest.fixture
def day(world):
    showcase = published_day()
    return showcase, showcase.stages.get()


def urls(showcase, stage) -> dict[str, str]:
    kw = {"slug": showcase.slug, "live_stage": stage.pk}
    return {
        "stages": rev("showcase-live", kwargs={"slug": showcase.slug}),
        "operator": rev("showcase-live-operator", kwargs=kw),
        "presenter": rev("showcase-live-presenter", kwargs=kw),
        "state": rev("showcase-live-state", kwargs=kw),
        "report": rev("showcase-live-report", kwargs={"slug": showcase.slug}),
        "report_csv": rev("showcase-live-report-csv", kwargs={"slug": showcase.slug}),
    }


@pytest.mark.parametrize("page", ["stages", "operator", "presenter", "state", "report", "report_csv"])
@pytest.mark.parametrize(
    "who", [None, "admin_probolinggo", "facilitator_current", "ministry_analyst", "ministry_admin"]
)
def test_only_ministry_staff_reach_the_staff_screens_and_the_report(day, client_for, world, who, page):
    client = client_for(world.users[who] if who else None)
    response = client.get(urls(*day)[page], HTTP_HOST=APEX)
    if who is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif who.startswith("ministry"):
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("who", [None, "admin_probolinggo", "facilitator_current", "ministry_analyst"])
def test_only_ministry_admins_act(day, client_for, world, who):
    showcase, stage = day
    client = client_for(world.users[who] if who else None)
    kw = {"slug": showcase.slug, "live_stage": stage.pk}
    for name, data in [("showcase-live-action", {"action": "start", "revision": 0}), ("showcase-live-reset-link", {})]:
        response = client.post(rev(name, kwargs=kw), data, HTTP_HOST=APEX)
        assert response.status_code == (302 if who is None else 404)
    assert not StageRun.objects.filter(stage=stage).exists()


def test_the_operator_starts_and_sees_later_slots_move_with_an_overrun(world, client_for):
    """The opening was planned 35 minutes ago for 30 minutes and is still running: 5 late."""
    showcase = published_day(starts_at=timezone.now() - timedelta(minutes=35))
    stage = showcase.stages.get()
    day = (showcase, stage)
    client = client_for(world.users["ministry_admin"])
    response = client.post(
        rev("showcase-live-action", kwargs={"slug": showcase.slug, "live_stage": stage.pk}),
        {"action": "start", "revision": 0},
        HTTP_HOST=APEX,
        follow=True,
    )
    assert "Dimulai." in response.content.decode()
    run = StageRun.objects.get(stage=stage)
    StageRun.objects.filter(pk=run.pk).update(timer_started_at=run.timer_started_at - timedelta(minutes=35))
    cache.clear()  # the row was changed behind the services' back, under the same revision
    state = client.get(urls(*day)["state"], HTTP_HOST=APEX).json()
    assert state["current"]["title"] == "Pembukaan" and state["delay_minutes"] == 5
    assert state["timer"]["running"] and state["timer"]["length"] == 30 * 60 * 1000
    assert all(row["late_minutes"] == 5 for row in state["later"])
    page = client.get(urls(*day)["operator"], HTTP_HOST=APEX).content.decode()
    assert "+05:0" in page and "Kota Blitar" in page  # the overrun and a later presenter


def test_a_stale_form_is_refused_with_a_message(day, client_for, world):
    showcase, stage = day
    client = client_for(world.users["ministry_admin"])
    action = rev("showcase-live-action", kwargs={"slug": showcase.slug, "live_stage": stage.pk})
    client.post(action, {"action": "start", "revision": 0}, HTTP_HOST=APEX)
    response = client.post(action, {"action": "next", "revision": 0}, HTTP_HOST=APEX, follow=True)
    assert "operator lain" in response.content.decode()
    assert StageRun.objects.get(stage=stage).revision == 1


def test_the_state_answers_304_to_its_etag_with_the_servers_clock(day, client_for, world):
    client = client_for(world.users["ministry_analyst"])
    url = urls(*day)["state"]
    first = client.get(url, HTTP_HOST=APEX)
    assert first.status_code == 200 and "now" in first.json() and first["X-Server-Now"]
    again = client.get(url, HTTP_HOST=APEX, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and int(again["X-Server-Now"]) >= first.json()["now"]


def test_the_public_screen_shows_a_published_agenda_without_the_message(day, client, world):
    showcase, stage = day
    services.act(actor=world.users["ministry_admin"], stage=stage, action="start", revision=0)
    services.act(actor=world.users["ministry_admin"], stage=stage, action="message", revision=1, text="RAHASIA")
    kw = {"slug": showcase.slug, "live_stage": stage.pk}
    page = client.get(rev("showcase-live-public", kwargs=kw), HTTP_HOST=APEX)
    assert page.status_code == 200 and "Pembukaan" in page.content.decode()
    state = client.get(rev("showcase-live-public-state", kwargs=kw), HTTP_HOST=APEX).json()
    assert state["current"]["title"] == "Pembukaan" and "message" not in state
    assert "RAHASIA" not in page.content.decode() + json.dumps(state)


def test_an_unpublished_agenda_has_no_public_screen(world, client, client_for):
    showcase = published_day(slug="belum-terbit", published=False)
    kw = {"slug": showcase.slug, "live_stage": showcase.stages.get().pk}
    for name in ("showcase-live-public", "showcase-live-public-state"):
        response = client.get(rev(name, kwargs=kw), HTTP_HOST=APEX)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        signed_in = client_for(world.users["admin_probolinggo"]).get(rev(name, kwargs=kw), HTTP_HOST=APEX)
        assert signed_in.status_code == 404


def test_the_presenters_secret_link_works_until_it_is_reset(day, client, client_for, world):
    showcase, stage = day
    admin = client_for(world.users["ministry_admin"])
    reset = rev("showcase-live-reset-link", kwargs={"slug": showcase.slug, "live_stage": stage.pk})
    admin.post(reset, HTTP_HOST=APEX)
    token = StageRun.objects.get(stage=stage).presenter_token
    page = client.get(rev("showcase-live-presenter-link", args=[token]), HTTP_HOST=APEX)
    assert page.status_code == 200 and page["Referrer-Policy"] == "no-referrer"
    state = client.get(rev("showcase-live-presenter-link-state", args=[token]), HTTP_HOST=APEX)
    assert state.status_code == 200 and "message" in state.json()

    admin.post(reset, HTTP_HOST=APEX)
    assert StageRun.objects.get(stage=stage).presenter_token != token
    old = client.get(rev("showcase-live-presenter-link", args=[token]), HTTP_HOST=APEX)
    assert old.status_code == 302 and "/accounts/login/" in old["Location"]
    assert client.post(rev("showcase-live-presenter-link", args=[token]), HTTP_HOST=APEX).status_code == 405


def test_the_report_downloads_as_csv(day, client_for, world):
    showcase, stage = day
    services.act(actor=world.users["ministry_admin"], stage=stage, action="start", revision=0)
    response = client_for(world.users["ministry_analyst"]).get(urls(*day)["report_csv"], HTTP_HOST=APEX)
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv") and "Mulai sebenarnya" in text
    assert "Sesi 1: Jawa" in text and "Pembukaan" in text


# --- API --------------------------------------------------------------------------------------


def test_the_api_reads_every_stage_and_acts_with_a_revision(day, client_for, world):
    showcase, stage = day
    base = f"/api/v1/showcase/showcases/{showcase.slug}/live/"
    analyst = client_for(world.users["ministry_analyst"])
    [state] = analyst.get(base, HTTP_HOST=APEX).json()
    assert (state["stage_id"], state["status"], state["revision"]) == (stage.pk, "idle", 0)

    admin = client_for(world.users["ministry_admin"])
    action = f"{base}{stage.pk}/actions/"
    done = admin.post(action, {"action": "start", "revision": 0}, content_type="application/json", HTTP_HOST=APEX)
    assert done.status_code == 200 and done.json()["state"]["status"] == "running"
    stale = admin.post(action, {"action": "next", "revision": 0}, content_type="application/json", HTTP_HOST=APEX)
    assert stale.status_code == 409 and stale.json()["code"] == "stale" and stale.json()["state"]["revision"] == 1
    bad = admin.post(action, {"action": "dance", "revision": 1}, content_type="application/json", HTTP_HOST=APEX)
    assert bad.status_code == 400
    refused = admin.post(action, {"action": "absorb", "revision": 1}, content_type="application/json", HTTP_HOST=APEX)
    assert refused.status_code == 400 and refused.json()["code"] == "no_delay"

    denied = analyst.post(action, {"action": "next", "revision": 1}, content_type="application/json", HTTP_HOST=APEX)
    assert denied.status_code == 403
    outsider = client_for(world.users["admin_probolinggo"])
    assert outsider.get(base, HTTP_HOST=APEX).status_code == 404
    assert StageRun.objects.get(stage=stage).revision == 1
