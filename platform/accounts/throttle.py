"""Sign-in throttling on top of django-axes.

Axes locks one e-mail + address pair after ``AXES_FAILURE_LIMIT`` failures. One address may
also try a password against many accounts, so the address as a whole is locked after
``LOGIN_IP_FAILURE_LIMIT`` failures on any accounts within ``AXES_COOLOFF_TIME`` (higher,
because an office signs in from behind one NAT address). A successful sign-in clears only
that account's failures, as axes does.

The client's address is the peer's, unless ``TRUSTED_PROXY_COUNT`` proxies sit in front of
the web processes: then it is the entry that the outermost trusted proxy appended to
X-Forwarded-For. Entries further left were sent by the client and are never believed.

For someone with a second factor the password alone is not a successful sign-in: the
failures (wrong passwords and wrong codes, which the second step reports as failed
sign-ins) are cleared only once the code has been accepted (``second_factor_passed``).
Otherwise signing in again with the password would reset the count of guessed codes.
"""

import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum

from platform.accounts.two_factor import requires_second_factor


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request) -> str | None:
    """The address failures are counted against (``AXES_CLIENT_IP_CALLABLE``)."""
    peer = request.META.get("REMOTE_ADDR")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if not hops:
        return peer
    # With fewer hops than proxies the request skipped the outer ones: the leftmost hop is
    # then the one the first proxy it reached wrote.
    address = hops[-min(trusted, len(hops))]
    return address if _valid(address) else peer


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler, plus the per-address limit across accounts."""

    def address_failures(self, request) -> int:
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def address_locked(self, request) -> bool:
        return self.address_failures(request) >= settings.LOGIN_IP_FAILURE_LIMIT

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.address_locked(request)

    def user_logged_in(self, sender, request, user, **kwargs):
        if getattr(user, "otp_device", None) is None and requires_second_factor(user):
            return  # the password step of a two-step sign-in: see second_factor_passed
        super().user_logged_in(sender, request, user, **kwargs)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if self.is_whitelisted(request, credentials) or not self.address_locked(request):
            return
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send(
            "axes",
            request=request,
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        )


def second_factor_passed(request) -> None:
    """The second step accepted a code: record the sign-in and clear the failures, as axes
    does for a sign-in without a second factor."""
    AxesProxyHandler.user_logged_in("second_factor", request=request, user=request.user)
