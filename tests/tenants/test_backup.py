"""Backing up and restoring one workspace (``export_workspace`` / ``import_workspace``).

A populated workspace (Kota Malang: programs, an assessment cycle with evidence files,
memberships, national figures and wishes) goes through round trips: over itself, into an
instance that lost it, and as a copy under another code (Kota Kediri). Row counts and
content hashes of every table, the hash of every file and the public rows come back
identical; the other workspaces are untouched. pg_dump reads committed data, so these tests
commit and undo what they wrote.
"""

import io
import json
import shutil
import tarfile
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from tenants.backup.archive import media_hashes
from tenants.backup.media import workspace_media_root
from tenants.backup.postgres import execute, q, table_fingerprints
from tenants.backup.rows import serialize_public_rows
from tenants.models import Membership, Region, Workspace
from tests.programs import factories

SOURCE, COPY = "35.73", "35.71"  # Kota Malang, Kota Kediri


def public_rows(workspace) -> dict:
    """The workspace's registered public rows, without ids and workspace links (they may differ)."""
    rows, _ids = serialize_public_rows(workspace)
    links = {"workspace", "region"}
    return {
        label: sorted(
            json.dumps({k: v for k, v in r["fields"].items() if k not in links}, sort_keys=True) for r in items
        )
        for label, items in rows.items()
    }


def state(workspace) -> dict:
    return {
        "tables": table_fingerprints(workspace.schema_name),
        "media": media_hashes(workspace_media_root(workspace.schema_name)),
        "public": public_rows(workspace),
    }


def forget_workspace(code: str) -> None:
    """Remove a region's workspace as if the instance never had it: schema, rows, files."""
    from assessments.framework.models import PublishedResult, RegionSnapshot
    from programs.national.models import MasterplanFigures
    from programs.scheduling.models import RegionWish
    from tenants.services import schema_name_for

    connection.set_schema_to_public()
    region = Region.objects.get(code=code)
    workspace = Workspace.objects.filter(region=region).first()
    schema = workspace.schema_name if workspace else schema_name_for(region)
    execute(f"DROP SCHEMA IF EXISTS {q(schema)} CASCADE")
    shutil.rmtree(workspace_media_root(schema), ignore_errors=True)
    if workspace:
        workspace.delete()
    for model in (RegionSnapshot, PublishedResult, RegionWish, MasterplanFigures):
        model.objects.filter(region=region).delete()


@pytest.fixture
def others(committed_db):
    """The session's two workspaces, whose state no restore may change."""
    return [Workspace.objects.get(region_id=code) for code in ("35.74", "35.75")]


