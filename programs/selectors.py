"""Reads inside a workspace: querysets with their related rows loaded, so every page runs a
constant number of queries whatever the number of programs."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from programs.models import (
    BimtekStage,
    Comment,
    Dimension,
    Funding,
    Masterplan,
    MasterplanTransition,
    Notification,
    Opd,
    OpdEditor,
    Person,
    Program,
    Readiness,
    Risk,
    SubDimension,
)


def bimtek_stages() -> QuerySet[BimtekStage]:
    return BimtekStage.objects.order_by("number")


def next_bimtek_stage(stages: list[BimtekStage]) -> BimtekStage | None:
    """The first stage not yet completed, or ``None`` when the year's four are done."""
    return next((s for s in stages if not s.is_done), None)


def masterplan() -> Masterplan:
    """The workspace's one masterplan (seeded by a migration; made here if ever missing)."""
    found = Masterplan.objects.order_by("pk").first()
    return found or Masterplan.objects.create()


def transitions() -> QuerySet[MasterplanTransition]:
    return MasterplanTransition.objects.select_related("by")


def dimensions() -> QuerySet[Dimension]:
    return Dimension.objects.prefetch_related("sub_dimensions").order_by("order")


def dimensions_with_plans() -> QuerySet[Dimension]:
    return Dimension.objects.select_related("plan").prefetch_related(
        Prefetch("sub_dimensions", queryset=SubDimension.objects.select_related("plan").order_by("order")),
        Prefetch("readiness", queryset=Readiness.objects.order_by("aspect")),
    )


def sub_dimensions() -> QuerySet[SubDimension]:
    return SubDimension.objects.select_related("dimension")


def opds() -> QuerySet[Opd]:
    return Opd.objects.order_by("acronym")


def people() -> QuerySet[Person]:
    return Person.objects.select_related("opd").order_by("body", "name")


def opd_id_of(*, user) -> int | None:
    return OpdEditor.objects.filter(user_id=user.pk).values_list("opd_id", flat=True).first()


def opd_editors() -> dict[int, Opd]:
    """User id → OPD of every OPD editor linked to one."""
    return {link.user_id: link.opd for link in OpdEditor.objects.select_related("opd")}


def _budget() -> Subquery:
    total = (
        Funding.objects.filter(program=OuterRef("pk")).values("program").annotate(total=Sum("amount")).values("total")
    )
    return Coalesce(Subquery(total), Value(Decimal(0)), output_field=DecimalField(max_digits=20, decimal_places=2))


def programs(
    *,
    dimension: str = "",
    opd: int | None = None,
    horizon: str = "",
    quick_win: bool | None = None,
    query: str = "",
) -> QuerySet[Program]:
    """Programs for lists, with their dimension, sub-dimension, lead OPD and total budget."""
    found = Program.objects.select_related("dimension", "sub_dimension", "lead_opd").annotate(budget=_budget())
    if dimension:
        found = found.filter(dimension__code=dimension)
    if opd:
        found = found.filter(lead_opd_id=opd)
    if horizon:
        found = found.filter(horizon=horizon)
    if quick_win is not None:
        found = found.filter(is_quick_win=quick_win)
    if query:
        found = found.filter(title__icontains=query)
    return found.order_by("dimension__order", "sub_dimension__order", "title", "id")


def program_detail(pk: int) -> Program:
    return (
        Program.objects.select_related("dimension", "sub_dimension", "lead_opd")
        .prefetch_related("partner_opds", "indicators", "funding__source", "milestones", "risks")
        .annotate(budget=_budget())
        .get(pk=pk)
    )


def programs_for_roadmap() -> QuerySet[Program]:
    return Program.objects.select_related("dimension").only(
        "id", "title", "dimension", "horizon", "start_year", "end_year", "is_quick_win"
    )


def quick_wins() -> QuerySet[Program]:
    return (
        Program.objects.filter(is_quick_win=True)
        .select_related("dimension", "lead_opd")
        .prefetch_related("risks")
        .order_by("dimension__order", "title")
    )


def all_risks() -> QuerySet[Risk]:
    return Risk.objects.select_related("program")


def comments_on(*, section: str = "", program: Program | None = None) -> QuerySet[Comment]:
    found = Comment.objects.select_related("author", "resolved_by", "program")
    if program is not None:
        return found.filter(program=program)
    return found.filter(section=section, program__isnull=True)


def notifications_of(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(user_id=user.pk)


def unread_count(*, user) -> int:
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).count()


def budget_total() -> Decimal:
    return Funding.objects.aggregate(total=Sum("amount"))["total"] or Decimal(0)
