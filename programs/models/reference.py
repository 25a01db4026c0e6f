"""Reference data of the masterplan: dimensions, sub-dimensions and funding sources.

They are rows, not choices: a migration seeds them in the template schema (and in every
existing workspace), and new workspaces copy them with the template.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.Model):
    """One of the six smart city dimensions (governance, branding, economy, living, society,
    environment), each with three sub-dimensions."""

    code = models.SlugField(_("kode"), max_length=30, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("dimensi")
        verbose_name_plural = _("dimensi")

    def __str__(self):
        return self.name


class SubDimension(models.Model):
    """A sub-dimension (e.g. *layanan publik* of governance)."""

    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="sub_dimensions")
    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["dimension__order", "order", "code"]
        verbose_name = _("subdimensi")
        verbose_name_plural = _("subdimensi")
        constraints = [models.UniqueConstraint(fields=["dimension", "code"], name="subdimension_unique_code")]

    def __str__(self):
        return self.name


class FundingSource(models.Model):
    """A source of *pembiayaan* (funding): APBD (regional budget), APBN (national budget), CSR
    (corporate social responsibility), KPBU (public-private partnership), swasta (private)…"""

    code = models.SlugField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("sumber dana")
        verbose_name_plural = _("sumber dana")

    def __str__(self):
        return self.name
