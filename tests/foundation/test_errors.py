"""Error pages: a friendly 404, and a 503 that says the database is away (and loses nothing)."""

import pytest
from django.db import OperationalError

from negotiations.views import matrix
from tests.factories import NegotiationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public(settings):
    settings.PUBLIC_READ = True
    settings.DEBUG = False


def test_an_unknown_address_gets_the_sites_404_page(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert "There is no page at this address" in response.text
    assert 'href="/search/' in response.text or 'action="/search/"' in response.text


def test_a_database_that_is_away_gives_a_503_with_retry_after(client, monkeypatch):
    negotiation = NegotiationFactory()

    def unreachable(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    monkeypatch.setattr(matrix.selectors, "negotiation_parties", unreachable)
    response = client.get(f"/n/{negotiation.slug}/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "cannot reach its database" in response.text
    assert "5432" not in response.text  # no internals shown


def test_the_health_check_says_when_the_database_is_away(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(CursorWrapper, "execute", unreachable)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "database unavailable"}


def test_the_favicon_the_admin_pages_ask_for_is_no_content_not_a_404(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 204
    assert "max-age=86400" in response["Cache-Control"]
