"""Token authentication that cannot bypass the second factor.

A token is a password that never asks for the second code, so it authenticates only people
who sign in without one: the token of ministry staff, or of anyone who has enrolled an
authenticator, is refused with 403 and a message saying why. They use the API from their
verified session (the session authentication passes the same second-factor gate as pages).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import PermissionDenied

from platform.accounts.two_factor import requires_second_factor


class SecondFactorTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if requires_second_factor(user):
            raise PermissionDenied(
                _(
                    "Token API tidak berlaku untuk akun dengan verifikasi dua langkah. "
                    "Gunakan API dari sesi yang sudah diverifikasi."
                )
            )
        return user, token
