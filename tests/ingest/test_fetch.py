import dataclasses
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from negotiations.ingest import addresses
from negotiations.ingest.errors import FetchError
from negotiations.ingest.fetch import USER_AGENT, FetchPolicy, _redirect_target, fetch, parse_retry_after
from negotiations.ingest.politeness import MemoryCache, MemoryRateLimiter

HTML = "text/html; charset=utf-8"


def fetch_error(url: str, policy: FetchPolicy, **kwargs: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, policy=policy, **kwargs)
    return caught.value


# --- what a successful fetch returns ----------------------------------------------------------------


def test_fetch_returns_body_and_metadata(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/page").respond_with_data(
        "<p>hello</p>",
        content_type="text/html; charset=windows-1251",
        headers={"ETag": '"v1"', "Last-Modified": "Fri, 30 Jan 2026 10:00:00 GMT"},
    )

    result = fetch(server.url_for("/page"), policy=local_policy)

    assert result.status == 200
    assert result.content == b"<p>hello</p>"
    assert result.content_type == "text/html"
    assert result.encoding == "cp1251"
    assert result.etag == '"v1"'
    assert result.last_modified == "Fri, 30 Jan 2026 10:00:00 GMT"
    assert result.not_modified is False
    assert result.headers["content-type"] == "text/html; charset=windows-1251"


def test_fetch_sends_the_parley_user_agent(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/ua").respond_with_data("ok")

    fetch(server.url_for("/ua"), policy=local_policy)

    request, _response = server.log[0]
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("Parley/")
    assert "(+https://github.com/parley-project/parley)" in USER_AGENT


def test_second_fetch_with_etag_is_not_modified(server: HTTPServer, local_policy: FetchPolicy) -> None:
    def conditional(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response("<rss/>", content_type="application/rss+xml", headers={"ETag": '"v1"'})

    server.expect_request("/feed").respond_with_handler(conditional)

    first = fetch(server.url_for("/feed"), policy=local_policy)
    second = fetch(server.url_for("/feed"), policy=local_policy, etag=first.etag)

    assert first.not_modified is False
    assert second.not_modified is True
    assert second.status == 304
    assert second.content == b""
    assert second.etag == '"v1"'


def test_last_modified_is_sent_as_if_modified_since(server: HTTPServer, local_policy: FetchPolicy) -> None:
    stamp = "Fri, 30 Jan 2026 10:00:00 GMT"
    server.expect_request("/feed", headers={"If-Modified-Since": stamp}).respond_with_response(
        Response(status=304)
    )

    result = fetch(server.url_for("/feed"), policy=local_policy, last_modified=stamp)

    assert result.not_modified is True


def test_gzip_encoded_body_is_decoded(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/gz").respond_with_data(
        gzip.compress(b"<p>compressed</p>"), content_type=HTML, headers={"Content-Encoding": "gzip"}
    )

    result = fetch(server.url_for("/gz"), policy=local_policy)

    assert result.content == b"<p>compressed</p>"


# --- the SSRF guard ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0x7f000001/",
        "http://017700000001/",
        "http://0177.0.0.1/",
        "http://[::1]/",
        "http://[::127.0.0.1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://255.255.255.255/",
        "http://[2002:7f00:1::]/",
        "http://[64:ff9b::7f00:1]/",
        "https://127.0.0.1:8443/feed.xml",
    ],
)
def test_non_public_addresses_are_refused(url: str) -> None:
    error = fetch_error(url, FetchPolicy(timeout=5))

    assert error.reason == "blocked_address"
    assert error.permanent is True


def test_host_with_one_private_address_among_public_ones_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolver(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(addresses.socket, "getaddrinfo", resolver)

    error = fetch_error("http://mixed.example/", FetchPolicy(timeout=5))

    assert error.reason == "blocked_address"
    assert "10.0.0.7" in str(error)


def test_local_server_is_refused_without_permission(server: HTTPServer) -> None:
    server.expect_request("/feed").respond_with_data("<rss/>")

    error = fetch_error(server.url_for("/feed"), FetchPolicy(timeout=5))

    assert error.reason == "blocked_address"
    assert server.log == []


def test_allowlisted_private_network_is_reachable(second_loopback_server: HTTPServer) -> None:
    second_loopback_server.expect_request("/feed").respond_with_data("<rss/>")
    policy = FetchPolicy(private_network_allowlist=("127.0.0.2/32",), timeout=5)

    result = fetch(second_loopback_server.url_for("/feed"), policy=policy)

    assert result.content == b"<rss/>"


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/admin",
        "http://localhost:{port}/admin",
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://[::1]:{port}/admin",
        "http://[::ffff:127.0.0.1]:{port}/admin",
        "http://10.0.0.1/",
    ],
)
def test_redirect_to_a_private_address_is_refused_after_the_first_hop(
    second_loopback_server: HTTPServer, target: str
) -> None:
    location = target.format(port=second_loopback_server.port)
    second_loopback_server.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": location}
    )
    policy = FetchPolicy(private_network_allowlist=("127.0.0.2/32",), timeout=5)

    error = fetch_error(second_loopback_server.url_for("/start"), policy)

    assert error.reason == "blocked_address"
    assert error.url == location
    assert len(second_loopback_server.log) == 1


