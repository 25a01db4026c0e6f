"""Pages of the second factor: the second step of sign-in, enrolling an authenticator (QR code
and its secret as text, confirmed with one code), and the account's security page (recovery
codes, turning the second factor off where it is optional).

The services are in ``two_factor``; which requests need a verified session is decided by
``middleware.SecondFactorMiddleware``.
"""

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login

from platform.accounts import two_factor
from platform.accounts.forms import EnrolAuthenticatorForm, SecondFactorForm
from platform.accounts.throttle import second_factor_passed
from platform.urls_safety import safe_next

PENDING_KEY = "two_factor_pending_key"


def _next(request) -> str:
    return safe_next(request, fallback=reverse("home"))


def _with_next(url_name: str, request) -> str:
    nxt = request.POST.get("next") or request.GET.get("next")
    return reverse(url_name) + ("?" + urlencode({"next": nxt}) if nxt else "")


def _signed_in_with(request, device) -> None:
    """The session is now verified: a new session key (the elevated session is not the one a
    password alone opened), the device in the session, the sign-in recorded for the throttle."""
    request.session.cycle_key()
    otp_login(request, device)
    second_factor_passed(request)


class SecondStepView(LoginRequiredMixin, FormView):
    template_name = "accounts/two_factor_verify.html"
    form_class = SecondFactorForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return self.handle_no_permission()
        if user.is_verified():
            return redirect(_next(request))
        if not two_factor.has_second_factor(user):
            if user.is_ministry_staff:
                return redirect(_with_next("two-factor-enrol", request))
            return redirect(_next(request))
        if AxesProxyHandler.is_locked(request, self._credentials()):
            return self._locked_out()
        return super().dispatch(request, *args, **kwargs)

    def _credentials(self) -> dict:
        return {"username": self.request.user.email}

    def _locked_out(self):
        """Too many wrong passwords or codes: signed out, and AxesMiddleware shows the lockout page."""
        credentials = self._credentials()
        logout(self.request)
        self.request.axes_locked_out = True
        self.request.axes_credentials = credentials
        return redirect("login")

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_next(self.request), **kwargs)

    def form_valid(self, form):
        request = self.request
        device = two_factor.verify_code(request.user, form.cleaned_data["code"])
        if device is None:
            # A wrong code is a failed sign-in: it counts toward the lockout of this e-mail and
            # address, and the password step does not clear it.
            user_login_failed.send(sender=__name__, credentials=self._credentials(), request=request)
            if getattr(request, "axes_locked_out", False):
                return self._locked_out()
            wait = two_factor.retry_after_seconds(request.user)
            if wait:
                message = ngettext(
                    "Kode salah. Terlalu banyak percobaan: coba lagi dalam %(n)d detik.",
                    "Kode salah. Terlalu banyak percobaan: coba lagi dalam %(n)d detik.",
                    wait,
                )
                form.add_error("code", message % {"n": wait})
            else:
                form.add_error("code", _("Kode salah atau sudah dipakai."))
            return self.form_invalid(form)
        _signed_in_with(request, device)
        return redirect(_next(request))


class EnrolView(LoginRequiredMixin, FormView):
    """Enrol an authenticator. The key waits in the session until a code confirms it, so
    looking at the page stores nothing and reloading it shows the same QR code."""

    template_name = "accounts/two_factor_enrol.html"
    form_class = EnrolAuthenticatorForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_verified() and two_factor.has_second_factor(user):
            # Replacing an authenticator takes the current one first.
            return redirect(_with_next("two-factor-verify", request))
        return super().dispatch(request, *args, **kwargs)

    def _key(self) -> str:
        session = self.request.session
        if PENDING_KEY not in session:
            session[PENDING_KEY] = two_factor.new_key()
        return session[PENDING_KEY]

    def get_context_data(self, **kwargs):
        device = two_factor.unsaved_device(self.request.user, self._key())
        qr = segno.make(device.config_url, error="m")
        return super().get_context_data(
            qr_svg=mark_safe(qr.svg_inline(scale=4, border=2)),  # segno's own markup, no user input
            secret=two_factor.secret_text(device),
            replacing=two_factor.has_second_factor(self.request.user),
            required=self.request.user.is_ministry_staff,
            next=_next(self.request),
            **kwargs,
        )

    def form_valid(self, form):
        request = self.request
        enrolled = two_factor.enrol_authenticator(user=request.user, key=self._key(), code=form.cleaned_data["code"])
        if enrolled is None:
            form.add_error("code", _("Kode tidak cocok. Periksa jam ponsel Anda dan masukkan kode yang sedang tampil."))
            return self.form_invalid(form)
        device, codes = enrolled
        del request.session[PENDING_KEY]
        _signed_in_with(request, device)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)})


class SecurityView(LoginRequiredMixin, TemplateView):
    """The account page of the second factor."""

    template_name = "accounts/security.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            enrolled=two_factor.has_second_factor(user),
            codes_left=two_factor.recovery_codes_left(user),
            required=user.is_ministry_staff,
            **kwargs,
        )


class RecoveryCodesView(LoginRequiredMixin, View):
    """POST: new recovery codes, shown once; the earlier ones stop working."""

    def post(self, request):
        if not two_factor.has_second_factor(request.user):
            return redirect("account-security")
        codes = two_factor.reset_recovery_codes(user=request.user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("account-security")})


class RemoveSecondFactorView(LoginRequiredMixin, View):
    def post(self, request):
        if two_factor.remove_second_factor(user=request.user):
            messages.success(request, _("Verifikasi dua langkah dimatikan."))
        else:
            messages.error(request, _("Verifikasi dua langkah wajib untuk staf kementerian."))
        return redirect("account-security")
