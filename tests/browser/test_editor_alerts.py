"""An analyst follows an actor; an editor's correction makes the actor's stance shift; the analyst sees the
shift, the two statements side by side, on the Following page and in their personal Atom feed."""

import datetime as dt

import pytest

from negotiations.enums import ReviewState
from negotiations.services.positions import refresh_positions
from tests.browser.test_editor_review import log_in, shoot
from tests.conftest import user_in
from tests.factories import (
    ActorFactory,
    CitationFactory,
    IssueFactory,
    NegotiationFactory,
    PartyFactory,
    StatementFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_analyst_sees_the_shift_an_editor_correction_makes(page, chromium, live_server):
    from playwright.sync_api import expect

    russia = PartyFactory(name="Russia", slug="russia")
    negotiation = NegotiationFactory(slug="talks", parties=[russia])
    ceasefire = IssueFactory(negotiation=negotiation, slug="ceasefire", name="Ceasefire")
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov", party=russia)
    StatementFactory(
        negotiation=negotiation,
        actor=lavrov,
        said_on=dt.date(2026, 1, 5),
        quote="A ceasefire now would only let Kyiv rearm.",
        review_state=ReviewState.ACCEPTED,
        stances={ceasefire: "opposes"},
    )
    later = StatementFactory(
        negotiation=negotiation,
        actor=lavrov,
        said_on=dt.date(2026, 1, 20),
        confidence=0.7,
        quote="A ceasefire is possible once the monitoring is agreed.",
        stances={ceasefire: "opposes"},  # the machine got the stance wrong
    )
    CitationFactory(statement=later)
    refresh_positions(pairs=[(lavrov.pk, ceasefire.pk)])

    log_in(page.context, live_server, user_in("analyst", "analyst"))
    page.goto(f"{live_server.url}/following/")
    page.get_by_label("Follow an actor").select_option("sergey-lavrov")
    page.get_by_role("button", name="Follow actor").click()
    expect(page.locator("main")).to_contain_text("No shift in what you follow yet.")

    editor_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        log_in(editor_context, live_server, user_in("editor", "editor"))
        editor = editor_context.new_page()
        editor.goto(f"{live_server.url}/review/")
        editor.keyboard.press("e")
        editor.locator(f"#stance-{later.pk}-ceasefire").select_option("conditional")
        editor.get_by_role("button", name="Save correction").click()
        expect(editor.locator(f"#statement-{later.pk}")).to_contain_text("Corrected.")
    finally:
        editor_context.close()

    page.reload()
    shift = page.locator(".shift").first
    expect(shift).to_contain_text("Opposes")
    expect(shift).to_contain_text("Conditional")
    expect(shift).to_contain_text("A ceasefire now would only let Kyiv rearm.")
    expect(shift).to_contain_text("A ceasefire is possible once the monitoring is agreed.")
    shoot(page, "analyst-following-shift")

    feed_url = page.locator("a[href*='/following/feed/']").first.get_attribute("href")
    feed = page.request.get(feed_url)
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert "Sergey Lavrov on Ceasefire: opposes → conditional" in feed.text()
