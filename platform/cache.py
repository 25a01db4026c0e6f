"""The Redis cache, soft when Redis is unreachable: pages keep serving from PostgreSQL.

Every cache use in the project is an optimisation over data kept in PostgreSQL (sessions are
``cached_db``, memberships and tenants are cached reads), so while Redis is down a read is a
miss, a write does nothing and the page is served from the database. ``add`` answers
``True`` ("added"): its callers use it as a claim or a debounce (one snapshot refresh per two
seconds, one import per upload), and without Redis the action goes ahead rather than being
silently skipped; the database's own constraints and the job rows still hold.

One thing would not be sound: a value changed or removed in PostgreSQL during the outage
(a sign-out, a revoked membership) whose cache write or delete failed could be read again
once Redis is back with its old data. So every key whose write or delete failed is
remembered by this process and deleted first, before anything else is read, as soon as
Redis answers again.
"""

import logging
import threading

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class SoftRedisCache(RedisCache):
    """Django's ``RedisCache``; an unreachable Redis is a miss, never an error on a page."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._stale: set[str] = set()  # made keys to delete once Redis answers again
        self._lock = threading.Lock()

    def _forget_stale(self) -> None:
        if not self._stale:
            return
        with self._lock:
            keys, self._stale = list(self._stale), set()
        try:
            self._cache.delete_many(keys)
        except UNREACHABLE:
            with self._lock:
                self._stale.update(keys)
            raise
        logger.warning("cache reachable again: %s entries written during the outage dropped", len(keys))

    def _soft(self, operation, default, *, keys=(), version=None):
        try:
            self._forget_stale()
            return operation()
        except UNREACHABLE as exc:
            if keys:
                made = [self.make_and_validate_key(key, version=version) for key in keys]
                with self._lock:
                    self._stale.update(made)
            logger.warning("cache unreachable (%s): served without it", type(exc).__name__)
            return default

    def get(self, key, default=None, version=None):
        return self._soft(lambda: super(SoftRedisCache, self).get(key, default, version), default)

    def get_many(self, keys, version=None):
        return self._soft(lambda: super(SoftRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._soft(lambda: super(SoftRedisCache, self).has_key(key, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(
            lambda: super(SoftRedisCache, self).add(key, value, timeout, version), True, keys=[key], version=version
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._soft(
            lambda: super(SoftRedisCache, self).set(key, value, timeout, version), None, keys=[key], version=version
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(
            lambda: super(SoftRedisCache, self).set_many(data, timeout, version), list(data), keys=data, version=version
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft(lambda: super(SoftRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._soft(lambda: super(SoftRedisCache, self).delete(key, version), False, keys=[key], version=version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        self._soft(lambda: super(SoftRedisCache, self).delete_many(keys, version), None, keys=keys, version=version)

    def clear(self):
        return self._soft(lambda: super(SoftRedisCache, self).clear(), False)
