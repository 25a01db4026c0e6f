"""Published results of past periods, imported by a ministry admin (CSV or XLSX)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from assessments.framework import services
from assessments.framework.forms import HistoryImportForm
from assessments.framework.selectors import Period
from assessments.framework.services import history
from assessments.framework.views.base import AdminView
from platform.forms import add_service_errors


def _page(request, form, status=200):
    """The import form with the columns and codes it accepts, from the import's own tables."""
    codes = history.accepted_codes()
    context = {
        "form": form,
        "required_columns": [(c, history.COLUMN_ALIASES.get(c, ())) for c in history.HISTORY_COLUMNS],
        "rank_aliases": history.COLUMN_ALIASES["rank"],
        "component_aliases": history.PART_ALIASES["component"],
        "dimension_aliases": history.PART_ALIASES["dimension"],
        "component_codes": codes["component"],
        "dimension_codes": codes["dimension"],
    }
    return render(request, "framework/history_import.html", context, status=status)


class HistoryImportView(AdminView):
    def get(self, request):
        return _page(request, HistoryImportForm())

    def post(self, request):
        form = HistoryImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = services.import_published_results(
                    actor=request.user, filename=upload.name, content=upload.read()
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("%(created)s hasil baru, %(updated)s diperbarui.")
                    % {"created": result.created, "updated": result.updated},
                )
                # The ranking of the newest imported period, where the results are now.
                latest = Period(*result.periods[-1])
                return redirect(f"{reverse('assessment-ranking')}?{urlencode({'period': latest.key})}")
        return _page(request, form, status=400)
