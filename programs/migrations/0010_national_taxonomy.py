"""The workspace's dimensions and sub-dimensions brought in line with the national taxonomy.

The one taxonomy is the national table (``framework.Dimension`` / ``SubDimension``, public
schema, seeded by ``framework.0002_seed_dimensions``); 0004 of this app had seeded a copy
that drifted from it (``pendidikan`` "Pendidikan/ekosistem belajar" where the national table
has ``ekosistem-belajar`` "Pendidikan / ekosistem belajar"). Runs in the template and in
every workspace: each national dimension and sub-dimension is matched by code and takes the
national name and order; a national sub-dimension missing from the workspace takes over, in
place, the workspace's sub-dimension that the national table does not know (at the same
position), so its programs and plans stay with it; anything still missing is created with
its empty plan (and readiness rows for a dimension). Rows the national table does not know
are left alone. Reversing keeps the aligned rows.
"""

from django.db import migrations

ASPECTS = ["struktur", "infrastruktur", "suprastruktur"]


def align(apps, schema_editor):
    NationalDimension = apps.get_model("framework", "Dimension")
    Dimension = apps.get_model("programs", "Dimension")
    SubDimension = apps.get_model("programs", "SubDimension")
    for national in NationalDimension.objects.prefetch_related("subdimensions").order_by("order"):
        dimension = Dimension.objects.filter(code=national.code).first()
        if dimension is None:
            dimension = Dimension.objects.create(code=national.code, name=national.name, order=national.order)
            _plan_rows(apps, dimension)
        elif (dimension.name, dimension.order) != (national.name, national.order):
            dimension.name, dimension.order = national.name, national.order
            dimension.save(update_fields=["name", "order"])
        _align_subs(apps, dimension, sorted(national.subdimensions.all(), key=lambda s: s.order), SubDimension)


def _align_subs(apps, dimension, national_subs, SubDimension):
    SubDimensionPlan = apps.get_model("programs", "SubDimensionPlan")
    subs = list(SubDimension.objects.filter(dimension=dimension).order_by("order", "id"))
    by_code = {s.code: s for s in subs}
    national_codes = {s.code for s in national_subs}
    unknown = [s for s in subs if s.code not in national_codes]  # drifted: renamed in place below
    for national in national_subs:
        sub = by_code.get(national.code)
        if sub is None:
            sub = next((s for s in unknown if s.order == national.order), unknown[0] if unknown else None)
            if sub is not None:
                unknown.remove(sub)
        if sub is None:
            sub = SubDimension.objects.create(
                dimension=dimension, code=national.code, name=national.name, order=national.order
            )
            SubDimensionPlan.objects.create(sub_dimension=sub)
        elif (sub.code, sub.name, sub.order) != (national.code, national.name, national.order):
            sub.code, sub.name, sub.order = national.code, national.name, national.order
            sub.save(update_fields=["code", "name", "order"])


def _plan_rows(apps, dimension):
    apps.get_model("programs", "DimensionPlan").objects.create(dimension=dimension)
    Readiness = apps.get_model("programs", "Readiness")
    Readiness.objects.bulk_create([Readiness(dimension=dimension, aspect=aspect) for aspect in ASPECTS])


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0009_program_unique_title"),
        ("framework", "0002_seed_dimensions"),
    ]

    operations = [migrations.RunPython(align, migrations.RunPython.noop)]
