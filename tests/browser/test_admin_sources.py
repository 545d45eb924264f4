"""An admin adds a source in a real browser and watches its first fetch progress until it is done."""

from pathlib import Path

import pytest

from negotiations.models import Source
from tests.browser.test_editor_review import log_in, shoot
from tests.conftest import user_in
from tests.factories import NegotiationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_FEED = Path(__file__).resolve().parents[2] / "negotiations" / "demo" / "data" / "feed.jsonl"
DEMO_ARTICLES = len(DEMO_FEED.read_text().splitlines())


def test_admin_adds_a_source_and_watches_its_first_fetch(page, live_server, settings):
    from playwright.sync_api import expect

    settings.FETCH_NOW_IN_THREAD = True  # no Celery worker here: the fetch runs beside the request
    NegotiationFactory(slug="talks", name="Peace talks")
    log_in(page.context, live_server, user_in("admin", "admin"))

    page.goto(f"{live_server.url}/manage/sources/")
    page.get_by_role("link", name="Add a source").click()
    page.get_by_label("Name").fill("Demo wire")
    page.get_by_label("Kind").select_option("file")
    page.get_by_label("URL (or a path on the server for a file source)").fill(str(DEMO_FEED))
    page.get_by_role("button", name="Add source").click()

    progress = page.locator("[id^=progress-]")
    expect(progress).to_be_visible()
    shoot(page, "admin-fetch-progress")
    expect(progress).to_have_attribute("data-done", "true", timeout=60_000)
    expect(progress).to_contain_text("Fetch finished.")
    expect(progress).to_contain_text(f"{DEMO_ARTICLES} of {DEMO_ARTICLES}")
    shoot(page, "admin-fetch-finished")

    source = Source.objects.get(name="Demo wire")
    assert source.documents.count() == DEMO_ARTICLES
    assert source.last_success_at is not None

    page.goto(f"{live_server.url}/manage/sources/")
    expect(page.locator(f"#source-{source.pk}")).to_contain_text(f"{DEMO_ARTICLES} documents")
    shoot(page, "admin-sources-health")
