import datetime as dt
import re

import pytest

from negotiations.ingest import pages
from negotiations.ingest.pages import (
    FALLBACK_EXTRACTOR,
    TRAFILATURA_EXTRACTOR,
    detect_language,
    extract_article,
    text_from_plain,
)
from negotiations.ingest.text import decode_html
from tests.ingest.support import read_fixture, read_text_fixture

PAGE_URL = "https://observer.example.org/world/2026/01/30/geneva-round-ends?utm_source=rss"
RUSSIAN_PHRASES = ("Переговоры в Женеве", "Съешь же ещё этих мягких французских булок")
FRENCH_PHRASES = ("Les délégations se retrouveront", "l'échange de prisonniers", "Voilà où en sont")


@pytest.fixture(scope="module")
def english_article() -> pages.ArticleContent:
    return extract_article(read_fixture("pages/article_en.html"), url=PAGE_URL, encoding_hint="utf-8")


def test_article_text_is_the_story_without_navigation_or_footer(
    english_article: pages.ArticleContent,
) -> None:
    text = english_article.text

    assert "Negotiators ended two days of talks in Geneva" in text
    assert "“This is a\nmarathon,”" not in text  # paragraphs are single lines
    assert "“This is a marathon,” one of them said" in text
    for boilerplate in ("All rights reserved", "Subscribe to our newsletter", "Related stories", "Politics"):
        assert boilerplate not in text
    assert english_article.extractor == TRAFILATURA_EXTRACTOR


def test_article_text_is_plain_text(english_article: pages.ArticleContent) -> None:
    assert not re.search(r"<[a-zA-Z/]", english_article.text)
    assert "window.tracking" not in english_article.text
    assert "font-family" not in english_article.text


def test_article_metadata(english_article: pages.ArticleContent) -> None:
    assert english_article.title == "Delegations agree to meet again after Geneva round"
    assert english_article.published == dt.date(2026, 1, 30)
    assert english_article.author == "Maria Testwriter"
    assert english_article.canonical_url == "https://observer.example.org/world/2026/01/30/geneva-round-ends"
    assert english_article.description.startswith("Negotiators ended a two-day round")
    assert english_article.language == "en"


def russian_page(encoding: str, declared_in: str) -> tuple[bytes, str | None]:
    """The Russian template in `encoding`, its charset named in the HTTP header, in <meta>, or nowhere."""
    meta = f'<meta charset="{encoding}">' if declared_in == "meta" else ""
    html = read_text_fixture("pages/article_ru.html").replace("<!--CHARSET-->", meta)
    return html.encode(encoding), (encoding if declared_in == "http" else None)


@pytest.mark.parametrize("declared_in", ["http", "meta", "nowhere"])
@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
def test_russian_pages_decode_right(encoding: str, declared_in: str) -> None:
    body, hint = russian_page(encoding, declared_in)

    article = extract_article(body, url="https://ru.example.org/a", encoding_hint=hint)

    assert article.title == "Переговоры в Женеве завершились договорённостью о новой встрече"
    for phrase in RUSSIAN_PHRASES:
        assert phrase in article.text
    assert article.language == "ru"


def test_wrong_utf8_header_does_not_garble_a_windows_1251_page() -> None:
    body, _hint = russian_page("windows-1251", "meta")

    article = extract_article(body, url="https://ru.example.org/a", encoding_hint="utf-8")

    assert RUSSIAN_PHRASES[1] in article.text


def test_utf8_with_bom_decodes_right_even_against_the_header() -> None:
    html = read_text_fixture("pages/article_ru.html").replace("<!--CHARSET-->", "")
    body = b"\xef\xbb\xbf" + html.encode("utf-8")

    article = extract_article(body, url="https://ru.example.org/a", encoding_hint="iso-8859-1")

    assert article.title.startswith("Переговоры в Женеве")
    assert RUSSIAN_PHRASES[1] in article.text


