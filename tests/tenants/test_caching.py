"""Host resolution is cached and invalidated; cache keys carry the schema name."""

import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenants.models import Domain
from tenants.selectors import membership_cache_key

P = "kota-probolinggo.sc100.test"


def test_warm_host_cache_costs_no_query_for_the_workspace(world, client_for):
    client = client_for(world.users["viewer_probolinggo"])
    client.get("/", HTTP_HOST=P)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/health/", HTTP_HOST=P).status_code == 200
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "tenants_domain" not in sql and "tenants_workspace" not in sql


def test_workspace_page_costs_no_query_more_than_the_same_page_on_the_apex(world, client_for):
    """With warm caches (host, membership) the gate of a workspace page costs no query."""
    client = client_for(world.users["viewer_probolinggo"])
    # Like for like: each signs the user in and reads one small unpaginated list.
    client.get("/api/v1/funding-sources/", HTTP_HOST=P)
    client.get("/api/v1/provinces/", HTTP_HOST="sc100.test")
    with CaptureQueriesContext(connection) as apex:
        assert client.get("/api/v1/provinces/", HTTP_HOST="sc100.test").status_code == 200
    with CaptureQueriesContext(connection) as workspace:
        assert client.get("/api/v1/funding-sources/", HTTP_HOST=P).status_code == 200
    real = lambda qs: [q["sql"] for q in qs.captured_queries if not q["sql"].startswith("SET search_path")]  # noqa: E731
    assert len(real(workspace)) == len(real(apex)), real(workspace)
    assert "tenants_membership" not in " ".join(real(workspace))


def test_the_cold_membership_lookup_is_one_query(world, client_for):
    client = client_for(world.users["viewer_probolinggo"])
    client.get("/api/v1/funding-sources/", HTTP_HOST=P)
    caches["global"].delete(
        membership_cache_key(user_id=world.users["viewer_probolinggo"].pk, workspace_id=world.probolinggo.pk)
    )
    with CaptureQueriesContext(connection) as workspace:
        assert client.get("/api/v1/funding-sources/", HTTP_HOST=P).status_code == 200
    assert sum("tenants_membership" in q["sql"] for q in workspace.captured_queries) == 1


def test_changing_a_domain_invalidates_the_cached_host(world, client_for):
    client = client_for(world.users["viewer_probolinggo"])
    assert client.get("/", HTTP_HOST=P).status_code == 200
    domain = Domain.objects.get(domain=P)
    domain.domain = "smartcity.probolinggokota.sc100.test"
    domain.save()
    assert client.get("/", HTTP_HOST=P).status_code == 404
    assert client.get("/", HTTP_HOST="smartcity.probolinggokota.sc100.test").status_code == 200


def test_unknown_host_is_cached_until_the_workspace_is_provisioned(world, client_for):
    from tenants.models import Region
    from tenants.services import provision_workspace

    client = client_for(world.users["ministry_admin"])
    assert client.get("/", HTTP_HOST="kabupaten-probolinggo.sc100.test").status_code == 404
    provision_workspace(region=Region.objects.get(code="35.13"))
    assert client.get("/", HTTP_HOST="kabupaten-probolinggo.sc100.test").status_code == 200


def test_cache_keys_are_prefixed_by_schema(world):
    connection.set_tenant(world.probolinggo)
    cache.set("dashboard", "probolinggo data")
    connection.set_tenant(world.pasuruan)
    assert cache.get("dashboard") is None
    cache.set("dashboard", "pasuruan data")
    connection.set_tenant(world.probolinggo)
    assert cache.get("dashboard") == "probolinggo data"
    raw = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    keys = {k.decode() for k in raw.keys("*dashboard")}
    assert keys == {"kota_probolinggo:sc100test:1:dashboard", "kota_pasuruan:sc100test:1:dashboard"}


def test_log_lines_carry_the_schema_and_host(world):
    import logging
    from logging.config import dictConfig

    from django.conf import settings as django_settings

    dictConfig(django_settings.LOGGING)
    handler = logging.getLogger().handlers[0]
    connection.set_tenant(world.probolinggo)
    connection.tenant.domain_url = "kota-probolinggo.sc100.test"
    record = logging.LogRecord("tenants", logging.WARNING, __file__, 1, "membership refused", None, None)
    for log_filter in handler.filters:
        log_filter.filter(record)
    line = handler.format(record)
    assert "[kota_probolinggo:kota-probolinggo.sc100.test]" in line and "membership refused" in line
