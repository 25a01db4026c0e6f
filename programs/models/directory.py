"""The region's directory: OPDs and the people of its smart city bodies."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from programs.models.fields import history, user_reference


class Opd(models.Model):
    """An *OPD* (organisasi perangkat daerah): one of the region's agencies, e.g. Diskominfo
    (communication and informatics) or Bappeda (planning)."""

    name = models.CharField(_("nama"), max_length=200)
    acronym = models.CharField(_("singkatan"), max_length=30, unique=True)
    head = models.CharField(_("kepala"), max_length=150, blank=True)
    history = history()

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("OPD")
        verbose_name_plural = _("OPD")

    def __str__(self):
        return self.acronym


class Person(models.Model):
    """A person of the *Dewan Smart City* (the region's smart city council) or of the *Tim
    Pelaksana* (the implementation team: OPD secretaries, planners, academics, business…)."""

    class Body(models.TextChoices):
        COUNCIL = "dewan", _("Dewan Smart City")
        TEAM = "tim", _("Tim Pelaksana")

    body = models.CharField(_("keanggotaan"), max_length=10, choices=Body.choices)
    name = models.CharField(_("nama"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=150, blank=True)
    opd = models.ForeignKey(Opd, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("OPD"))
    sector = models.CharField(_("unsur/sektor"), max_length=150, blank=True, help_text=_("Jika bukan dari OPD."))
    contact = models.CharField(_("kontak"), max_length=150, blank=True)
    history = history()

    class Meta:
        ordering = ["body", "name"]
        verbose_name = _("personel")
        verbose_name_plural = _("personel")

    def __str__(self):
        return self.name


class OpdEditor(models.Model):
    """Which OPD an OPD editor works for (their membership lives in the public schema)."""

    user = user_reference(_("pengguna"))
    opd = models.ForeignKey(Opd, on_delete=models.CASCADE, related_name="editors", verbose_name=_("OPD"))

    class Meta:
        verbose_name = _("editor OPD")
        verbose_name_plural = _("editor OPD")
        constraints = [models.UniqueConstraint(fields=["user"], name="opdeditor_one_opd_per_user")]

    def __str__(self):
        return f"{self.user_id} → {self.opd}"
