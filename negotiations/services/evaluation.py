"""Run the extraction engine over articles in the gold format, and score it against gold data."""

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from negotiations.extraction import Registry, extract
from negotiations.extraction.scoring import ArticleScore, score_articles, summarise


def read_articles(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(article, dict) or "id" not in article or "text" not in article:
                raise ValueError(f"{path}:{number}: an article needs at least an id and a text")
            yield article


def read_predictions(path: Path) -> Iterator[dict]:
    """Predictions: one ``{"id", "statements"}`` object a line (the text is not needed)."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                prediction = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(prediction, dict) or "id" not in prediction:
                raise ValueError(f"{path}:{number}: a prediction needs an id")
            yield prediction


def _published(article: dict) -> dt.date | None:
    value = (article.get("published") or "")[:10]
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def predict(articles: Iterable[dict], *, registry: Registry) -> Iterator[dict]:
    for article in articles:
        statements = extract(article["text"], published=_published(article), registry=registry)
        yield {"id": article["id"], "statements": [statement.to_gold_dict() for statement in statements]}


def score_gold(
    gold: list[dict], *, registry: Registry | None, predictions: list[dict] | None = None
) -> list[ArticleScore]:
    """Each gold article matched against predictions, extracted now with the registry when not given."""
    if predictions is None:
        if registry is None:
            raise ValueError("a registry is needed to extract predictions")
        predictions = list(predict(gold, registry=registry))
    return score_articles(gold, predictions)


def evaluate(gold: list[dict], *, registry: Registry | None, predictions: list[dict] | None = None) -> dict:
    return summarise(score_gold(gold, registry=registry, predictions=predictions))
