"""Polling sources against a local web site: new entries, nothing twice, conditional GET, broken
and hostile feeds, source health (backoff, pause)."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from negotiations.models import Document, FeedEntry, Source, Statement
from negotiations.services import pipeline
from negotiations.services.sources import create_source, due_sources
from tests.ingest.support import read_fixture
from tests.pipeline.web import HTML, RSS, article_html, paths_requested, rss_feed, serve_site

pytestmark = pytest.mark.django_db


def feed_source(url: str, *, name: str = "Local Observer", interval: int = 60) -> Source:
    return create_source(name=name, kind="rss", url=url, interval_minutes=interval)


def test_a_feed_becomes_documents_and_statements(web, negotiation):
    source = feed_source(serve_site(web, count=4))

    summary = pipeline.run_source_sync(source=source)

    assert (summary.entries_seen, summary.documents_new, summary.documents_failed) == (4, 4, 0)
    assert summary.statements_extracted > 0
    assert Statement.objects.count() > 0
    document = Document.objects.get(url=web.url_for("/news/report-1"))
    assert document.title == "Report 1 on the peace talks"
    assert "Ukraine needs binding security guarantees" in document.text
    assert "Contact the newsroom" not in document.text  # the footer is not the article
    assert document.published_at.date() == dt.date(2026, 1, 2)  # the page's date, not the feed's
    assert document.language == "en"
    assert "<article>" in document.raw_html
    assert document.state == "extracted"
    source.refresh_from_db()
    assert source.documents_found == 4
    assert source.last_success_at is not None
    assert source.consecutive_failures == 0
    assert source.last_error == ""
    assert source.next_poll_at > timezone.now() + dt.timedelta(minutes=59)


def test_a_second_poll_adds_nothing(web, negotiation):
    source = feed_source(serve_site(web, count=3))
    pipeline.run_source_sync(source=source)
    counts = (Document.objects.count(), FeedEntry.objects.count(), Statement.objects.count())
    web.clear_log()

    again = pipeline.run_source_sync(source=source)

    assert (again.entries_seen, again.entries_new, again.documents_new, again.documents_duplicate) == (
        3,
        0,
        0,
        0,
    )
    assert (Document.objects.count(), FeedEntry.objects.count(), Statement.objects.count()) == counts
    assert paths_requested(web) == ["/feed.xml"]  # no article fetched again


def test_unchanged_feed_answers_304_to_the_etag(web, negotiation):
    links = [("Report 0", web.url_for("/news/report-0"))]
    web.expect_request("/news/report-0").respond_with_data(article_html(0), content_type=HTML)
    web.expect_request("/feed.xml", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    web.expect_request("/feed.xml").respond_with_data(
        rss_feed(links), content_type=RSS, headers={"ETag": '"v1"'}
    )
    source = feed_source(web.url_for("/feed.xml"))
    pipeline.run_source_sync(source=source)
    source.refresh_from_db()
    assert source.etag == '"v1"'
    first_success = source.last_success_at

    summary = pipeline.run_source_sync(source=source)

    assert (summary.entries_seen, summary.documents_new, summary.errors) == (0, 0, [])
    source.refresh_from_db()
    assert source.last_success_at > first_success
    assert source.etag == '"v1"'
    assert source.consecutive_failures == 0
    feed_requests = [request for request, _ in web.log if request.path == "/feed.xml"]
    assert feed_requests[-1].headers["If-None-Match"] == '"v1"'


def test_last_modified_is_sent_back_as_if_modified_since(web, negotiation):
    stamp = "Fri, 30 Jan 2026 12:00:00 GMT"
    web.expect_request("/feed.xml", headers={"If-Modified-Since": stamp}).respond_with_data("", status=304)
    web.expect_request("/feed.xml").respond_with_data(
        rss_feed([]), content_type=RSS, headers={"Last-Modified": stamp}
    )
    source = feed_source(web.url_for("/feed.xml"))
    pipeline.run_source_sync(source=source)

    pipeline.run_source_sync(source=source)

    source.refresh_from_db()
    assert source.last_modified == stamp
    assert [response.status_code for _, response in web.log] == [200, 304]


def test_a_malformed_feed_is_recorded_and_other_sources_still_work(web, negotiation):
    web.expect_request("/broken.xml").respond_with_data(read_fixture("feeds/malformed.xml"), content_type=RSS)
    broken = feed_source(web.url_for("/broken.xml"), name="Broken")
    good = feed_source(serve_site(web, count=2), name="Good")

    broken_summary = pipeline.run_source_sync(source=broken)
    good_summary = pipeline.run_source_sync(source=good)

    broken.refresh_from_db()
    assert broken.consecutive_failures == 1
    assert "malformed feed" in broken.last_error
    assert broken.last_success_at is None
    assert broken_summary.errors and "malformed feed" in broken_summary.errors[0]
    assert good_summary.documents_new == 2
    assert Document.objects.filter(source=good).count() == 2


def test_a_half_broken_feed_keeps_its_good_entries_and_says_so(web, negotiation):
    web.expect_request("/half.xml").respond_with_data(
        read_fixture("feeds/rss_half_broken.xml"), content_type=RSS
    )
    source = feed_source(web.url_for("/half.xml"))

    summary = pipeline.run_source_sync(source=source)

    assert summary.entries_seen >= 1
    assert summary.warnings and "malformed feed" in summary.warnings[0]
    source.refresh_from_db()
    assert source.consecutive_failures == 0
    assert source.last_error.startswith("warning: ") and "malformed feed" in source.last_error


def test_a_feed_that_is_fixed_recovers(web, negotiation):
    web.expect_oneshot_request("/feed.xml").respond_with_data("<html>not a feed</html>", content_type=HTML)
    source = feed_source(serve_site(web, count=1, feed_path="/feed.xml"))
    pipeline.run_source_sync(source=source)
    source.refresh_from_db()
    assert source.consecutive_failures == 1

    summary = pipeline.run_source_sync(source=source)

    source.refresh_from_db()
    assert summary.documents_new == 1
    assert (source.consecutive_failures, source.last_error) == (0, "")


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [("feeds/billion_laughs.xml", "entity-expansion bomb"), ("feeds/xxe.xml", "external entity")],
)
def test_xml_bombs_and_external_entities_in_feeds_are_refused_and_recorded(web, negotiation, fixture, reason):
    web.expect_request("/hostile.xml").respond_with_data(read_fixture(fixture), content_type=RSS)
    source = feed_source(web.url_for("/hostile.xml"))
    started = time.monotonic()

    summary = pipeline.run_source_sync(source=source)

    assert time.monotonic() - started < 5
    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert source.last_error.startswith("Refused: ") and reason in source.last_error
    assert summary.errors == [f"{source}: {source.last_error}"]
    assert not FeedEntry.objects.exists()
    assert "/etc/passwd" not in paths_requested(web)


@pytest.mark.parametrize("fixture", ["sitemaps/billion_laughs_dtd.xml", "sitemaps/xxe_dtd.xml"])
def test_sitemaps_with_a_dtd_are_refused_and_recorded(web, negotiation, fixture):
    web.expect_request("/sitemap.xml").respond_with_data(
        read_fixture(fixture), content_type="application/xml"
    )
    source = create_source(name="Sitemap", kind="sitemap", url=web.url_for("/sitemap.xml"))

    summary = pipeline.run_source_sync(source=source)

    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert source.last_error
    assert summary.entries_seen == 0
    assert not FeedEntry.objects.exists()


def test_a_news_sitemap_is_polled_like_a_feed(web, negotiation):
    web.expect_request("/news/report-2").respond_with_data(article_html(2), content_type=HTML)
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{web.url_for("/news/report-2")}</loc><news:news><news:publication_date>2026-01-03</news:publication_date>
<news:title>Report 2 on the peace talks</news:title></news:news></url></urlset>"""
    web.expect_request("/sitemap.xml").respond_with_data(sitemap, content_type="application/xml")
    source = create_source(name="Sitemap", kind="sitemap", url=web.url_for("/sitemap.xml"))

    summary = pipeline.run_source_sync(source=source)

    assert (summary.entries_seen, summary.documents_new) == (1, 1)


