"""Reads of the showcase: the events, their stages and presenters, the draft and published
agenda versions, and two hooks other showcase apps plug into.

Hooks (registered from an app's ``AppConfig.ready``; this module never imports those apps):

- ``register_readiness(fn, label=...)``: ``fn(showcase) -> {region code: [missing item, …]}``
  says what a presenting region still lacks (a submission, a deck…); the agenda builder shows
  every registered check and its findings as warnings.
- ``register_featured_dimensions(fn)``: ``fn(showcase) -> {region code: dimension code}``, the
  dimension of each region's featured quick win, read from the public submission rows; the
  builder's grouping "per dimensi" uses it (a region without one is grouped last).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, QuerySet

from showcase.models import AgendaVersion, PresentingRegion, Showcase, Slot, Stage

ReadinessCheck = Callable[[Showcase], dict[str, list[str]]]
DimensionSource = Callable[[Showcase], dict[str, str]]


@dataclass(frozen=True)
class Readiness:
    label: str
    check: ReadinessCheck


_readiness: list[Readiness] = []
_dimension_sources: list[DimensionSource] = []


def register_readiness(fn: ReadinessCheck, label: str | None = None) -> Readiness:
    """Add a readiness check (idempotent per function). ``label`` names it on the builder
    (default: the first line of the function's docstring)."""
    for entry in _readiness:
        if entry.check is fn:
            return entry
    doc = (fn.__doc__ or "").strip().splitlines()
    entry = Readiness(label=str(label or (doc[0] if doc else fn.__module__)), check=fn)
    _readiness.append(entry)
    return entry


def readiness_checks() -> list[Readiness]:
    return list(_readiness)


def readiness_of(showcase: Showcase) -> dict[str, list[str]]:
    """Region code -> what it still lacks, by every registered check (merged, in order)."""
    missing: dict[str, list[str]] = {}
    for entry in _readiness:
        for code, items in (entry.check(showcase) or {}).items():
            missing.setdefault(code, []).extend(str(item) for item in items)
    return missing


def register_featured_dimensions(fn: DimensionSource) -> None:
    if fn not in _dimension_sources:
        _dimension_sources.append(fn)


def featured_dimensions(showcase: Showcase) -> dict[str, str]:
    """Region code -> the dimension code of its featured quick win (empty until an app says)."""
    dimensions: dict[str, str] = {}
    for source in _dimension_sources:
        dimensions.update(source(showcase) or {})
    return dimensions


# --- events ----------------------------------------------------------------------------------


def showcases() -> QuerySet[Showcase]:
    return Showcase.objects.select_related("cohort").annotate(
        presenter_count=Count("presenters", distinct=True), stage_count=Count("stages", distinct=True)
    )


def presenters_of(showcase: Showcase) -> QuerySet[PresentingRegion]:
    return showcase.presenters.select_related("region__province").order_by("position", "region__name")


def stages_of(showcase: Showcase) -> list[Stage]:
    return list(showcase.stages.order_by("position", "pk"))


# --- versions ----------------------------------------------------------------------------------


def draft_version(showcase: Showcase) -> AgendaVersion | None:
    """The latest version: the one the builder edits (it may be the published one)."""
    return showcase.versions.order_by("-number").first()


def published_version(showcase: Showcase) -> AgendaVersion | None:
    """The latest published version: the only one the public sees."""
    return showcase.versions.filter(published_at__isnull=False).order_by("-number").first()


def published_numbers(showcase_ids) -> dict[int, int]:
    """Showcase id -> the number of its published version (one query for a list)."""
    rows = (
        AgendaVersion.objects.filter(showcase_id__in=showcase_ids, published_at__isnull=False)
        .values("showcase_id")
        .annotate(number=Max("number"))
    )
    return {row["showcase_id"]: row["number"] for row in rows}


def slots_of(version: AgendaVersion | None) -> list[Slot]:
    if version is None:
        return []
    return list(
        Slot.objects.filter(version=version)
        .select_related("stage", "region__province")
        .order_by("stage__position", "stage_id", "position")
    )


def published_showcase(slug: str) -> tuple[Showcase, AgendaVersion] | None:
    """A showcase with a published agenda, and that version; ``None`` for anything else (the
    public sees neither a showcase without a published version nor a draft)."""
    showcase = (
        Showcase.objects.select_related("cohort")
        .prefetch_related(Prefetch("stages", queryset=Stage.objects.order_by("position", "pk")))
        .filter(slug=slug)
        .first()
    )
    if showcase is None:
        return None
    version = published_version(showcase)
    return (showcase, version) if version is not None else None
