"""The form of the region's showcase entry; its rules are ``entry_rules`` (the service applies
them too)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from platform import formats as local_formats
from showcase.regional import entry_rules
from showcase.regional.models import PITCH_MAX_CHARS


class QuickWinChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.dimension.name})"


class EntryForm(forms.Form):
    featured = QuickWinChoice(
        label=_("Quick win unggulan"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    show_vision = forms.BooleanField(label=_("Tampilkan visi masterplan"), required=False)
    presenter_name = forms.CharField(label=_("Nama penyaji"), max_length=150, required=False)
    presenter_title = forms.CharField(label=_("Jabatan penyaji"), max_length=150, required=False)
    pitch = forms.CharField(
        label=_("Paparan singkat (satu paragraf)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": PITCH_MAX_CHARS}),
        help_text=_("Paling banyak %(max)s karakter.") % {"max": PITCH_MAX_CHARS},
    )
    logo = forms.FileField(
        label=_("Logo"), required=False, widget=forms.FileInput(attrs={"accept": entry_rules.ACCEPT})
    )
    remove_logo = forms.BooleanField(label=_("Hapus logo"), required=False)
    photo = forms.FileField(
        label=_("Tambah foto"), required=False, widget=forms.FileInput(attrs={"accept": entry_rules.ACCEPT})
    )
    photo_caption = forms.CharField(label=_("Keterangan foto"), max_length=200, required=False)
    remove_photos = forms.MultipleChoiceField(
        label=_("Hapus foto"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, showcase, quick_wins, photos=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.showcase = showcase
        self.fields["featured"].queryset = quick_wins
        self.fields["featured"].help_text = _("Pilih paling banyak %(max)s.") % {"max": showcase.max_quick_wins}
        self.fields["remove_photos"].choices = [(str(p.pk), p.caption or p.image.name) for p in photos]
        max_mb = local_formats.number(entry_rules.max_image_mb())
        help_text = _("JPEG atau PNG, paling besar %(mb)s MB.") % {"mb": max_mb}
        self.fields["logo"].help_text = self.fields["photo"].help_text = help_text

    def clean_featured(self):
        featured = self.cleaned_data["featured"]
        entry_rules.check_featured(featured, max_quick_wins=self.showcase.max_quick_wins, field=None)
        return featured

    def clean_pitch(self):
        return entry_rules.check_pitch(self.cleaned_data["pitch"], field=None)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo:
            entry_rules.check_image(logo, field=None)
        return logo

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            entry_rules.check_image(photo, field=None)
        return photo
