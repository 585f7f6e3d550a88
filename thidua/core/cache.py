"""A Redis cache that degrades to "nothing cached" when Redis is unreachable: pages
keep answering (slower) instead of failing while the cache is down."""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)


class ResilientRedisCache(RedisCache):
    def _quietly(self, method: str, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except Exception:  # redis-py raises several kinds; all mean "no cache now"
            log.warning("Cache unreachable during %s; continuing without it", method)
            return default

    def get(self, key, default=None, version=None):
        return self._quietly("get", default, key, default, version)

    def set(self, key, value, timeout=None, version=None):
        return self._quietly("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=None, version=None):
        return self._quietly("add", False, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._quietly("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._quietly("get_many", {}, keys, version)

    def set_many(self, data, timeout=None, version=None):
        return self._quietly("set_many", list(data), data, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._quietly("incr", None, key, delta, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._quietly("touch", False, key, timeout, version)

    def delete_many(self, keys, version=None):
        return self._quietly("delete_many", None, keys, version)
