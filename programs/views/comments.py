"""Comments on the masterplan's sections and programs, and the notifications they send."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from programs import selectors, services
from programs.forms import CommentForm
from programs.models import Comment, Program
from programs.views.base import actor_of
from tenants.views_workspace import WorkspaceView


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else fallback


class CommentCreateView(WorkspaceView):
    capability = "can_comment"

    def post(self, request):
        form = CommentForm(request.POST)
        back = _safe_next(request, reverse("masterplan"))
        if not form.is_valid():
            messages.error(request, _("Komentar kosong atau tidak valid; tidak ada yang disimpan."))
            return redirect(back)
        program = None
        if form.cleaned_data.get("program"):
            program = get_object_or_404(Program, pk=form.cleaned_data["program"])
        try:
            with transaction.atomic():
                services.add_comment(
                    actor=actor_of(request),
                    section=form.cleaned_data["section"],
                    body=form.cleaned_data["body"],
                    program=program,
                    url=back,
                )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Komentar dikirim."))
        return redirect(back)


class CommentResolveView(WorkspaceView):
    capability = "can_comment"

    def post(self, request, comment_pk):
        comment = get_object_or_404(Comment, pk=comment_pk)
        try:
            services.resolve_comment(actor=actor_of(request), comment=comment)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Komentar ditandai selesai."))
        return redirect(_safe_next(request, reverse("masterplan")))


class NotificationListView(WorkspaceView):
    def get(self, request):
        return render(
            request,
            "programs/notifications.html",
            {"notifications": selectors.notifications_of(user=request.user)[:100]},
        )

    def post(self, request):
        services.mark_notifications_read(user=request.user)
        return redirect("notifications")


class NotificationCountView(WorkspaceView):
    """The unread count for the navigation bar (loaded by htmx after the page)."""

    def get(self, request):
        count = selectors.unread_count(user=request.user)
        return HttpResponse(f'<span class="badge warn">{count}</span>' if count else "")
