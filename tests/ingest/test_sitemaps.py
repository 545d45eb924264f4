import datetime as dt
import gzip
import time

import pytest

from negotiations.ingest import sitemaps
from negotiations.ingest.errors import SitemapError
from negotiations.ingest.sitemaps import parse_sitemap, parse_w3c_datetime
from tests.ingest.support import read_fixture

URL = "https://news.example.org/sitemap.xml"


def test_news_sitemap_entries() -> None:
    sitemap = parse_sitemap(read_fixture("sitemaps/news_sitemap.xml"), url=URL)

    first, second = sitemap.entries
    assert sitemap.kind == "urlset"
    assert sitemap.is_index is False
    assert first.url == "https://news.example.org/2026/01/30/talks-resume"
    assert first.published == dt.datetime(2026, 1, 30, 7, 0, tzinfo=dt.UTC)
    assert first.lastmod == dt.datetime(2026, 1, 30, 8, 5, tzinfo=dt.UTC)
    assert first.title == "Talks resume in Geneva"  # not the <image:title>
    assert first.language == "en"
    assert second.lastmod == dt.datetime(2026, 1, 29, tzinfo=dt.UTC)
    assert second.published is None
    assert second.title is None


def test_entry_without_an_http_location_is_skipped_with_a_warning() -> None:
    sitemap = parse_sitemap(read_fixture("sitemaps/news_sitemap.xml"), url=URL)

    assert all(entry.url.startswith("https://") for entry in sitemap.entries)
    assert len(sitemap.warnings) == 1


def test_sitemap_index_lists_other_sitemaps() -> None:
    sitemap = parse_sitemap(read_fixture("sitemaps/sitemap_index.xml"), url=URL)

    assert sitemap.is_index is True
    assert [entry.url for entry in sitemap.entries] == [
        "https://news.example.org/sitemap-2026-01.xml",
        "https://news.example.org/sitemap-2026-02.xml.gz",
    ]
    assert sitemap.entries[0].lastmod == dt.datetime(2026, 1, 31, tzinfo=dt.UTC)


def test_gzipped_sitemap_is_read() -> None:
    body = gzip.compress(read_fixture("sitemaps/news_sitemap.xml"))

    sitemap = parse_sitemap(body, url=URL + ".gz")

    assert len(sitemap.entries) == 2


def test_gzip_bomb_sitemap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitemaps, "MAX_DECOMPRESSED_BYTES", 100_000)
    body = gzip.compress(b" " * 10_000_000, compresslevel=9)

    with pytest.raises(SitemapError, match="larger than"):
        parse_sitemap(body, url=URL + ".gz")


@pytest.mark.parametrize("name", ["sitemaps/billion_laughs_dtd.xml", "sitemaps/xxe_dtd.xml"])
def test_sitemaps_with_a_dtd_are_refused_fast(name: str, no_network: list[object]) -> None:
    started = time.monotonic()

    with pytest.raises(SitemapError, match="DTD or entities"):
        parse_sitemap(read_fixture(name), url=URL)

    assert time.monotonic() - started < 1
    assert no_network == []


@pytest.mark.parametrize(
    "body",
    [b"", b"<urlset><url><loc>https://a.example/</loc>", b"not xml at all", b"\x1f\x8bnot really gzip"],
)
def test_malformed_sitemap_is_an_error(body: bytes) -> None:
    with pytest.raises(SitemapError):
        parse_sitemap(body, url=URL)


def test_other_xml_is_not_a_sitemap() -> None:
    with pytest.raises(SitemapError, match="not a sitemap"):
        parse_sitemap(read_fixture("feeds/rss_valid.xml"), url=URL)


def test_sitemap_without_namespace_is_accepted() -> None:
    body = b"<urlset><url><loc>https://a.example/1</loc><lastmod>2026-01</lastmod></url></urlset>"

    sitemap = parse_sitemap(body, url=URL)

    assert sitemap.entries[0].url == "https://a.example/1"
    assert sitemap.entries[0].lastmod == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-30", dt.datetime(2026, 1, 30, tzinfo=dt.UTC)),
        ("2026-01-30T10:00Z", dt.datetime(2026, 1, 30, 10, tzinfo=dt.UTC)),
        ("2026-01-30T10:00:00+02:00", dt.datetime(2026, 1, 30, 8, tzinfo=dt.UTC)),
        ("2026", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
        ("yesterday", None),
        (None, None),
    ],
)
def test_w3c_datetimes(value: str | None, expected: dt.datetime | None) -> None:
    assert parse_w3c_datetime(value) == expected
