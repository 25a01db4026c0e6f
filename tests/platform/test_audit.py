"""The audit log: every security-relevant action writes exactly one row, with the actor, the
workspace and the client's address taken from the request (behind a trusted proxy from
X-Forwarded-For), in the action's own transaction; ministry admins alone read it."""

from datetime import date

import pytest
from django.db import connection, transaction

from assessments.framework import services as framework
from platform.audit import record
from platform.audit.models import AuditEvent
from programs.scheduling import services as scheduling
from programs.scheduling.models import PlanVersion
from tenants.access import SYSTEM
from tenants.models import Membership
from tests.assessments.conftest import actor, fill
from tests.conftest import PASSWORD
from tests.scheduling import factories

APEX = "sc100.test"
P = "kota-probolinggo.sc100.test"
LOGIN = "/accounts/login/"


class Audit:
    """``audit(action)``: the rows of ``action`` written since the mark (the test's start, or
    ``audit.mark()`` after the test's own preparation), oldest first."""

    def __init__(self):
        self.mark()

    def mark(self) -> None:
        self.since = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def __call__(self, action):
        rows = AuditEvent.objects.filter(pk__gt=self.since, action=action).select_related("actor", "workspace")
        return list(rows.order_by("pk"))


@pytest.fixture
def audit(db):
    return Audit()


@pytest.fixture
def direct_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.LOGIN_IP_FAILURE_LIMIT = 30
    return settings


def sign_in(client, email, password, host=APEX, **meta):
    return client.post(LOGIN, {"username": email, "password": password}, HTTP_HOST=host, **meta)


def only(rows):
    assert len(rows) == 1, rows
    return rows[0]


# --- sign-ins ---------------------------------------------------------------------------------


def test_a_sign_in_is_recorded_with_the_user_and_the_address(world, client, audit, direct_peer):
    response = sign_in(client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR="198.51.100.40")
    assert response.status_code == 302
    row = only(audit("signin"))
    assert row.actor == world.users["viewer_probolinggo"]
    assert row.actor_email == "viewer_probolinggo@example.id"
    assert (row.ip, row.workspace) == ("198.51.100.40", None)


def test_a_sign_in_on_a_workspace_host_behind_the_proxy_belongs_to_that_workspace(world, client, audit, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    sign_in(
        client,
        "viewer_probolinggo@example.id",
        PASSWORD,
        host=P,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.41",
    )
    row = only(audit("signin"))
    assert (row.ip, row.workspace) == ("198.51.100.41", world.probolinggo)  # the spoofed left entry is ignored


def test_a_failed_sign_in_keeps_the_typed_email_and_the_address(world, client, audit, direct_peer):
    assert sign_in(client, "Editor_Probolinggo@example.id", "salah", REMOTE_ADDR="198.51.100.42").status_code == 200
    row = only(audit("signin_failed"))
    assert (row.actor, row.actor_email, row.ip) == (None, "editor_probolinggo@example.id", "198.51.100.42")
    assert audit("signin") == []


def test_the_failure_that_reaches_the_limit_records_one_lock_out(world, client, audit, direct_peer):
    for _ in range(5):
        sign_in(client, "editor_probolinggo@example.id", "salah", REMOTE_ADDR="198.51.100.43")
    assert sign_in(client, "editor_probolinggo@example.id", PASSWORD, REMOTE_ADDR="198.51.100.43").status_code == 429
    row = only(audit("locked_out"))
    assert (row.actor_email, row.ip) == ("editor_probolinggo@example.id", "198.51.100.43")
    assert audit("signin") == []


# --- roles and facilitator access ---------------------------------------------------------------


def test_inviting_and_removing_a_member_record_the_grant_and_the_removal(world, client_for, audit):
    admin = client_for(world.users["admin_probolinggo"])
    response = admin.post(
        "/members/", {"email": "baru@example.id", "role": "viewer"}, HTTP_HOST=P, REMOTE_ADDR="198.51.100.44"
    )
    assert response.status_code == 302
    granted = only(audit("role_granted"))
    assert (granted.actor, granted.workspace, granted.ip) == (
        world.users["admin_probolinggo"],
        world.probolinggo,
        "198.51.100.44",
    )
    assert granted.target == "baru@example.id · Pembaca" and granted.details == {"role": "viewer"}

    membership = Membership.objects.get(user__email="baru@example.id")
    admin.post(f"/members/{membership.pk}/remove/", HTTP_HOST=P, REMOTE_ADDR="198.51.100.45")
    removed = only(audit("role_removed"))
    assert (removed.actor, removed.workspace, removed.ip) == (
        world.users["admin_probolinggo"],
        world.probolinggo,
        "198.51.100.45",
    )


def test_confirming_a_plan_opens_windows_and_moving_the_lead_closes_one(world, client_for, audit):
    admin = world.users["ministry_admin"]
    ani = factories.facilitator("ani@ugm.ac.id", full_name="Ani")
    budi = factories.facilitator("budi@ui.ac.id", province="31", full_name="Budi")
    plan = factories.plan(access_days_before=7, access_days_after=10)
    w = {(x.region_id, x.stage): x for x in plan.workshops.all()}
    factories.place(w["35.74", 1], date(2018, 7, 2), ani)
    factories.place(w["35.75", 1], date(2018, 7, 9), budi)
    version = scheduling.record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=admin)

    client_for(admin).post(
        f"/jadwal/{plan.pk}/versi/{version.number}/konfirmasi/", HTTP_HOST=APEX, REMOTE_ADDR="198.51.100.46"
    )
    opened = audit("access_window_opened")
    assert [(r.target, r.workspace, r.actor, r.ip) for r in opened] == [
        ("ani@ugm.ac.id", world.probolinggo, admin, "198.51.100.46"),
        ("budi@ui.ac.id", world.pasuruan, admin, "198.51.100.46"),
    ]
    assert opened[0].details["starts"] == "2018-06-25" and opened[0].details["ends"] == "2018-07-13"

    scheduling.edit_workshop(user=admin, workshop=w["35.74", 1], lead=budi)
    closed = only(audit("access_window_closed"))
    assert (closed.target, closed.workspace, closed.actor, closed.ip) == (
        "ani@ugm.ac.id",
        world.probolinggo,
        admin,
        None,
    )
    assert [r.target for r in audit("access_window_opened")][2:] == ["budi@ui.ac.id"]


