"""A program's saved versions: the list, two compared side by side, one restored."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from platform.accounts.models import User
from programs import access, rules, selectors, services
from programs.forms import format_targets
from programs.models import Dimension, FundingSource, Opd, Program, ProgramRevision, SubDimension
from programs.views.base import actor_of, flash_refusal
from tenants.views_workspace import WorkspaceView


class ProgramHistoryView(WorkspaceView):
    """The program's saved versions; ``?a=&b=`` compares two side by side."""

    def get(self, request, program_pk):
        program = access.access_program(actor_of(request), program_pk)
        revisions = list(program.revisions.select_related("saved_by"))
        by_version = {r.version: r for r in revisions}
        compare = None
        try:
            a, b = int(request.GET.get("a", "")), int(request.GET.get("b", ""))
        except ValueError:
            a = b = None
        if a in by_version and b in by_version:
            compare = compare_revisions(by_version[a], by_version[b])
        masterplan = selectors.masterplan()
        return render(
            request,
            "programs/program_history.html",
            {
                "program": program,
                "revisions": revisions,
                "compare": compare,
                "a": by_version.get(a),
                "b": by_version.get(b),
                "can_restore": masterplan.is_editable and rules.can_edit_program(actor_of(request), program),
                "history": _with_users(list(program.history.all()[:50])),
            },
        )


def _with_users(records: list) -> list[tuple]:
    """``(record, user)`` pairs, the users fetched in one query."""
    users = User.objects.in_bulk({r.history_user_id for r in records if r.history_user_id})
    return [(r, users.get(r.history_user_id)) for r in records]


def compare_revisions(a: ProgramRevision, b: ProgramRevision) -> list[tuple[str, str, str, bool]]:
    """Rows ``(label, value in a, value in b, differs)`` of two saved versions."""
    labels = {f.name: str(f.verbose_name) for f in Program._meta.get_fields() if hasattr(f, "verbose_name")}
    names = {
        "dimension": dict(Dimension.objects.values_list("pk", "name")),
        "lead_opd": dict(Opd.objects.values_list("pk", "acronym")),
        "sub_dimension": dict(SubDimension.objects.values_list("pk", "name")),
    }
    sources = dict(FundingSource.objects.values_list("pk", "name"))

    def show(field, value):
        if field in names:
            return names[field].get(value, str(value))
        if field == "partner_opds":
            return ", ".join(names["lead_opd"].get(v, str(v)) for v in value)
        if field == "indicators":
            return "\n".join(
                f"{i['name']} ({i['unit']}): {i['baseline'] or '–'} → {format_targets(i['targets'])}" for i in value
            )
        if field == "funding":
            return "\n".join(f"{sources.get(f['source'], f['source'])} {f['year']}: Rp {f['amount']}" for f in value)
        if field == "milestones":
            return "\n".join(f"{m['year']} T{m['quarter'] or '-'}: {m['title']} ({m['progress']}%)" for m in value)
        if isinstance(value, bool):
            return _("ya") if value else _("tidak")
        return "" if value is None else str(value)

    rows = []
    for field in (*services.PROGRAM_FIELDS, "partner_opds", "indicators", "funding", "milestones"):
        va, vb = show(field, a.data.get(field)), show(field, b.data.get(field))
        label = labels.get(
            field,
            {"indicators": _("indikator"), "funding": _("pembiayaan"), "milestones": _("tahapan")}.get(field, field),
        )
        rows.append((label, va, vb, va != vb))
    return rows


class ProgramRestoreView(WorkspaceView):
    capability = "can_edit_programs"

    def post(self, request, program_pk, revision_pk):
        actor = actor_of(request)
        program, revision = access.access_revision_for_restore(actor, program_pk, revision_pk)
        try:
            expected = int(request.POST.get("version", ""))
        except ValueError:
            expected = -1
        try:
            services.restore_program_revision(
                actor=actor, program=program, revision=revision, expected_version=expected
            )
        except services.StaleVersionError as exc:
            messages.error(request, exc.message)
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(
                request, _("Versi %(version)s dipulihkan sebagai versi terbaru.") % {"version": revision.version}
            )
            return redirect("program-detail", program_pk=program.pk)
        return redirect("program-history", program_pk=program.pk)
