"""Sign-in form: e-mail + password."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from platform.accounts.models import User

# The account's column; django-axes records a failed sign-in's e-mail in a 255-character
# column, so a longer one must be refused by the form before it reaches authentication.
EMAIL_MAX_LENGTH = User._meta.get_field("email").max_length


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        "invalid_login": _("E-mail atau kata sandi salah."),
        "inactive": _("Akun ini tidak aktif."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class SecondFactorForm(forms.Form):
    """The second step of sign-in: the authenticator's code or one recovery code."""

    code = forms.CharField(
        label=_("Kode autentikator atau kode pemulihan"),
        max_length=32,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "one-time-code", "spellcheck": "false"}),
    )


class EnrolAuthenticatorForm(forms.Form):
    code = forms.CharField(
        label=_("Kode 6 angka dari aplikasi autentikator"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Masukkan 6 angka yang ditampilkan aplikasi autentikator."))
        return code
