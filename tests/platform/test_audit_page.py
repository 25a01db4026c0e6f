"""The audit log page of the apex: ministry admins only (everyone else gets the national 404,
anonymous visitors the sign-in page), filters, newest first, 50 a page, times in the viewer's
time zone, a CSV of the filtered rows through the export guard, and a constant query count."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from platform.audit.models import AuditEvent

APEX = "sc100.test"
URL = "/audit/"


@pytest.fixture
def events(world):
    """Four rows of known times (Jakarta), actors, addresses and workspaces."""
    AuditEvent.objects.all().delete()
    jakarta = timezone.get_fixed_timezone(7 * 60)
    made = [
        ("signin", world.users["ministry_admin"], "198.51.100.1", None, datetime(2026, 3, 1, 8, 0)),
        ("signin_failed", None, "198.51.100.2", world.probolinggo, datetime(2026, 3, 2, 23, 30)),
        ("role_granted", world.users["admin_probolinggo"], "198.51.100.3", world.probolinggo, datetime(2026, 3, 3, 9)),
        ("role_removed", world.users["admin_pasuruan"], "2001:db8::1", world.pasuruan, datetime(2026, 3, 4, 10)),
    ]
    for action, user, ip, workspace, at in made:
        AuditEvent.objects.create(
            action=action,
            actor=user,
            actor_email=user.email if user else "=hyperlink@example.id",
            ip=ip,
            workspace=workspace,
            target=f"objek {action}",
            at=at.replace(tzinfo=jakarta),
        )


def _actions(response):
    return [e.action for e in response.context["page"]]


def test_ministry_admins_read_the_log_newest_first_in_their_time_zone(world, client_for, events):
    response = client_for(world.users["ministry_admin"]).get(URL, HTTP_HOST=APEX)
    assert response.status_code == 200
    # the admin's own sign-in by the test client comes first: it is the newest
    assert _actions(response)[-4:] == ["role_removed", "role_granted", "signin_failed", "signin"]
    text = response.content.decode()
    assert "<h1>Log audit</h1>" in text
    assert "2 Mar 2026, 23:30:00 WIB" in text  # in Jakarta, not the UTC 16:30
    assert "Gagal masuk" in text and "Kota Probolinggo" in text and 'href="/audit/"' in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"action": "role_granted"}, ["role_granted"]),
        ({"workspace": "35.74"}, ["role_granted", "signin_failed"]),
        ({"workspace": "pasuruan"}, ["role_removed"]),
        ({"actor": "ADMIN_prob"}, ["role_granted"]),
        ({"since": "2026-03-02", "until": "2026-03-03"}, ["role_granted", "signin_failed"]),
        ({"ip": "2001:db8::1"}, ["role_removed"]),
        ({"action": "signin", "until": "2026-03-01"}, ["signin"]),
    ],
)
def test_the_filters_narrow_the_rows(world, client_for, events, query, expected):
    response = client_for(world.users["ministry_admin"]).get(URL, query, HTTP_HOST=APEX)
    assert _actions(response) == expected


def test_a_bad_filter_is_shown_on_the_form_not_a_crash(world, client_for, events):
    response = client_for(world.users["ministry_admin"]).get(URL, {"ip": "bukan-ip", "since": "x"}, HTTP_HOST=APEX)
    assert response.status_code == 200 and response.context["form"].errors


def test_the_csv_holds_the_filtered_rows_with_formula_text_guarded(world, client_for, events):
    response = client_for(world.users["ministry_admin"]).get(
        URL, {"workspace": "35.74", "format": "csv"}, HTTP_HOST=APEX
    )
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="log-audit.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Waktu", "Tindakan", "Kode tindakan"]
    assert [r[2] for r in rows[1:]] == ["role_granted", "signin_failed"]
    failed = rows[2]
    assert failed[0] == "2026-03-02T23:30:00+07:00"
    assert failed[3] == "'=hyperlink@example.id"  # the export guard: text never runs as a formula
    assert failed[5:7] == ["35.74", "Kota Probolinggo"]


def test_the_log_pages_by_fifty(world, client_for, events):
    AuditEvent.objects.bulk_create(
        [AuditEvent(action="signin_failed", actor_email=f"x{n}@example.id") for n in range(60)]
    )
    client = client_for(world.users["ministry_admin"])
    first = client.get(URL, {"action": "signin_failed"}, HTTP_HOST=APEX)
    assert len(first.context["page"]) == 50 and first.context["page"].paginator.count == 61
    second = client.get(URL, {"action": "signin_failed", "page": 2}, HTTP_HOST=APEX)
    assert len(second.context["page"]) == 11
    assert "action=signin_failed&amp;page=2" in first.content.decode()


@pytest.mark.parametrize(
    "who", ["ministry_analyst", "admin_probolinggo", "facilitator_current", "viewer_probolinggo", "nobody"]
)
def test_everyone_but_ministry_admins_gets_404_from_the_page_and_the_csv(world, client_for, events, who):
    client = client_for(world.users[who])
    assert client.get(URL, HTTP_HOST=APEX).status_code == 404
    assert client.get(URL, {"format": "csv"}, HTTP_HOST=APEX).status_code == 404
    assert 'href="/audit/"' not in client.get("/", HTTP_HOST=APEX).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(world, client, events):
    for query in ({}, {"format": "csv"}):
        response = client.get(URL, query, HTTP_HOST=APEX)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_is_not_on_workspace_hosts(world, client_for):
    response = client_for(world.users["ministry_admin"]).get(URL, HTTP_HOST="kota-probolinggo.sc100.test")
    assert response.status_code == 404


def test_the_query_count_does_not_grow_with_the_rows(world, client_for, events, django_assert_max_num_queries):
    client = client_for(world.users["ministry_admin"])
    with django_assert_max_num_queries(20) as few:
        client.get(URL, HTTP_HOST=APEX)
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                action="role_granted",
                actor=world.users[name],
                actor_email=world.users[name].email,
                workspace=workspace,
                ip="198.51.100.9",
                at=now - timedelta(minutes=n),
            )
            for n, (name, workspace) in enumerate(
                [("admin_probolinggo", world.probolinggo), ("admin_pasuruan", world.pasuruan)] * 20
            )
        ]
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL, HTTP_HOST=APEX)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL, {"format": "csv"}, HTTP_HOST=APEX)
