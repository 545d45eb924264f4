import pytest

from negotiations.enums import ReviewState
from tests.factories import AliasFactory, AuditLogFactory, RoleFactory
from tests.views.conftest import HTMX, build_world

pytestmark = pytest.mark.django_db


def test_actor_page_shows_names_offices_chart_and_latest_statements(analyst_client, world):
    AliasFactory(actor=world.lavrov, name="Sergei Lavrov")
    RoleFactory(actor=world.lavrov, title="Minister of Foreign Affairs")

    html = analyst_client.get("/actors/sergey-lavrov/").content.decode()

    assert "<h1>Sergey Lavrov</h1>" in html
    assert "Sergei Lavrov" in html and "Minister of Foreign Affairs" in html
    assert 'speaks for <a href="/actors/russia/">Russia</a>' in html
    assert '<svg class="chart"' in html and "band-opposes" in html
    assert html.index("No foreign troops at all.") < html.index("Guarantees only with us.")
    assert "/timeline/?negotiation=russia-ukraine&amp;actor=sergey-lavrov" in html


def test_party_page_speaks_for_everyone_in_it(analyst_client, world):
    html = analyst_client.get("/actors/russia/").content.decode()

    assert "Everyone speaking for Russia" in html
    assert "Sergey Lavrov" in html
    assert "party=russia" in html


def test_party_page_links_each_member_with_its_name_escaped(analyst_client, world):
    world.lavrov.name = "Sergey <b>Lavrov</b> & co"
    world.lavrov.save()

    html = analyst_client.get("/actors/russia/").content.decode()

    assert '<li><a href="/actors/sergey-lavrov/">Sergey &lt;b&gt;Lavrov&lt;/b&gt; &amp; co</a></li>' in html


def test_issue_page_with_every_position_and_its_fragment(analyst_client, world):
    html = analyst_client.get(
        "/n/russia-ukraine/issues/security-guarantees/?as_of=2026-01-25"
    ).content.decode()

    assert "<h1>Security guarantees</h1>" in html
    assert "“Supports” means:" in html
    assert "Geneva round" in html
    assert "Recent shifts" in html and "Sergey Lavrov" in html
    fragment = analyst_client.get(
        "/n/russia-ukraine/issues/security-guarantees/?as_of=2026-01-12", headers=HTMX
    ).content.decode()
    assert fragment.lstrip().startswith('<div id="positions">')
    assert "as of 12 January 2026" in fragment


def test_event_page(analyst_client, world):
    html = analyst_client.get("/n/russia-ukraine/events/geneva-round/").content.decode()

    assert "<h1>Geneva round</h1>" in html
    assert "Sergey Lavrov" in html and "Security guarantees" in html
    assert "https://news.example.org/events/geneva-round" in html


def test_statement_page_highlights_the_quote_in_its_paragraph(analyst_client, world):
    statement = world.statements[2]
    AuditLogFactory(statement=statement, action="accept")

    html = analyst_client.get(f"/statements/{statement.pk}/").content.decode()

    assert "<mark>No foreign troops at all.</mark>" in html
    assert "told reporters" in html  # the paragraph around it
    assert "accept" in html and "review_state" in html  # its history
    assert "in the matrix that day" in html


def test_statement_page_says_when_a_statement_was_rejected(analyst_client, world):
    statement = world.statements[2]
    statement.review_state = ReviewState.REJECTED
    statement.rejection_reason = "Misattributed"
    statement.save()

    html = analyst_client.get(f"/statements/{statement.pk}/").content.decode()

    assert "An editor rejected this statement: Misattributed" in html


def test_notes_are_for_editors_only(client, world, analyst, editor):
    url = f"/statements/{world.statements[0].pk}/"
    client.force_login(analyst)
    assert b"Editors\xe2\x80\x99 notes" not in client.get(url).content
    client.force_login(editor)
    assert b"Editors\xe2\x80\x99 notes" in client.get(url).content


def test_search_finds_statements_actors_and_documents(analyst_client, world):
    html = analyst_client.get("/search/?q=troops").content.decode()

    assert "No foreign troops at all." in html
    assert "Guarantees only with us." not in html
    html = analyst_client.get("/search/?q=lavrov").content.decode()
    assert 'href="/actors/sergey-lavrov/"' in html


def test_search_fragment_and_empty_query(analyst_client, world):
    fragment = analyst_client.get("/search/?q=troops", headers=HTMX).content.decode()
    assert fragment.lstrip().startswith('<div id="results">')
    empty = analyst_client.get("/search/").content.decode()
    assert "Type a name" in empty


@pytest.mark.parametrize(
    "url",
    [
        "/actors/sergey-lavrov/",
        "/n/russia-ukraine/issues/territory/",
        "/n/russia-ukraine/events/geneva-round/",
        "/search/?q=troops",
    ],
)
def test_pages_need_a_login_unless_public(client, world, settings, url):
    settings.PUBLIC_READ = False
    assert client.get(url)["Location"].startswith("/login/")
    settings.PUBLIC_READ = True
    assert client.get(url).status_code == 200


def test_statement_page_needs_a_login(client, world, settings):
    settings.PUBLIC_READ = False
    assert client.get(f"/statements/{world.statements[0].pk}/").status_code == 302


def test_unknown_pages_are_404(analyst_client, world):
    for url in ("/actors/nobody/", "/n/russia-ukraine/issues/nothing/", "/statements/999999/"):
        assert analyst_client.get(url).status_code == 404, url


@pytest.mark.parametrize("speakers", [0, 30])
def test_page_queries_do_not_grow(analyst_client, django_assert_max_num_queries, speakers):
    world = build_world(extra_speakers=speakers, extra_statements=speakers * 4)

    for url, bound in (
        ("/actors/russia/", 15),
        ("/actors/sergey-lavrov/", 15),
        ("/n/russia-ukraine/issues/territory/", 13),
        ("/n/russia-ukraine/events/geneva-round/", 11),
        (f"/statements/{world.statements[0].pk}/", 11),
        ("/search/?q=remark", 11),
    ):
        with django_assert_max_num_queries(bound):
            assert analyst_client.get(url).status_code == 200, url


def test_login_page(client):
    html = client.get("/login/?next=/timeline/").content.decode()

    assert 'name="username"' in html and 'name="password"' in html
    assert 'name="next" value="/timeline/"' in html
    assert 'autocomplete="current-password"' in html


def test_login_then_logout(client, analyst):
    response = client.post(
        "/login/", {"username": "analyst", "password": "a-test-password-7", "next": "/timeline/"}
    )
    assert response["Location"] == "/timeline/"
    response = client.post("/logout/")
    assert response.status_code == 302
