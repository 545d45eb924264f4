"""The settings-driven side of fetching: policy, robots.txt cache and per-domain politeness.

Every outbound request of the pipeline goes through here, then through `ingest.fetch.fetch`,
the single chokepoint that enforces the network safety rules.
"""

import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

from negotiations.ingest.fetch import FEED_ACCEPT, HTML_ACCEPT, FetchPolicy, FetchResult, fetch
from negotiations.ingest.politeness import registrable_domain

logger = logging.getLogger(__name__)


class DjangoCacheAdapter:
    """The small get/set interface the ingest layer expects, over Django's cache (Redis in production).

    A cache that is briefly away (Redis restarting) is a miss, not an error: robots.txt is then
    fetched again rather than the article being failed.
    """

    prefix = "ingest:"

    def get(self, key: str):
        try:
            return cache.get(self.prefix + key)
        except Exception as exc:  # the cache backend's own connection errors
            logger.warning("cache unavailable, reading %s afresh: %s", key, exc)
            return None

    def set(self, key: str, value, ttl: float) -> None:
        try:
            cache.set(self.prefix + key, value, timeout=int(ttl))
        except Exception as exc:
            logger.warning("cache unavailable, %s not kept: %s", key, exc)


def policy(**changes) -> FetchPolicy:
    options = {
        "allow_private_networks": settings.FETCH_ALLOW_PRIVATE_NETWORKS,
        # CIDRs reachable even when private networks are not (an intranet feed, the tests' 127.0.0.2).
        "private_network_allowlist": tuple(getattr(settings, "FETCH_PRIVATE_ALLOWLIST", ())),
        "max_bytes": settings.FETCH_MAX_BYTES,
        "timeout": settings.FETCH_TIMEOUT_SECONDS,
        "connect_timeout": min(10.0, settings.FETCH_TIMEOUT_SECONDS),
        "read_timeout": min(20.0, settings.FETCH_TIMEOUT_SECONDS),
        "user_agent": settings.FETCH_USER_AGENT,
    }
    return FetchPolicy(**{**options, **changes})


def fetch_url(url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
    """Fetch a feed or sitemap (feeds are meant to be polled: robots.txt is not consulted)."""
    return fetch(url, policy=policy(accept=FEED_ACCEPT), etag=etag, last_modified=last_modified)


def fetch_page(url: str) -> FetchResult:
    """Fetch an article page: HTML only, honouring robots.txt."""
    return fetch(
        url,
        policy=policy(
            accept=HTML_ACCEPT, require_html=True, check_robots=True, robots_cache=DjangoCacheAdapter()
        ),
    )


def politeness_key(url: str) -> str:
    """One turn per registrable domain: news.example.com and www.example.com share it."""
    return registrable_domain(urlsplit(url).hostname or "")


def wait_for_domain(url: str, *, block: bool) -> None:
    """Keep a minimum interval between requests to one domain, across processes (the cache is shared).

    With `block`, sleep until the domain is free; otherwise raise so that the task is retried later.
    """
    from negotiations.services.pipeline import TransientPipelineError

    interval = settings.FETCH_MIN_DOMAIN_INTERVAL_SECONDS
    domain = politeness_key(url)
    if not interval or not domain:
        return
    key = f"politeness:{domain}"
    while True:
        try:
            free = cache.add(key, 1, timeout=interval)
        except Exception as exc:  # the cache (Redis) is away: try again later rather than hammer the site
            raise TransientPipelineError(
                f"politeness cache unavailable: {exc}", retry_after=interval
            ) from exc
        if free:
            return
        if not block:
            raise TransientPipelineError(
                f"waiting {interval}s before the next request to {domain}", retry_after=interval
            )
        time.sleep(min(interval, 1))
