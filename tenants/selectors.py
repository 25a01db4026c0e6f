"""Reads of the tenancy layer: the registry with its filters, memberships, access."""

from django.core.cache import cache, caches
from django.db.models import Q, QuerySet
from django.utils import timezone

from tenants.access import MINISTRY_ADMIN, MINISTRY_ANALYST, WorkspaceAccess
from tenants.models import Cohort, Membership, Province, Region, Workspace


def registry(
    *,
    query: str = "",
    province: str = "",
    kind: str = "",
    cohort_year: int | None = None,
    participation: str = "",
) -> QuerySet[Region]:
    """All kabupaten/kota, filtered; ``participation`` is ``"yes"`` (has a workspace) or ``"no"``."""
    regions = Region.objects.select_related("province", "cohort", "workspace").order_by("code")
    if query:
        regions = regions.filter(
            Q(name__icontains=query) | Q(code__startswith=query) | Q(province__name__icontains=query)
        )
    if province:
        regions = regions.filter(province_id=province)
    if kind:
        regions = regions.filter(kind=kind)
    if cohort_year:
        regions = regions.filter(cohort__year=cohort_year)
    if participation == "yes":
        regions = regions.filter(workspace__isnull=False)
    elif participation == "no":
        regions = regions.filter(workspace__isnull=True)
    return regions


def cohorts() -> QuerySet[Cohort]:
    return Cohort.objects.order_by("-year")


MEMBERSHIP_CACHE_SECONDS = 300
_NO_MEMBERSHIP = "-"


def membership_cache_key(*, user_id: int, workspace_id: int) -> str:
    return f"membership:{user_id}:{workspace_id}"


def membership_for(*, user, workspace: Workspace, include_expired: bool = False) -> Membership | None:
    """The user's membership of ``workspace`` (``None`` if none or not current today).

    Read on every workspace request, so it is cached (the "global" cache, not keyed by
    schema). ``tenants.signals`` drops the entry whenever a membership is saved or
    deleted; the validity dates are checked on every read, so an assignment ends on its
    last day whether cached or not. A bulk ``QuerySet.update()`` sends no signal: it
    applies after at most ``MEMBERSHIP_CACHE_SECONDS``.
    """
    if not user.is_authenticated:
        return None
    key = membership_cache_key(user_id=user.pk, workspace_id=workspace.pk)
    membership = caches["global"].get(key)
    if membership is None:
        membership = Membership.objects.filter(user=user, workspace=workspace).first()
        caches["global"].set(key, membership or _NO_MEMBERSHIP, MEMBERSHIP_CACHE_SECONDS)
    elif membership == _NO_MEMBERSHIP:
        membership = None
    if membership is None or include_expired or membership.is_current():
        return membership
    return None


def forget_membership(*, user_id: int, workspace_id: int) -> None:
    caches["global"].delete(membership_cache_key(user_id=user_id, workspace_id=workspace_id))


def members_of(*, workspace: Workspace) -> QuerySet[Membership]:
    return Membership.objects.filter(workspace=workspace).select_related("user").order_by("role", "user__email")


def current_members_of(*, workspace: Workspace) -> QuerySet[Membership]:
    today = timezone.localdate()
    return members_of(workspace=workspace).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today), Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def workspaces_of(*, user) -> QuerySet[Membership]:
    today = timezone.localdate()
    return (
        Membership.objects.filter(user=user)
        .filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        )
        .select_related("workspace__region")
        .prefetch_related("workspace__domains")
        .order_by("workspace__region__name")
    )


def workspace_access(*, user, workspace: Workspace) -> WorkspaceAccess | None:
    """The user's access to ``workspace``, or ``None`` when they must get nothing.

    Ministry staff read every workspace (admins also manage it); everyone else needs a
    membership that is current today. One query at most (none when the membership is cached).
    """
    if not user.is_authenticated or not user.is_active or workspace.is_template:
        return None
    if user.is_ministry_admin:
        return WorkspaceAccess(MINISTRY_ADMIN, None)
    if user.is_ministry_staff:
        return WorkspaceAccess(MINISTRY_ANALYST, None)
    membership = membership_for(user=user, workspace=workspace)
    return WorkspaceAccess(membership.role, membership) if membership else None


def cohorts_with_counts() -> QuerySet[Cohort]:
    from django.db.models import Count

    return Cohort.objects.annotate(region_count=Count("regions"), workspace_count=Count("regions__workspace")).order_by(
        "-year"
    )


FILTERS_CACHE_KEY = "national-filter-options"


def filter_options() -> tuple[list[Province], list[int]]:
    """Provinces and cohort years for the filters of national pages; cached for a minute
    (they rarely change)."""
    return cache.get_or_set(
        FILTERS_CACHE_KEY,
        lambda: (
            list(Province.objects.order_by("code")),
            list(Cohort.objects.order_by("-year").values_list("year", flat=True)),
        ),
        60,
    )
