"""The core's extension points: apps plug in (capabilities, panels, the provisioning signal)
and the core's one-way plumbing (sending a task after commit, sniffing an upload)."""

import io
import re
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver

from platform.celery import send_after_commit
from platform.uploads import sniff, sniff_upload
from tenants import panels
from tenants.access import MINISTRY_ADMIN, WorkspaceAccess, capabilities, register_capability
from tenants.models import Membership, Region, Workspace
from tenants.services import provision_workspace
from tenants.signals import workspace_provisioned

P = "kota-probolinggo.sc100.test"


def _views(resolver, found):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            _views(pattern, found)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
            if view is not None:
                found[pattern.name or repr(pattern)] = view
    return found


def test_every_capability_a_view_declares_is_declared_by_an_app():
    declared = capabilities()
    views = _views(get_resolver("platform.urls_tenant"), {})
    used = {
        (name, getattr(view, attr))
        for name, view in views.items()
        for attr in ("capability", "write_capability")
        if getattr(view, attr, None)
    }
    assert used, "no view declares a capability: the walk found nothing"
    assert {(name, cap) for name, cap in used if cap not in declared} == set()


def test_every_capability_named_in_code_or_templates_is_declared():
    """``access.can_x`` in templates, ``.can("can_x")`` and ``capability = "can_x"`` in code."""
    root = Path(__file__).resolve().parents[2]
    named = set()
    for package in ("platform", "tenants", "api", "programs", "assessments", "showcase"):
        for path in (root / package).rglob("*"):
            if path.suffix == ".html":
                named |= set(re.findall(r"\baccess\.(can_\w+)", path.read_text(encoding="utf-8")))
            elif path.suffix == ".py" and "migrations" not in path.parts:
                text = path.read_text(encoding="utf-8")
                named |= set(re.findall(r"""\.can\(\s*["'](can_\w+)["']""", text))
                named |= set(re.findall(r"""capability\s*=\s*["'](can_\w+)["']""", text))
                named |= set(re.findall(r"\baccess\.(can_\w+)\b(?!\()", text))
    assert len(named) > 5, named
    assert named - set(capabilities()) == set()


def test_an_unknown_capability_is_a_programming_error_not_a_refusal():
    access = WorkspaceAccess(Membership.Role.REGION_ADMIN, None)
    assert access.can_manage_members is True
    with pytest.raises(LookupError, match="can_fly"):
        access.can_fly  # noqa: B018


def test_a_capability_cannot_be_declared_twice_with_other_roles():
    with pytest.raises(ValueError, match="declared twice"):
        register_capability("can_manage_members", roles={Membership.Role.VIEWER})
    register_capability("can_manage_members", roles={Membership.Role.REGION_ADMIN, MINISTRY_ADMIN})  # same: fine


def test_the_workspace_home_shows_the_panels_apps_registered(world, client_for):
    page = client_for(world.users["viewer_probolinggo"]).get("/", HTTP_HOST=P).content.decode()
    # programs' panels: the next Bimtek stage, the four stages, the checklist
    assert "Berikutnya dalam tahun Bimtek" in page and "Tahap Bimtek" in page and "Daftar periksa Bimtek" in page
    assert page.index("Berikutnya dalam tahun Bimtek") < page.index("Tahap Bimtek") < page.index("Semua anggota")


def test_a_panel_with_nothing_to_show_is_left_out(world, client_for):
    shown = panels.register_panel(
        slot=panels.WORKSPACE_HOME, template="tenants/_panel_probe.html", context=lambda request, page: None
    )
    try:
        page = client_for(world.users["viewer_probolinggo"]).get("/", HTTP_HOST=P)
        assert page.status_code == 200  # the probe's template does not even exist: it was never rendered
    finally:
        panels._registry[panels.WORKSPACE_HOME].remove(shown)


def test_a_panel_for_an_unknown_slot_is_refused():
    with pytest.raises(ValueError, match="unknown panel slot"):
        panels.register_panel(slot="sidebar", template="x.html", context=lambda request, page: {})


def test_the_region_page_shows_the_apps_panels_to_ministry_staff_only(world, client_for):
    staff = client_for(world.users["ministry_analyst"]).get("/regions/35.74/", HTTP_HOST="sc100.test")
    other = client_for(world.users["admin_probolinggo"]).get("/regions/35.74/", HTTP_HOST="sc100.test")
    assert 'id="masterplan-figures"' in staff.content.decode() and 'id="snapshots"' in staff.content.decode()
    assert 'id="masterplan-figures"' not in other.content.decode() and 'id="snapshots"' not in other.content.decode()


def test_workspace_provisioned_is_sent_inside_the_new_schema(world, db):
    seen = []

    def receiver(sender, *, workspace, region, **kwargs):
        seen.append((connection.schema_name, workspace.schema_name, region.code))

    workspace_provisioned.connect(receiver)
    try:
        result = provision_workspace(region=Region.objects.get(code="35.13"))
    finally:
        workspace_provisioned.disconnect(receiver)
    assert result.created
    assert seen == [(result.workspace.schema_name, result.workspace.schema_name, "35.13")]
    assert connection.schema_name == "public"


def test_a_failing_receiver_rolls_the_whole_workspace_back(world, db):
    def receiver(sender, **kwargs):
        raise RuntimeError("an app could not seed")

    workspace_provisioned.connect(receiver)
    try:
        with pytest.raises(RuntimeError):
            provision_workspace(region=Region.objects.get(code="35.14"))
    finally:
        workspace_provisioned.disconnect(receiver)
    assert not Workspace.objects.filter(region_id="35.14").exists()


def test_send_after_commit_sends_nothing_before_the_commit_and_nothing_after_a_rollback(
    world, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_after_commit("programs.tasks.send_bimtek_reminders")
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                send_after_commit("programs.tasks.send_bimtek_reminders")
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == []


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
        (b"PK\x03\x04\x14\x00", "zip"),
        (b"GIF89a", None),
        (b"", None),
        (b"%PD", None),
    ],
)
def test_the_one_upload_sniffer_reads_the_first_bytes(head, kind):
    found = sniff(head)
    assert (found.name if found else None) == kind


def test_sniffing_an_upload_leaves_it_at_its_start():
    upload = io.BytesIO(b"%PDF-1.4 rest of the file")
    upload.read(3)
    assert sniff_upload(upload).content_type == "application/pdf"
    assert upload.read() == b"%PDF-1.4 rest of the file"