def test_connection_goes_to_the_checked_address_not_a_second_dns_answer(
    second_loopback_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name first resolves to an allowed address, then to a forbidden one."""
    second_loopback_server.expect_request("/feed").respond_with_data("<rss/>")
    answers = iter(["127.0.0.2", "127.0.0.1", "127.0.0.1"])
    real_getaddrinfo = socket.getaddrinfo
    lookups = []

    def rebinding_resolver(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        if host != "rebind.example":
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_resolver)
    policy = FetchPolicy(private_network_allowlist=("127.0.0.2/32",), timeout=5)

    result = fetch(f"http://rebind.example:{second_loopback_server.port}/feed", policy=policy)

    assert result.content == b"<rss/>"
    assert lookups == ["rebind.example"]
    request, _response = second_loopback_server.log[0]
    assert request.headers["Host"] == f"rebind.example:{second_loopback_server.port}"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "bad_scheme"),
        ("ftp://example.org/feed.xml", "bad_scheme"),
        ("gopher://example.org/", "bad_scheme"),
        ("javascript:alert(1)", "bad_scheme"),
        ("http://user:secret@example.org/", "bad_url"),
        ("http://@127.0.0.1/", "bad_url"),
        ("http:///no-host", "bad_url"),
        ("http://example.org:99999/", "bad_url"),
        ("http://example.org/" + "a" * 2100, "bad_url"),
    ],
)
def test_bad_urls_are_refused_before_any_connection(url: str, reason: str, no_network: list[object]) -> None:
    error = fetch_error(url, FetchPolicy())

    assert error.reason == reason
    assert error.permanent is True
    assert no_network == []


def test_port_outside_the_allowlist_is_refused(no_network: list[object]) -> None:
    error = fetch_error("http://example.org:6379/", FetchPolicy(allowed_ports=frozenset({80, 443})))

    assert error.reason == "bad_url"
    assert "6379" in str(error)


# --- redirects ----------------------------------------------------------------------------------------


def test_redirects_are_followed_and_recorded(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/middle"})
    server.expect_request("/middle").respond_with_data("", status=307, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data("final", content_type=HTML)

    result = fetch(server.url_for("/old"), policy=local_policy)

    assert result.content == b"final"
    assert result.final_url == server.url_for("/new")
    assert result.url == server.url_for("/old")
    assert result.redirects == (server.url_for("/old"), server.url_for("/middle"))


def test_too_many_redirects(server: HTTPServer, local_policy: FetchPolicy) -> None:
    for hop in range(10):
        server.expect_request(f"/hop{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/hop{hop + 1}"}
        )
    policy = dataclasses.replace(local_policy, max_redirects=3)

    error = fetch_error(server.url_for("/hop0"), policy)

    assert error.reason == "too_many_redirects"
    assert error.permanent is True
    assert len(server.log) == 4


def test_redirect_to_a_file_url_is_refused(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )

    error = fetch_error(server.url_for("/start"), local_policy)

    assert error.reason == "bad_scheme"


def test_redirect_from_https_to_http_is_refused() -> None:
    with pytest.raises(FetchError) as caught:
        _redirect_target("https://news.example.org/a", "http://news.example.org/b", FetchPolicy())

    assert caught.value.reason == "insecure_redirect"
    assert caught.value.permanent is True


def test_relative_redirect_is_resolved_against_the_current_url() -> None:
    assert (
        _redirect_target("https://news.example.org/a/b", "../c?x=1", FetchPolicy())
        == "https://news.example.org/c?x=1"
    )


# --- size limits ----------------------------------------------------------------------------------------


def test_huge_page_is_refused_as_too_large(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/huge").respond_with_data(b"x" * 3_000_000, content_type=HTML)
    policy = dataclasses.replace(local_policy, max_bytes=1_000_000)

    error = fetch_error(server.url_for("/huge"), policy)

    assert error.reason == "too_large"
    assert error.permanent is True


def test_huge_streamed_page_without_length_is_cut_off(server: HTTPServer, local_policy: FetchPolicy) -> None:
    def endless(_request: Request) -> Response:
        return Response((b"y" * 65536 for _ in range(100)), content_type=HTML)

    server.expect_request("/stream").respond_with_handler(endless)
    policy = dataclasses.replace(local_policy, max_bytes=1_000_000)

    error = fetch_error(server.url_for("/stream"), policy)

    assert error.reason == "too_large"


def test_huge_page_can_be_truncated_instead(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/huge").respond_with_data(b"x" * 3_000_000, content_type=HTML)
    policy = dataclasses.replace(local_policy, max_bytes=1_000_000, truncate_oversize=True)

    result = fetch(server.url_for("/huge"), policy=policy)

    assert result.truncated is True
    assert len(result.content) == 1_000_000


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros in about 200 KB of gzip."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    megabyte = b"\0" * 1_000_000
    parts = [compressor.compress(megabyte) for _ in range(200)]
    return b"".join([*parts, compressor.flush()])


def test_gzip_bomb_is_cut_off_at_max_bytes_of_decoded_content(
    server: HTTPServer, local_policy: FetchPolicy, gzip_bomb: bytes
) -> None:
    server.expect_request("/bomb").respond_with_data(
        gzip_bomb, content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    policy = dataclasses.replace(local_policy, max_bytes=1_000_000)
    started = time.monotonic()

    error = fetch_error(server.url_for("/bomb"), policy)

    assert len(gzip_bomb) < policy.max_bytes  # the compressed body itself is under the cap
    assert error.reason == "too_large"
    assert time.monotonic() - started < 2


def test_gzip_bomb_truncated_keeps_exactly_max_bytes(
    server: HTTPServer, local_policy: FetchPolicy, gzip_bomb: bytes
) -> None:
    server.expect_request("/bomb").respond_with_data(
        gzip_bomb, content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    policy = dataclasses.replace(local_policy, max_bytes=1_000_000, truncate_oversize=True)

    result = fetch(server.url_for("/bomb"), policy=policy)

    assert result.truncated is True
    assert result.content == b"\0" * 1_000_000


# --- timeouts -------------------------------------------------------------------------------------------


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Set at the end of the test so that slow handlers finish and the server can stop."""
    event = threading.Event()
    yield event
    event.set()


def test_server_that_does_not_answer_times_out(
    server: HTTPServer, local_policy: FetchPolicy, release: threading.Event
) -> None:
    def silent(_request: Request) -> Response:
        release.wait(10)
        return Response("late")

    server.expect_request("/slow").respond_with_handler(silent)
    policy = dataclasses.replace(local_policy, read_timeout=0.3)
    started = time.monotonic()

    error = fetch_error(server.url_for("/slow"), policy)

    assert error.reason == "timeout"
    assert error.permanent is False
    assert time.monotonic() - started < 2


def test_body_trickling_in_hits_the_total_deadline(
    server: HTTPServer, local_policy: FetchPolicy, release: threading.Event
) -> None:
    def trickle(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(200):
                if release.wait(0.05):
                    return
                yield b"."

        return Response(body(), content_type=HTML)

    server.expect_request("/trickle").respond_with_handler(trickle)
    policy = dataclasses.replace(local_policy, read_timeout=1, timeout=0.8)
    started = time.monotonic()

    error = fetch_error(server.url_for("/trickle"), policy)

    assert error.reason == "timeout"
    assert 0.7 < time.monotonic() - started < 2


@pytest.fixture
def trickling_headers_server(release: threading.Event) -> Iterator[int]:
    """A raw TCP server that sends its status line, then one header byte every 50 ms (slowloris)."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        connection, _address = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(400):
                if release.wait(0.05):
                    return
                try:
                    connection.sendall(b"a")
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield port
    release.set()
    listener.close()
    thread.join(timeout=5)


def test_headers_trickling_in_hit_the_total_deadline(
    trickling_headers_server: int, local_policy: FetchPolicy
) -> None:
    policy = dataclasses.replace(local_policy, read_timeout=1, timeout=0.8)
    started = time.monotonic()

    error = fetch_error(f"http://127.0.0.1:{trickling_headers_server}/", policy)

    assert error.reason == "timeout"
    assert time.monotonic() - started < 2


def test_closed_port_is_a_transient_connection_error(local_policy: FetchPolicy) -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
    # Nothing listens on `port` any more.

    error = fetch_error(f"http://127.0.0.1:{port}/", local_policy)

    assert error.reason == "connection"
    assert error.permanent is False


# --- HTTP errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 451])
def test_client_errors_are_permanent(server: HTTPServer, local_policy: FetchPolicy, status: int) -> None:
    server.expect_request("/gone").respond_with_data("no", status=status)

    error = fetch_error(server.url_for("/gone"), local_policy)

    assert error.reason == "http_status"
    assert error.status == status
    assert error.permanent is True


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_server_errors_and_rate_limits_are_transient(
    server: HTTPServer, local_policy: FetchPolicy, status: int
) -> None:
    server.expect_request("/busy").respond_with_data("busy", status=status, headers={"Retry-After": "120"})

    error = fetch_error(server.url_for("/busy"), local_policy)

    assert error.status == status
    assert error.permanent is False
    assert error.retry_after == 120


def test_retry_after_as_http_date() -> None:
    in_a_minute = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 60))

    assert 50 < parse_retry_after(in_a_minute) <= 60
    assert parse_retry_after("nonsense") is None
    assert parse_retry_after(None) is None


# --- pages: content type and robots.txt --------------------------------------------------------------------


@pytest.fixture
def page_policy(local_policy: FetchPolicy) -> FetchPolicy:
    return FetchPolicy.for_pages(allow_private_networks=True, connect_timeout=2, read_timeout=2, timeout=5)


def test_page_policy_refuses_non_html(server: HTTPServer, page_policy: FetchPolicy) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/report.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")

    error = fetch_error(server.url_for("/report.pdf"), page_policy)

    assert error.reason == "not_html"
    assert error.permanent is True


def test_feed_policy_accepts_any_content_type(server: HTTPServer) -> None:
    server.expect_request("/feed").respond_with_data("<rss/>", content_type="application/rss+xml")
    policy = FetchPolicy.for_feeds(allow_private_networks=True)

    assert fetch(server.url_for("/feed"), policy=policy).content == b"<rss/>"


def test_robots_txt_disallow_is_honoured(server: HTTPServer, page_policy: FetchPolicy) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    server.expect_request("/private/article").respond_with_data("secret", content_type=HTML)

    error = fetch_error(server.url_for("/private/article"), page_policy)

    assert error.reason == "robots_disallowed"
    assert error.permanent is True
    assert [request.path for request, _response in server.log] == ["/robots.txt"]


def test_robots_txt_is_fetched_once_per_host(server: HTTPServer, page_policy: FetchPolicy) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    server.expect_request("/news/1").respond_with_data("one", content_type=HTML)
    server.expect_request("/news/2").respond_with_data("two", content_type=HTML)

    fetch(server.url_for("/news/1"), policy=page_policy)
    fetch(server.url_for("/news/2"), policy=page_policy)

    assert [request.path for request, _response in server.log] == ["/robots.txt", "/news/1", "/news/2"]


def test_robots_txt_rules_for_parley_apply(server: HTTPServer, page_policy: FetchPolicy) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: Parley\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    )

    error = fetch_error(server.url_for("/news/1"), page_policy)

    assert error.reason == "robots_disallowed"


def test_missing_robots_txt_allows_everything(server: HTTPServer, page_policy: FetchPolicy) -> None:
    server.expect_request("/robots.txt").respond_with_data("not found", status=404)
    server.expect_request("/news/1").respond_with_data("one", content_type=HTML)

    assert fetch(server.url_for("/news/1"), policy=page_policy).content == b"one"


def test_unreachable_robots_txt_blocks_the_site_for_now(server: HTTPServer, page_policy: FetchPolicy) -> None:
    server.expect_request("/robots.txt").respond_with_data("down", status=503)

    error = fetch_error(server.url_for("/news/1"), page_policy)

    assert error.reason == "robots_unavailable"
    assert error.permanent is False
    assert [request.path for request, _response in server.log] == ["/robots.txt"]


def test_robots_cache_is_pluggable(server: HTTPServer, page_policy: FetchPolicy) -> None:
    cache = MemoryCache()
    cache.set(
        f"robots:http://127.0.0.1:{server.port}", {"state": "rules", "body": "User-agent: *\nDisallow: /"}, 60
    )
    policy = dataclasses.replace(page_policy, robots_cache=cache)

    error = fetch_error(server.url_for("/news/1"), policy)

    assert error.reason == "robots_disallowed"
    assert server.log == []


# --- politeness -----------------------------------------------------------------------------------------


def test_rate_limiter_refuses_a_second_request_too_soon(
    server: HTTPServer, local_policy: FetchPolicy
) -> None:
    server.expect_request("/a").respond_with_data("a")
    policy = dataclasses.replace(
        local_policy, rate_limiter=MemoryRateLimiter(min_interval=60), max_politeness_wait=0.5
    )

    fetch(server.url_for("/a"), policy=policy)
    error = fetch_error(server.url_for("/a"), policy)

    assert error.reason == "rate_limited"
    assert error.permanent is False
    assert 59 < error.retry_after <= 60
    assert len(server.log) == 1


def test_rate_limiter_short_wait_is_slept_through(server: HTTPServer, local_policy: FetchPolicy) -> None:
    server.expect_request("/a").respond_with_data("a")
    policy = dataclasses.replace(local_policy, rate_limiter=MemoryRateLimiter(min_interval=0.3))
    started = time.monotonic()

    fetch(server.url_for("/a"), policy=policy)
    fetch(server.url_for("/a"), policy=policy)

    assert time.monotonic() - started >= 0.3
    assert len(server.log) == 2
