"""The profiles' answers to the agenda builder's hooks (``showcase.selectors``), read from
the public submission rows only:

- readiness: per presenting region, what its profile still lacks (no submission at all, or
  the ``missing`` list of its submission);
- featured dimensions: per region, the dimension of its first featured quick win.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from showcase.models import PresentingRegion
from showcase.profiles.models import MISSING_LABELS
from showcase.profiles.selectors import submissions_of


def missing_by_region(showcase) -> dict[str, list[str]]:
    """Region code → what its profile lacks, for each presenting region that lacks something."""
    codes = list(PresentingRegion.objects.filter(showcase=showcase).values_list("region_id", flat=True))
    found = dict(submissions_of(showcase_id=showcase.pk, codes=codes).values_list("region_id", "missing"))
    missing = {}
    for code in codes:
        if code not in found:
            missing[code] = [_("belum ada kiriman profil")]
        elif found[code]:
            missing[code] = [str(MISSING_LABELS.get(item, item)) for item in found[code]]
    return missing


def featured_dimension_by_region(showcase) -> dict[str, str]:
    dimensions = {}
    for code, data in submissions_of(showcase_id=showcase.pk).values_list("region_id", "data"):
        quick_wins = (data or {}).get("quick_wins") or []
        if quick_wins:
            dimensions[code] = quick_wins[0]["dimension"]["code"]
    return dimensions


def register() -> None:
    from showcase import selectors

    selectors.register_readiness(missing_by_region, label=gettext_lazy("Profil daerah"))
    selectors.register_featured_dimensions(featured_dimension_by_region)
