"""Publishing a period's national ranking to every workspace, and withdrawing it.

Both are ministry admins' acts, and both obey the separation of duties: nobody publishes or
withdraws a ranking that ranks a region in which they hold a region role
(``assessments.rules.check_may_publish_ranking`` says why the whole period is covered).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments import rules as workspace_rules
from assessments.framework import selectors
from assessments.framework.models import RankingPublication, RegionSnapshot, Stage
from assessments.framework.rules import check_can_manage_frameworks, user_of
from platform.audit import record


@transaction.atomic
def publish_ranking(*, actor, year: int, stage: int) -> RankingPublication:
    """Make the national ranking of a period readable by every workspace's members."""
    check_can_manage_frameworks(actor)
    workspace_rules.check_may_publish_ranking(user_of(actor), year=year, stage=stage)
    if not RegionSnapshot.objects.filter(year=year, stage=stage, rank__isnull=False).exists():
        raise ValidationError(_("Periode ini belum punya peringkat untuk diterbitkan."))
    publication, created = RankingPublication.objects.get_or_create(
        year=year, stage=stage, defaults={"published_by": user_of(actor)}
    )
    if created:
        record("published", actor=actor, target=_ranking(year, stage), year=year, stage=stage)
    _publications_changed()
    return publication


@transaction.atomic
def withdraw_ranking(*, actor, year: int, stage: int) -> None:
    check_can_manage_frameworks(actor)
    workspace_rules.check_may_publish_ranking(user_of(actor), year=year, stage=stage)
    if RankingPublication.objects.filter(year=year, stage=stage).delete()[0]:
        record("withdrawn", actor=actor, target=_ranking(year, stage), year=year, stage=stage)
    _publications_changed()


def _ranking(year: int, stage: int):
    return format_lazy("{} {} {}", gettext_lazy("Peringkat nasional"), year, Stage(stage).label)


def _publications_changed() -> None:
    """Every schema reads the publications from the global cache: drop it now and after commit."""
    selectors.forget_publications()
    transaction.on_commit(selectors.forget_publications)
