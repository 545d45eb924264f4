"""Server time of the analyst pages on PostgreSQL with a million statements.

    .venv/bin/python benchmarks/pages.py                      # 1,000,000 statements (about 10 minutes to build)
    .venv/bin/python benchmarks/pages.py --statements 20000   # a quick run
    .venv/bin/python benchmarks/pages.py --reuse              # time again without rebuilding the data

It builds its own database (default postgres://postgres@127.0.0.1:5432/parley_bench, dropped and created
again unless --reuse), fills it with COPY: actors, sources, documents, events and statements in proportion
(one actor per 500 statements, one document per 4, one event per 1,000), each statement with one or two
issue stances and a citation; then rebuilds the positions table with the same service the pipeline uses.
It then times each page through Django's test client (the whole view: middleware, queries, templates)
and prints p50 and p95 in milliseconds, with the number of SQL queries per page, twice: cold (the cache
emptied before every request, so no cached fragment helps) and warm (the cached fragments of the matrix,
issue and compare pages, and the speakers menu, filled as for the next visitor).
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/parley_bench"
START = dt.date(2025, 2, 12)
PARTIES = [
    "Russia", "Ukraine", "United States", "European Union", "United Kingdom", "France", "Germany",
    "Turkey", "China", "Poland", "Hungary", "Italy", "NATO", "United Nations", "Saudi Arabia",
    "Finland", "Belgium", "India", "Qatar", "Switzerland",
]  # fmt: skip
ISSUES = [
    ("security-guarantees", "Security guarantees"), ("territory", "Territory"), ("ceasefire", "Ceasefire"),
    ("energy-strikes", "Energy strikes"), ("sanctions", "Sanctions"), ("prisoner-exchange", "Prisoner exchange"),
    ("nato-membership", "NATO membership"), ("peacekeepers", "Peacekeepers"), ("frozen-assets", "Frozen assets"),
    ("elections", "Elections"), ("leaders-meeting", "Leaders' meeting"), ("peace-plan", "US peace plan"),
    ("nuclear-plant", "Zaporizhzhia nuclear plant"),
]  # fmt: skip
WORDS = (  # noqa: SIM905 - a sentence reads better than a list of words
    "security guarantees territory ceasefire talks sanctions prisoners exchange energy strikes peace plan "
    "negotiations troops withdrawal referendum elections frozen assets nuclear plant summit envoys delegation "
    "agreement proposal memorandum conditions unacceptable ready compromise aggression sovereignty borders "
    "partners coalition reconstruction monitoring truce occupied regions guarantees dialogue pressure"
).split()
STANCES = ["supports", "conditional", "neutral", "opposes"]


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per page")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only",
        default="",
        help="time only the pages whose name contains one of these words (comma-separated)",
    )
    return parser.parse_args()


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Production settings (DEBUG off: cached templates, no query log), reachable by the test client.
    os.environ.update(
        PUBLIC_READ="true",
        DEBUG="false",
        SECRET_KEY="benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.conf import settings

    # Static files by name, so the benchmark does not need collectstatic's manifest.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    from config.memory import freeze_startup_objects

    freeze_startup_objects()  # as config/wsgi.py does when the server starts


# Building the data -------------------------------------------------------------------------------------


class Copier:
    """Rows for one table through COPY, with every column the model has (defaults filled in)."""

    def __init__(self, cursor, model, **fixed) -> None:
        from django.db.models import DateTimeField, JSONField

        now = dt.datetime.now(dt.UTC)
        self.model = model
        self.columns = [field.column for field in model._meta.concrete_fields]
        self.defaults = {}
        for field in model._meta.concrete_fields:
            if isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add):
                value = now
            elif field.has_default():
                value = field.get_default()
            elif field.null:
                value = None
            else:
                value = ""
            if isinstance(field, JSONField) and value is not None:
                value = json.dumps(value)
            self.defaults[field.column] = value
        self.defaults.update(fixed)
        columns = ", ".join(f'"{column}"' for column in self.columns)
        self.context = cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN")
        self.count = 0

    def __enter__(self) -> "Copier":
        self.copy = self.context.__enter__()
        return self

    def __exit__(self, *exc_info) -> None:
        self.context.__exit__(*exc_info)

    def write(self, **values) -> None:
        row = self.defaults | values
        self.copy.write_row([row[column] for column in self.columns])
        self.count += 1


def fill(*, statements: int, seed: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from actors.models import Actor, ActorKind
    from negotiations.models import (
        Citation,
        Document,
        Event,
        Issue,
        Negotiation,
        Source,
        Statement,
        StatementIssue,
    )

    rng = random.Random(seed)
    today = timezone.localdate()
    days = (today - START).days
    n_actors = max(60, statements // 500)
    n_documents = max(50, statements // 4)
    n_events = max(20, statements // 1000)
    n_sources = 50

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        negotiation = Negotiation.objects.create(
            slug="russia-ukraine", name="Russia–Ukraine peace talks", started_on=START
        )
        issues = [
            Issue.objects.create(
                negotiation=negotiation,
                slug=slug,
                name=name,
                proposition=f"The parties agree on {name.lower()}.",
                position=index,
            )
            for index, (slug, name) in enumerate(ISSUES)
        ]

        with Copier(cursor, Actor) as copier:
            for pk, name in enumerate(PARTIES, start=1):
                copier.write(id=pk, slug=name.lower().replace(" ", "-"), name=name, kind=ActorKind.GOVERNMENT)
            for pk in range(len(PARTIES) + 1, n_actors + 1):
                copier.write(
                    id=pk,
                    slug=f"speaker-{pk}",
                    name=f"Speaker {pk}",
                    kind=ActorKind.PERSON,
                    party_id=rng.randint(1, len(PARTIES)),
                )
        negotiation.parties.add(*range(1, len(PARTIES) + 1))

        with Copier(cursor, Source) as copier:
            for pk in range(1, n_sources + 1):
                copier.write(
                    id=pk, name=f"Outlet {pk}", kind="rss", url=f"https://outlet{pk}.example.org/feed"
                )

        with Copier(cursor, Document, state="extracted", language="en") as copier:
            published = {}
            for pk in range(1, n_documents + 1):
                day = START + dt.timedelta(days=rng.randrange(days + 1))
                published[pk] = day
                text = " ".join(rng.choices(WORDS, k=90))
                copier.write(
                    id=pk,
                    source_id=rng.randint(1, n_sources),
                    url=f"https://news.example.org/{pk}",
                    canonical_url=f"https://news.example.org/{pk}",
                    title=" ".join(rng.choices(WORDS, k=7)).capitalize(),
                    published_at=dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC),
                    text=text,
                    content_hash=hashlib.sha256(f"d{pk}".encode()).hexdigest(),
                )

        # Speakers are quoted unevenly (a few very often), and each party leans one way on each issue.
        weights = [1 / (rank**0.8) for rank in range(1, n_actors + 1)]
        lean = {(party, issue.pk): rng.randrange(4) for party in range(1, 21) for issue in issues}
        sides = dict(Actor.objects.values_list("pk", "party_id"))
        speakers = rng.choices(range(1, n_actors + 1), weights=weights, k=statements)
        with Copier(
            cursor, Statement, negotiation_id=negotiation.pk, extractor_version="bench"
        ) as statement_copier:
            stance_copier_rows = []
            citation_rows = []
            for pk in range(1, statements + 1):
                actor_id = speakers[pk - 1]
                said_on = START + dt.timedelta(days=rng.randrange(days + 1))
                roll = rng.random()
                state = "accepted" if roll < 0.10 else "rejected" if roll < 0.12 else "unreviewed"
                statement_copier.write(
                    id=pk,
                    actor_id=actor_id,
                    speaker_text=f"Speaker {actor_id}",
                    speaker_name=f"Speaker {actor_id}",
                    quote=" ".join(rng.choices(WORDS, k=rng.randint(8, 30))),
                    kind="direct" if rng.random() < 0.6 else "paraphrase",
                    said_on=said_on,
                    confidence=round(rng.uniform(0.3, 0.95), 2),
                    review_state=state,
                    fingerprint=hashlib.sha256(f"s{pk}".encode()).hexdigest(),
                )
                side = sides[actor_id] or actor_id
                for issue in rng.sample(issues, 2 if rng.random() < 0.3 else 1):
                    leaning = lean[(side, issue.pk)]
                    stance = STANCES[leaning if rng.random() < 0.7 else rng.randrange(4)]
                    stance_copier_rows.append((pk, issue.pk, stance, round(rng.uniform(0.3, 0.95), 2)))
                citation_rows.append((pk, rng.randint(1, n_documents)))

        with Copier(cursor, StatementIssue) as copier:
            for pk, (statement_id, issue_id, stance, confidence) in enumerate(stance_copier_rows, start=1):
                copier.write(
                    id=pk, statement_id=statement_id, issue_id=issue_id, stance=stance, confidence=confidence
                )
        with Copier(cursor, Citation) as copier:
            for pk, (statement_id, document_id) in enumerate(citation_rows, start=1):
                copier.write(id=pk, statement_id=statement_id, document_id=document_id, start=0, end=40)

        with Copier(cursor, Event, negotiation_id=negotiation.pk) as copier:
            for pk in range(1, n_events + 1):
                copier.write(
                    id=pk,
                    slug=f"event-{pk}",
                    date=START + dt.timedelta(days=rng.randrange(days + 1)),
                    kind=rng.choice(["talks", "meeting", "proposal", "strike", "statement"]),
                    title=" ".join(rng.choices(WORDS, k=6)).capitalize(),
                    place="Geneva",
                )
        participants = Event.participants.through
        issues_through = Event.issues.through
        with cursor.copy(f"COPY {participants._meta.db_table} (event_id, actor_id) FROM STDIN") as copy:
            for pk in range(1, n_events + 1):
                for actor_id in set(rng.choices(range(1, n_actors + 1), weights=weights, k=3)):
                    copy.write_row([pk, actor_id])
        with cursor.copy(f"COPY {issues_through._meta.db_table} (event_id, issue_id) FROM STDIN") as copy:
            for pk in range(1, n_events + 1):
                for issue in rng.sample(issues, 2):
                    copy.write_row([pk, issue.pk])

        for model in (Actor, Source, Document, Statement, StatementIssue, Citation, Event):
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
    print(
        f"loaded {statements:,} statements, {len(stance_copier_rows):,} stances, {n_actors:,} actors, "
        f"{n_documents:,} documents, {n_events:,} events in {time.perf_counter() - started:.0f} s",
        flush=True,
    )

    from negotiations.services.positions import rebuild_positions

    started = time.perf_counter()
    rebuild_positions(negotiation=negotiation)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    from negotiations.models import Position

    print(
        f"positions: {Position.objects.count():,} rows in {time.perf_counter() - started:.0f} s", flush=True
    )


# Timing ------------------------------------------------------------------------------------------------


def pages() -> list[tuple[str, str]]:
    from django.utils import timezone

    from negotiations.models import Negotiation, Statement
    from negotiations.selectors import Cursor

    negotiation = Negotiation.objects.get(slug="russia-ukraine")
    slug = negotiation.slug
    today = timezone.localdate()
    as_of = START + (today - START) / 2
    # A cursor a month after the start: every newer statement lies before it (the deepest pages).
    deep_day = START + dt.timedelta(days=30)
    deep_id = Statement.objects.filter(said_on=deep_day).order_by("-id").values_list("id", flat=True).first()
    deep = Cursor(day=deep_day, rank=Cursor.STATEMENT, id=(deep_id or 0) + 1)
    return [
        ("matrix, today", f"/n/{slug}/"),
        ("matrix, as of a past date", f"/n/{slug}/?as_of={as_of.isoformat()}"),
        ("matrix, one party, reviewed only", f"/n/{slug}/?party=russia&reviewed=on"),
        ("matrix cell evidence (htmx)", f"/n/{slug}/cells/party/russia/territory/?as_of={as_of.isoformat()}"),
        ("timeline, first page", f"/timeline/?negotiation={slug}"),
        ("timeline, deep page (htmx)", f"/timeline/?negotiation={slug}&cursor={deep}"),
        ("timeline, one issue, deep page", f"/timeline/?negotiation={slug}&issue=territory&cursor={deep}"),
        ("compare two parties", f"/n/{slug}/compare/?actor=russia&actor=ukraine"),
        ("search", "/search/?q=security+guarantees"),
        ("actor page (a party)", "/actors/russia/"),
        ("issue page", f"/n/{slug}/issues/territory/"),
    ]


def percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def time_page(client, url: str, headers: dict, *, repeat: int, cold: bool) -> dict:
    """p50 and p95 of the server time of one page; `cold` empties the cache before each request (untimed)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, cpu = [], []
    for _ in range(repeat):
        if cold:
            cache.clear()
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = client.get(url, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return {
        "p50": percentile(timings, 50),
        "p95": percentile(timings, 95),
        "cpu": percentile(cpu, 50),
        "sql": sum(float(query["time"]) for query in queries.captured_queries) * 1000,
        "queries": len(queries),
        "size": len(response.content),
    }


def measure(repeat: int, only: str = "") -> list[tuple[str, dict, dict]]:
    """Each page cold (the cache emptied before every request: what the first visitor after a change
    waits) and warm (the fragment caches and the speakers menu filled, as for the next visitors)."""
    from django.test import Client

    client = Client()
    results = []
    words = [word.strip() for word in only.split(",") if word.strip()]
    for name, url in pages():
        if words and not any(word in name for word in words):
            continue
        headers = {"HX-Request": "true"} if "htmx" in name else {}
        for _ in range(3):  # warm the connection, the template loader and the caches
            response = client.get(url, headers=headers)
            assert response.status_code == 200, (url, response.status_code)
        cold = time_page(client, url, headers, repeat=repeat, cold=True)
        warm = time_page(client, url, headers, repeat=repeat, cold=False)
        results.append((name, cold, warm))
        print(
            f"  {name:<34} cold p50 {cold['p50']:6.1f} p95 {cold['p95']:6.1f} ms "
            f"(CPU {cold['cpu']:5.1f}, SQL {cold['sql']:5.1f}, {cold['queries']:>2} q) | "
            f"warm p50 {warm['p50']:6.1f} p95 {warm['p95']:6.1f} ms "
            f"(CPU {warm['cpu']:5.1f}, SQL {warm['sql']:5.1f}, {warm['queries']:>2} q)  {cold['size'] // 1024:>4} KB",
            flush=True,
        )
    return results


def main() -> None:
    arguments = parse_arguments()
    if not arguments.reuse:
        recreate_database(arguments.database)
    setup_django(arguments.database)
    from django.core.management import call_command
    from django.db import connection

    from negotiations.models import Statement

    assert connection.vendor == "postgresql", "the benchmark runs on PostgreSQL"
    if not arguments.reuse:
        call_command("migrate", verbosity=0)
        fill(statements=arguments.statements, seed=arguments.seed)
    total = Statement.objects.count()
    print(f"\n{total:,} statements on PostgreSQL; {arguments.repeat} timed requests per page\n", flush=True)
    print(
        f"load average before timing: {' '.join(f'{value:.1f}' for value in os.getloadavg())} on {os.cpu_count()} CPUs"
    )
    results = measure(arguments.repeat, arguments.only)
    worst_cold = max(cold["p95"] for _, cold, _ in results)
    worst_warm = max(warm["p95"] for _, _, warm in results)
    print(
        f"\nworst p95: cold {worst_cold:.1f} ms, warm {worst_warm:.1f} ms (target 50 ms); "
        f"load average after: {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
