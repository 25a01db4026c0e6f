"""Published results of past periods, imported by a ministry admin (CSV or XLSX)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from assessments.framework import services
from assessments.framework.forms import HistoryImportForm
from assessments.framework.views.base import AdminView
from platform.forms import add_service_errors


class HistoryImportView(AdminView):
    def get(self, request):
        return render(request, "framework/history_import.html", {"form": HistoryImportForm()})

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
                return redirect("assessment-ranking")
        return render(request, "framework/history_import.html", {"form": form}, status=400)