# --- publications, reopened cycles, framework versions ---------------------------------------


@pytest.fixture
def results(db):
    framework.seed_standard_versions()
    framework.import_published_results(
        actor=SYSTEM, filename="x.csv", content=b"region_code,year,stage,overall,rank\n35.74,2021,2,2.73,41\n"
    )


def _publish(client, action):
    return client.post(
        "/assessments/ranking/publish/",
        {"period": "2021-2", "action": action, "confirm": "1"},
        HTTP_HOST=APEX,
        REMOTE_ADDR="198.51.100.47",
    )


def test_publishing_and_withdrawing_a_ranking_are_recorded_once(world, client_for, audit, results):
    admin = client_for(world.users["ministry_admin"])
    _publish(admin, "publish")
    _publish(admin, "publish")  # already published: nothing happens, nothing is recorded
    published = only(audit("published"))
    assert (published.actor, published.workspace, published.ip) == (
        world.users["ministry_admin"],
        None,
        "198.51.100.47",
    )
    assert published.target == "Peringkat nasional 2021 Tahap II"
    _publish(admin, "withdraw")
    assert only(audit("withdrawn")).details == {"year": 2021, "stage": 2}


def test_importing_published_results_is_recorded(world, client_for, audit, results):
    from django.core.files.uploadedfile import SimpleUploadedFile

    audit.mark()
    upload = SimpleUploadedFile("hasil.csv", b"region_code,year,stage,overall,rank\n35.75,2021,2,3.05,30\n")
    client_for(world.users["ministry_admin"]).post(
        "/assessments/history/import/", {"file": upload}, HTTP_HOST=APEX, REMOTE_ADDR="198.51.100.48"
    )
    row = only(audit("results_imported"))
    assert (row.target, row.ip, row.details) == ("hasil.csv", "198.51.100.48", {"created": 1, "updated": 0})


@pytest.fixture
def final_cycle(world):
    from assessments import services
    from assessments.framework.services import seed_standard_versions

    version = seed_standard_versions()[1]
    connection.set_tenant(world.probolinggo)
    cycle = services.start_cycle(actor=actor(world, "admin_probolinggo"), framework_version=version, year=2024, stage=1)
    fill(cycle, "3", verified="3")
    services.change_state(cycle=cycle, action="verify", actor=SYSTEM)
    services.change_state(cycle=cycle, action="finalize", actor=SYSTEM)
    connection.set_schema_to_public()
    return cycle


