"""RSS and Atom feeds to entries, with feedparser, from bytes already fetched.

feedparser is only ever given a byte stream: given a string it would treat it as a URL or a file
path and open it. Its strict parser strips the DOCTYPE and keeps only plain literal entities, so
external entities (XXE) and entity bombs are never expanded; the fetcher's byte cap bounds the rest.
"""

import datetime as dt
import hashlib
import io
import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser

from negotiations.ingest.errors import FeedError
from negotiations.ingest.text import html_to_text, normalize_whitespace

MAX_ENTRIES = 2000
MAX_URL_LENGTH = 2048
MAX_GUID_LENGTH = 2048
PROLOG_BYTES = 64 * 1024  # where a DOCTYPE's internal subset must be, before the root element
_EXTERNAL_ENTITY = re.compile(rb"<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b", re.IGNORECASE)
_NESTED_ENTITY = re.compile(
    rb"<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:\"[^\"]*[&%][^#\"]|'[^']*[&%][^#'])", re.IGNORECASE
)
# Problems feedparser reports that do not mean the document is broken.
_HARMLESS_PROBLEMS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass(frozen=True)
class FeedEntry:
    """One feed item, as plain text (HTML is stripped, entities decoded)."""

    guid: str  # the item's id, else its link, else a hash of its title, date and summary; ≤ 2,048 chars
    link: str | None  # absolute http(s) URL of at most 2,048 characters, else None
    title: str
    published: dt.datetime | None  # aware (UTC); the updated date when no published date is given
    summary: str
    content: str
    author: str


@dataclass(frozen=True)
class ParsedFeed:
    url: str
    version: str  # feedparser's name of the format: "rss20", "atom10", ...
    title: str
    link: str | None
    entries: tuple[FeedEntry, ...]
    warnings: tuple[str, ...]  # problems that did not stop parsing (malformed XML, entries cut off)


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a fetched feed. Raises `FeedError` when the document yields no entry because it is not
    a feed or is malformed, or when it declares external entities (XXE) or entities built from other
    entities (an expansion bomb); a malformed feed that still yields entries keeps them, with a warning."""
    _refuse_hostile_dtd(body)
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-type": content_type or "application/xml", "content-location": url},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    version = parsed.get("version", "")
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if problem is not None and not isinstance(problem, _HARMLESS_PROBLEMS):
            raise FeedError(f"malformed feed with no readable entry: {problem}")
        if not version:
            raise FeedError("not an RSS or Atom feed")

    warnings = []
    if problem is not None and parsed.entries:
        warnings.append(f"malformed feed, kept the {len(parsed.entries)} entries read: {problem}")
    raw_entries = parsed.entries
    if len(raw_entries) > MAX_ENTRIES:
        warnings.append(f"feed has {len(raw_entries)} entries; kept the first {MAX_ENTRIES}")
        raw_entries = raw_entries[:MAX_ENTRIES]

    return ParsedFeed(
        url=url,
        version=version,
        title=_text(parsed.feed, "title"),
        link=_http_url(parsed.feed.get("link")),
        entries=tuple(_entry(raw) for raw in raw_entries),
        warnings=tuple(warnings),
    )


def _refuse_hostile_dtd(body: bytes) -> None:
    """Refuse what only an attack needs. feedparser would defuse these too (it strips the DOCTYPE and
    keeps only literal entities), but a feed that tries is hostile or broken, and is reported as such.
    A plain DOCTYPE (RSS 0.91's) and literal entities such as <!ENTITY nbsp "&#160;"> stay allowed."""
    prolog = body[:PROLOG_BYTES]
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        prolog = prolog.decode("utf-16", errors="replace").encode()
    if b"<!ENTITY" not in prolog.upper():
        return
    if _EXTERNAL_ENTITY.search(prolog):
        raise FeedError("refused: the feed declares an external entity (an XXE attempt)")
    if _NESTED_ENTITY.search(prolog):
        raise FeedError(
            "refused: the feed declares entities made of other entities (an entity-expansion bomb)"
        )


def _entry(raw: feedparser.FeedParserDict) -> FeedEntry:
    link = _http_url(raw.get("link"))
    title = _text(raw, "title")
    published = _datetime(raw.get("published_parsed") or raw.get("updated_parsed"))
    summary = _text(raw, "summary")
    content = "\n".join(html_to_text(part.get("value", "")) for part in raw.get("content", []))
    return FeedEntry(
        guid=_guid(raw.get("id"), link, title, published, summary),
        link=link,
        title=title,
        published=published,
        summary=summary,
        content=normalize_whitespace(content),
        author=html_to_text(raw.get("author", "")),  # feedparser does not sanitise authors
    )


def _text(element: feedparser.FeedParserDict, key: str) -> str:
    value = element.get(key) or ""
    detail = element.get(f"{key}_detail") or {}
    if "html" in detail.get("type", "text/html"):
        return html_to_text(value)
    return normalize_whitespace(value)


def _http_url(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value or len(value) > MAX_URL_LENGTH:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme in ("http", "https") and parts.hostname else None


def _guid(
    raw_id: str | None, link: str | None, title: str, published: dt.datetime | None, summary: str
) -> str:
    guid = (raw_id or "").strip() or link
    if guid and len(guid) <= MAX_GUID_LENGTH:
        return guid
    # No usable id: derive a stable one from what the entry says.
    seed = guid or f"{title}\n{published.isoformat() if published else ''}\n{summary}"
    return "sha256:" + hashlib.sha256(seed.encode()).hexdigest()


def _datetime(value: time.struct_time | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        # feedparser gives dates as UTC time tuples.
        return dt.datetime(*value[:6], tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None
