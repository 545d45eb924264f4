"""A negotiation's stance shifts page: filters in the URL, a fragment for htmx, pages without JavaScript."""

import re

import pytest
from django.urls import reverse

from negotiations.services import alerts
from tests.views.conftest import HTMX, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def shifted(world):
    """Lavrov's guarantees go opposes → conditional → opposes; Zelenskyy's territory opposes → conditional."""
    alerts.record_all_shifts(negotiation=world.negotiation)
    return world


def shifts_url(world, query: str = "") -> str:
    return reverse("negotiation_shifts", args=[world.negotiation.slug]) + query


def shown(page: str) -> list[str]:
    """The days of the shifts a page shows, in order."""
    return re.findall(r'<article class="shift".*?<time datetime="([\d-]+)"', page, flags=re.S)


def test_the_page_lists_every_shift_newest_first_with_both_statements(analyst_client, shifted):
    page = analyst_client.get(shifts_url(shifted)).content.decode()

    assert "3 shifts" in page
    days = [page.index(f'datetime="{day}"') for day in ("2026-01-20", "2026-01-18", "2026-01-10")]
    assert days == sorted(days)
    assert "Guarantees only with us." in page and "No foreign troops at all." in page
    assert 'aria-current="page">Shifts<' in page  # the navigation's own link
    assert reverse("issue_detail", args=[shifted.negotiation.slug, shifted.territory.slug]) in page


def test_filters_by_actor_issue_and_dates(analyst_client, shifted):
    by_actor = analyst_client.get(shifts_url(shifted, "?actor=volodymyr-zelenskyy")).content.decode()
    by_issue = analyst_client.get(shifts_url(shifted, "?issue=security-guarantees")).content.decode()
    by_date = analyst_client.get(shifts_url(shifted, "?since=2026-01-15&until=2026-01-19")).content.decode()

    assert shown(by_actor) == ["2026-01-18"]
    assert shown(by_issue) == ["2026-01-20", "2026-01-10"]
    assert shown(by_date) == ["2026-01-18"]


def test_a_party_brings_the_shifts_of_those_speaking_for_it(analyst_client, shifted):
    page = analyst_client.get(shifts_url(shifted, "?actor=russia")).content.decode()

    assert shown(page) == ["2026-01-20", "2026-01-10"]


def test_htmx_gets_the_list_alone_and_the_form_pushes_its_url(analyst_client, shifted):
    full = analyst_client.get(shifts_url(shifted, "?issue=territory")).content.decode()
    fragment = analyst_client.get(shifts_url(shifted, "?issue=territory"), headers=HTMX).content.decode()

    assert 'hx-push-url="true"' in full and 'id="shifts"' in full
    assert fragment.lstrip().startswith('<section id="shifts"') and "<html" not in fragment
    assert shown(fragment) == ["2026-01-18"]


def test_an_empty_field_from_a_form_without_javascript_redirects_to_the_short_address(
    analyst_client, shifted
):
    response = analyst_client.get(shifts_url(shifted, "?actor=&issue=territory&since=&until="))

    assert response.status_code == 302
    assert response["Location"] == shifts_url(shifted, "?issue=territory")


def test_a_value_that_does_not_parse_is_reported_and_ignored(analyst_client, shifted):
    page = analyst_client.get(shifts_url(shifted, "?issue=nonsense&since=2026-01-20&until=2026-01-01"))

    text = page.content.decode()
    assert page.status_code == 200
    assert "Some filters were ignored" in text and "The end date is before the start date." in text
    assert shown(text) == ["2026-01-20"]  # only the start date holds


def test_an_actor_without_shifts_says_so(analyst_client, shifted):
    page = analyst_client.get(
        shifts_url(shifted, "?actor=ukraine&issue=security-guarantees")
    ).content.decode()

    assert "No stance shifts recorded for these filters." in page
    assert "Some filters were ignored" not in page


def test_the_pager_keeps_the_filters(analyst_client, shifted, monkeypatch):
    monkeypatch.setattr("negotiations.views.shifts.SHIFTS_PER_PAGE", 1)

    page = analyst_client.get(shifts_url(shifted, "?issue=security-guarantees")).content.decode()

    assert 'href="?issue=security-guarantees&amp;page=2"' in page


def test_actor_and_issue_pages_link_to_their_shifts(analyst_client, shifted):
    actor_page = analyst_client.get(reverse("actor_detail", args=["sergey-lavrov"])).content.decode()
    issue_page = analyst_client.get(
        reverse("issue_detail", args=[shifted.negotiation.slug, "territory"])
    ).content.decode()

    assert shifts_url(shifted, "?actor=sergey-lavrov") in actor_page
    assert shifts_url(shifted, "?issue=territory") in issue_page


@pytest.mark.parametrize("speakers", [1, 12])
def test_query_count_does_not_grow_with_shifts(analyst_client, django_assert_max_num_queries, speakers):
    world = build_world(extra_speakers=speakers, extra_statements=speakers * 4)
    alerts.record_all_shifts(negotiation=world.negotiation)

    with django_assert_max_num_queries(12):
        response = analyst_client.get(shifts_url(world))

    assert response.status_code == 200


def test_anonymous_readers_need_public_read(client, shifted, settings):
    settings.PUBLIC_READ = False
    assert client.get(shifts_url(shifted)).status_code == 302
    settings.PUBLIC_READ = True
    assert client.get(shifts_url(shifted)).status_code == 200


def test_an_unknown_negotiation_is_404(analyst_client, db):
    assert analyst_client.get(reverse("negotiation_shifts", args=["nowhere"])).status_code == 404
