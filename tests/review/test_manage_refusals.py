"""A refused admin form says why in plain words, links to what is in the way, and keeps what was typed."""

import datetime as dt

import pytest
from django.urls import reverse

from actors.models import Role
from negotiations.models import Source
from negotiations.services import sources as source_services
from tests.factories import ActorFactory, RoleFactory, SourceFactory

pytestmark = pytest.mark.django_db

FEED = "https://news.example.org/world/rss.xml"


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_adding_a_registered_address_links_to_the_source_that_has_it(admin_client):
    existing = SourceFactory(name="Example world news", kind="rss", url=FEED)

    response = admin_client.post(
        reverse("source_create"),
        {"name": "World again", "kind": "page", "url": FEED, "poll_interval_minutes": "45", "language": "en"},
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert f"“{FEED}” is already registered, as the source “Example world news”." in html
    assert f'href="{reverse("source_edit", args=[existing.pk])}"' in html
    assert 'value="World again"' in html and 'value="45"' in html  # what the admin typed
    assert 'name="fetch_now">' in html  # unticked, as sent
    assert Source.objects.count() == 1


def test_moving_a_source_onto_another_ones_address_is_refused(admin_client):
    SourceFactory(name="First", kind="rss", url=FEED)
    second = SourceFactory(name="Second", kind="rss", url="https://other.example.org/rss")

    response = admin_client.post(
        reverse("source_edit", args=[second.pk]),
        {"name": "Second", "url": FEED, "poll_interval_minutes": "60", "reliability": "unknown"},
    )

    assert response.status_code == 422
    assert "already registered, as the source “First”" in response.content.decode()
    second.refresh_from_db()
    assert second.url == "https://other.example.org/rss"


def test_a_source_may_keep_its_own_address():
    source = SourceFactory(url=FEED)

    source_services.refuse_registered_url(url=FEED, exclude=source)  # no error


def test_an_office_overlapping_the_same_office_is_refused_and_the_form_keeps_it(admin_client):
    envoy = ActorFactory(name="Ana Envoy")
    RoleFactory(actor=envoy, title="Special envoy", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))

    response = admin_client.post(
        reverse("registry_role_add", args=[envoy.pk]),
        {"title": "Special envoy", "start": "2025-06-01", "end": "", "descriptors": "the special envoy"},
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert "Ana Envoy already holds “Special envoy” over part of those dates" in html
    assert 'value="Special envoy"' in html and 'value="2025-06-01"' in html
    assert ">the special envoy</textarea>" in html
    assert envoy.roles.count() == 1


def test_the_same_office_after_it_ended_is_added(admin_client):
    envoy = ActorFactory()
    RoleFactory(actor=envoy, title="Special envoy", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))

    response = admin_client.post(
        reverse("registry_role_add", args=[envoy.pk]), {"title": "Special envoy", "start": "2026-02-01"}
    )

    assert response.status_code == 302
    assert envoy.roles.count() == 2


def test_bad_dates_for_an_office_keep_the_form(admin_client):
    envoy = ActorFactory()

    response = admin_client.post(
        reverse("registry_role_add", args=[envoy.pk]), {"title": "Mediator", "start": "June 2025"}
    )

    assert response.status_code == 422
    assert "Dates must be YYYY-MM-DD." in response.content.decode()
    assert 'value="Mediator"' in response.content.decode()


@pytest.mark.parametrize(
    ("start", "end", "overlaps"),
    [
        (None, None, True),
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31), False),
        (dt.date(2024, 1, 1), dt.date(2025, 1, 1), True),
        (dt.date(2026, 1, 1), None, False),
        (None, dt.date(2025, 3, 1), True),
    ],
)
def test_role_overlaps(start, end, overlaps):
    role = Role(title="Envoy", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))

    assert role.overlaps(start, end) is overlaps
