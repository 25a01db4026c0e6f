"""A number written with a decimal point on a page shown in Indonesian (issue 13, item 6).

The journeys use the pattern of the page walk, ``tests/platform/test_no_decimal_point.py``
(where it is documented and tested): thousands grouping (``1.250.000``), dates and versions
with more than one dot, dots glued to a word and a day and month (``30.11``) are left alone.
A dotted time of day (``14.30``) is found: the site writes times one way, ``14:30``. The
data's dotted codes (``35.74`` is Kota Probolinggo's BPS code) are removed first.
"""

from tests.platform.test_no_decimal_point import DECIMAL_POINT, decimal_points  # noqa: F401

CODES = (
    ("tenants", "Region", "code"),
    ("framework", "Component", "code"),
    ("framework", "Dimension", "code"),
    ("framework", "SubDimension", "code"),
    ("framework", "Indicator", "code"),
)


def dotted_codes() -> frozenset[str]:
    """The dotted identifiers pages show: region codes and the framework's codes."""
    from django.apps import apps

    found = set()
    for label, model, name in CODES:
        try:
            cls = apps.get_model(label, model)
        except LookupError:
            continue
        found |= {c for c in cls.objects.values_list(name, flat=True) if c and "." in c}
    return frozenset(found)
