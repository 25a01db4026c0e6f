"""The two gates every request passes.

1. ``CachedTenantMiddleware`` — the host picks the workspace (schema); the lookup is cached.
   An unknown host gets the friendly "workspace not found" page.
2. ``WorkspaceMembershipMiddleware`` — on a workspace host, every view requires the user's
   current access to *that* workspace (a membership, or ministry staff). Fail-closed: a
   view is open to non-members only when it is marked ``@public_on_workspace_host`` (login,
   password reset, language switch), and API views are gated by the DRF permission class
   ``api.permissions.HostAccessPermission`` built on the same ``workspace_access`` rule.
   Outsiders get 404, the same answer as for a page that does not exist.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import get_public_schema_name

from tenants.cache import workspace_for_host
from tenants.selectors import workspace_access


class CachedTenantMiddleware(TenantMainMiddleware):
    def get_tenant(self, domain_model, hostname):
        workspace = workspace_for_host(hostname)
        if workspace is None:
            raise domain_model.DoesNotExist(hostname)
        return workspace


def public_on_workspace_host(view):
    """Mark a view as reachable by non-members on a workspace host (it shows no region data)."""
    view.public_on_workspace_host = True
    return view


def is_workspace_host(request) -> bool:
    tenant = getattr(request, "tenant", None)
    return tenant is not None and tenant.schema_name != get_public_schema_name()


class WorkspaceMembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.access = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_workspace_host(request):
            return None
        if getattr(view_func, "public_on_workspace_host", False):
            return None
        view_class = getattr(view_func, "cls", None)
        if view_class is not None and hasattr(view_class, "permission_classes"):
            return None  # a DRF view: its permission class applies the same rule
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        access = workspace_access(user=request.user, workspace=request.tenant)
        if access is None:
            raise Http404("not a member")
        request.access = access
        return None
