"""The national roll-up contract: how workspace data reaches the region snapshot.

Any tenant app contributes figures to its region's snapshot by registering a provider
(``register_snapshot_provider``) in its ``AppConfig.ready``; a provider runs in the
workspace's schema, inside the refresh's transaction, and returns a dict of snapshot fields
(it may also record its own national figures of the region, in its own public tables). After a change, code running in
a workspace calls ``request_snapshot_refresh()``: it sends the tenant-aware task
``assessments.tasks.refresh_region_snapshot`` once per debounce window, carrying the
workspace's schema, so the national layer never loops over schemas in a request.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

from platform.celery import send_after_commit

SnapshotProvider = Callable[[], dict]
DEBOUNCE_SECONDS = 2
REFRESH_TASK = "assessments.tasks.refresh_region_snapshot"

_providers: list[SnapshotProvider] = []


def register_snapshot_provider(provider: SnapshotProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def snapshot_providers() -> list[SnapshotProvider]:
    return list(_providers)


def request_snapshot_refresh() -> bool:
    """Ask for the current workspace's snapshot to be rebuilt (debounced, after commit).

    Returns whether a task was queued (``False`` when one is already pending).
    """
    # The cache key carries the schema (django-tenants key function), so debouncing is per region.
    if connection.schema_name == "public" or not cache.add("snapshot-refresh-pending", 1, DEBOUNCE_SECONDS):
        return False
    send_after_commit(REFRESH_TASK, countdown=DEBOUNCE_SECONDS)
    return True
