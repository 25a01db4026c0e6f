"""Masterplan tests run in Kota Probolinggo's schema unless they say otherwise."""

import pytest
from django.db import connection


@pytest.fixture
def probolinggo(world):
    connection.set_tenant(world.probolinggo)
    yield world.probolinggo
    connection.set_schema_to_public()
