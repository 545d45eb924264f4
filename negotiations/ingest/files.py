"""Articles from local files, for bulk imports: .html/.htm pages, .txt files and .jsonl collections.

A JSONL line is `{"id": ..., "url": ..., "title": ..., "published": "2026-01-30", "text": ...}`
(`id` and `text` required; `language` optional). A bad line is reported with its line number and the
rest of the file is still read.
"""

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from negotiations.ingest.pages import ArticleContent, detect_language, extract_article, text_from_plain
from negotiations.ingest.text import clean_characters, normalize_whitespace

SUPPORTED_SUFFIXES = frozenset({".html", ".htm", ".txt", ".jsonl"})
JSONL_EXTRACTOR = "jsonl-1"
MAX_FILE_BYTES = 20 * 1024 * 1024  # one page or text file
MAX_LINE_BYTES = 5 * 1024 * 1024  # one JSONL article


@dataclass(frozen=True)
class FileRecord:
    """One article read from a file, or the reason it could not be read (`article` None, `error` set)."""

    external_id: str  # JSONL: its "id"; a page or text file: "sha256:" + hash of its bytes
    path: str
    line: int | None  # JSONL line number, from 1
    url: str | None
    article: ArticleContent | None
    error: str | None = None


def read_articles(path: str | Path) -> Iterator[FileRecord]:
    """Read one file, or every supported file under a directory (sorted, recursively)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    else:
        files = [path]
    for file in files:
        yield from _read_file(file)


def _read_file(path: Path) -> Iterator[FileRecord]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield _error(path, None, f"unsupported file type {suffix or '(none)'}")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path)
        return
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield _error(path, None, f"file larger than {MAX_FILE_BYTES} bytes")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _error(path, None, f"cannot read: {exc}")
        return
    external_id = "sha256:" + hashlib.sha256(data).hexdigest()
    if suffix == ".txt":
        article = text_from_plain(data)
    else:
        article = extract_article(data, url=path.resolve().as_uri())
        article = _without_file_url(article)
    yield FileRecord(
        external_id=external_id, path=str(path), line=None, url=article.canonical_url, article=article
    )


def _read_jsonl(path: Path) -> Iterator[FileRecord]:
    try:
        file = path.open("rb")
    except OSError as exc:
        yield _error(path, None, f"cannot read: {exc}")
        return
    with file:
        line_number = 0
        while line := file.readline(MAX_LINE_BYTES + 1):
            line_number += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                yield _error(path, line_number, f"line longer than {MAX_LINE_BYTES} bytes")
                _skip_rest_of_line(file)
                continue
            if line.strip():
                yield _jsonl_record(path, line_number, line)


def _jsonl_record(path: Path, line_number: int, line: bytes) -> FileRecord:
    try:
        item = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _error(path, line_number, f"not valid JSON: {exc}")
    if not isinstance(item, dict):
        return _error(path, line_number, "not a JSON object")
    external_id = item.get("id")
    text = item.get("text")
    if external_id in (None, "") or not isinstance(external_id, str | int):
        return _error(path, line_number, 'missing "id"')
    if not isinstance(text, str) or not text.strip():
        return _error(path, line_number, 'missing "text"')
    try:
        published = _parse_published(item.get("published"))
    except ValueError as exc:
        return _error(path, line_number, f'bad "published": {exc}')
    url = item.get("url") if isinstance(item.get("url"), str) else None
    text = clean_characters(text).strip()
    article = ArticleContent(
        title=normalize_whitespace(str(item.get("title") or "")),
        text=text,
        published=published,
        author=str(item["author"]) if item.get("author") else None,
        canonical_url=url,
        language=str(item.get("language") or "") or detect_language(text),
        extractor=JSONL_EXTRACTOR,
    )
    return FileRecord(
        external_id=str(external_id), path=str(path), line=line_number, url=url, article=article
    )


def _parse_published(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date, got {value!r}")
    return dt.datetime.fromisoformat(value).date() if "T" in value else dt.date.fromisoformat(value)


def _without_file_url(article: ArticleContent) -> ArticleContent:
    """Keep a page's own canonical URL, but not the file:// URL it was given to resolve links."""
    canonical = article.canonical_url or ""
    if canonical.startswith("file:"):
        canonical = ""
    return dataclasses.replace(article, canonical_url=canonical or None)


def _skip_rest_of_line(file: BinaryIO) -> None:
    while (chunk := file.readline(MAX_LINE_BYTES)) and not chunk.endswith(b"\n"):
        pass


def _error(path: Path, line: int | None, message: str) -> FileRecord:
    where = f"{path}:{line}" if line else str(path)
    return FileRecord(
        external_id="", path=str(path), line=line, url=None, article=None, error=f"{where}: {message}"
    )
