"""Who may do what in a workspace: one vocabulary of capabilities, owned by the apps.

A *capability* (``can_edit_programs``) names what a role may do in a workspace. Each app
declares its own in its ``rules.py`` with ``register_capability`` (the core declares only
its own: members and the workspace's dates); ``WorkspaceAccess`` resolves them for the user
of the request. Pages (``WorkspaceView``) and API views (``api.permissions.HostAccessPermission``)
declare the capability they need in the same two attributes and are checked by the same
function, ``view_allows``, so a member refused an action gets the same answer (404) from both.
"""

from dataclasses import dataclass

from django.http import Http404

# National roles act in every workspace without a membership.
MINISTRY_ADMIN = "ministry_admin"
MINISTRY_ANALYST = "ministry_analyst"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

_capabilities: dict[str, frozenset[str]] = {}


def register_capability(name: str, *, roles) -> None:
    """Declare capability ``name`` held by ``roles`` (``Membership.Role`` values or a national role)."""
    if not name.startswith("can_"):
        raise ValueError(f"a capability reads as a question: can_…, not {name!r}")
    roles = frozenset(str(role) for role in roles)
    if _capabilities.get(name, roles) != roles:
        raise ValueError(f"capability {name!r} declared twice with other roles")
    _capabilities[name] = roles


def capabilities() -> dict[str, frozenset[str]]:
    return dict(_capabilities)


def roles_with(name: str) -> frozenset[str]:
    try:
        return _capabilities[name]
    except KeyError:
        raise LookupError(f"unknown capability {name!r}: declare it in an app's rules.py") from None


@dataclass(frozen=True)
class WorkspaceAccess:
    """What one user may do in one workspace, resolved once per request.

    ``access.can_edit_programs`` (in code and templates) reads a registered capability.
    """

    role: str  # a Membership.Role value, or MINISTRY_ADMIN / MINISTRY_ANALYST
    membership: object | None  # tenants.models.Membership, None for ministry staff

    def can(self, capability: str) -> bool:
        return self.role in roles_with(capability)

    def __getattr__(self, name: str):
        if name.startswith("can_"):
            return self.can(name)
        raise AttributeError(name)

    @property
    def is_national(self) -> bool:
        return self.membership is None


@dataclass
class Actor:
    """The user acting in the current workspace, with their access there; services take it."""

    user: object
    access: WorkspaceAccess

    def can(self, capability: str) -> bool:
        return self.access.can(capability)


class PlatformActor:
    """The platform itself acting: seeding, demo data, management commands, background jobs.

    Passes every check, and is never built from a request. Services refuse ``None`` as an
    actor, so a caller that forgot the actor is refused, not silently let through.
    """

    user = None

    def can(self, capability: str) -> bool:
        return True

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = PlatformActor()


def view_allows(view, access: WorkspaceAccess, method: str, *, writes_need_capability: bool = False) -> bool:
    """Whether ``access`` passes the view's ``capability`` (every method) and ``write_capability``
    (methods that change something). The one check of pages and API views alike.

    With ``writes_need_capability`` (the API), a view that declares no ``write_capability``
    takes no writes at all: fail-closed.
    """
    needed = [getattr(view, "capability", None)]
    if method not in SAFE_METHODS:
        write = getattr(view, "write_capability", None)
        if write is None and writes_need_capability:
            return False
        needed.append(write)
    return all(access.can(name) for name in needed if name)


# --- fetch-for-action helpers of the core ---------------------------------------------------


def access_membership_for_edit(*, actor, workspace, pk: int):
    """The membership ``pk`` of ``workspace`` if ``actor`` may manage members; else ``Http404``,
    the same answer for a membership that does not exist and one the actor may not touch."""
    from tenants.models import Membership

    membership = Membership.objects.select_related("user").filter(pk=pk, workspace=workspace).first()
    if membership is None or not actor.can("can_manage_members"):
        raise Http404("no such membership")
    return membership
