"""Benchmark the statement extraction engine alone: articles per second on one core, and linearity.

Usage: .venv/bin/python benchmarks/extraction.py [--input ARTICLES.jsonl] [--articles N] [--rounds R]

The registry is built once, outside the timing, from the demo data files (no Django, no database). By
default the corpus is assembled from the gold articles in tests/extraction/gold (and ../shared/dev-gold when
present): typical articles of 600-1,000 words, each made of one gold article's paragraphs, topped up with
body paragraphs of the next ones. With --input, the texts of that JSONL are used as they are.

Prints the time per article by length bucket (and per 1,000 words, which stays flat when extraction is
linear in length), then, last, ``articles/s: N`` on the 600-1,000-word corpus (CPU time of the process pinned
to one core, the best of the rounds, as timeit advises: the other rounds measure what else the machine
was doing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from negotiations.extraction import Registry, extract  # noqa: E402

GOLD_FILES = (
    REPO / "tests/extraction/gold/dev.jsonl",
    REPO / "tests/extraction/gold/holdout.jsonl",
    REPO / "../shared/dev-gold/seed.jsonl",
)
LINEARITY_BUCKETS = (250, 500, 1000, 2000, 4000, 8000)  # 8,000: ten times a typical article


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _published(article: dict) -> dt.date | None:
    value = str(article.get("published") or "")[:10]
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _words(text: str) -> int:
    return len(text.split())


def assemble(
    sources: list[dict], count: int, low: int, high: int, seed: int = 7
) -> list[tuple[str, dt.date]]:
    """``count`` articles of ``low``-``high`` words, each a source article topped up with others' paragraphs."""
    generator = random.Random(seed)
    body = [
        paragraph
        for source in sources
        for paragraph in source["text"].split("\n\n")[1:]
        if _words(paragraph) >= 12
    ]
    corpus = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = generator.randint(low, high)
        paragraphs = source["text"].split("\n\n")
        while sum(map(_words, paragraphs)) > target and len(paragraphs) > 2:
            paragraphs.pop()
        cursor = generator.randrange(len(body))
        while sum(map(_words, paragraphs)) < target:
            paragraphs.append(body[cursor % len(body)])
            cursor += 1
        corpus.append(("\n\n".join(paragraphs), _published(source) or dt.date(2026, 1, 30)))
    return corpus


def time_corpus(corpus: list[tuple[str, dt.date]], registry: Registry, rounds: int) -> list[float]:
    """CPU seconds of this process per article, one figure per round.

    CPU time rather than wall time, so that other work on a shared machine does not count against the
    engine (the process is pinned to one core, so CPU time is time on that core).
    """
    results = []
    for _ in range(rounds):
        started = time.process_time()
        for text, published in corpus:
            extract(text, published=published, registry=registry)
        results.append((time.process_time() - started) / len(corpus))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument(
        "--input", type=Path, help="Articles (JSONL with id, published, text) to time as they are."
    )
    parser.add_argument(
        "--articles", type=int, default=300, help="Size of the assembled corpus (default 300)."
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="Timed rounds (default 5); the best is reported."
    )
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    registry = Registry.from_demo_data()  # once, outside the timing
    sources = [article for path in GOLD_FILES if path.exists() for article in read_jsonl(path)]
    if args.input:
        inputs = read_jsonl(args.input)
        corpus = [(article["text"], _published(article) or dt.date(2026, 1, 30)) for article in inputs]
        label = str(args.input)
    else:
        if not sources:
            print("no gold articles found to assemble a corpus from; pass --input", file=sys.stderr)
            return 2
        corpus = assemble(sources, args.articles, 600, 1000)
        label = f"{len(corpus)} articles of 600-1,000 words assembled from {len(sources)} gold articles"
    time_corpus(corpus[:20], registry, 1)  # warm up

    print(f"corpus: {label}")
    print(f"words per article: mean {statistics.mean(_words(text) for text, _ in corpus):.0f}")
    if sources and not args.input:
        print("\nlength bucket (words)   articles   ms/article   ms per 1,000 words")
        for size in LINEARITY_BUCKETS:
            bucket = assemble(sources, 20, int(size * 0.9), int(size * 1.1), seed=size)
            seconds = min(time_corpus(bucket, registry, 2))
            words = statistics.mean(_words(text) for text, _ in bucket)
            print(
                f"{size:>21,d}   {len(bucket):8d}   {seconds * 1000:10.2f}   {seconds * 1000 * 1000 / words:18.2f}"
            )

    rounds = time_corpus(corpus, registry, args.rounds)
    print(
        f"\nper article: best {min(rounds) * 1000:.2f} ms, median {statistics.median(rounds) * 1000:.2f} ms "
        f"over {args.rounds} rounds of {len(corpus)} articles (CPU time, one core)"
    )
    print(f"articles/s: {1 / min(rounds):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
