"""With Redis away, the cache misses instead of failing, and the analyst pages still answer."""

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from config.cache import ForgivingRedisCache
from tests.factories import NegotiationFactory

NOBODY_LISTENS = "redis://127.0.0.1:1/0"  # port 1: connection refused at once
DEAD_REDIS = {
    "default": {
        "BACKEND": "config.cache.ForgivingRedisCache",
        "LOCATION": NOBODY_LISTENS,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


@pytest.fixture
def dead_cache() -> ForgivingRedisCache:
    return ForgivingRedisCache(NOBODY_LISTENS, {"OPTIONS": {"socket_connect_timeout": 1}})


def test_reads_miss_and_writes_are_skipped(dead_cache):
    dead_cache.set("key", "value")

    assert dead_cache.get("key", "fallback") == "fallback"
    assert dead_cache.get_many(["key"]) == {}
    assert dead_cache.delete("key") is False


def test_get_or_set_computes_the_value_once(dead_cache):
    calls = []

    def compute():
        calls.append(1)
        return 42

    assert dead_cache.get_or_set("key", compute) == 42
    assert len(calls) == 1


def test_add_still_raises_for_locks_that_must_know(dead_cache):
    with pytest.raises(RedisConnectionError):
        dead_cache.add("politeness:example.org", 1, timeout=2)


def test_settings_use_the_forgiving_cache_with_short_timeouts(monkeypatch):
    import importlib

    import config.settings

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/9")
    try:
        settings = importlib.reload(config.settings)
        cache = settings.CACHES["default"]
        assert cache["BACKEND"] == "config.cache.ForgivingRedisCache"
        assert cache["OPTIONS"]["socket_timeout"] <= 1
    finally:
        monkeypatch.undo()
        importlib.reload(config.settings)


@pytest.mark.django_db
def test_the_matrix_answers_with_redis_down(client, settings):
    settings.CACHES = DEAD_REDIS
    settings.PUBLIC_READ = True
    negotiation = NegotiationFactory(name="Talks in the dark")

    response = client.get(f"/n/{negotiation.slug}/")

    assert response.status_code == 200
    assert "Talks in the dark" in response.text
