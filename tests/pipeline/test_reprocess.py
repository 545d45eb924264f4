"""Reprocessing stored documents with the current extractor never changes or deletes a statement
an editor has touched."""

import datetime as dt

import pytest
from django.forms.models import model_to_dict

from negotiations.enums import ReviewState, Stance
from negotiations.models import Citation, Document, Statement
from negotiations.services import pipeline
from negotiations.services.reprocessing import documents_to_reprocess, reprocess_document
from negotiations.services.sources import create_source
from tests.pipeline.helpers import write_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(tmp_path, negotiation):
    source = create_source(name="Archive", kind="file", url=str(write_articles(tmp_path, count=3)))
    summary = pipeline.run_source_sync(source=source)
    assert summary.documents_new == 3 and summary.statements_extracted >= 3
    return source


def snapshot(statement: Statement) -> tuple:
    statement.refresh_from_db()
    return (
        model_to_dict(statement, exclude=["events"]),
        sorted(statement.stances.values_list("issue__slug", "stance", "confidence")),
        sorted(statement.citations.values_list("document_id", "start", "end")),
    )


def touch(statement: Statement) -> Statement:
    """What an editor's correction leaves behind."""
    statement.editor_touched = True
    statement.review_state = ReviewState.CORRECTED
    statement.speaker_name = "Corrected Name"
    statement.quote = statement.quote + " (corrected)"
    statement.confidence = 0.99
    statement.save()
    stance = statement.stances.first()
    stance.stance = Stance.CONDITIONAL
    stance.save()
    return statement


def test_reprocess_leaves_editor_touched_statements_exactly_as_they_are(archive):
    touched = touch(Statement.objects.filter(stances__isnull=False).first())
    before = snapshot(touched)
    others = Statement.objects.exclude(pk=touched.pk).count()

    for document_id in documents_to_reprocess():
        reprocess_document(document_id=document_id)

    assert snapshot(touched) == before
    assert Statement.objects.exclude(pk=touched.pk).count() == others


def test_statements_the_new_extractor_drops_go_unless_an_editor_touched_them(archive, monkeypatch):
    touched = touch(Statement.objects.filter(stances__isnull=False).first())
    before = snapshot(touched)
    monkeypatch.setattr(pipeline, "extract", lambda *args, **kwargs: [])

    for document_id in documents_to_reprocess():
        reprocess_document(document_id=document_id)

    assert list(Statement.objects.all()) == [touched]
    assert snapshot(touched) == before
    assert Citation.objects.filter(statement=touched).exists()


def test_untouched_statements_follow_the_new_extractor(archive, monkeypatch):
    untouched = Statement.objects.first()
    Statement.objects.filter(pk=untouched.pk).update(confidence=0.01, speaker_title="stale title")

    for document_id in documents_to_reprocess():
        reprocess_document(document_id=document_id)

    untouched.refresh_from_db()
    assert untouched.confidence > 0.01
    assert untouched.speaker_title != "stale title"


def test_documents_to_reprocess_by_date_and_source(archive, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("A note from the archive\n\n" + "Talks went on in Geneva through the night. " * 10)
    other = create_source(name="Notes", kind="file", url=str(note))
    pipeline.run_source_sync(source=other)
    archive_ids = set(Document.objects.filter(source=archive).values_list("pk", flat=True))
    since_january_2 = set(
        Document.objects.filter(published_at__date__gte="2026-01-02").values_list("pk", flat=True)
    )

    assert list(documents_to_reprocess(source_id=other.pk)) == [Document.objects.get(source=other).pk]
    assert set(documents_to_reprocess(since=dt.date(2026, 1, 2))) == since_january_2
    assert set(documents_to_reprocess(since=dt.date(2026, 1, 2), source_id=archive.pk)) == (
        since_january_2 & archive_ids
    )
    assert len(since_january_2 & archive_ids) == 2
