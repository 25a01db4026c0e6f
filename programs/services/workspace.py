"""A new workspace's first content, written inside its schema at provisioning (the
``workspace_provisioned`` receiver of ``programs.apps``): system services, no actor.

The dimensions and sub-dimensions are a copy of the one national taxonomy
(``assessments.framework``'s ``Dimension`` and ``SubDimension``, public tables): programs and
plans refer to the copy inside the schema. The template schema already holds it (migrations
keep the template and every workspace in line, and a clone copies the template's rows);
``copy_national_taxonomy`` upserts it by code all the same, so a workspace starts equal to
the national table whatever the template holds.
"""

from programs.models import Dimension, DimensionPlan, Masterplan, Readiness, SubDimension, SubDimensionPlan
from programs.services.bimtek import seed_bimtek_stages


def seed_workspace(*, region) -> None:
    """The national taxonomy, the one masterplan row and the four Bimtek stages."""
    copy_national_taxonomy()
    if not Masterplan.objects.exists():
        Masterplan.objects.create()
    seed_bimtek_stages(region=region)


def copy_national_taxonomy() -> None:
    """Upsert the national dimensions and sub-dimensions (by code: name and order follow the
    national table) with the empty SWOT/strategy and readiness rows each one has. A handful of
    statements, however many rows."""
    from assessments.framework.models import Dimension as NationalDimension

    national = list(NationalDimension.objects.prefetch_related("subdimensions").order_by("order"))
    dimensions = Dimension.objects.bulk_create(
        [Dimension(code=d.code, name=d.name, order=d.order) for d in national],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "order"],
    )
    subs = SubDimension.objects.bulk_create(
        [
            SubDimension(dimension=dimension, code=s.code, name=s.name, order=s.order)
            for dimension, d in zip(dimensions, national, strict=True)
            for s in d.subdimensions.all()
        ],
        update_conflicts=True,
        unique_fields=["dimension", "code"],
        update_fields=["name", "order"],
    )
    DimensionPlan.objects.bulk_create([DimensionPlan(dimension=d) for d in dimensions], ignore_conflicts=True)
    Readiness.objects.bulk_create(
        [Readiness(dimension=d, aspect=aspect) for d in dimensions for aspect in Readiness.Aspect.values],
        ignore_conflicts=True,
    )
    SubDimensionPlan.objects.bulk_create([SubDimensionPlan(sub_dimension=s) for s in subs], ignore_conflicts=True)
