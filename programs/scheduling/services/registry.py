"""The facilitator registry, their unavailability, travel days, national holidays, and the
regions' wishes (preferred weeks, blackout dates)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programs.scheduling import rules
from programs.scheduling.models import Facilitator, NationalHoliday, RegionWish, TravelTime, Unavailability
from programs.scheduling.services.common import check_range, overlapping, require
from programs.scheduling.services.plans import assigned_workshops

FACILITATOR_FIELDS = ("institution", "home_province", "kind", "stages", "max_per_month", "is_active")


@transaction.atomic
def save_facilitator(*, user, facilitator: Facilitator | None = None, person=None, **fields) -> Facilitator:
    """Create (``person`` is the user account) or update a registry entry (ministry admins)."""
    require(user, rules.can_manage_scheduling)
    unknown = set(fields) - set(FACILITATOR_FIELDS)
    if unknown:
        raise TypeError(", ".join(sorted(unknown)))
    if facilitator is None:
        if person is None:
            raise ValidationError({"email": _("Akun fasilitator wajib diisi.")})
        if Facilitator.objects.filter(user=person).exists():
            raise ValidationError(
                {"email": _("%(email)s sudah terdaftar sebagai fasilitator.") % {"email": person.email}}
            )
        facilitator = Facilitator(user=person)
    for key, value in fields.items():
        setattr(facilitator, key, value)
    facilitator.stages = sorted(set(facilitator.stages or []))
    if facilitator.kind == Facilitator.Kind.OFFICIAL and facilitator.stages:
        facilitator.stages = []  # officials attend; experts lead
    facilitator.full_clean(exclude=["user"])
    facilitator.save()
    return facilitator


@transaction.atomic
def delete_facilitator(*, user, facilitator: Facilitator) -> None:
    """Refused while the facilitator is on any workshop (the message lists them)."""
    require(user, rules.can_manage_scheduling)
    workshops = list(assigned_workshops(facilitator))
    if workshops:
        listed = "; ".join(f"{w} ({w.starts:%d-%m-%Y})" if w.starts else str(w) for w in workshops[:20])
        more = len(workshops) - 20
        raise ValidationError(
            _(
                "%(name)s masih ditugaskan pada %(n)s Bimtek: %(list)s%(more)s. "
                "Ganti penugasannya dahulu, atau nonaktifkan."
            )
            % {"name": facilitator, "n": len(workshops), "list": listed, "more": f" (+{more})" if more > 0 else ""}
        )
    if facilitator.access_windows.exists():
        raise ValidationError(
            _("%(name)s memiliki riwayat akses ruang kerja; nonaktifkan alih-alih menghapus.") % {"name": facilitator}
        )
    facilitator.delete()


def _may_edit_availability(user, facilitator: Facilitator) -> bool:
    own = rules.facilitator_of(user)
    return rules.can_manage_scheduling(user) or (own is not None and own.pk == facilitator.pk)


@transaction.atomic
def add_unavailability(*, user, facilitator: Facilitator, starts: date, ends: date, reason: str) -> Unavailability:
    if not _may_edit_availability(user, facilitator):
        raise PermissionDenied("not yours")
    check_range(starts, ends)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Alasan wajib diisi.")})
    Facilitator.objects.select_for_update().get(pk=facilitator.pk)
    clash = overlapping(facilitator.unavailability.all(), starts, ends).first()
    if clash:
        raise ValidationError(
            {
                "starts": _("Bertumpang tindih dengan %(starts)s – %(ends)s (%(reason)s).")
                % {"starts": f"{clash.starts:%d-%m-%Y}", "ends": f"{clash.ends:%d-%m-%Y}", "reason": clash.reason}
            }
        )
    return Unavailability.objects.create(
        facilitator=facilitator, starts=starts, ends=ends, reason=reason.strip(), created_by=user
    )


def delete_unavailability(*, user, entry: Unavailability) -> None:
    if not _may_edit_availability(user, entry.facilitator):
        raise PermissionDenied("not yours")
    entry.delete()


@transaction.atomic
def set_travel_days(*, user, origin, destination, days: int) -> None:
    """Correct one cell of the table; travel is the same both ways, so its mirror follows."""
    require(user, rules.can_manage_scheduling)
    if days is None or not 0 <= int(days) <= 7:
        raise ValidationError({"days": _("Hari perjalanan antara 0 dan 7.")})
    if origin.pk == destination.pk and days:
        raise ValidationError({"days": _("Perjalanan di dalam satu provinsi dihitung 0 hari.")})
    for a, b in ((origin, destination), (destination, origin)):
        TravelTime.objects.update_or_create(origin=a, destination=b, defaults={"days": int(days)})


def seed_travel_times() -> int:
    """Fill the missing cells of the travel table by the documented rule (a platform service:
    run after provinces are loaded; corrected cells are never touched). Returns cells added."""
    from programs.scheduling.solver.travel import travel_days_by_rule
    from tenants.models import Province

    codes = list(Province.objects.values_list("code", flat=True))
    have = set(TravelTime.objects.values_list("origin_id", "destination_id"))
    missing = [
        TravelTime(origin_id=a, destination_id=b, days=travel_days_by_rule(a, b))
        for a in codes
        for b in codes
        if (a, b) not in have
    ]
    TravelTime.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def add_holiday(*, user, day: date, name: str) -> NationalHoliday:
    require(user, rules.can_manage_scheduling)
    if day is None:
        raise ValidationError({"date": _("Tanggal wajib diisi.")})
    if not (name or "").strip():
        raise ValidationError({"name": _("Nama hari libur wajib diisi.")})
    if NationalHoliday.objects.filter(date=day).exists():
        raise ValidationError(
            {"date": _("Tanggal %(date)s sudah tercatat sebagai hari libur.") % {"date": f"{day:%d-%m-%Y}"}}
        )
    return NationalHoliday.objects.create(date=day, name=name.strip())


def delete_holiday(*, user, holiday: NationalHoliday) -> None:
    require(user, rules.can_manage_scheduling)
    holiday.delete()


@transaction.atomic
def add_wish(*, actor, region, kind: str, starts: date, ends: date, note: str = "") -> RegionWish:
    """A region admin's preferred week or blackout dates for their own region (workspace actor)."""
    if not actor.can("can_edit_schedule_wishes"):
        raise PermissionDenied("can_edit_schedule_wishes")
    if kind not in RegionWish.Kind.values:
        raise ValidationError({"kind": _("Jenis tidak dikenal.")})
    check_range(starts, ends)
    if (ends - starts).days > 120:
        raise ValidationError({"ends": _("Rentang paling lama 120 hari.")})
    clash = overlapping(RegionWish.objects.filter(region=region, kind=kind), starts, ends).first()
    if clash:
        raise ValidationError(
            {
                "starts": _("Bertumpang tindih dengan %(starts)s – %(ends)s.")
                % {"starts": f"{clash.starts:%d-%m-%Y}", "ends": f"{clash.ends:%d-%m-%Y}"}
            }
        )
    return RegionWish.objects.create(
        region=region, kind=kind, starts=starts, ends=ends, note=(note or "").strip(), created_by=actor.user
    )


def delete_wish(*, actor, wish: RegionWish) -> None:
    if not actor.can("can_edit_schedule_wishes"):
        raise PermissionDenied("can_edit_schedule_wishes")
    wish.delete()
