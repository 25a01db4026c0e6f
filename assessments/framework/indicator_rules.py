"""The rules of a framework indicator, written once: its code is free in its version, its
weight is more than 0 and less than 10,000 with at most two decimals, and every level has a
score within the version's scale and a description.

The editor's form, the YAML import and the editing service all call these functions, so a
question the page refuses is refused by a file and by the service too. Each function takes
values already read from their format (the form's text, the YAML file) and raises
``ValidationError`` keyed by the indicator's field; ``where`` names the value in a message.
"""

from decimal import Decimal, InvalidOperation
from functools import partial

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The column holds 9999.99 at most (six digits, two of them decimals).
WEIGHT_LIMIT = Decimal("10000")
WEIGHT_PLACES = Decimal("0.01")


def check_code_free(*, version, code: str, indicator=None) -> None:
    """No other indicator of ``version`` uses ``code`` (``indicator`` is the one being changed)."""
    taken = version.indicators.filter(code=code)
    if indicator is not None and indicator.pk is not None:
        taken = taken.exclude(pk=indicator.pk)
    if taken.exists():
        raise ValidationError({"code": _("Kode %(code)s sudah dipakai indikator lain di versi ini.") % {"code": code}})


def check_weight(weight: Decimal, *, where: str | None = None) -> None:
    """More than 0 and less than 10,000, with at most two decimals."""
    where = where or _("Bobot")
    if not Decimal(0) < weight < WEIGHT_LIMIT:
        raise ValidationError({"weight": _("%(where)s harus lebih dari 0 dan kurang dari 10.000.") % {"where": where}})
    if weight != weight.quantize(WEIGHT_PLACES):
        message = _("%(where)s: paling banyak %(n)s desimal (“%(value)s”).")
        raise ValidationError({"weight": message % {"where": where, "n": 2, "value": weight}})


def check_level_score(score: Decimal, *, scale_min: Decimal, scale_max: Decimal, where: str) -> None:
    """A level's score lies within the version's scale."""
    if not scale_min <= score <= scale_max:
        raise ValidationError(
            {
                "levels": _("%(where)s: skor %(s)s di luar skala %(min)s–%(max)s.")
                % {"where": where, "s": score, "min": scale_min, "max": scale_max}
            }
        )


def as_number(value) -> Decimal | None:
    """``value`` (a number, or its text with a decimal point or comma) as a finite ``Decimal``, else ``None``."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def level_score(level) -> Decimal | None:
    """The score of a stored level (``{"score": …, "description": …}``) as a number, else ``None``."""
    return as_number(level.get("score")) if isinstance(level, dict) else None


def check_levels(levels, *, scale_min: Decimal | None, scale_max: Decimal | None, where: str) -> None:
    """Every level is a score and a description, its score within the scale (unchecked when
    the scale itself is not known, e.g. refused in the same file)."""
    if not isinstance(levels, list):
        raise ValidationError({"levels": _("%(where)s harus berupa daftar.") % {"where": where}})
    errors = []
    for level in levels:
        score = level_score(level)
        if score is None or not str(level.get("description") or "").strip():
            errors.append(_("%(where)s: setiap tingkat berisi score dan description.") % {"where": where})
            break
        if scale_min is not None and scale_max is not None:
            try:
                check_level_score(score, scale_min=scale_min, scale_max=scale_max, where=where)
            except ValidationError as exc:
                errors.extend(exc.messages)
    if errors:
        raise ValidationError({"levels": errors})


def check_indicator(indicator, *, version) -> None:
    """Every rule above on an indicator about to be saved in ``version``: all its errors at once
    (a weight that is no number at all is left to the model's own field check)."""
    checks = [
        partial(check_code_free, version=version, code=indicator.code, indicator=indicator),
        partial(
            check_levels,
            indicator.levels,
            scale_min=version.scale_min,
            scale_max=version.scale_max,
            where=_("Deskripsi tingkat"),
        ),
    ]
    if (weight := as_number(indicator.weight)) is not None:
        checks.insert(1, partial(check_weight, weight))
    errors: dict[str, list[str]] = {}
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
