"""Buku I and II content: the masterplan's texts, the readiness rows, and each dimension's
SWOT, strategy and action plan (with its sub-dimensions').

Every save locks the masterplan row first (``editable_masterplan``), so content saves run
one after another. The texts carry a ``version``; readiness, SWOT and strategies are guarded
by the fingerprint of their stored content (``programs.selectors``): the page sends the one
it rendered, and the service compares it here, under the lock, before writing anything
(``StaleContentError``). A caller that saw no earlier content (the demo data) passes ``None``.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programs import rules, selectors
from programs.models import Dimension, DimensionPlan, Masterplan, Readiness, SubDimensionPlan
from programs.rules import Actor
from programs.services.common import (
    STALE_MESSAGE,
    StaleVersionError,
    assign,
    changed,
    check_fingerprint,
    editable_masterplan,
    refuse_unless,
    save,
)

STRATEGY_FIELDS = ("strategy", "action_plan")


def _refuse_unless_editor(actor: Actor) -> None:
    refuse_unless(rules.can_edit_masterplan(actor), _("Anda tidak dapat mengubah masterplan."))


@transaction.atomic
def update_masterplan_text(*, actor: Actor, expected_version: int, **fields: str) -> Masterplan:
    """Buku I texts: ``regional_profile``, ``vision``, ``mission``, ``goals``."""
    _refuse_unless_editor(actor)
    masterplan = editable_masterplan()
    if masterplan.version != expected_version:
        raise StaleVersionError(_(STALE_MESSAGE), current_version=masterplan.version)
    assign(masterplan, fields, ("regional_profile", "vision", "mission", "goals"))
    masterplan.version += 1
    masterplan.updated_at = timezone.now()
    save(masterplan, actor.user)
    changed()
    return masterplan


@transaction.atomic
def update_readiness(
    *, actor: Actor, rows: list[tuple[Readiness, int | None, str]], expected_fingerprint: str | None
) -> None:
    """Readiness of struktur/infrastruktur/suprastruktur: ``(row, level, description)`` each.

    ``expected_fingerprint`` is ``selectors.readiness_fingerprint`` of the rows the user
    started from; ``StaleContentError`` when they have changed since.
    """
    _refuse_unless_editor(actor)
    editable_masterplan()
    stored = list(
        Readiness.objects.select_for_update(of=("self",)).select_related("dimension").order_by("dimension__order", "id")
    )
    check_fingerprint(expected_fingerprint, selectors.readiness_fingerprint(stored))
    by_pk = {row.pk: row for row in stored}
    for given, level, description in rows:
        row = by_pk[given.pk]
        if (row.level, row.description) != (level, description):
            row.level, row.description = level, description
            save(row, actor.user)
    changed()


def _locked_plan(dimension: Dimension) -> DimensionPlan:
    plan, _created = DimensionPlan.objects.select_for_update().get_or_create(dimension=dimension)
    return plan


@transaction.atomic
def update_swot(
    *, actor: Actor, dimension: Dimension, fields: dict[str, str], expected_fingerprint: str | None
) -> DimensionPlan:
    """A dimension's SWOT (Buku I); ``expected_fingerprint`` is ``selectors.swot_fingerprint``
    of the SWOT the user started from (``StaleContentError`` when it has changed since)."""
    _refuse_unless_editor(actor)
    editable_masterplan()
    plan = _locked_plan(dimension)
    check_fingerprint(expected_fingerprint, selectors.swot_fingerprint(plan))
    assign(plan, fields, selectors.SWOT_FIELDS)
    save(plan, actor.user)
    changed()
    return plan


@transaction.atomic
def update_strategy(
    *,
    actor: Actor,
    dimension: Dimension,
    fields: dict[str, str],
    sub_plans: dict[int, dict[str, str]] | None = None,
    expected_fingerprint: str | None,
) -> DimensionPlan:
    """A dimension's strategy and action plan (Buku II) and its sub-dimensions' (by id);
    ``expected_fingerprint`` is ``selectors.strategy_fingerprint`` of what the user started
    from (``StaleContentError`` when it has changed since)."""
    _refuse_unless_editor(actor)
    editable_masterplan()
    plan = _locked_plan(dimension)
    subs = selectors.sub_dimensions_with_plans(dimension)
    check_fingerprint(expected_fingerprint, selectors.strategy_fingerprint(plan, subs))
    assign(plan, fields, STRATEGY_FIELDS)
    save(plan, actor.user)
    for sub in subs:
        if sub_plans and sub.pk in sub_plans:
            sub_plan = getattr(sub, "plan", None) or SubDimensionPlan(sub_dimension=sub)
            sub_plan.strategy = sub_plans[sub.pk].get("strategy", sub_plan.strategy)
            sub_plan.action_plan = sub_plans[sub.pk].get("action_plan", sub_plan.action_plan)
            save(sub_plan, actor.user)
    changed()
    return plan
