"""Pages of a workspace host: home and members.

The membership gate has already run (``WorkspaceMembershipMiddleware``): ``request.access``
says who the user is here. Views only check capabilities such as managing members.
"""

from django.contrib import messages
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views import View

from tenants import selectors, services
from tenants.access import view_allows
from tenants.forms import InviteMemberForm
from tenants.models import Membership


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


def _send_invitation(request, membership: Membership, created: bool) -> None:
    user, workspace = membership.user, membership.workspace
    context = {
        "user": user,
        "region": workspace.region,
        "role": membership.get_role_display(),
        "inviter": request.user,
        "workspace_url": request.build_absolute_uri("/"),
        "set_password_url": request.build_absolute_uri(
            reverse(
                "password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
        )
        if created
        else None,
    }
    send_mail(
        subject=_("Undangan ruang kerja Smart City %(region)s") % {"region": workspace.region.name},
        message=render_to_string("tenants/email/invitation.txt", context, request=request),
        from_email=None,
        recipient_list=[user.email],
    )


class MembersView(WorkspaceView):
    def get(self, request):
        return self._render(request, InviteMemberForm())

    def post(self, request):
        if not request.access.can_manage_members:
            raise Http404()
        form = InviteMemberForm(request.POST)
        if form.is_valid():
            try:
                membership, created = services.add_member(
                    workspace=request.tenant,
                    email=form.cleaned_data["email"],
                    full_name=form.cleaned_data["full_name"],
                    role=form.cleaned_data["role"],
                    valid_from=form.cleaned_data["valid_from"],
                    valid_until=form.cleaned_data["valid_until"],
                    invited_by=request.user,
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                _send_invitation(request, membership, created)
                messages.success(request, _("%(email)s diundang.") % {"email": membership.user.email})
                return redirect("members")
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        return render(
            request,
            "tenants/members.html",
            {"members": selectors.members_of(workspace=request.tenant), "form": form},
            status=status,
        )


class MemberRemoveView(WorkspaceView):
    capability = "can_manage_members"

    def post(self, request, pk):
        membership = get_object_or_404(Membership, pk=pk, workspace=request.tenant)
        if membership.user_id == request.user.id:
            messages.error(request, _("Anda tidak dapat mengeluarkan diri sendiri."))
            return redirect("members")
        services.remove_member(membership=membership)
        messages.success(request, _("%(email)s dikeluarkan dari ruang kerja.") % {"email": membership.user.email})
        return redirect("members")
