"""Reads inside a workspace: querysets with their related rows loaded, so every page runs a
constant number of queries whatever the number of programs. Nothing here writes.

The fingerprints of stored content are the lost-update guard of the Buku I/II pages that
have no version number (readiness, SWOT, strategies): a page sends the fingerprint it
rendered, and the service compares it with the fingerprint of the rows it has locked.
"""

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from programs import rules
from programs.models import (
    BimtekStage,
    Comment,
    Dimension,
    DimensionPlan,
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
    SubDimensionPlan,
)


def bimtek_stages() -> QuerySet[BimtekStage]:
    return BimtekStage.objects.order_by("number")


def bimtek_stages_with_workshops(*, region_id: str) -> list[BimtekStage]:
    """The four stages, each with ``workshop``: the national plan's workshop that now holds its
    dates (``programs.scheduling``, public schema), or ``None`` where no plan schedules it.
    The plan is the one source of truth of those dates; one read for the four stages."""
    from programs.scheduling.selectors import current_stage_workshops

    workshops = current_stage_workshops(region_id)
    stages = list(bimtek_stages())
    for stage in stages:
        stage.workshop = workshops.get(stage.number)
    return stages


def _last_day(stage: BimtekStage) -> date | None:
    """The stage's last day: its workshop's end where the plan schedules it, else its planned date."""
    workshop = getattr(stage, "workshop", None)
    return (workshop.ends or workshop.starts) if workshop is not None else stage.planned_date


def next_bimtek_stage(stages: list[BimtekStage], *, today: date | None = None) -> BimtekStage | None:
    """The first stage still to come: not completed, and its last day today or later (or not
    set yet); ``None`` when no stage is still to come. Never a stage whose date has passed."""
    today = today or timezone.localdate()
    return next((s for s in stages if not s.is_done and (_last_day(s) or today) >= today), None)


def overdue_bimtek_stages(stages: list[BimtekStage], *, today: date | None = None) -> list[BimtekStage]:
    """The stages whose date has passed but which nobody has marked completed yet."""
    today = today or timezone.localdate()
    return [s for s in stages if not s.is_done and _last_day(s) is not None and _last_day(s) < today]


def masterplan() -> Masterplan:
    """The workspace's one masterplan (seeded by a migration and at provisioning)."""
    return Masterplan.objects.earliest("pk")


def transitions() -> QuerySet[MasterplanTransition]:
    return MasterplanTransition.objects.select_related("by")


def dimensions() -> QuerySet[Dimension]:
    return Dimension.objects.prefetch_related("sub_dimensions").order_by("order")


def dimensions_with_plans() -> QuerySet[Dimension]:
    return Dimension.objects.select_related("plan").prefetch_related(
        Prefetch("sub_dimensions", queryset=SubDimension.objects.select_related("plan").order_by("order")),
        Prefetch("readiness", queryset=Readiness.objects.order_by("id")),
    )


def readiness_rows() -> list[Readiness]:
    """Every readiness row, by dimension then struktur, infrastruktur, suprastruktur."""
    return list(Readiness.objects.select_related("dimension").order_by("dimension__order", "id"))


def dimension_plan(dimension: Dimension) -> DimensionPlan:
    """The dimension's SWOT and strategy (seeded with the dimension; an empty one if not yet)."""
    return DimensionPlan.objects.filter(dimension=dimension).first() or DimensionPlan(dimension=dimension)


def sub_dimensions_with_plans(dimension: Dimension) -> list[SubDimension]:
    """The dimension's sub-dimensions in order, each with its ``plan`` when it has one."""
    return list(dimension.sub_dimensions.select_related("plan").order_by("order"))


def fingerprint(*values) -> str:
    return hashlib.sha256(repr(values).encode()).hexdigest()[:32]


SWOT_FIELDS = ("strengths", "weaknesses", "opportunities", "threats")


def readiness_fingerprint(rows: list[Readiness]) -> str:
    return fingerprint(*[(r.pk, r.level, r.description) for r in rows])


def swot_fingerprint(plan: DimensionPlan) -> str:
    return fingerprint(*[getattr(plan, name) for name in SWOT_FIELDS])


def strategy_fingerprint(plan: DimensionPlan, subs: list[SubDimension]) -> str:
    """Of the dimension's strategy and action plan and its sub-dimensions' (``subs`` as
    ``sub_dimensions_with_plans`` gives them)."""
    sub_plans = [(sub, getattr(sub, "plan", None)) for sub in subs]
    return fingerprint(
        plan.strategy,
        plan.action_plan,
        *[(sub.pk, p.strategy if p else "", p.action_plan if p else "") for sub, p in sub_plans],
    )


def sub_dimensions() -> QuerySet[SubDimension]:
    return SubDimension.objects.select_related("dimension")


def opds() -> QuerySet[Opd]:
    return Opd.objects.order_by("acronym")


def lead_opds(actor) -> QuerySet[Opd]:
    """The OPDs ``actor`` may name as a program's lead (``rules.can_lead_with``), by acronym."""
    return opds().filter(pk__in=[opd.pk for opd in opds() if rules.can_lead_with(actor, opd)])


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


@dataclass
class Change:
    """One change to the masterplan: when, who, what (and which fields, when known)."""

    at: object
    user: object
    kind: str  # "+" created, "~" changed, "-" deleted
    what: str
    label: str
    fields: list[str]
    url: str = ""


def recent_changes(*, limit: int = 100) -> list[Change]:
    """The latest changes across the masterplan's content, newest first, in a few queries.

    Rows, indicators, funding and milestones are left out: a program's versions show them.
    """
    from platform.accounts.models import User

    dims = dict(Dimension.objects.values_list("pk", "name"))
    subs = dict(SubDimension.objects.values_list("pk", "name"))
    models = [
        (Masterplan, lambda h: str(Masterplan._meta.verbose_name).capitalize(), None),
        (DimensionPlan, lambda h: dims.get(h.dimension_id, ""), None),
        (SubDimensionPlan, lambda h: subs.get(h.sub_dimension_id, ""), None),
        (Readiness, lambda h: f"{dims.get(h.dimension_id, '')} – {h.get_aspect_display()}", None),
        (Program, lambda h: h.title, lambda h: f"/program/{h.id}/riwayat/"),
        (Risk, lambda h: h.description, lambda h: f"/program/{h.program_id}/"),
        (Opd, lambda h: h.acronym, None),
        (Person, lambda h: h.name, None),
    ]
    entries = []
    for model, label, url in models:
        rows = list(model.history.order_by("-history_date", "-history_id")[: limit * 2])
        previous = {}
        for row in reversed(rows):  # oldest first: each row's predecessor is known
            before = previous.get(row.id)
            fields = []
            if before is not None and row.history_type == "~":
                fields = [
                    str(f.verbose_name)
                    for f in model._meta.concrete_fields
                    if f.name not in ("id", "version", "updated_at")
                    and getattr(row, f.attname) != getattr(before, f.attname)
                ]
            previous[row.id] = row
            entries.append(
                Change(
                    at=row.history_date,
                    user=row.history_user_id,
                    kind=row.history_type,
                    what=str(model._meta.verbose_name),
                    label=label(row),
                    fields=fields,
                    url=url(row) if url and row.history_type != "-" else "",
                )
            )
    entries.sort(key=lambda e: e.at, reverse=True)
    entries = entries[:limit]
    users = {u.pk: u for u in User.objects.filter(pk__in={e.user for e in entries if e.user})}
    for entry in entries:
        entry.user = users.get(entry.user)
    return entries
