"""The decks' answer to the agenda builder's readiness hook (``showcase.selectors``): a
presenting region without a finished deck is "belum ada deck"."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from showcase.decks.models import DeckBuild
from showcase.models import PresentingRegion


def regions_without_deck(showcase) -> dict[str, list[str]]:
    codes = PresentingRegion.objects.filter(showcase=showcase).values_list("region_id", flat=True)
    built = set(
        DeckBuild.objects.filter(showcase=showcase, region__isnull=False, status=DeckBuild.Status.DONE).values_list(
            "region_id", flat=True
        )
    )
    return {code: [_("belum ada deck")] for code in codes if code not in built}


def register() -> None:
    from showcase import selectors

    selectors.register_readiness(regions_without_deck, label=gettext_lazy("Deck"))
