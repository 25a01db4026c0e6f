"""Uploads that cannot be kept: a full disk is a clear form error and leaves nothing behind,
and a file whose transaction rolled back is removed (platform.uploads.save_file)."""

import subprocess
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils.functional import empty

from assessments import services
from assessments.models import Evidence
from tests.assessments.conftest import actor, cycle, in_probolinggo, version, versions  # noqa: F401

P = "kota-probolinggo.sc100.test"
PDF = b"%PDF-1.4 laporan " + b"x" * 600_000


def _evidence_files(media: Path) -> list[Path]:
    return [p for p in (media / "kota_probolinggo" / "evidence").rglob("*") if p.is_file()]


def _forget_media_root():
    """The tenant storage caches its root (and ignores MEDIA_ROOT changes): forget it."""
    if default_storage._wrapped is not empty:
        vars(default_storage._wrapped).pop("relative_media_root", None)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    _forget_media_root()
    yield tmp_path
    _forget_media_root()


@pytest.fixture
def tiny_disk(media):
    """MEDIA_ROOT on a 1 MB tmpfs (needs mount rights: root or CAP_SYS_ADMIN)."""
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1M", "tmpfs", str(media)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.decode().strip()}")
    yield media
    subprocess.run(["umount", str(media)], check=True)


def test_a_full_disk_refuses_the_evidence_with_a_form_error_and_keeps_nothing(
    tiny_disk,
    world,
    client_for,
    cycle,  # noqa: F811
):
    response_pk = cycle.responses.order_by("pk").first().pk
    (tiny_disk / "filler").write_bytes(b"\0" * 600_000)  # what is left is smaller than the file
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    upload = SimpleUploadedFile("laporan.pdf", PDF, content_type="application/pdf")
    r = client.post(
        f"/assessments/{cycle.pk}/responses/{response_pk}/", {"part": "evidence", "file": upload}, HTTP_HOST=P
    )
    assert r.status_code == 400
    assert "ruang penyimpanan server penuh" in r.content.decode()
    connection.set_tenant(world.probolinggo)
    assert not Evidence.objects.filter(response_id=response_pk).exists()
    assert _evidence_files(tiny_disk) == []  # no half-written file either


def test_an_evidence_file_whose_transaction_rolls_back_is_removed(media, world, cycle):  # noqa: F811
    response = cycle.responses.order_by("pk").first()
    upload = SimpleUploadedFile("laporan.pdf", PDF, content_type="application/pdf")
    with pytest.raises(RuntimeError), transaction.atomic():
        evidence = services.add_evidence(actor=actor(world, "admin_probolinggo"), response=response, upload=upload)
        assert Path(evidence.file.path).exists()  # written inside the transaction
        raise RuntimeError("something later in the same transaction fails")
    assert not Evidence.objects.filter(response=response).exists()
    assert _evidence_files(media) == []


def test_a_committed_evidence_file_stays(media, world, cycle, django_capture_on_commit_callbacks):  # noqa: F811
    response = cycle.responses.order_by("pk").first()
    upload = SimpleUploadedFile("laporan.pdf", PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        evidence = services.add_evidence(actor=actor(world, "admin_probolinggo"), response=response, upload=upload)
    assert Path(evidence.file.path).read_bytes() == PDF
