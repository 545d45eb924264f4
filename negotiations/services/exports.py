"""Statements as flat records with full provenance, for exports (CSV, JSON Lines) and feeds."""

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO

from django.db.models import Prefetch, QuerySet

from negotiations.models import Citation, Statement

CSV_COLUMNS = [
    "id",
    "negotiation",
    "actor",
    "actor_slug",
    "speaker_text",
    "speaker_name",
    "anonymous",
    "quote",
    "kind",
    "said_on",
    "said_on_source",
    "issues",
    "confidence",
    "review_state",
    "extractor_version",
    "citations",
]


def statements_for_export(queryset: QuerySet[Statement] | None = None) -> QuerySet[Statement]:
    queryset = Statement.objects.all() if queryset is None else queryset
    return queryset.select_related("actor", "negotiation").prefetch_related(
        "stances__issue",
        Prefetch("citations", queryset=Citation.objects.select_related("document").order_by("id")),
    )


def statement_record(statement: Statement) -> dict:
    return {
        "id": statement.pk,
        "negotiation": statement.negotiation.slug,
        "actor": statement.actor.name if statement.actor else None,
        "actor_slug": statement.actor.slug if statement.actor else None,
        "speaker_text": statement.speaker_text,
        "speaker_name": statement.speaker_name,
        "anonymous": statement.anonymous,
        "quote": statement.quote,
        "kind": statement.kind,
        "said_on": statement.said_on.isoformat(),
        "said_on_source": statement.said_on_source,
        "issues": {
            stance.issue.slug: {"stance": stance.stance, "confidence": round(stance.confidence, 3)}
            for stance in statement.stances.all()
        },
        "confidence": round(statement.confidence, 3),
        "review_state": statement.review_state,
        "extractor_version": statement.extractor_version,
        "citations": [
            {
                "url": citation.document.url,
                "title": citation.document.title,
                "published": citation.document.published_at.isoformat()
                if citation.document.published_at
                else None,
                "start": citation.start,
                "end": citation.end,
            }
            for citation in statement.citations.all()
        ],
    }


def records(queryset: QuerySet[Statement] | None = None, *, chunk_size: int = 500) -> Iterator[dict]:
    for statement in statements_for_export(queryset).iterator(chunk_size=chunk_size):
        yield statement_record(statement)


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_row(record: dict) -> dict:
    flat = dict(record)
    flat["issues"] = "; ".join(
        f"{slug}={value['stance']} ({value['confidence']})" for slug, value in record["issues"].items()
    )
    # One citation per line: URL, character span, publication date and title.
    flat["citations"] = "\n".join(
        " ".join(
            part
            for part in (c["url"], f"[{c['start']}:{c['end']}]", c["published"] or "", c["title"] or "")
            if part
        )
        for c in record["citations"]
    )
    return flat


def write_csv(rows: Iterable[dict], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(csv_row(row))
        count += 1
    return count
