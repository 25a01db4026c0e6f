"""Template context shared by every page: which host we are on and links between hosts."""

from django.conf import settings
from django_tenants.utils import get_public_schema_name


def national_url(path: str = "/") -> str:
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else ""
    return f"//{settings.BASE_DOMAIN}{port}{path}"


def workspace_url(domain: str, path: str = "/") -> str:
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else ""
    return f"//{domain}{port}{path}"


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
