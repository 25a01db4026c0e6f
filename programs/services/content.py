"""Buku I and II content: the masterplan's texts, the readiness rows, and each dimension's
SWOT, strategy and action plan (with its sub-dimensions')."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programs import rules
from programs.models import Dimension, DimensionPlan, Masterplan, Readiness, SubDimensionPlan
from programs.rules import Actor
from programs.services.common import STALE_MESSAGE, StaleVersionError, changed, editable_masterplan, refused, save

DIMENSION_PLAN_FIELDS = ("strengths", "weaknesses", "opportunities", "threats", "strategy", "action_plan")


@transaction.atomic
def update_masterplan_text(*, actor: Actor, expected_version: int, **fields: str) -> Masterplan:
    """Buku I texts: ``regional_profile``, ``vision``, ``mission``, ``goals``."""
    if not rules.can_edit_masterplan(actor):
        raise refused(_("Anda tidak dapat mengubah masterplan."))
    masterplan = editable_masterplan()
    if masterplan.version != expected_version:
        raise StaleVersionError(_(STALE_MESSAGE), current_version=masterplan.version)
    for name in ("regional_profile", "vision", "mission", "goals"):
        if name in fields:
            setattr(masterplan, name, fields[name])
    masterplan.version += 1
    masterplan.updated_at = timezone.now()
    save(masterplan, actor.user)
    changed()
    return masterplan


@transaction.atomic
def update_readiness(*, actor: Actor, rows: list[tuple[Readiness, int | None, str]]) -> None:
    """Readiness of struktur/infrastruktur/suprastruktur: ``(row, level, description)`` each."""
    if not rules.can_edit_masterplan(actor):
        raise refused(_("Anda tidak dapat mengubah masterplan."))
    editable_masterplan()
    for row, level, description in rows:
        row = Readiness.objects.get(pk=row.pk)
        if (row.level, row.description) != (level, description):
            row.level, row.description = level, description
            save(row, actor.user)
    changed()


@transaction.atomic
def update_dimension_plan(
    *, actor: Actor, dimension: Dimension, fields: dict[str, str], sub_plans: dict[int, dict[str, str]] | None = None
) -> DimensionPlan:
    """A dimension's SWOT and/or strategy and action plan, and its sub-dimensions' (by id)."""
    if not rules.can_edit_masterplan(actor):
        raise refused(_("Anda tidak dapat mengubah masterplan."))
    editable_masterplan()
    plan, _created = DimensionPlan.objects.get_or_create(dimension=dimension)
    for name, value in fields.items():
        if name in DIMENSION_PLAN_FIELDS:
            setattr(plan, name, value)
    save(plan, actor.user)
    for sub in dimension.sub_dimensions.all():
        if sub_plans and sub.pk in sub_plans:
            sub_plan, _created = SubDimensionPlan.objects.get_or_create(sub_dimension=sub)
            sub_plan.strategy = sub_plans[sub.pk].get("strategy", sub_plan.strategy)
            sub_plan.action_plan = sub_plans[sub.pk].get("action_plan", sub_plan.action_plan)
            save(sub_plan, actor.user)
    changed()
    return plan
