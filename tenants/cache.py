"""Host name → workspace resolution, cached.

The tenant middleware runs on every request; with the resolution cached, a warm request
costs no query to find its workspace. Entries are dropped whenever a workspace or domain
changes (``tenants.signals``) and expire after an hour in any case.
"""

from django.conf import settings
from django.core.cache import cache
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import Domain, Workspace

TTL_SECONDS = 3600
_MISSING = "-"


def _key(hostname: str) -> str:
    # Written while the public schema is active, so django-tenants' key function prefixes
    # every entry with "public:"; workspace-level caches get their own schema prefix.
    return f"tenant-host:{hostname}"


def workspace_for_host(hostname: str) -> Workspace | None:
    """The workspace served on ``hostname`` (the public one on the apex), or ``None``."""
    cached = cache.get(_key(hostname))
    if cached == _MISSING:
        return None
    if cached is not None:
        return cached
    if hostname == settings.BASE_DOMAIN:
        workspace = Workspace.objects.filter(schema_name="public").first()
    else:
        domain = Domain.objects.select_related("tenant", "tenant__region").filter(domain=hostname).first()
        workspace = domain.tenant if domain and not domain.tenant.is_template else None
    cache.set(_key(hostname), workspace if workspace is not None else _MISSING, TTL_SECONDS)
    return workspace


def forget_host(hostname: str) -> None:
    with schema_context(get_public_schema_name()):
        cache.delete(_key(hostname))
