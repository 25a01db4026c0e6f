"""The operator's form: one action on a stage, with the revision of the state it was shown."""

from django import forms
from django.utils.translation import gettext_lazy as _

from showcase.live.services import ACTIONS


class ActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(a, a) for a in ACTIONS], error_messages={"invalid_choice": _("Tindakan tidak dikenal.")}
    )
    revision = forms.IntegerField(min_value=0, error_messages={"required": _("Revisi keadaan tidak ada.")})
    text = forms.CharField(label=_("Pesan untuk penyaji"), max_length=300, required=False)
    count = forms.IntegerField(label=_("Jumlah paparan"), min_value=1, max_value=20, required=False)
