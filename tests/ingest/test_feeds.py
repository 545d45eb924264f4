import builtins
import dataclasses
import datetime as dt
import time

import pytest

from negotiations.ingest.errors import FeedError
from negotiations.ingest.feeds import MAX_ENTRIES, ParsedFeed, parse_feed
from tests.ingest.support import read_fixture

RSS = "application/rss+xml"


def all_text(feed: ParsedFeed) -> str:
    return repr(dataclasses.asdict(feed))


def test_rss_entries_are_read_as_plain_text() -> None:
    feed = parse_feed(
        read_fixture("feeds/rss_valid.xml"), url="https://wire.example.org/feed", content_type=RSS
    )

    first = feed.entries[0]
    assert feed.title == "Parley Test Wire"
    assert feed.version == "rss20"
    assert feed.warnings == ()
    assert first.guid == "wire-2026-0130-001"
    assert first.link == "https://wire.example.org/2026/01/30/geneva-round?utm_source=rss"
    assert first.title == "Negotiators meet again in Geneva"
    assert first.summary == "Delegations met for a third day.\nTalks go on & on."
    assert first.content == "First paragraph of the full text.\nSecond paragraph, with a link."
    assert first.author == "Staff Reporter"


def test_rss_dates_become_aware_utc_datetimes() -> None:
    feed = parse_feed(
        read_fixture("feeds/rss_valid.xml"), url="https://wire.example.org/feed", content_type=RSS
    )

    assert feed.entries[0].published == dt.datetime(2026, 1, 30, 7, 15, tzinfo=dt.UTC)
    assert feed.entries[2].published is None


def test_script_in_feed_html_never_reaches_the_text() -> None:
    feed = parse_feed(
        read_fixture("feeds/rss_valid.xml"), url="https://wire.example.org/feed", content_type=RSS
    )

    assert "alert" not in feed.entries[0].summary
    assert "<" not in all_text(feed)


def test_relative_link_is_resolved_and_used_as_guid() -> None:
    feed = parse_feed(
        read_fixture("feeds/rss_valid.xml"), url="https://wire.example.org/feed", content_type=RSS
    )

    second = feed.entries[1]
    assert second.link == "https://wire.example.org/2026/01/29/exchange"
    assert second.guid == second.link


def test_non_http_link_is_dropped() -> None:
    feed = parse_feed(
        read_fixture("feeds/rss_valid.xml"), url="https://wire.example.org/feed", content_type=RSS
    )

    assert feed.entries[2].link is None
    # An RSS guid is a permalink unless isPermaLink="false": feedparser resolves it against the feed URL.
    assert feed.entries[2].guid == "https://wire.example.org/wire-2026-0128-003"


def test_atom_entries_with_html_titles_and_updated_dates() -> None:
    feed = parse_feed(
        read_fixture("feeds/atom_valid.xml"),
        url="https://atom.example.org/feed",
        content_type="application/atom+xml",
    )

    first, second = feed.entries
    assert feed.version == "atom10"
    assert first.title == "Energy truce proposed"
    assert first.content == "A pause of strikes on energy sites was proposed."
    assert first.author == "Desk Editor"
    assert second.published == dt.datetime(2026, 1, 29, 7, 30, tzinfo=dt.UTC)


def test_half_broken_feed_keeps_its_good_entries_with_a_warning() -> None:
    feed = parse_feed(
        read_fixture("feeds/rss_half_broken.xml"), url="https://broken.example.org/feed", content_type=RSS
    )

    titles = [entry.title for entry in feed.entries]
    assert titles[:2] == ["First good item", "Second good item"]
    assert "https://broken.example.org/broken-2" in [entry.guid for entry in feed.entries]
    assert len(feed.warnings) == 1
    assert "malformed" in feed.warnings[0]


def test_malformed_feed_without_entries_is_an_error() -> None:
    with pytest.raises(FeedError, match="malformed feed"):
        parse_feed(
            read_fixture("feeds/malformed.xml"), url="https://broken.example.org/feed", content_type=RSS
        )