@pytest.fixture
def malang(committed_db):
    from assessments import services as assessments
    from assessments.framework.models import FrameworkVersion, PublishedResult, RegionSnapshot
    from assessments.framework.services import seed_standard_versions
    from platform.accounts.models import User
    from platform.audit.models import AuditEvent
    from programs.scheduling.models import RegionWish
    from tenants.access import SYSTEM
    from tenants.services import provision_workspace

    for code in (SOURCE, COPY):
        forget_workspace(code)
    versions_before = set(FrameworkVersion.objects.values_list("pk", flat=True))
    users_before = set(User.objects.values_list("pk", flat=True))
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.id")}
    users["staf_malang"] = User.objects.create_user(email="staf.malang@example.id", password="x", full_name="Staf")

    region = Region.objects.get(code=SOURCE)
    workspace = provision_workspace(region=region).workspace
    Membership.objects.create(user=users["admin_probolinggo"], workspace=workspace, role=Membership.Role.REGION_ADMIN)
    Membership.objects.create(
        user=users["staf_malang"],
        workspace=workspace,
        role=Membership.Role.OPD_EDITOR,
        invited_by=users["admin_probolinggo"],
    )
    version = seed_standard_versions()[1]
    world = SimpleNamespace(users=users, probolinggo=workspace)
    connection.set_tenant(workspace)
    factories.program(world, factories.opd(), title="Malang Command Center")
    cycle = assessments.start_cycle(
        actor=factories.actor(world, "admin_probolinggo"), framework_version=version, year=2024, stage=1
    )
    staff = factories.actor(world, "staf_malang")
    first, second = cycle.responses.all()[:2]
    assessments.add_evidence(actor=staff, response=first, upload=SimpleUploadedFile("perda.pdf", b"%PDF-1.4 perda"))
    assessments.add_evidence(actor=SYSTEM, response=second, upload=SimpleUploadedFile("sk.pdf", b"%PDF-1.4 sk tim"))
    connection.set_schema_to_public()
    RegionSnapshot.objects.update_or_create(
        region=region, year=2023, stage=1, defaults={"source": "imported", "overall": Decimal("3.210")}
    )
    PublishedResult.objects.create(
        region=region, year=2023, stage=1, overall=Decimal("3.210"), rank=12, imported_by=users["ministry_admin"]
    )
    RegionWish.objects.create(
        region=region, kind="preferred", starts=date(2025, 3, 3), ends=date(2025, 3, 7), created_by=users["staf_malang"]
    )
    yield workspace
    for code in (SOURCE, COPY):
        forget_workspace(code)
    FrameworkVersion.objects.exclude(pk__in=versions_before).delete()
    AuditEvent.objects.filter(pk__gt=last_event).delete()
    User.objects.exclude(pk__in=users_before).delete()


def export(tmp_path, name="malang.tar.gz") -> str:
    path = tmp_path / name
    call_command("export_workspace", SOURCE, str(path), stdout=io.StringIO())
    assert path.stat().st_mode & 0o077 == 0  # the accounts' password hashes are inside
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no partial file left behind
    return str(path)


def change_after_the_backup(workspace) -> None:
    from assessments.models import Evidence
    from programs.models import Opd

    connection.set_tenant(workspace)
    evidence = Evidence.objects.first()
    evidence.file.delete(save=False)
    evidence.delete()
    Opd.objects.create(acronym="BAPPEDA", name="Badan Perencanaan")
    connection.set_schema_to_public()
    Membership.objects.filter(workspace=workspace, role=Membership.Role.OPD_EDITOR).delete()
    workspace.region.snapshots.update(overall=Decimal("1.000"))


def test_a_restore_over_the_same_region_brings_back_every_table_file_and_public_row(malang, others, tmp_path):
    from platform.audit.models import AuditEvent

    before, others_before = state(malang), [state(w) for w in others]
    archive = export(tmp_path)
    change_after_the_backup(malang)
    assert state(malang) != before
    call_command("import_workspace", archive, "--as", SOURCE, "--yes", stdout=io.StringIO())
    assert state(malang) == before
    assert before["media"] and before["public"]["tenants.memberships"] and before["public"]["framework.snapshots"]
    assert [state(w) for w in others] == others_before
    event = AuditEvent.objects.get(action="workspace_restored", workspace=malang)
    assert event.details["archive_region"] == SOURCE and event.details["over_existing"] is True


def test_a_workspace_the_instance_lost_is_restored_with_its_accounts(malang, others, tmp_path):
    from platform.accounts.models import User

    before, others_before = state(malang), [state(w) for w in others]
    staff = User.objects.get(email="staf.malang@example.id")
    staff_id = staff.pk
    archive = export(tmp_path)
    forget_workspace(SOURCE)
    staff.delete()  # an account only this workspace used, gone with the instance
    out = io.StringIO()
    call_command("import_workspace", archive, stdout=out)
    assert "(new workspace)" in out.getvalue() and "1 account(s) created" in out.getvalue()
    restored = Workspace.objects.get(region_id=SOURCE)
    assert restored.schema_name == "kota_malang"
    assert restored.domains.get(is_primary=True).domain == "kota-malang.sc100.test"
    assert state(restored) == before
    back = User.objects.get(email="staf.malang@example.id")
    assert (back.pk, back.password) == (staff_id, staff.password)
    assert [state(w) for w in others] == others_before


