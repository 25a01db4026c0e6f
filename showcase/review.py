"""What the agenda builder tells the admin about a version (reads only): the warnings of the
draft (a slot past the day's end, a presenting region without a slot or in two, a slot of a
region that no longer presents, what each region still lacks by the registered readiness
checks) and the changes since publication, in words."""

from collections import Counter
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from platform import formats as local_formats
from showcase import layout, selectors
from showcase.models import PresentingRegion, Showcase, Slot
from showcase.timing import local, settings_of


@dataclass(frozen=True)
class Finding:
    kind: str  # "late", "no_slot", "twice", "not_presenting", "not_ready"
    message: str
    slot_id: int | None = None


def when(slot: Slot, showcase: Showcase) -> str:
    starts = local(slot.starts_at, showcase)
    return f"{date_format(starts, 'D j M')}, {local_formats.time_of_day(starts)}"


def agenda_warnings(showcase: Showcase, slots: list[Slot], presenters: list[PresentingRegion]) -> list[Finding]:
    settings = settings_of(showcase, 1)
    findings = []
    for slot in slots:
        start = local(slot.starts_at, showcase)
        planned = layout.Planned(0, slot.position, slot.kind, start, slot.minutes)
        if layout.past_day_end(planned, settings):
            findings.append(
                Finding(
                    "late",
                    _("%(title)s (%(stage)s, %(when)s) melewati akhir hari acara (%(end)s).")
                    % {
                        "title": slot.title or slot.get_kind_display(),
                        "stage": slot.stage.name,
                        "when": when(slot, showcase),
                        "end": local_formats.time_of_day(showcase.day_ends_at),
                    },
                    slot.pk,
                )
            )
    counts = Counter(s.region_id for s in slots if s.kind == Slot.Kind.PRESENTATION)
    presenting = {p.region_id: p.region for p in presenters}
    for code, region in presenting.items():
        if counts[code] == 0:
            findings.append(Finding("no_slot", _("%(name)s belum punya slot paparan.") % {"name": region.name}))
        elif counts[code] > 1:
            findings.append(
                Finding("twice", _("%(name)s ada di %(n)s slot.") % {"name": region.name, "n": counts[code]})
            )
    for slot in slots:
        if slot.kind == Slot.Kind.PRESENTATION and slot.region_id not in presenting:
            findings.append(
                Finding(
                    "not_presenting",
                    _("%(name)s punya slot (%(when)s) tetapi bukan lagi daerah penyaji.")
                    % {"name": slot.region.name, "when": when(slot, showcase)},
                    slot.pk,
                )
            )
    missing = selectors.readiness_of(showcase)
    for code, region in presenting.items():
        if missing.get(code):
            items = "; ".join(missing[code])
            findings.append(Finding("not_ready", _("%(name)s: %(items)s.") % {"name": region.name, "items": items}))
    return findings


# --- changes since publication ---------------------------------------------------------------


def _keyed(slots: list[Slot]) -> dict[tuple, Slot]:
    """Presentations by region; other slots by kind, title and their count so far."""
    seen: Counter = Counter()
    keyed = {}
    for slot in sorted(slots, key=lambda s: (s.starts_at, s.stage.position, s.position)):
        if slot.kind == Slot.Kind.PRESENTATION:
            keyed[("presentation", slot.region_id)] = slot
        else:
            seen[(slot.kind, slot.title)] += 1
            keyed[(slot.kind, slot.title, seen[(slot.kind, slot.title)])] = slot
    return keyed


def _label(slot: Slot) -> str:
    return slot.title or slot.get_kind_display()


def changes_since(showcase: Showcase, published: list[Slot], draft: list[Slot]) -> list[str]:
    """What changed from the published slots to the draft's, one sentence per slot."""
    before, after = _keyed(published), _keyed(draft)
    lines = []
    for key, new in after.items():
        old = before.get(key)
        where_new = f"{new.stage.name}, {when(new, showcase)}"
        if old is None:
            lines.append(_("Ditambahkan: %(title)s (%(where)s)") % {"title": _label(new), "where": where_new})
        elif old.stage.name != new.stage.name or old.starts_at != new.starts_at or old.minutes != new.minutes:
            lines.append(
                _("Dipindah: %(title)s, %(old)s → %(new)s")
                % {"title": _label(new), "old": f"{old.stage.name}, {when(old, showcase)}", "new": where_new}
            )
    for key, old in before.items():
        if key not in after:
            lines.append(
                _("Dihapus: %(title)s (%(where)s)")
                % {"title": _label(old), "where": f"{old.stage.name}, {when(old, showcase)}"}
            )
    return lines


def builder_state(showcase: Showcase) -> dict:
    """Everything the builder page shows of the agenda: the draft and its slots per stage, the
    published version, the warnings and the changes since publication."""
    draft = selectors.draft_version(showcase)
    published = selectors.published_version(showcase)
    slots = selectors.slots_of(draft)
    presenters = list(selectors.presenters_of(showcase))
    changed = draft is not None and published is not None and draft.number != published.number
    changes = changes_since(showcase, selectors.slots_of(published), slots) if changed else []
    return {
        "draft": draft,
        "published": published,
        "slots": slots,
        "presenters": presenters,
        "warnings": agenda_warnings(showcase, slots, presenters) if draft else [],
        "changed": changed,
        "changes": changes,
        "checks": selectors.readiness_checks(),
    }
