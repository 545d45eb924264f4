"""Thin Celery adapters over the pipeline services. Tasks take ids, never objects.

Reliability (see also the CELERY_* settings): tasks are acknowledged late and rejected back to the
queue when their worker dies, so they may run twice; the services they call are idempotent. A task
passes its own id as the claim token, so a redelivery resumes the row its dead predecessor claimed.
Rows left in a working state, or waiting with no message in flight (the broker was away when they
were queued), are put back by `requeue_stuck_work`, which beat runs every five minutes.
"""

import logging
import time

import kombu.exceptions
from celery import shared_task
from celery.exceptions import Retry
from django.db import InterfaceError, OperationalError, transaction

from negotiations.services import pipeline
from negotiations.services import sources as source_services

logger = logging.getLogger(__name__)

# Countdowns stay below the broker's visibility timeout (3600 s): a longer one would be redelivered
# by Redis while it waits, and run twice.
MAX_COUNTDOWN = 1800
# The database briefly away: retry with backoff rather than fail the task.
DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY = {
    "max_retries": 6,
    "default_retry_delay": 30,
    "autoretry_for": DATABASE_ERRORS,
    "retry_backoff": 15,
    "retry_backoff_max": MAX_COUNTDOWN,
    "retry_jitter": True,
}
# What `delay()` raises when the broker cannot be reached.
BROKER_ERRORS: tuple[type[Exception], ...] = (kombu.exceptions.OperationalError, ConnectionError, OSError)
try:
    import redis.exceptions

    BROKER_ERRORS += (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
except ImportError:  # pragma: no cover - redis is a dependency
    pass


def enqueue(task, **kwargs) -> bool:
    """Queue `task`; False (logged) when the broker is away. The row the task would have handled
    stays in its waiting state and the sweeper queues it again later: nothing is lost."""
    try:
        task.delay(**kwargs)
    except BROKER_ERRORS as exc:
        logger.error("could not queue %s%s: %s", task.name, kwargs, exc)
        return False
    return True


@shared_task(name="negotiations.poll_due_sources", acks_late=True)
def poll_due_sources() -> int:
    source_ids = source_services.reserve_due_sources()
    queued = sum(enqueue(poll_source, source_id=source_id) for source_id in source_ids)
    return queued


@shared_task(name="negotiations.poll_source", acks_late=True, **RETRY)
def poll_source(*, source_id: int) -> int:
    entry_ids, summary = pipeline.poll_source(source_id=source_id)
    for error in summary.errors:
        logger.warning("poll of source %s: %s", source_id, error)
    transaction.on_commit(lambda: queue_entries(source_id=source_id, entry_ids=entry_ids))
    return len(entry_ids)


def queue_entries(*, source_id: int, entry_ids: list[int]) -> int:
    """Queue the fetch of new entries; if the broker is away, say so on the source (the sweeper
    queues the entries later)."""
    failed = sum(not enqueue(fetch_entry, entry_id=entry_id) for entry_id in entry_ids)
    if failed:
        source_services.record_queue_failure(
            source_id=source_id,
            error=f"could not queue {failed} of {len(entry_ids)} new entries (broker unavailable); "
            "they will be queued again by the stuck-work sweeper",
        )
    return len(entry_ids) - failed


@shared_task(name="negotiations.fetch_entry", bind=True, acks_late=True, **RETRY)
def fetch_entry(self, *, entry_id: int) -> str:
    try:
        outcome, document_id = pipeline.fetch_entry(entry_id=entry_id, claim_token=self.request.id or "")
    except pipeline.TransientPipelineError as exc:
        countdown = exc.retry_after or 30 * 2**self.request.retries
        raise self.retry(exc=exc, countdown=min(countdown, MAX_COUNTDOWN)) from exc
    if outcome == "new":
        transaction.on_commit(lambda: enqueue(extract_document, document_id=document_id))
    return outcome


@shared_task(name="negotiations.extract_document", bind=True, acks_late=True, **RETRY)
def extract_document(self, *, document_id: int, force: bool = False) -> int:
    return pipeline.extract_document(document_id=document_id, force=force, claim_token=self.request.id or "")


@shared_task(name="negotiations.requeue_stuck_work", acks_late=True)
def requeue_stuck_work() -> int:
    entry_ids, document_ids = pipeline.requeue_stuck()
    queued = sum(enqueue(fetch_entry, entry_id=entry_id) for entry_id in entry_ids)
    queued += sum(enqueue(extract_document, document_id=document_id) for document_id in document_ids)
    return queued


def finish_source_in_process(*, source_id: int, rounds: int = 6, pause: float = 2.0) -> int:
    """Without a worker (the embedded default): fetch and extract what a poll of the source left waiting,
    trying again after a pause when a step failed for a passing reason (a locked database), as a worker's
    retries would. Returns how many entries and documents still wait (0 when all are done)."""
    waiting = 0
    for attempt in range(rounds):
        entry_ids, document_ids = pipeline.waiting_work_of_source(source_id=source_id)
        waiting = len(entry_ids) + len(document_ids)
        if not waiting:
            return 0
        if attempt:
            time.sleep(pause * attempt)
        for entry_id in entry_ids:
            _run_in_process(fetch_entry, entry_id=entry_id)
        for document_id in document_ids:
            _run_in_process(extract_document, document_id=document_id)
    return waiting


def _run_in_process(task, **kwargs) -> None:
    try:
        task.apply(kwargs=kwargs, throw=True)
    except (Retry, OperationalError, InterfaceError) as exc:
        logger.info("%s%s will be tried again: %s", task.name, kwargs, exc)


@shared_task(name="negotiations.train_classifier", acks_late=True)
def train_classifier(*, negotiation_id: int, relabel: bool = True) -> dict:
    """Train on the verified statements (on a schedule or on demand); apply the model if it became active."""
    from negotiations.models import Negotiation
    from negotiations.services import training

    negotiation = Negotiation.objects.filter(pk=negotiation_id).first()
    if negotiation is None:
        logger.warning("negotiation %s vanished before training", negotiation_id)
        return {}
    result = training.train_classifier(negotiation=negotiation)
    relabelled = training.relabel_with_classifier(negotiation=negotiation) if relabel and result.active else 0
    return {
        "version": result.model.version if result.model else None,
        "active": result.active,
        "rules": result.rules_scores,
        "model": result.model_scores,
        "relabelled": relabelled,
    }


@shared_task(name="negotiations.send_digests", acks_late=True)
def send_digests() -> int:
    """The daily e-mail digest of followed stance shifts (each user at most once a day)."""
    from negotiations.services import alerts

    return alerts.send_digests()


@shared_task(name="negotiations.train_all_classifiers", acks_late=True)
def train_all_classifiers() -> int:
    """Beat's nightly entry: one training task per negotiation, each retrained from its verified statements."""
    from negotiations.models import Negotiation

    negotiation_ids = list(Negotiation.objects.values_list("pk", flat=True))
    return sum(enqueue(train_classifier, negotiation_id=negotiation_id) for negotiation_id in negotiation_ids)
