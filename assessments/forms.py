"""Forms of a workspace's assessment pages: a cycle, its answers, evidence and state changes.
The national pages' forms (versions, indicators, history, ranking) are the framework's own."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.framework.models import FrameworkVersion, Stage
from assessments.services import NOTE_REQUIRED


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


class _PageRowMixin:
    """One indicator's row on a component's page: its prefix is the response's pk, the stamp
    of the response as shown travels with it, and the values as shown are kept (hidden) so
    ``edited`` tells what the user changed on the page."""

    VALUE_FIELDS: tuple[str, ...] = ()

    def _setup_row(self):
        self.fields["stamp"] = forms.CharField(widget=forms.HiddenInput)
        for name in self.VALUE_FIELDS:
            self.fields[name].show_hidden_initial = True

    @property
    def edited(self) -> bool:
        return any(name in self.changed_data for name in self.VALUE_FIELDS)

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.VALUE_FIELDS}


class ComponentSelfForm(_PageRowMixin, SelfAssessmentForm):
    VALUE_FIELDS = ("self_score", "evidence_text", "evidence_links")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_row()


class ComponentVerificationForm(_PageRowMixin, VerificationForm):
    """A verified score that differs from the region's self score needs a note."""

    VALUE_FIELDS = ("verified_score", "assessor_notes")

    def __init__(self, *args, self_score=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.self_score = self_score
        self._setup_row()

    def clean(self):
        data = super().clean()
        score = data.get("verified_score")
        if score is not None and score != self.self_score and not data.get("assessor_notes", "").strip():
            self.add_error("assessor_notes", NOTE_REQUIRED)
        return data
