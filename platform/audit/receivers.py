"""Sign-ins into the audit log: Django's ``user_logged_in`` / ``user_login_failed`` and
django-axes' ``user_locked_out``. A failed attempt names no account row: the e-mail that
was typed is kept as the actor's e-mail."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed

from platform.audit import record
from platform.audit.actions import Action


def signed_in(sender, request, user, **kwargs):
    record(Action.SIGNIN, actor=user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    record(Action.SIGNIN_FAILED, actor_email=str(credentials.get("username") or ""))


def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    record(Action.LOCKED_OUT, actor_email=str(username or ""))


def connect() -> None:
    user_logged_in.connect(signed_in, dispatch_uid="audit-signed-in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit-sign-in-failed")
    user_locked_out.connect(locked_out, dispatch_uid="audit-locked-out")
