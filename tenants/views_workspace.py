"""Pages of a workspace host: home and members.

The membership gate has already run (``WorkspaceMembershipMiddleware``): ``request.access``
says who the user is here. Views only check capabilities such as managing members.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from platform.context_processors import site_url
from platform.forms import add_service_errors, flash_service_errors
from tenants import selectors, services
from tenants.access import Actor, access_membership_for_edit, view_allows
from tenants.forms import InviteMemberForm


class WorkspaceView(View):
    """Base of workspace pages: ``capability`` (every method) and ``write_capability`` (POST…)
    name capabilities (``tenants.access``); checked like the API's, refused with 404."""

    capability: str | None = None
    write_capability: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if not view_allows(self, request.access, request.method):
            raise Http404()
        return super().dispatch(request, *args, **kwargs)


class WorkspaceHomeView(WorkspaceView):
    def get(self, request):
        workspace = request.tenant
        # The apps' parts of the home come as panels (``tenants.panels``).
        return render(
            request,
            "tenants/workspace_home.html",
            {"region": workspace.region, "members": selectors.current_members_of(workspace=workspace)},
        )


def actor_of(request) -> Actor:
    return Actor(user=request.user, access=request.access)


class MembersView(WorkspaceView):
    write_capability = "can_manage_members"

    def get(self, request):
        return self._render(request, InviteMemberForm(can_appoint_facilitators=request.access.can_appoint_facilitators))

    def post(self, request):
        form = InviteMemberForm(request.POST, can_appoint_facilitators=request.access.can_appoint_facilitators)
        if form.is_valid():
            warning = form.ended_period_warning()
            if warning:  # asked to confirm, nothing saved yet
                return self._render(request, form, period_warning=warning)
            try:
                membership, _created = services.invite_member(
                    actor=actor_of(request),
                    workspace=request.tenant,
                    workspace_url=site_url(request),
                    **form.member(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("%(email)s diundang.") % {"email": membership.user.email})
                return redirect("members")
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200, period_warning=""):
        return render(
            request,
            "tenants/members.html",
            {"members": selectors.members_of(workspace=request.tenant), "form": form, "period_warning": period_warning},
            status=status,
        )


class MemberRemoveView(WorkspaceView):
    capability = "can_manage_members"

    def post(self, request, pk):
        actor = actor_of(request)
        membership = access_membership_for_edit(actor=actor, workspace=request.tenant, pk=pk)
        try:
            services.remove_member(actor=actor, membership=membership)
        except ValidationError as exc:
            flash_service_errors(request, exc)
            return redirect("members")
        messages.success(request, _("%(email)s dikeluarkan dari ruang kerja.") % {"email": membership.user.email})
        return redirect("members")
