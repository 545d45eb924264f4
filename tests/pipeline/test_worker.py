"""A real Celery worker against Redis and PostgreSQL: tasks land in the database, and a worker
killed mid-run loses and duplicates nothing. Runs on CI's real stack (REDIS_URL and a PostgreSQL
DATABASE_URL set); skipped on the embedded default."""

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from werkzeug import Response

from negotiations.enums import DocumentState, EntryState
from negotiations.models import Document, FeedEntry, Statement
from negotiations.services import pipeline
from negotiations.services.sources import create_source
from tests.pipeline.helpers import make_registry_rows, write_articles
from tests.pipeline.web import HTML, article_html, serve_site

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL, reason="needs REDIS_URL: the worker tests run on the real stack"
    ),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL: a worker process cannot share SQLite's test database",
    ),
]


def database_url_for_workers() -> str:
    database = settings.DATABASES["default"]
    return (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/"
        f"{connection.settings_dict['NAME']}"
    )


def worker_env(**changes: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url_for_workers(),
        "REDIS_URL": settings.REDIS_URL,
        "FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "FETCH_MIN_DOMAIN_INTERVAL_SECONDS": "0",
        **changes,
    }


def start_worker(log_path: Path, *, pool: str = "solo") -> subprocess.Popen:
    log = log_path.open("w")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            f"--pool={pool}",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=REPO,
        env=worker_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_for(condition, *, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is None:
        worker.send_signal(sig)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def forget_queued_work() -> None:
    """Empty the queue, and drop what a killed worker left unacknowledged (Redis would hand it to a
    later worker after the visibility timeout, in some other test)."""
    from config.celery import app

    app.control.purge()
    with app.connection_for_write() as conn:
        conn.default_channel.client.delete("unacked", "unacked_index")


@pytest.fixture
def purged_queue():
    from config.celery import app

    app.conf.task_always_eager = False
    forget_queued_work()
    yield
    forget_queued_work()


def worker_log(path: Path) -> str:
    return path.read_text()[-3000:] if path.exists() else "(no log)"


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def test_a_real_worker_ingests_a_file_source_into_postgresql(tmp_path, purged_queue):
    from negotiations import tasks

    make_registry_rows()
    source = create_source(name="Local archive", kind="file", url=str(write_articles(tmp_path, count=3)))
    worker = start_worker(tmp_path / "worker.log")
    try:
        tasks.poll_source.delay(source_id=source.pk)
        landed = wait_for(lambda: Statement.objects.count() > 0 and Document.objects.count() == 3)
    finally:
        stop(worker)

    assert landed, worker_log(tmp_path / "worker.log")
    assert FeedEntry.objects.filter(state=EntryState.DONE).count() == 3


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path, purged_queue):
    from negotiations import tasks

    make_registry_rows()
    count = 60
    source = create_source(name="Big archive", kind="file", url=str(write_articles(tmp_path, count=count)))
    worker = start_worker(tmp_path / "worker-1.log")
    tasks.poll_source.delay(source_id=source.pk)
    started = wait_for(lambda: Document.objects.count() >= 3)
    stop(worker, signal.SIGKILL)
    assert started, (tmp_path / "worker-1.log").read_text()[-3000:]

    # Whatever the dead worker held is put back by the sweeper (beat runs it every five minutes): rows it
    # had claimed, and rows whose message it had prefetched and took down with it (those are found once
    # they have waited past any retry countdown; here the clock is skipped forward by passing zero).
    entry_ids, document_ids = pipeline.requeue_stuck(
        older_than=pipeline.dt.timedelta(0), waiting_longer_than=pipeline.dt.timedelta(0)
    )
    worker = start_worker(tmp_path / "worker-2.log")
    try:
        for entry_id in entry_ids:
            tasks.fetch_entry.delay(entry_id=entry_id)
        for document_id in document_ids:
            tasks.extract_document.delay(document_id=document_id)
        finished = wait_for(
            lambda: (
                FeedEntry.objects.filter(state=EntryState.DONE).count() == count
                and not Document.objects.exclude(state="extracted").exists()
            ),
            seconds=120,
        )
    finally:
        stop(worker)

    unfinished = list(Document.objects.exclude(state=DocumentState.EXTRACTED).values_list("pk", "state"))
    assert finished, (unfinished, (tmp_path / "worker-2.log").read_text()[-1500:])
    assert Document.objects.count() == count
    assert FeedEntry.objects.count() == count
    assert Statement.objects.count() > 0
    assert not Statement.objects.filter(citations__isnull=True).exists()


def test_a_real_worker_ingests_a_local_feed_end_to_end(tmp_path, purged_queue, web):
    from negotiations import tasks

    make_registry_rows()
    source = create_source(name="Local Observer", kind="rss", url=serve_site(web, count=5))
    worker = start_worker(tmp_path / "worker.log")
    try:
        tasks.poll_source.delay(source_id=source.pk)
        landed = wait_for(
            lambda: (
                FeedEntry.objects.filter(state=EntryState.DONE).count() == 5
                and Document.objects.filter(state=DocumentState.EXTRACTED).count() == 5
            )
        )
    finally:
        stop(worker)

    assert landed, worker_log(tmp_path / "worker.log")
    assert Statement.objects.count() > 0
    source.refresh_from_db()
    assert (source.documents_found, source.consecutive_failures, source.last_error) == (5, 0, "")
    assert sorted(Document.objects.values_list("url", flat=True)) == sorted(
        web.url_for(f"/news/report-{number}") for number in range(5)
    )


