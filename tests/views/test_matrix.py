import datetime as dt
import re

import pytest

from actors.models import Actor
from negotiations import selectors
from negotiations.models import Position, StatementIssue
from negotiations.selectors import speaking_for
from negotiations.services.positions import counted_stances, rebuild_positions
from tests.views.conftest import HTMX, build_world, say

pytestmark = pytest.mark.django_db

MATRIX = "/n/russia-ukraine/"
CELL = "/n/russia-ukraine/cells/party/russia/security-guarantees/"


def test_home_leads_to_the_matrix_of_the_current_negotiation(analyst_client, world):
    response = analyst_client.get("/")

    assert response.status_code == 302
    assert response["Location"] == MATRIX


def test_home_without_a_negotiation_explains_what_to_do(analyst_client):
    response = analyst_client.get("/")

    assert response.status_code == 200
    assert b"No negotiation yet" in response.content


def test_ranking_by_actor_totals_matches_summing_every_issue_shown():
    world = build_world(extra_speakers=8, extra_statements=16)
    busiest = Actor.objects.get(slug="speaker-5")
    for day in range(1, 5):
        say(
            world.negotiation,
            busiest,
            dt.date(2026, 2, day),
            {world.guarantees: "supports", world.territory: "neutral"},
        )
    rebuild_positions(negotiation=world.negotiation)

    def ranking(every_issue: bool) -> tuple[list[str], int]:
        table = selectors.stance_matrix(
            negotiation=world.negotiation,
            as_of=dt.date(2026, 3, 1),
            issues=selectors.matrix_issues(negotiation=world.negotiation),
            parties=selectors.negotiation_parties(negotiation=world.negotiation),
            limit=4,
            every_issue=every_issue,
        )
        return [row.actor.slug for row in table.all_rows if row.scope == "actor"], table.total_actors

    assert ranking(every_issue=True) == ranking(every_issue=False)
    assert ranking(every_issue=True)[0][0] == "speaker-5"
    assert ranking(every_issue=True)[1] == 10


