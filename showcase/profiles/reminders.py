"""Reminders to the regions that have not submitted their showcase profile yet.

``request_reminders`` is what a ministry admin calls (the page's button, the API): it checks
the actor, finds the presenting regions without a submission, records the request in the
audit log and sends the task after commit, all in one transaction. ``send_reminders`` is the
platform service the task runs (no actor: the admin was checked when it was asked for): one
e-mail per current region admin of each region that still has not submitted when the worker
gets to it, with the deadline and the link to the showcase page of the region's workspace,
built from the configured domain (never from a request's Host header).
"""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from platform.audit import record
from platform.celery import send_after_commit
from showcase import rules
from showcase.models import Showcase
from showcase.profiles import overview
from showcase.services.common import lock, require
from tenants.models import Membership

SEND_TASK = "showcase.profiles.tasks.send_showcase_reminders"


@transaction.atomic
def request_reminders(*, actor, showcase: Showcase) -> int:
    """Send a reminder to the region admins of every presenting region that has not
    submitted; returns the number of regions. Refused after the deadline (the regions can
    no longer submit) and when every region has submitted."""
    require(actor, rules.can_manage_showcase)
    showcase = lock(showcase)
    if overview.is_past_deadline(showcase):
        raise ValidationError(_("Batas pengiriman sudah lewat: daerah tidak dapat mengirim lagi."))
    codes = [row.code for row in overview.submission_rows(showcase, status=overview.MISSING)]
    if not codes:
        raise ValidationError(_("Semua daerah sudah mengirim; tidak ada yang perlu diingatkan."))
    record(
        "showcase_reminder_sent",
        actor=actor,
        target=showcase.name,
        showcase=showcase.slug,
        regions=codes,
    )
    send_after_commit(SEND_TASK, showcase.pk, codes)
    return len(codes)


def deadline_text(showcase: Showcase) -> str:
    moment = timezone.localtime(showcase.submission_deadline)
    return formats.date_format(moment, "DATETIME_FORMAT")


def send_reminders(*, showcase_id: int, region_codes: list[str]) -> int:
    """E-mail the current region admins of ``region_codes`` that still have not submitted to
    showcase ``showcase_id`` (platform service, no actor); returns the number of e-mails."""
    showcase = Showcase.objects.filter(pk=showcase_id).first()
    if showcase is None:
        return 0
    wanted = set(region_codes)
    rows = [row for row in overview.submission_rows(showcase, status=overview.MISSING) if row.code in wanted]
    today = timezone.localdate()
    admins = (
        Membership.objects.filter(
            role=Membership.Role.REGION_ADMIN,
            workspace__region_id__in=[row.code for row in rows],
            user__is_active=True,
        )
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .select_related("user", "workspace")
        .order_by("user__email")
    )
    by_region: dict[str, list] = {}
    for membership in admins:
        by_region.setdefault(membership.workspace.region_id, []).append(membership.user)
    sent = 0
    with translation.override("id"):
        deadline = deadline_text(showcase)
        left = overview.time_left(showcase.submission_deadline)
        for row in rows:
            for user in by_region.get(row.code, []):
                context = {
                    "recipient": user.full_name or user.email,
                    "region": row.region,
                    "showcase": showcase,
                    "deadline": deadline,
                    "time_left": left,
                    "entry_url": overview.entry_url(showcase, row),
                }
                send_mail(
                    subject=_("Pengingat: kirim profil showcase %(region)s sebelum %(deadline)s")
                    % {"region": row.region.name, "deadline": deadline},
                    message=render_to_string("showcase_profiles/national/reminder_email.txt", context),
                    from_email=None,
                    recipient_list=[user.email],
                )
                sent += 1
    return sent
