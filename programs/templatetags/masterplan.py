"""Template filters of the masterplan: rupiah amounts."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def rupiah(value) -> str:
    """``Decimal("1234567.5")`` → ``"Rp 1.234.568"`` (whole rupiah, dots for thousands)."""
    if value is None or value == "":
        return "–"
    amount = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")


@register.filter
def get_item(mapping, key):
    return mapping.get(key, []) if mapping else []


@register.simple_tag
def bimtek_checklist():
    """The Bimtek checklist of the current workspace (for the workspace home)."""
    from programs.checklist import bimtek_checklist as compute

    return compute()
