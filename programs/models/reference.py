"""Reference data of the masterplan: dimensions, sub-dimensions and funding sources.

They are rows, not choices. The dimensions and sub-dimensions are the workspace's copy of
the one national taxonomy (``assessments.framework``): a new workspace copies it when it is
provisioned (``programs.services.workspace``), migration 0010 brought the existing ones in
line, and a test keeps codes and names equal. Programs point at the copy, in their schema.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.framework.models import DimensionFields, SubDimensionFields


class Dimension(DimensionFields):
    """One of the six smart city dimensions (governance, branding, economy, living, society,
    environment), each with three sub-dimensions: the workspace's copy of the national row."""


class SubDimension(SubDimensionFields):
    """A sub-dimension (e.g. *layanan publik* of governance): the workspace's copy."""

    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="sub_dimensions")
    code = models.SlugField(_("kode"), max_length=40)

    class Meta(SubDimensionFields.Meta):
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
