"""The second-factor gate of every request, after Django's authentication.

``VerifiedDeviceMiddleware`` is django-otp's ``OTPMiddleware`` (``request.user.otp_device``,
``request.user.is_verified()``) reading the session's device from the cached confirmed
devices instead of one more query per request. ``SecondFactorMiddleware`` then lets a
signed-in person who needs a second factor (``two_factor.requires_second_factor``) reach
only the second step, the enrolment, sign-out, the language switch and the health check
until the session is verified: pages redirect there, API endpoints answer 403. Sessions are
shared by every host, and so is the verification (it is stored in the session).
"""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware

from platform.accounts.two_factor import has_second_factor, requires_second_factor, session_device

# URL names reachable by a signed-in person before the second step.
OPEN_BEFORE_SECOND_FACTOR = {"two-factor-verify", "two-factor-enrol", "logout", "set_language", "health"}


class VerifiedDeviceMiddleware(OTPMiddleware):
    def _verify_user_sync(self, request, user):
        self._init_user_fields(user)
        if user.is_authenticated:
            persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
            device = session_device(user, persistent_id) if persistent_id else None
            user.otp_device = self._finalize_device(request, user, device)
        return user


def _is_api(view_func) -> bool:
    view_class = getattr(view_func, "cls", None)
    return view_class is not None and hasattr(view_class, "permission_classes")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        if not requires_second_factor(user):
            return None
        if _is_api(view_func):
            return JsonResponse(
                {"detail": _("Verifikasi dua langkah diperlukan: masuk dengan kode autentikator terlebih dahulu.")},
                status=403,
            )
        target = reverse("two-factor-verify" if has_second_factor(user) else "two-factor-enrol")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
