import pytest

from negotiations.views.filters import Options, options_html
from tests.views.conftest import HTMX

CHOICES = [("russia", "Russia"), ("a&b", 'A "quoted" <name>'), ("ukraine", "Ukraine")]


def test_a_menu_escaped_once_selects_as_a_menu_built_each_time():
    menu = Options(CHOICES)

    for selected in ("", "russia", "a&b", "ukraine", "nobody"):
        assert menu.selecting(selected) == options_html(CHOICES, selected=selected)
    assert menu.selecting("a&b").count(" selected") == 1


@pytest.mark.parametrize(
    ("address", "clean"),
    [
        ("/timeline/?actor=&issue=&q=talks&since=", "/timeline/?q=talks"),
        ("/n/russia-ukraine/?as_of=&party=&kind=person&kind=", "/n/russia-ukraine/?kind=person"),
        ("/n/russia-ukraine/compare/?actor=russia&actor=&actor=ukraine&as_of=", None),
        ("/search/?q=", "/search/"),
        ("/actors/?q=&kind=", "/actors/"),
    ],
)
def test_a_form_sent_without_javascript_lands_on_the_address_of_the_filters_set(
    analyst_client, world, address, clean
):
    response = analyst_client.get(address)

    assert response.status_code == 302
    expected = clean or "/n/russia-ukraine/compare/?actor=russia&actor=ukraine"
    assert response["Location"] == expected


def test_an_htmx_request_with_empty_fields_is_answered_not_redirected(analyst_client, world):
    response = analyst_client.get("/timeline/?actor=&q=talks", headers=HTMX)

    assert response.status_code == 200


def test_the_review_queue_drops_empty_filters_too(client, editor):
    client.force_login(editor)

    response = client.get("/review/?negotiation=&actor=&state=unreviewed")

    assert response.status_code == 302 and response["Location"] == "/review/?state=unreviewed"
