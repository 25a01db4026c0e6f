"""Comments on the masterplan's sections and programs, and the notifications they send."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from platform.forms import flash_service_errors
from platform.urls_safety import safe_next
from programs import access, selectors, services
from programs.forms import CommentForm
from programs.views.base import actor_of
from tenants.views_workspace import WorkspaceView


class CommentCreateView(WorkspaceView):
    capability = "can_comment"

    def post(self, request):
        form = CommentForm(request.POST)
        back = safe_next(request, reverse("masterplan"))
        if not form.is_valid():
            messages.error(request, _("Komentar kosong atau tidak valid; tidak ada yang disimpan."))
            return redirect(back)
        actor = actor_of(request)
        program = None
        if form.cleaned_data.get("program"):
            program = access.access_program(actor, form.cleaned_data["program"])
        try:
            comment = services.add_comment(
                actor=actor,
                section=form.cleaned_data["section"],
                body=form.cleaned_data["body"],
                program=program,
                url=back,
            )
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(request, _("Komentar dikirim."))
            # The page opens on the new comment.
            return redirect(f"{back.split('#', 1)[0]}#comment-{comment.pk}")
        return redirect(back)


class CommentResolveView(WorkspaceView):
    capability = "can_comment"

    def post(self, request, comment_pk):
        actor = actor_of(request)
        comment = access.access_comment_for_resolve(actor, comment_pk)
        services.resolve_comment(actor=actor, comment=comment)
        messages.success(request, _("Komentar ditandai selesai."))
        return redirect(safe_next(request, reverse("masterplan")))


class NotificationListView(WorkspaceView):
    def get(self, request):
        return render(
            request,
            "programs/notifications.html",
            {"notifications": selectors.notifications_of(user=request.user)[:100]},
        )

    def post(self, request):
        services.mark_notifications_read(actor=actor_of(request))
        return redirect("notifications")


class NotificationCountView(WorkspaceView):
    """The unread count for the navigation bar (loaded by htmx after the page)."""

    def get(self, request):
        count = selectors.unread_count(user=request.user)
        return render(request, "programs/_notification_count.html", {"count": count})
