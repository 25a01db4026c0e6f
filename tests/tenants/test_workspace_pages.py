"""Workspace hosts: routing, the home page, members, Bimtek stages, the membership gate."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from platform.accounts.models import User
from programs.models import BimtekStage
from tenants.models import Membership

P = "kota-probolinggo.sc100.test"
Q = "kota-pasuruan.sc100.test"


def test_unknown_subdomain_gets_a_friendly_404(db, client):
    response = client.get("/", HTTP_HOST="kota-atlantis.sc100.test")
    assert response.status_code == 404
    assert "Tidak ada ruang kerja Smart City di alamat ini" in response.content.decode()


def test_template_schema_is_not_reachable_as_a_workspace(db, client):
    response = client.get("/", HTTP_HOST="workspace-template.sc100.test")
    assert response.status_code == 404


def test_member_sees_home_with_region_cohort_members_and_next_bimtek(world, client_for):
    response = client_for(world.users["viewer_probolinggo"]).get("/", HTTP_HOST=P)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kota Probolinggo" in body and "35.74" in body and "2018" in body
    assert "Admin Probolinggo" in body  # a member's name
    assert response.context["next_stage"] is None  # the 2018 cohort's dates have all passed
    assert [s.number for s in response.context["overdue_stages"]] == [1, 2, 3, 4]
    assert "Bimtek I" in body


def test_home_runs_in_the_workspace_schema(world, client_for):
    client_for(world.users["viewer_probolinggo"]).get("/", HTTP_HOST=P)
    assert connection.schema_name == "kota_probolinggo"


@pytest.mark.parametrize("name", ["admin_pasuruan", "facilitator_expired", "nobody", "editor_probolinggo_elsewhere"])
def test_outsiders_get_404_on_workspace_home(world, client_for, name):
    if name == "editor_probolinggo_elsewhere":
        user, host = world.users["editor_probolinggo"], Q
    else:
        user, host = world.users[name], P
    assert client_for(user).get("/", HTTP_HOST=host).status_code == 404


def test_facilitator_has_access_only_during_the_assignment(world, client_for):
    client = client_for(world.users["facilitator_current"])
    assert client.get("/", HTTP_HOST=P).status_code == 200
    membership = Membership.objects.get(user=world.users["facilitator_current"], workspace=world.probolinggo)
    membership.valid_until = timezone.localdate() - timedelta(days=1)
    membership.save()
    assert client.get("/", HTTP_HOST=P).status_code == 404
    membership.valid_from = timezone.localdate() + timedelta(days=3)
    membership.valid_until = timezone.localdate() + timedelta(days=30)
    membership.save()
    assert client.get("/", HTTP_HOST=P).status_code == 404
    membership.valid_from = None
    membership.save()
    assert client.get("/", HTTP_HOST=P).status_code == 200


def test_a_cached_membership_still_ends_on_its_last_day(world, client_for, monkeypatch):
    membership = Membership.objects.get(user=world.users["facilitator_current"], workspace=world.probolinggo)
    membership.valid_until = timezone.localdate()
    membership.save()
    client = client_for(world.users["facilitator_current"])
    assert client.get("/", HTTP_HOST=P).status_code == 200  # the lookup is now cached
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    assert client.get("/", HTTP_HOST=P).status_code == 404


def test_a_removed_member_loses_access_at_once(world, client_for):
    user = world.users["viewer_probolinggo"]
    client = client_for(user)
    assert client.get("/", HTTP_HOST=P).status_code == 200  # the lookup is now cached
    Membership.objects.filter(user=user, workspace=world.probolinggo).delete()
    assert client.get("/", HTTP_HOST=P).status_code == 404
    Membership.objects.create(user=user, workspace=world.probolinggo, role=Membership.Role.VIEWER)
    assert client.get("/", HTTP_HOST=P).status_code == 200


def test_ministry_staff_read_every_workspace(world, client_for):
    assert client_for(world.users["ministry_analyst"]).get("/", HTTP_HOST=Q).status_code == 200
    assert client_for(world.users["ministry_admin"]).get("/members/", HTTP_HOST=Q).status_code == 200


def test_deactivated_member_gets_nothing(world, client_for):
    user = world.users["viewer_probolinggo"]
    client = client_for(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = client.get("/", HTTP_HOST=P)
    assert response.status_code in (302, 404)


def test_anonymous_is_sent_to_the_workspace_login(db, client):
    response = client.get("/members/", HTTP_HOST=P)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/members/"


def test_login_on_a_workspace_host_with_email_and_password(world, client):
    from tests.conftest import PASSWORD

    response = client.post(
        "/accounts/login/", {"username": "Viewer_Probolinggo@example.id", "password": PASSWORD}, HTTP_HOST=P
    )
    assert response.status_code == 302
    assert client.get("/", HTTP_HOST=P).status_code == 200


def test_one_login_covers_every_host_and_one_logout_ends_it_everywhere(world, client):
    """Sessions are global: a logout on the apex ends the session on workspace hosts too."""
    from tests.conftest import PASSWORD

    client.post("/accounts/login/", {"username": "viewer_probolinggo@example.id", "password": PASSWORD}, HTTP_HOST=P)
    assert client.get("/", HTTP_HOST=P).status_code == 200  # the session is read (and cached) on P
    assert client.get("/", HTTP_HOST="sc100.test").status_code in (200, 302)
    session_key = client.cookies["sessionid"].value
    response = client.post("/accounts/logout/", HTTP_HOST="sc100.test")
    assert response.status_code == 302
    # The browser drops the cookie; a copy of it (another tab's host, a stolen cookie) must
    # not find the session still alive in the cache of the workspace host either.
    client.cookies["sessionid"] = session_key
    response = client.get("/members/", HTTP_HOST=P)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_login_is_locked_after_repeated_failures(world, client):
    from tests.conftest import PASSWORD

    for _ in range(5):
        response = client.post(
            "/accounts/login/", {"username": "viewer_probolinggo@example.id", "password": "salah"}, HTTP_HOST=P
        )
    response = client.post(
        "/accounts/login/", {"username": "viewer_probolinggo@example.id", "password": PASSWORD}, HTTP_HOST=P
    )
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()


def test_password_reset_mail_links_to_the_same_host(world, client):
    response = client.post("/accounts/password_reset/", {"email": "viewer_probolinggo@example.id"}, HTTP_HOST=P)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert f"http://{P}/accounts/reset/" in mail.outbox[0].body


@pytest.mark.parametrize("host", [f"{P}:6666", "sc100.test:6666"])
def test_reset_and_invitation_links_follow_the_configured_address_not_the_requests_host(world, client_for, host):
    """A client chooses its Host header, port included: the links in e-mails are built from the
    site's configured domain and port instead."""
    site = host.split(":")[0]
    client_for(world.users["viewer_probolinggo"]).post(
        "/accounts/password_reset/", {"email": "viewer_probolinggo@example.id"}, HTTP_HOST=host
    )
    assert f"http://{site}/accounts/reset/" in mail.outbox[0].body and ":6666" not in mail.outbox[0].body
    if site == P:
        client_for(world.users["admin_probolinggo"]).post(
            "/members/", {"email": "baru@probolinggokota.go.id", "full_name": "Baru", "role": "viewer"}, HTTP_HOST=host
        )
        assert ":6666" not in mail.outbox[-1].body and f"http://{P}/" in mail.outbox[-1].body


