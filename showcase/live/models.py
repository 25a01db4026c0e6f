"""The run state of the showcase's day, in the database (the truth; Redis only caches it).

- ``StageRun``: one per stage: the status of its run-of-show, the current slot, its timer
  (when it last started on the server's clock and the seconds run before a pause), the
  "+1 min" seconds, the message to the presenter, a revision counter that every change
  raises (a request carries the revision it saw; a stale one changes nothing) and the
  secret token of the presenter's link.
- ``SlotRun``: per slot, its actual start and end as they happened, and the seconds cut from
  it to catch up a delay (a shorter break, a shortened presentation).
"""

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from showcase.live import machine


def new_token() -> str:
    return secrets.token_urlsafe(32)


class StageRun(models.Model):
    class Status(models.TextChoices):
        IDLE = machine.IDLE, _("Belum mulai")
        RUNNING = machine.RUNNING, _("Berjalan")
        PAUSED = machine.PAUSED, _("Dijeda")
        FINISHED = machine.FINISHED, _("Selesai")

    stage = models.OneToOneField("showcase.Stage", on_delete=models.CASCADE, related_name="run")
    # The agenda version being run: fixed at the start, so a later publication does not
    # swap the slots under a running day.
    version = models.ForeignKey(
        "showcase.AgendaVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IDLE)
    current_slot = models.ForeignKey(
        "showcase.Slot", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    timer_started_at = models.DateTimeField(null=True, blank=True)
    elapsed_before = models.FloatField(default=0.0)
    extra_seconds = models.IntegerField(default=0)
    message = models.CharField(_("pesan untuk penyaji"), max_length=300, blank=True)
    message_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=0)
    presenter_token = models.CharField(max_length=64, unique=True, default=new_token)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("jalannya panggung")
        verbose_name_plural = _("jalannya panggung")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="running") | Q(timer_started_at__isnull=False), name="live_running_has_timer"
            )
        ]

    def __str__(self):
        return f"{self.stage_id}: {self.status} r{self.revision}"


class SlotRun(models.Model):
    slot = models.OneToOneField("showcase.Slot", on_delete=models.CASCADE, related_name="run")
    started_at = models.DateTimeField(_("mulai sebenarnya"), null=True, blank=True)
    ended_at = models.DateTimeField(_("selesai sebenarnya"), null=True, blank=True)
    cut_seconds = models.PositiveIntegerField(_("dipangkas (detik)"), default=0)

    class Meta:
        verbose_name = _("waktu sebenarnya slot")
        verbose_name_plural = _("waktu sebenarnya slot")

    def __str__(self):
        return f"{self.slot_id}: {self.started_at} – {self.ended_at}"
