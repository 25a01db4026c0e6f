"""Writes of the agenda: building it from the settings ("Susun ulang"), hand edits (a slot up,
down, to a position or to another stage, times recomputed after each), and publishing.

Versions work like the national plan's: the latest version is the draft the builder edits; a
published version is frozen, so the first change after publication starts the next version
as a copy of its slots, and the builder can list what changed since publication.
Every write locks the showcase row first (one admin's edit after the other's).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.framework.models import Dimension
from showcase import layout, rules, selectors
from showcase.models import AgendaVersion, Showcase, Slot, Stage
from showcase.services.common import lock, require, user_of
from showcase.timing import aware, labels, planned_of, settings_of

# Positions are moved out of the way first (the order is unique per version and stage).
PARKING = 100_000


def _next_number(showcase: Showcase) -> int:
    return (showcase.versions.aggregate(n=Max("number"))["n"] or 0) + 1


def _editable_draft(showcase: Showcase, actor) -> tuple[AgendaVersion, dict[int, int]]:
    """The version to edit: the latest if it is unpublished, else a new one copying the latest's
    slots. Returns it and a map of the copied slots' ids (old -> new)."""
    latest = selectors.draft_version(showcase)
    if latest is not None and latest.published_at is None:
        return latest, {}
    version = AgendaVersion.objects.create(showcase=showcase, number=_next_number(showcase), created_by=user_of(actor))
    copies = {}
    if latest is not None:
        old = list(latest.slots.order_by("pk"))
        new = Slot.objects.bulk_create(
            Slot(
                version=version,
                stage_id=s.stage_id,
                kind=s.kind,
                title=s.title,
                region_id=s.region_id,
                starts_at=s.starts_at,
                minutes=s.minutes,
                question_minutes=s.question_minutes,
                position=s.position,
            )
            for s in old
        )
        copies = {a.pk: b.pk for a, b in zip(old, new, strict=True)}
    return version, copies


def presenters_for_layout(showcase: Showcase) -> list[layout.Presenter]:
    return [
        layout.Presenter(
            code=p.region_id,
            name=p.region.name,
            province=p.region.province_id,
            province_name=p.region.province.name,
            position=p.position,
        )
        for p in selectors.presenters_of(showcase)
    ]


@transaction.atomic
def rebuild_agenda(*, actor, showcase: Showcase) -> AgendaVersion:
    """Lay the agenda out again from the settings into the draft (a new version when the
    latest is published): every hand edit of the draft is replaced."""
    require(actor, rules.can_manage_showcase)
    showcase = lock(showcase)
    stages = selectors.stages_of(showcase)
    if not stages:
        raise ValidationError(_("Tambahkan panggung dulu."))
    presenters = presenters_for_layout(showcase)
    if not presenters:
        raise ValidationError(_("Belum ada daerah penyaji."))
    dimension_names = dict(Dimension.objects.order_by("order", "code").values_list("code", "name"))
    planned = layout.lay_out(
        settings_of(showcase, len(stages)),
        presenters,
        dimensions=selectors.featured_dimensions(showcase),
        dimension_names=dimension_names,
        labels=labels(),
    )
    version, _copies = _editable_draft(showcase, actor)
    version.slots.all().delete()
    Slot.objects.bulk_create(
        Slot(
            version=version,
            stage=stages[p.stage],
            kind=p.kind,
            title=p.title[:200],
            region_id=p.region,
            starts_at=aware(p.starts, showcase),
            minutes=p.minutes,
            question_minutes=p.question_minutes,
            position=p.position,
        )
        for p in planned
    )
    version.note = _("Disusun dari pengaturan (%(grouping)s).") % {"grouping": showcase.get_grouping_display()}
    version.save(update_fields=["note"])
    return version


def _reflow_and_save(showcase: Showcase, version: AgendaVersion, sequences: dict[int, list[Slot]]) -> None:
    """Recompute every slot's time in the order of ``sequences`` (stage id -> slots) and save
    stage, position and start, keeping each slot's id."""
    stages = selectors.stages_of(showcase)
    ordered = [sequences.get(stage.pk, []) for stage in stages]
    current = [[planned_of(slot, showcase, i) for slot in seq] for i, seq in enumerate(ordered)]
    planned = layout.reflow(settings_of(showcase, len(stages)), current)
    slots = [slot for seq in ordered for slot in seq]
    by_stage_position = {(p.stage, p.position): p for p in planned}
    for slot in slots:
        slot.position += PARKING
    Slot.objects.bulk_update(slots, ["position"])
    for stage_index, seq in enumerate(ordered):
        for position, slot in enumerate(seq):
            p = by_stage_position[(stage_index, position)]
            slot.stage = stages[stage_index]
            slot.position = position
            slot.starts_at = aware(p.starts, showcase)
    Slot.objects.bulk_update(slots, ["stage", "position", "starts_at"])


@transaction.atomic
def move_slot(
    *, actor, showcase: Showcase, slot_id: int, direction: str = "", stage: Stage | None = None, position=None
) -> Slot:
    """Move a slot of the latest version one place ``direction`` ("up"/"down") on its stage, or
    to ``position`` (0-based; the end when omitted) on ``stage``; times follow. A slot of a
    published version is moved in the next version's copy of it."""
    require(actor, rules.can_manage_showcase)
    showcase = lock(showcase)
    latest = selectors.draft_version(showcase)
    if latest is None or not latest.slots.filter(pk=slot_id).exists():
        raise ValidationError({"slot": _("Slot ini tidak ada di versi terakhir agenda.")})
    if stage is not None and stage.showcase_id != showcase.pk:
        raise ValidationError({"stage": _("Panggung ini bukan milik showcase ini.")})
    if direction not in ("", "up", "down") or (not direction and stage is None and position is None):
        raise ValidationError({"direction": _("Pilih arah (naik/turun) atau panggung tujuan.")})
    version, copies = _editable_draft(showcase, actor)
    slot_id = copies.get(slot_id, slot_id)
    sequences: dict[int, list[Slot]] = {}
    for s in version.slots.select_related("stage").order_by("position"):
        sequences.setdefault(s.stage_id, []).append(s)
    moving = next(s for seq in sequences.values() for s in seq if s.pk == slot_id)
    source = sequences[moving.stage_id]
    at = source.index(moving)
    if direction:
        target = at - 1 if direction == "up" else at + 1
        if 0 <= target < len(source):
            source[at], source[target] = source[target], source[at]
    else:
        source.pop(at)
        destination = sequences.setdefault((stage or moving.stage).pk, [])
        if position is None or position >= len(destination):
            destination.append(moving)
        else:
            destination.insert(max(0, int(position)), moving)
    _reflow_and_save(showcase, version, sequences)
    moving.refresh_from_db()
    return moving


@transaction.atomic
def publish_version(*, actor, showcase: Showcase, number: int) -> AgendaVersion:
    """Publish version ``number``: it must be the latest, hold slots and not be published yet.
    From now on the public page shows it, and the next change starts a new version."""
    require(actor, rules.can_manage_showcase)
    showcase = lock(showcase)
    latest = selectors.draft_version(showcase)
    if latest is None or latest.number != number:
        raise ValidationError({"number": _("Hanya versi terakhir yang dapat diterbitkan.")})
    if latest.published_at is not None:
        raise ValidationError({"number": _("Versi %(n)s sudah diterbitkan.") % {"n": number}})
    if not latest.slots.exists():
        raise ValidationError({"number": _("Agenda versi ini masih kosong.")})
    latest.published_at = timezone.now()
    latest.published_by = user_of(actor)
    latest.save(update_fields=["published_at", "published_by"])
    return latest
