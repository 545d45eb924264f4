import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from negotiations.extraction.scoring import format_report
from negotiations.services.evaluation import evaluate, read_articles
from negotiations.services.registry import registry_for
from negotiations.services.sources import default_negotiation


class Command(BaseCommand):
    help = (
        "Score statement extraction against gold data: precision, recall, F1, speaker, issue, stance, date."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("gold", help="Gold articles (JSONL with statements).")
        parser.add_argument("--predictions", help="Score this predictions file instead of extracting now.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the figures as one JSON object."
        )

    def handle(self, *args, gold: str, predictions: str | None, as_json: bool, **options) -> None:
        negotiation = default_negotiation()
        if negotiation is None and predictions is None:
            raise CommandError("No negotiation in the database: run `manage.py seed_demo` first.")
        try:
            gold_articles = list(read_articles(Path(gold)))
            predicted = list(read_articles_loose(Path(predictions))) if predictions else None
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        registry = registry_for(negotiation=negotiation) if negotiation else None
        scores = evaluate(gold_articles, registry=registry, predictions=predicted)
        self.stdout.write(json.dumps(scores) if as_json else format_report(scores))


def read_articles_loose(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)
