"""Bytes to text, and HTML to plain text."""

import codecs
import re

import charset_normalizer
import lxml.html
from lxml import etree

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 4096
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
)  # fmt: skip
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math")


def decode_html(data: bytes, *, encoding_hint: str | None = None) -> str:
    """Decode an HTML page: byte order mark, then the HTTP charset (`encoding_hint`), then
    <meta charset>, then valid UTF-8, then charset detection. Never raises."""
    return _decode(data, encoding_hint=encoding_hint, declared_in_body=_meta_charset(data))


def decode_text(data: bytes, *, encoding_hint: str | None = None) -> str:
    """Decode plain text: byte order mark, then `encoding_hint`, then valid UTF-8, then detection."""
    return _decode(data, encoding_hint=encoding_hint, declared_in_body=None)


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment or page: one line per block, whitespace collapsed."""
    html = _XML_DECLARATION.sub("", clean_characters(html))
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalize_whitespace(html)
    return element_text(root)


def element_text(root: lxml.html.HtmlElement) -> str:
    """The visible text under `root` (which is modified: scripts and styles are removed)."""
    etree.strip_elements(root, *_INVISIBLE_TAGS, with_tail=False)
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return normalize_whitespace(root.text_content())


def normalize_whitespace(text: str) -> str:
    """Collapse runs of spaces inside lines and drop empty lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def clean_characters(text: str) -> str:
    """Remove control characters (other than tab and newlines), which XML parsers refuse."""
    return _CONTROL_CHARACTERS.sub("", text)


def _decode(data: bytes, *, encoding_hint: str | None, declared_in_body: str | None) -> str:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data.decode(encoding, errors="replace")
    for label in (encoding_hint, declared_in_body):
        encoding = _web_encoding(label)
        if encoding and (text := _decode_declared(data, encoding)) is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("utf-8", errors="replace")


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore")
    # A page that names UTF-16 in ASCII-compatible bytes cannot be UTF-16 (HTML standard).
    return "utf-8" if label.lower().startswith("utf-16") else label


def _web_encoding(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    # Browsers read pages labelled latin-1 or ascii as windows-1252 (HTML standard); so do we.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _decode_declared(data: bytes, encoding: str) -> str | None:
    """Decode with a declared encoding, tolerating a few bad bytes but not a wrong declaration."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") <= max(3, len(text) // 1000):
        return text
    return None
