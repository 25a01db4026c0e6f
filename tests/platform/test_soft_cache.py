"""The soft cache against a Redis that does not answer: misses, no errors, claims go ahead."""

import socket

from platform.cache import SoftRedisCache


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _unreachable_cache() -> SoftRedisCache:
    location = f"redis://127.0.0.1:{_closed_port()}/0"
    return SoftRedisCache(location, {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}})


def test_reads_miss_and_writes_do_nothing_without_redis():
    cache = _unreachable_cache()
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("k", 1)
    cache.delete("k")
    assert cache.has_key("k") is False


def test_add_lets_the_claim_or_debounce_through_without_redis():
    # A snapshot refresh's debounce and an import's claim use ``add``: without Redis the action
    # goes ahead instead of being skipped as if another request had claimed it.
    cache = _unreachable_cache()
    assert cache.add("snapshot-refresh-pending", 1, 2) is True
    assert cache.add("snapshot-refresh-pending", 1, 2) is True


def test_keys_written_during_the_outage_are_remembered_for_deletion():
    cache = _unreachable_cache()
    cache.set("session-key", 1)
    cache.add("claim-key", 1)
    assert {cache.make_and_validate_key("session-key"), cache.make_and_validate_key("claim-key")} <= cache._stale
