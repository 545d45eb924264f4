"""A local news site for pipeline tests: article pages and RSS feeds served by pytest-httpserver
on loopback addresses. The pages are written for the project; their text is made by helpers.py."""

import datetime as dt
import random
from collections.abc import Iterator
from email.utils import format_datetime
from html import escape

import pytest
from pytest_httpserver import HTTPServer

from tests.pipeline.helpers import article_text
from tests.servers import started_second_loopback_server, started_server

RSS = "application/rss+xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


def article_html(
    number: int,
    *,
    title: str | None = None,
    text: str | None = None,
    canonical: str = "",
    charset: str = "utf-8",
) -> str:
    """A news page: navigation, an <article> with the story, a footer."""
    title = title or f"Report {number} on the peace talks"
    text = text if text is not None else article_text(number, random.Random(number))
    paragraphs = "\n".join(f"<p>{escape(paragraph)}</p>" for paragraph in text.split("\n\n")[1:])
    canonical_link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{escape(title)} | Local Observer</title>
<meta property="article:published_time" content="2026-01-{number % 28 + 1:02d}T10:00:00+00:00">
{canonical_link}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>{escape(title)}</h1>
{paragraphs}
</article></main>
<footer><p>Local Observer, all rights reserved. Contact the newsroom.</p></footer></body></html>"""


def rss_feed(
    items: list[tuple[str, str]], *, title: str = "Local Observer", encoding: str = "utf-8"
) -> bytes:
    """An RSS 2.0 feed of (title, link) items, the link doubling as the guid."""
    date = format_datetime(dt.datetime(2026, 1, 30, 12, tzinfo=dt.UTC))
    entries = "".join(
        f"<item><title>{escape(item_title)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><pubDate>{date}</pubDate></item>"
        for item_title, link in items
    )
    xml = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://observer.test/</link>{entries}</channel></rss>"
    )
    return xml.encode(encoding)


def serve_site(server: HTTPServer, *, count: int, prefix: str = "/news", feed_path: str = "/feed.xml") -> str:
    """Serve `count` articles and a feed listing them; returns the feed URL."""
    links = []
    for number in range(count):
        path = f"{prefix}/report-{number}"
        server.expect_request(path).respond_with_data(article_html(number), content_type=HTML)
        links.append((f"Report {number} on the peace talks", server.url_for(path)))
    server.expect_request(feed_path).respond_with_data(rss_feed(links), content_type=RSS)
    return server.url_for(feed_path)


@pytest.fixture(scope="session")
def _web_server() -> Iterator[HTTPServer]:
    yield from started_server("127.0.0.1")


@pytest.fixture(scope="session")
def _second_web_server() -> Iterator[HTTPServer]:
    yield from started_second_loopback_server()


@pytest.fixture
def web(_web_server: HTTPServer) -> Iterator[HTTPServer]:
    """A local web server on 127.0.0.1, empty at the start of each test; unknown paths are 404."""
    _web_server.clear()
    _web_server.no_handler_status_code = 404  # a missing robots.txt reads as "no rules"
    yield _web_server
    _web_server.clear()


@pytest.fixture
def second_web(_second_web_server: HTTPServer) -> Iterator[HTTPServer]:
    """Another site, on 127.0.0.2: a policy can allow it and still refuse 127.0.0.1."""
    _second_web_server.clear()
    _second_web_server.no_handler_status_code = 404
    yield _second_web_server
    _second_web_server.clear()


def paths_requested(server: HTTPServer) -> list[str]:
    return [request.path for request, _response in server.log]
