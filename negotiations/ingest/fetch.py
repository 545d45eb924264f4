"""The one way Parley fetches anything from the network: feeds, pages, sitemaps, robots.txt.

`fetch()` enforces the safety rules on every request and every redirect hop:
- http and https only, no user:password@ in URLs, optional port allowlist;
- the host name is resolved and *every* address it resolves to is checked (no loopback, private,
  link-local, CGNAT, multicast, reserved, IPv4-mapped or -compatible IPv6, ...) unless the policy
  allows private networks; the connection then goes to an address that was checked, so a second,
  different DNS answer (DNS rebinding) cannot sneak in;
- redirects are followed by hand, at most `max_redirects`, each target checked again, and a redirect
  from https to http is refused;
- connect and read timeouts, plus a total deadline after which the sockets are shut down (slowloris);
- the body is streamed and cut at `max_bytes` of *decoded* content (gzip bombs);
- conditional GET (ETag, Last-Modified), robots.txt for pages, per-domain politeness.

Why not requests-hardened's adapter: it checks only the first address a name resolves to, lets
IPv4-compatible IPv6 ([::127.0.0.1]) through, and can allow loopback but not an intranet CIDR. The
adapter below uses the same idea (connect to the checked IP, keep Host, SNI and certificate checks on
the name) at the socket level, where it also covers reconnections.
"""

import codecs
import contextlib
import dataclasses
import email.utils
import functools
import re
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from typing import Any
from urllib.parse import urljoin, urlsplit

import protego
import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool

from negotiations.ingest.addresses import AddressBlocked, is_allowed_address, resolve
from negotiations.ingest.errors import FetchError
from negotiations.ingest.politeness import Cache, MemoryCache, RateLimiter, registrable_domain

MAX_URL_LENGTH = 2048
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
ROBOTS_RETRY_SECONDS = 600.0  # how long an unreachable robots.txt blocks a host before trying again
MAX_RETRY_AFTER = 24 * 3600.0


def _version() -> str:
    try:
        return metadata.version("parley")
    except metadata.PackageNotFoundError:
        return "dev"


USER_AGENT = f"Parley/{_version()} (+https://github.com/parley-project/parley)"


@dataclass(frozen=True)
class FetchPolicy:
    """How to fetch: limits, safety switches and the politeness helpers.

    Build one per kind of request, e.g. `FetchPolicy.for_feeds()` and `FetchPolicy.for_pages()`, and
    derive variants with `dataclasses.replace(policy, ...)` (which keeps the same cache and limiter).
    """

    user_agent: str = USER_AGENT
    accept: str = "*/*"
    allow_private_networks: bool = False
    private_network_allowlist: tuple[str, ...] = ()  # CIDRs reachable even when private networks are not
    allowed_ports: frozenset[int] | None = None  # None: any port
    max_redirects: int = 5
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    timeout: float = 60.0  # total deadline for the whole fetch, redirects included
    max_bytes: int = 5 * 1024 * 1024  # of decoded content
    truncate_oversize: bool = False  # True: keep the first max_bytes instead of failing with too_large
    require_html: bool = False  # refuse a response whose Content-Type is not HTML (not_html)
    check_robots: bool = False  # consult robots.txt (for article pages; feeds are meant to be polled)
    robots_cache: Cache = field(default_factory=MemoryCache, compare=False, repr=False)
    robots_ttl: float = 24 * 3600.0
    rate_limiter: RateLimiter | None = field(default=None, compare=False, repr=False)
    max_politeness_wait: float = 10.0  # sleep this long at most for the limiter, else rate_limited

    @classmethod
    def for_feeds(cls, **changes: Any) -> "FetchPolicy":
        """Feeds and sitemaps: any content type, no robots.txt."""
        return cls(**{"accept": FEED_ACCEPT, **changes})

    @classmethod
    def for_pages(cls, **changes: Any) -> "FetchPolicy":
        """Article pages: HTML only, robots.txt honoured."""
        return cls(**{"accept": HTML_ACCEPT, "require_html": True, "check_robots": True, **changes})


