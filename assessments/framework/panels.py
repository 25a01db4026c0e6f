"""A region's latest assessment periods on the core's region page (``tenants.panels``), the cycles
waiting for a facilitator's verification on the apex home, and
the ranking and the frameworks in the national menu.

Ministry staff see them for a region with a workspace; the snapshots are written by the
workspace's background refresh.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.framework import rules
from assessments.framework.models import RegionSnapshot
from tenants.models import Membership
from tenants.panels import NATIONAL_HOME, NAV_NATIONAL, REGION_DETAIL, register_nav_link, register_panel


def _for_staff(request) -> bool:
    return rules.can_view_national_assessments(request.user)


def latest_snapshots(request, page) -> dict | None:
    """The four latest periods of a region with a workspace (``domain``), for ministry staff only."""
    if not (_for_staff(request) and page.get("domain")):
        return None
    return {"snapshots": list(page["region"].snapshots.order_by("-year", "-stage")[:4])}


def awaiting_verification(request, page) -> dict | None:
    """For a facilitator on the apex home: the cycles of their regions waiting for verification.

    Read from the public snapshot rows only (each workspace's refresh writes its cycle's state
    after every state change), never from the workspaces' schemas. Regions where the user also
    holds a region role are left out: they may not verify there.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    today = timezone.localdate()
    current = Membership.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        user=user,
    )
    assigned = current.filter(role=Membership.Role.FACILITATOR).values("workspace__region_id")
    if not assigned.exists():
        return None
    own = current.exclude(role=Membership.Role.FACILITATOR).values("workspace__region_id")
    waiting = (
        RegionSnapshot.objects.filter(
            source=RegionSnapshot.Source.PROVISIONAL, cycle_state="self_assessed", region_id__in=assigned
        )
        .exclude(region_id__in=own)
        .select_related("region__workspace")
        .prefetch_related("region__workspace__domains")
        .order_by("refreshed_at")
    )
    return {"waiting": list(waiting)}


def register() -> None:
    register_panel(slot=REGION_DETAIL, template="framework/_region_snapshots.html", context=latest_snapshots, order=20)
    register_panel(
        slot=NATIONAL_HOME, template="assessments/_awaiting_verification.html", context=awaiting_verification
    )
    register_nav_link(
        slot=NAV_NATIONAL, label=_("Peringkat"), url_name="assessment-ranking", order=30, visible=_for_staff
    )
    register_nav_link(slot=NAV_NATIONAL, label=_("Kerangka"), url_name="framework-list", order=50, visible=_for_staff)
