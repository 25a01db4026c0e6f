"""Masterplan tests run in Kota Probolinggo's schema unless they say otherwise."""

import pytest
from django.db import connection


@pytest.fixture
def probolinggo(world):
    connection.set_tenant(world.probolinggo)
    yield world.probolinggo
    connection.set_schema_to_public()


@pytest.fixture
def uploads():
    """Remove what the pages stored in the workspace's storage."""
    yield
    connection.set_schema_to_public()
    from django.core.files.storage import default_storage

    from programs import excel
    from tenants.models import Workspace

    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    try:
        _dirs, files = default_storage.listdir(excel.UPLOAD_DIR)
    except FileNotFoundError:
        files = []
    for name in files:
        default_storage.delete(f"{excel.UPLOAD_DIR}/{name}")
    connection.set_schema_to_public()
