"""Forms of the national masterplan pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programs.national.models import MasterplanFigures


class MasterplanOverviewFilterForm(forms.Form):
    """Filters of the national masterplan overview (choices set from the registry)."""

    cohort = forms.TypedChoiceField(label=_("Angkatan"), required=False, coerce=int, empty_value=None)
    province = forms.ChoiceField(label=_("Provinsi"), required=False)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", _("Semua")), ("kabupaten", _("Kabupaten")), ("kota", _("Kota"))]
    )
    status = forms.ChoiceField(label=_("Status masterplan"), required=False)
    sort = forms.CharField(required=False)
    desc = forms.CharField(required=False)

    def __init__(self, *args, cohorts, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("Semua"))] + [(c, str(c)) for c in cohorts]
        self.fields["province"].choices = [("", _("Semua"))] + [(p.code, p.name) for p in provinces]
        self.fields["status"].choices = [("", _("Semua"))] + list(MasterplanFigures.Status.choices)
