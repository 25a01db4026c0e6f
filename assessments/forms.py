"""Forms of the assessments pages (workspace and national)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.framework.models import FrameworkVersion, MasterplanFigures, Stage


class CycleStartForm(forms.Form):
    framework_version = forms.ModelChoiceField(
        label=_("Versi kerangka"), queryset=FrameworkVersion.objects.order_by("-year", "code")
    )
    year = forms.IntegerField(label=_("Tahun"), min_value=2017, max_value=2100)
    stage = forms.TypedChoiceField(label=_("Tahap"), choices=Stage.choices, coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
        self.fields["year"].localize = False
        self.fields["year"].widget.is_localized = False


class SelfAssessmentForm(forms.Form):
    self_score = forms.DecimalField(
        label=_("Skor mandiri"),
        required=False,
        max_digits=6,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    evidence_text = forms.CharField(
        label=_("Data dukung (uraian)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence_links = forms.CharField(
        label=_("Tautan data dukung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu tautan http(s) per baris."),
    )


class VerificationForm(forms.Form):
    verified_score = forms.DecimalField(
        label=_("Skor verifikasi"),
        required=False,
        max_digits=6,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    assessor_notes = forms.CharField(
        label=_("Catatan asesor"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas data dukung"), help_text=_("PDF, gambar (PNG/JPG) atau dokumen Office; maksimum 10 MB.")
    )


class StateChangeForm(forms.Form):
    action = forms.CharField()
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FrameworkImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas kerangka (YAML)"))


class FrameworkCopyForm(forms.Form):
    code = forms.SlugField(label=_("Kode versi baru"), max_length=40)
    name = forms.CharField(label=_("Nama versi baru"), max_length=200)
    year = forms.IntegerField(label=_("Tahun pedoman"), min_value=2017, max_value=2100)


class HistoryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas hasil resmi (CSV atau XLSX)"),
        help_text=_(
            "Kolom: region_code, year, stage, overall, rank (opsional), component:<kode>, dimension:<kode>. "
            "Desimal boleh dengan koma (3,17)."
        ),
    )


class RankingFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Periode"), required=False)
    cohort = forms.TypedChoiceField(label=_("Angkatan"), required=False, coerce=int, empty_value=None)
    province = forms.ChoiceField(label=_("Provinsi"), required=False)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", _("Semua")), ("kabupaten", _("Kabupaten")), ("kota", _("Kota"))]
    )
    stage = forms.TypedChoiceField(
        label=_("Tahap"), required=False, coerce=int, empty_value=None, choices=[("", _("Semua"))] + list(Stage.choices)
    )
    sort = forms.CharField(required=False)
    desc = forms.CharField(required=False)

    def __init__(self, *args, periods, cohorts, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.key, p.label) for p in periods]
        self.fields["cohort"].choices = [("", _("Semua"))] + [(c, str(c)) for c in cohorts]
        self.fields["province"].choices = [("", _("Semua"))] + [(p.code, p.name) for p in provinces]


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
