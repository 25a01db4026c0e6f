"""Writes inside a workspace (run with the workspace's schema active)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from programs.models import BimtekStage

# Stage titles are stored in Indonesian (the language of the documents); the UI translates.
STAGE_TITLES = {
    1: gettext_noop("Kesiapan struktur, infrastruktur dan suprastruktur; analisis strategis"),
    2: gettext_noop("Analisis kesenjangan per dimensi; rancangan program"),
    3: gettext_noop("Buku II masterplan: strategi, rencana aksi, roadmap, quick win"),
    4: gettext_noop("Finalisasi masterplan dan lembar komitmen"),
}
# One stage a month from July, as in most cohorts since 2017; regions adjust their dates.
DEFAULT_STAGE_MONTHS = {1: 7, 2: 8, 3: 9, 4: 10}


def seed_workspace(*, region) -> None:
    """First content of a new workspace: the four Bimtek stages of its cohort's year."""
    year = region.cohort.year if region.cohort_id else date.today().year
    BimtekStage.objects.bulk_create(
        [
            BimtekStage(number=n, title=STAGE_TITLES[n], planned_date=date(year, DEFAULT_STAGE_MONTHS[n], 1))
            for n in range(1, 5)
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def update_bimtek_stage(*, stage: BimtekStage, planned_date: date | None, completed_on: date | None, notes: str) -> BimtekStage:
    if completed_on and completed_on > date.today():
        raise ValidationError({"completed_on": _("Tanggal selesai tidak boleh di masa depan.")})
    stage.planned_date, stage.completed_on, stage.notes = planned_date, completed_on, notes
    stage.full_clean()
    stage.save()
    return stage
