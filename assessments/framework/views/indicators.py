"""The questions of a version no cycle uses yet: added, changed and deleted by ministry admins."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.framework import services
from assessments.framework.forms import IndicatorForm
from assessments.framework.views.base import AdminView, access_indicator, access_version
from assessments.framework.views.versions import refuse_frozen
from platform.forms import add_service_errors, flash_service_errors


def _initial(indicator) -> dict:
    if indicator is None:
        return {"weight": "1", "levels": IndicatorForm.levels_text(services.STANDARD_LEVELS)}
    return {
        "code": indicator.code,
        "component": indicator.component_id,
        "subdimension": indicator.subdimension_id,
        "question": indicator.question,
        "weight": str(indicator.weight.normalize()).replace(".", ","),
        "levels": IndicatorForm.levels_text(indicator.levels),
    }


class IndicatorEditView(AdminView):
    """Add (no ``indicator_pk``) or change a question of a version no cycle uses yet."""

    def get(self, request, version_pk, indicator_pk=None):
        version = access_version(version_pk)
        if refused := refuse_frozen(request, version):
            return refused
        indicator = access_indicator(version, indicator_pk)
        form = IndicatorForm(version=version, indicator=indicator, initial=_initial(indicator))
        return self._render(request, version, indicator, form)

    def post(self, request, version_pk, indicator_pk=None):
        version = access_version(version_pk)
        indicator = access_indicator(version, indicator_pk)
        form = IndicatorForm(request.POST, version=version, indicator=indicator)
        if form.is_valid():
            try:
                saved = services.save_indicator(
                    actor=request.user, version=version, indicator=indicator, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Indikator %(code)s disimpan.") % {"code": saved.code})
                return redirect(f"{reverse('framework-detail', args=[version.pk])}#indikator-{saved.pk}")
        # The page shows the version and the indicator as stored, not as the refused input left them.
        version = access_version(version_pk)
        if refused := refuse_frozen(request, version):
            return refused
        return self._render(request, version, access_indicator(version, indicator_pk), form, status=400)

    @staticmethod
    def _render(request, version, indicator, form, status=200):
        context = {"version": version, "indicator": indicator, "form": form}
        return render(request, "framework/indicator_form.html", context, status=status)


class IndicatorDeleteView(AdminView):
    def post(self, request, version_pk, indicator_pk):
        version = access_version(version_pk)
        indicator = access_indicator(version, indicator_pk)
        try:
            services.delete_indicator(actor=request.user, version=version, indicator=indicator)
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(request, _("Indikator %(code)s dihapus.") % {"code": indicator.code})
        return redirect("framework-detail", version_pk=version.pk)
