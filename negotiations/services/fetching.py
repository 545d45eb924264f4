"""The settings-driven side of fetching: policy, robots.txt cache and per-domain politeness.

Every outbound request of the pipeline goes through here, then through `ingest.fetch.fetch`,
the single chokepoint that enforces the network safety rules.
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

from negotiations.ingest.fetch import FetchPolicy, FetchResult, fetch


class DjangoCacheAdapter:
    """The small get/set interface the ingest layer expects, over Django's cache (Redis in production)."""

    prefix = "ingest:"

    def get(self, key: str):
        return cache.get(self.prefix + key)

    def set(self, key: str, value, ttl: float) -> None:
        cache.set(self.prefix + key, value, timeout=int(ttl))


def policy() -> FetchPolicy:
    return FetchPolicy(
        allow_private_networks=settings.FETCH_ALLOW_PRIVATE_NETWORKS,
        max_bytes=settings.FETCH_MAX_BYTES,
        timeout=settings.FETCH_TIMEOUT_SECONDS,
        user_agent=settings.FETCH_USER_AGENT,
    )


def fetch_url(url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
    """Fetch a feed or sitemap (feeds are meant to be polled: robots.txt is not consulted)."""
    return fetch(url, policy=policy(), etag=etag, last_modified=last_modified)


def fetch_page(url: str) -> FetchResult:
    """Fetch an article page, honouring robots.txt."""
    return fetch(url, policy=policy(), check_robots=True, robots_cache=DjangoCacheAdapter())


def wait_for_domain(url: str, *, block: bool) -> None:
    """Keep a minimum interval between requests to one host, across processes (the cache is shared).

    With `block`, sleep until the host is free; otherwise raise so that the task is retried later.
    """
    from negotiations.services.pipeline import TransientPipelineError

    interval = settings.FETCH_MIN_DOMAIN_INTERVAL_SECONDS
    host = (urlsplit(url).hostname or "").lower()
    if not interval or not host:
        return
    key = f"politeness:{host}"
    while True:
        if cache.add(key, 1, timeout=interval):
            return
        if not block:
            raise TransientPipelineError(
                f"waiting {interval}s before the next request to {host}", retry_after=interval
            )
        time.sleep(min(interval, 1))
