from django.core.management.base import BaseCommand, CommandError

from negotiations import tasks
from negotiations.management.progress import progress_bar
from negotiations.models import Source
from negotiations.services import pipeline
from negotiations.services.sources import due_sources


class Command(BaseCommand):
    help = "Poll sources: queue them for the workers, or with --sync run the whole pipeline here."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--source", type=int, help="Poll this source id only (even if it is not due).")
        parser.add_argument(
            "--sync", action="store_true", help="Run the pipeline in this process, with progress."
        )

    def handle(self, *args, source: int | None, sync: bool, **options) -> None:
        if source is not None:
            sources = list(Source.objects.filter(pk=source))
            if not sources:
                raise CommandError(f"No source with id {source}.")
        else:
            sources = list(due_sources())
        if not sources:
            self.stdout.write("No source is due.")
            return
        if not sync:
            for item in sources:
                tasks.poll_source.delay(source_id=item.pk)
            self.stdout.write(f"Queued {len(sources)} source(s).")
            return
        total = pipeline.PipelineSummary()
        for item in sources:
            self.stdout.write(f"Polling {item.name} ({item.kind}) {item.url}")
            entry_ids, summary = pipeline.poll_source(source_id=item.pk)
            with progress_bar(total=len(entry_ids), stream=self.stdout, label="entries") as advance:
                summary.add(pipeline.process_entries_sync(entry_ids=entry_ids, progress=advance))
            total.add(summary)
        self.stdout.write(total.as_text())
