"""Redis as a cache that a brief Redis outage cannot take the site down with.

The analyst pages keep rendered fragments in the cache, and the extraction registry and the speakers menu
read from it. With Redis away (restarting, a network blip), reads miss and writes are skipped, so pages are
rendered afresh rather than failing; each failure is logged. `add` and `incr` still raise: their callers
(the per-domain politeness lock) must know when they could not lock, and retry later.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

CACHE_ERRORS = (RedisError, OSError)


def _skipped(operation: str, exc: Exception) -> None:
    logger.warning("cache unavailable, %s skipped: %s", operation, exc)


class ForgivingRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except CACHE_ERRORS as exc:
            _skipped("get", exc)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except CACHE_ERRORS as exc:
            _skipped("get_many", exc)
            return {}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except CACHE_ERRORS as exc:
            _skipped("set", exc)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except CACHE_ERRORS as exc:
            _skipped("set_many", exc)
            return list(data)

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, self._missing_key, version)
        if value is self._missing_key:
            value = default() if callable(default) else default
            try:
                self.add(key, value, timeout, version)
            except CACHE_ERRORS as exc:
                _skipped("add", exc)
        return value

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except CACHE_ERRORS as exc:
            _skipped("delete", exc)
            return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except CACHE_ERRORS as exc:
            _skipped("touch", exc)
            return False
