from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from negotiations.enums import Reliability, SourceKind
from negotiations.models import Negotiation
from negotiations.services.sources import create_source


class Command(BaseCommand):
    help = "Register a source: an RSS/Atom feed, a web page, a news sitemap or a local file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=SourceKind.values)
        parser.add_argument("--url", required=True, help="URL, or a path for file sources.")
        parser.add_argument("--interval", type=int, default=60, help="Poll interval in minutes (default 60).")
        parser.add_argument("--language", default="en")
        parser.add_argument("--reliability", default=Reliability.UNKNOWN, choices=Reliability.values)
        parser.add_argument("--negotiation", help="Slug of the negotiation (default: the most recent).")

    def handle(self, *args, **options) -> None:
        negotiation = None
        if options["negotiation"]:
            negotiation = Negotiation.objects.filter(slug=options["negotiation"]).first()
            if negotiation is None:
                raise CommandError(f"No negotiation with the slug {options['negotiation']!r}.")
        try:
            source = create_source(
                name=options["name"],
                kind=options["kind"],
                url=options["url"],
                interval_minutes=options["interval"],
                negotiation=negotiation,
                language=options["language"],
                reliability=options["reliability"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Added source #{source.pk}: {source.name} ({source.kind}) {source.url}")
        )
