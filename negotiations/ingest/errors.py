"""Typed errors of the ingest layer, so that callers can decide between retrying and giving up."""

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
