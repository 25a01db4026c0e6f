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
