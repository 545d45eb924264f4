"""Storing what the extractor found: one statement per utterance across documents, its date, and
writes only when something changed."""

import datetime as dt

import pytest

from negotiations.enums import SaidOnSource
from negotiations.extraction import ExtractedStatement
from negotiations.extraction.entries import IssueStance
from negotiations.models import Citation, Position, Statement
from negotiations.services.pipeline import save_statements
from tests.factories import ActorFactory, DocumentFactory, IssueFactory, NegotiationFactory

pytestmark = pytest.mark.django_db

QUOTE = "We will not sign anything that is not fair"


def found(*, said_on: dt.date | None = None, start: int = 10) -> list[ExtractedStatement]:
    return [
        ExtractedStatement(
            kind="direct",
            quote=QUOTE,
            start=start,
            end=start + len(QUOTE),
            speaker_text="the envoy",
            speaker_name="The Envoy",
            said_on=said_on,
            confidence=0.7,
        )
    ]


def published(day: int):
    return DocumentFactory(published_at=dt.datetime(2026, 1, day, 9, tzinfo=dt.UTC))


def test_one_utterance_in_three_documents_is_one_statement_dated_by_the_best_evidence():
    negotiation = NegotiationFactory()

    save_statements(document=published(5), negotiation=negotiation, extracted=found())
    statement = Statement.objects.get()
    assert (statement.said_on, statement.said_on_source) == (dt.date(2026, 1, 5), SaidOnSource.PUBLISHED)

    save_statements(document=published(3), negotiation=negotiation, extracted=found())
    save_statements(document=published(9), negotiation=negotiation, extracted=found())
    statement.refresh_from_db()
    assert statement.said_on == dt.date(2026, 1, 3)  # the earliest publication

    save_statements(
        document=published(12), negotiation=negotiation, extracted=found(said_on=dt.date(2026, 1, 4))
    )
    statement.refresh_from_db()
    assert (statement.said_on, statement.said_on_source) == (dt.date(2026, 1, 4), SaidOnSource.TEXT)

    save_statements(document=published(2), negotiation=negotiation, extracted=found())
    statement.refresh_from_db()
    assert statement.said_on == dt.date(2026, 1, 4)  # a stated date beats any publication date
    assert Statement.objects.count() == 1
    assert Citation.objects.filter(statement=statement).count() == 5


def test_extracting_the_same_document_again_writes_nothing(django_assert_max_num_queries):
    negotiation = NegotiationFactory()
    document = published(5)
    save_statements(document=document, negotiation=negotiation, extracted=found())
    statement = Statement.objects.get()

    with django_assert_max_num_queries(8):
        save_statements(document=document, negotiation=negotiation, extracted=found())

    statement.refresh_from_db()
    assert statement.version == 1
    assert Citation.objects.count() == 1


def test_a_stance_the_extractor_drops_leaves_the_position_matrix_too():
    negotiation = NegotiationFactory()
    ceasefire = IssueFactory(negotiation=negotiation, slug="ceasefire")
    territory = IssueFactory(negotiation=negotiation, slug="territory")
    ActorFactory(slug="the-envoy", name="The Envoy")
    document = published(5)
    both = found()
    both[0].actor_slug = "the-envoy"
    both[0].issues = {"ceasefire": IssueStance("opposes", 0.9), "territory": IssueStance("supports", 0.8)}
    save_statements(document=document, negotiation=negotiation, extracted=both)
    assert set(Position.objects.values_list("issue_id", flat=True)) == {ceasefire.pk, territory.pk}

    both[0].issues = {"ceasefire": IssueStance("opposes", 0.9)}
    save_statements(document=document, negotiation=negotiation, extracted=both)

    assert set(Position.objects.values_list("issue_id", flat=True)) == {ceasefire.pk}
    assert list(Statement.objects.get().stances.values_list("issue__slug", "stance")) == [
        ("ceasefire", "opposes")
    ]
