"""The cached fragments of the matrix, cell, issue, compare, timeline and search pages: served again while
nothing changed, and rendered afresh as soon as a statement arrives, is reviewed or rejected, or an actor or
an issue is renamed."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from negotiations.extraction import EXTRACTOR_VERSION
from negotiations.services.positions import refresh_positions
from negotiations.services.review import accept_statement, reject_statement
from negotiations.views import fragments
from tests.views.conftest import HTMX, say

pytestmark = pytest.mark.django_db

MATRIX = "/n/russia-ukraine/?as_of=2026-01-25"
REVIEWED_MATRIX = MATRIX + "&reviewed=on"
ISSUE = "/n/russia-ukraine/issues/security-guarantees/?as_of=2026-01-25"
COMPARE = "/n/russia-ukraine/compare/?actor=russia&actor=ukraine&as_of=2026-01-25"
TIMELINE = "/timeline/?actor=sergey-lavrov"
SEARCH = "/search/?q=troops"
CELL = "/n/russia-ukraine/cells/party/russia/security-guarantees/?as_of=2026-01-25"
CACHED_PAGES = [MATRIX, ISSUE, COMPARE, TIMELINE, "/timeline/?cursor=2026-01-15.1.999999", SEARCH, CELL]


def get(client, url: str, **headers) -> tuple[str, int]:
    """The page's HTML and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_a_second_visit_reuses_the_fragment(analyst_client, world, url):
    first, first_queries = get(analyst_client, url, **HTMX)
    second, second_queries = get(analyst_client, url, **HTMX)

    assert second == first
    assert second_queries < first_queries


@pytest.mark.parametrize("url", [MATRIX, ISSUE, COMPARE, TIMELINE, SEARCH])
def test_the_fragment_and_the_whole_page_share_the_cache(analyst_client, world, url):
    page, _ = get(analyst_client, url)
    fragment, _ = get(analyst_client, url, **HTMX)

    assert fragment.strip() in page


def test_a_new_statement_shows_at_once(analyst_client, world):
    before, _ = get(analyst_client, MATRIX)
    assert "Opposes" in before and "Supports" not in _row(before, "Sergey Lavrov")

    get(analyst_client, TIMELINE)
    say(
        world.negotiation,
        world.lavrov,
        dt.date(2026, 1, 22),
        {world.guarantees: "supports"},
        quote="Peace needs guarantees.",
    )
    refresh_positions(pairs=[(world.lavrov.pk, world.guarantees.pk)])  # as the pipeline does

    assert "stance-supports" in _row(get(analyst_client, MATRIX)[0], "Sergey Lavrov")
    assert "Peace needs guarantees." in get(analyst_client, TIMELINE)[0]


def test_reviewing_a_statement_shows_at_once(analyst_client, world, editor):
    assert "No counted statement yet among reviewed statements" in get(analyst_client, REVIEWED_MATRIX)[0]
    assert "Sergey Lavrov" not in get(analyst_client, ISSUE + "&reviewed=on")[0].split("Every position")[1]

    assert 'class="badge reviewed"' not in get(analyst_client, TIMELINE)[0]
    assert 'class="badge reviewed"' not in get(analyst_client, CELL, **HTMX)[0]

    statement = world.statements[2]  # Lavrov, 20 January: opposes guarantees
    accept_statement(statement=statement, editor=editor, version=statement.version)

    assert 'class="badge reviewed"' in get(analyst_client, TIMELINE)[0]
    assert 'class="badge reviewed"' in get(analyst_client, CELL, **HTMX)[0]
    assert 'class="badge reviewed"' in get(analyst_client, CELL)[0]  # the cell's page of its own

    assert "stance-opposes" in _row(get(analyst_client, REVIEWED_MATRIX)[0], "Sergey Lavrov")
    assert "Sergey Lavrov" in get(analyst_client, ISSUE + "&reviewed=on")[0].split("Every position")[1]


