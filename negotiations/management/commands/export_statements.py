from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from negotiations.services.exports import records, write_csv, write_jsonl


class Command(BaseCommand):
    help = (
        "Export every statement with its actor, speaker, quote, kind, date said, issues and stances, "
        "confidence, review state and citations (document URL, title, published, character span)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args, format: str, output: str | None, **options) -> None:
        writer = write_csv if format == "csv" else write_jsonl
        if not output:
            writer(records(), self.stdout._out if hasattr(self.stdout, "_out") else self.stdout)
            return
        path = Path(output)
        if path.is_dir():
            raise CommandError(f"--output {output} is a folder; give a file name.")
        try:
            with path.open("w", encoding="utf-8", newline="") as out:
                count = writer(records(), out)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror or exc}") from exc
        self.stderr.write(f"Wrote {count} statements to {output}")