def news_sitemap(web, *numbers: int) -> str:
    urls = "".join(
        f"<url><loc>{web.url_for(f'/news/report-{number}')}</loc><news:news>"
        f"<news:publication_date>2026-01-0{number}</news:publication_date></news:news></url>"
        for number in numbers
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    )


def sitemap_index(web, *children: tuple[str, str | None]) -> str:
    listed = "".join(
        f"<sitemap><loc>{web.url_for(path)}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</sitemap>"
        for path, lastmod in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{listed}</sitemapindex>'
    )


def serve_xml(web, path: str, body: str) -> None:
    web.expect_request(path).respond_with_data(body, content_type="application/xml")


def test_a_sitemap_index_is_followed_to_its_newest_sitemaps(web, negotiation, monkeypatch):
    monkeypatch.setattr(pipeline, "SITEMAP_INDEX_CHILDREN", 1)
    serve_xml(web, "/sitemap-old.xml", news_sitemap(web, 1))
    serve_xml(web, "/sitemap-new.xml", news_sitemap(web, 2))
    web.expect_request("/news/report-2").respond_with_data(article_html(2), content_type=HTML)
    serve_xml(
        web,
        "/index.xml",
        sitemap_index(web, ("/sitemap-old.xml", "2025-03-01"), ("/sitemap-new.xml", "2026-01-05")),
    )
    source = create_source(name="Index", kind="sitemap", url=web.url_for("/index.xml"))

    summary = pipeline.run_source_sync(source=source)

    assert (summary.entries_seen, summary.documents_new) == (1, 1)
    assert "/sitemap-old.xml" not in paths_requested(web)
    assert FeedEntry.objects.get().url == web.url_for("/news/report-2")


