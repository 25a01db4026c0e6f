"""Sign-ins into the audit log: Django's ``user_logged_in`` / ``user_login_failed`` and
django-axes' ``user_locked_out``. A failed attempt names no account row: the e-mail that
was typed is kept as the actor's e-mail."""

from datetime import timedelta

from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.utils import timezone

from platform.audit import client_ip, record
from platform.audit.actions import Action


def signed_in(sender, request, user, **kwargs):
    record(Action.SIGNIN, actor=user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    record(Action.SIGNIN_FAILED, actor_email=str(credentials.get("username") or ""))


def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    """Axes signals the failure that reaches the limit, and again every attempt refused while
    the lock lasts (each of those also extends it). One lock-out is recorded per lock: none
    while the same e-mail and address have one within the cool-off time (the refused attempts
    are there as failed sign-ins)."""
    from platform.audit.models import AuditEvent

    email = str(username or "").strip().lower()
    since = timezone.now() - (get_cool_off(request) or timedelta(0))
    earlier = AuditEvent.objects.filter(action=Action.LOCKED_OUT, actor_email=email, ip=client_ip(), at__gte=since)
    if not earlier.exists():
        record(Action.LOCKED_OUT, actor_email=email)


def connect() -> None:
    user_logged_in.connect(signed_in, dispatch_uid="audit-signed-in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit-sign-in-failed")
    user_locked_out.connect(locked_out, dispatch_uid="audit-locked-out")