@dataclass(frozen=True)
class FetchResult:
    """A successful fetch (2xx) or a 304 answer to a conditional GET (`not_modified`, empty content)."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    headers: Mapping[str, str]  # names in lower case
    content: bytes  # decoded from gzip/deflate, at most policy.max_bytes
    content_type: str  # media type without parameters, lower case; "" when the server sent none
    encoding: str | None  # charset named in Content-Type (a hint: the body may say otherwise)
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    truncated: bool = False
    redirects: tuple[str, ...] = ()  # the URLs that redirected, in order
    elapsed: float = 0.0  # seconds


def fetch(
    url: str, *, policy: FetchPolicy, etag: str | None = None, last_modified: str | None = None
) -> FetchResult:
    """GET `url` under `policy`. Raises `FetchError` (see its `reason`, `permanent`, `retry_after`)."""
    started = time.monotonic()
    url = _checked_url(url.strip(), policy=policy)
    _wait_for_turn(url, policy)
    headers = {"User-Agent": policy.user_agent, "Accept": policy.accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    with _Deadline(policy.timeout) as deadline, _guarded_session(policy, deadline) as session:
        return _follow(session, url, headers=headers, policy=policy, deadline=deadline, started=started)


def _follow(
    session: requests.Session,
    url: str,
    *,
    headers: dict[str, str],
    policy: FetchPolicy,
    deadline: "_Deadline",
    started: float,
) -> FetchResult:
    current = url
    redirects: list[str] = []
    while True:
        if policy.check_robots:
            _check_robots(current, policy)
        with _translated_errors(current, deadline):
            response = session.get(
                current,
                headers=headers,
                stream=True,
                allow_redirects=False,
                timeout=(policy.connect_timeout, policy.read_timeout),
            )
        with response:
            location = response.headers.get("Location") if response.status_code in REDIRECT_STATUSES else None
            if not location:
                return _result(
                    response, url=url, redirects=redirects, policy=policy, deadline=deadline, started=started
                )
        if len(redirects) >= policy.max_redirects:
            raise FetchError("too_many_redirects", f"more than {policy.max_redirects} redirects", url=current)
        redirects.append(current)
        current = _redirect_target(current, location, policy)


def _result(
    response: requests.Response,
    *,
    url: str,
    redirects: list[str],
    policy: FetchPolicy,
    deadline: "_Deadline",
    started: float,
) -> FetchResult:
    final_url = response.url
    headers = {name.lower(): value for name, value in response.headers.items()}
    content_type, encoding = parse_content_type(headers.get("content-type", ""))
    status = response.status_code
    truncated = False
    if status == 304:
        content = b""
    elif not 200 <= status < 300:
        raise FetchError(
            "http_status",
            f"HTTP {status} {response.reason or ''}".strip(),
            url=final_url,
            status=status,
            retry_after=parse_retry_after(headers.get("retry-after")),
        )
    elif policy.require_html and content_type and content_type not in HTML_CONTENT_TYPES:
        raise FetchError(
            "not_html", f"expected an HTML page, got {content_type}", url=final_url, status=status
        )
    else:
        content, truncated = _read_body(response, policy=policy, deadline=deadline, url=final_url)
    return FetchResult(
        url=url,
        final_url=final_url,
        status=status,
        headers=headers,
        content=content,
        content_type=content_type,
        encoding=encoding,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
        not_modified=status == 304,
        truncated=truncated,
        redirects=tuple(redirects),
        elapsed=time.monotonic() - started,
    )


def _read_body(
    response: requests.Response, *, policy: FetchPolicy, deadline: "_Deadline", url: str
) -> tuple[bytes, bool]:
    too_large = FetchError("too_large", f"the response is larger than {policy.max_bytes} bytes", url=url)
    declared_length = response.headers.get("Content-Length", "")
    if declared_length.isdigit() and int(declared_length) > policy.max_bytes and not policy.truncate_oversize:
        raise too_large
    body = bytearray()
    with _translated_errors(url, deadline):
        # iter_content decodes gzip/deflate piece by piece, so the cap applies to decoded bytes.
        for chunk in response.iter_content(chunk_size=64 * 1024):
            body += chunk
            if len(body) > policy.max_bytes:
                if not policy.truncate_oversize:
                    raise too_large
                return bytes(body[: policy.max_bytes]), True
            if deadline.expired:
                break
    # A socket shut down by the deadline can look like a normal end of the body: check.
    if deadline.expired:
        raise deadline.error(url)
    return bytes(body), False


def _checked_url(url: str, *, policy: FetchPolicy) -> str:
    if len(url) > MAX_URL_LENGTH:
        raise FetchError("bad_url", f"URL longer than {MAX_URL_LENGTH} characters", url=url[:200])
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError("bad_url", f"invalid URL: {exc}", url=url) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("bad_scheme", f"only http and https URLs are fetched, not {parts.scheme!r}", url=url)
    if not parts.hostname:
        raise FetchError("bad_url", "URL without a host", url=url)
    if "@" in parts.netloc:
        raise FetchError("bad_url", "URLs with user:password@ are not fetched", url=url)
    if policy.allowed_ports is not None:
        effective_port = port or (443 if parts.scheme.lower() == "https" else 80)
        if effective_port not in policy.allowed_ports:
            raise FetchError("bad_url", f"port {effective_port} is not allowed", url=url)
    return url


def _redirect_target(current: str, location: str, policy: FetchPolicy) -> str:
    target = requests.utils.requote_uri(urljoin(current, location.strip()))
    target = _checked_url(target, policy=policy)
    if urlsplit(current).scheme.lower() == "https" and urlsplit(target).scheme.lower() == "http":
        raise FetchError("insecure_redirect", f"refused redirect from https to {target}", url=current)
    return target


def parse_content_type(value: str) -> tuple[str, str | None]:
    """("text/html", "cp1251") from "text/html; charset=windows-1251"; charset None if absent or unknown."""
    media_type, _, params = value.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, flags=re.IGNORECASE)
    charset = None
    if match:
        try:
            charset = codecs.lookup(match.group(1)).name
        except LookupError:
            charset = None
    return media_type.strip().lower(), charset


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait, from a Retry-After header in seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


# --- politeness -----------------------------------------------------------------------------------


def _wait_for_turn(url: str, policy: FetchPolicy) -> None:
    if policy.rate_limiter is None:
        return
    domain = registrable_domain(urlsplit(url).hostname or "")
    waited = 0.0
    while (wait := policy.rate_limiter.acquire(domain)) > 0:
        if waited + wait > policy.max_politeness_wait:
            raise FetchError(
                "rate_limited", f"next request to {domain} allowed in {wait:.1f} s", url=url, retry_after=wait
            )
        time.sleep(wait)
        waited += wait


def _check_robots(url: str, policy: FetchPolicy) -> None:
    parts = urlsplit(url)
    origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    key = f"robots:{origin}"
    rules = policy.robots_cache.get(key)
    if rules is None:
        rules, ttl = _fetch_robots(origin, policy)
        policy.robots_cache.set(key, rules, ttl)
    if rules["state"] == "unreachable":
        raise FetchError(
            "robots_unavailable",
            f"{origin}/robots.txt could not be read; the site is not crawled until it can be",
            url=url,
            retry_after=ROBOTS_RETRY_SECONDS,
        )
    if rules["state"] == "rules":
        agent = policy.user_agent.split("/", 1)[0]
        if not protego.Protego.parse(rules["body"]).can_fetch(url, agent):
            raise FetchError("robots_disallowed", f"robots.txt of {origin} disallows this URL", url=url)


def _fetch_robots(origin: str, policy: FetchPolicy) -> tuple[dict[str, str], float]:
    """The robots.txt of a site, as a cacheable dict, and how long to cache it (RFC 9309 §2.3.1)."""
    robots_policy = dataclasses.replace(
        policy,
        accept="text/plain, */*;q=0.5",
        check_robots=False,
        require_html=False,
        rate_limiter=None,
        max_bytes=ROBOTS_MAX_BYTES,
        truncate_oversize=True,
    )
    try:
        result = fetch(f"{origin}/robots.txt", policy=robots_policy)
    except FetchError as exc:
        if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
            return {"state": "allow_all"}, policy.robots_ttl  # no robots.txt: everything is allowed
        if exc.permanent:
            return {"state": "allow_all"}, policy.robots_ttl
        return {"state": "unreachable"}, min(policy.robots_ttl, ROBOTS_RETRY_SECONDS)
    return {"state": "rules", "body": result.content.decode("utf-8", errors="replace")}, policy.robots_ttl


# --- the guarded connection -----------------------------------------------------------------------


class _Deadline:
    """The total time allowed for one fetch; when it passes, every socket of the fetch is shut down,
    which unblocks any read, however slowly the server trickles bytes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut_down(sock)

    def error(self, url: str) -> FetchError:
        return FetchError("timeout", f"no complete response within {self.seconds:g} s", url=url)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut_down(sock)


