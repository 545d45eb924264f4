"""Sitemaps, news sitemaps and sitemap indexes, parsed with defusedxml (no DTD, no entities)."""

import datetime as dt
import re
import zlib
from dataclasses import dataclass
from typing import Literal, cast
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from negotiations.ingest.errors import SitemapError

MAX_URLS = 50_000  # the sitemap protocol's own limit per file
MAX_URL_LENGTH = 2048
MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024  # the protocol's limit for an uncompressed sitemap
_GZIP_MAGIC = b"\x1f\x8b"
_NEWS_NAMESPACE = "google.com/schemas/sitemap-news"
_PARTIAL_W3C_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


SitemapKind = Literal["urlset", "sitemapindex"]


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # <loc>: an article (urlset) or another sitemap (sitemapindex)
    lastmod: dt.datetime | None  # aware
    published: dt.datetime | None  # <news:publication_date>, aware
    title: str | None  # <news:title>
    language: str | None  # <news:language>


@dataclass(frozen=True)
class ParsedSitemap:
    url: str
    kind: SitemapKind
    entries: tuple[SitemapEntry, ...]
    warnings: tuple[str, ...]

    @property
    def is_index(self) -> bool:
        """True when the entries are other sitemaps to fetch, not articles."""
        return self.kind == "sitemapindex"


def parse_sitemap(body: bytes, *, url: str) -> ParsedSitemap:
    """Parse a sitemap (gzipped or not). Raises `SitemapError` for anything but a well-formed
    urlset or sitemapindex without DTD or entities."""
    body = _gunzip(body) if body.startswith(_GZIP_MAGIC) else body
    try:
        root = fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SitemapError(f"refused sitemap with a DTD or entities: {exc}") from exc
    except ParseError as exc:
        raise SitemapError(f"malformed sitemap: {exc}") from exc

    kind = _local_name(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"not a sitemap: the root element is <{kind}>")
    warnings = []
    items = [child for child in root if _local_name(child.tag) in ("url", "sitemap")]
    if len(items) > MAX_URLS:
        warnings.append(f"sitemap lists {len(items)} URLs; kept the first {MAX_URLS}")
        items = items[:MAX_URLS]
    entries = []
    for item in items:
        entry = _entry(item)
        if entry is None:
            warnings.append("skipped an entry without a valid http(s) <loc>")
        else:
            entries.append(entry)
    return ParsedSitemap(
        url=url, kind=cast(SitemapKind, kind), entries=tuple(entries), warnings=tuple(warnings)
    )


def _entry(item: Element) -> SitemapEntry | None:
    fields: dict[str, str] = {}
    for element in item.iter():
        name = _local_name(element.tag)
        if name == "title" and _NEWS_NAMESPACE not in str(element.tag):
            continue  # <image:title> and the like
        if name not in fields and element.text and element.text.strip():
            fields[name] = element.text.strip()
    loc = fields.get("loc", "")
    if len(loc) > MAX_URL_LENGTH or urlsplit(loc).scheme not in ("http", "https"):
        return None
    return SitemapEntry(
        url=loc,
        lastmod=parse_w3c_datetime(fields.get("lastmod")),
        published=parse_w3c_datetime(fields.get("publication_date")),
        title=fields.get("title"),
        language=fields.get("language"),
    )


def parse_w3c_datetime(value: str | None) -> dt.datetime | None:
    """An aware datetime from a W3C datetime ("2026-01-30", "2026-01-30T10:00:00+02:00", "2026-01");
    times without a zone, and bare dates, are taken as UTC."""
    if not value:
        return None
    value = value.strip()
    if match := _PARTIAL_W3C_DATE.match(value):
        value = f"{match.group(1)}-{match.group(2) or '01'}-01"
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _local_name(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _gunzip(body: bytes) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, MAX_DECOMPRESSED_BYTES)
    except zlib.error as exc:
        raise SitemapError(f"corrupt gzip data: {exc}") from exc
    if decompressor.unconsumed_tail:
        raise SitemapError(f"sitemap larger than {MAX_DECOMPRESSED_BYTES} bytes once decompressed")
    return data
