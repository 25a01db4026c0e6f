"""The audit log of security-relevant actions (sign-ins, roles, facilitator access,
publications, reopened cycles, framework edits, restores), one table for every app.

Services call ``record`` inside their own transaction, so an action that is rolled back
leaves no row. The client's address is not the services' business: ``AuditMiddleware``
puts it in a context variable for the length of a request (tasks and commands have none).
Inside a workspace schema the row belongs to that workspace unless the caller names one.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connection
from django.utils import translation

_client_ip: ContextVar[str | None] = ContextVar("audit_client_ip", default=None)


def set_client_ip(address: str | None):
    """Make ``address`` the client's for what follows; returns the token to reset it with."""
    return _client_ip.set(address)


def reset_client_ip(token) -> None:
    _client_ip.reset(token)


def client_ip() -> str | None:
    return _client_ip.get()


def _user_of(actor):
    """The account behind ``actor``: a user, a ``tenants.access.Actor``, or the platform (none)."""
    user = actor if hasattr(actor, "_meta") else getattr(actor, "user", None)
    return user if user is not None and getattr(user, "is_authenticated", False) and user.pk else None


def _current_workspace():
    """The workspace whose schema is active, if it is a real one (not public, not the template)."""
    from django_tenants.utils import get_public_schema_name

    from tenants.models import Workspace

    tenant = getattr(connection, "tenant", None)
    schema = getattr(tenant, "schema_name", None)
    if not schema or schema == get_public_schema_name():
        return None
    if isinstance(tenant, Workspace) and tenant.pk:
        return None if tenant.is_template else tenant
    return Workspace.objects.filter(schema_name=schema, is_template=False).first()


def record(action, *, actor=None, workspace=None, target="", actor_email: str = "", **details):
    """Write one audit row for ``action`` (a ``platform.audit.actions.Action`` code).

    ``actor`` is a user, a ``tenants.access.Actor``, ``tenants.access.SYSTEM`` or ``None``
    (the platform); ``actor_email`` names someone without an account row (a failed sign-in).
    ``target`` says in a few words what was acted on (a lazy translation is stored in the
    platform's language, whoever's language is active); ``details`` are kept as JSON.
    """
    from platform.audit.actions import Action
    from platform.audit.models import AuditEvent

    user = _user_of(actor)
    with translation.override(settings.LANGUAGE_CODE):
        target = str(target)[:200]
    email = (user.email if user is not None else actor_email or "").strip().lower()[:254]
    return AuditEvent.objects.create(
        action=Action(action),
        actor=user,
        actor_email=email,
        ip=client_ip(),
        workspace=workspace if workspace is not None else _current_workspace(),
        target=target,
        details=details,
    )
