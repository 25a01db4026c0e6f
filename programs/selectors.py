"""Reads inside a workspace."""

from django.db.models import QuerySet

from programs.models import BimtekStage


def bimtek_stages() -> QuerySet[BimtekStage]:
    return BimtekStage.objects.order_by("number")


def next_bimtek_stage(stages: list[BimtekStage]) -> BimtekStage | None:
    """The first stage not yet completed, or ``None`` when the year's four are done."""
    return next((s for s in stages if not s.is_done), None)
