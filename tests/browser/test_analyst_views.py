"""The analyst pages in headless Chromium: a matrix cell opens in place, the date replays the matrix,
the timeline loads more as it scrolls, a comparison opens. Screenshots go to data/screenshots/ (ignored by git)."""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from negotiations.services import alerts
from tests.factories import EventFactory, IssueFactory
from tests.views.conftest import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "data" / "screenshots"


def shoot(page, name: str, *, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"analyst-{name}.png"), full_page=full_page)


@pytest.fixture
def demo(settings):
    settings.PUBLIC_READ = True
    return build_world(extra_speakers=10, extra_statements=80)


def wait_until_loaded(page, seconds: float = 10) -> None:
    """document.readyState polled from Python: wait_for_function evaluates a string, which the page's
    Content Security Policy (no 'unsafe-eval') refuses."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if page.evaluate("document.readyState") == "complete":
                return
        except PlaywrightError:  # the page is being replaced (htmx reloads it on a history miss)
            pass
        page.wait_for_timeout(50)
    raise AssertionError("the page did not finish loading")


def test_clicking_a_cell_opens_its_statements_in_place(page, live_server, demo):
    page.goto(f"{live_server.url}/n/russia-ukraine/?as_of=2026-01-25&party=russia")
    cell = page.locator('a[data-cell][href*="cell=actor.sergey-lavrov.security-guarantees"]')
    assert cell.get_attribute("aria-expanded") == "false"

    cell.click()

    evidence = page.locator("#evidence-actor-sergey-lavrov")
    evidence.get_by_text("No foreign troops at all.").wait_for()
    assert cell.get_attribute("aria-expanded") == "true"
    heading = evidence.locator("h3")
    assert "Sergey Lavrov on Security guarantees, as of 25 January 2026" in " ".join(
        heading.inner_text().split()
    )
    assert page.evaluate("document.activeElement.tagName") == "H3"  # focus moved to the statements
    assert evidence.locator('a[href^="https://news.example.org/"]').count() >= 1
    shoot(page, "matrix-cell-open")

    page.keyboard.press("Escape")
    expect(evidence.locator("td")).to_have_count(0)
    assert cell.get_attribute("aria-expanded") == "false"


def test_an_opened_cell_puts_its_address_in_the_url_and_back_closes_it(page, live_server, demo):
    matrix = f"{live_server.url}/n/russia-ukraine/?as_of=2026-01-25&party=russia"
    page.goto(matrix)
    page.evaluate("window.stillThisPage = true")  # gone if the browser loads a new page
    cell = page.locator('a[data-cell][href*="cell=actor.sergey-lavrov.security-guarantees"]')
    evidence = page.locator("#evidence-actor-sergey-lavrov")

    cell.click()

    evidence.get_by_text("No foreign troops at all.").wait_for()
    page.wait_for_url(live_server.url + cell.get_attribute("href"))  # the link's own no-JS address
    assert page.evaluate("window.stillThisPage") is True  # swapped in place, not a new page

    page.go_back()  # the matrix as it was before the click (htmx reloads it: no history cache)
    page.wait_for_url(matrix)
    expect(evidence.locator("td")).to_have_count(0)
    page.get_by_role("heading", name="As of 25 January 2026", exact=True).wait_for()
    wait_until_loaded(page)  # its scripts listen again

    page.go_forward()  # the copied or remembered address opens the same cell
    page.wait_for_url(lambda url: "cell=actor.sergey-lavrov.security-guarantees" in url)
    evidence.get_by_text("No foreign troops at all.").wait_for()
    wait_until_loaded(page)

    page.keyboard.press("Escape")  # closing it takes it out of the address
    expect(evidence.locator("td")).to_have_count(0)
    page.wait_for_url(matrix)


def test_changing_the_date_replays_the_matrix_and_the_url_follows(page, live_server, demo):
    page.goto(f"{live_server.url}/n/russia-ukraine/?party=russia")
    lavrov_guarantees = 'a[data-cell][href*="cell=actor.sergey-lavrov.security-guarantees"]'

    page.fill("#id_as_of", "2026-01-12")  # fires "change": htmx asks for the matrix

    page.get_by_role("heading", name="As of 12 January 2026").wait_for()
    assert "as_of=2026-01-12" in page.url
    assert "Conditional" in page.locator(lavrov_guarantees).inner_text()
    shoot(page, "matrix-as-of")

    page.go_back()
    page.wait_for_url(lambda url: "as_of" not in url)
    page.get_by_role("heading", name=re.compile(r"^As of ")).wait_for()
    assert page.get_by_role("heading", name="As of 12 January 2026").count() == 0


def test_scrolling_the_timeline_loads_older_items(page, live_server, demo):
    page.goto(f"{live_server.url}/timeline/")
    items = page.locator("#results li.item")
    assert items.count() == 30

    page.locator("li.more").scroll_into_view_if_needed()
    expect(items).to_have_count(60)
    page.locator("li.more").scroll_into_view_if_needed()
    expect(items).to_have_count(86)  # 85 statements and an event, each once
    page.get_by_text("The start of the record.").wait_for()
    assert page.locator("li.more").count() == 0
    shoot(page, "timeline-scrolled")


def test_timeline_filters_update_the_results_and_the_url(page, live_server, demo):
    page.goto(f"{live_server.url}/timeline/")

    page.select_option("#id_actor", "sergey-lavrov")

    page.wait_for_url(re.compile(r"actor=sergey-lavrov"))
    page.get_by_role("heading", name="Sergey Lavrov").wait_for()
    assert page.locator("#results li.item").count() == 4  # three statements and the Geneva round
    shoot(page, "timeline-filtered", full_page=True)


def names_only_set_filters(url: str) -> bool:
    query = url.partition("?")[2]
    return all(not part.endswith("=") for part in query.split("&") if part)


def test_a_filter_change_pushes_an_address_with_only_the_filters_set(page, live_server, demo):
    page.goto(f"{live_server.url}/timeline/")

    page.select_option("#id_actor", "sergey-lavrov")

    page.wait_for_url(re.compile(r"actor=sergey-lavrov"))
    assert names_only_set_filters(page.url), page.url


def test_without_javascript_the_filter_form_lands_on_the_same_short_address(chromium, live_server, demo):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/timeline/")

    page.select_option("#id_actor", "sergey-lavrov")
    page.get_by_role("button", name="Filter").click()

    page.wait_for_url(re.compile(r"actor=sergey-lavrov"))
    assert names_only_set_filters(page.url), page.url
    context.close()


def test_opening_a_comparison(page, live_server, demo):
    page.goto(f"{live_server.url}/n/russia-ukraine/")
    page.get_by_role("link", name="Compare", exact=True).click()
    page.wait_for_url(re.compile(r"/compare/"))

    page.select_option("#id_actor_0", "sergey-lavrov")
    page.select_option("#id_actor_1", "volodymyr-zelenskyy")

    page.get_by_role("heading", name=re.compile("Sergey Lavrov and Volodymyr Zelenskyy")).wait_for()
    assert "actor=sergey-lavrov" in page.url and "actor=volodymyr-zelenskyy" in page.url
    row = page.locator("#issue-territory")
    assert "Opposes" in row.inner_text()
    assert page.locator("svg.line-chart path.line").count() >= 1
    shoot(page, "compare", full_page=True)


def test_the_matrix_works_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/n/russia-ukraine/")

    assert page.locator("nav[aria-label=Main] a", has_text="Timeline").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # only the table scrolls sideways
    shoot(page, "matrix-phone")


def test_keyboard_reaches_a_cell_with_a_visible_focus(page, live_server, demo):
    page.goto(f"{live_server.url}/n/russia-ukraine/?issue=territory&party=ukraine")
    cell = page.locator('a[data-cell][href*="cell=actor.volodymyr-zelenskyy.territory"]')

    cell.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Enter")

    assert outline == "solid"
    page.locator("#evidence-actor-volodymyr-zelenskyy h3").wait_for()
    shoot(page, "keyboard-cell")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_matrix_wider_than_the_screen_scrolls_in_its_box_not_the_whole_page(page, live_server, demo, width):
    for number in range(12):  # columns enough to overflow a desktop screen, most of them empty
        IssueFactory(negotiation=demo.negotiation, slug=f"extra-issue-{number}", name=f"Extra issue {number}")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/n/russia-ukraine/")

    box = page.locator(".matrix-wrap")
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")  # the table does overflow
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # but only inside its box


def test_an_event_with_a_long_source_address_fits_a_phone(page, live_server, demo):
    long_address = "https://news.example.org/world/europe/" + "delegations-met-for-a-long-day-of-talks-" * 3
    event = EventFactory(negotiation=demo.negotiation, source_urls=[long_address])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/n/russia-ukraine/events/{event.slug}/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_comparison_of_three_stacks_each_issue_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/n/russia-ukraine/compare/?actor=russia&actor=ukraine&actor=sergey-lavrov")

    table = page.locator(".compare-table")
    assert table.evaluate(
        "element => element.scrollWidth <= element.clientWidth"
    )  # nothing cut off at the right
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    label = page.locator("#issue-territory td[data-label]").first
    assert label.evaluate("element => getComputedStyle(element, '::before').content") == '"Russia"'


def test_the_compare_chart_keeps_legible_month_labels_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/n/russia-ukraine/compare/?actor=russia&actor=ukraine")

    label = page.locator("svg.line-chart text").last  # a month on the time axis
    assert label.bounding_box()["height"] >= 8  # scaled to the screen it was about 5 px tall
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the chart scrolls in its box


def test_an_actors_chart_keeps_legible_labels_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/actors/sergey-lavrov/")

    label = page.locator("svg.chart .row-label").first
    assert label.bounding_box()["height"] >= 8  # scaled to the screen it was about 5 px tall
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the chart scrolls in its box


def test_the_timeline_filters_leave_room_for_statements_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/timeline/")

    filters = page.locator("form.filters").first.bounding_box()
    assert filters["height"] < 844 * 0.6  # one field a line, they filled the whole first screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_shift_filters_update_the_list_and_push_a_shareable_url(page, live_server, demo):
    alerts.record_all_shifts(negotiation=demo.negotiation)
    page.goto(f"{live_server.url}/n/russia-ukraine/shifts/")
    shoot(page, "shifts", full_page=True)

    page.select_option("#id_actor", "sergey-lavrov")

    page.wait_for_url(re.compile(r"/shifts/\?actor=sergey-lavrov$"))
    page.get_by_role("heading", name="Sergey Lavrov 2 shifts").wait_for()
    assert page.locator("#shifts article.shift").count() == 2
    shoot(page, "shifts-filtered", full_page=True)