def test_a_copy_under_another_code_has_the_same_content_and_leaves_the_original(malang, others, tmp_path):
    before, others_before = state(malang), [state(w) for w in others]
    archive = export(tmp_path)
    call_command("import_workspace", archive, "--region", COPY, stdout=io.StringIO())
    copy = Workspace.objects.get(region_id=COPY)
    assert copy.schema_name == "kota_kediri"
    copied = state(copy)
    assert copied["tables"] == before["tables"] and copied["media"] == before["media"]
    assert copied["public"]["tenants.memberships"] == before["public"]["tenants.memberships"]
    # A copy is a look at the workspace, not the region's national record.
    assert copied["public"]["framework.snapshots"] == [] and copied["public"]["framework.published_results"] == []
    assert state(malang) == before
    assert [state(w) for w in others] == others_before
    with pytest.raises(CommandError, match="already has a workspace; --region makes a copy"):
        call_command("import_workspace", archive, "--region", COPY)


def rewrite(archive: str, target: str, *, manifest=None, append_sql: str = "") -> str:
    """A copy of ``archive`` with its manifest changed by ``manifest(dict)`` or SQL added to its dump."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json" and manifest:
                content = json.loads(data)
                manifest(content)
                data = json.dumps(content).encode()
            if member.name == "schema.sql":
                data += append_sql.encode()
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    return target


def test_an_archive_of_a_newer_version_is_refused(malang, tmp_path):
    archive = export(tmp_path)
    newer = rewrite(
        archive,
        str(tmp_path / "newer.tar.gz"),
        manifest=lambda m: m["migrations"]["tenant"].append(["programs", "0999_from_the_future"]),
    )
    before = state(malang)
    with pytest.raises(CommandError, match="newer version: migration 0999_from_the_future of app programs unknown"):
        call_command("import_workspace", newer, "--yes")
    assert state(malang) == before


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"append_sql": "SELECT 1 / 0;\n"}, "failed in the database and was rolled back"),
        ({"manifest": lambda m: m["tables"]["programs_program"].update(rows=99)}, "differ from the archive"),
    ],
)
def test_a_failed_restore_leaves_the_old_workspace_as_it_was(malang, tmp_path, bad, message):
    archive = export(tmp_path)
    change_after_the_backup(malang)
    changed = state(malang)
    broken = rewrite(archive, str(tmp_path / "broken.tar.gz"), **bad)
    with pytest.raises(CommandError, match=message):
        call_command("import_workspace", broken, "--yes")
    assert state(malang) == changed
    assert not list(workspace_media_root("kota_malang").parent.glob(".kota_malang-*"))


def test_refusals_are_plain_messages(malang, tmp_path, monkeypatch):
    archive = export(tmp_path)
    not_ours = tmp_path / "notes.tar"
    not_ours.write_bytes(b"just some text")
    with pytest.raises(CommandError, match="is not a Smart City 100 workspace archive"):
        call_command("import_workspace", str(not_ours))
    empty = tmp_path / "empty.tar"
    tarfile.open(empty, "w").close()
    with pytest.raises(CommandError, match=r"not a Smart City 100 workspace archive \(no manifest.json\)"):
        call_command("import_workspace", str(empty))
    with pytest.raises(CommandError, match="Unknown region code '99.99'"):
        call_command("import_workspace", archive, "--as", "99.99")
    with pytest.raises(CommandError, match="Unknown region code '99.99'"):
        call_command("export_workspace", "99.99", str(tmp_path / "x.tar"))
    before = state(malang)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="no terminal to confirm over-writing it: run again with --yes"):
        call_command("import_workspace", archive)
    assert state(malang) == before


def test_a_missing_pg_dump_is_named(monkeypatch):
    from tenants.backup import postgres
    from tenants.backup.errors import BackupError

    monkeypatch.setattr(postgres.glob, "glob", lambda pattern: [])
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(BackupError, match="pg_dump was not found"):
        postgres.find_pg_tool("pg_dump")
