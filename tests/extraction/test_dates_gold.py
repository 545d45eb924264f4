"""Regression guard for said_on: the engine keeps the date accuracy it reached on the gold files, less 0.03.

Floors were set at the end of the dates round (issue #5) from the engine's figures: per file on the development
files; the held-out files only together, as their per-file figures are not looked at.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from negotiations.extraction import Registry, extract
from negotiations.extraction.scoring import score

GOLD = Path(__file__).resolve().parent / "gold"
MARGIN = 0.03
# files read together -> said_on accuracy measured when the floor was set
FLOORS = {
    ("dev",): 0.91,
    ("dev-mine",): 0.86,
    ("holdout",): 0.96,
    ("dev-3",): 0.95,
    ("dev-4",): 0.94,
    ("dev-5",): 0.88,
    ("dev-6",): 0.99,
    ("holdout-mine", "holdout-2", "holdout-3", "holdout-4", "holdout-5", "holdout-6"): 0.85,
}


@pytest.fixture(scope="module")
def demo_registry() -> Registry:
    return Registry.from_demo_data()


def _said_on(names: tuple[str, ...], registry: Registry) -> float:
    articles = [
        json.loads(line)
        for name in names
        for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    predictions = [
        {
            "id": article["id"],
            "statements": [
                statement.to_gold_dict()
                for statement in extract(
                    article["text"], published=date.fromisoformat(article["published"]), registry=registry
                )
            ],
        }
        for article in articles
    ]
    return score(articles, predictions)["said_on"]["accuracy"]


@pytest.mark.parametrize("names", list(FLOORS), ids=lambda names: "+".join(names))
def test_said_on_stays_above_its_floor(names, demo_registry):
    assert _said_on(names, demo_registry) >= FLOORS[names] - MARGIN
