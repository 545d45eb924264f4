"""Typed errors of the ingest layer, so that callers can decide between retrying and giving up."""

import re
from urllib.parse import urlsplit

# Failures that a retry will not cure. Everything else (timeouts, connection errors, 429, 5xx,
# robots.txt unreachable, per-domain wait) is worth retrying later.
PERMANENT_REASONS = frozenset(
    {
        "bad_scheme",
        "bad_url",
        "blocked_address",
        "insecure_redirect",
        "too_many_redirects",
        "too_large",
        "not_html",
        "robots_disallowed",
        "bad_content_encoding",
    }
)

# HTTP statuses a later attempt may fix: request timeout, rate limiting, server trouble.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class IngestError(Exception):
    """Base class of every error raised by `negotiations.ingest`."""


class FetchError(IngestError):
    """A URL could not be fetched.

    `reason` is one of: "bad_scheme", "bad_url", "blocked_address", "insecure_redirect",
    "too_many_redirects", "too_large", "not_html", "robots_disallowed", "robots_unavailable",
    "bad_content_encoding", "timeout", "connection", "tls", "http_status", "rate_limited".
    `permanent` says whether retrying is pointless; `retry_after` is the delay in seconds the server
    (Retry-After) or the rate limiter asked for, if any; `status` the HTTP status, if one was received.
    """

    def __init__(
        self,
        reason: str,
        message: str,
        *,
        url: str,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.url = url
        self.status = status
        self.retry_after = retry_after

    @property
    def permanent(self) -> bool:
        if self.reason == "http_status":
            return self.status not in TRANSIENT_STATUSES
        return self.reason in PERMANENT_REASONS

    def __repr__(self) -> str:
        return f"FetchError({self.reason!r}, {str(self)!r}, url={self.url!r}, status={self.status!r})"


class FeedError(IngestError):
    """A feed could not be parsed into any entry."""


class SitemapError(IngestError):
    """A sitemap is not well-formed XML, uses a DTD or entities, or is not a sitemap at all."""


# What an admin reads on the sources page: plain words, never an exception's repr. `{message}` is the
# error's own text (already written for people), `{host}` the server asked.
FETCH_WORDS = {
    "bad_scheme": "Only http and https addresses are fetched",
    "bad_url": "Not a valid address: {message}",
    "blocked_address": "Refused: {message}",
    "insecure_redirect": "Refused: the page redirects from https to an insecure address",
    "too_many_redirects": "The address redirects too many times",
    "too_large": "The page is too large ({message})",
    "not_html": "Not a web page: {message}",
    "robots_disallowed": "The site's robots.txt does not allow reading this page",
    "robots_unavailable": "The site's robots.txt could not be read; the site is not read until it can be",
    "bad_content_encoding": "The server sent a response that could not be decoded",
    "tls": "The secure connection to {host} failed (a certificate or TLS problem)",
    "rate_limited": "Waiting a moment before asking {host} again",
}
_SECONDS = re.compile(r"within (\d+(?:\.\d+)?) s\b")
_NOT_FOUND_HOST = ("NameResolutionError", "Name or service not known", "nodename nor servname", "getaddrinfo")


def plain_error(exc: Exception, *, timeout_seconds: float | None = None) -> str:
    """An ingest failure in words an admin reads on the sources page."""
    if isinstance(exc, FetchError):
        return _plain_fetch_error(exc, timeout_seconds)
    if isinstance(exc, FeedError | SitemapError):
        text = str(exc)
        if text.startswith(("refused", "not a")):  # already says what is wrong
            return _capitalized(text)
        return f"Not a {'feed' if isinstance(exc, FeedError) else 'sitemap'}: {text}"
    if isinstance(exc, FileNotFoundError):
        return "The file is not there"
    if isinstance(exc, PermissionError):
        return "The file may not be read (permissions)"
    if isinstance(exc, OSError):
        return f"The file could not be read: {exc.strerror or exc}"
    return _capitalized(str(exc) or type(exc).__name__)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain_fetch_error(exc: FetchError, timeout_seconds: float | None) -> str:
    host = urlsplit(exc.url).hostname or "the server"
    message = str(exc)
    if exc.reason == "http_status":
        return "The server answered " + message.removeprefix("HTTP ").strip()
    if exc.reason == "timeout":
        found = _SECONDS.search(message)
        seconds = float(found.group(1)) if found else timeout_seconds
        return f"The page took longer than {seconds:g} s" if seconds else f"{host} took too long to answer"
    if exc.reason == "connection":
        if any(marker in message for marker in _NOT_FOUND_HOST):
            return f"No server is known by the name {host}"
        if "refused" in message.lower():
            return f"{host} refused the connection"
        return f"Could not connect to {host}"
    words = FETCH_WORDS.get(exc.reason)
    return words.format(host=host, message=message) if words else message