@pytest.mark.parametrize(
    ("hint", "meta"),
    [("iso-8859-1", ""), (None, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')],
)
def test_latin1_page_decodes_right(hint: str | None, meta: str) -> None:
    html = read_text_fixture("pages/article_latin1.html").replace("<!--CHARSET-->", meta)

    article = extract_article(html.encode("latin-1"), url="https://fr.example.org/a", encoding_hint=hint)

    for phrase in FRENCH_PHRASES:
        assert phrase in article.text
    assert article.language == "fr"


def test_decode_html_matches_what_extraction_reads() -> None:
    body, _hint = russian_page("koi8-r", "meta")

    assert RUSSIAN_PHRASES[0] in decode_html(body)


def test_fallback_extraction_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages.trafilatura, "bare_extraction", lambda *args, **kwargs: None)

    article = extract_article(read_fixture("pages/article_en.html"), url=PAGE_URL)

    assert article.extractor == FALLBACK_EXTRACTOR
    assert article.title == "Delegations agree to meet again after Geneva round"
    assert "Negotiators ended two days of talks in Geneva" in article.text
    assert "All rights reserved" not in article.text
    assert "window.tracking" not in article.text
    assert article.canonical_url == "https://observer.example.org/world/2026/01/30/geneva-round-ends"


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        (
            '<link rel="canonical" href="https://wire.example.net/story/42">',
            "https://wire.example.net/story/42",
        ),
        ('<meta property="og:url" content="/world/story-42">', "https://observer.example.org/world/story-42"),
        ('<link rel="canonical" href="https://observer.example.org/">', PAGE_URL),  # the home page: ignored
        ('<link rel="canonical" href="javascript:void(0)">', PAGE_URL),
        ("", PAGE_URL),
    ],
)
def test_canonical_url(link: str, expected: str) -> None:
    html = read_text_fixture("pages/article_en.html").replace(
        '<link rel="canonical" href="/world/2026/01/30/geneva-round-ends">', link
    )

    assert extract_article(html, url=PAGE_URL).canonical_url == expected


def test_markup_never_leaks_into_text() -> None:
    html = (
        "<html><body><article><p>Hello <b>bold</b> <i>world</i> &amp; more.</p>"
        "<script>evil()</script></article></body></html>"
    )

    article = extract_article(html, url="https://example.org/a")

    assert article.text == "Hello bold world & more."


@pytest.mark.parametrize(
    "html", [b"", b"<html></html>", b"\x00\x01\x02", "<html><body><script>x()</script></body></html>"]
)
def test_page_without_text_gives_empty_text(html: bytes | str) -> None:
    article = extract_article(html, url="https://example.org/empty")

    assert article.text == ""
    assert article.language is None


def test_extraction_never_touches_the_network(no_network: list[object]) -> None:
    html = read_text_fixture("pages/article_en.html").replace(
        "</article>",
        '<img src="http://127.0.0.1/pixel.gif"><iframe src="http://169.254.169.254/"></iframe></article>',
    )

    extract_article(html, url=PAGE_URL)

    assert no_network == []


def test_text_from_plain_uses_the_first_line_as_title() -> None:
    data = "Notes from the round\n\nThe delegations met.\n  Working groups   continue.\n".encode("cp1251")

    article = text_from_plain(data, encoding_hint="windows-1251")

    assert article.title == "Notes from the round"
    assert article.text == "The delegations met.\nWorking groups continue."


def test_text_from_plain_detects_utf8_without_a_hint() -> None:
    article = text_from_plain(
        "Заголовок\nСтороны договорились продолжить переговоры на следующей неделе.".encode()
    )

    assert article.title == "Заголовок"
    assert article.language == "ru"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The delegations agreed to meet again next month in Geneva.", "en"),
        ("Делегации договорились снова встретиться в следующем месяце.", "ru"),
        ("Делегації домовилися знову зустрітися наступного місяця в Женеві.", "uk"),
        ("Hi.", None),
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language
