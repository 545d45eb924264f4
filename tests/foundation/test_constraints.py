"""Integrity lives in the database: these rows are refused whatever code writes them."""

import datetime as dt

import pytest
from django.db import IntegrityError

from actors.models import Actor, Alias, Role
from negotiations.models import Citation, Document, Event, Issue, Negotiation, Statement, StatementIssue

pytestmark = pytest.mark.django_db


@pytest.fixture
def negotiation():
    return Negotiation.objects.create(slug="talks", name="Talks")


@pytest.fixture
def statement(negotiation):
    return Statement.objects.create(
        negotiation=negotiation,
        speaker_name="Someone",
        quote="We want peace.",
        kind="direct",
        said_on=dt.date(2026, 1, 1),
        fingerprint="a" * 64,
    )


def test_the_same_utterance_is_stored_once(negotiation, statement):
    with pytest.raises(IntegrityError):
        Statement.objects.create(
            negotiation=negotiation,
            speaker_name="Someone",
            quote="We want peace.",
            kind="direct",
            said_on=dt.date(2026, 1, 2),
            fingerprint="a" * 64,
        )


def test_a_statement_needs_a_speaker(negotiation):
    with pytest.raises(IntegrityError):
        Statement.objects.create(
            negotiation=negotiation,
            quote="Words.",
            kind="direct",
            said_on=dt.date(2026, 1, 1),
            fingerprint="b" * 64,
        )


def test_confidence_stays_between_zero_and_one(negotiation):
    with pytest.raises(IntegrityError):
        Statement.objects.create(
            negotiation=negotiation,
            speaker_name="X",
            quote="Words.",
            kind="direct",
            said_on=dt.date(2026, 1, 1),
            fingerprint="c" * 64,
            confidence=1.5,
        )


def test_a_stance_must_be_one_of_the_four(negotiation, statement):
    issue = Issue.objects.create(
        negotiation=negotiation, slug="ceasefire", name="Ceasefire", proposition="Stop now."
    )

    with pytest.raises(IntegrityError):
        StatementIssue.objects.create(statement=statement, issue=issue, stance="maybe")


def test_one_stance_per_statement_and_issue(negotiation, statement):
    issue = Issue.objects.create(
        negotiation=negotiation, slug="ceasefire", name="Ceasefire", proposition="Stop now."
    )
    StatementIssue.objects.create(statement=statement, issue=issue, stance="supports")

    with pytest.raises(IntegrityError):
        StatementIssue.objects.create(statement=statement, issue=issue, stance="opposes")


def test_issue_slugs_are_unique_within_a_negotiation(negotiation):
    Issue.objects.create(
        negotiation=negotiation, slug="territory", name="Territory", proposition="Cede land."
    )

    with pytest.raises(IntegrityError):
        Issue.objects.create(negotiation=negotiation, slug="territory", name="Land", proposition="Cede land.")


def test_a_citation_span_cannot_be_empty(statement):
    document = Document.objects.create(
        url="https://example.org/a",
        canonical_url="https://example.org/a",
        text="We want peace.",
        content_hash="d" * 64,
    )

    with pytest.raises(IntegrityError):
        Citation.objects.create(statement=statement, document=document, start=5, end=5)


def test_documents_are_unique_by_canonical_url():
    Document.objects.create(
        url="https://example.org/a", canonical_url="https://example.org/a", text="One.", content_hash="1" * 64
    )

    with pytest.raises(IntegrityError):
        Document.objects.create(
            url="https://example.org/a?x",
            canonical_url="https://example.org/a",
            text="Two.",
            content_hash="2" * 64,
        )


def test_a_role_cannot_end_before_it_starts():
    actor = Actor.objects.create(slug="someone", name="Someone")

    with pytest.raises(IntegrityError):
        Role.objects.create(actor=actor, title="Minister", start=dt.date(2025, 1, 2), end=dt.date(2025, 1, 1))


def test_an_event_cannot_end_before_it_starts(negotiation):
    with pytest.raises(IntegrityError):
        Event.objects.create(
            negotiation=negotiation,
            slug="talks",
            title="Talks",
            date=dt.date(2025, 5, 2),
            end_date=dt.date(2025, 5, 1),
        )


def test_aliases_are_unique_per_actor_whatever_the_accents():
    actor = Actor.objects.create(slug="erdogan", name="Recep Tayyip Erdoğan")
    Alias.objects.create(actor=actor, name="Erdoğan")

    with pytest.raises(IntegrityError):
        Alias.objects.create(actor=actor, name="ERDOGAN")


def test_role_held_on_a_date():
    actor = Actor.objects.create(slug="blinken", name="Antony Blinken")
    role = Role.objects.create(
        actor=actor, title="Secretary of State", start=dt.date(2021, 1, 26), end=dt.date(2025, 1, 20)
    )

    assert role.held_on(dt.date(2025, 1, 20))
    assert not role.held_on(dt.date(2025, 1, 21))


def test_an_actor_side_is_the_top_of_its_party_chain():
    russia = Actor.objects.create(slug="russia", name="Russia", kind="government")
    kremlin = Actor.objects.create(slug="kremlin", name="Kremlin", kind="organisation", party=russia)
    peskov = Actor.objects.create(slug="dmitry-peskov", name="Dmitry Peskov", party=kremlin)

    assert peskov.side == russia
    assert russia.side == russia
