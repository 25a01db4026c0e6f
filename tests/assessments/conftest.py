"""Fixtures of the assessments tests: the two standard versions and cycles of Kota Probolinggo."""

from decimal import Decimal

import pytest
from django.db import connection

P = "kota-probolinggo.sc100.test"
APEX = "sc100.test"


@pytest.fixture
def versions(db):
    from assessments.framework.services import seed_standard_versions

    return seed_standard_versions()


@pytest.fixture
def version(versions):
    return versions[1]  # 10/20/30/20/20


@pytest.fixture
def in_probolinggo(world):
    connection.set_tenant(world.probolinggo)
    yield world.probolinggo
    connection.set_schema_to_public()


@pytest.fixture
def cycle(in_probolinggo, version, world):
    from assessments import services

    return services.start_cycle(framework_version=version, year=2024, stage=1, actor=world.users["admin_probolinggo"])


def fill(cycle, score="3", *, verified=None):
    """Self-assess every indicator with ``score`` (and verify with ``verified`` when given)."""
    from assessments import services

    for response in cycle.responses.all():
        services.save_self_assessment(
            response=response, score=Decimal(score), evidence_text="", evidence_links="", actor=None
        )
    if verified is not None:
        services.change_state(cycle=cycle, action="submit", actor=None)
        for response in cycle.responses.all():
            services.save_verification(response=response, score=Decimal(verified), notes="", actor=None)
