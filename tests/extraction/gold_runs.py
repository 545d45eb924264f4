"""The engine run on gold files and scored, for the tests that keep its figures above their floors."""

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from negotiations.extraction import Registry, extract
from negotiations.extraction.scoring import score


def score_gold(paths: Iterable[Path], registry: Registry) -> dict:
    """The scorer's figures for the articles of these files read together (`evaluate_extraction --json`)."""
    articles = [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
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
    return score(articles, predictions)
