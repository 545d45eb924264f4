import pytest

from tests.views.conftest import HTMX, build_world

pytestmark = pytest.mark.django_db

COMPARE = "/n/russia-ukraine/compare/"


def test_compare_home_redirects_to_the_current_negotiation_keeping_the_query(analyst_client, world):
    response = analyst_client.get("/compare/?actor=russia&actor=ukraine")

    assert response.status_code == 302
    assert response["Location"] == COMPARE + "?actor=russia&actor=ukraine"


def test_two_parties_side_by_side_with_the_gap_and_its_trend(analyst_client, world):
    response = analyst_client.get(COMPARE + "?actor=russia&actor=ukraine&as_of=2026-01-25")

    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert "Russia and Ukraine, as of 25 January 2026" in html
    # Territory: Russia opposes (1 Dec), Ukraine conditional since 18 Jan: 1.5 apart.
    row = html[html.index('id="issue-territory"') :]
    row = row[: row.index("</tr>")]
    assert "stance-opposes" in row and "stance-conditional" in row
    assert "Opposed" in row and "(1.5)" in row
    assert 'class="spark"' in row
    assert "Where they diverge:" in html and "Where they overlap:" in html
    assert '<svg class="chart line-chart"' in html
    assert 'href="/statements/' in row  # one click from the deciding statement
    assert 'href="https://news.example.org/articles/' in row  # and from its source


def test_the_gap_trend_is_put_in_words(analyst_client, world):
    html = analyst_client.get(COMPARE + "?actor=russia&actor=ukraine&as_of=2026-03-01").content.decode()

    row = html[html.index('id="issue-territory"') :]
    row = row[: row.index("</tr>")]
    assert "Further apart than three months ago" in row  # both opposed in December, 1.5 apart since 18 Jan


def test_default_comparison_is_the_two_most_quoted_parties(analyst_client, world):
    html = analyst_client.get(COMPARE).content.decode()

    assert "Russia and Ukraine, as of" in html or "Ukraine and Russia, as of" in html


def test_fragment_is_only_the_comparison(analyst_client, world):
    html = analyst_client.get(
        COMPARE + "?actor=sergey-lavrov&actor=volodymyr-zelenskyy", headers=HTMX
    ).content.decode()

    assert html.lstrip().startswith('<section id="comparison"')
    assert "Sergey Lavrov and Volodymyr Zelenskyy" in html


def test_one_subject_asks_for_another(analyst_client, world):
    html = analyst_client.get(COMPARE + "?actor=russia&actor=nobody", headers=HTMX).content.decode()

    assert "Choose at least two" in html


def test_the_form_keeps_the_chosen_subjects(analyst_client, world):
    html = analyst_client.get(COMPARE + "?actor=ukraine&actor=russia").content.decode()

    first = html[html.index('id="id_actor_0"') : html.index('id="id_actor_1"')]
    assert '<option value="ukraine" selected>' in first


def test_compare_needs_a_login_unless_public(client, world, settings):
    settings.PUBLIC_READ = False

    assert client.get(COMPARE)["Location"].startswith("/login/")


@pytest.mark.parametrize("speakers", [0, 30])
def test_compare_queries_do_not_grow(analyst_client, django_assert_max_num_queries, speakers):
    build_world(extra_speakers=speakers, extra_statements=speakers * 4)

    with django_assert_max_num_queries(14):
        assert analyst_client.get(COMPARE + "?actor=russia&actor=ukraine").status_code == 200


def test_each_cell_names_its_column_for_the_phone_layout(analyst_client, world):
    html = analyst_client.get(COMPARE + "?actor=russia&actor=ukraine&as_of=2026-01-25").content.decode()

    row = html[html.index('id="issue-territory"') :]
    row = row[: row.index("</tr>")]
    assert (
        row.index('data-label="Russia"') < row.index('data-label="Ukraine"') < row.index('data-label="Gap"')
    )


def test_an_unknown_actor_in_the_address_is_named_not_dropped_in_silence(analyst_client, world):
    response = analyst_client.get(COMPARE + "?actor=russia&actor=no-such-person&actor=ukraine")

    html = response.content.decode()
    assert "Russia and Ukraine, as of" in html
    assert "No party or speaker “no-such-person”: left out of the comparison" in html


def test_unknown_actors_are_named_in_the_htmx_fragment_too(analyst_client, world):
    response = analyst_client.get(COMPARE + "?actor=nobody&actor=ukraine&actor=ghost", headers=HTMX)

    html = response.content.decode()
    assert "<html" not in html
    assert "No party or speaker “nobody” or “ghost”" in html
    assert "Choose at least two" in html
