"""Masterplan pages: constant queries on lists, the program form with its rows, a stale
save that keeps the user's input, read-only pages outside draft, rupiah and years."""

import re
from decimal import Decimal

import pytest
from django.db import connection

from programs.models import Comment, Dimension, FundingSource, Masterplan, Notification, Program, SubDimension
from programs.templatetags.masterplan import rupiah
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"


def many_programs(world, n):
    connection.set_tenant(world.probolinggo)
    lead = f.opd()
    dims = list(Dimension.objects.prefetch_related("sub_dimensions"))
    apbd = FundingSource.objects.get(code="apbd")
    first = Program.objects.count()  # titles are unique in a workspace
    for i in range(n):
        d = dims[i % 6]
        program = Program.objects.create(
            title=f"Program {first + i}",
            dimension=d,
            sub_dimension=d.sub_dimensions.all()[i % 3],
            lead_opd=lead,
            horizon="short",
            start_year=2025,
            end_year=2027,
            is_quick_win=i % 4 == 0,
        )
        program.funding.create(source=apbd, year=2025, amount=Decimal("1000000"))
        program.indicators.create(name="Indikator", targets={"2025": "1"})
        program.milestones.create(title="Tahap", year=2025)
        program.partner_opds.add(lead)
    connection.set_schema_to_public()


@pytest.mark.parametrize(
    "url", ["/program/", "/masterplan/dimensi/governance/", "/masterplan/buku-2/", "/program/?quick_win=1"]
)
def test_lists_use_a_constant_number_of_queries(world, client_for, django_assert_max_num_queries, url):
    client = client_for(world.users["viewer_probolinggo"])
    many_programs(world, 3)
    client.get(url, HTTP_HOST=P)
    with django_assert_max_num_queries(12) as few:
        assert client.get(url, HTTP_HOST=P).status_code == 200
    many_programs(world, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url, HTTP_HOST=P).status_code == 200


def test_program_list_filters_by_dimension_opd_horizon_and_quick_win(world, client_for):
    connection.set_tenant(world.probolinggo)
    f.program(world, title="e-Sambat")
    economy = Dimension.objects.get(code="economy")
    f.program(
        world,
        f.opd("DLH", "Dinas Lingkungan Hidup"),
        title="Go Nik",
        dimension=economy,
        sub_dimension=SubDimension.objects.get(dimension=economy, code="kesejahteraan"),
        horizon="medium",
        is_quick_win=True,
    )
    dlh = f.opd("DLH").pk
    connection.set_schema_to_public()
    client = client_for(world.users["viewer_probolinggo"])
    for query, expected in [
        ("dimension=economy", ["Go Nik"]),
        (f"opd={dlh}", ["Go Nik"]),
        ("horizon=short", ["e-Sambat"]),
        ("quick_win=1", ["Go Nik"]),
        ("quick_win=0", ["e-Sambat"]),
        ("", ["Go Nik", "e-Sambat"]),
    ]:
        page = client.get(f"/program/?{query}", HTTP_HOST=P).context["page"]
        assert sorted(p.title for p in page) == expected, query


def form_post(program, **changes):
    lead = program.lead_opd
    data = {
        "p-version": program.version,
        "p-title": program.title,
        "p-dimension": program.dimension_id,
        "p-sub_dimension": program.sub_dimension_id,
        "p-lead_opd": lead.pk,
        "p-horizon": "short",
        "p-start_year": 2025,
        "p-end_year": 2027,
        "p-status": "planned",
        "p-goals": "Tujuan",
        "ind-TOTAL_FORMS": 1,
        "ind-INITIAL_FORMS": 0,
        "ind-0-name": "Pengaduan selesai",
        "ind-0-unit": "%",
        "ind-0-baseline": "40",
        "ind-0-targets": "2025: 60; 2026: 72,5",
        "fund-TOTAL_FORMS": 2,
        "fund-INITIAL_FORMS": 0,
        "fund-0-source": FundingSource.objects.get(code="apbd").pk,
        "fund-0-year": 2025,
        "fund-0-amount": "250000000",
        "ms-TOTAL_FORMS": 1,
        "ms-INITIAL_FORMS": 0,
        "ms-0-title": "Peluncuran",
        "ms-0-year": 2025,
        "ms-0-quarter": 3,
        "ms-0-progress": 10,
    }
    data.update(changes)
    return data


