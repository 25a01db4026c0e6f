"""A real worker: a change in a workspace reaches the national snapshot through the queue.

Commits what it writes (the worker has its own connection), and undoes it at the end.
"""

import time

import pytest
from django.db import connection
from django.test import Client

import assessments.tasks  # noqa: F401 - registers the task with the in-process worker
from platform.accounts.models import User
from tenants.access import SYSTEM
from tenants.models import Workspace

pytestmark = pytest.mark.worker


@pytest.fixture
def committed_cycle(committed_db):
    from assessments import services
    from assessments.framework.models import FrameworkVersion, RegionSnapshot
    from assessments.framework.services import seed_standard_versions
    from assessments.models import AssessmentCycle

    existing = set(FrameworkVersion.objects.values_list("pk", flat=True))
    version = seed_standard_versions()[1]
    probolinggo = Workspace.objects.get(region_id="35.74")
    connection.set_tenant(probolinggo)
    cycle = services.start_cycle(framework_version=version, year=2031, stage=2, actor=SYSTEM)
    for response in cycle.responses.all():
        services.save_self_assessment(response=response, score=3, evidence_text="", evidence_links="", actor=SYSTEM)
    services.change_state(cycle=cycle, action="submit", actor=SYSTEM)
    cycle.response_pks = list(cycle.responses.values_list("pk", flat=True))
    connection.set_schema_to_public()
    yield cycle
    connection.set_tenant(probolinggo)
    AssessmentCycle.objects.filter(pk=cycle.pk).delete()
    connection.set_schema_to_public()
    RegionSnapshot.objects.filter(year=2031).delete()
    FrameworkVersion.objects.exclude(pk__in=existing).delete()


def _wait_for(predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return None


def test_a_verification_in_a_workspace_reaches_the_national_ranking(worker, committed_cycle):
    from assessments.framework.models import RegionSnapshot

    # The queue is drained of refreshes queued while the fixture wrote.
    assert _wait_for(lambda: RegionSnapshot.objects.filter(region_id="35.74", year=2031, source="provisional").exists())
    assessor = Client()
    assessor.force_login(User.objects.get(email="facilitator_current@example.id"))
    host = "kota-probolinggo.sc100.test"
    for response_pk in committed_cycle.response_pks:
        assessor.post(
            f"/assessments/{committed_cycle.pk}/responses/{response_pk}/",
            {"part": "verify", "verified_score": "2,5"},
            HTTP_HOST=host,
        )
    assessor.post(f"/assessments/{committed_cycle.pk}/state/", {"action": "verify"}, HTTP_HOST=host)
    assessor.post(f"/assessments/{committed_cycle.pk}/state/", {"action": "finalize"}, HTTP_HOST=host)
    snapshot = _wait_for(
        lambda: RegionSnapshot.objects.filter(region_id="35.74", year=2031, stage=2, source="computed").first()
    )
    assert snapshot is not None, "the final cycle never reached the snapshot"
    assert str(snapshot.overall) == "2.500" and snapshot.rank == 1
    analyst = Client()
    analyst.force_login(User.objects.get(email="ministry_analyst@example.id"))
    page = analyst.get("/assessments/ranking/?period=2031-2", HTTP_HOST="sc100.test")
    assert [r.snapshot.region_id for r in page.context["rows"]] == ["35.74"]
