from pathlib import Path

from django.core.management.base import BaseCommand

from negotiations.services.exports import records, write_csv, write_jsonl


class Command(BaseCommand):
    help = "Export every statement with its actor, issues, stances, review state and citations."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args, format: str, output: str | None, **options) -> None:
        writer = write_csv if format == "csv" else write_jsonl
        if output:
            with Path(output).open("w", encoding="utf-8", newline="") as out:
                count = writer(records(), out)
            self.stderr.write(f"Wrote {count} statements to {output}")
        else:
            writer(records(), self.stdout)
