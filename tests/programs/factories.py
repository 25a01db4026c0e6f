"""Small builders of masterplan data for tests (run with a workspace schema active)."""

from decimal import Decimal

from programs import services
from programs.models import Dimension, FundingSource, Opd, OpdEditor, Program, SubDimension
from programs.rules import Actor
from tenants.selectors import workspace_access


def actor(world, name, workspace=None) -> Actor:
    user = world.users[name]
    return Actor(user=user, access=workspace_access(user=user, workspace=workspace or world.probolinggo))


def opd(acronym="DISKOMINFO", name="Dinas Komunikasi dan Informatika", head="Kepala Dinas") -> Opd:
    found, _ = Opd.objects.get_or_create(acronym=acronym, defaults={"name": name, "head": head})
    return found


def link_editor(world, opd_: Opd, name="editor_probolinggo") -> None:
    OpdEditor.objects.update_or_create(user_id=world.users[name].pk, defaults={"opd": opd_})


def program_data(lead: Opd, **overrides) -> dict:
    governance = Dimension.objects.get(code="governance")
    data = {
        "title": "e-Sambat",
        "dimension": governance,
        "sub_dimension": SubDimension.objects.get(dimension=governance, code="layanan-publik"),
        "description": "Kanal pengaduan warga",
        "goals": "Pengaduan ditangani cepat",
        "targets": "90% pengaduan selesai dalam 5 hari",
        "lead_opd": lead,
        "partner_opds": [],
        "partners": "",
        "horizon": Program.Horizon.SHORT,
        "start_year": 2025,
        "end_year": 2027,
        "alignment_rpjpd": "",
        "alignment_rpjmd": "Misi 2",
        "alignment_renstra": "",
        "status": Program.Status.PLANNED,
        "is_quick_win": False,
        "monitoring": "",
        "indicators": [
            {
                "name": "Pengaduan selesai tepat waktu",
                "unit": "%",
                "baseline": Decimal("40"),
                "baseline_year": 2024,
                "targets": {2025: Decimal("60"), 2026: Decimal("80")},
            }
        ],
        "funding": [
            {"source": FundingSource.objects.get(code="apbd"), "year": 2025, "amount": Decimal("150000000")},
        ],
        "milestones": [{"title": "Aplikasi terpasang", "year": 2025, "quarter": 2, "progress": 50}],
    }
    data.update(overrides)
    return data


def program(world, lead: Opd | None = None, by="admin_probolinggo", **overrides) -> Program:
    lead = lead or opd()
    return services.save_program(actor=actor(world, by), data=program_data(lead, **overrides))