def test_full_page_has_the_navigation_filters_and_the_table(analyst_client, world):
    response = analyst_client.get(MATRIX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and 'aria-label="Main"' in html
    assert 'action="/search/"' in html  # the GET search form of the navigation
    assert 'name="as_of"' in html and 'hx-push-url="true"' in html
    assert 'id="matrix"' in html
    assert "Sergey Lavrov" in html and "Volodymyr Zelenskyy" in html
    assert "How a cell's stance is decided" in html


def test_cells_show_stance_in_words_with_counts_and_both_addresses(analyst_client, world):
    html = analyst_client.get(MATRIX + "?as_of=2026-01-25").content.decode()

    # Lavrov's latest word on guarantees (20 Jan) is "opposes": the word, not only the colour.
    assert 'class="stance stance-opposes"' in html and ">Opposes</span>" in html
    assert "st · 1 src" in html
    assert "cell=actor.sergey-lavrov.security-guarantees#evidence-actor-sergey-lavrov" in html  # the href
    assert 'hx-get="/n/russia-ukraine/cells/actor/sergey-lavrov/security-guarantees/"' in html
    assert 'hx-vals="{&quot;as_of&quot;: &quot;2026-01-25&quot;, &quot;span&quot;: 3}"' in html


def test_the_fragment_is_only_the_matrix(analyst_client, world):
    response = analyst_client.get(MATRIX + "?as_of=2026-01-15", headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="matrix"')
    assert "<html" not in html and 'class="filters"' not in html
    assert "As of 15 January 2026" in html
    assert response["Vary"].count("HX-Request") == 1


def test_a_history_restore_gets_the_whole_page(analyst_client, world):
    response = analyst_client.get(MATRIX, headers=HTMX | {"HX-History-Restore-Request": "true"})

    assert b"<html" in response.content


def test_as_of_replays_history(analyst_client, world):
    before = analyst_client.get(MATRIX + "?as_of=2026-01-15&party=russia", headers=HTMX).content.decode()
    after = analyst_client.get(MATRIX + "?as_of=2026-01-25&party=russia", headers=HTMX).content.decode()

    # Lavrov on guarantees: conditional on 10 Jan, opposes from 20 Jan.
    lavrov_row = before[before.index(">Sergey Lavrov<") :]
    assert lavrov_row.index("stance-conditional") < lavrov_row.index("</tr>")
    lavrov_row = after[after.index(">Sergey Lavrov<") :]
    assert lavrov_row.index("stance-opposes") < lavrov_row.index("</tr>")


def test_before_any_statement_the_cells_are_empty(analyst_client, world):
    html = analyst_client.get(MATRIX + "?as_of=2025-01-01", headers=HTMX).content.decode()

    assert 'class="cell"' not in html
    assert "No counted statement yet for these filters." in html


def test_an_empty_matrix_does_not_count_speakers_and_offers_a_way_out(analyst_client, world):
    html = analyst_client.get(MATRIX + "?as_of=2025-01-01").content.decode()

    assert "No stance yet" in html
    assert "speakers, most quoted first" not in html  # no "4 of 4 speakers" above an empty table
    assert f'<a href="{MATRIX}">the matrix as of today</a>' in html


def test_a_bad_date_is_ignored_not_an_error(analyst_client, world):
    response = analyst_client.get(MATRIX + "?as_of=not-a-date&party=nobody&kind=alien")

    assert response.status_code == 200
    assert b"could not be read" in response.content


def test_filters_by_party_and_issue(analyst_client, world):
    html = analyst_client.get(MATRIX + "?party=ukraine&issue=territory", headers=HTMX).content.decode()

    assert "Volodymyr Zelenskyy" in html and "Sergey Lavrov" not in html
    assert ">Territory</a>" in html and ">Security guarantees</a>" not in html


def test_reviewed_only_hides_unreviewed_statements(analyst_client, world):
    html = analyst_client.get(MATRIX + "?reviewed=on", headers=HTMX).content.decode()

    assert "reviewed statements only" in html
    assert "No counted statement yet among reviewed statements" in html


def test_cell_fragment_lists_the_statements_with_sources(analyst_client, world):
    response = analyst_client.get(CELL + "?as_of=2026-01-15&span=3", headers=HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<td colspan="3">')
    assert "Russia" in html and "Security guarantees" in html and "as of 15 January 2026" in html
    assert "Guarantees only with us." in html and "No foreign troops at all." not in html  # said after
    assert "This statement decides the cell." in html
    assert 'href="https://news.example.org/articles/' in html  # one click from the source
    assert "since=2026-01-15" in html  # "what did they say since?"


def test_cell_page_without_htmx_is_a_whole_page(analyst_client, world):
    response = analyst_client.get(CELL + "?as_of=2026-01-25")

    html = response.content.decode()
    assert "<html" in html and "<td" not in html
    assert "No foreign troops at all." in html


def test_without_javascript_the_cell_opens_in_the_page(analyst_client, world):
    html = analyst_client.get(
        MATRIX + "?as_of=2026-01-25&cell=actor.sergey-lavrov.security-guarantees"
    ).content.decode()

    row = html[html.index('id="evidence-actor-sergey-lavrov"') :]
    assert row.index("No foreign troops at all.") < row.index("</tr>")
    assert 'aria-expanded="true"' in html


def test_unknown_cell_scope_is_404(analyst_client, world):
    assert analyst_client.get("/n/russia-ukraine/cells/nobody/russia/territory/").status_code == 404


def test_unknown_negotiation_is_404(analyst_client, world):
    assert analyst_client.get("/n/nowhere/").status_code == 404


@pytest.mark.parametrize("url", ["/", MATRIX, CELL])
def test_reading_needs_a_login_unless_public(client, world, settings, url):
    settings.PUBLIC_READ = False

    response = client.get(url)

    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_htmx_without_login_gets_a_client_redirect(client, world, settings):
    settings.PUBLIC_READ = False

    response = client.get(CELL, headers=HTMX)

    assert response["HX-Redirect"].startswith("/login/")


def test_public_read_opens_the_matrix_to_anyone(client, world, settings):
    settings.PUBLIC_READ = True

    assert client.get(MATRIX).status_code == 200


def test_a_user_without_a_role_is_refused(client, world, settings, django_user_model):
    settings.PUBLIC_READ = False
    client.force_login(django_user_model.objects.create_user("nobody"))

    assert client.get(MATRIX).status_code == 403


# Query counts: the same bound with one speaker and with many -------------------------------------------

MATRIX_QUERIES = 10  # session, user and permissions (3); negotiation, parties, issues, count, rows, cells


@pytest.mark.parametrize("speakers", [0, 30])
def test_matrix_queries_do_not_grow_with_rows(analyst_client, django_assert_max_num_queries, speakers):
    build_world(extra_speakers=speakers, extra_statements=speakers * 4)
    assert Position.objects.count() > (100 if speakers else 5)

    with django_assert_max_num_queries(MATRIX_QUERIES):
        response = analyst_client.get(MATRIX + "?as_of=2026-01-31")

    assert response.status_code == 200
    assert response.content.count(b'class="cell"') >= (60 if speakers else 4)


@pytest.mark.parametrize("speakers", [0, 30])
def test_cell_queries_do_not_grow_with_statements(analyst_client, django_assert_max_num_queries, speakers):
    build_world(extra_speakers=speakers, extra_statements=speakers * 4)

    with django_assert_max_num_queries(11):
        response = analyst_client.get(CELL, headers=HTMX)

    assert response.status_code == 200


def test_as_of_is_shown_in_the_date_control(analyst_client, world):
    html = analyst_client.get(MATRIX + f"?as_of={dt.date(2026, 1, 2).isoformat()}").content.decode()

    assert 'value="2026-01-02"' in html


def test_a_busy_cell_lists_its_twenty_newest_statements(analyst_client):
    """The statements are searched only after the day the cell's running count leaves 20 to come: the
    list must be the same as without that bound."""
    world = build_world(extra_speakers=10, extra_statements=300)
    as_of = dt.date(2026, 1, 25)
    counted = counted_stances(
        StatementIssue.objects.filter(
            issue=world.guarantees,
            statement__actor__in=speaking_for(world.russia).values("pk"),
            statement__said_on__lte=as_of,
        ),
        reviewed_only=False,
    ).order_by("-statement__said_on", "-statement_id")
    assert counted.count() > 40
    newest = [str(pk) for pk in counted.values_list("statement_id", flat=True)[:20]]

    html = analyst_client.get(CELL + f"?as_of={as_of.isoformat()}", headers=HTMX).content.decode()

    assert re.findall(r'cite="/statements/(\d+)/"', html) == newest
