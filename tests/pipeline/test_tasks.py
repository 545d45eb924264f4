"""The Celery tasks in-process: running any of them twice is harmless, a redelivered task resumes
its own claim, the sweeper puts stuck work back, and a broker or database outage loses nothing."""

import datetime as dt

import kombu.exceptions
import pytest
from django.db import OperationalError
from django.utils import timezone

from negotiations import tasks
from negotiations.enums import DocumentState, EntryState
from negotiations.models import Citation, Document, FeedEntry, Source, Statement, StatementIssue
from negotiations.services import pipeline
from negotiations.services.sources import create_source, due_sources
from tests.pipeline.web import serve_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(web, negotiation) -> Source:
    return create_source(name="Local Observer", kind="rss", url=serve_site(web, count=3))


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (FeedEntry, Document, Statement, Citation, StatementIssue)
    )


def test_every_task_run_twice_is_harmless(feed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.poll_source.delay(source_id=feed.pk)
    after_first = counts()
    assert after_first[:2] == (3, 3) and after_first[2] > 0
    entry = FeedEntry.objects.first()
    document = Document.objects.first()

    with django_capture_on_commit_callbacks(execute=True):
        tasks.poll_source.delay(source_id=feed.pk)
        assert tasks.fetch_entry.delay(entry_id=entry.pk).get() == "skipped"
        tasks.extract_document.delay(document_id=document.pk)
        tasks.requeue_stuck_work.delay()

    assert counts() == after_first
    assert set(FeedEntry.objects.values_list("state", flat=True)) == {EntryState.DONE}
    assert set(Document.objects.values_list("state", flat=True)) == {DocumentState.EXTRACTED}


def test_reprocessing_twice_changes_nothing(feed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.poll_source.delay(source_id=feed.pk)
    document = Document.objects.first()
    before = counts()

    for _ in range(2):
        tasks.extract_document.delay(document_id=document.pk, force=True)

    assert counts() == before


def test_a_redelivered_task_resumes_the_entry_its_dead_worker_claimed(feed):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    # The worker that ran task "t-1" died right after claiming the entry.
    FeedEntry.objects.filter(pk=entry_ids[0]).update(
        state=EntryState.FETCHING, claim_token="t-1", claimed_at=timezone.now(), attempts=1
    )

    other = tasks.fetch_entry.apply(kwargs={"entry_id": entry_ids[0]}, task_id="t-2").get()
    redelivered = tasks.fetch_entry.apply(kwargs={"entry_id": entry_ids[0]}, task_id="t-1").get()

    assert (other, redelivered) == ("skipped", "new")
    entry = FeedEntry.objects.get(pk=entry_ids[0])
    assert (entry.state, entry.attempts, entry.claim_token) == (EntryState.DONE, 2, "")
    assert Document.objects.count() == 1


def test_a_retry_after_the_document_was_stored_takes_it_over_instead_of_calling_it_a_duplicate(feed):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    # The first attempt stored the article, then its database connection was cut before the entry was
    # marked done; the task is retried under the same id.
    assert pipeline.fetch_entry(entry_id=entry_ids[0], claim_token="t-1")[0] == "new"
    FeedEntry.objects.filter(pk=entry_ids[0]).update(
        state=EntryState.FETCHING, claim_token="t-1", document=None, claimed_at=timezone.now()
    )

    outcome, document_id = pipeline.fetch_entry(entry_id=entry_ids[0], claim_token="t-1")

    entry = FeedEntry.objects.get(pk=entry_ids[0])
    assert (outcome, entry.state, entry.document_id) == ("new", EntryState.DONE, document_id)
    assert Document.objects.count() == 1


def test_the_same_article_in_a_second_entry_is_still_a_duplicate(feed):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    pipeline.fetch_entry(entry_id=entry_ids[0])
    first = FeedEntry.objects.get(pk=entry_ids[0])
    twin = FeedEntry.objects.create(source=feed, guid="twin", url=first.url, title=first.title)

    assert pipeline.fetch_entry(entry_id=twin.pk)[0] == "duplicate"


def test_a_redelivered_extraction_resumes_its_document(feed):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    _, document_id = pipeline.fetch_entry(entry_id=entry_ids[0])
    Document.objects.filter(pk=document_id).update(state=DocumentState.EXTRACTING, claim_token="x-1")

    assert tasks.extract_document.apply(kwargs={"document_id": document_id}, task_id="x-2").get() == 0
    assert tasks.extract_document.apply(kwargs={"document_id": document_id}, task_id="x-1").get() > 0
    assert Document.objects.get(pk=document_id).state == DocumentState.EXTRACTED


def test_the_sweeper_puts_back_work_a_dead_worker_left(feed, django_capture_on_commit_callbacks):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    _, document_id = pipeline.fetch_entry(entry_id=entry_ids[0])
    long_ago = timezone.now() - dt.timedelta(hours=1)
    FeedEntry.objects.filter(pk=entry_ids[1]).update(
        state=EntryState.FETCHING, claimed_at=long_ago, claim_token="dead"
    )
    Document.objects.filter(pk=document_id).update(
        state=DocumentState.EXTRACTING, claimed_at=long_ago, claim_token="dead"
    )
    FeedEntry.objects.filter(pk=entry_ids[2]).update(state=EntryState.FETCHING, claimed_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.requeue_stuck_work.delay().get() == 2

    assert FeedEntry.objects.get(pk=entry_ids[2]).state == EntryState.FETCHING  # fresh: its worker may live
    assert FeedEntry.objects.get(pk=entry_ids[1]).state == EntryState.DONE
    assert Document.objects.get(pk=document_id).state == DocumentState.EXTRACTED


def test_a_broker_outage_while_queueing_is_recorded_and_swept_up(
    feed, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(**kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.fetch_entry, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.poll_source.delay(source_id=feed.pk).get() == 3

    feed.refresh_from_db()
    assert "could not queue 3 of 3 new entries" in feed.last_error
    assert feed.consecutive_failures == 0  # the source itself is fine
    assert set(FeedEntry.objects.values_list("state", flat=True)) == {EntryState.NEW}
    assert not Document.objects.exists()

    monkeypatch.undo()  # the broker is back; the sweeper finds the entries waiting with no task
    FeedEntry.objects.update(updated_at=timezone.now() - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.requeue_stuck_work.delay()

    assert Document.objects.count() == 3
    assert set(FeedEntry.objects.values_list("state", flat=True)) == {EntryState.DONE}


def test_poll_due_sources_queues_each_due_source_once(feed, monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.poll_source, "delay", lambda **kwargs: queued.append(kwargs))

    tasks.poll_due_sources.delay()
    tasks.poll_due_sources.delay()  # a minute later, no worker has picked it up yet

    assert queued == [{"source_id": feed.pk}]
    assert feed not in due_sources()
    assert feed in due_sources(now=timezone.now() + dt.timedelta(minutes=16))  # a lost message expires


def test_a_database_error_leaves_the_entry_for_a_retry_not_failed(feed, monkeypatch):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)

    def database_away(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(pipeline, "store_article", database_away)
    with pytest.raises(OperationalError):
        pipeline.fetch_entry(entry_id=entry_ids[0])

    entry = FeedEntry.objects.get(pk=entry_ids[0])
    assert entry.state == EntryState.FETCHING  # not FAILED: the sweeper will put it back
    assert OperationalError in tasks.fetch_entry.autoretry_for
    assert OperationalError in tasks.extract_document.autoretry_for


def test_retry_countdowns_stay_below_the_visibility_timeout(web, negotiation, monkeypatch, settings):
    web.expect_request("/news/report-0").respond_with_data(
        "busy", status=503, headers={"Retry-After": "86400"}
    )
    source = create_source(name="Busy", kind="rss", url=serve_site(web, count=1))
    entry_ids, _ = pipeline.poll_source(source_id=source.pk)
    countdowns = []

    def fake_retry(*, exc, countdown):
        countdowns.append(countdown)
        return RuntimeError("retry")

    monkeypatch.setattr(tasks.fetch_entry, "retry", fake_retry)
    with pytest.raises(RuntimeError):
        tasks.fetch_entry.apply(kwargs={"entry_id": entry_ids[0]}, throw=True).get()

    assert countdowns == [tasks.MAX_COUNTDOWN]
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > tasks.MAX_COUNTDOWN
    assert pipeline.WAITING_LIMIT.total_seconds() > tasks.MAX_COUNTDOWN  # the sweeper never races a retry


class CacheDown:
    """Django's cache while Redis restarts: every call fails."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

        return fail


def test_a_cache_outage_delays_the_fetch_instead_of_failing_it(feed, monkeypatch, settings):
    from negotiations.services import fetching

    settings.FETCH_MIN_DOMAIN_INTERVAL_SECONDS = 2
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    monkeypatch.setattr(fetching, "cache", CacheDown())

    with pytest.raises(pipeline.TransientPipelineError, match="politeness cache unavailable"):
        pipeline.fetch_entry(entry_id=entry_ids[0])

    entry = FeedEntry.objects.get(pk=entry_ids[0])
    assert (entry.state, entry.attempts) == (EntryState.NEW, 0)


def test_a_cache_outage_only_costs_robots_txt_being_read_again(feed, web, monkeypatch):
    from negotiations.services import fetching

    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    monkeypatch.setattr(fetching, "cache", CacheDown())

    outcomes = [pipeline.fetch_entry(entry_id=entry_id)[0] for entry_id in entry_ids]

    assert outcomes == ["new", "new", "new"]
    assert [request.path for request, _ in web.log].count("/robots.txt") == 3


def test_the_sweeper_leaves_an_entry_waiting_for_its_retry_alone(feed):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    FeedEntry.objects.filter(pk=entry_ids[0]).update(updated_at=timezone.now() - dt.timedelta(minutes=20))
    FeedEntry.objects.filter(pk=entry_ids[1]).update(updated_at=timezone.now() - dt.timedelta(minutes=40))

    waiting, _ = pipeline.requeue_stuck()

    assert waiting == [entry_ids[1]]  # 20 minutes may be a retry countdown; 40 cannot


def test_an_in_process_fetch_finishes_what_a_locked_database_interrupted(feed, monkeypatch):
    entry_ids, _ = pipeline.poll_source(source_id=feed.pk)
    store_article = pipeline.store_article
    calls = {"count": 0}

    def locked_once(**kwargs):
        calls["count"] += 1
        if calls["count"] == 1:
            raise OperationalError("database table is locked: negotiations_document")
        return store_article(**kwargs)

    monkeypatch.setattr(pipeline, "store_article", locked_once)
    waiting = tasks.finish_source_in_process(source_id=feed.pk, pause=0)

    assert waiting == 0
    assert set(FeedEntry.objects.filter(pk__in=entry_ids).values_list("state", flat=True)) == {
        EntryState.DONE
    }
    assert Document.objects.filter(source=feed, state=DocumentState.EXTRACTED).count() == len(entry_ids)
