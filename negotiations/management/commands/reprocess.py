import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from negotiations.management.progress import progress_bar
from negotiations.models import Source
from negotiations.services.reprocessing import documents_to_reprocess, reprocess_document


class Command(BaseCommand):
    help = (
        "Re-run statement extraction on stored documents (all, --since a date, or one --source) with "
        "the current extractor. Statements an editor touched are never changed or deleted."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--since", help="Only documents published on or after this date (YYYY-MM-DD).")
        parser.add_argument("--source", type=int, help="Only documents of this source id.")
        parser.add_argument(
            "--outdated",
            action="store_true",
            help="Only documents extracted by an earlier extractor version (or never extracted).",
        )

    def handle(self, *args, since: str | None, source: int | None, outdated: bool, **options) -> None:
        try:
            since_date = dt.date.fromisoformat(since) if since else None
        except ValueError:
            raise CommandError(f"--since {since!r} is not a date like 2026-01-30.") from None
        if source is not None and not Source.objects.filter(pk=source).exists():
            raise CommandError(f"No source with id {source}.")
        document_ids = list(documents_to_reprocess(since=since_date, source_id=source, outdated=outdated))
        statements = failed = 0
        with progress_bar(
            total=len(document_ids), stream=self.stdout, label="documents", unit="documents"
        ) as advance:
            for document_id in document_ids:
                try:
                    statements += reprocess_document(document_id=document_id)
                except Exception as exc:  # recorded on the document; the others still run
                    failed += 1
                    self.stderr.write(f"document #{document_id}: extraction failed: {exc}")
                advance(1)
        self.stdout.write(
            f"documents reprocessed: {len(document_ids) - failed}, failed: {failed}; "
            f"statements extracted: {statements}"
        )
