"""Which public rows belong to one workspace: the extension point apps register with.

The core does not know the apps' public models, so each app says, from its
``AppConfig.ready``, which of its public tables hold rows of a workspace:
``register_public_rows("framework.snapshots", RegionSnapshot, "region")`` means "the rows of
``RegionSnapshot`` whose ``region`` points to the workspace's region". The field is a foreign
key to ``tenants.Workspace`` or to ``tenants.Region``; a backup carries those rows and a
restore replaces them.

``with_copies=False`` keeps rows out of a copy restored under another region's code: a
region's national record (its figures, ranks and published results) belongs to the region
it was measured in, not to a copy made to look at an old state of the workspace.
"""

from dataclasses import dataclass

from django.db import models

from tenants.models import Region, Workspace


@dataclass(frozen=True)
class PublicRows:
    label: str
    model: type[models.Model]
    field: str
    with_copies: bool = True

    @property
    def points_to_region(self) -> bool:
        return self.model._meta.get_field(self.field).related_model is Region

    def rows(self, workspace: Workspace) -> models.QuerySet:
        target = workspace.region_id if self.points_to_region else workspace.pk
        return self.model._default_manager.filter(**{f"{self.field}_id": target}).order_by("pk")


_registry: dict[str, PublicRows] = {}


def register_public_rows(label: str, model: type[models.Model], field: str, *, with_copies: bool = True) -> None:
    """Declare that the rows of ``model`` whose ``field`` points to a workspace (or to its
    region) are that workspace's public rows. Idempotent for the same label."""
    related = model._meta.get_field(field).related_model
    if related not in (Region, Workspace):
        raise ValueError(f"{model.__name__}.{field} must point to tenants.Region or tenants.Workspace")
    _registry[label] = PublicRows(label, model, field, with_copies)


def registered_public_rows() -> list[PublicRows]:
    return [_registry[label] for label in sorted(_registry)]
