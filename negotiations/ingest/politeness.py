"""Small pluggable pieces of polite fetching: a TTL cache (robots.txt) and a per-domain rate limiter.

The in-memory versions here serve one process (tests, the embedded runtime). In production, plug
objects with the same two methods over a shared store: Django's cache already has `get(key)` and
`set(key, value, timeout)`; a limiter can be `cache.add(key, 1, interval)` (see `RateLimiter`).
"""

import ipaddress
import threading
import time
from typing import Any, Protocol

import tld


class Cache(Protocol):
    """A key-value store with expiry; `get` returns None for a missing or expired key."""

    def get(self, key: str, /) -> Any: ...

    def set(self, key: str, value: Any, ttl: float, /) -> None: ...


class RateLimiter(Protocol):
    """Per-domain politeness.

    `acquire(domain)` returns 0.0 when a request to `domain` may start now (and takes that turn),
    or else the number of seconds until the next turn (and takes nothing).
    """

    def acquire(self, domain: str, /) -> float: ...


class MemoryCache:
    """A thread-safe in-memory `Cache` that keeps at most `max_entries` keys."""

    def __init__(self, *, max_entries: int = 10_000) -> None:
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: str, /) -> Any:
        with self._lock:
            expires_at, value = self._entries.get(key, (0.0, None))
            if expires_at <= time.monotonic():
                self._entries.pop(key, None)
                return None
            return value

    def set(self, key: str, value: Any, ttl: float, /) -> None:
        with self._lock:
            if len(self._entries) >= self.max_entries and key not in self._entries:
                self._forget_oldest()
            self._entries[key] = (time.monotonic() + ttl, value)

    def _forget_oldest(self) -> None:
        # Dicts keep insertion order: the first key is the oldest one set.
        self._entries.pop(next(iter(self._entries)))


class MemoryRateLimiter:
    """A `RateLimiter` allowing one request start per domain every `min_interval` seconds."""

    def __init__(self, *, min_interval: float = 5.0) -> None:
        self.min_interval = min_interval
        self._next_turn: dict[str, float] = {}
        self._lock = threading.Lock()

    def acquire(self, domain: str, /) -> float:
        with self._lock:
            now = time.monotonic()
            next_turn = self._next_turn.get(domain, 0.0)
            if next_turn > now:
                return next_turn - now
            self._next_turn[domain] = now + self.min_interval
            return 0.0


def registrable_domain(host: str) -> str:
    """The domain a site registered ("news.bbc.co.uk" → "bbc.co.uk"), the key for politeness.

    IP addresses and names outside the public suffix list (e.g. "localhost") are returned as they are.
    """
    host = host.strip("[]").rstrip(".").lower()
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    # tld reads the public suffix list bundled in its wheel; it never downloads one on its own.
    return tld.get_fld(host, fix_protocol=True, fail_silently=True) or host
