"""Writes of the event itself: a cohort's showcase and its settings, its stages, and its
presenting regions (the cohort by default, editable). Ministry admins only."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from showcase import rules
from showcase.models import PresentingRegion, Showcase, Slot, Stage
from showcase.services.common import lock, require, user_of
from tenants.models import Cohort, Region

# Paths under /showcase/ that are not a showcase's public page.
RESERVED_SLUGS = frozenset({"kelola"})
MAX_DAYS = 7
EDITABLE = (
    "name",
    "slug",
    "venue",
    "time_zone",
    "starts_on",
    "ends_on",
    "day_starts_at",
    "day_ends_at",
    "submission_deadline",
    "max_quick_wins",
    "presentation_minutes",
    "question_minutes",
    "opening_minutes",
    "closing_minutes",
    "break_minutes",
    "break_every",
    "grouping",
    "draw_seed",
)


def _validate(showcase: Showcase) -> None:
    """The model's own checks (choices, limits, the unique address) plus the event's rules,
    as one ``ValidationError`` of field -> messages."""
    errors: dict[str, list[str]] = {}
    try:
        showcase.full_clean(exclude=["cohort", "created_by"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if showcase.slug and showcase.slug.lower() in RESERVED_SLUGS:
        errors.setdefault("slug", []).append(_("Alamat ini dipakai halaman lain; pilih yang lain."))
    if showcase.starts_on and showcase.ends_on:
        if showcase.ends_on < showcase.starts_on:
            errors.setdefault("ends_on", []).append(_("Tanggal selesai sebelum tanggal mulai."))
        elif (showcase.ends_on - showcase.starts_on).days >= MAX_DAYS:
            errors.setdefault("ends_on", []).append(
                _("Acara paling lama %(n)s hari.") % {"n": MAX_DAYS},
            )
    if showcase.day_starts_at and showcase.day_ends_at and showcase.day_ends_at <= showcase.day_starts_at:
        errors.setdefault("day_ends_at", []).append(_("Jam selesai harus setelah jam mulai."))
    if errors:
        raise ValidationError(errors)


def _save(showcase: Showcase) -> Showcase:
    try:
        with transaction.atomic():
            showcase.save()
    except IntegrityError:  # two admins took the same address at once
        raise ValidationError({"slug": _("Alamat ini sudah dipakai showcase lain.")}) from None
    return showcase


@transaction.atomic
def create_showcase(*, actor, cohort: Cohort, stage_names=(), **fields) -> Showcase:
    """A showcase for ``cohort`` with its stages (default: one main stage) and every region of
    the cohort as a presenter, in cohort order (by region code)."""
    require(actor, rules.can_manage_showcase)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: _("Kolom tidak dikenal.") for name in sorted(unknown)})
    showcase = Showcase(cohort=cohort, created_by=user_of(actor), **fields)
    _validate(showcase)
    _save(showcase)
    names = [n.strip() for n in stage_names if n and n.strip()] or [_("Panggung Utama")]
    if len(set(names)) != len(names):
        raise ValidationError({"stage_names": _("Nama panggung tidak boleh sama.")})
    Stage.objects.bulk_create(Stage(showcase=showcase, name=name, position=i) for i, name in enumerate(names))
    regions = Region.objects.filter(cohort=cohort).order_by("code")
    PresentingRegion.objects.bulk_create(
        PresentingRegion(showcase=showcase, region=region, position=i) for i, region in enumerate(regions)
    )
    return showcase


@transaction.atomic
def update_showcase(*, actor, showcase: Showcase, **changes) -> Showcase:
    """Change the settings; the agenda keeps its slots until it is rebuilt ("Susun ulang")."""
    require(actor, rules.can_manage_showcase)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: _("Kolom tidak dikenal.") for name in sorted(unknown)})
    showcase = lock(showcase)
    for name, value in changes.items():
        setattr(showcase, name, value)
    _validate(showcase)
    return _save(showcase)


# --- stages ------------------------------------------------------------------------------------


def _clean_stage_name(showcase: Showcase, name: str, *, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Nama panggung wajib diisi.")})
    if len(name) > 100:
        raise ValidationError({"name": _("Nama panggung paling panjang 100 karakter.")})
    if showcase.stages.filter(name__iexact=name).exclude(pk=exclude_pk).exists():
        raise ValidationError({"name": _("Panggung %(name)s sudah ada.") % {"name": name}})
    return name


@transaction.atomic
def add_stage(*, actor, showcase: Showcase, name: str) -> Stage:
    require(actor, rules.can_manage_showcase)
    showcase = lock(showcase)
    name = _clean_stage_name(showcase, name)
    position = (showcase.stages.aggregate(n=Max("position"))["n"] or 0) + 1
    return Stage.objects.create(showcase=showcase, name=name, position=position)


@transaction.atomic
def rename_stage(*, actor, stage: Stage, name: str) -> Stage:
    require(actor, rules.can_manage_showcase)
    lock(stage.showcase)
    stage.name = _clean_stage_name(stage.showcase, name, exclude_pk=stage.pk)
    stage.save(update_fields=["name"])
    return stage


@transaction.atomic
def remove_stage(*, actor, stage: Stage) -> None:
    """Remove a stage that no published agenda uses (its draft slots go with it: the builder
    then shows the regions left without a slot, and "Susun ulang" places them again)."""
    require(actor, rules.can_manage_showcase)
    showcase = lock(stage.showcase)
    if showcase.stages.count() <= 1:
        raise ValidationError(_("Showcase perlu paling sedikit satu panggung."))
    if Slot.objects.filter(stage=stage, version__published_at__isnull=False).exists():
        raise ValidationError(
            _("Panggung %(name)s dipakai agenda yang sudah diterbitkan; ganti namanya saja.") % {"name": stage.name}
        )
    stage.delete()


# --- presenting regions -----------------------------------------------------------------------------


@transaction.atomic
def add_presenter(*, actor, showcase: Showcase, region_code: str) -> PresentingRegion:
    require(actor, rules.can_manage_showcase)
    showcase = lock(showcase)
    region = Region.objects.filter(code=(region_code or "").strip()).first()
    if region is None:
        raise ValidationError({"region": _("Kode wilayah %(code)s tidak dikenal.") % {"code": region_code}})
    if showcase.presenters.filter(region=region).exists():
        raise ValidationError({"region": _("%(name)s sudah menjadi penyaji.") % {"name": region.name}})
    position = (showcase.presenters.aggregate(n=Max("position"))["n"] or 0) + 1
    return PresentingRegion.objects.create(showcase=showcase, region=region, position=position)


@transaction.atomic
def remove_presenter(*, actor, showcase: Showcase, region_code: str) -> None:
    """The region no longer presents; a slot it still has in the draft shows as a warning
    until the agenda is rebuilt or the slot moved."""
    require(actor, rules.can_manage_showcase)
    showcase = lock(showcase)
    deleted, _rows = showcase.presenters.filter(region_id=region_code).delete()
    if not deleted:
        raise ValidationError({"region": _("Daerah ini bukan penyaji.")})
