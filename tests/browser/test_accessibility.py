"""Every kind of page checked with axe-core (the engine behind most accessibility audits) in headless
Chromium: no serious or critical violations (labels, contrast, names of links and buttons, ARIA, landmarks)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from negotiations.models import Source
from negotiations.services import alerts
from tests.conftest import log_in, user_in
from tests.views.conftest import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def world(settings):
    settings.PUBLIC_READ = True
    world = build_world(extra_speakers=4, extra_statements=20)
    alerts.record_all_shifts(negotiation=world.negotiation)  # so the shifts page has some to show
    return world


def blocking_violations(axe: Axe, page) -> list[str]:
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(
            f"{node['target'][0]}: {node.get('failureSummary', '')}" for node in violation["nodes"][:3]
        )
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


ANALYST_PAGES = [
    "/n/russia-ukraine/?as_of=2026-01-25",
    "/n/russia-ukraine/?as_of=2026-01-25&cell=party.russia.security-guarantees#evidence-party-russia",
    "/timeline/?negotiation=russia-ukraine",
    "/n/russia-ukraine/compare/?actor=russia&actor=ukraine",
    "/actors/sergey-lavrov/",
    "/n/russia-ukraine/issues/security-guarantees/",
    "/n/russia-ukraine/shifts/",
    "/search/?q=troops",
    "/actors/",
    "/login/",
]


@pytest.mark.parametrize("path", ANALYST_PAGES)
def test_analyst_pages_have_no_serious_accessibility_violations(page, live_server, world, axe, path):
    page.goto(live_server.url + path)

    assert blocking_violations(axe, page) == []


def test_the_statement_page_has_no_serious_accessibility_violations(page, live_server, world, axe):
    page.goto(f"{live_server.url}/statements/{world.statements[0].pk}/")

    assert blocking_violations(axe, page) == []


@pytest.mark.parametrize(
    ("role", "path"), [("editor", "/review/"), ("admin", "/manage/sources/"), ("admin", "/manage/registry/")]
)
def test_editor_and_admin_pages_have_no_serious_accessibility_violations(
    page, live_server, world, axe, role, path
):
    Source.objects.create(name="Wire feed", kind="rss", url="https://news.example.org/feed.xml")
    log_in(page.context, live_server, user_in(role, role))
    page.goto(live_server.url + path)
    assert page.url.endswith(path)  # not sent to the login page

    assert blocking_violations(axe, page) == []


def test_every_kind_of_form_field_on_the_admin_forms_has_the_sites_border(page, live_server, world):
    """Text areas and number fields looked like the browser's bare defaults (dark square borders) beside the
    site's rounded text fields."""
    log_in(page.context, live_server, user_in("admin", "admin"))
    page.goto(f"{live_server.url}/manage/sources/new/")

    def border(selector: str) -> tuple[str, str]:
        style = (
            "element => [getComputedStyle(element).borderTopColor, getComputedStyle(element).borderRadius]"
        )
        return page.locator(selector).evaluate(style)

    assert border("#s-interval") == border("#s-name")  # number beside text
    page.goto(f"{live_server.url}/review/events/new/?negotiation=russia-ukraine")
    assert border("#e-desc") == border("#e-title")  # textarea beside text