def test_reopening_a_final_cycle_is_recorded_in_its_workspace(world, client_for, audit, final_cycle):
    client_for(world.users["ministry_admin"]).post(
        f"/assessments/{final_cycle.pk}/state/",
        {"action": "reopen", "reason": "Koreksi skor"},
        HTTP_HOST=P,
        REMOTE_ADDR="198.51.100.49",
    )
    row = only(audit("cycle_reopened"))
    assert (row.actor, row.workspace, row.ip) == (world.users["ministry_admin"], world.probolinggo, "198.51.100.49")
    assert row.target == "Siklus 2024 Tahap I" and row.details == {"reason": "Koreksi skor"}


def test_framework_versions_created_copied_and_edited_are_recorded(world, client_for, audit):
    versions = framework.seed_standard_versions()
    audit.mark()
    admin = client_for(world.users["ministry_admin"])
    response = admin.post(
        f"/frameworks/{versions[1].pk}/copy/",
        {"code": "pedoman-2030", "name": "Pedoman 2030", "year": 2030},
        HTTP_HOST=APEX,
        REMOTE_ADDR="198.51.100.50",
    )
    assert response.status_code == 302
    copied = only(audit("framework_copied"))
    assert (copied.target, copied.actor, copied.ip) == (
        "pedoman-2030 · Pedoman 2030",
        world.users["ministry_admin"],
        "198.51.100.50",
    )
    assert audit("framework_created") == []

    draft = framework.copy_as_new_version(
        actor=world.users["ministry_admin"], version=versions[1], code="pedoman-2031", name="Pedoman 2031", year=2031
    )
    framework.update_version_settings(actor=world.users["ministry_admin"], version=draft, name="Pedoman 2031 (revisi)")
    framework.update_version_settings(actor=world.users["ministry_admin"], version=draft, name="Pedoman 2031 (revisi)")
    edited = only(audit("framework_edited"))  # the second call changed nothing
    assert edited.details == {"settings": ["name"]}
    text = framework.export_version_yaml(draft).replace("pedoman-2031", "pedoman-2032")
    framework.import_version_yaml(actor=world.users["ministry_admin"], text=text)
    assert only(audit("framework_imported")).target.startswith("pedoman-2032")


# --- the function itself --------------------------------------------------------------------------


def test_a_rolled_back_action_leaves_no_row(world, audit, results):
    with pytest.raises(RuntimeError), transaction.atomic():
        framework.publish_ranking(actor=world.users["ministry_admin"], year=2021, stage=2)
        raise RuntimeError("the caller fails after the publication")
    assert audit("published") == []


def test_outside_a_request_there_is_no_address_and_a_workspace_schema_names_its_workspace(world, audit):
    record("workspace_restored", actor=SYSTEM, target="x")
    connection.set_tenant(world.pasuruan)
    record("workspace_restored", target="y")
    connection.set_schema_to_public()
    rows = audit("workspace_restored")
    assert [(r.actor, r.ip, r.workspace) for r in rows] == [(None, None, None), (None, None, world.pasuruan)]


def test_an_unknown_action_is_refused(world):
    with pytest.raises(ValueError):
        record("tidak_ada")


def test_deleting_the_account_keeps_the_row_and_the_email(world, audit):
    from platform.accounts.models import User

    gone = User.objects.create_user(email="pergi@example.id", password=PASSWORD)
    record("signin", actor=gone)
    gone.delete()
    row = only(audit("signin"))
    assert (row.actor, row.actor_email) == (None, "pergi@example.id")


def test_an_audit_row_is_read_only_in_django_admin(world, client_for, audit):
    from platform.accounts.models import User

    record("signin", actor=world.users["nobody"])
    row = only(audit("signin"))
    staff = client_for(User.objects.create_superuser(email="root@example.id", password=PASSWORD))
    page = staff.get(f"/admin/audit/auditevent/{row.pk}/change/", HTTP_HOST=APEX)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert staff.post(f"/admin/audit/auditevent/{row.pk}/delete/", {"post": "yes"}, HTTP_HOST=APEX).status_code == 403
    assert AuditEvent.objects.filter(pk=row.pk).exists()
