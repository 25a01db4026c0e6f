"""Forms of the deck pages: asking for a build, and the template editor (colours, logo, the
optional slides shown and their order, font sizes)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from showcase.decks.models import REQUIRED_SLIDES, SLIDE_KINDS, DeckTemplate

OPTIONAL_SLIDES = [kind for kind in SLIDE_KINDS if kind not in REQUIRED_SLIDES]


class BuildForm(forms.Form):
    region = forms.RegexField(regex=r"^\d{2}\.\d{2}$", required=False)


class TemplateForm(forms.ModelForm):
    logo_file = forms.FileField(label=_("Logo kementerian (PNG/JPEG, maks. 2 MB)"), required=False)
    remove_logo = forms.BooleanField(label=_("Hapus logo"), required=False)

    class Meta:
        model = DeckTemplate
        fields = [
            "name",
            "primary_colour",
            "accent_colour",
            "text_colour",
            "background_colour",
            "title_size",
            "body_size",
        ]
        widgets = {
            name: forms.TextInput(attrs={"type": "color"})
            for name in ("primary_colour", "accent_colour", "text_colour", "background_colour")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        order = list(self.instance.slide_order or SLIDE_KINDS)
        self.slide_fields = []
        for position, kind in enumerate(OPTIONAL_SLIDES, start=1):
            shown = kind in order
            self.fields[f"show_{kind}"] = forms.BooleanField(label=SLIDE_KINDS[kind], required=False, initial=shown)
            self.fields[f"position_{kind}"] = forms.IntegerField(
                label=_("Urutan"),
                min_value=1,
                max_value=len(OPTIONAL_SLIDES),
                initial=order.index(kind) if shown else position,
            )
            self.slide_fields.append((self[f"show_{kind}"], self[f"position_{kind}"]))

    def _post_clean(self):
        """The service validates the template (model checks) once."""

    def slide_order(self) -> list[str]:
        shown = [kind for kind in OPTIONAL_SLIDES if self.cleaned_data.get(f"show_{kind}")]
        shown.sort(key=lambda kind: (self.cleaned_data[f"position_{kind}"], OPTIONAL_SLIDES.index(kind)))
        return ["title", *shown, "closing"]

    def changes(self) -> dict:
        return {**{name: self.cleaned_data[name] for name in self.Meta.fields}, "slide_order": self.slide_order()}
