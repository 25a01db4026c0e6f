"""Showcases for the tests: the 2018 cohort's (Kota Probolinggo and Kota Pasuruan present),
optionally with more presenting regions, laid out and published."""

from datetime import UTC, date, datetime, time

from showcase import services
from showcase.models import Showcase
from tenants.access import SYSTEM

SETTINGS = {
    "name": "Showcase Uji 2018",
    "slug": "uji-2018",
    "venue": "Balai Kartini, Jakarta",
    "starts_on": date(2018, 11, 27),
    "ends_on": date(2018, 11, 28),
    "day_starts_at": time(8, 0),
    "day_ends_at": time(16, 0),
    "submission_deadline": datetime(2018, 11, 16, 16, 59, tzinfo=UTC),
}


def showcase(*, stages=("Panggung Utama",), extra_regions=(), **changes) -> Showcase:
    from tenants.models import Cohort

    made = services.create_showcase(
        actor=SYSTEM, cohort=Cohort.objects.get(year=2018), stage_names=stages, **{**SETTINGS, **changes}
    )
    for code in extra_regions:
        services.add_presenter(actor=SYSTEM, showcase=made, region_code=code)
    return made


def published(**kwargs) -> Showcase:
    made = showcase(**kwargs)
    version = services.rebuild_agenda(actor=SYSTEM, showcase=made)
    services.publish_version(actor=SYSTEM, showcase=made, number=version.number)
    return made