def test_rejecting_the_deciding_statement_shows_at_once(analyst_client, world, editor):
    assert "stance-opposes" in _row(get(analyst_client, MATRIX)[0], "Sergey Lavrov")
    assert "No foreign troops at all." in get(analyst_client, SEARCH)[0]

    statement = world.statements[2]  # his latest word on guarantees; before it, conditional (10 January)
    reject_statement(statement=statement, editor=editor, version=statement.version, reason="Misattributed")

    row = _row(get(analyst_client, MATRIX)[0], "Sergey Lavrov")
    assert "stance-conditional" in row and "stance-opposes" in row  # conditional now; territory opposes
    compare, _ = get(analyst_client, COMPARE)
    assert "No foreign troops at all." not in compare
    assert "No foreign troops at all." not in get(analyst_client, SEARCH)[0]


def test_renaming_an_actor_shows_at_once(analyst_client, world):
    get(analyst_client, MATRIX)

    world.lavrov.name = "Sergei Lavrov"
    world.lavrov.save()

    assert "Sergei Lavrov" in get(analyst_client, MATRIX)[0]


def test_renaming_an_issue_shows_at_once(analyst_client, world):
    get(analyst_client, MATRIX)

    world.guarantees.name = "Guarantees of security"
    world.guarantees.save()

    assert ">Guarantees of security</a>" in get(analyst_client, MATRIX)[0]


def test_each_date_and_filter_has_its_own_fragment(analyst_client, world):
    assert "As of 25 January 2026" in get(analyst_client, MATRIX)[0]
    assert "As of 12 January 2026" in get(analyst_client, "/n/russia-ukraine/?as_of=2026-01-12")[0]
    party_only, _ = get(analyst_client, MATRIX + "&party=ukraine")
    assert "Volodymyr Zelenskyy" in party_only and "Sergey Lavrov" not in party_only


def _row(html: str, name: str) -> str:
    """The matrix row of `name`, from its header to the end of the row."""
    start = html.index(f">{name}<")
    return html[start : html.index("</tr>", start)]


ACTOR = "/actors/sergey-lavrov/"
PARTY = "/actors/russia/"


@pytest.mark.parametrize("url", [ACTOR, PARTY])
def test_a_second_visit_to_an_actor_page_reuses_its_profile(analyst_client, world, url):
    first, first_queries = get(analyst_client, url)
    second, second_queries = get(analyst_client, url)

    assert _profile(second) == _profile(first)  # the page around it carries a new CSP nonce each time
    assert second_queries < first_queries


def _profile(page: str) -> str:
    return page[page.index('<div class="columns">') : page.index("</main>")]


def test_a_new_statement_shows_on_the_actor_and_party_pages_at_once(analyst_client, world):
    get(analyst_client, ACTOR)
    get(analyst_client, PARTY)

    say(
        world.negotiation,
        world.lavrov,
        dt.date(2026, 1, 23),
        {world.guarantees: "supports"},
        quote="A new line.",
    )

    assert "A new line." in get(analyst_client, ACTOR)[0]
    assert "A new line." in get(analyst_client, PARTY)[0]


@pytest.fixture
def fresh_release(settings):
    """DEPLOY_ID as a test sets it; the key is computed once per process, so forget it around the test."""
    fragments.deploy_key.cache_clear()
    yield settings
    fragments.deploy_key.cache_clear()


def test_a_new_release_renders_the_fragments_afresh(fresh_release):
    renders = []

    def render() -> str:
        renders.append(1)
        return f"<p>render {len(renders)}</p>"

    fresh_release.DEPLOY_ID = "release-1"
    first = fragments.cached_fragment("test", version="v1", inputs=["same"], render=render)
    again = fragments.cached_fragment("test", version="v1", inputs=["same"], render=render)
    fresh_release.DEPLOY_ID = "release-2"
    fragments.deploy_key.cache_clear()  # a new process of the new release
    after_deploy = fragments.cached_fragment("test", version="v1", inputs=["same"], render=render)

    assert first == again == "<p>render 1</p>"
    assert after_deploy == "<p>render 2</p>"


def test_the_release_key_names_the_versions_and_changes_with_the_templates(fresh_release, tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>old</p>")
    fresh_release.BASE_DIR = tmp_path
    fresh_release.DEPLOY_ID = "abc123"

    before = fragments.deploy_key()
    template.write_text("<p>new</p>")
    fragments.deploy_key.cache_clear()
    after = fragments.deploy_key()

    assert EXTRACTOR_VERSION in before and "abc123" in before
    assert before != after
