"""URL parameter values of the national plan's workspace pages for the isolation walk: a
workshop and a wish of Kota Probolinggo (public schema, readable from its workspace)."""

from datetime import date

from programs.scheduling.models import RegionWish, Workshop
from tests.scheduling import factories


def samples(world, workspace) -> dict:
    workshop = Workshop.objects.filter(region_id=workspace.region_id).exclude(status="cancelled").first()
    if workshop is None:
        factories.plan(regions=(workspace.region_id,))
        workshop = Workshop.objects.filter(region_id=workspace.region_id).first()
    wish = RegionWish.objects.filter(region_id=workspace.region_id).first() or RegionWish.objects.create(
        region_id=workspace.region_id, kind=RegionWish.Kind.BLACKOUT, starts=date(2018, 8, 17), ends=date(2018, 8, 17)
    )
    return {"region_workshop_pk": workshop.pk, "region_wish_pk": wish.pk, "wish_pk": wish.pk}  # page, API
