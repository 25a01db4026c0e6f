"""Publishing a period's national ranking to every workspace, and withdrawing it.

Both are ministry admins' acts, and both obey the separation of duties: nobody publishes or
withdraws a ranking that ranks a region in which they hold a region role
(``assessments.rules.check_may_publish_ranking`` says why the whole period is covered).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments import rules as workspace_rules
from assessments.framework import selectors
from assessments.framework.models import RankingPublication, RegionSnapshot
from assessments.framework.rules import check_can_manage_frameworks, user_of


def publish_ranking(*, actor, year: int, stage: int) -> RankingPublication:
    """Make the national ranking of a period readable by every workspace's members."""
    check_can_manage_frameworks(actor)
    workspace_rules.check_may_publish_ranking(user_of(actor), year=year, stage=stage)
    if not RegionSnapshot.objects.filter(year=year, stage=stage, rank__isnull=False).exists():
        raise ValidationError(_("Periode ini belum punya peringkat untuk diterbitkan."))
    publication, _created = RankingPublication.objects.get_or_create(
        year=year, stage=stage, defaults={"published_by": user_of(actor)}
    )
    _publications_changed()
    return publication


def withdraw_ranking(*, actor, year: int, stage: int) -> None:
    check_can_manage_frameworks(actor)
    workspace_rules.check_may_publish_ranking(user_of(actor), year=year, stage=stage)
    RankingPublication.objects.filter(year=year, stage=stage).delete()
    _publications_changed()


def _publications_changed() -> None:
    """Every schema reads the publications from the global cache: drop it now and after commit."""
    selectors.forget_publications()
    transaction.on_commit(selectors.forget_publications)