def _shut_down(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


@dataclass(frozen=True)
class _Guard:
    policy: FetchPolicy
    deadline: _Deadline

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses of `host`, all checked; raises AddressBlocked if any one is refused."""
        addresses = resolve(host, port)
        for address in addresses:
            if not is_allowed_address(
                address,
                allow_private_networks=self.policy.allow_private_networks,
                allowlist=self.policy.private_network_allowlist,
            ):
                raise AddressBlocked(host, address)
        return [str(address) for address in addresses]


class _GuardedConnectionMixin:
    """Resolves and checks the host at connect time, then dials one of the checked addresses."""

    _dns_host: str
    port: int

    def __init__(self, *args: Any, guard: _Guard, **kwargs: Any) -> None:
        self._guard = guard
        super().__init__(*args, **kwargs)
        self._checked_host = self._dns_host

    def _new_conn(self) -> socket.socket:
        try:
            addresses = self._guard.addresses(self._checked_host, self.port)
        except socket.gaierror as exc:
            raise urllib3.exceptions.NameResolutionError(self._checked_host, self, exc) from exc  # type: ignore[arg-type]
        last_error: Exception | None = None
        for address in addresses:
            # urllib3 dials self._dns_host; pointing it at a checked IP leaves Host, SNI and the
            # certificate check on the original name.
            self._dns_host = address
            try:
                sock = super()._new_conn()  # type: ignore[misc]
            except (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError) as exc:
                last_error = exc
                continue
            self._guard.deadline.watch(sock)
            return sock
        assert last_error is not None  # getaddrinfo never returns an empty list
        raise last_error


class _GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


class _GuardedAdapter(HTTPAdapter):
    def __init__(self, guard: _Guard) -> None:
        self._guard = guard
        super().__init__(max_retries=0)

    def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):  # type: ignore[no-untyped-def]
        pool = super().get_connection_with_tls_context(request, verify, proxies=proxies, cert=cert)
        connection_class = (
            _GuardedHTTPSConnection if isinstance(pool, HTTPSConnectionPool) else _GuardedHTTPConnection
        )
        pool.ConnectionCls = functools.partial(connection_class, guard=self._guard)  # type: ignore[assignment]
        return pool


@contextmanager
def _guarded_session(policy: FetchPolicy, deadline: _Deadline) -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.trust_env = False  # no proxies, .netrc or CA bundle from the environment
        adapter = _GuardedAdapter(_Guard(policy=policy, deadline=deadline))
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        yield session


@contextmanager
def _translated_errors(url: str, deadline: _Deadline) -> Iterator[None]:
    """Turn the exceptions of requests and urllib3 into FetchErrors with a reason."""
    try:
        yield
    except FetchError:
        raise
    except AddressBlocked as exc:
        raise FetchError("blocked_address", str(exc), url=url) from exc
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        if deadline.expired:
            raise deadline.error(url) from exc
        raise _fetch_error(exc, url) from exc


def _fetch_error(exc: Exception, url: str) -> FetchError:
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchError("tls", f"TLS error: {exc}", url=url)
    if isinstance(exc, requests.Timeout | urllib3.exceptions.TimeoutError | TimeoutError):
        return FetchError("timeout", f"timed out: {exc}", url=url)
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return FetchError("bad_content_encoding", f"could not decode the response: {exc}", url=url)
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.URLRequired):
        return FetchError("bad_url", str(exc), url=url)
    return FetchError("connection", f"connection failed: {exc}", url=url)
