from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from negotiations.enums import EntryState, SourceKind
from negotiations.models import FeedEntry, Source
from negotiations.services import pipeline
from negotiations.services.sources import create_source


class Command(BaseCommand):
    help = "Fetch one article URL through the whole pipeline and print a summary."

    def add_arguments(self, parser) -> None:
        parser.add_argument("url")

    def handle(self, *args, url: str, **options) -> None:
        url = url.strip()
        source = Source.objects.filter(kind=SourceKind.PAGE, url=url).first()
        if source is None:
            try:
                source = create_source(
                    name=url[:200], kind=SourceKind.PAGE, url=url, interval_minutes=24 * 60
                )
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
        entry_ids, summary = pipeline.poll_source(source_id=source.pk)
        if not entry_ids:
            # Asked again: an earlier failure is tried once more; a stored article is not fetched again.
            FeedEntry.objects.filter(source=source, state=EntryState.FAILED).update(
                state=EntryState.NEW, attempts=0, error=""
            )
            entry_ids = list(
                FeedEntry.objects.filter(source=source, state=EntryState.NEW).values_list("pk", flat=True)
            )
        summary.add(pipeline.process_entries_sync(entry_ids=entry_ids))
        entry = FeedEntry.objects.filter(source=source).select_related("document").first()
        if entry is not None and entry.document and not entry_ids:
            self.stdout.write(f"Already ingested as document #{entry.document_id}: {entry.document.title}")
        self.stdout.write(summary.as_text())
        if entry is None or entry.state not in (EntryState.DONE, EntryState.DUPLICATE):
            reason = (entry.error if entry is not None else "") or "; ".join(summary.errors)
            raise CommandError(f"{url} could not be ingested: {reason}")
