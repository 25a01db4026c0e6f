"""Forms of the showcase's admin pages: the event and its layout settings, a stage, a
presenting region, and a hand move of a slot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from showcase.models import Showcase, Stage
from showcase.services.events import EDITABLE
from tenants.models import Cohort


class ShowcaseForm(forms.ModelForm):
    """The event's settings; on creation also its cohort and the names of its stages."""

    stage_names = forms.CharField(
        label=_("Panggung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu nama per baris; kosong: satu Panggung Utama."),
    )

    class Meta:
        model = Showcase
        fields = ["cohort", *EDITABLE]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "day_starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "day_ends_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "submission_deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.order_by("-year")
        if not creating:
            del self.fields["cohort"]
            del self.fields["stage_names"]

    def validate_unique(self):
        """The service checks the address (and says so in the same words for the API)."""

    def _post_clean(self):
        """The service validates the instance (model checks and the event's rules) once."""

    def settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE if name in self.cleaned_data}

    def stage_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("stage_names", "").splitlines() if line.strip()]


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["name"]

    def _post_clean(self):
        """The service checks the name against the showcase's other stages."""


class PresenterForm(forms.Form):
    region = forms.CharField(
        label=_("Kode wilayah"), max_length=5, help_text=_("Kode Kemendagri, mis. 35.74."), strip=True
    )


class MoveForm(forms.Form):
    """A slot one place up or down, or to a stage (and a position there, 1-based)."""

    direction = forms.ChoiceField(
        choices=[("", "–"), ("up", _("naik")), ("down", _("turun"))], required=False, label=_("arah")
    )
    stage = forms.ModelChoiceField(queryset=Stage.objects.none(), required=False, label=_("panggung"))
    position = forms.IntegerField(min_value=1, max_value=10_000, required=False, label=_("urutan"))

    def __init__(self, *args, showcase: Showcase, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = showcase.stages.all()

    def clean(self):
        data = super().clean()
        if not data.get("direction") and data.get("stage") is None:
            raise forms.ValidationError(_("Pilih naik/turun atau panggung tujuan."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        position = data.get("position")
        return {
            "direction": data.get("direction") or "",
            "stage": data.get("stage"),
            "position": position - 1 if position else None,
        }
