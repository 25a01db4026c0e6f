"""Real objects for the path ids of both APIs, shared by the schemathesis test and the bad-input
walk (tests/platform/test_bad_input_walk.py). Made inside the calling test's transaction."""

from datetime import date

from django.db import connection


def national_ids(world) -> dict:
    """``(collection, parameter) -> value`` for the national API (the apex host)."""
    from programs.scheduling.models import NationalHoliday, SolveJob, Unavailability
    from tests.scheduling import factories

    facilitator = factories.facilitator("fasilitator.skema@example.id")
    plan = factories.plan(regions=("35.74", "35.75"))
    holiday, _ = NationalHoliday.objects.get_or_create(date=date(2018, 8, 17), defaults={"name": "Kemerdekaan"})
    absence = Unavailability.objects.create(
        facilitator=facilitator, starts=date(2018, 7, 1), ends=date(2018, 7, 2), reason="Cuti"
    )
    job = SolveJob.objects.create(plan=plan, status=SolveJob.Status.DONE)
    return {
        ("regions", "code"): "35.74",
        ("facilitators", "id"): facilitator.pk,
        ("holidays", "id"): holiday.pk,
        ("unavailability", "id"): absence.pk,
        ("jobs", "id"): job.pk,
        ("plans", "plan_pk"): plan.pk,
        ("workshops", "id"): plan.workshops.first().pk,
        ("versions", "number"): 1,
        (None, "plan_pk"): plan.pk,
        (None, "code"): "35.74",
        (None, "year"): 2018,
    }


def workspace_ids(world) -> dict:
    """``(collection, parameter) -> value`` for Kota Probolinggo's workspace API; ``(None, name)``
    holds the isolation walk's samples (tests/<app>/samples.py) by parameter name."""
    from tenants.models import Membership
    from tests.test_isolation import _app_samples

    connection.set_tenant(world.probolinggo)
    values = _app_samples(world, world.probolinggo)
    connection.set_schema_to_public()
    ids = {("members", "id"): Membership.objects.get(user=world.users["viewer_probolinggo"]).pk}
    ids.update({(None, name): value for name, value in values.items()})
    return ids


def path_values(path: str, ids: dict) -> dict:
    """The sample of each ``{parameter}`` of an OpenAPI path: the one of its collection (the
    segment before it), else the one of its name."""
    segments = path.strip("/").split("/")
    values = {}
    for index, segment in enumerate(segments):
        if segment.startswith("{"):
            name = segment[1:-1]
            value = ids.get((segments[index - 1], name), ids.get((None, name)))
            if value is not None:
                values[name] = value
    return values
