"""Editors' and admins' pages at a desktop and a phone width: nothing makes the page scroll sideways, and
the header keeps its search box and account together."""

import datetime as dt

import pytest

from tests.browser.test_editor_review import log_in
from tests.conftest import user_in
from tests.factories import ActorFactory, AliasFactory, EventFactory, NegotiationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def registry():
    negotiation = NegotiationFactory(slug="talks", name="Peace talks")
    # Long words and date ranges: the columns' least widths add up to more than a phone's.
    EventFactory(
        negotiation=negotiation,
        title="Intergovernmental consultations",
        date=dt.date(2026, 1, 29),
        end_date=dt.date(2026, 2, 1),
        kind="invitation",
        place="Hallandale Beach",
    )
    party = ActorFactory(name="Intergovernmental Organisation")
    actor = ActorFactory(name="Alexander Lukashenko", party=party)
    for spelling in ("Aliaksandr Ryhoravich Lukashenka", "Alyaksandr Lukashenka", "Lukashenko-Lukashenka"):
        AliasFactory(actor=actor, name=spelling)
    return negotiation


@pytest.mark.parametrize("path", ["/review/events/", "/manage/registry/", "/manage/sources/"])
def test_an_admin_page_never_scrolls_sideways_on_a_phone(page, live_server, registry, path):
    log_in(page.context, live_server, user_in("admin", "admin"))
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(live_server.url + path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # a wide table scrolls in its box


def test_the_header_keeps_search_and_account_together_when_it_wraps(page, live_server, registry):
    log_in(page.context, live_server, user_in("admin", "admin"))  # the most links: the header wraps

    page.goto(live_server.url + "/review/events/")

    search = page.locator(".nav-search").bounding_box()
    account = page.locator(".nav-account").bounding_box()
    assert abs(search["y"] + search["height"] / 2 - (account["y"] + account["height"] / 2)) < 4  # one line
    assert account["x"] > search["x"]  # the account at the right of the search box, not under the links
