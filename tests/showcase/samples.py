"""URL parameter values of the showcase for the isolation walk and the API's schema test: a
published showcase of the 2018 cohort and one slot of its agenda."""

from showcase.models import Showcase, Slot
from tests.showcase import factories


def samples(world, workspace) -> dict:
    showcase = Showcase.objects.filter(slug=factories.SETTINGS["slug"]).first() or factories.published()
    slot = Slot.objects.filter(version__showcase=showcase).order_by("pk").first()
    return {"slug": showcase.slug, "slot_pk": slot.pk, "stage_pk": showcase.stages.first().pk}
