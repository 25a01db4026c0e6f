"""What the masterplan pages share: the actor of a request, the comments of a page, and the
base of the pages that edit masterplan content (draft only, guarded against lost updates).

The membership gate has already run; views declare a ``capability`` of ``request.access``
and check object rules through ``programs.rules``. Writes go through ``programs.services``;
a refused write (stale version, read-only masterplan, missing right) gives a clear message
and keeps what the user typed.
"""

import hashlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs import rules, selectors
from programs.forms import CommentForm
from tenants.views_workspace import WorkspaceView


def actor_of(request) -> rules.Actor:
    return rules.Actor(user=request.user, access=request.access)


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def comment_context(request, *, section: str = "", program=None) -> dict:
    return {
        "comments": list(selectors.comments_on(section=section, program=program)),
        "comment_form": CommentForm(
            initial={"section": section or "program", "program": program.pk if program else None}
        ),
        "comment_next": request.get_full_path(),
    }


class MasterplanContentEditView(WorkspaceView):
    """An edit page of masterplan content: region admins only, and only while it is a draft.

    Pages without a version number of their own (readiness, SWOT, strategies) guard against
    lost updates with a fingerprint of the stored content, sent with the form as ``base``:
    if someone saved in between, the save is refused with 409 and the input is kept.
    """

    capability = "can_edit_masterplan"
    read_url = "masterplan"
    STALE = gettext_lazy(
        "Isi ini diubah orang lain sejak Anda membukanya, jadi tidak disimpan. Isian Anda masih di bawah: "
        "buka halaman ini di tab baru untuk melihat versi terbaru, lalu gabungkan."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.access.can_edit_masterplan and not selectors.masterplan().is_editable:
            messages.warning(request, _("Masterplan sedang tidak dalam status draf: isinya hanya dapat dibaca."))
            return redirect(self.read_url)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def fingerprint(*values) -> str:
        return hashlib.sha256(repr(values).encode()).hexdigest()[:32]

    def is_stale(self, request, current: str) -> bool:
        return request.POST.get("base", "") != current

    def guarded_save(self, request, base: str, save, report) -> int | None:
        """Run ``save()`` unless the content changed since the form was opened. ``None`` when
        saved; otherwise the status to answer with (409 stale, 400 refused), after telling
        ``report`` why (a list of messages)."""
        if self.is_stale(request, base):
            report([str(self.STALE)])
            return 409
        try:
            save()
        except ValidationError as exc:
            report(exc.messages)
            return 400
        return None
