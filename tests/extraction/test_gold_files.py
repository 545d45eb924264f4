"""Every gold file the project keeps is valid by the annotation guide's rules (check_gold.py)."""

from pathlib import Path

from tests.extraction.gold.check_gold import check_files

GOLD = Path(__file__).resolve().parent / "gold"


def test_every_gold_file_passes_the_checker():
    files = sorted(GOLD.glob("*.jsonl"))

    assert len(files) >= 6
    assert check_files(files) == []
