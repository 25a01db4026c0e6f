"""Fixtures of the assessments tests: the two standard versions and cycles of Kota Probolinggo."""

from decimal import Decimal

import pytest
from django.db import connection

from tenants.access import SYSTEM

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
def draft(versions):
    """An unfrozen copy of the 2022 guideline, as the ministry prepares next year's."""
    from assessments.framework.services import copy_as_new_version

    return copy_as_new_version(actor=SYSTEM, version=versions[1], code="pedoman-2027", name="Pedoman 2027", year=2027)


@pytest.fixture
def admin(world, client_for):
    """A client signed in as the ministry's admin."""
    return client_for(world.users["ministry_admin"])


def actor(world, name, workspace=None):
    """``name`` of the world acting in ``workspace`` (Kota Probolinggo by default), with their access there."""
    from tenants.access import Actor
    from tenants.selectors import workspace_access

    user = world.users[name]
    return Actor(user=user, access=workspace_access(user=user, workspace=workspace or world.probolinggo))


@pytest.fixture
def in_probolinggo(world):
    connection.set_tenant(world.probolinggo)
    yield world.probolinggo
    connection.set_schema_to_public()


@pytest.fixture
def cycle(in_probolinggo, version, world):
    from assessments import services

    return services.start_cycle(actor=actor(world, "admin_probolinggo"), framework_version=version, year=2024, stage=1)


def fill(cycle, score="3", *, verified=None):
    """Self-assess every indicator with ``score`` (and verify with ``verified`` when given)."""
    from assessments import services

    for response in cycle.responses.all():
        services.save_self_assessment(
            response=response, score=Decimal(score), evidence_text="", evidence_links="", actor=SYSTEM
        )
    if verified is not None:
        services.change_state(cycle=cycle, action="submit", actor=SYSTEM)
        for response in cycle.responses.all():
            services.save_verification(response=response, score=Decimal(verified), notes="", actor=SYSTEM)
