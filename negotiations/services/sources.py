"""Writes about sources: registering them, scheduling polls, recording their health."""

import datetime as dt
import ipaddress
import secrets
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import get_valid_filename

from negotiations.enums import SourceKind
from negotiations.ingest.addresses import is_allowed_address, resolve
from negotiations.ingest.files import MAX_FILE_BYTES, SUPPORTED_SUFFIXES
from negotiations.models import Negotiation, Source

MAX_BACKOFF = dt.timedelta(hours=24)
MAX_UPLOAD_BYTES = MAX_FILE_BYTES  # what the file reader takes of one file
# A poll reads at most four URLs (a sitemap index and three of its sitemaps) of FETCH_TIMEOUT_SECONDS each:
# 80 s by default. A worker killed mid-poll holds its source for no longer than this.
POLL_LEASE = dt.timedelta(minutes=5)


def validate_source_location(*, kind: str, url: str) -> None:
    """A web source needs an http(s) URL; a file source needs a readable file or folder."""
    if kind not in SourceKind.values:
        raise ValidationError(f"Unknown source kind {kind!r}: use one of {', '.join(SourceKind.values)}.")
    if kind == SourceKind.FILE:
        path = Path(url)
        if not path.exists():
            raise ValidationError(f"No file or folder at {url}.")
        if path.is_file() and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise ValidationError(
                f"{path.name}: unsupported file type; use {', '.join(sorted(SUPPORTED_SUFFIXES))} "
                "or a folder of them."
            )
        return
    if len(url) > 2048:
        raise ValidationError("URL longer than 2,048 characters.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValidationError(f"{url!r} is not a valid URL: {exc}.") from exc
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValidationError(f"{url!r} is not an http(s) URL.")
    if parts.username or parts.password:
        raise ValidationError("URLs with a user name or password are refused.")
    _refuse_private_host(parts.hostname, port or (443 if parts.scheme == "https" else 80))


def _refuse_private_host(host: str, port: int) -> None:
    """Refuse at registration what the fetcher would refuse anyway (it checks again on every request)."""
    if settings.FETCH_ALLOW_PRIVATE_NETWORKS:
        return
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError):
            return  # unresolvable now (offline, a typo): the poll will say so
    allowlist = tuple(getattr(settings, "FETCH_PRIVATE_ALLOWLIST", ()))
    for address in addresses:
        if not is_allowed_address(address, allowlist=allowlist):
            raise ValidationError(
                f"{host} is a private or local address ({address}); "
                "set FETCH_ALLOW_PRIVATE_NETWORKS=true to allow it."
            )


def default_negotiation() -> Negotiation | None:
    return Negotiation.objects.order_by("-started_on", "id").first()


