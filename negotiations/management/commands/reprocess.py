import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from negotiations.management.progress import progress_bar
from negotiations.services.reprocessing import documents_to_reprocess, reprocess_document


class Command(BaseCommand):
    help = "Re-run statement extraction on stored documents. Statements an editor touched never change."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--since", help="Only documents published on or after this date (YYYY-MM-DD).")
        parser.add_argument("--source", type=int, help="Only documents of this source id.")

    def handle(self, *args, since: str | None, source: int | None, **options) -> None:
        try:
            since_date = dt.date.fromisoformat(since) if since else None
        except ValueError:
            raise CommandError(f"--since {since!r} is not a date like 2026-01-30.") from None
        document_ids = list(documents_to_reprocess(since=since_date, source_id=source))
        statements = 0
        with progress_bar(total=len(document_ids), stream=self.stdout, label="documents") as advance:
            for document_id in document_ids:
                statements += reprocess_document(document_id=document_id)
                advance(1)
        self.stdout.write(f"documents reprocessed: {len(document_ids)}\nstatements extracted: {statements}")
