"""One row per security-relevant action: who, when, from which address, what, in which workspace."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from platform.audit.actions import Action


class AuditEvent(models.Model):
    """Written by ``platform.audit.record`` in the acting transaction; never changed or deleted
    by the product. ``actor_email`` keeps who it was when the account is gone (``actor`` is
    then empty); for a failed sign-in it is the e-mail that was typed."""

    at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pelaku"),
    )
    # db_index gives PostgreSQL a pattern index too: the filter matches the start of the e-mail.
    actor_email = models.CharField(_("e-mail pelaku"), max_length=254, blank=True, db_index=True)
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    action = models.CharField(_("tindakan"), max_length=40, choices=Action.choices)
    workspace = models.ForeignKey(
        "tenants.Workspace",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ruang kerja"),
    )
    target = models.CharField(_("objek"), max_length=200, blank=True)
    details = models.JSONField(_("rincian"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("peristiwa audit")
        verbose_name_plural = _("log audit")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["action", "-at"], name="audit_action_at"),
            models.Index(fields=["workspace", "-at"], name="audit_workspace_at"),
            models.Index(fields=["ip", "-at"], name="audit_ip_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.actor_email}"
