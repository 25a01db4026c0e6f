"""The filters of the audit log page (and of its CSV download)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from platform.audit.actions import Action


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Tindakan"), required=False, choices=[("", _("Semua tindakan")), *Action.choices]
    )
    workspace = forms.CharField(
        label=_("Ruang kerja"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("kode 35.74 atau nama")}),
    )
    actor = forms.CharField(label=_("E-mail pelaku"), required=False, max_length=254)
    since = forms.DateField(label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    ip = forms.GenericIPAddressField(label=_("Alamat IP"), required=False)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            raise ValidationError({"until": _("Tanggal akhir sebelum tanggal mulai.")})
        return cleaned
