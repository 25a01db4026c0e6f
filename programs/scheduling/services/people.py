"""The account behind a registry entry: a facilitator is named by e-mail; an existing account is
reused, a new one is created (with the name) and invited to set its password. Shared by the
registry's form page, the spreadsheet import and the API, so all follow one rule."""

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from programs.scheduling import rules
from programs.scheduling.models import Facilitator
from programs.scheduling.services.common import require
from programs.scheduling.services.registry import save_facilitator


def normalized_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError({"email": _("E-mail wajib diisi.")})
    if len(email) > 254:  # the account's column
        raise ValidationError({"email": _("E-mail paling panjang 254 karakter.")})
    try:
        validate_email(email)
    except ValidationError:
        message = _("“%(email)s” bukan alamat e-mail yang sah.") % {"email": email[:80]}
        raise ValidationError({"email": message}) from None
    return email


@transaction.atomic
def register_facilitator(
    *, user, email: str = "", full_name: str = "", facilitator: Facilitator | None = None, site_url: str = "", **fields
) -> tuple[Facilitator, bool]:
    """Create (by ``email``) or update (``facilitator``) a registry entry (ministry admins).

    A new e-mail gets an account with ``full_name`` (required then) and, after commit, an
    invitation to set its password at ``site_url`` (no mail without it). A name given for an
    existing account replaces the account's name. Returns the entry and whether an account
    was created."""
    from platform.accounts.models import User

    require(user, rules.can_manage_scheduling)
    full_name = " ".join((full_name or "").split())
    if len(full_name) > 150:
        raise ValidationError({"full_name": _("Nama paling panjang 150 karakter.")})
    created = False
    if facilitator is None:
        email = normalized_email(email)
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            if not full_name:
                raise ValidationError({"full_name": _("Nama wajib diisi untuk e-mail yang belum punya akun.")})
            person = User.objects.create_user(email=email, password=None, full_name=full_name)
            created = True
        entry = save_facilitator(user=user, person=person, **fields)
    else:
        person = facilitator.user
        entry = save_facilitator(user=user, facilitator=facilitator, **fields)
    if full_name and person.full_name != full_name:
        person.full_name = full_name
        person.save(update_fields=["full_name"])
    if created and site_url:
        transaction.on_commit(lambda: send_registry_invitation(person=person, inviter=user, site_url=site_url))
    return entry, created


def send_registry_invitation(*, person, inviter, site_url: str) -> None:
    uidb64 = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uidb64, "token": token})
    link = site_url.rstrip("/") + path
    context = {"person": person, "inviter": inviter, "site_url": site_url, "set_password_url": link}
    send_mail(
        subject=_("Anda terdaftar sebagai fasilitator Bimtek Smart City 100"),
        message=render_to_string("scheduling/registry/email_invitation.txt", context),
        from_email=None,
        recipient_list=[person.email],
    )
