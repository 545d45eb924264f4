"""Storing what the extractor found: one statement per utterance across documents, its date, and
writes only when something changed."""

import datetime as dt

import pytest

from negotiations.enums import SaidOnSource
from negotiations.extraction import ExtractedStatement
from negotiations.extraction.entries import IssueStance
from negotiations.models import Citation, Position, Shift, Statement
from negotiations.services.pipeline import save_statements
from tests.factories import ActorFactory, DocumentFactory, IssueFactory, NegotiationFactory, PartyFactory
from tests.positions import position_table, rebuilt_table

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


def test_positions_kept_document_by_document_equal_a_full_rebuild():
    """Documents arrive out of order and re-date statements earlier and later; only the days from the earliest
    change are recomputed each time, and the table still equals one rebuilt from scratch."""
    negotiation = NegotiationFactory()
    ceasefire = IssueFactory(negotiation=negotiation, slug="ceasefire")
    ActorFactory(slug="the-envoy", name="The Envoy", party=PartyFactory())

    def said(quote: str, stance: str, said_on: dt.date | None = None) -> list[ExtractedStatement]:
        statement = found(said_on=said_on)[0]
        statement.quote, statement.end = quote, statement.start + len(quote)
        statement.actor_slug = "the-envoy"
        statement.issues = {"ceasefire": IssueStance(stance, 0.9)}
        return [statement]

    arrivals = [
        (published(9), said("No ceasefire before the talks", "opposes")),
        (published(5), said("A ceasefire is possible", "supports")),
        (published(3), said("No ceasefire before the talks", "opposes")),
        (published(12), said("A ceasefire is possible", "supports", said_on=dt.date(2026, 1, 1))),
        (published(14), said("No ceasefire before the talks", "opposes", said_on=dt.date(2026, 1, 6))),
    ]
    for step, (document, extracted) in enumerate(arrivals):
        save_statements(document=document, negotiation=negotiation, extracted=extracted)

        assert position_table() == rebuilt_table(negotiation), f"after document {step}"
    assert Position.objects.filter(issue=ceasefire, valid_until=None, stance="opposes").exists()


def test_new_machine_statements_record_the_shift_they_make_once():
    negotiation = NegotiationFactory()
    ceasefire = IssueFactory(negotiation=negotiation, slug="ceasefire")
    envoy = ActorFactory(slug="the-envoy", name="The Envoy")

    def said(quote: str, stance: str) -> list[ExtractedStatement]:
        statement = found()[0]
        statement.quote, statement.end = quote, statement.start + len(quote)
        statement.actor_slug = "the-envoy"
        statement.issues = {"ceasefire": IssueStance(stance, 0.9)}
        return [statement]

    save_statements(document=published(3), negotiation=negotiation, extracted=said("No truce yet", "opposes"))
    later = published(8)
    save_statements(document=later, negotiation=negotiation, extracted=said("A truce can work", "supports"))
    save_statements(document=later, negotiation=negotiation, extracted=said("A truce can work", "supports"))

    shift = Shift.objects.get()
    assert (shift.actor, shift.issue, shift.shifted_on) == (envoy, ceasefire, dt.date(2026, 1, 8))
    assert (shift.from_stance, shift.to_stance) == ("opposes", "supports")
