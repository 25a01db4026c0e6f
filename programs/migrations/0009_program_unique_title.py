"""Program titles unique in a workspace, whatever their case (``program_unique_title``).

Runs in the template and in every workspace. Before the constraint is added, titles are
stripped and programs that share a title (compared lower-cased) are renamed, so nothing is
lost: the oldest (lowest id) keeps its title, the others get " (2)", " (3)"… (the title cut
so that it stays within 200 characters, and a number skipped when that title is taken
too). Each rename is kept in the program's history. Reversing drops the constraint and
keeps the new titles.
"""

from django.db import migrations, models
from django.db.models.functions import Lower
from django.utils import timezone

MAX_TITLE = 200
REASON = "Nama program ganda diberi nomor"
IMMEDIATE = "SET CONSTRAINTS ALL IMMEDIATE"


def _numbered(title: str, number: int) -> str:
    suffix = f" ({number})"
    return title[: MAX_TITLE - len(suffix)].rstrip() + suffix


def rename_duplicates(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    HistoricalProgram = apps.get_model("programs", "HistoricalProgram")
    changed = {}
    programs = list(Program.objects.order_by("id"))
    for program in programs:
        if program.title != program.title.strip():
            program.title = program.title.strip()
            changed[program.pk] = program
    if changed:
        Program.objects.bulk_update(changed.values(), ["title"])
    # Lower-cased by PostgreSQL, as the constraint compares them.
    keys = dict(Program.objects.annotate(key=Lower("title")).values_list("pk", "key"))
    taken, kept = set(keys.values()), set()
    for program in programs:
        if keys[program.pk] not in kept:
            kept.add(keys[program.pk])
            continue
        number = 2
        while _numbered(program.title, number).lower() in taken:
            number += 1
        program.title = _numbered(program.title, number)
        taken.add(program.title.lower())
        changed[program.pk] = program
    if not changed:
        return
    Program.objects.bulk_update(changed.values(), ["title"])
    now = timezone.now()
    fields = [f.attname for f in Program._meta.concrete_fields]
    HistoricalProgram.objects.bulk_create(
        [
            HistoricalProgram(
                **{name: getattr(program, name) for name in fields},
                history_date=now,
                history_type="~",
                history_change_reason=REASON,
            )
            for program in changed.values()
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("programs", "0008_program_import")]

    operations = [
        migrations.RunPython(rename_duplicates, migrations.RunPython.noop),
        # Deferred foreign-key checks of rows written in this transaction would keep
        # PostgreSQL from building the index: run them now.
        migrations.RunSQL(IMMEDIATE, migrations.RunSQL.noop),
        migrations.AddConstraint(
            model_name="program",
            constraint=models.UniqueConstraint(Lower("title"), name="program_unique_title"),
        ),
    ]
