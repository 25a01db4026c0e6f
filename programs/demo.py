"""Demo masterplan of Kota Probolinggo for the local stack (``manage.py seed_demo``).

Idempotent: OPDs and people are matched by acronym/name, programs by title; a program that
already exists is left as it is.
"""

from decimal import Decimal

from django.db import transaction
from django_tenants.utils import tenant_context

from programs import selectors, services
from programs.models import Dimension, FundingSource, Opd, Person, Program, Readiness, SubDimension
from programs.rules import Actor
from tenants.selectors import workspace_access

OPDS = [
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "Kepala Diskominfo"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Kepala Bappeda"),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Dinas PU"),
    ("DLH", "Dinas Lingkungan Hidup", "Kepala DLH"),
    ("DISPERTA", "Dinas Pertanian", "Kepala Dinas Pertanian"),
    ("DISBUDPAR", "Dinas Kebudayaan dan Pariwisata", "Kepala Disbudpar"),
]
PEOPLE = [
    ("dewan", "Wali Kota Probolinggo", "Ketua Dewan Smart City", None, "", ""),
    ("dewan", "Sekretaris Daerah", "Wakil Ketua", None, "Pemerintah Kota", ""),
    ("dewan", "Akademisi Universitas Panca Marga", "Anggota", None, "Akademisi", ""),
    ("tim", "Sekretaris Diskominfo", "Koordinator Tim Pelaksana", "DISKOMINFO", "", "diskominfo@probolinggokota.go.id"),
    ("tim", "Perencana Bappeda", "Anggota", "BAPPEDA", "", ""),
    ("tim", "Komunitas TIK Probolinggo", "Relawan TIK", None, "Komunitas", ""),
]
# title, dimension, sub-dimension, lead, horizon, start, end, quick win, indicators, funding, milestones, risks
PROGRAMS = [
    (
        "e-Sambat (pengaduan masyarakat daring)",
        "governance",
        "layanan-publik",
        "DISKOMINFO",
        "short",
        2025,
        2026,
        True,
        [("Pengaduan selesai ≤ 5 hari kerja", "%", "45", {2025: "70", 2026: "90"})],
        [("apbd", 2025, "350000000"), ("apbd", 2026, "200000000")],
        [("Aplikasi dan kanal WhatsApp aktif", 2025, 2, 100), ("Integrasi seluruh OPD", 2025, 4, 60)],
        [
            ("OPD lambat menanggapi aduan", 4, 3, "SLA per OPD dan dasbor wali kota", "Diskominfo"),
            ("Aduan palsu/spam", 2, 2, "Verifikasi nomor telepon", "Diskominfo"),
        ],
    ),
    (
        "Peta wisata digital",
        "branding",
        "pariwisata",
        "DISBUDPAR",
        "short",
        2025,
        2025,
        True,
        [("Kunjungan ke peta", "kali", "0", {2025: "25000"})],
        [("apbd", 2025, "120000000"), ("csr", 2025, "50000000")],
        [("Pendataan titik wisata", 2025, 1, 100), ("Peluncuran", 2025, 3, 40)],
        [("Data titik wisata usang", 3, 3, "Pemutakhiran per triwulan oleh pokdarwis", "Disbudpar")],
    ),
    (
        "Percontohan bangunan hijau",
        "environment",
        "energi",
        "DPUPR",
        "medium",
        2025,
        2028,
        False,
        [("Gedung pemerintah bersertifikat hijau", "gedung", "0", {2026: "2", 2028: "5"})],
        [("apbd", 2026, "1500000000"), ("kpbu", 2027, "4000000000")],
        [("Audit energi gedung", 2025, 4, 20)],
        [],
    ),
    (
        "Go Nik (pertanian organik)",
        "economy",
        "kesejahteraan",
        "DISPERTA",
        "medium",
        2025,
        2029,
        False,
        [("Petani organik bersertifikat", "orang", "35", {2026: "80", 2029: "250"})],
        [("apbd", 2025, "275000000"), ("apbn", 2026, "600000000"), ("swasta", 2027, "150000000")],
        [("Sekolah lapang organik", 2025, 3, 50)],
        [],
    ),
    (
        "Bank sampah digital",
        "environment",
        "sampah-limbah",
        "DLH",
        "long",
        2026,
        2034,
        False,
        [("Sampah terkelola di bank sampah", "ton/tahun", "120", {2030: "600", 2034: "1500"})],
        [("apbd", 2026, "300000000")],
        [("Aplikasi bank sampah", 2026, 2, 0)],
        [],
    ),
]


