"""Template context shared by every page: which host we are on and links between hosts."""

from django.conf import settings
from django_tenants.utils import get_public_schema_name


def national_url(path: str = "/") -> str:
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else ""
    return f"//{settings.BASE_DOMAIN}{port}{path}"


def workspace_url(domain: str, path: str = "/") -> str:
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else ""
    return f"//{domain}{port}{path}"


def site_host(request) -> str:
    """The host this request's site is known by — the workspace's primary domain or the base
    domain, with the configured public port — never the request's own Host header (which a
    client chooses, port included). Links in e-mails are built from it."""
    tenant = getattr(request, "tenant", None)
    host = settings.BASE_DOMAIN
    if tenant is not None and tenant.schema_name != get_public_schema_name():
        primary = tenant.domains.filter(is_primary=True).values_list("domain", flat=True).first()
        host = primary or host
    return f"{host}:{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else host


def site_url(request, path: str = "/") -> str:
    """``site_host`` as an absolute URL with the configured scheme."""
    return f"{settings.SITE_SCHEME}://{site_host(request)}{path}"


def absolute_url(host: str, path: str = "/") -> str:
    """An absolute URL for e-mails and other places without a request."""
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else ""
    return f"{settings.SITE_SCHEME}://{host}{port}{path}"


def site(request):
    tenant = getattr(request, "tenant", None)
    on_workspace = tenant is not None and tenant.schema_name != get_public_schema_name()
    return {
        "on_workspace": on_workspace,
        "workspace": tenant if on_workspace else None,
        "national_home_url": national_url("/"),
        "access": getattr(request, "access", None),
    }
