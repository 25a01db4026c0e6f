"""The ministry's page of the regions' submissions to a showcase, on the apex:
``/showcase/kelola/<slug>/kiriman/``.

Ministry staff read it: every presenting region with its submission (or none), the counts,
the deadline and the time left, a filter, and a CSV/XLSX export of the same columns.
Ministry admins also send a reminder to the region admins of the regions that have not
submitted (``reminders``). Everyone else gets what ``NationalView`` gives: sign in, or 404.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from platform import exports
from platform.forms import flash_service_errors
from showcase import rules
from showcase.access import access_showcase
from showcase.profiles import overview, reminders
from tenants.models import Region
from tenants.views_national import NationalView


class SubmissionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Tampilkan"),
        required=False,
        choices=[("", gettext_lazy("Semua daerah")), *overview.STATUS_CHOICES],
    )


def export_header() -> list[str]:
    """The export's headers in the reader's language (called while the request's is active)."""
    label = exports.field_label
    return [
        label(Region, "code"), capfirst(str(Region._meta.verbose_name)), label(Region, "province"), _("Status"),
        _("Waktu kirim"), _("Revisi"), _("Data diambil"), _("Yang belum ada"), _("Profil publik"), _("Ruang kerja"),
    ]  # fmt: skip


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def export_rows(request, showcase, rows) -> list[list]:
    table = []
    for row in rows:
        submission = row.submission
        profile = overview.profile_path(showcase, row)
        table.append(
            [
                row.code,
                row.region.name,
                row.region.province.name,
                _("Terkirim") if row.is_submitted else _("Belum mengirim"),
                _local(submission.submitted_at) if submission else "",
                submission.revision if submission else None,
                _local(submission.data_taken_at) if submission else "",
                "; ".join(row.missing_labels),
                request.build_absolute_uri(profile) if profile else "",
                overview.entry_url(showcase, row),
            ]
        )
    return table


class SubmissionsView(NationalView):
    """Queries: the session's user, the showcase, the presenting regions (with region and
    province), the submissions and the workspaces' domains: the same for 5 or 500 regions."""

    rule = staticmethod(rules.can_view_showcase)

    def get(self, request, slug):
        showcase = access_showcase(slug)
        form = SubmissionFilterForm(request.GET or None)
        status = form.cleaned_data.get("status", "") if form.is_valid() else ""
        every = overview.submission_rows(showcase)
        rows = [row for row in every if row.matches(status)]
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            table = export_rows(request, showcase, rows)
            name = f"kiriman-{showcase.slug}" + (f"-{status}" if status else "")
            return exports.table_response(filename=name, header=export_header(), rows=table, fmt=fmt)
        for row in rows:
            row.profile_url = overview.profile_path(showcase, row)
            row.entry_url = overview.entry_link(showcase, row)
        context = {
            "showcase": showcase,
            "form": form,
            "status": status,
            "rows": rows,
            "counts": overview.counts(every),
            "time_left": overview.time_left(showcase.submission_deadline),
            "is_past_deadline": overview.is_past_deadline(showcase),
            "can_remind": rules.can_manage_showcase(request.user),
            "export_query": f"status={status}&" if status else "",
        }
        return render(request, "showcase_profiles/national/submissions.html", context)


class ReminderView(NationalView):
    """Send the reminder e-mails (after commit, by the worker) and come back to the page."""

    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug):
        showcase = access_showcase(slug)
        try:
            count = reminders.request_reminders(actor=request.user, showcase=showcase)
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(
                request,
                ngettext(
                    "Pengingat sedang dikirim ke admin %(n)d daerah yang belum mengirim.",
                    "Pengingat sedang dikirim ke admin %(n)d daerah yang belum mengirim.",
                    count,
                )
                % {"n": count},
            )
        return redirect("showcase-submissions", slug=showcase.slug)
