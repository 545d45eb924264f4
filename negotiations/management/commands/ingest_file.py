from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from negotiations.enums import SourceKind
from negotiations.management.progress import progress_bar
from negotiations.models import Source
from negotiations.services import pipeline
from negotiations.services.sources import create_source


class Command(BaseCommand):
    help = (
        "Import a local file through the whole pipeline: an HTML page, a .txt file (first line is the "
        "title), a .jsonl file of articles (id, url, title, published, text), or a folder of them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path")
        parser.add_argument("--name", help="Name of the file source (default: the file name).")

    def handle(self, *args, path: str, name: str | None, **options) -> None:
        resolved = str(Path(path).resolve())
        source = Source.objects.filter(kind=SourceKind.FILE, url=resolved).first()
        if source is None:
            try:
                source = create_source(
                    name=name or Path(path).name, kind=SourceKind.FILE, url=resolved, interval_minutes=24 * 60
                )
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
        entry_ids, summary = pipeline.poll_source(source_id=source.pk)
        if not entry_ids and summary.errors and not summary.entries_seen:
            raise CommandError("; ".join(summary.errors))
        with progress_bar(
            total=len(entry_ids), stream=self.stdout, label="articles", unit="articles"
        ) as advance:
            summary.add(pipeline.process_entries_sync(entry_ids=entry_ids, progress=advance))
        self.stdout.write(summary.as_text())