def store_upload(*, file_name: str, size: int, chunks: Iterable[bytes]) -> Path:
    """Keep an uploaded file under MEDIA_ROOT/uploads/ for a file source to read; its name is made safe and
    unique, its type and size checked as a fetched page's would be."""
    safe_name = get_valid_filename(Path(file_name).name) or "upload.txt"
    if Path(safe_name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ValidationError(
            f"{safe_name}: unsupported file type; use {', '.join(sorted(SUPPORTED_SUFFIXES))}."
        )
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(f"{safe_name} is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    folder = Path(settings.MEDIA_ROOT) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{timezone.now():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}-{safe_name}"
    with path.open("wb") as destination:
        for chunk in chunks:
            destination.write(chunk)
    return path


class DuplicateSourceError(ValidationError):
    """The address is already a source; `existing` is that source, so the page can link to it."""

    def __init__(self, existing: Source) -> None:
        super().__init__(f"“{existing.url}” is already registered, as the source “{existing.name}”.")
        self.existing = existing


def refuse_registered_url(*, url: str, exclude: Source | None = None) -> None:
    """One source per address, whatever its kind: a second would fetch and count the same articles twice."""
    others = Source.objects.filter(url=url)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if (existing := others.first()) is not None:
        raise DuplicateSourceError(existing)


@transaction.atomic
def create_source(
    *,
    name: str,
    kind: str,
    url: str,
    interval_minutes: int = 60,
    negotiation: Negotiation | None = None,
    language: str = "en",
    reliability: str = "unknown",
) -> Source:
    if kind == SourceKind.FILE:
        url = str(Path(url).resolve())
    validate_source_location(kind=kind, url=url)
    refuse_registered_url(url=url)
    if interval_minutes < 1:
        raise ValidationError("The poll interval must be at least one minute.")
    source = Source(
        name=name,
        kind=kind,
        url=url,
        poll_interval_minutes=interval_minutes,
        negotiation=negotiation or default_negotiation(),
        language=language,
        reliability=reliability,
        next_poll_at=timezone.now(),
    )
    source.full_clean()
    source.save()
    return source


def due_sources(*, now: dt.datetime | None = None) -> QuerySet[Source]:
    now = now or timezone.now()
    return (
        Source.objects.filter(enabled=True, paused_reason="")
        .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
        .filter(Q(polling_since__isnull=True) | Q(polling_since__lt=now - POLL_LEASE))
    )


def reserve_due_sources(*, now: dt.datetime | None = None) -> list[int]:
    """The due sources, each moved out of the schedule for one lease so that beat does not queue it
    again every minute while it waits for a worker. A lost poll makes the source due again after it."""
    now = now or timezone.now()
    reserved = []
    for source_id, next_poll_at in due_sources(now=now).values_list("pk", "next_poll_at"):
        if (
            Source.objects.filter(pk=source_id, next_poll_at=next_poll_at).update(
                next_poll_at=now + POLL_LEASE
            )
            == 1
        ):
            reserved.append(source_id)
    return reserved


def claim_source(*, source_id: int) -> bool:
    """Take the poll lease; only one worker polls a source at a time, and a dead one's lease expires."""
    now = timezone.now()
    claimed = (
        Source.objects.filter(pk=source_id)
        .filter(Q(polling_since__isnull=True) | Q(polling_since__lt=now - POLL_LEASE))
        .update(polling_since=now)
    )
    return claimed == 1


def record_poll_success(
    *, source: Source, new_documents: int = 0, etag: str = "", last_modified: str = "", warning: str = ""
) -> None:
    """A poll that read the source; `warning` keeps what it could not read (a half-broken feed)."""
    now = timezone.now()
    source.last_polled_at = now
    source.last_success_at = now
    source.consecutive_failures = 0
    source.last_error = f"warning: {warning}"[:2000] if warning else ""
    source.polling_since = None
    source.next_poll_at = now + dt.timedelta(minutes=source.poll_interval_minutes)
    source.documents_found += new_documents
    source.etag = etag[:500] or source.etag
    source.last_modified = last_modified[:100] or source.last_modified
    source.save(
        update_fields=[
            "last_polled_at",
            "last_success_at",
            "consecutive_failures",
            "last_error",
            "polling_since",
            "next_poll_at",
            "documents_found",
            "etag",
            "last_modified",
        ]
    )


def record_poll_failure(*, source: Source, error: str, permanent: bool = False) -> None:
    """Back off exponentially; pause after repeated failures with the reason visible in the admin."""
    now = timezone.now()
    source.last_polled_at = now
    source.consecutive_failures += 1
    source.last_error = error[:2000]
    source.polling_since = None
    backoff = dt.timedelta(minutes=source.poll_interval_minutes) * (2 ** min(source.consecutive_failures, 10))
    source.next_poll_at = now + min(backoff, MAX_BACKOFF)
    if permanent or source.consecutive_failures >= settings.SOURCE_MAX_FAILURES:
        source.paused_reason = (
            f"Paused after {source.consecutive_failures} failed poll(s) on {now:%Y-%m-%d %H:%M} UTC: "
            f"{error[:300]}"
        )
    source.save(
        update_fields=[
            "last_polled_at",
            "consecutive_failures",
            "last_error",
            "polling_since",
            "next_poll_at",
            "paused_reason",
        ]
    )


def record_queue_failure(*, source_id: int, error: str) -> None:
    """The poll worked but its work could not be queued: visible in the admin, not a poll failure."""
    Source.objects.filter(pk=source_id).update(last_error=error[:2000])


def release_source(*, source: Source) -> None:
    Source.objects.filter(pk=source.pk).update(polling_since=None)


def pause_source(*, source: Source, reason: str) -> None:
    source.paused_reason = reason or "Paused"
    source.save(update_fields=["paused_reason"])


def resume_source(*, source: Source) -> None:
    source.paused_reason = ""
    source.enabled = True
    source.consecutive_failures = 0
    source.next_poll_at = timezone.now()
    source.save(update_fields=["paused_reason", "enabled", "consecutive_failures", "next_poll_at"])


def request_poll(*, source: Source) -> None:
    """Queue a poll now, whatever the schedule says (the admin's "fetch now")."""
    from negotiations import tasks

    Source.objects.filter(pk=source.pk).update(next_poll_at=timezone.now())
    # If the broker is away the source is simply due: beat queues it once the broker is back.
    transaction.on_commit(lambda: tasks.enqueue(tasks.poll_source, source_id=source.pk))
