"""The Bimtek checklist computed from the data, and the figures for the national snapshot."""

from decimal import Decimal

from programs import checklist
from programs.models import DimensionPlan
from programs.rollup import masterplan_snapshot
from tests.programs import factories as f


def test_checklist_names_the_gaps(world, probolinggo):
    DimensionPlan.objects.filter(dimension__code__in=["governance", "branding", "living", "society"]).update(
        strengths="s", weaknesses="w", opportunities="o", threats="t"
    )
    f.program(world, is_quick_win=True)
    stages = checklist.bimtek_checklist()
    gaps = [i.gap for s in stages for i in s.items if not i.done]
    assert any("SWOT belum diisi untuk 2 dimensi" in g and "Smart Economy" in g for g in gaps)
    assert any("Belum ada quick win di dimensi" in g and "Smart Economy" in g for g in gaps)
    assert "Program jangka pendek, menengah dan panjang" not in [i.label for s in stages for i in s.items if i.done]
    assert 0 < checklist.completeness(stages) < 100


def test_snapshot_provider_reports_counts_budget_and_completeness(world, probolinggo):
    f.program(world, is_quick_win=True)
    f.program(world, title="Green building")
    snapshot = masterplan_snapshot()
    assert snapshot["program_count"] == 2 and snapshot["quick_win_count"] == 1
    assert snapshot["budget_total"] == Decimal("300000000")
    assert isinstance(snapshot["masterplan_completeness"], int)


def test_the_provider_is_registered():
    from assessments.rollup import snapshot_providers

    assert masterplan_snapshot in snapshot_providers()


def test_home_shows_the_checklist_gaps_to_a_facilitator(world, client_for):
    response = client_for(world.users["facilitator_current"]).get("/", HTTP_HOST="kota-probolinggo.sc100.test")
    body = response.content.decode()
    assert response.status_code == 200 and "Daftar periksa Bimtek" in body
    assert "SWOT belum diisi untuk 6 dimensi" in body and "Belum ada quick win di dimensi" in body


def test_demo_masterplan_is_realistic_and_idempotent(world):
    from django.db import connection

    from programs.demo import seed_masterplan_demo
    from programs.models import Opd, OpdEditor, Program, Risk

    for _ in range(2):
        seed_masterplan_demo(
            workspace=world.probolinggo,
            admin=world.users["admin_probolinggo"],
            editor=world.users["editor_probolinggo"],
        )
    connection.set_tenant(world.probolinggo)
    assert Program.objects.count() == 5 and Program.objects.filter(is_quick_win=True).count() == 2
    assert (
        Risk.objects.count() == 3
        and Opd.objects.filter(acronym__in=["DISKOMINFO", "BAPPEDA", "DPUPR", "DLH"]).count() == 4
    )
    assert OpdEditor.objects.get().opd.acronym == "BAPPEDA"
    assert Program.objects.get(title__startswith="Go Nik").funding.count() == 3


def test_quick_wins_with_risks_tick_the_risk_item(world, probolinggo):
    from programs import services

    quick = f.program(world, is_quick_win=True)

    def risk_item():
        return next(i for s in checklist.bimtek_checklist() for i in s.items if i.label.startswith("Manajemen risiko"))

    assert not risk_item().done and "1 quick win belum punya daftar risiko" in risk_item().gap
    services.save_risk(
        actor=f.actor(world, "admin_probolinggo"), program=quick, description="Server", likelihood=1, impact=1
    )
    assert risk_item().done