def test_program_form_saves_rows_and_shows_rupiah(world, client_for):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    data = form_post(program)
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(f"/program/{program.pk}/ubah/", data, HTTP_HOST=P)
    assert response.status_code == 302
    connection.set_tenant(world.probolinggo)
    program.refresh_from_db()
    assert program.version == 2
    assert program.indicators.get().targets == {"2025": "60", "2026": "72.5"}
    connection.set_schema_to_public()
    body = client.get(f"/program/{program.pk}/", HTTP_HOST=P).content.decode()
    assert "Rp 250.000.000" in body and "2025–2027" in body and "2.025" not in body


def test_a_stale_form_is_refused_with_a_message_and_keeps_the_input(world, client_for):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    stale = form_post(program, **{"p-title": "Judul baru dari Budi", "ms-0-title": "Tahapan Budi"})
    Program.objects.filter(pk=program.pk).update(version=2, title="Judul dari Ana")
    connection.set_schema_to_public()
    response = client_for(world.users["admin_probolinggo"]).post(f"/program/{program.pk}/ubah/", stale, HTTP_HOST=P)
    assert response.status_code == 409
    body = response.content.decode()
    assert "telah diubah orang lain" in body
    assert 'value="Judul baru dari Budi"' in body and 'value="Tahapan Budi"' in body
    connection.set_tenant(world.probolinggo)
    assert Program.objects.get(pk=program.pk).title == "Judul dari Ana"


def test_invalid_rows_give_400_with_messages_not_500(world, client_for):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    other_dimension_sub = SubDimension.objects.get(code="energi").pk
    bad = form_post(program, **{"p-sub_dimension": other_dimension_sub, "ind-0-targets": "tahun depan banyak"})
    connection.set_schema_to_public()
    response = client_for(world.users["admin_probolinggo"]).post(f"/program/{program.pk}/ubah/", bad, HTTP_HOST=P)
    assert response.status_code == 400
    body = response.content.decode()
    assert "bukan bagian dari dimensi" in body and "Tidak terbaca" in body


def test_submitted_masterplan_pages_are_read_only(world, client_for):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    Masterplan.objects.update(status=Masterplan.Status.SUBMITTED)
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    assert client.get(f"/program/{program.pk}/ubah/", HTTP_HOST=P).status_code == 302
    assert client.get("/masterplan/buku-1/ubah/", HTTP_HOST=P).status_code == 302
    detail = client.get(f"/program/{program.pk}/", HTTP_HOST=P)
    assert not detail.context["can_edit"] and "hanya dapat dibaca" in detail.content.decode()


CONFIRMED_APPROVAL = {"action": "approve", "confirming": "True", "acknowledge_failing": "on", "reason": "Lanjut"}


def test_council_approval_from_the_page_and_a_refusal_for_the_viewer(world, client_for):
    connection.set_tenant(world.probolinggo)
    Masterplan.objects.update(status=Masterplan.Status.SUBMITTED)
    connection.set_schema_to_public()
    refused = client_for(world.users["viewer_probolinggo"]).post(
        "/masterplan/status/", {"action": "approve"}, HTTP_HOST=P, follow=True
    )
    assert "Hanya Dewan Smart City yang dapat menyetujui" in refused.content.decode()
    connection.set_tenant(world.probolinggo)
    assert Masterplan.objects.get().status == "submitted"
    connection.set_schema_to_public()
    client_for(world.users["council_probolinggo"]).post("/masterplan/status/", CONFIRMED_APPROVAL, HTTP_HOST=P)
    connection.set_tenant(world.probolinggo)
    assert Masterplan.objects.get().status == "approved"


