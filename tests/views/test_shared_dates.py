"""A shared link carries a date only when the reader chose one: a link copied from today's view stays
"today" for whoever opens it later, instead of freezing on the day it was copied."""

import re

import pytest
from django.urls import reverse

from tests.views.conftest import HTMX

pytestmark = pytest.mark.django_db

MATRIX = "/n/russia-ukraine/"
CELL = "/n/russia-ukraine/cells/actor/sergey-lavrov/security-guarantees/"
ISSUE = "/n/russia-ukraine/issues/security-guarantees/"
COMPARE = "/n/russia-ukraine/compare/?actor=russia&actor=ukraine"


def dated_links(html: str) -> list[str]:
    """Addresses in the page that pin a day, and date inputs filled in without being asked."""
    links = re.findall(r'(?:href|hx-get)="([^"]*(?:as_of|until)=[^"]*)"', html)
    vals = re.findall(r'hx-vals="([^"]*as_of[^"]*)"', html)
    inputs = re.findall(r'<input type="date" id="id_as_of" name="as_of" value="([^"]+)"', html)
    return links + vals + inputs


@pytest.mark.parametrize("path", [MATRIX, CELL, ISSUE, COMPARE])
def test_pages_without_a_chosen_date_link_without_one(analyst_client, world, path):
    html = analyst_client.get(path).content.decode()

    assert dated_links(html) == []


def test_the_cell_fragment_of_todays_matrix_links_without_a_date(analyst_client, world):
    html = analyst_client.get(CELL + "?span=3", headers=HTMX).content.decode()

    assert "Link to this cell" in html
    assert dated_links(html) == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (MATRIX + "?as_of=2026-01-15", f'{ISSUE}?as_of=2026-01-15"'),
        (MATRIX + "?as_of=2026-01-15", "until=2026-01-15"),
        (MATRIX + "?as_of=2026-01-15", "&quot;as_of&quot;: &quot;2026-01-15&quot;"),
        (CELL + "?as_of=2026-01-15&reviewed=on", f'{CELL}?as_of=2026-01-15&amp;reviewed=on"'),
        (CELL + "?as_of=2026-01-15", f'{MATRIX}?as_of=2026-01-15"'),
        (ISSUE + "?as_of=2026-01-15", f'{CELL}?as_of=2026-01-15"'),
        (COMPARE + "&as_of=2026-01-15", f'{ISSUE}?as_of=2026-01-15"'),
    ],
)
def test_a_chosen_date_is_kept_in_the_links(analyst_client, world, path, expected):
    html = analyst_client.get(path).content.decode()

    assert expected in html
    assert 'value="2026-01-15"' in html


def test_an_empty_date_from_the_cell_page_form_leaves_the_address(analyst_client, world):
    response = analyst_client.get(CELL + "?as_of=&reviewed=on")

    assert response.status_code == 302 and response["Location"] == CELL + "?reviewed=on"


def test_the_date_query_keeps_only_what_was_chosen():
    from negotiations.views.filters import date_query

    assert date_query(as_of=None) == ""
    assert date_query(as_of=None, reviewed_only=True) == "?reviewed=on"
    assert reverse("matrix", args=["x"]) + date_query(as_of=None) == "/n/x/"
