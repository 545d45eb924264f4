"""Thin Celery adapters over the pipeline services. Tasks take ids, never objects."""

import logging

from celery import shared_task
from django.db import transaction

from negotiations.services import pipeline
from negotiations.services import sources as source_services

logger = logging.getLogger(__name__)

RETRY = {"max_retries": 6, "default_retry_delay": 30}


@shared_task(name="negotiations.poll_due_sources", acks_late=True)
def poll_due_sources() -> int:
    source_ids = list(source_services.due_sources().values_list("pk", flat=True))
    for source_id in source_ids:
        poll_source.delay(source_id=source_id)
    return len(source_ids)


@shared_task(name="negotiations.poll_source", acks_late=True)
def poll_source(*, source_id: int) -> int:
    entry_ids, summary = pipeline.poll_source(source_id=source_id)
    for error in summary.errors:
        logger.warning("poll of source %s: %s", source_id, error)
    for entry_id in entry_ids:
        transaction.on_commit(lambda entry_id=entry_id: fetch_entry.delay(entry_id=entry_id))
    return len(entry_ids)


@shared_task(name="negotiations.fetch_entry", bind=True, acks_late=True, **RETRY)
def fetch_entry(self, *, entry_id: int) -> str:
    try:
        outcome, document_id = pipeline.fetch_entry(entry_id=entry_id)
    except pipeline.TransientPipelineError as exc:
        countdown = exc.retry_after or min(30 * 2**self.request.retries, 3600)
        raise self.retry(exc=exc, countdown=countdown) from exc
    if outcome == "new":
        transaction.on_commit(lambda: extract_document.delay(document_id=document_id))
    return outcome


@shared_task(name="negotiations.extract_document", bind=True, acks_late=True, **RETRY)
def extract_document(self, *, document_id: int, force: bool = False) -> int:
    return pipeline.extract_document(document_id=document_id, force=force)


@shared_task(name="negotiations.requeue_stuck_work", acks_late=True)
def requeue_stuck_work() -> int:
    entry_ids, document_ids = pipeline.requeue_stuck()
    for entry_id in entry_ids:
        fetch_entry.delay(entry_id=entry_id)
    for document_id in document_ids:
        extract_document.delay(document_id=document_id)
    return len(entry_ids) + len(document_ids)