def test_comment_with_mention_shows_in_notifications_and_nav_count(world, client_for):
    client = client_for(world.users["facilitator_current"])
    response = client.post(
        "/komentar/",
        {"section": "swot", "body": "Tolong cek @Admin Probolinggo", "next": "/masterplan/buku-1/"},
        HTTP_HOST=P,
    )
    assert response.status_code == 302 and response["Location"].startswith("/masterplan/buku-1/#comment-")
    admin = client_for(world.users["admin_probolinggo"])
    assert '<span class="badge warn">1</span>' == admin.get("/notifikasi/jumlah/", HTTP_HOST=P).content.decode()
    assert "Facilitator Current menyebut Anda" in admin.get("/notifikasi/", HTTP_HOST=P).content.decode()
    admin.post("/notifikasi/", HTTP_HOST=P)
    assert admin.get("/notifikasi/jumlah/", HTTP_HOST=P).content == b""
    connection.set_tenant(world.probolinggo)
    assert Comment.objects.get().section == "swot" and Notification.objects.get().read_at is not None


def test_comment_next_cannot_leave_the_site(world, client_for):
    response = client_for(world.users["facilitator_current"]).post(
        "/komentar/", {"section": "swot", "body": "x", "next": "//evil.example/"}, HTTP_HOST=P
    )
    assert response["Location"].startswith("/masterplan/#comment-")


def test_history_compares_two_versions_side_by_side(world, client_for):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    from programs import services

    services.save_program(
        actor=f.actor(world, "admin_probolinggo"),
        program=program,
        data=f.program_data(program.lead_opd, title="e-Sambat 2.0"),
        expected_version=1,
    )
    connection.set_schema_to_public()
    response = client_for(world.users["viewer_probolinggo"]).get(f"/program/{program.pk}/riwayat/?a=1&b=2", HTTP_HOST=P)
    rows = {label: (a, b, differs) for label, a, b, differs in response.context["compare"]}
    assert rows["nama program"] == ("e-Sambat", "e-Sambat 2.0", True)
    assert not rows["OPD pelaksana"][2]
    assert not response.context["can_restore"]


def test_rupiah_filter():
    assert rupiah(Decimal("1234567.5")) == "Rp 1.234.568"
    assert rupiah(Decimal("0")) == "Rp 0"
    assert rupiah(None) == "–"


def test_buku_two_has_a_roadmap_and_print_css(world, client_for):
    connection.set_tenant(world.probolinggo)
    f.program(world, title="Peta <wisata> digital", is_quick_win=True)
    connection.set_schema_to_public()
    body = client_for(world.users["viewer_probolinggo"]).get("/masterplan/buku-2/", HTTP_HOST=P).content.decode()
    assert "<svg" in body and "Peta &lt;wisata&gt; digital" in body and "masterplan.css" in body
    assert re.search(r">2025<", body)


def test_changes_page_says_who_changed_what(world, client_for):
    connection.set_tenant(world.probolinggo)
    from programs import services

    admin = f.actor(world, "admin_probolinggo")
    services.update_masterplan_text(actor=admin, expected_version=1, goals="Tujuan")
    services.update_masterplan_text(actor=admin, expected_version=2, vision="Kota cerdas", mission="Melayani")
    f.program(world)
    connection.set_schema_to_public()
    response = client_for(world.users["viewer_probolinggo"]).get("/masterplan/riwayat/", HTTP_HOST=P)
    changes = response.context["changes"]
    masterplan_change = next(c for c in changes if c.what == "masterplan")
    assert masterplan_change.user == world.users["admin_probolinggo"]
    assert set(masterplan_change.fields) == {"visi", "misi"}
    assert any(c.label == "e-Sambat" and c.kind == "+" for c in changes)


def test_stale_buku_one_edit_is_refused_and_keeps_the_text(world, client_for):
    connection.set_tenant(world.probolinggo)
    Masterplan.objects.update(version=5)
    connection.set_schema_to_public()
    response = client_for(world.users["admin_probolinggo"]).post(
        "/masterplan/buku-1/ubah/", {"version": 4, "vision": "Visi saya yang panjang"}, HTTP_HOST=P
    )
    assert response.status_code == 409
    assert "Visi saya yang panjang" in response.content.decode() and "diubah orang lain" in response.content.decode()
