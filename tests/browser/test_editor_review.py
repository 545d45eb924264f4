"""An editor's day in a real browser: the keyboard alone clears the queue, a correction moves the matrix,
a conflicting edit from a second browser is refused clearly, and the history shows who did what."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from negotiations.enums import ReviewState
from negotiations.models import Statement
from negotiations.services.positions import refresh_positions
from tests.conftest import log_in, user_in
from tests.factories import (
    DEFAULT_PASSWORD,
    ActorFactory,
    CitationFactory,
    IssueFactory,
    NegotiationFactory,
    PartyFactory,
    StatementFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "data" / "screenshots"


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


@pytest.fixture
def talks():
    russia = PartyFactory(name="Russia", slug="russia")
    negotiation = NegotiationFactory(slug="talks", name="Peace talks", parties=[russia])
    territory = IssueFactory(negotiation=negotiation, slug="territory", name="Territory")
    return negotiation, russia, territory


def unreviewed(negotiation, issue, count: int, *, actor=None) -> list[Statement]:
    statements = []
    for number in range(count):
        statement = StatementFactory(
            negotiation=negotiation,
            actor=actor or ActorFactory(),
            confidence=round(0.6 + number / 100, 2),
            quote=f"We will not give up land, point number {number}.",
            stances={issue: "opposes"},
        )
        CitationFactory(statement=statement)
        statements.append(statement)
    return statements


def test_editor_clears_ten_statements_with_the_keyboard_alone(page, live_server, talks):
    from playwright.sync_api import expect

    negotiation, _, territory = talks
    unreviewed(negotiation, territory, 12)
    user_in("editor", "editor")

    page.goto(f"{live_server.url}/review/")  # a new editor is asked to log in first
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/review/")
    expect(page.locator(".review-row.is-current")).to_have_count(1)
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("?")
    expect(page.locator("#review-keys")).to_be_visible()
    shoot(page, "editor-queue-help")
    page.keyboard.press("Escape")
    for done in range(1, 11):
        page.keyboard.press("a")
        expect(page.locator('.review-row[data-state="accepted"]')).to_have_count(done)
    shoot(page, "editor-queue-ten-accepted")

    assert Statement.objects.filter(review_state=ReviewState.ACCEPTED).count() == 10
    current = page.locator(".review-row.is-current")
    expect(current).to_have_attribute("data-state", "unreviewed")  # the focus moved on to the next one


def test_editor_rejects_with_a_reason_from_the_keyboard(page, live_server, talks):
    from playwright.sync_api import expect

    negotiation, _, territory = talks
    [statement] = unreviewed(negotiation, territory, 1)
    log_in(page.context, live_server, user_in("editor", "editor"))

    page.goto(f"{live_server.url}/review/")
    page.keyboard.press("r")
    page.keyboard.type("Reporter's words")
    page.keyboard.press("Enter")

    expect(page.locator('.review-row[data-state="rejected"]')).to_have_count(1)
    statement.refresh_from_db()
    assert statement.rejection_reason == "Reporter's words"


def test_editor_corrects_a_speaker_and_the_matrix_changes(page, live_server, talks):
    from playwright.sync_api import expect

    negotiation, russia, territory = talks
    wrong = ActorFactory(name="Maria Zakharova", slug="maria-zakharova", party=russia)
    right = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov", party=russia)
    [statement] = unreviewed(negotiation, territory, 1, actor=wrong)
    refresh_positions(pairs=[(wrong.pk, territory.pk)])
    log_in(page.context, live_server, user_in("editor", "editor"))

    page.goto(f"{live_server.url}/n/talks/")
    expect(page.locator("main")).to_contain_text("Maria Zakharova")
    expect(page.locator("main")).not_to_contain_text("Sergey Lavrov")

    page.goto(f"{live_server.url}/review/")
    page.keyboard.press("e")
    speaker = page.locator(f"#edit-actor-{statement.pk}")
    expect(speaker).to_be_focused()
    speaker.select_option(label="Sergey Lavrov (Russia)")
    shoot(page, "editor-correct-speaker")
    page.keyboard.press("Control+Enter")  # saves the correction
    expect(page.locator(f"#statement-{statement.pk}")).to_contain_text("Corrected.")

    page.goto(f"{live_server.url}/n/talks/")
    expect(page.locator("main")).to_contain_text("Sergey Lavrov")
    expect(page.locator("main")).not_to_contain_text("Maria Zakharova")
    shoot(page, "editor-matrix-after-correction")
    statement.refresh_from_db()
    assert statement.actor == right


def test_conflicting_edit_from_a_second_browser_is_refused_clearly(page, chromium, live_server, talks):
    from playwright.sync_api import expect

    negotiation, _, territory = talks
    [statement] = unreviewed(negotiation, territory, 1)
    log_in(page.context, live_server, user_in("editor", "editor"))
    other = chromium.new_context(viewport={"width": 1280, "height": 900})
    log_in(other, live_server, user_in("editor", "second-editor"))
    second = other.new_page()
    url = f"{live_server.url}/review/statements/{statement.pk}/"

    try:
        page.goto(url)
        second.goto(url)
        page.keyboard.press("a")  # the first editor accepts
        expect(page.locator(f"#statement-{statement.pk}")).to_have_attribute("data-state", "accepted")

        second.keyboard.press("r")  # the second, who still sees it unreviewed, rejects
        second.keyboard.type("Wrong speaker")
        second.keyboard.press("Enter")

        row = second.locator(f"#statement-{statement.pk}")
        expect(row.locator(".review-message.error")).to_contain_text(
            "changed by editor while you were working"
        )
        expect(row).to_have_attribute("data-state", "accepted")  # and it shows the current values
        shoot(second, "editor-conflict-refused")
    finally:
        other.close()

    statement.refresh_from_db()
    assert statement.review_state == ReviewState.ACCEPTED


def test_history_is_visible_and_a_change_can_be_reverted(page, live_server, talks):
    from playwright.sync_api import expect

    negotiation, _, territory = talks
    [statement] = unreviewed(negotiation, territory, 1)
    log_in(page.context, live_server, user_in("editor", "editor"))

    page.goto(f"{live_server.url}/review/statements/{statement.pk}/")
    page.keyboard.press("a")
    history = page.locator(f"#history-{statement.pk}")
    expect(history).to_contain_text("accept by editor")
    shoot(page, "editor-history")
    history.get_by_role("button", name="Revert this change").click()
    expect(history).to_contain_text("reverted")
    expect(page.locator(f"#statement-{statement.pk}")).to_have_attribute("data-state", "unreviewed")

    statement.refresh_from_db()
    assert statement.review_state == ReviewState.UNREVIEWED
    assert statement.said_on == dt.date(2026, 1, 15)


def test_a_statement_with_its_panels_open_fits_a_phone(page, live_server, talks):
    from tests.factories import EventFactory

    negotiation, _, territory = talks
    statement = unreviewed(negotiation, territory, 1)[0]
    EventFactory(
        negotiation=negotiation, title="Delegations of both sides meet for a long day of talks in Geneva"
    )
    log_in(page.context, live_server, user_in("editor", "editor"))
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(f"{live_server.url}/review/statements/{statement.pk}/")  # every action panel open

    assert page.locator(f"#merge-{statement.pk}").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_without_javascript_reject_in_the_queue_opens_the_statement_with_its_reason_field(
    chromium, live_server, talks
):
    negotiation, _, territory = talks
    statement = unreviewed(negotiation, territory, 1)[0]
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    log_in(context, live_server, user_in("editor", "editor"))
    page = context.new_page()
    page.goto(f"{live_server.url}/review/")

    page.locator(f"#statement-{statement.pk}").get_by_role("button", name="Reject").click()

    page.wait_for_url(f"**/review/statements/{statement.pk}/**")
    assert page.locator(f"#reason-{statement.pk}").is_visible()
    context.close()


def test_with_javascript_reject_opens_its_panel_in_place(page, live_server, talks):
    negotiation, _, territory = talks
    statement = unreviewed(negotiation, territory, 1)[0]
    log_in(page.context, live_server, user_in("editor", "editor"))
    page.goto(f"{live_server.url}/review/")

    page.locator(f"#statement-{statement.pk}").get_by_role("button", name="Reject").click()

    assert page.locator(f"#reason-{statement.pk}").is_visible()
    assert page.url == f"{live_server.url}/review/"


def test_the_history_link_sits_level_with_the_action_buttons(page, live_server, talks):
    negotiation, _, territory = talks
    statement = unreviewed(negotiation, territory, 1)[0]
    log_in(page.context, live_server, user_in("editor", "editor"))
    page.goto(f"{live_server.url}/review/")

    row = page.locator(f"#statement-{statement.pk}")
    accept = row.get_by_role("button", name="Accept").bounding_box()
    history = row.get_by_role("link", name="History").bounding_box()

    def middle(box):
        return box["y"] + box["height"] / 2

    assert abs(middle(accept) - middle(history)) <= 2


def test_the_event_form_finds_a_participant_among_hundreds_by_typing(page, live_server, talks):
    from playwright.sync_api import expect

    negotiation, russia, _ = talks
    for number in range(190):
        ActorFactory(name=f"Delegate number {number:03d}")
    lavrov = ActorFactory(name="Sergéy Lavrov", party=russia)
    log_in(page.context, live_server, user_in("editor", "editor"))
    page.goto(f"{live_server.url}/review/events/new/")

    page.get_by_label("Filter participants").fill("sergey lav")  # accents and case do not matter

    names = page.locator("#e-participants label:visible")
    expect(names).to_have_count(1)
    assert "Sergéy Lavrov" in names.first.inner_text()
    page.get_by_label("Filter participants").press("Enter")  # the one name left: ticked, form not sent
    assert page.url.endswith("/review/events/new/")
    expect(page.locator("#e-participants input:checked")).to_have_count(1)
    page.get_by_label("Filter participants").fill("delegate number 00")
    expect(names).to_have_count(11)  # ten delegates, and Lavrov stays in view because he is ticked
    shoot(page, "event-form-picker")

    page.fill("#e-title", "Talks in Geneva")
    page.fill("#e-date", "2026-02-01")
    page.get_by_role("button", name="Create event").click()

    page.wait_for_url(lambda url: not url.endswith("/new/"))
    event = negotiation.events.get(title="Talks in Geneva")
    assert list(event.participants.all()) == [lavrov]
