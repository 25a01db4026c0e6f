"""Who may do what with assessments in a workspace: the capabilities, the state changes they
allow, and the separation of duties that no capability overrides.

The national side (frameworks, rankings) has its own rules: ``assessments.framework.rules``;
publishing a ranking also obeys the separation of duties below.
"""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.framework.models import RegionSnapshot
from tenants.access import MINISTRY_ADMIN, register_capability
from tenants.models import Membership

Role = Membership.Role

# Fill the region's self-assessment (scores and evidence).
register_capability("can_self_assess", roles={Role.REGION_ADMIN, Role.OPD_EDITOR})
register_capability("can_start_assessment", roles={Role.REGION_ADMIN, MINISTRY_ADMIN})
# Assessors: a facilitator currently assigned to the region, or a ministry admin.
register_capability("can_verify", roles={Role.FACILITATOR, MINISTRY_ADMIN})
register_capability("can_reopen_assessment", roles={MINISTRY_ADMIN})
# Change a response at all: self-assessors and assessors (each only their own fields).
register_capability(
    "can_work_on_responses", roles={Role.REGION_ADMIN, Role.OPD_EDITOR, Role.FACILITATOR, MINISTRY_ADMIN}
)

# A state change and the capability it needs.
ACTION_CAPABILITY = {
    "submit": "can_self_assess",
    "return": "can_verify",
    "verify": "can_verify",
    "finalize": "can_verify",
    "reopen": "can_reopen_assessment",
}


def can_change_state(actor, action: str) -> bool:
    """May ``actor`` (an ``Actor``, or the ``WorkspaceAccess`` of a request) take ``action``?"""
    capability = ACTION_CAPABILITY.get(action)
    return bool(capability) and actor.can(capability)


# --- separation of duties ----------------------------------------------------------------
#
# Nobody judges a region they belong to. A person who holds a region role in a workspace (a
# membership there as region admin, OPD editor, council, regional head or viewer) may not
# verify, return, finalise or reopen its cycles, nor publish or withdraw a national ranking
# that ranks it, whatever else they are (ministry admin, or a facilitator whose membership
# became a region role). Capabilities cannot say this: a ministry admin's access is national
# and carries no membership, so the rule reads the memberships themselves.

# Every role of a workspace but the facilitator's (the assessor's own).
REGION_ROLES = frozenset(role for role in Role if role != Role.FACILITATOR)
# The state changes an assessor or the ministry makes on a region's self-assessment.
ASSESSOR_ACTIONS = frozenset({"return", "verify", "finalize", "reopen"})


def region_memberships(user) -> QuerySet[Membership]:
    """The user's current memberships with a region role, in every workspace.

    Read from the database on every call (never the membership cache of the request gate), so
    the rule holds at the moment of the action, even right after a role was changed. Only
    memberships valid today count: one that ended is no longer a role held, like the gate.
    """
    if user is None or user.pk is None:
        return Membership.objects.none()
    today = timezone.localdate()
    return Membership.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        user=user,
        role__in=REGION_ROLES,
    )


def holds_region_role(user, workspace) -> bool:
    """Does ``user`` hold a region role in ``workspace`` today? (``None``, the platform: no.)"""
    return region_memberships(user).filter(workspace=workspace).exists()


def check_may_assess(actor, workspace=None) -> None:
    """Refuse (``PermissionDenied`` with the reason) an actor who holds a region role in
    ``workspace`` (the workspace of the current schema by default): they may not verify scores
    there nor take any of ``ASSESSOR_ACTIONS``.

    The platform itself (``tenants.access.SYSTEM``, no user) has no membership and passes;
    the services check the capability first, so ``None`` never gets here.
    """
    user = getattr(actor, "user", None)
    workspace = workspace if workspace is not None else connection.tenant
    if user is not None and holds_region_role(user, workspace):
        raise PermissionDenied(
            _(
                "Anda memegang peran daerah di %(region)s, sehingga tidak boleh memverifikasi, "
                "memfinalkan, atau membuka kembali penilaiannya."
            )
            % {"region": workspace.region.name}
        )


def check_may_publish_ranking(user, *, year: int, stage: int) -> None:
    """Refuse (``PermissionDenied`` with the reason) publishing or withdrawing the national
    ranking of a period by someone who holds a region role in a workspace ranked in it.

    A ranking is one act about every region it ranks: publishing it makes each rank, their
    own region's included, official at once, and withdrawing it hides them all. So the rule
    covers every region with a rank in that period (computed from a final cycle or imported
    from the official results), not only one workspace. A region role in a region not
    ranked in that period is no conflict: it is neither judged nor compared there.
    """
    ranked = RegionSnapshot.objects.filter(year=year, stage=stage, rank__isnull=False).values("region_id")
    membership = (
        region_memberships(user)
        .filter(workspace__region__in=ranked)
        .select_related("workspace__region")
        .order_by("workspace__region_id")
        .first()
    )
    if membership is not None:
        raise PermissionDenied(
            _(
                "Anda memegang peran daerah di %(region)s, yang diperingkat pada periode ini, sehingga "
                "tidak boleh menerbitkan atau menarik peringkat nasional periode ini."
            )
            % {"region": membership.workspace.region.name}
        )