def test_a_worker_process_killed_mid_fetch_is_replaced_and_its_task_resumed(tmp_path, purged_queue, web):
    """reject_on_worker_lost puts the task back at once; the same task id resumes the entry it claimed."""
    from negotiations import tasks

    make_registry_rows()
    entered, release = threading.Event(), threading.Event()

    def slow_article(request):
        entered.set()
        release.wait(30)
        return Response(article_html(0), content_type=HTML)

    web.expect_oneshot_request("/news/report-0").respond_with_handler(slow_article)
    source = create_source(name="Local Observer", kind="rss", url=serve_site(web, count=3))
    worker = start_worker(tmp_path / "worker.log", pool="prefork")
    try:
        tasks.poll_source.delay(source_id=source.pk)
        assert entered.wait(60), worker_log(tmp_path / "worker.log")
        children = child_pids(worker.pid)
        assert len(children) == 1, children
        os.kill(children[0], signal.SIGKILL)  # the OOM killer, say, in the middle of the fetch
        release.set()
        finished = wait_for(
            lambda: (
                FeedEntry.objects.filter(state=EntryState.DONE).count() == 3
                and Document.objects.filter(state=DocumentState.EXTRACTED).count() == 3
            )
        )
    finally:
        release.set()
        stop(worker)

    log = worker_log(tmp_path / "worker.log")
    assert finished, log
    assert "WorkerLostError" in log or "signal 9" in log
    slow = FeedEntry.objects.get(url=web.url_for("/news/report-0"))
    assert slow.attempts == 2  # the killed attempt, then the resumed one; no sweeper needed
    assert Document.objects.count() == 3
    assert not Statement.objects.filter(citations__isnull=True).exists()


def test_a_broker_outage_while_polling_is_recorded_and_the_sweeper_requeues(tmp_path, purged_queue, web):
    """The poll runs while Redis is unreachable: the source says why nothing was queued, the entries
    wait in the database, and once Redis is back the sweeper hands them to a worker."""
    from negotiations import tasks

    make_registry_rows()
    source = create_source(name="Local Observer", kind="rss", url=serve_site(web, count=3))
    poll = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"from negotiations import tasks; tasks.poll_source(source_id={source.pk})",
        ],
        cwd=REPO,
        env=worker_env(REDIS_URL="redis://127.0.0.1:1/13"),  # nothing listens on port 1
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert poll.returncode == 0, poll.stderr[-3000:]
    source.refresh_from_db()
    assert "could not queue 3 of 3 new entries (broker unavailable)" in source.last_error
    assert set(FeedEntry.objects.values_list("state", flat=True)) == {EntryState.NEW}

    # Forty minutes later, with Redis back, beat's sweeper finds the entries waiting with no task.
    FeedEntry.objects.update(updated_at=timezone.now() - dt.timedelta(minutes=40))
    worker = start_worker(tmp_path / "worker.log")
    try:
        tasks.requeue_stuck_work.delay()
        finished = wait_for(lambda: Document.objects.filter(state=DocumentState.EXTRACTED).count() == 3)
    finally:
        stop(worker)

    assert finished, worker_log(tmp_path / "worker.log")
    assert set(FeedEntry.objects.values_list("state", flat=True)) == {EntryState.DONE}


def drop_other_connections() -> int:
    """What a PostgreSQL restart does to every client: their connections are cut mid-query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_postgresql_dropping_the_workers_connections_mid_run_loses_nothing(tmp_path, purged_queue):
    """Connections cut again and again while a worker ingests: a task that hits the cut is retried with
    backoff on a new connection; what the cut left claimed or unqueued is put back by the sweeper (beat
    runs it every five minutes; here once, at once); every article lands once."""
    from negotiations import tasks

    make_registry_rows()
    count = 30
    source = create_source(name="Big archive", kind="file", url=str(write_articles(tmp_path, count=count)))

    def all_done() -> bool:
        return (
            FeedEntry.objects.filter(state=EntryState.DONE).count() == count
            and Document.objects.filter(state=DocumentState.EXTRACTED).count() == count
        )

    worker = start_worker(tmp_path / "worker.log")
    try:
        tasks.poll_source.delay(source_id=source.pk)
        assert wait_for(lambda: Document.objects.count() >= 2), worker_log(tmp_path / "worker.log")
        dropped = 0
        for _ in range(10):
            dropped += drop_other_connections()
            time.sleep(0.2)
        finished = wait_for(all_done, seconds=60)
        if not finished:
            entry_ids, document_ids = pipeline.requeue_stuck(
                older_than=pipeline.dt.timedelta(0), waiting_longer_than=pipeline.dt.timedelta(0)
            )
            for entry_id in entry_ids:
                tasks.fetch_entry.delay(entry_id=entry_id)
            for document_id in document_ids:
                tasks.extract_document.delay(document_id=document_id)
            finished = wait_for(all_done, seconds=120)
    finally:
        stop(worker)

    log = worker_log(tmp_path / "worker.log")
    assert dropped > 0  # the worker really lost its connection
    unfinished = (
        list(FeedEntry.objects.exclude(state=EntryState.DONE).values_list("pk", "state")),
        list(Document.objects.exclude(state=DocumentState.EXTRACTED).values_list("pk", "state")),
    )
    assert finished, (unfinished, log)
    assert Document.objects.count() == count
    assert not Statement.objects.filter(citations__isnull=True).exists()
