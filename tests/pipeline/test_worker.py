"""A real Celery worker against Redis and PostgreSQL: tasks land in the database, and a worker
killed mid-run loses and duplicates nothing. Runs on CI's real stack (REDIS_URL and a PostgreSQL
DATABASE_URL set); skipped on the embedded default."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from negotiations.enums import EntryState
from negotiations.models import Document, FeedEntry, Statement
from negotiations.services import pipeline
from negotiations.services.sources import create_source
from tests.pipeline.helpers import make_registry_rows, write_articles

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


def start_worker(log_path: Path) -> subprocess.Popen:
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/"
            f"{connection.settings_dict['NAME']}"
        ),
        "REDIS_URL": settings.REDIS_URL,
        "FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "FETCH_MIN_DOMAIN_INTERVAL_SECONDS": "0",
    }
    log = log_path.open("w")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=REPO,
        env=env,
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


@pytest.fixture
def purged_queue():
    from config.celery import app

    app.conf.task_always_eager = False
    app.control.purge()
    yield
    app.control.purge()


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

    assert landed, (tmp_path / "worker.log").read_text()[-3000:]
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

    # Whatever the dead worker held is put back by the sweeper (beat runs it every five minutes).
    entry_ids, document_ids = pipeline.requeue_stuck(older_than=pipeline.dt.timedelta(0))
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

    assert finished, (tmp_path / "worker-2.log").read_text()[-3000:]
    assert Document.objects.count() == count
    assert FeedEntry.objects.count() == count
    assert Statement.objects.count() > 0
    assert not Statement.objects.filter(citations__isnull=True).exists()
