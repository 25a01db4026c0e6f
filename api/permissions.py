"""The API's single permission gate, the same rule as the page middleware.

On a workspace host: the caller needs current access to that workspace
(``tenants.selectors.workspace_access``), else 404; then the view's ``capability`` (every
method) and ``write_capability`` (writes; a view without one takes none) are checked by
``tenants.access.view_allows``, the same check as the pages': a member refused gets 404 from
both. On the apex host: the caller must be signed in and pass the view's ``rule`` (the same
predicate as the page's), else 404; writes need a ministry admin. Anonymous callers get
401/403.
"""

from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS, BasePermission

from tenants.access import view_allows
from tenants.middleware import is_workspace_host
from tenants.selectors import workspace_access


class HostAccessPermission(BasePermission):
    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if is_workspace_host(request):
            access = workspace_access(user=user, workspace=request.tenant)
            if access is None:
                raise NotFound()
            request.access = access
            if not view_allows(view, access, request.method, writes_need_capability=True):
                raise NotFound()
            return True
        # The apex: the view's ``rule`` (a predicate on the user, like the pages' ``NationalView``)
        # lets in whom it names, others get 404; writes need a ministry admin.
        rule = getattr(view, "rule", None)
        if rule is not None and not rule(user):
            raise NotFound()
        return request.method in SAFE_METHODS or user.is_ministry_admin
