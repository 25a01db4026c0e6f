"""Writes of the run-of-show: the operator's actions on a stage and the presenter's link.

Each action runs in one transaction under the stage's run row (``select_for_update``): the
request says which revision it saw, and a stale one changes nothing (two operators pressing
"next" at once move one slot; the second is told the screen was already moved). The state is
read into ``showcase.live.machine``'s dataclasses, changed by one pure function and written
back with the actual times; the stage's cached pointer is dropped in the transaction and set
again after the commit, with the new revision's snapshot (``selectors``).

Operating the day and resetting the presenter's link are for ministry admins
(``showcase.rules.can_manage_showcase``, "ministry admins run the day").
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platform import formats as local_formats
from showcase import rules
from showcase.live import machine, selectors
from showcase.live.models import SlotRun, StageRun, new_token
from showcase.models import Stage

ACTIONS = ("start", "pause", "next", "plus_minute", "message", "absorb", "shorten")


@dataclass(frozen=True)
class Outcome:
    applied: bool
    message: str
    revision: int
    code: str = ""  # why it was not applied: "stale" or the machine's refusal


def refusal_text(code: str) -> str:
    return {
        "already_running": _("Acara di panggung ini sudah berjalan."),
        "finished": _("Semua slot panggung ini sudah selesai."),
        "no_slots": _("Panggung ini belum punya slot pada agenda yang diterbitkan."),
        "not_running": _("Tidak ada slot yang sedang berjalan."),
        "no_break": _("Tidak ada rehat lagi sesudah slot ini."),
        "no_delay": _("Tidak ada keterlambatan yang perlu dikejar."),
        "bad_count": _("Jumlah paparan harus paling sedikit 1."),
        "no_presentations": _("Tidak ada paparan lagi sesudah slot ini."),
        "at_floor": _("Paparan berikutnya sudah sependek batas minimum."),
        "stale": _("Layar sudah diubah operator lain; tindakan Anda tidak dijalankan. Periksa keadaan terbaru."),
        "unknown": _("Tindakan tidak dikenal."),
        "no_agenda": _("Showcase ini belum punya agenda yang diterbitkan."),
    }[code]


def _require(actor) -> None:
    if actor is None or not rules.can_manage_showcase(actor):
        raise PermissionDenied("not a ministry admin")


def _locked_run(stage: Stage) -> StageRun:
    try:
        with transaction.atomic():
            StageRun.objects.get_or_create(stage=stage)
    except IntegrityError:  # made by a concurrent request between the get and the create
        pass
    return StageRun.objects.select_for_update().get(stage=stage)


def _apply(action: str, run: machine.Run, slots: list[machine.Slot], now: datetime, text: str, count: int):
    """The new state and a success message for ``action`` (``machine.Refused`` if not allowed)."""
    if action == "start":
        return machine.start(run, slots, now), _("Dimulai.")
    if action == "pause":
        return machine.pause(run, now), _("Dijeda.")
    if action == "next":
        new = machine.advance(run, slots, now)
        return new, _("Selesai semua.") if new.status == machine.FINISHED else _("Slot berikutnya dimulai.")
    if action == "plus_minute":
        return machine.add_time(run), _("Ditambah 1 menit.")
    if action == "message":
        return machine.send_message(run, text[:300], now), _("Pesan dikirim ke layar penyaji.")
    if action == "absorb":
        new, seconds = machine.absorb_into_break(run, slots, now)
        return new, _("Rehat berikutnya dipersingkat %(m)s menit.") % {"m": local_formats.minutes(seconds)}
    if action == "shorten":
        new, seconds = machine.shorten_next(run, slots, now, count)
        return new, _("%(n)s paparan berikutnya dipersingkat, total %(m)s menit.") % {
            "n": count,
            "m": local_formats.minutes(seconds),
        }
    raise machine.Refused("unknown")


def _write(row: StageRun, before: machine.Run, after: machine.Run, now: datetime) -> None:
    row.status = after.status
    row.current_slot_id = after.current
    row.timer_started_at = after.started_at
    row.elapsed_before = after.elapsed_before
    row.extra_seconds = after.extra_seconds
    row.message = after.message
    row.message_at = after.message_at
    row.revision = after.revision
    row.updated_at = now
    row.save()
    changed = {
        slot_id
        for slot_id in set(after.starts) | set(after.ends) | set(after.cuts)
        if (after.starts.get(slot_id), after.ends.get(slot_id), after.cuts.get(slot_id, 0))
        != (before.starts.get(slot_id), before.ends.get(slot_id), before.cuts.get(slot_id, 0))
    }
    for slot_id in changed:
        SlotRun.objects.update_or_create(
            slot_id=slot_id,
            defaults={
                "started_at": after.starts.get(slot_id),
                "ended_at": after.ends.get(slot_id),
                "cut_seconds": after.cuts.get(slot_id, 0),
            },
        )


def act(*, actor, stage: Stage, action: str, revision: int, text: str = "", count: int = 1) -> Outcome:
    """Run ``action`` on ``stage``'s run-of-show if ``revision`` is still the current one.

    Returns whether it was applied, the message for the operator and the revision now current.
    """
    _require(actor)
    now = timezone.now()
    with transaction.atomic():
        row = _locked_run(stage)
        if row.revision != revision:
            return Outcome(False, refusal_text("stale"), row.revision, "stale")
        if row.version_id is None:
            version = selectors.published_version_of(stage.showcase_id)
            if version is None:
                return Outcome(False, refusal_text("no_agenda"), row.revision, "no_agenda")
            row.version_id = version.pk
        slots = selectors.planned_slots(row.version_id, stage.pk)
        before = selectors.run_of(row, slots)
        try:
            after, message = _apply(action, before, slots, now, text, count)
        except machine.Refused as refused:
            return Outcome(False, refusal_text(refused.code), row.revision, refused.code)
        _write(row, before, after, now)
        selectors.forget_pointer(stage.pk)
        transaction.on_commit(lambda: _publish(stage.pk))
    return Outcome(True, message, after.revision)


def _publish(stage_id: int) -> None:
    """After the commit: the new revision's pointer and snapshot into the cache, so the next
    poll of every screen finds them there."""
    selectors.refresh_pointer(stage_id)
    selectors.snapshot(stage_id)


def reset_presenter_link(*, actor, stage: Stage) -> StageRun:
    """A new secret presenter link for ``stage`` (made on first use); the old one stops working."""
    _require(actor)
    with transaction.atomic():
        row = _locked_run(stage)
        old_token, row.presenter_token = row.presenter_token, new_token()
        row.save(update_fields=["presenter_token"])
        selectors.forget_pointer(stage.pk, old_token)
        transaction.on_commit(lambda: selectors.refresh_pointer(stage.pk))
    return row