def seed_masterplan_demo(*, workspace, admin, editor=None) -> None:
    """Fill ``workspace``'s masterplan with a realistic example (safe to run again)."""
    with tenant_context(workspace), transaction.atomic():
        actor = Actor(user=admin, access=workspace_access(user=admin, workspace=workspace))
        opds = {}
        for acronym, name, head in OPDS:
            opds[acronym] = Opd.objects.filter(acronym=acronym).first() or services.save_opd(
                actor=actor, name=name, acronym=acronym, head=head
            )
        for body, name, position, opd, sector, contact in PEOPLE:
            if not Person.objects.filter(name=name).exists():
                services.save_person(
                    actor=actor,
                    body=body,
                    name=name,
                    position=position,
                    opd=opds.get(opd),
                    sector=sector,
                    contact=contact,
                )
        if editor is not None:
            services.assign_opd_editor(actor=actor, user=editor, opd=opds["BAPPEDA"])
        masterplan = selectors.masterplan()
        if not masterplan.vision and masterplan.is_editable:
            services.update_masterplan_text(
                actor=actor,
                expected_version=masterplan.version,
                regional_profile="Kota Probolinggo, kota pesisir di Jawa Timur (±56 km², ±240 ribu jiwa), "
                "pusat perdagangan dan jasa di kawasan Tapal Kuda.",
                vision="Probolinggo kota cerdas yang melayani, berdaya saing dan berkelanjutan.",
                mission="1. Layanan publik digital yang cepat dan terbuka.\n2. Ekonomi lokal yang tumbuh.\n"
                "3. Lingkungan yang bersih dan hijau.",
                goals="Indeks kepuasan layanan publik ≥ 85 pada 2029.",
            )
        if masterplan.is_editable:
            governance = Dimension.objects.get(code="governance")
            services.update_swot(
                actor=actor,
                dimension=governance,
                fields={
                    "strengths": "Jaringan fiber optik menjangkau seluruh kelurahan.",
                    "weaknesses": "Data antar-OPD belum terintegrasi.",
                    "opportunities": "Program Satu Data Indonesia.",
                    "threats": "Keamanan siber.",
                },
                expected_fingerprint=None,
            )
            services.update_strategy(
                actor=actor,
                dimension=governance,
                fields={
                    "strategy": "Layanan publik satu pintu berbasis data.",
                    "action_plan": "Integrasi aplikasi OPD ke portal layanan kota.",
                },
                expected_fingerprint=None,
            )
            services.update_readiness(
                actor=actor,
                rows=[
                    (row, level, text)
                    for row, (level, text) in zip(
                        Readiness.objects.filter(dimension=governance).order_by("id"),
                        [
                            (3, "Diskominfo sebagai leading sector; Dewan Smart City ditetapkan dengan SK Wali Kota."),
                            (4, "Jaringan fiber optik pemerintah, pusat data kota, command center."),
                            (2, "Perwali masterplan smart city dalam penyusunan."),
                        ],
                        strict=True,
                    )
                    if not row.is_filled
                ],
                expected_fingerprint=None,
            )
            sources = {s.code: s for s in FundingSource.objects.all()}
            for title, dim, sub, lead, horizon, start, end, quick, indicators, funding, milestones, risks in PROGRAMS:
                if Program.objects.filter(title=title).exists():
                    continue
                dimension = Dimension.objects.get(code=dim)
                program = services.save_program(
                    actor=actor,
                    data={
                        "title": title,
                        "dimension": dimension,
                        "sub_dimension": SubDimension.objects.get(dimension=dimension, code=sub),
                        "description": "",
                        "goals": "",
                        "targets": "",
                        "lead_opd": opds[lead],
                        "partner_opds": [opds["BAPPEDA"]] if lead != "BAPPEDA" else [],
                        "partners": "",
                        "horizon": horizon,
                        "start_year": start,
                        "end_year": end,
                        "alignment_rpjpd": "",
                        "alignment_rpjmd": "RPJMD 2025–2029",
                        "alignment_renstra": "",
                        "status": Program.Status.PLANNED,
                        "is_quick_win": quick,
                        "monitoring": "Laporan triwulan ke Dewan Smart City.",
                        "indicators": [
                            {
                                "name": n,
                                "unit": u,
                                "baseline": Decimal(b),
                                "baseline_year": start - 1,
                                "targets": {y: Decimal(v) for y, v in t.items()},
                            }
                            for n, u, b, t in indicators
                        ],
                        "funding": [{"source": sources[s], "year": y, "amount": Decimal(a)} for s, y, a in funding],
                        "milestones": [
                            {"title": m, "year": y, "quarter": q, "progress": p} for m, y, q, p in milestones
                        ],
                    },
                )
                for risk in risks:
                    fields = dict(zip(services.RISK_FIELDS, risk, strict=True))
                    services.save_risk(actor=actor, program=program, **fields)
