"""Forms of the region's schedule page in its workspace: a preferred week or blackout dates,
and the venue and notes of a proposed workshop. They read input; the services check the
ranges (inverted, overlapping) and who may write."""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from programs.scheduling.models import RegionWish

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WishForm(forms.Form):
    """A preferred week or blackout dates. A preferred week may be given by any one of its days
    (the week from Monday to Sunday is taken); blackout dates without an end are one day."""

    kind = forms.ChoiceField(label=_("jenis"), choices=RegionWish.Kind.choices)
    starts = forms.DateField(label=_("mulai"), widget=DATE)
    ends = forms.DateField(
        label=_("sampai"),
        widget=DATE,
        required=False,
        help_text=_("Kosongkan untuk minggu pilihan (Senin–Minggu dari tanggal mulai) atau satu hari tanpa Bimtek."),
    )
    note = forms.CharField(label=_("keterangan"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and not ends and not self.has_error("ends"):
            if data.get("kind") == RegionWish.Kind.PREFERRED:
                data["starts"] = starts - timedelta(days=starts.weekday())
                data["ends"] = data["starts"] + timedelta(days=6)
            else:
                data["ends"] = starts
        return data


class RegionWorkshopForm(forms.Form):
    """What a region changes on a workshop the ministry has not confirmed yet."""

    venue = forms.CharField(label=_("tempat"), max_length=200, required=False)
    notes = forms.CharField(label=_("catatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
