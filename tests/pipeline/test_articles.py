"""Fetching articles: permanent errors recorded with a reason, SSRF after redirects, encodings,
duplicates across sources, robots.txt and the per-domain rate limit."""

import time

import pytest
from django.core.exceptions import ValidationError
from werkzeug import Response

from negotiations.enums import EntryState
from negotiations.models import Document, FeedEntry, Source
from negotiations.services import fetching, pipeline
from negotiations.services.sources import create_source
from tests.ingest.support import read_text_fixture
from tests.pipeline.web import HTML, RSS, article_html, paths_requested, rss_feed

pytestmark = pytest.mark.django_db

RUSSIAN_TITLE = "Переговоры в Женеве завершились договорённостью о новой встрече"


def source_listing(
    server, paths: list[str], *, name: str = "Local Observer", feed: str = "/feed.xml"
) -> Source:
    links = [(path.rsplit("/", 1)[-1], server.url_for(path)) for path in paths]
    server.expect_request(feed).respond_with_data(rss_feed(links), content_type=RSS)
    return create_source(name=name, kind="rss", url=server.url_for(feed))


def entry_for(server, path: str) -> FeedEntry:
    return FeedEntry.objects.get(url=server.url_for(path))


def test_permanent_errors_are_recorded_with_a_reason_and_the_rest_still_works(web, negotiation, settings):
    settings.FETCH_MAX_BYTES = 64 * 1024
    web.expect_request("/news/ok").respond_with_data(article_html(1), content_type=HTML)
    web.expect_request("/news/gone").respond_with_data("not here", status=404)
    web.expect_request("/news/report.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    web.expect_request("/news/huge").respond_with_data("x" * (256 * 1024), content_type=HTML)
    web.expect_request("/news/empty").respond_with_data("<html><body></body></html>", content_type=HTML)
    source = source_listing(web, ["/news/ok", "/news/gone", "/news/report.pdf", "/news/huge", "/news/empty"])

    summary = pipeline.run_source_sync(source=source)

    assert (summary.entries_seen, summary.documents_new, summary.documents_failed) == (5, 1, 4)
    errors = {path: entry_for(web, path).error for path in ["/news/gone", "/news/report.pdf", "/news/huge"]}
    assert errors["/news/gone"].startswith("The server answered 404")
    assert errors["/news/report.pdf"].startswith("Not a web page: expected an HTML page, got application/pdf")
    assert errors["/news/huge"].startswith("The page is too large")
    assert entry_for(web, "/news/empty").error == "no article text found on the page"
    assert FeedEntry.objects.filter(state=EntryState.FAILED).count() == 4
    assert entry_for(web, "/news/ok").state == EntryState.DONE
    assert len(summary.errors) == 4


def test_a_huge_streamed_page_is_cut_off(web, negotiation, settings):
    settings.FETCH_MAX_BYTES = 64 * 1024
    sent = []

    def endless(_request):
        def chunks():
            for _ in range(10_000):  # 640 MB if nobody stopped reading
                sent.append(1)
                yield b"<p>" + b"y" * 65_530 + b"</p>"

        return Response(chunks(), content_type=HTML)  # streamed: no Content-Length

    web.expect_request("/news/endless").respond_with_handler(endless)
    source = source_listing(web, ["/news/endless"])
    started = time.monotonic()

    summary = pipeline.run_source_sync(source=source)

    assert time.monotonic() - started < 10
    assert summary.documents_failed == 1
    assert entry_for(web, "/news/endless").error.startswith("The page is too large")
    assert len(sent) < 100


def test_a_redirect_to_a_private_address_is_refused(web, second_web, negotiation, settings):
    """127.0.0.2 stands for a public site; 127.0.0.1 for the internal network it redirects into."""
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False
    settings.FETCH_PRIVATE_ALLOWLIST = ["127.0.0.2/32"]
    web.expect_request("/admin/secrets").respond_with_data(article_html(5), content_type=HTML)
    second_web.expect_request("/news/innocent").respond_with_data(
        "", status=302, headers={"Location": web.url_for("/admin/secrets")}
    )
    source = source_listing(second_web, ["/news/innocent"])

    summary = pipeline.run_source_sync(source=source)

    assert summary.documents_failed == 1
    error = entry_for(second_web, "/news/innocent").error
    assert error.startswith("Refused: ") and "127.0.0.1" in error
    assert paths_requested(web) == []
    assert not Document.objects.exists()


def test_a_feed_redirecting_to_a_private_address_pauses_the_source(web, second_web, negotiation, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False
    settings.FETCH_PRIVATE_ALLOWLIST = ["127.0.0.2/32"]
    second_web.expect_request("/feed.xml").respond_with_data(
        "", status=301, headers={"Location": web.url_for("/internal/feed.xml")}
    )
    source = create_source(name="Moved", kind="rss", url=second_web.url_for("/feed.xml"))

    pipeline.run_source_sync(source=source)

    source.refresh_from_db()
    assert source.last_error.startswith("Refused: ")
    assert source.paused_reason  # a refused address will not fix itself: paused at once, reason shown
    assert paths_requested(web) == []
    assert source.url == second_web.url_for("/feed.xml")  # the redirect target is never stored


def test_local_addresses_are_refused_when_registering_a_source(web, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False

    for url in (web.url_for("/feed.xml"), "http://[::1]/feed", "http://169.254.169.254/latest/meta-data/"):
        with pytest.raises(ValidationError, match="private or local address"):
            create_source(name="Internal", kind="rss", url=url)


def test_a_local_feed_is_refused_at_fetch_time_too(web, negotiation, settings):
    source = create_source(name="Was allowed", kind="rss", url=web.url_for("/feed.xml"))
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False

    pipeline.run_source_sync(source=source)

    source.refresh_from_db()
    assert source.last_error.startswith("Refused: ")
    assert paths_requested(web) == []


def russian_page(encoding: str, *, declared_in: str) -> tuple[bytes, str]:
    meta = f'<meta charset="{encoding}">' if declared_in == "meta" else ""
    html = read_text_fixture("pages/article_ru.html").replace("<!--CHARSET-->", meta)
    content_type = f"text/html; charset={encoding}" if declared_in == "http" else "text/html"
    return html.encode(encoding), content_type


@pytest.mark.parametrize("declared_in", ["http", "meta", "nowhere"])
@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
def test_russian_pages_come_out_right(web, negotiation, encoding, declared_in):
    body, content_type = russian_page(encoding, declared_in=declared_in)
    web.expect_request("/ru/news").respond_with_data(body, content_type=content_type)
    source = source_listing(web, ["/ru/news"])

    pipeline.run_source_sync(source=source)

    document = Document.objects.get()
    assert document.title == RUSSIAN_TITLE
    assert "Делегации завершили двухдневный раунд" in document.text
    assert document.language == "ru"
    assert RUSSIAN_TITLE in document.raw_html  # stored raw HTML decoded the same way


def test_a_windows_1251_feed_comes_out_right(web, negotiation):
    body, content_type = russian_page("windows-1251", declared_in="http")
    web.expect_request("/ru/news").respond_with_data(body, content_type=content_type)
    feed = rss_feed([(RUSSIAN_TITLE, web.url_for("/ru/news"))], title="Новости", encoding="windows-1251")
    web.expect_request("/ru/feed.xml").respond_with_data(feed, content_type="application/rss+xml")
    source = create_source(name="Новости", kind="rss", url=web.url_for("/ru/feed.xml"))

    pipeline.run_source_sync(source=source)

    assert FeedEntry.objects.get().title == RUSSIAN_TITLE
    assert Document.objects.get().title == RUSSIAN_TITLE


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("iso-8859-1", "Les délégations se retrouveront à Genève"),
        ("utf-8", "Les délégations se retrouveront à Genève"),
    ],
)
def test_other_encodings_come_out_right(web, negotiation, encoding, text):
    page = article_html(3, title="Négociations à Genève", text=f"Titre\n\n{text} la semaine prochaine. " * 5)
    web.expect_request("/fr/news").respond_with_data(
        page.replace('charset="utf-8"', f'charset="{encoding}"').encode(encoding), content_type="text/html"
    )
    source = source_listing(web, ["/fr/news"])

    pipeline.run_source_sync(source=source)

    document = Document.objects.get()
    assert document.title == "Négociations à Genève"
    assert text in document.text


def test_the_same_article_from_two_sources_is_one_document(web, second_web, negotiation):
    web.expect_request("/world/talks").respond_with_data(article_html(7), content_type=HTML)
    second_web.expect_request("/wire/talks-story").respond_with_data(article_html(7), content_type=HTML)
    first = source_listing(web, ["/world/talks"], name="Observer")
    second = source_listing(second_web, ["/wire/talks-story"], name="Wire")

    pipeline.run_source_sync(source=first)
    summary = pipeline.run_source_sync(source=second)

    assert (summary.documents_new, summary.documents_duplicate) == (0, 1)
    document = Document.objects.get()
    assert document.url == web.url_for("/world/talks")
    assert document.alternate_urls == [second_web.url_for("/wire/talks-story")]
    duplicate = entry_for(second_web, "/wire/talks-story")
    assert (duplicate.state, duplicate.document) == (EntryState.DUPLICATE, document)


def test_the_same_wire_story_with_a_different_ending_is_one_document(web, second_web, negotiation):
    text = article_html(8)
    web.expect_request("/world/wire").respond_with_data(text, content_type=HTML)
    edited = text.replace("</article>", "<p>Additional reporting by the Local Desk.</p></article>")
    second_web.expect_request("/world/wire").respond_with_data(edited, content_type=HTML)
    pipeline.run_source_sync(source=source_listing(web, ["/world/wire"], name="Observer"))

    summary = pipeline.run_source_sync(source=source_listing(second_web, ["/world/wire"], name="Herald"))

    assert summary.documents_duplicate == 1
    assert Document.objects.get().alternate_urls == [second_web.url_for("/world/wire")]


def test_pages_naming_one_canonical_url_are_one_document(web, negotiation):
    canonical = web.url_for("/world/story")
    web.expect_request("/world/story").respond_with_data(
        article_html(9, canonical=canonical), content_type=HTML
    )
    web.expect_request("/amp/story").respond_with_data(
        article_html(9, canonical=canonical, text=f"T\n\n{'Shorter AMP version of the story. ' * 8}"),
        content_type=HTML,
    )
    source = source_listing(web, ["/world/story", "/amp/story"])

    summary = pipeline.run_source_sync(source=source)

    assert (summary.documents_new, summary.documents_duplicate) == (1, 1)
    assert Document.objects.get().alternate_urls == [web.url_for("/amp/story")]


def test_robots_txt_is_honoured_for_pages_but_not_for_feeds(web, negotiation):
    web.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    web.expect_request("/private/memo").respond_with_data(article_html(1), content_type=HTML)
    web.expect_request("/news/open").respond_with_data(article_html(2), content_type=HTML)
    source = source_listing(web, ["/private/memo", "/news/open"], feed="/private/feed.xml")

    summary = pipeline.run_source_sync(source=source)

    assert (summary.documents_new, summary.documents_failed) == (1, 1)
    assert entry_for(web, "/private/memo").error.startswith("The site's robots.txt does not allow")
    assert "/private/memo" not in paths_requested(web)
    assert paths_requested(web).count("/robots.txt") == 1  # cached for the next page


def test_the_rate_limit_holds_a_second_request_to_the_same_domain(web, negotiation, settings):
    settings.FETCH_MIN_DOMAIN_INTERVAL_SECONDS = 30
    for number in range(2):
        web.expect_request(f"/news/{number}").respond_with_data(article_html(number), content_type=HTML)
    source = source_listing(web, ["/news/0", "/news/1"])
    entry_ids, _ = pipeline.poll_source(source_id=source.pk)

    assert pipeline.fetch_entry(entry_id=entry_ids[0])[0] == "new"
    with pytest.raises(pipeline.TransientPipelineError) as waiting:
        pipeline.fetch_entry(entry_id=entry_ids[1])

    assert waiting.value.retry_after == 30
    held = FeedEntry.objects.get(pk=entry_ids[1])
    assert (held.state, held.attempts) == (EntryState.NEW, 0)  # waiting is not a failed attempt
    assert "/news/1" not in paths_requested(web)


def test_the_rate_limit_is_per_registrable_domain():
    assert fetching.politeness_key("https://news.example.co.uk/a") == "example.co.uk"
    assert fetching.politeness_key("https://www.example.co.uk/b") == "example.co.uk"
    assert fetching.politeness_key("http://127.0.0.1:8000/c") == "127.0.0.1"


def test_the_command_line_pipeline_waits_its_turn_instead(web, negotiation, settings):
    settings.FETCH_MIN_DOMAIN_INTERVAL_SECONDS = 1
    for number in range(3):
        web.expect_request(f"/news/{number}").respond_with_data(article_html(number), content_type=HTML)
    source = source_listing(web, ["/news/0", "/news/1", "/news/2"])
    started = time.monotonic()

    summary = pipeline.run_source_sync(source=source)

    assert summary.documents_new == 3
    assert time.monotonic() - started >= 2


def test_a_busy_server_is_retried_later_with_its_retry_after(web, negotiation):
    web.expect_request("/news/busy").respond_with_data("busy", status=503, headers={"Retry-After": "120"})
    source = source_listing(web, ["/news/busy"])
    entry_ids, _ = pipeline.poll_source(source_id=source.pk)

    with pytest.raises(pipeline.TransientPipelineError) as busy:
        pipeline.fetch_entry(entry_id=entry_ids[0])

    assert busy.value.retry_after == 120
    entry = FeedEntry.objects.get()
    assert (entry.state, entry.attempts) == (EntryState.NEW, 1)
    assert "The server answered 503" in entry.error


def test_an_entry_failing_again_and_again_is_given_up_with_the_reason(web, negotiation):
    web.expect_request("/news/flaky").respond_with_data("oops", status=502)
    source = source_listing(web, ["/news/flaky"])
    entry_ids, _ = pipeline.poll_source(source_id=source.pk)

    for _ in range(pipeline.MAX_ENTRY_ATTEMPTS - 1):
        with pytest.raises(pipeline.TransientPipelineError):
            pipeline.fetch_entry(entry_id=entry_ids[0])
    outcome, _ = pipeline.fetch_entry(entry_id=entry_ids[0])

    entry = FeedEntry.objects.get()
    assert outcome == "failed"
    assert (entry.state, entry.attempts) == (EntryState.FAILED, pipeline.MAX_ENTRY_ATTEMPTS)
    assert "The server answered 502" in entry.error


def test_a_sync_run_tries_again_what_a_busy_server_refused_last_time(web, negotiation):
    web.expect_oneshot_request("/news/busy").respond_with_data("busy", status=503)
    web.expect_request("/news/busy").respond_with_data(article_html(6), content_type=HTML)
    source = source_listing(web, ["/news/busy"])

    first = pipeline.run_source_sync(source=source)
    second = pipeline.run_source_sync(source=source)

    assert (first.documents_new, first.documents_failed) == (0, 1)
    assert first.errors == [
        f"{web.url_for('/news/busy')}: The server answered 503 SERVICE UNAVAILABLE (tried again on the next poll)"
    ]
    assert (second.entries_new, second.documents_new, second.errors) == (0, 1, [])
    assert entry_for(web, "/news/busy").state == EntryState.DONE
