"""The Bimtek year of a workspace: its four stages seeded at provisioning, their dates kept
by the region admins (or set by the ministry's plan, ``programs.scheduling``, where it
schedules the stage), and the reminders e-mailed to them before a stage."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform.context_processors import absolute_url
from programs import rules
from programs.models import BimtekStage
from programs.rules import Actor
from programs.services.common import refuse_unless
from programs.templatetags.bimtek import date_range

# Stage titles are stored in Indonesian (the language of the documents); the UI translates.
STAGE_TITLES = {
    1: gettext_noop("Kesiapan struktur, infrastruktur dan suprastruktur; analisis strategis"),
    2: gettext_noop("Analisis kesenjangan per dimensi; rancangan program"),
    3: gettext_noop("Buku II masterplan: strategi, rencana aksi, roadmap, quick win"),
    4: gettext_noop("Finalisasi masterplan dan lembar komitmen"),
}
# One stage a month from July, as in most cohorts since 2017; regions adjust their dates.
DEFAULT_STAGE_MONTHS = {1: 7, 2: 8, 3: 9, 4: 10}
REMINDER_DAYS_AHEAD = 14


def seed_bimtek_stages(*, region) -> None:
    """The four Bimtek stages of the region's cohort year (a system service, at provisioning)."""
    year = region.cohort.year if region.cohort_id else date.today().year
    BimtekStage.objects.bulk_create(
        [
            BimtekStage(number=n, title=STAGE_TITLES[n], planned_date=date(year, DEFAULT_STAGE_MONTHS[n], 1))
            for n in range(1, 5)
        ],
        ignore_conflicts=True,
    )


def stage_workshop(stage: BimtekStage):
    """The national plan's workshop that holds ``stage``'s dates in this workspace, or ``None``."""
    from programs.scheduling.selectors import current_stage_workshops

    return current_stage_workshops(connection.tenant.region_id).get(stage.number)


def stage_date(stage: BimtekStage) -> date | None:
    """When the stage takes place: its workshop's start where the plan schedules it, else its
    own planned date (stages loaded by ``selectors.bimtek_stages_with_workshops``)."""
    workshop = getattr(stage, "workshop", None)
    return workshop.starts if workshop is not None else stage.planned_date


@transaction.atomic
def update_bimtek_stage(
    *, actor: Actor, stage: BimtekStage, planned_date: date | None, completed_on: date | None, notes: str
) -> BimtekStage:
    """The dates and notes of a stage, kept by the region admins. Where the ministry's plan
    schedules the stage, the plan sets its date: a changed planned date is refused."""
    refuse_unless(rules.can_edit_bimtek_stages(actor), _("Hanya admin daerah yang mengubah jadwal Bimtek."))
    if completed_on and completed_on > date.today():
        raise ValidationError({"completed_on": _("Tanggal selesai tidak boleh di masa depan.")})
    if planned_date != stage.planned_date:
        workshop = stage_workshop(stage)
        if workshop is not None:
            raise ValidationError(
                {
                    "planned_date": _(
                        "Tanggal Bimtek %(stage)s ditetapkan oleh rencana Bimtek kementerian (%(dates)s); "
                        "tanggal rencana tidak dapat diubah di sini."
                    )
                    % {"stage": stage.roman, "dates": date_range(workshop.starts, workshop.ends)}
                }
            )
    stage.planned_date, stage.completed_on, stage.notes = planned_date, completed_on, notes
    stage.full_clean()
    stage.save()
    return stage


def send_bimtek_reminders(*, today: date) -> int:
    """E-mail the workspace's region admins about Bimtek stages due within two weeks: by the
    start of the stage's workshop where the ministry's plan schedules it, else by its planned date.

    A system service (the daily task runs it): no actor. Runs in the schema of one workspace
    (the daily beat entry is sent to each). A stage is announced once; returns the number of
    stages announced.
    """
    from programs.selectors import bimtek_stages_with_workshops
    from tenants.models import Membership
    from tenants.selectors import current_members_of

    workspace = connection.tenant
    horizon = today + timedelta(days=REMINDER_DAYS_AHEAD)
    due = [
        stage
        for stage in bimtek_stages_with_workshops(region_id=workspace.region_id)
        if stage.completed_on is None
        and stage.reminded_on is None
        and stage_date(stage) is not None
        and today <= stage_date(stage) <= horizon
    ]
    if not due:
        return 0
    recipients = [
        m.user.email
        for m in current_members_of(workspace=workspace).filter(role=Membership.Role.REGION_ADMIN, user__is_active=True)
    ]
    workspace_url = absolute_url(workspace.domains.get(is_primary=True).domain)
    for stage in due:
        if recipients:
            with translation.override("id"):
                workshop = stage.workshop
                dates = date_range(workshop.starts, workshop.ends) if workshop else date_range(stage.planned_date)
                send_mail(
                    subject=_("Bimtek %(stage)s %(region)s: %(date)s")
                    % {"stage": stage.roman, "region": workspace.region.name, "date": dates},
                    message=render_to_string(
                        "programs/email/bimtek_reminder.txt",
                        {
                            "stage": stage,
                            "workshop": workshop,
                            "dates": dates,
                            "region": workspace.region,
                            "workspace_url": workspace_url,
                        },
                    ),
                    from_email=None,
                    recipient_list=recipients,
                )
        stage.reminded_on = today
        stage.save(update_fields=["reminded_on"])
    return len(due)
