from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from negotiations.enums import SourceKind
from negotiations.models import Source
from negotiations.services import pipeline
from negotiations.services.sources import create_source


class Command(BaseCommand):
    help = "Fetch one article URL through the whole pipeline and print a summary."

    def add_arguments(self, parser) -> None:
        parser.add_argument("url")

    def handle(self, *args, url: str, **options) -> None:
        source = Source.objects.filter(kind=SourceKind.PAGE, url=url).first()
        if source is None:
            try:
                source = create_source(
                    name=url[:200], kind=SourceKind.PAGE, url=url, interval_minutes=24 * 60
                )
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
        summary = pipeline.run_source_sync(source=source)
        self.stdout.write(summary.as_text())