@pytest.mark.parametrize(
    "body", [read_fixture("feeds/not_a_feed.html"), b"", b"\x00\x01\x02 binary", b'{"a": 1}']
)
def test_something_that_is_not_a_feed_is_an_error(body: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(body, url="https://example.org/feed", content_type="text/html")


def test_valid_feed_without_items_is_empty_not_an_error() -> None:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'

    feed = parse_feed(body, url="https://quiet.example.org/feed", content_type=RSS)

    assert feed.entries == ()
    assert feed.title == "Quiet"


def test_billion_laughs_is_refused_at_once() -> None:
    started = time.monotonic()

    with pytest.raises(FeedError, match="entity-expansion bomb"):
        parse_feed(
            read_fixture("feeds/billion_laughs.xml"), url="https://bomb.example.org/", content_type=RSS
        )

    assert time.monotonic() - started < 1


def test_external_entities_are_refused_without_being_opened(
    monkeypatch: pytest.MonkeyPatch, no_network: list[object]
) -> None:
    opened = watch_open(monkeypatch)

    with pytest.raises(FeedError, match="external entity"):
        parse_feed(read_fixture("feeds/xxe.xml"), url="https://xxe.example.org/", content_type=RSS)

    assert not any("passwd" in name for name in opened)
    assert no_network == []


@pytest.mark.parametrize(
    "declaration",
    [
        '<!ENTITY % remote PUBLIC "-//A//B" "http://127.0.0.1/evil.dtd">',
        "<!entity xxe system 'file:///etc/hosts'>",
        "<!ENTITY a '&b;&b;'>",
    ],
)
def test_other_spellings_of_hostile_entities_are_refused(declaration: str) -> None:
    body = f'<?xml version="1.0"?><!DOCTYPE rss [{declaration}]><rss version="2.0"><channel/></rss>'

    with pytest.raises(FeedError, match="refused"):
        parse_feed(body.encode(), url="https://x.example.org/", content_type=RSS)


def test_plain_doctypes_and_literal_entities_are_fine() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd" [<!ENTITY copy "&#169;">]>'
        b'<rss version="0.91"><channel><title>Old</title><item><title>Notes &copy;</title>'
        b"<link>https://old.example.org/1</link></item></channel></rss>"
    )

    feed = parse_feed(body, url="https://old.example.org/", content_type=RSS)

    assert feed.entries[0].title == "Notes \u00a9"


def test_feedparser_defuses_bombs_and_xxe_even_past_the_refusal(
    monkeypatch: pytest.MonkeyPatch, no_network: list[object]
) -> None:
    """Defence in depth: without the up-front refusal, nothing is expanded or opened either."""
    monkeypatch.setattr("negotiations.ingest.feeds._refuse_hostile_dtd", lambda body: None)
    opened = watch_open(monkeypatch)
    started = time.monotonic()

    bomb = parse_feed(
        read_fixture("feeds/billion_laughs.xml"), url="https://bomb.example.org/", content_type=RSS
    )
    xxe = parse_feed(read_fixture("feeds/xxe.xml"), url="https://xxe.example.org/", content_type=RSS)

    assert time.monotonic() - started < 1
    assert bomb.entries[0].title == "Laughing &lol9;"
    assert "lollollol" not in all_text(bomb)
    assert xxe.entries[0].title == "Secret: &xxe;"
    assert "root:" not in all_text(xxe)
    assert not any("passwd" in name for name in opened)
    assert no_network == []


def watch_open(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    real_open = builtins.open

    def watching_open(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watching_open)
    return opened


def test_entries_are_capped() -> None:
    items = "".join(f"<item><title>n{i}</title><guid>g{i}</guid></item>" for i in range(MAX_ENTRIES + 5))
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()
    )

    feed = parse_feed(body, url="https://big.example.org/feed", content_type=RSS)

    assert len(feed.entries) == MAX_ENTRIES
    assert feed.entries[-1].title == f"n{MAX_ENTRIES - 1}"
    assert any("kept the first" in warning for warning in feed.warnings)


def test_overlong_link_is_dropped_and_guid_kept_short() -> None:
    link = "https://long.example.org/" + "a" * 2100
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>'
        f"<item><title>Long</title><link>{link}</link></item></channel></rss>"
    ).encode()

    entry = parse_feed(body, url="https://long.example.org/feed", content_type=RSS).entries[0]

    assert entry.link is None
    assert entry.guid.startswith("sha256:")
    assert len(entry.guid) < 100


def test_entry_without_id_or_link_gets_a_stable_guid() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Only a title</title></item></channel></rss>"
    )

    first = parse_feed(body, url="https://example.org/feed", content_type=RSS).entries[0]
    second = parse_feed(body, url="https://example.org/feed", content_type=RSS).entries[0]

    assert first.guid.startswith("sha256:")
    assert first.guid == second.guid
