"""One rule set for a program (``programs.program_rules``): each rule refuses the same input
with the same words through the program form, the API and the Excel import, and a title
another program has (whatever its case and surrounding spaces) is refused by all three."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from programs import excel, program_rules
from programs.models import Dimension, FundingSource, Opd, Program, SubDimension
from tests.programs import factories
from tests.programs.test_excel import _child, _program_row, filled, problems_of

P = "kota-probolinggo.sc100.test"

# One program, written in each edge's terms below: codes for the API, ids for the form,
# names for the workbook. ``funding`` is a list of (source code, year).
GOOD = {
    "title": "Peta wisata digital",
    "dimension": "branding",
    "sub_dimension": "pariwisata",
    "start_year": 2025,
    "end_year": 2026,
    "funding": [("apbd", 2025)],
}

# rule → (what differs from GOOD, the words of the refusal, where the form, the API and the
# workbook put it: form field, API field, workbook column).
CASES = {
    "sub-dimension of another dimension": (
        {"sub_dimension": "energi"},
        "subdimensi Energi bukan bagian dari dimensi Smart Branding",
        ("sub_dimension", "sub_dimension", "kolom E (Subdimensi*)"),
    ),
    "end before the start": (
        {"start_year": 2027, "end_year": 2025, "funding": []},
        "tahun selesai (2025) tidak boleh sebelum tahun mulai (2027)",
        ("end_year", "end_year", "kolom N (Tahun selesai*)"),
    ),
    "funding outside the program's years": (
        {"funding": [("apbd", 2030)]},
        "tahun 2030 di luar masa program 2025–2026",
        ("__all__", "funding", "kolom C (Tahun*)"),
    ),
    "funding twice for one source and year": (
        {"funding": [("apbd", 2025), ("apbd", 2025)]},
        "sumber APBD tahun 2025 untuk program ini sudah ada di baris",
        ("__all__", "funding", "kolom B (Sumber dana*)"),
    ),
    "a title another program has": (
        {"title": "  E-SAMBAT "},
        "sudah ada program lain dengan nama “E-SAMBAT” di ruang kerja ini",
        ("title", "title", "kolom C (Nama program*)"),
    ),
}


@pytest.fixture
def workspace(world):
    """Kota Probolinggo with its OPD and a program titled ``e-Sambat``; public schema after."""
    connection.set_tenant(world.probolinggo)
    factories.program(world, factories.opd(), title="e-Sambat")
    connection.set_schema_to_public()
    return world


def form_post(program: dict) -> dict:
    """The program form's fields for ``program`` (in the workspace's schema)."""
    dimension = Dimension.objects.get(code=program["dimension"])
    sub = SubDimension.objects.filter(code=program["sub_dimension"]).first()
    data = {
        "p-version": program.get("version", ""),
        "p-title": program["title"],
        "p-dimension": dimension.pk,
        "p-sub_dimension": sub.pk,
        "p-lead_opd": Opd.objects.get(acronym="DISKOMINFO").pk,
        "p-horizon": "short",
        "p-start_year": program["start_year"],
        "p-end_year": program["end_year"],
        "p-status": "planned",
        "ind-TOTAL_FORMS": 0,
        "ind-INITIAL_FORMS": 0,
        "fund-TOTAL_FORMS": len(program["funding"]),
        "fund-INITIAL_FORMS": 0,
        "ms-TOTAL_FORMS": 0,
        "ms-INITIAL_FORMS": 0,
    }
    for i, (code, year) in enumerate(program["funding"]):
        data.update(
            {
                f"fund-{i}-source": FundingSource.objects.get(code=code).pk,
                f"fund-{i}-year": year,
                f"fund-{i}-amount": "1000000",
            }
        )
    return data


def api_body(program: dict) -> dict:
    return {
        **{key: program[key] for key in ("title", "dimension", "sub_dimension", "start_year", "end_year")},
        "lead_opd": "DISKOMINFO",
        "horizon": "short",
        "funding": [{"source": code, "year": year, "amount": "1000000"} for code, year in program["funding"]],
    }


def workbook(program: dict) -> bytes:
    dimension = Dimension.objects.get(code=program["dimension"])
    sub = SubDimension.objects.filter(code=program["sub_dimension"]).first()
    funding = [
        _child(
            excel.FUNDING_COLUMNS,
            program=program["title"],
            source=FundingSource.objects.get(code=code).name,
            year=year,
            amount=1_000_000,
        )
        for code, year in program["funding"]
    ]
    row = _program_row(
        title=program["title"],
        dimension=dimension.name,
        sub_dimension=sub.name,
        start_year=program["start_year"],
        end_year=program["end_year"],
    )
    return filled(programs=[row], funding=funding)


def form_errors(world, client_for, program: dict, url="/program/baru/") -> dict[str, list[str]]:
    connection.set_tenant(world.probolinggo)
    data = form_post(program)
    connection.set_schema_to_public()
    response = client_for(world.users["admin_probolinggo"]).post(url, data, HTTP_HOST=P)
    assert response.status_code == 400, response
    return response.context["form"].errors


def api_errors(world, client_for, program: dict) -> dict[str, list[str]]:
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/api/v1/programs/", api_body(program), content_type="application/json", HTTP_HOST=P)
    assert response.status_code == 400, response.content
    return response.json()


def import_problems(world, program: dict) -> list[str]:
    connection.set_tenant(world.probolinggo)
    try:
        return problems_of(factories.actor(world, "admin_probolinggo"), workbook(program))
    finally:
        connection.set_schema_to_public()


@pytest.mark.parametrize("case", CASES)
def test_each_rule_refuses_alike_through_the_form_the_api_and_the_import(workspace, client_for, case):
    changes, words, (form_field, api_field, column) = CASES[case]
    program = {**GOOD, **changes}

    on_form = form_errors(workspace, client_for, program)
    assert any(words in message for message in on_form.get(form_field, [])), on_form
    on_api = api_errors(workspace, client_for, program)
    assert any(words in message for message in on_api.get(api_field, [])), on_api
    in_file = import_problems(workspace, program)
    assert any(column in problem and words in problem for problem in in_file), in_file

    connection.set_tenant(workspace.probolinggo)
    assert list(Program.objects.values_list("title", flat=True)) == ["e-Sambat"]  # nothing written


def test_the_good_program_passes_every_edge(workspace, client_for):
    assert import_problems(workspace, GOOD) == []
    client = client_for(workspace.users["admin_probolinggo"])
    created = client.post("/api/v1/programs/", api_body(GOOD), content_type="application/json", HTTP_HOST=P)
    assert created.status_code == 201, created.content
    connection.set_tenant(workspace.probolinggo)
    data = form_post({**GOOD, "title": "Peta wisata digital 2"})
    connection.set_schema_to_public()
    assert client.post("/program/baru/", data, HTTP_HOST=P).status_code == 302


def test_an_edit_keeps_its_own_title_in_any_case_but_not_another_programs(workspace, client_for):
    connection.set_tenant(workspace.probolinggo)
    other = factories.program(workspace, title="Go Nik")
    mine = Program.objects.get(title="e-Sambat")
    own_title = form_post({**GOOD, "title": "E-Sambat", "version": mine.version})
    taken_title = form_post({**GOOD, "title": "go nik", "version": mine.version})
    connection.set_schema_to_public()
    client = client_for(workspace.users["admin_probolinggo"])

    taken = client.post(f"/program/{mine.pk}/ubah/", taken_title, HTTP_HOST=P)
    assert taken.status_code == 400
    assert taken.context["form"].errors["title"] == ["sudah ada program lain dengan nama “go nik” di ruang kerja ini"]
    body = {**api_body({**GOOD, "title": "GO NIK"}), "version": mine.version}
    refused = client.put(f"/api/v1/programs/{mine.pk}/", body, content_type="application/json", HTTP_HOST=P)
    assert refused.status_code == 400
    assert refused.json() == {"title": ["sudah ada program lain dengan nama “GO NIK” di ruang kerja ini"]}

    assert client.post(f"/program/{mine.pk}/ubah/", own_title, HTTP_HOST=P).status_code == 302
    connection.set_tenant(workspace.probolinggo)
    assert Program.objects.get(pk=mine.pk).title == "E-Sambat"
    assert Program.objects.get(pk=other.pk).title == "Go Nik"


def test_an_export_with_a_renamed_duplicate_cannot_exist_so_it_imports_back(workspace, client_for):
    """The form refuses what the import refuses: every export imports again as an update."""
    client = client_for(workspace.users["admin_probolinggo"])
    connection.set_tenant(workspace.probolinggo)
    data = form_post({**GOOD, "title": "E-SAMBAT"})
    connection.set_schema_to_public()
    assert client.post("/program/baru/", data, HTTP_HOST=P).status_code == 400
    exported = client.get("/program/excel/ekspor/", HTTP_HOST=P).content
    connection.set_tenant(workspace.probolinggo)
    actor = factories.actor(workspace, "admin_probolinggo")
    assert problems_of(actor, exported) == []
    assert excel.import_programs(actor=actor, content=exported).updated == 1


# --- the rules on their own ----------------------------------------------------------------------


def test_titles_are_the_same_whatever_their_case_and_surrounding_spaces():
    assert program_rules.title_key("  e-Sambat ") == program_rules.title_key("E-SAMBAT") == "e-sambat"
    program_rules.check_title_free("e-Sambat", holder_id=7, program_id=7)  # its own title
    program_rules.check_title_free("e-Sambat", holder_id=None)
    with pytest.raises(ValidationError) as refused:
        program_rules.check_title_free(" e-Sambat ", holder_id=7, program_id=None)
    assert refused.value.message_dict == {"title": ["sudah ada program lain dengan nama “e-Sambat” di ruang kerja ini"]}


@pytest.mark.parametrize(("start", "end", "refused"), [(2025, 2025, False), (2025, 2030, False), (2026, 2025, True)])
def test_a_program_may_end_in_its_start_year_but_not_before(start, end, refused):
    if refused:
        with pytest.raises(ValidationError) as error:
            program_rules.check_years(start, end)
        assert list(error.value.message_dict) == ["end_year"]
    else:
        program_rules.check_years(start, end)


def test_funding_rows_are_numbered_in_the_service_message(probolinggo):
    apbd, csr = FundingSource.objects.get(code="apbd"), FundingSource.objects.get(code="csr")
    rows = [{"source": apbd, "year": 2025}, {"source": csr, "year": 2025}, {"source": apbd, "year": 2025}]
    with pytest.raises(ValidationError) as refused:
        program_rules.check_funding(rows, start_year=2025, end_year=2026)
    assert refused.value.message_dict == {
        "funding": ["Pembiayaan baris 3: sumber APBD tahun 2025 untuk program ini sudah ada di baris 1"]
    }


def test_the_form_the_api_and_the_service_share_one_field_list():
    from programs import services
    from programs.api.serializers import ProgramSerializer
    from programs.forms import ProgramForm

    assert list(ProgramForm.Meta.fields) == list(program_rules.EDITABLE_FIELDS)
    assert ProgramSerializer.Meta.fields[2:-6] == list(program_rules.EDITABLE_FIELDS)
    assert services.PROGRAM_FIELDS == program_rules.PROGRAM_FIELDS


def test_the_input_serializer_given_its_program_checks_the_title_of_an_update(world, probolinggo):
    from programs.api.serializers import ProgramInputSerializer

    factories.opd()
    mine, other = factories.program(world, title="e-Sambat"), factories.program(world, title="Go Nik")
    own = ProgramInputSerializer(mine, data={**api_body({**GOOD, "title": "E-SAMBAT"}), "version": 1})
    assert own.is_valid(), own.errors
    taken = ProgramInputSerializer(mine, data={**api_body({**GOOD, "title": other.title.upper()}), "version": 1})
    assert not taken.is_valid()
    assert taken.errors["title"] == ["sudah ada program lain dengan nama “GO NIK” di ruang kerja ini"]
