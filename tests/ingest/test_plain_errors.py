"""Fetch errors in the words an admin reads on the sources page, never an exception's repr."""

import pytest

from negotiations.ingest.errors import FeedError, FetchError, SitemapError, plain_error

URL = "https://news.example.org/feed.xml"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (
            FetchError("http_status", "HTTP 404 Not Found", url=URL, status=404),
            "The server answered 404 Not Found",
        ),
        (
            FetchError("timeout", "no complete response within 30 s", url=URL),
            "The page took longer than 30 s",
        ),
        (
            FetchError("connection", "connection failed: ... NameResolutionError(...)", url=URL),
            "No server is known by the name news.example.org",
        ),
        (
            FetchError("connection", "connection failed: [Errno 111] Connection refused", url=URL),
            "news.example.org refused the connection",
        ),
        (
            FetchError("blocked_address", "10.0.0.5 is not a public address", url=URL),
            "Refused: 10.0.0.5 is not a public address",
        ),
        (
            FetchError("not_html", "expected an HTML page, got application/pdf", url=URL),
            "Not a web page: expected an HTML page, got application/pdf",
        ),
        (FeedError("not an RSS or Atom feed"), "Not an RSS or Atom feed"),
        (
            FeedError("refused: the feed declares an external entity"),
            "Refused: the feed declares an external entity",
        ),
        (
            SitemapError("not a sitemap: the root element is <html>"),
            "Not a sitemap: the root element is <html>",
        ),
        (
            FeedError("malformed feed with no readable entry"),
            "Not a feed: malformed feed with no readable entry",
        ),
        (FileNotFoundError(2, "No such file or directory"), "The file is not there"),
        (ValueError("nothing readable: the file is empty"), "Nothing readable: the file is empty"),
    ],
)
def test_errors_read_as_plain_words(error, words):
    assert plain_error(error) == words


def test_a_timeout_without_its_seconds_takes_the_configured_ones():
    error = FetchError("timeout", "timed out: ReadTimeoutError(HTTPSConnectionPool(...))", url=URL)

    assert plain_error(error, timeout_seconds=20) == "The page took longer than 20 s"


def test_no_reason_code_or_repr_reaches_the_words():
    for reason in ("tls", "too_many_redirects", "robots_disallowed", "rate_limited", "bad_content_encoding"):
        words = plain_error(FetchError(reason, "SSLError(MaxRetryError('x'))", url=URL))
        assert reason not in words and "Error(" not in words and words[0].isupper()
