"""Cycles in a workspace: self-assessment, verification, the state machine, evidence, audit."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments import selectors, services
from assessments.models import AssessmentCycle, CycleEvent
from tenants.access import SYSTEM
from tests.assessments.conftest import actor, fill


def test_a_cycle_gets_one_response_per_indicator_of_its_version(cycle, version):
    assert cycle.responses.count() == version.indicators.count() == 30
    assert cycle.state == AssessmentCycle.State.OPEN


def test_a_second_cycle_for_the_same_period_is_refused(cycle, version):
    with pytest.raises(ValidationError, match="sudah ada"):
        services.start_cycle(framework_version=version, year=2024, stage=1, actor=SYSTEM)


def test_a_score_outside_the_scale_is_refused_and_nothing_changes(cycle):
    response = cycle.responses.first()
    with pytest.raises(ValidationError) as exc:
        services.save_self_assessment(
            response=response, score=Decimal("4.5"), evidence_text="x", evidence_links="", actor=SYSTEM
        )
    assert "antara 0 dan 4" in str(exc.value)
    response.refresh_from_db()
    assert response.self_score is None and response.evidence_text == ""


def test_index_is_computed_from_self_scores_then_from_verified_scores(cycle):
    fill(cycle, "3", verified="2")
    assert selectors.cycle_index(cycle=cycle).overall == Decimal("3.00")  # still self-assessed
    services.change_state(cycle=cycle, action="verify", actor=SYSTEM)
    cycle.refresh_from_db()
    assert selectors.cycle_index(cycle=cycle).overall == Decimal("2.00")


def test_submitting_needs_every_self_score(cycle):
    with pytest.raises(ValidationError, match="Semua indikator"):
        services.change_state(cycle=cycle, action="submit", actor=SYSTEM)


def test_a_final_cycle_is_locked_and_only_reopened_with_a_reason_audited(cycle, world):
    fill(cycle, "3", verified="3")
    services.change_state(cycle=cycle, action="verify", actor=SYSTEM)
    services.change_state(cycle=cycle, action="finalize", actor=SYSTEM)
    response = cycle.responses.first()
    with pytest.raises(ValidationError, match="final"):
        services.save_verification(response=response, score=Decimal(1), notes="", actor=SYSTEM)
    with pytest.raises(ValidationError, match="final"):
        services.save_self_assessment(
            response=response, score=Decimal(1), evidence_text="", evidence_links="", actor=SYSTEM
        )
    response.refresh_from_db()
    assert response.verified_score == Decimal(3)
    with pytest.raises(ValidationError, match="Alasan"):
        services.change_state(cycle=cycle, action="reopen", actor=actor(world, "ministry_admin"), reason=" ")
    services.change_state(cycle=cycle, action="reopen", actor=actor(world, "ministry_admin"), reason="Salah hitung")
    event = CycleEvent.objects.filter(cycle=cycle).first()
    assert (event.action, event.from_state, event.to_state, event.reason, event.actor) == (
        "reopen",
        "final",
        "self_assessed",
        "Salah hitung",
        world.users["ministry_admin"],
    )


def test_evidence_of_the_wrong_type_or_too_large_is_refused(cycle, settings, monkeypatch):
    response = cycle.responses.first()
    with pytest.raises(ValidationError, match="Jenis berkas"):
        services.add_evidence(response=response, upload=SimpleUploadedFile("a.exe", b"MZ..."), actor=SYSTEM)
    with pytest.raises(ValidationError, match="tidak sesuai"):
        services.add_evidence(response=response, upload=SimpleUploadedFile("a.pdf", b"<html>"), actor=SYSTEM)
    monkeypatch.setattr(services, "EVIDENCE_MAX_BYTES", 10)
    with pytest.raises(ValidationError, match="terlalu besar"):
        services.add_evidence(
            response=response, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 " + b"x" * 20), actor=SYSTEM
        )
    assert response.files.count() == 0


def test_evidence_is_stored_under_the_workspace_schema(cycle):
    response = cycle.responses.first()
    evidence = services.add_evidence(
        response=response, upload=SimpleUploadedFile("laporan.pdf", b"%PDF-1.4 hello"), actor=SYSTEM
    )
    assert "kota_probolinggo" in evidence.file.path
    assert evidence.file.read() == b"%PDF-1.4 hello"
