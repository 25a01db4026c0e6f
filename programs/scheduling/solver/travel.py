"""Travel days between provinces by the documented rule (the seed of the editable travel table).

The rule: within a province 0 days; within one island group 1 day; between two groups 1 day when
either is Jawa (direct flights from Jakarta and Surabaya reach every group) or the two groups are
neighbours by direct flights (Bali–Nusa Tenggara–Sulawesi, Kalimantan–Sulawesi, Sulawesi–Maluku,
Maluku–Papua), otherwise 2 days. Ministry admins correct single cells later; this module only
gives the starting table.
"""

from itertools import product

ISLAND_GROUPS: dict[str, frozenset[str]] = {
    "Sumatera": frozenset({"11", "12", "13", "14", "15", "16", "17", "18", "19", "21"}),
    "Jawa": frozenset({"31", "32", "33", "34", "35", "36"}),
    "Bali–Nusa Tenggara": frozenset({"51", "52", "53"}),
    "Kalimantan": frozenset({"61", "62", "63", "64", "65"}),
    "Sulawesi": frozenset({"71", "72", "73", "74", "75", "76"}),
    "Maluku": frozenset({"81", "82"}),
    "Papua": frozenset({"91", "92", "93", "94", "95", "96"}),
}

# Pairs of groups joined by direct flights besides those through Jawa.
NEIGHBOUR_GROUPS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("Bali–Nusa Tenggara", "Sulawesi"),
        ("Kalimantan", "Sulawesi"),
        ("Sulawesi", "Maluku"),
        ("Maluku", "Papua"),
    )
)

_GROUP_OF = {province: group for group, provinces in ISLAND_GROUPS.items() for province in provinces}


def island_group(province: str) -> str | None:
    return _GROUP_OF.get(province)


def travel_days_by_rule(a: str, b: str) -> int:
    """Days of travel from province ``a`` to province ``b`` (codes like "35"); symmetric."""
    if a == b:
        return 0
    group_a, group_b = _GROUP_OF.get(a), _GROUP_OF.get(b)
    if group_a is None or group_b is None:
        return 2  # an unknown province: the safe (longest) figure
    if group_a == group_b:
        return 1
    if "Jawa" in (group_a, group_b) or frozenset((group_a, group_b)) in NEIGHBOUR_GROUPS:
        return 1
    return 2


def travel_table(provinces) -> dict[tuple[str, str], int]:
    """The whole table by the rule for the given province codes (both directions, no diagonal)."""
    codes = sorted(set(provinces))
    return {(a, b): travel_days_by_rule(a, b) for a, b in product(codes, codes) if a != b}
