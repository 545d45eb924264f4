"""Documents per second through the whole ingestion pipeline, beside trafilatura alone on the same pages.

    .venv/bin/python benchmarks/ingest.py                   # 300 pages, a throwaway SQLite database
    .venv/bin/python benchmarks/ingest.py --pages 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley .venv/bin/python benchmarks/ingest.py

A local HTTP server on 127.0.0.1 serves the generated article pages (600-900 words of news copy, with
navigation and footer, each page a different mix of paragraphs from the extraction gold articles) and an
RSS feed listing them. The pipeline then runs in this process as `poll_sources --sync` runs it: poll the
feed, and for each entry fetch the page (SSRF guard, robots.txt, size cap), extract text and metadata with
trafilatura, detect the language, check for duplicates (URL, content hash, MinHash against recent
documents), store the document with its compressed HTML, and extract statements into the database.

It runs against a throwaway test database (Django's test-database machinery: `test_<name>`, created and
dropped), so the database named by DATABASE_URL is never touched. The per-domain politeness delay is set to
0 (all pages come from one host; with the default 2 s the pipeline would fetch one page every 2 s, by design).

Printed: wall time and documents per second for the whole pipeline and for each stage (poll, fetch + text
+ store, statements), then trafilatura's `bare_extraction` alone and Parley's `extract_article` (decoding,
trafilatura, canonical URL, language) alone on the same page bytes.
"""

import argparse
import json
import os
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

GOLD_FILES = sorted((REPO / "tests/extraction/gold").glob("*.jsonl"))
FILLER = [
    "Officials in several capitals said the delegations would report back before the next round",
    "Diplomats familiar with the preparations described the atmosphere as businesslike",
    "Neither side published the list of documents that were exchanged during the meeting",
    "Analysts said the timetable remained uncertain and depended on the situation at the front.",
]


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of the extraction-alone timings (best kept)"
    )
    return parser.parse_args()


# --- the local site --------------------------------------------------------------------------------------


def gold_paragraphs() -> list[str]:
    paragraphs = []
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                paragraphs += [p.strip() for p in text.split("\n\n")[1:] if len(p.split()) > 15]
    return paragraphs or [f"{sentence}." for sentence in FILLER]


def make_pages(count: int, seed: int) -> dict[str, bytes]:
    rng = random.Random(seed)
    pool = gold_paragraphs()
    pages = {}
    for number in range(count):
        paragraphs, words = [], 0
        while words < rng.randint(600, 900):
            paragraph = rng.choice(pool)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        paragraphs.append(
            f"This is dispatch number {number} of the benchmark, filed on day {number % 28 + 1}."
        )
        body = "\n".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in paragraphs)
        title = f"Dispatch {number}: delegations meet again"
        pages[f"/news/{number}"] = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Bench Observer</title>
