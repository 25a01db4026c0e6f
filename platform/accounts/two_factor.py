"""The second factor at sign-in: a TOTP device (an authenticator app) plus single-use recovery
codes, kept by django-otp.

Ministry staff see every region's figures, so they must have a confirmed TOTP device and pass
it at sign-in; anyone else may enrol from their account page, and is then asked for it too
(``requires_second_factor``). A person's confirmed devices are read on every request of a
signed-in person (is this session verified? must it be?), so they are cached in the
cache shared by every host (like the sessions) and dropped whenever a device changes.
"""

import time
from base64 import b32encode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django_otp import devices_for_user
from django_otp import verify_token as otp_verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery"
AUTHENTICATOR_NAME = "authenticator"
_CACHE_SECONDS = 24 * 3600


def _cache():
    return caches[settings.SESSION_CACHE_ALIAS]


def _key(user_id) -> str:
    return f"otp-devices:{user_id}"


def confirmed_devices(user) -> list:
    """The person's confirmed devices (TOTP and recovery codes), from the cache when it has them."""
    key = _key(user.pk)
    devices = _cache().get(key)
    if devices is None:
        devices = list(devices_for_user(user, confirmed=True))
        _cache().set(key, devices, _CACHE_SECONDS)
    return devices


def forget_devices(user_id) -> None:
    """Drop the cached devices now and again after the transaction (a reader in between may have
    cached the state before the change)."""
    _cache().delete(_key(user_id))
    transaction.on_commit(lambda: _cache().delete(_key(user_id)))


def has_second_factor(user) -> bool:
    return any(isinstance(device, TOTPDevice) for device in confirmed_devices(user))


def requires_second_factor(user) -> bool:
    """Ministry staff always; anyone else once they have enrolled an authenticator."""
    return bool(user.is_ministry_staff) or has_second_factor(user)


def session_device(user, persistent_id: str):
    """The confirmed device of ``user`` that the session was verified with, or None."""
    return next((d for d in confirmed_devices(user) if d.persistent_id == persistent_id), None)


def secret_text(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def new_key() -> str:
    """A fresh TOTP key (hex), shown to the person until an authenticator confirms it."""
    return default_key()


def unsaved_device(user, key: str) -> TOTPDevice:
    """The authenticator being enrolled, not stored until confirmed (for its QR code and secret)."""
    return TOTPDevice(user=user, name=AUTHENTICATOR_NAME, key=key, confirmed=False)


def enrol_authenticator(*, user, key: str, code: str) -> tuple[TOTPDevice, list[str]] | None:
    """Store the authenticator with ``key`` once ``code`` shows the app computes the same codes;
    it replaces any earlier one and new recovery codes are made (returned, to be shown once).
    None when the code is wrong."""
    code = normalise(code)
    device = unsaved_device(user, key)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not (code.isdigit() and len(code) == device.digits and totp.verify(int(code), device.tolerance)):
        return None
    device.confirmed = True
    device.last_t = totp.t()  # this code cannot be used again to sign in
    device.drift = totp.drift
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        device.save()
        codes = reset_recovery_codes(user=user)
    return device, codes


def reset_recovery_codes(*, user) -> list[str]:
    """New recovery codes for ``user``; the earlier ones stop working."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
        forget_devices(user.pk)
    return codes


def remove_second_factor(*, user) -> bool:
    """Remove the authenticator and the recovery codes of someone who may go without (not
    ministry staff); False when they may not."""
    if user.is_ministry_staff:
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    return True


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


def verify_code(user, code: str):
    """The device that accepts ``code`` (six digits: the authenticator; else a recovery code,
    used up), or None. A wrong code counts against the device tried (throttled)."""
    code = normalise(code)
    wanted = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in confirmed_devices(user):
        if isinstance(device, wanted):
            verified = otp_verify_token(user, device.persistent_id, code)
            if verified is not None:
                return verified
    return None


def retry_after_seconds(user) -> int:
    """Seconds until the throttled devices of ``user`` accept a code again (0: now)."""
    waits = []
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=user, confirmed=True):
            allowed, data = device.verify_is_allowed()
            if not allowed and data and data.get("locked_until"):
                waits.append(max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1))
    return max(waits, default=0)


def _device_changed(sender, instance, **kwargs):
    forget_devices(instance.user_id)


def _prime_on_sign_in(sender, request, user, **kwargs):
    confirmed_devices(user)


def connect_signals() -> None:
    for model in (TOTPDevice, StaticDevice):
        post_save.connect(_device_changed, sender=model, dispatch_uid=f"two_factor_save_{model.__name__}")
        post_delete.connect(_device_changed, sender=model, dispatch_uid=f"two_factor_delete_{model.__name__}")
    user_logged_in.connect(_prime_on_sign_in, dispatch_uid="two_factor_prime")
