"""The national API of the regions' submissions (ministry view): the list with its filter,
the detail with the profile data, reminders, who reaches it, and bad input (400/404)."""

import pytest

from platform.audit.models import AuditEvent
from platform.models import QueuedTask
from tests.showcase.test_submissions_national import APEX, event, submit  # noqa: F401

API = "/api/v1/showcase/showcases/{slug}/submissions/"


def get(client, event, suffix="", **params):  # noqa: F811
    return client.get(API.format(slug=event.slug) + suffix, params, HTTP_HOST=APEX)


def test_the_list_has_every_presenting_region_in_cohort_order(world, client_for, event):  # noqa: F811
    response = get(client_for(world.users["ministry_analyst"]), event)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    assert [r["region"] for r in body["results"]] == ["35.74", "35.75", "35.71", "35.72"]
    pasuruan = body["results"][1]
    assert pasuruan["is_submitted"] is True and pasuruan["revision"] == 1
    assert pasuruan["missing"] == ["quick_wins", "logo"]
    assert pasuruan["profile_url"] == f"http://sc100.test/showcase/{event.slug}/35.75/"
    assert pasuruan["workspace_url"] == f"http://kota-pasuruan.sc100.test/showcase/{event.slug}/"
    blitar = body["results"][3]
    assert blitar["is_submitted"] is False and blitar["submitted_at"] is None and blitar["revision"] is None
    assert blitar["profile_url"] is None and blitar["workspace_url"] is None


@pytest.mark.parametrize(
    ("status", "codes"),
    [("submitted", ["35.74", "35.75"]), ("missing", ["35.71", "35.72"]), ("gaps", ["35.75"])],
)
def test_the_list_filters_by_status(world, client_for, event, status, codes):  # noqa: F811
    response = get(client_for(world.users["ministry_admin"]), event, status=status)
    assert [r["region"] for r in response.json()["results"]] == codes


def test_the_detail_carries_the_profile_data(world, client_for, event):  # noqa: F811
    response = get(client_for(world.users["ministry_analyst"]), event, "35.74/")
    assert response.status_code == 200
    body = response.json()
    assert body["region"] == "35.74" and body["region_name"] == "Kota Probolinggo"
    assert body["data"] == {"region": {"code": "35.74"}, "quick_wins": []}
    assert body["presenter_name"] == "Habib Hadi" and body["is_submitted"] is True


@pytest.mark.parametrize(
    ("suffix", "params", "expected"),
    [
        ("", {"status": "rusak"}, 400),
        ("", {"status": "1"}, 400),
        ("", {"page": "999999999999999999999999"}, 404),
        ("", {"page": "-1"}, 404),
        ("", {"page": "abc"}, 404),
        ("35.72/", {}, 404),  # presents, has not submitted
        ("35.01/", {}, 404),  # does not present
        ("3574/", {}, 404),
    ],
)
def test_bad_input_gets_400_or_404_never_500(world, client_for, event, suffix, params, expected):  # noqa: F811
    response = get(client_for(world.users["ministry_admin"]), event, suffix, **params)
    assert response.status_code == expected
    assert response["Content-Type"].startswith("application/json")


def test_an_unknown_showcase_is_404(world, client_for, event):  # noqa: F811
    client = client_for(world.users["ministry_admin"])
    assert client.get(API.format(slug="tidak-ada"), HTTP_HOST=APEX).status_code == 404
    assert client.get(API.format(slug="tidak-ada") + "35.74/", HTTP_HOST=APEX).status_code == 404


@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "head_probolinggo", "nobody"])
def test_people_outside_the_ministry_get_404(world, client_for, event, who):  # noqa: F811
    client = client_for(world.users[who])
    assert get(client, event).status_code == 404
    assert get(client, event, "35.74/").status_code == 404
    assert client.post(API.format(slug=event.slug) + "remind/", HTTP_HOST=APEX).status_code == 404


def test_anonymous_callers_are_refused(client, event):  # noqa: F811
    assert get(client, event).status_code in (401, 403)
    assert get(client, event, "35.74/").status_code in (401, 403)


def test_the_analyst_cannot_send_reminders(world, client_for, event):  # noqa: F811
    response = client_for(world.users["ministry_analyst"]).post(API.format(slug=event.slug) + "remind/", HTTP_HOST=APEX)
    assert response.status_code in (403, 404)
    assert not QueuedTask.objects.filter(name="showcase.profiles.tasks.send_showcase_reminders").exists()


def test_a_ministry_admin_asks_for_reminders_through_the_api(world, client_for, event):  # noqa: F811
    response = client_for(world.users["ministry_admin"]).post(API.format(slug=event.slug) + "remind/", HTTP_HOST=APEX)
    assert response.status_code == 202 and response.json() == {"regions": 2}
    audit = AuditEvent.objects.get(action="showcase_reminder_sent")
    assert audit.actor == world.users["ministry_admin"] and audit.details["regions"] == ["35.71", "35.72"]
    queued = QueuedTask.objects.get(name="showcase.profiles.tasks.send_showcase_reminders")
    assert queued.args == [event.pk, ["35.71", "35.72"]]


def test_reminders_when_everyone_submitted_are_refused_with_400(world, client_for, event):  # noqa: F811
    submit(event, "35.71")
    submit(event, "35.72")
    response = client_for(world.users["ministry_admin"]).post(API.format(slug=event.slug) + "remind/", HTTP_HOST=APEX)
    assert response.status_code == 400
    assert "Semua daerah sudah mengirim" in str(response.json())
    assert not AuditEvent.objects.filter(action="showcase_reminder_sent").exists()


def test_the_schema_documents_the_submissions(world, client_for):
    response = client_for(world.users["ministry_admin"]).get("/api/v1/schema/", HTTP_HOST=APEX)
    text = response.content.decode()
    assert "/api/v1/showcase/showcases/{slug}/submissions/" in text
    assert "/api/v1/showcase/showcases/{slug}/submissions/{code}/" in text
