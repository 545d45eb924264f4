"""reprocess and export_statements: filters, editor-touched statements, and every exported field."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from negotiations.enums import ReviewState
from negotiations.extraction import EXTRACTOR_VERSION
from negotiations.models import Document, Statement
from negotiations.services import pipeline
from negotiations.services.sources import create_source
from tests.factories import (
    ActorFactory,
    CitationFactory,
    DocumentFactory,
    IssueFactory,
    NegotiationFactory,
    StatementFactory,
)
from tests.pipeline.helpers import write_articles

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


# reprocess -------------------------------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path, negotiation):
    source = create_source(name="Archive", kind="file", url=str(write_articles(tmp_path, count=4)))
    pipeline.run_source_sync(source=source)
    return source


def test_reprocess_everything(archive):
    touched = Statement.objects.first()
    Statement.objects.filter(pk=touched.pk).update(
        editor_touched=True, quote="Edited by an editor.", review_state=ReviewState.CORRECTED
    )
    extracted_at = dict(Document.objects.values_list("pk", "extracted_at"))

    output, _ = run("reprocess")

    assert output.startswith("documents reprocessed: 4, failed: 0; statements extracted: ")
    assert all(document.extracted_at > extracted_at[document.pk] for document in Document.objects.all())
    touched.refresh_from_db()
    assert (touched.quote, touched.review_state) == ("Edited by an editor.", ReviewState.CORRECTED)


def test_reprocess_since_a_date_and_for_one_source(archive):
    output, _ = run("reprocess", "--since", "2026-01-03")
    assert output.startswith("documents reprocessed: 2,")  # articles of 3 and 4 January

    output, _ = run("reprocess", "--source", str(archive.pk), "--since", "2026-01-04")
    assert output.startswith("documents reprocessed: 1,")

    other = create_source(name="Empty", kind="rss", url="https://example.org/feed.xml")
    output, _ = run("reprocess", "--source", str(other.pk))
    assert output == "documents reprocessed: 0, failed: 0; statements extracted: 0\n"


def test_reprocess_outdated_reads_only_documents_an_earlier_extractor_read(archive):
    stale = Document.objects.order_by("pk").first()
    Document.objects.filter(pk=stale.pk).update(extractor_version="rules-2020.1.1")

    output, _ = run("reprocess", "--outdated")

    assert output.startswith("documents reprocessed: 1,")
    stale.refresh_from_db()
    assert stale.extractor_version == EXTRACTOR_VERSION
    output, _ = run("reprocess", "--outdated")
    assert output.startswith("documents reprocessed: 0,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last week"], "--since 'last week' is not a date like 2026-01-30."),
        (["--since", "2026-13-01"], "is not a date like"),
        (["--source", "999"], "No source with id 999."),
        (["--source", "x"], "invalid int value: 'x'"),
    ],
)
def test_reprocess_refuses_bad_input(args, message, negotiation):
    with pytest.raises(CommandError, match=message):
        run("reprocess", *args)


def test_reprocess_reports_a_failing_document_and_goes_on(archive, monkeypatch):
    real_extract = pipeline.extract
    first = Document.objects.order_by("pk").first()

    def extract(text, **kwargs):
        if text == first.text:
            raise ValueError("the extractor tripped")
        return real_extract(text, **kwargs)

    monkeypatch.setattr(pipeline, "extract", extract)

    output, errors = run("reprocess")

    assert output.startswith("documents reprocessed: 3, failed: 1;")
    assert f"document #{first.pk}: extraction failed: the extractor tripped" in errors
    first.refresh_from_db()
    assert (first.state, first.error) == ("failed", "extraction failed: the extractor tripped")


# export_statements -----------------------------------------------------------------------------------


@pytest.fixture
def statement():
    negotiation = NegotiationFactory(slug="geneva-talks")
    ceasefire = IssueFactory(negotiation=negotiation, slug="ceasefire")
    territory = IssueFactory(negotiation=negotiation, slug="territory")
    actor = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    statement = StatementFactory(
        negotiation=negotiation,
        actor=actor,
        speaker_text="Kremlin spokesman Dmitry Peskov",
        speaker_name="Dmitry Peskov",
        quote="Russia is not ready for a ceasefire, Kremlin says",
        kind="paraphrase",
        said_on=dt.date(2026, 1, 15),
        confidence=0.8123,
        review_state=ReviewState.ACCEPTED,
        stances={ceasefire: ("opposes", 0.9), territory: ("conditional", 0.6)},
    )
    document = DocumentFactory(
        url="https://news.example.org/kremlin-ceasefire",
        title="Kremlin: no ceasefire yet",
        published_at=dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.UTC),
        text="Intro. Russia is not ready for a ceasefire, Kremlin says. End.",
    )
    CitationFactory(statement=statement, document=document, start=7, end=56)
    return statement


def test_export_jsonl_has_every_field(statement):
    output, _ = run("export_statements", "--format", "jsonl")

    record = json.loads(output.strip())
    assert record == {
        "id": statement.pk,
        "negotiation": "geneva-talks",
        "actor": "Dmitry Peskov",
        "actor_slug": "dmitry-peskov",
        "speaker_text": "Kremlin spokesman Dmitry Peskov",
        "speaker_name": "Dmitry Peskov",
        "anonymous": False,
        "quote": "Russia is not ready for a ceasefire, Kremlin says",
        "kind": "paraphrase",
        "said_on": "2026-01-15",
        "said_on_source": "text",
        "issues": {
            "ceasefire": {"stance": "opposes", "confidence": 0.9},
            "territory": {"stance": "conditional", "confidence": 0.6},
        },
        "confidence": 0.812,
        "review_state": "accepted",
        "extractor_version": "test",
        "citations": [
            {
                "url": "https://news.example.org/kremlin-ceasefire",
                "title": "Kremlin: no ceasefire yet",
                "published": "2026-01-15T09:30:00+00:00",
                "start": 7,
                "end": 56,
            }
        ],
    }


def test_export_csv_has_every_field(statement, tmp_path):
    path = tmp_path / "statements.csv"

    _, messages = run("export_statements", "--format", "csv", "--output", str(path))

    assert messages == f"Wrote 1 statements to {path}\n"
    with path.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 1
    row = rows[0]
    assert row["actor"] == "Dmitry Peskov"
    assert row["speaker_text"] == "Kremlin spokesman Dmitry Peskov"
    assert row["quote"] == "Russia is not ready for a ceasefire, Kremlin says"
    assert (row["kind"], row["said_on"], row["confidence"], row["review_state"]) == (
        "paraphrase",
        "2026-01-15",
        "0.812",
        "accepted",
    )
    assert row["issues"] == "ceasefire=opposes (0.9); territory=conditional (0.6)"
    assert row["citations"] == (
        "https://news.example.org/kremlin-ceasefire [7:56] 2026-01-15T09:30:00+00:00 Kremlin: no ceasefire yet"
    )


def test_export_csv_to_standard_output_and_an_empty_export(statement):
    output, _ = run("export_statements", "--format", "csv")
    assert output.splitlines()[0].startswith("id,negotiation,actor,actor_slug,speaker_text,")
    assert len(list(csv.DictReader(io.StringIO(output)))) == 1

    Statement.objects.all().delete()
    assert run("export_statements")[0] == ""


def test_export_of_many_statements_reads_in_a_few_queries(statement, django_assert_max_num_queries):
    for _ in range(20):
        CitationFactory(statement=StatementFactory(negotiation=statement.negotiation))

    with django_assert_max_num_queries(8):
        output, _ = run("export_statements")

    assert len(output.splitlines()) == 21


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "invalid choice: 'xml'"),
        (
            ["--output", "/no/such/folder/out.jsonl"],
            "Cannot write /no/such/folder/out.jsonl: No such file or directory",
        ),
        (["--output", "/tmp"], "--output /tmp is a folder"),
    ],
)
def test_export_refuses_bad_input(args, message, statement):
    with pytest.raises(CommandError, match=message):
        run("export_statements", *args)
