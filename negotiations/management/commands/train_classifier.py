from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from negotiations.models import Negotiation
from negotiations.services import training
from negotiations.services.registry import registry_for


class Command(BaseCommand):
    help = (
        "Train the issue-and-stance classifier on editor-verified statements, print accuracy before (the "
        "rules) and after (the classifier) on a held-out part of them, and store the model; it becomes active "
        "only when it beats the rules."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--negotiation", help="Slug of the negotiation (default: the current one).")
        parser.add_argument(
            "--gold",
            type=Path,
            action="append",
            default=[],
            help="Also use the statements of gold articles (JSONL) as verified examples; repeatable.",
        )
        parser.add_argument(
            "--held-out", type=float, default=training.HELD_OUT, help="Share kept for scoring."
        )
        parser.add_argument("--seed", type=int, default=13, help="Seed of the train/held-out split.")
        parser.add_argument("--min-examples", type=int, default=training.MIN_EXAMPLES)
        parser.add_argument("--dry-run", action="store_true", help="Print the figures, store nothing.")
        parser.add_argument(
            "--relabel",
            action="store_true",
            help="When the new model is active, apply it to the statements no editor touched.",
        )

    def handle(
        self,
        *args,
        negotiation: str | None,
        gold: list[Path],
        held_out: float,
        seed: int,
        min_examples: int,
        dry_run: bool,
        relabel: bool,
        **options,
    ) -> None:
        if not 0 < held_out < 1:
            raise CommandError("--held-out must be between 0 and 1.")
        chosen = (
            Negotiation.objects.filter(slug=negotiation).first()
            if negotiation
            else Negotiation.objects.order_by("-started_on", "-pk").first()
        )
        if chosen is None:
            raise CommandError(f"No negotiation {negotiation!r}." if negotiation else "No negotiation yet.")
        registry = registry_for(negotiation=chosen)
        extra = []
        for path in gold:
            if not path.exists():
                raise CommandError(f"No gold file at {path}.")
            extra += training.examples_from_gold(path=path, registry=registry)
        if extra:
            self.stdout.write(f"Gold examples added: {len(extra)}")
        result = training.train_classifier(
            negotiation=chosen,
            registry=registry,
            extra_examples=extra,
            held_out=held_out,
            seed=seed,
            min_examples=min_examples,
            store=not dry_run,
        )
        self.stdout.write(training.describe(result))
        if relabel and result.active:
            changed = training.relabel_with_classifier(negotiation=chosen)
            self.stdout.write(f"Statements relabelled by the classifier: {changed}")
