import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from negotiations.extraction.scoring import format_errors, format_report, summarise
from negotiations.services.evaluation import read_articles, read_predictions, score_gold
from negotiations.services.registry import registry_for
from negotiations.services.sources import default_negotiation


class Command(BaseCommand):
    help = (
        "Score statement extraction against gold data: precision, recall, F1, speaker, issue, stance, date. "
        "Extracts with the database's actors and issues unless --predictions is given; writes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("gold", help="Gold articles (JSONL with statements).")
        parser.add_argument("--predictions", help="Score this predictions file instead of extracting now.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the figures as one JSON object."
        )
        parser.add_argument(
            "--errors", action="store_true", help="Also list misses, extras, wrong speakers, issues, dates."
        )

    def handle(
        self, *args, gold: str, predictions: str | None, as_json: bool, errors: bool, **options
    ) -> None:
        try:
            gold_articles = list(read_articles(Path(gold)))
            predicted = list(read_predictions(Path(predictions))) if predictions else None
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        registry = None
        if predicted is None:
            negotiation = default_negotiation()
            if negotiation is None:
                raise CommandError("No negotiation in the database: run `manage.py seed_demo` first.")
            registry = registry_for(negotiation=negotiation)
        articles = score_gold(gold_articles, registry=registry, predictions=predicted)
        scores = summarise(articles)
        if errors and not as_json:
            self.stdout.write(format_errors(articles) + "\n")
        self.stdout.write(json.dumps(scores) if as_json else format_report(scores))
