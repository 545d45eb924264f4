"""Ingested text is escaped everywhere it is shown: quotes, names, titles, addresses."""

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from negotiations.services.positions import rebuild_positions
from tests.factories import CitationFactory, DocumentFactory, EventFactory, StatementFactory

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)>"


@pytest.fixture
def hostile(world):
    world.lavrov.name = "Lavrov " + HOSTILE
    world.lavrov.description = HOSTILE
    world.lavrov.save()
    world.territory.name = "Territory " + HOSTILE
    world.territory.proposition = HOSTILE
    world.territory.save()
    statement = StatementFactory(
        negotiation=world.negotiation,
        actor=world.lavrov,
        said_on=dt.date(2026, 1, 21),
        quote="We say " + HOSTILE,
        speaker_title=HOSTILE,
        stances={world.territory: "opposes", world.guarantees: "opposes"},
    )
    document = DocumentFactory(
        url="javascript:alert(1)",
        title="Title " + HOSTILE,
        text=f"Lavrov said: “We say {HOSTILE}” and left.",
    )
    CitationFactory(statement=statement, document=document)
    EventFactory(
        negotiation=world.negotiation,
        slug="hostile",
        title=HOSTILE,
        description=HOSTILE,
        place=HOSTILE,
        participants=[world.lavrov],
        issues=[world.territory],
        source_urls=["javascript:alert(2)"],
    )
    rebuild_positions(negotiation=world.negotiation)
    return statement


def pages(statement):
    return [
        "/n/russia-ukraine/?as_of=2026-01-25",
        "/n/russia-ukraine/?as_of=2026-01-25&cell=actor.sergey-lavrov.territory",
        "/n/russia-ukraine/cells/actor/sergey-lavrov/territory/?as_of=2026-01-25",
        "/timeline/",
        "/timeline/?q=say",
        "/n/russia-ukraine/compare/?actor=sergey-lavrov&actor=volodymyr-zelenskyy",
        "/actors/sergey-lavrov/",
        "/n/russia-ukraine/issues/territory/",
        "/n/russia-ukraine/events/hostile/",
        f"/statements/{statement.pk}/",
        "/search/?q=say",
        "/search/?q=" + HOSTILE,
    ]


def test_hostile_text_is_escaped_on_every_page(analyst_client, hostile):
    for url in pages(hostile):
        for headers in ({}, {"HX-Request": "true"}):
            html = analyst_client.get(url, headers=headers).content.decode()
            assert "<script>alert" not in html, url
            assert "<img src=x" not in html, url
            assert 'href="javascript:' not in html, url
    html = analyst_client.get(f"/statements/{hostile.pk}/").content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_hostile_text_stays_data_in_exports_and_the_feed(analyst_client, hostile):
    data = json.loads(b"".join(analyst_client.get("/timeline.json").streaming_content))
    assert any(statement["quote"] == "We say " + HOSTILE for statement in data["statements"])

    feed = analyst_client.get("/timeline/feed/")
    root = ET.fromstring(feed.content)  # still well-formed XML
    texts = [element.text or "" for element in root.iter()]
    assert any(HOSTILE in text for text in texts)
    assert b"<script>" not in feed.content
