"""Time of refreshing matrix cells after a new document, on the million-statement database.

    .venv/bin/python benchmarks/pages.py --statements 1000000   # builds parley_bench once (about 10 min)
    .venv/bin/python benchmarks/positions.py                     # then this, any number of times

The pipeline refreshes the cells of the statements it stores: the speaker's and the speaker's party's.
A party's history spans every statement its speakers made on the issue, so recomputing it whole costs
more as the record grows. This compares the whole recomputation with the one the pipeline does, from the
earliest day a change touched (here a statement said in the last week of the record), on random speakers
and issues. Every refresh runs in a transaction that is rolled back, so the database is left as it was.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/parley_bench"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--repeat", type=int, default=15, help="refreshes timed each way")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def timed_refresh(pairs: set[tuple[int, int]], since: dt.date | None) -> float:
    from django.db import transaction

    from negotiations.services.positions import refresh_positions

    started = time.perf_counter()
    with transaction.atomic():
        refresh_positions(pairs=pairs, since=since)
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return elapsed * 1000


def main() -> None:
    arguments = parse_arguments()
    os.environ["DATABASE_URL"] = arguments.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db.models import Max

    from negotiations.models import Statement, StatementIssue

    latest = Statement.objects.aggregate(latest=Max("said_on"))["latest"]
    if latest is None:
        sys.exit("No statements: build the data first with benchmarks/pages.py.")
    since = latest - dt.timedelta(days=7)
    rng = random.Random(arguments.seed)
    recent = list(
        StatementIssue.objects.filter(statement__said_on__gte=since, statement__actor__party__isnull=False)
        .values_list("statement__actor_id", "issue_id")
        .distinct()[:5000]
    )
    samples = [rng.choice(recent) for _ in range(arguments.repeat)]
    print(
        f"{Statement.objects.count():,} statements; a change said on or after {since}; {len(samples)} cells\n"
    )
    for label, day in (("whole history", None), ("from the changed day", since)):
        times = [timed_refresh({pair}, day) for pair in samples]
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        print(f"  {label:22} p50 {statistics.median(times):8.1f} ms   p95 {p95:8.1f} ms")


if __name__ == "__main__":
    main()