# --- members ------------------------------------------------------------------------------


def test_region_admin_invites_a_new_person_who_gets_a_set_password_mail(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(
        "/members/",
        {"email": "Kadis.PU@probolinggokota.go.id", "full_name": "Kadis PU", "role": "opd_editor"},
        HTTP_HOST=P,
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="kadis.pu@probolinggokota.go.id")
    assert (membership.workspace, membership.role, membership.invited_by) == (
        world.probolinggo,
        "opd_editor",
        world.users["admin_probolinggo"],
    )
    assert not membership.user.has_usable_password()
    assert len(mail.outbox) == 1 and f"http://{P}/accounts/reset/" in mail.outbox[0].body


def test_inviting_an_existing_member_is_refused_and_changes_nothing(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    before = Membership.objects.count()
    response = client.post("/members/", {"email": "viewer_probolinggo@example.id", "role": "council"}, HTTP_HOST=P)
    assert response.status_code == 400
    assert "sudah menjadi anggota" in response.content.decode()
    assert Membership.objects.count() == before
    assert Membership.objects.get(user=world.users["viewer_probolinggo"]).role == "viewer"
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "bukan-email", "role": "viewer"}, "email"),
        ({"email": "a@b.id", "role": "raja"}, "role"),
        ({"email": "a@b.id", "role": "facilitator"}, "role"),
        ({"email": "a@b.id", "role": "viewer", "valid_from": "2026-05-01", "valid_until": "2026-01-01"}, "valid_until"),
    ],
)
def test_bad_invitations_get_field_errors(world, client_for, data, field):
    response = client_for(world.users["admin_probolinggo"]).post("/members/", data, HTTP_HOST=P)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not User.objects.filter(email="a@b.id").exists()


