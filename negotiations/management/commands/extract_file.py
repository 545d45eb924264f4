import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from negotiations.services.evaluation import predict, read_articles
from negotiations.services.registry import registry_for
from negotiations.services.sources import default_negotiation


class Command(BaseCommand):
    help = "Extract statements from articles in the gold JSONL format; writes predictions, touches no table."

    def add_arguments(self, parser) -> None:
        parser.add_argument("input", help="Articles, one JSON object a line (id, published, text, ...).")
        parser.add_argument(
            "--output", required=True, help="Where to write the predictions (JSONL); - for standard output."
        )

    def handle(self, *args, input: str, output: str, **options) -> None:
        negotiation = default_negotiation()
        if negotiation is None:
            raise CommandError("No negotiation in the database: run `manage.py seed_demo` first.")
        registry = registry_for(negotiation=negotiation)
        try:
            if output == "-":
                self._write(input, registry, self.stdout)
                return
            with Path(output).open("w", encoding="utf-8") as out:
                count = self._write(input, registry, out)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Wrote predictions for {count} articles to {output}")

    def _write(self, input: str, registry, out) -> int:
        count = 0
        for prediction in predict(read_articles(Path(input)), registry=registry):
            out.write(json.dumps(prediction, ensure_ascii=False) + "\n")
            count += 1
        return count
