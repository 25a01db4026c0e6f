"""Program titles are unique in a workspace whatever their case: the constraint
``program_unique_title`` decides under the service (a title error, never a 500), and its
migration renames the duplicates a workspace already has, losing nothing."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection

from programs.models import Program
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"
MESSAGE = "sudah ada program lain dengan nama “e-Sambat” di ruang kerja ini"
migration = importlib.import_module("programs.migrations.0009_program_unique_title")


def test_the_service_refuses_a_title_another_program_has_whatever_its_case(world, probolinggo):
    f.program(world, title="e-Sambat")
    with pytest.raises(ValidationError) as refused:
        f.program(world, title="  E-SAMBAT ")
    assert refused.value.message_dict == {"title": ["sudah ada program lain dengan nama “E-SAMBAT” di ruang kerja ini"]}
    assert Program.objects.count() == 1


def test_a_rename_onto_another_title_is_a_title_error_and_changes_nothing(world, probolinggo):
    from programs import services

    f.program(world, title="e-Sambat")
    other = f.program(world, title="Pasar Digital")
    data = f.program_data(other.lead_opd, title="e-sambat")
    with pytest.raises(ValidationError) as refused:
        services.save_program(
            actor=f.actor(world, "admin_probolinggo"), program=other, data=data, expected_version=other.version
        )
    assert list(refused.value.message_dict) == ["title"]
    other.refresh_from_db()
    assert (other.title, other.version) == ("Pasar Digital", 1)


def test_the_api_answers_400_on_the_title_when_an_update_takes_another_title(world, client_for):
    connection.set_tenant(world.probolinggo)
    f.program(world, title="e-Sambat")
    other = f.program(world, title="Pasar Digital")
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    url = f"/api/v1/programs/{other.pk}/"
    body = client.get(url, HTTP_HOST=P).json()
    body |= {"title": "E-Sambat", "partner_opds": [], "funding": [], "indicators": [], "milestones": [], "risks": []}
    response = client.put(url, body, content_type="application/json", HTTP_HOST=P)
    assert response.status_code == 400, response.content
    assert response.json()["title"] == ["sudah ada program lain dengan nama “E-Sambat” di ruang kerja ini"]


def _without_the_constraint():
    with connection.cursor() as cursor:
        cursor.execute('DROP INDEX "program_unique_title"')


def _add_the_constraint():
    with connection.cursor() as cursor:
        cursor.execute(migration.IMMEDIATE)
    with connection.schema_editor() as editor:
        editor.add_constraint(Program, next(c for c in Program._meta.constraints if c.name == "program_unique_title"))


def test_the_migration_numbers_duplicates_and_keeps_the_oldest_title(world, probolinggo):
    _without_the_constraint()
    first = f.program(world, title="Pasar Digital")
    for title in ("pasar digital ", "Pasar Digital (2)", "PASAR DIGITAL", "x" * 200, "X" * 200):
        Program.objects.create(**{**_row(first), "title": title})

    migration.rename_duplicates(apps, None)
    _add_the_constraint()  # passes: no two titles are the same any more

    titles = list(Program.objects.order_by("id").values_list("title", flat=True))
    assert titles == [
        "Pasar Digital",
        "pasar digital (3)",  # " (2)" is another program's title already
        "Pasar Digital (2)",
        "PASAR DIGITAL (4)",
        "x" * 200,
        "X" * 196 + " (2)",
    ]
    renamed = Program.history.filter(history_change_reason=migration.REASON)
    assert sorted(renamed.values_list("title", flat=True)) == sorted(
        ["pasar digital (3)", "PASAR DIGITAL (4)", "X" * 196 + " (2)"]
    )


def test_the_migration_changes_nothing_without_duplicates(world, probolinggo):
    f.program(world, title="e-Sambat")
    f.program(world, title="Pasar Digital")
    before = Program.history.count()
    migration.rename_duplicates(apps, None)
    assert sorted(Program.objects.values_list("title", flat=True)) == ["Pasar Digital", "e-Sambat"]
    assert Program.history.count() == before


def _row(program: Program) -> dict:
    names = ("dimension", "sub_dimension", "lead_opd", "horizon", "start_year", "end_year")
    return {name: getattr(program, name) for name in names}
