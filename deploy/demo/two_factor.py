"""The demo's second factor: ministry staff must sign in with an authenticator code, so the
demo ministry logins get an authenticator with a published secret (like their published
password). Add it to any authenticator app, or print the current code with
``oathtool --totp -b <secret>``. Never use it outside the demo.
"""

from base64 import b32decode

from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_TOTP_SECRET = "SMARTCITYDEMOKEYSMARTCITYDEMOKEY"


def give_demo_authenticator(user) -> None:
    """Idempotent: a demo user who already has a confirmed authenticator keeps it."""
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        key = b32decode(DEMO_TOTP_SECRET).hex()
        TOTPDevice.objects.create(user=user, name="authenticator", key=key, confirmed=True)
