from django.core.management.base import BaseCommand, CommandError

from negotiations import tasks
from negotiations.management.progress import progress_bar
from negotiations.models import Source
from negotiations.services import pipeline
from negotiations.services.sources import due_sources, reserve_due_sources


class Command(BaseCommand):
    help = (
        "Poll sources: queue the due ones (or --source ID) for the workers, or with --sync run the "
        "whole pipeline here, with a progress bar on a terminal and a summary at the end."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--source", type=int, help="Poll this source id only (even if it is not due).")
        parser.add_argument(
            "--sync", action="store_true", help="Run the pipeline in this process, with progress."
        )

    def handle(self, *args, source: int | None, sync: bool, **options) -> None:
        if source is not None:
            if not Source.objects.filter(pk=source).exists():
                raise CommandError(f"No source with id {source}.")
            source_ids = [source]
        elif sync:
            source_ids = list(due_sources().values_list("pk", flat=True))
        else:
            source_ids = reserve_due_sources()
        if not source_ids:
            self.stdout.write("No source is due.")
            return
        if not sync:
            self.queue(source_ids)
            return
        total = pipeline.PipelineSummary()
        for source_id in source_ids:
            total.add(self.poll(Source.objects.get(pk=source_id), say_which=len(source_ids) > 1))
        self.stdout.write(total.as_text())

    def queue(self, source_ids: list[int]) -> None:
        queued = sum(tasks.enqueue(tasks.poll_source, source_id=source_id) for source_id in source_ids)
        if queued < len(source_ids):
            raise CommandError(
                f"Could not queue {len(source_ids) - queued} of {len(source_ids)} source(s): the broker "
                "(REDIS_URL) is unreachable. They stay due; or run with --sync to poll here."
            )
        self.stdout.write(f"Queued {queued} source(s).")

    def poll(self, source: Source, *, say_which: bool) -> pipeline.PipelineSummary:
        if source.is_paused:
            self.stdout.write(f"Note: {source.name} is paused ({source.paused_reason or 'disabled'}).")
        entry_ids, summary = pipeline.poll_source(source_id=source.pk)
        entry_ids += pipeline.waiting_entry_ids(source_id=source.pk, exclude=entry_ids)
        with progress_bar(
            total=len(entry_ids), stream=self.stdout, label=source.name[:30], unit="entries"
        ) as advance:
            summary.add(pipeline.process_entries_sync(entry_ids=entry_ids, progress=advance))
        if say_which:
            self.stdout.write(f"{source.name}: {summary.line()}")
        return summary
