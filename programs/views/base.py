"""What the masterplan pages share: the actor of a request, the comments of a page, a private
download, and the bases of the pages that change masterplan content (only while it is a
draft; the ones without a version number guarded against lost updates by a fingerprint).

The membership gate has already run; views declare a ``capability`` of ``request.access``
and check object rules through ``programs.rules``. Writes go through ``programs.services``;
a refused write (stale version, read-only masterplan, missing right) gives a clear message
and keeps what the user typed.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy

from platform.forms import add_service_errors, flash_service_errors
from programs import rules, selectors, services
from programs.forms import CommentForm
from tenants.views_workspace import WorkspaceView


def actor_of(request) -> rules.Actor:
    return rules.Actor(user=request.user, access=request.access)


def comment_context(request, *, section: str = "", program=None) -> dict:
    return {
        "comments": list(selectors.comments_on(section=section, program=program)),
        "comment_form": CommentForm(
            initial={"section": section or "program", "program": program.pk if program else None}
        ),
        "comment_next": request.get_full_path(),
    }


def private_download(handle, *, filename: str, content_type: str) -> FileResponse:
    """A stored file served as an attachment that neither the browser sniffs nor a cache keeps."""
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def flash_refusal(request, exc: PermissionDenied | ValidationError) -> None:
    """A refused action as error messages: a service's ``ValidationError`` message by message,
    the reason of a ``PermissionDenied``."""
    if isinstance(exc, ValidationError):
        flash_service_errors(request, exc)
    else:
        messages.error(request, str(exc))


def run_action(request, action, *, success: str) -> bool:
    """Run ``action()``, a service call of a page without a form: flash ``success``, or the
    refusal (``flash_refusal``). Whether it was done."""
    try:
        action()
    except (PermissionDenied, ValidationError) as exc:
        flash_refusal(request, exc)
        return False
    messages.success(request, success)
    return True


def save_form(request, form, save, *, success: str) -> bool:
    """Validate ``form`` and run ``save(cleaned_data)``, a service call: flash ``success``, or put
    the service's refusal on the form (``add_service_errors``). Whether it was saved."""
    if not form.is_valid():
        return False
    try:
        save(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    messages.success(request, success)
    return True


class DraftOnlyView(WorkspaceView):
    """A page that changes masterplan content, which only a draft allows: while the masterplan
    is not a draft, whoever holds ``capability`` is sent to ``read_url`` with ``read_only_message``
    (the others get the 404 of the capability check)."""

    capability = "can_edit_masterplan"
    read_url = "masterplan"
    read_only_message = gettext_lazy("Masterplan sedang tidak dalam status draf: isinya hanya dapat dibaca.")

    def dispatch(self, request, *args, **kwargs):
        if request.access.can(self.capability) and not selectors.masterplan().is_editable:
            messages.warning(request, self.read_only_message)
            return redirect(self.read_url)
        return super().dispatch(request, *args, **kwargs)


class MasterplanContentEditView(DraftOnlyView):
    """An edit page of masterplan content: region admins only, and only while it is a draft.

    Pages without a version number of their own (readiness, SWOT, strategies) send the
    fingerprint of the content they showed (``programs.selectors``) with the form as ``base``;
    the service compares it with the stored content under its lock, so a save over someone
    else's is refused (409) and the page shows the input again.
    """

    @staticmethod
    def submitted_base(request) -> str:
        """The fingerprint the form was opened with: what a refused POST shows again, so that a
        corrected resubmission is still checked against the content the user started from."""
        return request.POST.get("base", "")

    def guarded_save(self, request, save, report) -> tuple[int | None, str]:
        """Run ``save(expected)``, the service call given the fingerprint the form was opened
        with. ``(None, base)`` when saved; otherwise, after telling ``report`` why (a
        ``ValidationError``), the status to answer with (409 stale, 400 refused) and the ``base``
        to show again: on 409 the fingerprint of what the other person saved, else the submitted
        one (never the stored one, which would let the next submission overwrite a change the
        user has not seen)."""
        base = self.submitted_base(request)
        try:
            save(base)
        except services.StaleContentError as exc:
            report(ValidationError(exc.message))
            return 409, exc.current_fingerprint
        except ValidationError as exc:
            report(exc)
            return 400, base
        return None, base
