"""Corrections stick: re-extracting the article never changes what an editor decided."""

from pathlib import Path

import pytest

from negotiations.enums import ReviewState, SourceKind
from negotiations.models import Statement
from negotiations.services import pipeline, review
from negotiations.services.reprocessing import reprocess_document
from tests.factories import NegotiationFactory, SourceFactory

pytestmark = pytest.mark.django_db
DEMO_FEED = Path(__file__).resolve().parents[2] / "negotiations" / "demo" / "data" / "feed.jsonl"


@pytest.fixture
def extracted():
    """The demo articles, ingested and extracted by the pipeline."""
    negotiation = NegotiationFactory(slug="talks")
    source = SourceFactory(kind=SourceKind.FILE, url=str(DEMO_FEED), negotiation=negotiation)
    pipeline.run_source_sync(source=source)
    return negotiation


def test_reprocess_keeps_an_editors_correction(extracted, editor):
    statement = Statement.objects.filter(negotiation=extracted).order_by("id").first()
    if statement is None:
        pytest.skip("the engine found no statement without the demo registry")
    document = statement.citations.first().document
    corrected = review.correct_statement(
        statement=statement,
        editor=editor,
        version=statement.version,
        kind="paraphrase" if statement.kind == "direct" else "direct",
        speaker_name="Someone the editor named",
        actor=None,
    )
    before = Statement.objects.values().get(pk=statement.pk)

    reprocess_document(document_id=document.pk)

    after = Statement.objects.values().get(pk=statement.pk)
    assert corrected.review_state == ReviewState.CORRECTED
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