<meta property="article:published_time" content="2026-01-{number % 28 + 1:02d}T08:00:00+00:00">
<meta name="author" content="Bench Writer"><link rel="stylesheet" href="/site.css">
<script>window.analytics = {{"page": {number}}};</script></head>
<body><header><a href="/">Bench Observer</a><nav><ul><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li></ul></nav>
<form action="/search"><input name="q"></form></header>
<main><article><h1>{title}</h1><p class="byline">By Bench Writer</p>
{body}
</article><aside><h2>Most read</h2><ul><li><a href="/a">Markets fall</a></li><li><a href="/b">Weather</a></li></ul>
</aside></main><footer><p>Bench Observer. All rights reserved. Contact the newsroom.</p></footer></body></html>
""".encode()
    return pages


def feed_for(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Dispatch {path.rsplit('/', 1)[1]}</title><link>{base}{path}</link>"
        f"<guid>{base}{path}</guid><pubDate>Fri, 30 Jan 2026 12:00:00 GMT</pubDate></item>"
        for path in paths
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench Observer</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def serve(pages: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    routes: dict[str, tuple[bytes, str]] = {
        path: (body, "text/html; charset=utf-8") for path, body in pages.items()
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, content_type = routes.get(self.path, (b"not found", "text/plain"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    routes["/feed.xml"] = (feed_for(base, list(pages)), "application/rss+xml; charset=utf-8")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


# --- measurements ----------------------------------------------------------------------------------------


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["FETCH_ALLOW_PRIVATE_NETWORKS"] = "true"  # the pages are on 127.0.0.1
    os.environ["FETCH_MIN_DOMAIN_INTERVAL_SECONDS"] = "0"
    import django

    django.setup()


def run_pipeline(base: str, count: int) -> dict[str, float]:
    from negotiations.models import Document, Statement
    from negotiations.services import pipeline, positions
    from negotiations.services.demo import SeedReport, load_registry
    from negotiations.services.sources import create_source

    load_registry(report=SeedReport())
    source = create_source(name="Bench Observer", kind="rss", url=f"{base}/feed.xml")
    timings = {"poll": 0.0, "fetch": 0.0, "statements": 0.0, "extractor": 0.0, "positions": 0.0}

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            step = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] += time.perf_counter() - step

        return wrapper

    # Attribute the statement step: the extraction engine, and the refresh of the stance positions.
    pipeline.extract = timed("extractor", pipeline.extract)
    positions.refresh_positions = timed("positions", positions.refresh_positions)
    outcomes: dict[str, int] = {}
    started = time.perf_counter()
    entry_ids, _summary = pipeline.poll_source(source_id=source.pk)
    timings["poll"] = time.perf_counter() - started
    for entry_id in entry_ids:
        step = time.perf_counter()
        outcome, document_id = pipeline.fetch_entry(entry_id=entry_id, wait_for_politeness=True)
        timings["fetch"] += time.perf_counter() - step
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if outcome == "new":
            step = time.perf_counter()
            pipeline.extract_document(document_id=document_id)
            timings["statements"] += time.perf_counter() - step
    timings["total"] = time.perf_counter() - started
    timings["entries"] = len(entry_ids)
    timings["documents"] = Document.objects.count()
    timings["statements_stored"] = Statement.objects.count()
    timings["outcomes"] = outcomes  # type: ignore[assignment]
    if len(entry_ids) != count:
        raise SystemExit(f"the feed listed {len(entry_ids)} entries, expected {count}")
    return timings


def best_of(rounds: int, work) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def extraction_alone(pages: dict[str, bytes], base: str, rounds: int) -> tuple[float, float]:
    import trafilatura

    from negotiations.ingest.pages import extract_article

    def with_trafilatura() -> None:
        for body in pages.values():
            trafilatura.bare_extraction(
                body.decode("utf-8"), with_metadata=True, favor_precision=True, include_comments=False
            )

    def with_parley() -> None:
        for path, body in pages.items():
            extract_article(body, url=f"{base}{path}", encoding_hint="utf-8")

    return best_of(rounds, with_trafilatura), best_of(rounds, with_parley)


def main() -> None:
    arguments = parse_arguments()
    setup_django()
    from django.conf import settings
    from django.db import connection

    pages = make_pages(arguments.pages, arguments.seed)
    server, base = serve(pages)
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        timings = run_pipeline(base, arguments.pages)
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)
        server.shutdown()
    trafilatura_seconds, parley_seconds = extraction_alone(pages, base, arguments.rounds)

    n = arguments.pages
    words = sum(len(body.split()) for body in pages.values()) / n
    print(
        f"pages: {n} generated pages, {sum(map(len, pages.values())) / n / 1024:.1f} KiB and ~{words:.0f} tokens each"
    )
    print(f"database: {engine} (throwaway test database), politeness delay 0 s, one process")
    print(
        f"outcomes: {timings['outcomes']}; documents stored: {timings['documents']}; statements stored: {timings['statements_stored']}"
    )
    print(f"poll (fetch + parse the feed, store {timings['entries']} entries): {timings['poll']:.2f} s")
    print(f"fetch + text + dedup + store: {timings['fetch']:.2f} s = {n / timings['fetch']:.1f} documents/s")
    print(
        f"statement extraction: {timings['statements']:.2f} s = {n / timings['statements']:.1f} documents/s"
    )
    storing = timings["statements"] - timings["extractor"] - timings["positions"]
    print(
        f"  of which the extraction engine {timings['extractor']:.2f} s, storing statements {storing:.2f} s, "
        f"refreshing positions {timings['positions']:.2f} s"
    )
    print(f"whole pipeline: {timings['total']:.2f} s = {n / timings['total']:.1f} documents/s")
    print(
        f"trafilatura bare_extraction alone: {trafilatura_seconds:.2f} s = {n / trafilatura_seconds:.1f} pages/s (best of {arguments.rounds})"
    )
    print(
        f"extract_article alone (decode + trafilatura + canonical + language): {parley_seconds:.2f} s = {n / parley_seconds:.1f} pages/s"
    )
    print(f"documents/s: {n / timings['total']:.1f}")


if __name__ == "__main__":
    main()
