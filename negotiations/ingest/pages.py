"""Article pages to plain text and metadata (trafilatura, with a simple fallback), and plain text files."""

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
import py3langid
import trafilatura
import trafilatura.utils
from lxml import etree

from negotiations.ingest.text import (
    clean_characters,
    decode_html,
    decode_text,
    element_text,
    normalize_whitespace,
)

logger = logging.getLogger(__name__)

TRAFILATURA_EXTRACTOR = f"trafilatura-{trafilatura.__version__}"
FALLBACK_EXTRACTOR = "fallback-1"
PLAIN_TEXT_EXTRACTOR = "plain-1"
MIN_LANGUAGE_CHARACTERS = 20  # below this, language identification is a guess
LANGUAGE_SAMPLE_CHARACTERS = 5000
_BOILERPLATE_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "menu")


@dataclass(frozen=True)
class ArticleContent:
    """An article as plain text (never HTML) with what is known about it."""

    title: str
    text: str  # paragraphs separated by newlines; "" when the page has no readable text
    published: dt.date | None = None
    author: str | None = None
    canonical_url: str | None = None  # <link rel=canonical> or og:url, made absolute; else the page URL
    language: str | None = None  # ISO 639-1 code from py3langid, None when the text is too short
    description: str | None = None
    extractor: str = ""  # which extractor produced the text, with its version


def extract_article(html: bytes | str, *, url: str, encoding_hint: str | None = None) -> ArticleContent:
    """Extract the main text and metadata of an article page.

    Bytes are decoded with `encoding_hint` (the HTTP charset), then <meta charset>, then detection.
    Never fetches anything; never raises on bad HTML (the text is "" when nothing readable is found).
    """
    page = html if isinstance(html, str) else decode_html(html, encoding_hint=encoding_hint)
    page = clean_characters(page)
    tree = _parse(page)
    canonical_url = _canonical_url(tree, url=url) if tree is not None else url
    article = (tree is not None and _with_trafilatura(tree, url=url)) or _with_fallback(page, url=url)
    return dataclasses.replace(
        article, canonical_url=canonical_url, language=detect_language(article.text or article.title)
    )


def text_from_plain(
    data: bytes | str, *, url: str | None = None, encoding_hint: str | None = None
) -> ArticleContent:
    """A plain text document: its first non-empty line is the title, the rest the text."""
    text = data if isinstance(data, str) else decode_text(data, encoding_hint=encoding_hint)
    lines = normalize_whitespace(clean_characters(text)).split("\n")
    title, body = lines[0], "\n".join(lines[1:])
    return ArticleContent(
        title=title,
        text=body or title,
        canonical_url=url,
        language=detect_language(body or title),
        extractor=PLAIN_TEXT_EXTRACTOR,
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARACTERS]
    if sum(character.isalpha() for character in sample) < MIN_LANGUAGE_CHARACTERS:
        return None
    language, _score = py3langid.classify(sample)
    return str(language)


def _parse(page: str) -> lxml.html.HtmlElement | None:
    try:
        return trafilatura.utils.load_html(page)
    except (ValueError, TypeError, etree.LxmlError):
        return None


def _canonical_url(tree: lxml.html.HtmlElement, *, url: str) -> str:
    """The page's <link rel=canonical> or og:url, made absolute; else `url`."""
    for xpath in (
        "//link[contains(concat(' ', translate(@rel, 'CANONIL', 'canonil'), ' '), ' canonical ')]/@href",
        "//meta[@property='og:url']/@content",
    ):
        for value in tree.xpath(xpath):
            candidate = _absolute_http_url(str(value), base=url)
            # Some sites name their home page as the canonical URL of every article: ignore that,
            # or all their articles would look like one.
            if candidate and (urlsplit(candidate).path.strip("/") or not urlsplit(url).path.strip("/")):
                return candidate
    return url


def _with_trafilatura(tree: lxml.html.HtmlElement, *, url: str) -> ArticleContent | None:
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:  # trafilatura gives up on some broken markup
        logger.info("trafilatura failed on %s: %s", url, exc)
        return None
    if document is None or not (document.text or "").strip():
        return None
    return ArticleContent(
        title=normalize_whitespace(document.title or ""),
        text=normalize_whitespace(document.text),
        published=_parse_date(document.date),
        author=normalize_whitespace(document.author or "") or None,
        description=normalize_whitespace(document.description or "") or None,
        extractor=TRAFILATURA_EXTRACTOR,
    )


def _with_fallback(page: str, *, url: str) -> ArticleContent:
    """All visible text of the main part of the page, for pages trafilatura finds nothing in."""
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return ArticleContent(title="", text="", extractor=FALLBACK_EXTRACTOR)
    title = _first_text(root, "//meta[@property='og:title']/@content", "//title/text()", "//h1//text()")
    description = _first_text(root, "//meta[@name='description']/@content")
    etree.strip_elements(root, *_BOILERPLATE_TAGS, with_tail=False)
    main = next(iter(root.xpath("//article | //main | //*[@role='main'] | //body")), root)
    return ArticleContent(
        title=title,
        text=element_text(main),
        description=description or None,
        extractor=FALLBACK_EXTRACTOR,
    )


def _first_text(root: lxml.html.HtmlElement, *xpaths: str) -> str:
    for xpath in xpaths:
        for value in root.xpath(xpath):
            if text := normalize_whitespace(str(value)):
                return text
    return ""


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _absolute_http_url(value: str | None, *, base: str) -> str | None:
    if not value:
        return None
    absolute = urljoin(base, value.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None
