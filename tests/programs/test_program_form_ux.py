"""The program form as OPD staff use it: an error summary linked to the fields, required
fields marked, amounts typed and shown with thousands separators, sub-dimensions tied to
their dimension, rows added in place, and the OPD editor told in words what they may edit."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from programs.forms import FundingForm, ProgramForm
from programs.forms.numbers import AmountField, format_amount
from programs.models import Dimension, FundingSource, SubDimension
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.250.000", Decimal("1250000")),
        ("1250000", Decimal("1250000")),
        ("Rp 1.250.000", Decimal("1250000")),
        ("Rp1.250.000", Decimal("1250000")),
        ("rp. 1.250.000", Decimal("1250000")),
        ("1.250.000,50", Decimal("1250000.50")),
        ("  750.000 ", Decimal("750000")),
    ],
)
def test_amount_field_reads_indonesian_amounts(typed, expected):
    assert AmountField(max_digits=18, decimal_places=2).clean(typed) == expected


@pytest.mark.parametrize("typed", ["satu juta", "1.25.000", "1,250,000,50", "Rp", "1.250.000,50,1"])
def test_a_bad_amount_is_a_field_error(typed):
    with pytest.raises(ValidationError) as raised:
        AmountField(max_digits=18, decimal_places=2).clean(typed)
    assert raised.value.messages


def test_format_amount_uses_dots_for_thousands_and_a_decimal_comma():
    assert format_amount(Decimal("1250000")) == "1.250.000"
    assert format_amount(Decimal("1250000.00")) == "1.250.000"
    assert format_amount(Decimal("1250000.5")) == "1.250.000,50"
    assert format_amount(Decimal("999")) == "999"


def test_funding_form_shows_amounts_formatted_again(world):
    connection.set_tenant(world.probolinggo)
    apbd = FundingSource.objects.get(code="apbd")
    form = FundingForm(data={"source": apbd.pk, "year": 2025, "amount": "Rp 1250000"})
    assert form.is_valid() and form.cleaned_data["amount"] == Decimal("1250000")
    assert 'value="1.250.000"' in str(form["amount"])
    assert 'inputmode="decimal"' in str(form["amount"])
    unbound = FundingForm(initial={"amount": Decimal("2500000.50")})
    assert 'value="2.500.000,50"' in str(unbound["amount"])
    bad = FundingForm(data={"source": apbd.pk, "year": 2025, "amount": "sejuta"})
    assert not bad.is_valid() and "1.250.000" in bad.errors["amount"][0]
    assert 'value="sejuta"' in str(bad["amount"])  # what was typed stays beside its error


def test_required_fields_carry_required_and_aria_required(world):
    connection.set_tenant(world.probolinggo)
    form = ProgramForm(prefix="p")
    title = str(form["title"])
    assert re.search(r"\srequired[\s>]", title) and 'aria-required="true"' in title
    assert "aria-required" not in str(form["description"])


def test_sub_dimension_options_name_their_dimension(world):
    connection.set_tenant(world.probolinggo)
    form = ProgramForm(prefix="p")
    energi = SubDimension.objects.get(code="energi")
    html = str(form["sub_dimension"])
    assert f'value="{energi.pk}" data-dimension="{energi.dimension_id}"' in html
    assert 'data-filters-options="id_p-sub_dimension"' in str(form["dimension"])


def test_empty_program_form_lists_every_problem_linked_to_its_field(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    data = {
        "p-title": "",
        "ind-TOTAL_FORMS": 1,
        "ind-INITIAL_FORMS": 0,
        "fund-TOTAL_FORMS": 1,
        "fund-INITIAL_FORMS": 0,
        "fund-0-year": "2025",
        "fund-0-amount": "sejuta",
        "ms-TOTAL_FORMS": 1,
        "ms-INITIAL_FORMS": 0,
    }
    response = client.post("/program/baru/", data, HTTP_HOST=P)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Ada masalah" in body and "data-error-summary" in body
    for target in ("id_p-title", "id_p-dimension", "id_p-sub_dimension", "id_p-horizon", "id_fund-0-amount"):
        assert f'href="#{target}"' in body, target
    assert "Pembiayaan, baris 1 – Jumlah (Rp)" in body
    assert body.index("Ada masalah") < body.index('id="program-form"')


def test_program_form_marks_required_fields_and_has_no_save_first_hint(world, client_for):
    body = client_for(world.users["admin_probolinggo"]).get("/program/baru/", HTTP_HOST=P).content.decode()
    assert 'Nama program <span class="required">(wajib)</span></label>' in body
    assert "Deskripsi</label>" in body  # optional: no mark
    assert "Simpan dahulu" not in body
    assert "Ada masalah" not in body
    assert body.count("<template data-row-template>") == 3 and "data-add-row" in body
    assert "fund-__prefix__-amount" in body
    assert "programs/program_form.js" in body


def test_program_form_saves_typed_amounts_and_shows_them_formatted(world, client_for):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    governance = Dimension.objects.get(code="governance")
    data = {
        "p-version": program.version,
        "p-title": program.title,
        "p-dimension": governance.pk,
        "p-sub_dimension": program.sub_dimension_id,
        "p-lead_opd": program.lead_opd_id,
        "p-horizon": "short",
        "p-start_year": 2025,
        "p-end_year": 2027,
        "p-status": "planned",
        "ind-TOTAL_FORMS": 0,
        "ind-INITIAL_FORMS": 0,
        "fund-TOTAL_FORMS": 2,
        "fund-INITIAL_FORMS": 0,
        "fund-0-source": FundingSource.objects.get(code="apbd").pk,
        "fund-0-year": 2025,
        "fund-0-amount": "Rp 1.250.000",
        "fund-1-source": FundingSource.objects.get(code="apbd").pk,
        "fund-1-year": 2026,
        "fund-1-amount": "2.000.000,50",
        "ms-TOTAL_FORMS": 0,
        "ms-INITIAL_FORMS": 0,
    }
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(f"/program/{program.pk}/ubah/", data, HTTP_HOST=P)
    assert response.status_code == 302
    connection.set_tenant(world.probolinggo)
    assert sorted(program.funding.values_list("amount", flat=True)) == [Decimal("1250000"), Decimal("2000000.50")]
    connection.set_schema_to_public()
    assert "Rp 1.250.000" in client.get(f"/program/{program.pk}/", HTTP_HOST=P).content.decode()
    form = client.get(f"/program/{program.pk}/ubah/", HTTP_HOST=P).content.decode()
    assert 'value="1.250.000"' in form and 'value="2.000.000,50"' in form


def editor_of_another_opd(world):
    """A program led by DISKOMINFO, and the OPD editor linked to DISPERTA."""
    connection.set_tenant(world.probolinggo)
    program = f.program(world, title="e-Sambat lain")
    own = f.opd("DISPERTA", "Dinas Pertanian")
    f.link_editor(world, own)
    mine = f.program(world, lead=own, title="Go Nik")
    connection.set_schema_to_public()
    return program, mine


def test_opd_editor_is_told_in_words_why_another_opds_program_is_not_theirs(world, client_for):
    program, _mine = editor_of_another_opd(world)
    client = client_for(world.users["editor_probolinggo"])
    for response in (
        client.get(f"/program/{program.pk}/ubah/", HTTP_HOST=P),
        client.post(f"/program/{program.pk}/ubah/", {"p-title": "Diambil alih"}, HTTP_HOST=P),
    ):
        assert response.status_code == 403
        body = response.content.decode()
        assert "Anda tidak dapat mengubah program ini" in body
        assert "dipimpin oleh Dinas Komunikasi dan Informatika (DISKOMINFO)" in body
        assert "Anda editor untuk Dinas Pertanian (DISPERTA)" in body
        assert f'href="/program/{program.pk}/"' in body and 'class="subnav"' in body  # inside the workspace
    connection.set_tenant(world.probolinggo)
    program.refresh_from_db()
    assert program.title == "e-Sambat lain"


def test_a_missing_program_and_members_without_the_right_still_get_404(world, client_for):
    program, _mine = editor_of_another_opd(world)
    editor = client_for(world.users["editor_probolinggo"])
    assert editor.get("/program/999999/ubah/", HTTP_HOST=P).status_code == 404
    viewer = client_for(world.users["viewer_probolinggo"])
    assert viewer.get(f"/program/{program.pk}/ubah/", HTTP_HOST=P).status_code == 404


def test_opd_editors_program_list_marks_the_programs_they_may_edit(world, client_for):
    program, mine = editor_of_another_opd(world)
    body = client_for(world.users["editor_probolinggo"]).get("/program/", HTTP_HOST=P).content.decode()
    assert "dapat Anda ubah" in body
    assert f'href="/program/{mine.pk}/ubah/"' in body
    assert f'href="/program/{program.pk}/ubah/"' not in body
    row = body[body.index(f'href="/program/{program.pk}/"') :]
    assert "dapat Anda ubah" not in row[: row.index("</tr>")]
    admin = client_for(world.users["admin_probolinggo"]).get("/program/", HTTP_HOST=P).content.decode()
    assert "dapat Anda ubah" not in admin  # a region admin edits every program


def test_indicator_baseline_reads_a_decimal_comma_and_zero():
    from programs.forms import IndicatorForm

    form = IndicatorForm(data={"name": "Pengaduan selesai", "baseline": "62,5", "targets": ""})
    assert form.is_valid() and form.cleaned_data["baseline"] == Decimal("62.5")
    assert 'value="62,50"' in str(form["baseline"])
    zero = IndicatorForm(data={"name": "Pengaduan selesai", "baseline": "0,00", "targets": ""})
    assert zero.is_valid() and zero.cleaned_data["baseline"] == 0
    assert 'value="0"' in str(zero["baseline"])
    bad = IndicatorForm(data={"name": "Pengaduan selesai", "baseline": "banyak", "targets": ""})
    assert not bad.is_valid() and "62,5" in bad.errors["baseline"][0]
