"""Versions of a plan: snapshots of its workshops and the list of what changed between two."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from programs.scheduling.models import ROMAN, Plan, PlanVersion, Workshop
from programs.scheduling.solver.text import date_range


def workshops_of(plan: Plan):
    return (
        Workshop.objects.filter(plan=plan)
        .select_related("region__province", "lead__user", "ministry_rep__user")
        .prefetch_related("co_facilitators__user")
        .order_by("region_id", "stage")
    )


def snapshot_row(w: Workshop) -> dict:
    return {
        "id": w.pk,
        "region": w.region_id,
        "region_name": w.region.name,
        "stage": w.stage,
        "starts": w.starts.isoformat() if w.starts else None,
        "ends": w.ends.isoformat() if w.ends else None,
        "lead": w.lead_id,
        "co": sorted(f.pk for f in w.co_facilitators.all()),
        "rep": w.ministry_rep_id,
        "status": w.status,
        "venue": w.venue,
    }


def snapshot(plan: Plan) -> list[dict]:
    return [snapshot_row(w) for w in workshops_of(plan)]


@transaction.atomic
def record_version(*, plan: Plan, kind: str, user, **fields) -> PlanVersion:
    """A new version with the plan's workshops as they are now (numbers under the plan's lock)."""
    Plan.objects.select_for_update().get(pk=plan.pk)
    number = (PlanVersion.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0) + 1
    return PlanVersion.objects.create(
        plan=plan, number=number, kind=kind, snapshot=snapshot(plan), created_by=user, **fields
    )


def refresh_edit_version(*, plan: Plan, user) -> PlanVersion:
    """An edit session is one version: the latest version is refreshed while it is an unconfirmed
    hand edit by the same person; otherwise a new edit version starts."""
    latest = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    if latest and latest.kind == PlanVersion.Kind.EDIT and latest.confirmed_at is None and latest.created_by == user:
        latest.snapshot = snapshot(plan)
        latest.save(update_fields=["snapshot"])
        return latest
    return record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=user)


@dataclass(frozen=True)
class Change:
    """One workshop's difference between two versions."""

    workshop_id: int
    region: str
    region_name: str
    stage: int
    fields: tuple[str, ...]  # "dates", "lead", "co", "rep", "status", "venue", "added", "removed"
    before: dict | None
    after: dict | None

    @property
    def title(self) -> str:
        return f"Bimtek {ROMAN[self.stage]} {self.region_name}"

    def people(self) -> set[int]:
        """Facilitators concerned by this change: on the workshop before or after it."""
        ids = set()
        for row in (self.before, self.after):
            if row:
                ids.update(x for x in [row.get("lead"), row.get("rep"), *row.get("co", [])] if x)
        return ids

    def describe(self, names: dict[int, str]) -> str:
        def dates(row):
            if not row or not row.get("starts"):
                return _("belum dijadwalkan")
            return date_range((date.fromisoformat(row["starts"]), date.fromisoformat(row["ends"])))

        def person(pk):
            return names.get(pk, "—") if pk else "—"

        parts = []
        if "added" in self.fields:
            return _("%(title)s ditambahkan: %(dates)s") % {"title": self.title, "dates": dates(self.after)}
        if "removed" in self.fields:
            return _("%(title)s dihapus") % {"title": self.title}
        if "dates" in self.fields:
            parts.append(_("tanggal %(old)s → %(new)s") % {"old": dates(self.before), "new": dates(self.after)})
        if "lead" in self.fields:
            parts.append(
                _("pemimpin %(old)s → %(new)s")
                % {"old": person(self.before["lead"]), "new": person(self.after["lead"])}
            )
        if "co" in self.fields:
            parts.append(_("pendamping berubah"))
        if "rep" in self.fields:
            parts.append(
                _("wakil kementerian %(old)s → %(new)s")
                % {"old": person(self.before["rep"]), "new": person(self.after["rep"])}
            )
        if "status" in self.fields:
            parts.append(_("status %(old)s → %(new)s") % {"old": self.before["status"], "new": self.after["status"]})
        if "venue" in self.fields:
            parts.append(
                _("tempat %(old)s → %(new)s") % {"old": self.before["venue"] or "—", "new": self.after["venue"] or "—"}
            )
        return f"{self.title}: " + "; ".join(parts)


COMPARED = {
    "dates": ("starts", "ends"),
    "lead": ("lead",),
    "co": ("co",),
    "rep": ("rep",),
    "status": ("status",),
    "venue": ("venue",),
}


def diff(old: list[dict], new: list[dict]) -> list[Change]:
    """What changed from snapshot ``old`` to snapshot ``new``, workshop by workshop."""
    before = {row["id"]: row for row in old}
    after = {row["id"]: row for row in new}
    changes = []
    for pk in sorted(
        before.keys() | after.keys(),
        key=lambda k: ((after.get(k) or before[k])["region"], (after.get(k) or before[k])["stage"]),
    ):
        a, b = before.get(pk), after.get(pk)
        row = b or a
        if a is None:
            fields = ("added",)
        elif b is None:
            fields = ("removed",)
        else:
            fields = tuple(name for name, keys in COMPARED.items() if any(a.get(k) != b.get(k) for k in keys))
        if fields:
            changes.append(Change(pk, row["region"], row["region_name"], row["stage"], fields, a, b))
    return changes


def previous_confirmed(version: PlanVersion) -> PlanVersion | None:
    return (
        PlanVersion.objects.filter(plan=version.plan, number__lt=version.number, confirmed_at__isnull=False)
        .order_by("-number")
        .first()
    )
