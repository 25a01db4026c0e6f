"""Forms of a workspace's assessment pages: a cycle, its answers, evidence and state changes.
The national pages' forms (versions, indicators, history, ranking) are the framework's own."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.framework.models import FrameworkVersion, Stage


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
