"""E-mails of a confirmed version: each affected facilitator and region admin receives only
their own changes since the last confirmed version (the first confirmation lists everything
of theirs)."""

from collections import defaultdict

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from programs.scheduling.models import Facilitator, PlanVersion
from programs.scheduling.services.versions import Change, diff, previous_confirmed
from tenants.models import Membership


def changes_for_people(changes: list[Change]) -> dict[int, list[Change]]:
    """facilitator id -> the changes of workshops they are on (before or after)."""
    mine = defaultdict(list)
    for change in changes:
        for pk in change.people():
            mine[pk].append(change)
    return mine


def changes_for_regions(changes: list[Change]) -> dict[str, list[Change]]:
    mine = defaultdict(list)
    for change in changes:
        mine[change.region].append(change)
    return mine


def send_confirmation_emails(version: PlanVersion) -> int:
    """Send the e-mails of ``version``; returns how many were sent."""
    before = previous_confirmed(version)
    changes = diff(before.snapshot if before else [], version.snapshot)
    if before is None:  # the first confirmation: only workshops that now have dates
        changes = [c for c in changes if c.after and c.after.get("starts")]
    names = {f.pk: f.name for f in Facilitator.objects.select_related("user")}
    sent = 0
    with translation.override("id"):
        facilitators = Facilitator.objects.select_related("user").in_bulk(list(changes_for_people(changes)))
        for pk, own in changes_for_people(changes).items():
            person = facilitators.get(pk)
            if person is None or not person.user.is_active:
                continue
            sent += _send(person.user.email, version, own, names, recipient=person.name)
        admins = defaultdict(list)
        for m in Membership.objects.filter(
            role=Membership.Role.REGION_ADMIN, workspace__region_id__in=list(changes_for_regions(changes))
        ).select_related("user", "workspace"):
            admins[m.workspace.region_id].append(m.user)
        for region_id, own in changes_for_regions(changes).items():
            for user in admins.get(region_id, []):
                if user.is_active:
                    sent += _send(user.email, version, own, names, recipient=user.full_name or user.email)
    return sent


def _send(email: str, version: PlanVersion, changes: list[Change], names: dict, *, recipient: str) -> int:
    context = {
        "recipient": recipient,
        "plan": version.plan,
        "version": version,
        "lines": [c.describe(names) for c in changes],
    }
    send_mail(
        subject=_("Jadwal Bimtek %(plan)s: %(n)s perubahan untuk Anda")
        % {"plan": version.plan.name, "n": len(changes)},
        message=render_to_string("scheduling/email/confirmed.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    return 1
