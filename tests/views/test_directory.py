"""/actors/: everyone Parley knows, grouped by side, filtered by name (or alias) and kind in the URL."""

import pytest

from tests.factories import ActorFactory, AliasFactory
from tests.views.conftest import HTMX

pytestmark = pytest.mark.django_db


def test_actors_are_grouped_under_their_side_most_quoted_first(analyst_client, world):
    page = analyst_client.get("/actors/").content.decode()

    russia = page.index(">Russia</h2>")
    assert russia < page.index(">Sergey Lavrov</a>", russia)
    assert page.index(">Ukraine</h2>") < page.index(">Volodymyr Zelenskyy</a>")
    assert "statements" in page


def test_an_actor_of_no_side_is_listed_apart(analyst_client, world):
    ActorFactory(name="Independent Analyst", party=None)

    page = analyst_client.get("/actors/").content.decode()

    assert page.index("Speaking for no side") < page.index("Independent Analyst")


def test_filtering_by_an_alias_finds_the_actor(analyst_client, world):
    AliasFactory(actor=world.lavrov, name="Sergei Lavrov")

    page = analyst_client.get("/actors/", {"q": "sergei"}).content.decode()

    assert "Sergey Lavrov" in page and "Volodymyr Zelenskyy" not in page


def test_filtering_by_kind(analyst_client, world):
    page = analyst_client.get("/actors/", {"kind": "person"}).content.decode()

    assert ">Sergey Lavrov</a>" in page and ">Russia</a>" not in page


def test_htmx_gets_only_the_directory(analyst_client, world):
    response = analyst_client.get("/actors/", {"q": "lavrov"}, headers=HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="directory">') and "<html" not in html


def test_nobody_matching_says_so(analyst_client, world):
    assert "Nobody matches “zzz”" in analyst_client.get("/actors/", {"q": "zzz"}).content.decode()


def test_the_directory_takes_a_constant_number_of_queries(
    analyst_client, world, django_assert_max_num_queries
):
    for number in range(30):
        ActorFactory(name=f"Official {number}", party=world.russia)

    with django_assert_max_num_queries(8):
        analyst_client.get("/actors/")


def test_the_directory_needs_the_reader_permission(client, world):
    response = client.get("/actors/")

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_name_filter_does_not_fill_the_navigation_search(analyst_client, world):
    page = analyst_client.get("/actors/", {"q": "lavrov"}).content.decode()

    assert 'id="nav-search-q" type="search" name="q" value=""' in page
    assert 'id="id_actor_q" name="q" value="lavrov"' in page