def test_only_the_ministry_appoints_a_facilitator(world, client_for):
    """A region must not appoint the assessor of its own assessment: the role is not offered
    to a region admin and is refused if posted; a ministry admin still can (with an end date)."""
    admin_page = client_for(world.users["admin_probolinggo"]).get("/members/", HTTP_HOST=P)
    assert "facilitator" not in dict(admin_page.context["form"].fields["role"].choices)
    ministry = client_for(world.users["ministry_admin"])
    assert "facilitator" in dict(ministry.get("/members/", HTTP_HOST=P).context["form"].fields["role"].choices)
    no_end = ministry.post("/members/", {"email": "f@ugm.ac.id", "role": "facilitator"}, HTTP_HOST=P)
    assert no_end.status_code == 400 and no_end.context["form"].errors["valid_until"]
    ok = ministry.post(
        "/members/", {"email": "f@ugm.ac.id", "role": "facilitator", "valid_until": "2030-01-31"}, HTTP_HOST=P
    )
    assert ok.status_code == 302
    assert Membership.objects.get(user__email="f@ugm.ac.id").role == "facilitator"


def test_an_existing_account_from_another_region_can_be_invited(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/members/", {"email": "admin_pasuruan@example.id", "role": "viewer"}, HTTP_HOST=P)
    assert response.status_code == 302
    assert Membership.objects.filter(user=world.users["admin_pasuruan"]).count() == 2
    assert "accounts/reset" not in mail.outbox[0].body


@pytest.mark.parametrize(
    "name", ["editor_probolinggo", "council_probolinggo", "viewer_probolinggo", "facilitator_current"]
)
def test_only_region_admins_manage_members(world, client_for, name):
    client = client_for(world.users[name])
    response = client.post("/members/", {"email": "x@y.id", "role": "viewer"}, HTTP_HOST=P)
    assert response.status_code == 404
    target = Membership.objects.get(user=world.users["viewer_probolinggo"])
    assert client.post(f"/members/{target.pk}/remove/", HTTP_HOST=P).status_code == 404
    assert Membership.objects.filter(pk=target.pk).exists()


def test_region_admin_removes_a_member(world, client_for):
    target = Membership.objects.get(user=world.users["viewer_probolinggo"])
    response = client_for(world.users["admin_probolinggo"]).post(f"/members/{target.pk}/remove/", HTTP_HOST=P)
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=target.pk).exists()
    assert client_for(world.users["viewer_probolinggo"]).get("/", HTTP_HOST=P).status_code == 404


def test_region_admin_cannot_remove_a_member_of_another_workspace(world, client_for):
    other = Membership.objects.get(user=world.users["admin_pasuruan"])
    response = client_for(world.users["admin_probolinggo"]).post(f"/members/{other.pk}/remove/", HTTP_HOST=P)
    assert response.status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()


def test_members_page_uses_constant_queries(world, client_for, django_assert_max_num_queries):
    client = client_for(world.users["admin_probolinggo"])
    client.get("/members/", HTTP_HOST=P)
    with django_assert_max_num_queries(6):
        client.get("/members/", HTTP_HOST=P)


# --- Bimtek stages -------------------------------------------------------------------------


def test_region_admin_records_a_completed_bimtek_stage(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(
        "/bimtek/1/", {"planned_date": "2018-07-10", "completed_on": "2018-07-12", "notes": "Di Bappeda"}, HTTP_HOST=P
    )
    assert response.status_code == 302
    home = client.get("/", HTTP_HOST=P)
    assert [s.number for s in home.context["overdue_stages"]] == [2, 3, 4]
    connection.set_tenant(world.probolinggo)
    assert BimtekStage.objects.get(number=1).completed_on == date(2018, 7, 12)


def test_bimtek_stage_in_the_future_is_refused(world, client_for):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client_for(world.users["admin_probolinggo"]).post(
        "/bimtek/2/", {"planned_date": "", "completed_on": tomorrow, "notes": ""}, HTTP_HOST=P
    )
    assert response.status_code == 400
    assert response.context["form"].errors["completed_on"]


def test_viewer_cannot_edit_bimtek_stages(world, client_for):
    client = client_for(world.users["viewer_probolinggo"])
    assert client.get("/bimtek/1/", HTTP_HOST=P).status_code == 404
    assert client.post("/bimtek/1/", {"completed_on": "2018-07-12"}, HTTP_HOST=P).status_code == 404


def test_home_page_in_english(world, client_for):
    client = client_for(world.users["viewer_probolinggo"])
    client.cookies["django_language"] = "en"
    body = client.get("/", HTTP_HOST=P).content.decode()
    assert "Next in the Bimtek year" in body