def test_an_unreadable_sitemap_of_an_index_is_a_warning_and_the_others_are_read(web, negotiation):
    web.expect_request("/sitemap-gone.xml").respond_with_data("gone", status=404)
    serve_xml(web, "/sitemap-inner-index.xml", sitemap_index(web, ("/sitemap-gone.xml", None)))
    serve_xml(web, "/sitemap-new.xml", news_sitemap(web, 2, 3))
    serve_xml(
        web,
        "/index.xml",
        sitemap_index(
            web, ("/sitemap-gone.xml", None), ("/sitemap-inner-index.xml", None), ("/sitemap-new.xml", None)
        ),
    )
    source = create_source(name="Index", kind="sitemap", url=web.url_for("/index.xml"))

    discovered, summary, _ = pipeline.discover_entries(source=source)

    assert len(discovered) == 2
    warnings = " ".join(summary.warnings)
    assert "sitemap-gone.xml skipped" in warnings and "404" in warnings
    assert "sitemap-inner-index.xml skipped: an index inside an index is not followed" in warnings


def test_a_sitemap_index_whose_sitemaps_all_fail_fails_the_poll_with_the_reasons(web, negotiation):
    web.expect_request("/sitemap-gone.xml").respond_with_data("gone", status=404)
    serve_xml(web, "/index.xml", sitemap_index(web, ("/sitemap-gone.xml", "2026-01-05")))
    source = create_source(name="Index", kind="sitemap", url=web.url_for("/index.xml"))

    pipeline.run_source_sync(source=source)

    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert "none of the sitemaps the index lists could be read" in source.last_error
    assert "sitemap-gone.xml" in source.last_error


def test_failing_source_backs_off_exponentially_then_pauses_with_the_reason(web, negotiation, settings):
    settings.SOURCE_MAX_FAILURES = 3
    web.expect_request("/feed.xml").respond_with_data("down for maintenance", status=503)
    source = feed_source(web.url_for("/feed.xml"), interval=10)
    delays = []

    for _ in range(3):
        before = timezone.now()
        pipeline.poll_source(source_id=source.pk)
        source.refresh_from_db()
        delays.append(round((source.next_poll_at - before).total_seconds() / 60))

    assert delays == [20, 40, 80]
    assert source.consecutive_failures == 3
    assert "The server answered 503" in source.last_error
    assert source.paused_reason.startswith("Paused after 3 failed poll(s)")
    assert "The server answered 503" in source.paused_reason
    assert source.is_paused
    assert source not in due_sources(now=timezone.now() + dt.timedelta(days=30))


def test_backoff_is_capped_at_a_day(web, negotiation, settings):
    settings.SOURCE_MAX_FAILURES = 100
    web.expect_request("/feed.xml").respond_with_data("gone", status=500)
    source = feed_source(web.url_for("/feed.xml"), interval=60)
    Source.objects.filter(pk=source.pk).update(consecutive_failures=20)

    pipeline.poll_source(source_id=source.pk)

    source.refresh_from_db()
    assert source.next_poll_at - timezone.now() <= dt.timedelta(hours=24)
    assert not source.paused_reason


def test_a_poll_held_by_another_worker_is_not_run_twice(web, negotiation):
    source = feed_source(serve_site(web, count=1))
    Source.objects.filter(pk=source.pk).update(polling_since=timezone.now())

    entry_ids, summary = pipeline.poll_source(source_id=source.pk)

    assert entry_ids == []
    assert "another poll is running" in summary.errors[0]
    assert paths_requested(web) == []


def test_a_dead_pollers_lease_expires(web, negotiation):
    source = feed_source(serve_site(web, count=1))
    Source.objects.filter(pk=source.pk).update(polling_since=timezone.now() - dt.timedelta(hours=1))

    entry_ids, _summary = pipeline.poll_source(source_id=source.pk)

    assert len(entry_ids) == 1
    source.refresh_from_db()
    assert source.polling_since is None


def test_an_entry_without_a_link_keeps_its_own_text_and_an_empty_one_is_reported(web, negotiation):
    story = "Peskov said on Monday that Russia was not ready for a ceasefire before a settlement. " * 3
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Bulletin</title>
<item><guid isPermaLink="false">bulletin-1</guid><title>Bulletin 1</title><description>{story}</description></item>
<item><guid isPermaLink="false">bulletin-2</guid><title>Bulletin 2</title></item>
</channel></rss>"""
    web.expect_request("/bulletin.xml").respond_with_data(feed, content_type=RSS)
    source = feed_source(web.url_for("/bulletin.xml"))

    summary = pipeline.run_source_sync(source=source)

    assert (summary.entries_seen, summary.documents_new) == (1, 1)
    assert summary.warnings == [f"{source}: skipped 1 entry with neither a link nor text"]
    assert Document.objects.get().text.startswith("Peskov said on Monday")
    assert paths_requested(web) == ["/bulletin.xml"]
