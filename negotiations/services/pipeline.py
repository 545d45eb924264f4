"""The ingestion pipeline: source → entries → documents → statements.

Every step claims its row with a conditional UPDATE, keeps its state in the database and is
safe to run twice: a retry, a second worker or a worker killed mid-step never duplicates or
loses anything (unique constraints catch the races the claims do not).
"""

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from negotiations.enums import DocumentState, EntryState, SaidOnSource, SourceKind
from negotiations.extraction import EXTRACTOR_VERSION, ExtractedStatement, extract
from negotiations.ingest.dedup import (
    NEAR_DUPLICATE_THRESHOLD,
    canonicalize_url,
    content_hash,
    minhash_signature,
    most_similar,
)
from negotiations.ingest.errors import SitemapError, plain_error
from negotiations.ingest.feeds import FeedError, parse_feed
from negotiations.ingest.fetch import FetchError, FetchResult
from negotiations.ingest.files import read_articles
from negotiations.ingest.pages import ArticleContent, extract_article
from negotiations.ingest.sitemaps import ParsedSitemap, parse_sitemap
from negotiations.ingest.text import decode_html
from negotiations.models import Citation, Document, FeedEntry, Negotiation, Source, Statement, StatementIssue
from negotiations.services import fetching, training
from negotiations.services import sources as source_services
from negotiations.services.registry import registry_for

logger = logging.getLogger(__name__)

MAX_ENTRY_ATTEMPTS = 5
NEAR_DUPLICATE_WINDOW = dt.timedelta(days=3)
NEAR_DUPLICATE_CANDIDATES = 500
MIN_DOCUMENT_CHARACTERS = 40
SITEMAP_INDEX_CHILDREN = 3  # the newest sitemaps of an index that are read at each poll
MAX_WAITING_RETRIED = 2000  # per synchronous run
# A row waiting this long has no retry pending (task countdowns stay under 30 minutes): re-queue it.
WAITING_LIMIT = dt.timedelta(minutes=35)


class TransientPipelineError(Exception):
    """Worth retrying later (network trouble, a busy server, the politeness delay)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class PipelineSummary:
    entries_seen: int = 0
    entries_new: int = 0
    documents_new: int = 0
    documents_duplicate: int = 0
    documents_failed: int = 0
    statements_extracted: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: "PipelineSummary") -> None:
        for name in (
            "entries_seen",
            "entries_new",
            "documents_new",
            "documents_duplicate",
            "documents_failed",
            "statements_extracted",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)

    def line(self) -> str:
        """The one-line summary the commands print."""
        return (
            f"entries seen: {self.entries_seen} (new: {self.entries_new}); "
            f"documents new: {self.documents_new}, duplicate: {self.documents_duplicate}, "
            f"failed: {self.documents_failed}; statements extracted: {self.statements_extracted}"
        )

    def as_text(self) -> str:
        """The summary line, then one line per warning and error."""
        lines = [self.line()]
        lines += [f"warning: {warning}" for warning in self.warnings]
        lines += [f"error: {error}" for error in self.errors]
        return "\n".join(lines)


@dataclass
class EntryItem:
    guid: str
    url: str = ""
    title: str = ""
    published_at: dt.datetime | None = None
    inline_text: str = ""


# --- Step 1: a source's new entries -------------------------------------------------------------


def discover_entries(*, source: Source) -> tuple[list[int], PipelineSummary, FetchResult | None]:
    """Read the source and store its entries; returns the ids of entries not seen before."""
    summary = PipelineSummary()
    result = None
    if source.kind == SourceKind.FILE:
        items, errors = _file_items(source)
        if errors and not items:
            raise FileSourceError(f"nothing readable: {errors[0]}" + _more(errors))
        # A bad record does not stop the rest of the file: it is counted as a failed document.
        summary.errors.extend(errors)
        summary.documents_failed += len(errors)
    elif source.kind == SourceKind.PAGE:
        items = [EntryItem(guid=source.url, url=source.url)]
    else:
        result = fetching.fetch_url(
            source.url, etag=source.etag or None, last_modified=source.last_modified or None
        )
        if result.not_modified:
            return [], summary, result
        if source.kind == SourceKind.RSS:
            items, warnings = _feed_items(source, result)
        else:
            items, warnings = _sitemap_items(result)
        summary.warnings.extend(f"{source}: {warning}" for warning in warnings)
    summary.entries_seen = len(items)
    new_ids = _store_entries(source, items)
    summary.entries_new = len(new_ids)
    return new_ids, summary, result


class FileSourceError(ValueError):
    """A file source with nothing readable in it."""


def _more(errors: list[str]) -> str:
    return f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""


def _feed_items(source: Source, result: FetchResult) -> tuple[list[EntryItem], list[str]]:
    feed = parse_feed(
        result.content, url=result.final_url, content_type=result.headers.get("content-type", "")
    )
    items, warnings = [], list(feed.warnings)
    unreadable = 0
    for entry in feed.entries:
        link = entry.link or ""
        # An entry without a web page may carry its article itself (content:encoded, a long summary).
        inline = "" if link else (entry.content or entry.summary or "")
        if not link and len(inline) < MIN_DOCUMENT_CHARACTERS:
            unreadable += 1
            continue
        items.append(
            EntryItem(
                guid=entry.guid[:2048],
                url=link[:2048],
                title=entry.title or "",
                published_at=entry.published,
                inline_text=inline,
            )
        )
    if unreadable:
        entries = "entry" if unreadable == 1 else "entries"
        warnings.append(f"skipped {unreadable} {entries} with neither a link nor text")
    return items, warnings


def _sitemap_items(result: FetchResult) -> tuple[list[EntryItem], list[str]]:
    sitemap = parse_sitemap(result.content, url=result.final_url)
    if not sitemap.is_index:
        return _sitemap_articles(sitemap), list(sitemap.warnings)
    return _index_items(sitemap)


def _index_items(index: ParsedSitemap) -> tuple[list[EntryItem], list[str]]:
    """The articles of the newest sitemaps an index lists (news sites keep years of monthly sitemaps;
    only the latest hold new articles). One level only: an index inside an index is not followed."""
    warnings = list(index.warnings)
    children = list(index.entries)
    if any(child.lastmod for child in children):
        oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
        children.sort(key=lambda child: child.lastmod or oldest, reverse=True)
    elif len(children) > SITEMAP_INDEX_CHILDREN:
        warnings.append(f"the sitemap index gives no dates: read the first {SITEMAP_INDEX_CHILDREN} it lists")
    items: list[EntryItem] = []
    for child in children[:SITEMAP_INDEX_CHILDREN]:
        try:
            sitemap = parse_sitemap(fetching.fetch_url(child.url).content, url=child.url)
        except (FetchError, SitemapError) as exc:
            warnings.append(f"sitemap {child.url} skipped: {_describe(exc)}")
            continue
        if sitemap.is_index:
            warnings.append(f"sitemap {child.url} skipped: an index inside an index is not followed")
            continue
        warnings.extend(f"sitemap {child.url}: {warning}" for warning in sitemap.warnings)
        items.extend(_sitemap_articles(sitemap))
    if not items and children:
        raise SitemapError("none of the sitemaps the index lists could be read: " + "; ".join(warnings))
    return items, warnings


def _sitemap_articles(sitemap: ParsedSitemap) -> list[EntryItem]:
    items = []
    for entry in sitemap.entries:
        published = entry.published
        if isinstance(published, dt.date) and not isinstance(published, dt.datetime):
            published = dt.datetime.combine(published, dt.time(12), tzinfo=dt.UTC)
        items.append(
            EntryItem(
                guid=entry.url[:2048], url=entry.url[:2048], title=entry.title or "", published_at=published
            )
        )
    return items


def _file_items(source: Source) -> tuple[list[EntryItem], list[str]]:
    items, errors = [], []
    for record in read_articles(source.url):
        if record.error:
            errors.append(record.error)
            continue
        article = record.article
        published = article.published
        if isinstance(published, dt.date) and not isinstance(published, dt.datetime):
            published = dt.datetime.combine(published, dt.time(12), tzinfo=dt.UTC)
        items.append(
            EntryItem(
                guid=record.external_id[:2048],
                url=(article.canonical_url or record.url or "")[:2048],
                title=article.title or "",
                published_at=published,
                inline_text=article.text,
            )
        )
    return items, errors


def _store_entries(source: Source, items: list[EntryItem]) -> list[int]:
    known = set(
        FeedEntry.objects.filter(source=source, guid__in=[item.guid for item in items]).values_list(
            "guid", flat=True
        )
    )
    new_ids = []
    for item in items:
        if item.guid in known:
            continue
        known.add(item.guid)
        try:
            with transaction.atomic():
                entry = FeedEntry.objects.create(
                    source=source,
                    guid=item.guid,
                    url=item.url,
                    title=item.title[:2000],
                    published_at=item.published_at,
                    inline_text=item.inline_text,
                )
        except IntegrityError:
            continue  # another worker stored it first
        new_ids.append(entry.pk)
    return new_ids


def poll_source(*, source_id: int) -> tuple[list[int], PipelineSummary]:
    """Poll one source, recording its health; returns the new entry ids for the fetch step."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return [], PipelineSummary(errors=[f"source {source_id} does not exist"])
    if not source_services.claim_source(source_id=source_id):
        return [], PipelineSummary(errors=[f"{source}: another poll is running"])
    try:
        new_ids, summary, result = discover_entries(source=source)
    except (FetchError, FeedError, SitemapError, OSError, ValueError) as exc:
        permanent = getattr(exc, "reason", "") in {"blocked_address", "bad_scheme"}
        source_services.record_poll_failure(source=source, error=_describe(exc), permanent=permanent)
        return [], PipelineSummary(errors=[f"{source}: {_describe(exc)}"])
    except Exception:
        source_services.release_source(source=source)
        raise
    source_services.record_poll_success(
        source=source,
        etag=(result.etag or "") if result else "",
        last_modified=(result.last_modified or "") if result else "",
        warning="; ".join(summary.warnings + summary.errors),
    )
    return new_ids, summary


def _describe(exc: Exception) -> str:
    """Plain words for the sources page and the entry's record ("The server answered 404 Not Found")."""
    return plain_error(exc, timeout_seconds=settings.FETCH_TIMEOUT_SECONDS)


# --- Step 2: an entry's article -----------------------------------------------------------------


def fetch_entry(
    *, entry_id: int, wait_for_politeness: bool = False, claim_token: str = ""
) -> tuple[str, int | None]:
    """Fetch and store one entry's article. Returns (outcome, document id): outcome is one of
    "new", "duplicate", "failed", "skipped" (already done, or held by another worker).

    `claim_token` names the caller (a Celery task id): a redelivery of the same task, after its
    worker died holding the entry, takes the entry over instead of waiting for the sweeper.
    """
    now = timezone.now()
    claimable = Q(state=EntryState.NEW)
    if claim_token:
        claimable |= Q(state=EntryState.FETCHING, claim_token=claim_token)
    claimed = FeedEntry.objects.filter(claimable, pk=entry_id).update(
        state=EntryState.FETCHING, claimed_at=now, claim_token=claim_token, attempts=F("attempts") + 1
    )
    entry = FeedEntry.objects.select_related("source").filter(pk=entry_id).first()
    if entry is None:
        return "skipped", None
    if not claimed:
        return "skipped", entry.document_id

    try:
        article, raw_html = _article_for(entry, wait_for_politeness=wait_for_politeness)
    except FetchError as exc:
        if exc.permanent or entry.attempts >= MAX_ENTRY_ATTEMPTS:
            _finish_entry(entry, EntryState.FAILED, error=_describe(exc))
            return "failed", None
        _finish_entry(entry, EntryState.NEW, error=_describe(exc))
        raise TransientPipelineError(_describe(exc), retry_after=getattr(exc, "retry_after", None)) from exc
    except TransientPipelineError as exc:
        _finish_entry(entry, EntryState.NEW, error=str(exc), attempts_back=True)
        raise
    except DatabaseError:
        raise  # the database is away: the entry stays claimed, and the sweeper puts it back
    except Exception as exc:
        _finish_entry(entry, EntryState.FAILED, error=f"could not read the article: {exc}")
        logger.exception("entry %s failed", entry_id)
        return "failed", None

    if len(article.text.strip()) < MIN_DOCUMENT_CHARACTERS:
        _finish_entry(entry, EntryState.FAILED, error="no article text found on the page")
        return "failed", None

    document, created = store_article(
        source=entry.source,
        article=article,
        url=entry.url,
        raw_html=raw_html,
        fallback_published=entry.published_at,
        fallback_title=entry.title,
    )
    ours = created or _left_by_an_interrupted_attempt(document, entry)
    _finish_entry(entry, EntryState.DONE if ours else EntryState.DUPLICATE, document=document)
    if ours:
        source = entry.source
        type(source).objects.filter(pk=source.pk).update(documents_found=F("documents_found") + 1)
    return ("new" if ours else "duplicate"), document.pk


def _left_by_an_interrupted_attempt(document: Document, entry: FeedEntry) -> bool:
    """A document of the entry's source that no entry owns: an earlier attempt at this entry stored it,
    then lost its worker or its database connection before recording the entry as done. The retry takes
    it over (and queues its extraction again) instead of calling it a duplicate of itself."""
    return (
        document.source_id == entry.source_id
        and not FeedEntry.objects.filter(document=document).exclude(pk=entry.pk).exists()
    )


def _finish_entry(
    entry: FeedEntry,
    state: str,
    *,
    error: str = "",
    document: Document | None = None,
    attempts_back: bool = False,
) -> None:
    entry.state = state
    entry.error = error[:2000]
    entry.document = document or entry.document
    entry.claimed_at = None
    entry.claim_token = ""
    fields = ["state", "error", "document", "claimed_at", "claim_token", "updated_at"]
    if attempts_back:
        entry.attempts = max(entry.attempts - 1, 0)
        fields.append("attempts")
    entry.save(update_fields=fields)


def _article_for(entry: FeedEntry, *, wait_for_politeness: bool) -> tuple[ArticleContent, str]:
    if entry.inline_text:
        published = entry.published_at.date() if entry.published_at else None
        return ArticleContent(
            title=entry.title,
            text=entry.inline_text,
            published=published,
            canonical_url=entry.url,
            language="",
        ), ""
    fetching.wait_for_domain(entry.url, block=wait_for_politeness)
    result = fetching.fetch_page(entry.url)
    # Decoded once (BOM, HTTP charset, <meta charset>, detection): the text and the stored raw HTML agree.
    html = decode_html(result.content, encoding_hint=result.encoding) if result.content else ""
    article = extract_article(html, url=result.final_url)
    return article, html


def _as_datetime(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else value.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(value, dt.time(12), tzinfo=dt.UTC)


def store_article(
    *,
    source: Source | None,
    article: ArticleContent,
    url: str,
    raw_html: str = "",
    fallback_published: dt.datetime | None = None,
    fallback_title: str = "",
) -> tuple[Document, bool]:
    """Store an article unless it is already known (same canonical URL, same text, or nearly the same
    text, as the same wire story on two sites); a duplicate adds its URL to the document kept."""
    canonical = (
        canonicalize_url(article.canonical_url or url or "") or f"urn:parley:{content_hash(article.text)}"
    )
    digest = content_hash(article.text)
    published = _as_datetime(article.published) or fallback_published
    if published and fallback_published and fallback_published.date() == published.date():
        published = fallback_published  # the same day, and the feed knows the time
    existing = Document.objects.filter(Q(canonical_url=canonical) | Q(content_hash=digest)).first()
    signature = minhash_signature(article.text)
    if existing is None:
        existing = _near_duplicate(signature, published)
    if existing is not None:
        _add_alternate_url(existing, url or canonical)
        return existing, False
    document = Document(
        source=source,
        url=url or canonical,
        canonical_url=canonical,
        title=(article.title or fallback_title or "")[:2000],
        author=(getattr(article, "author", "") or "")[:300],
        published_at=published,
        text=article.text,
        content_hash=digest,
        minhash=signature,
        language=article.language or "",
    )
    document.raw_html = raw_html
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Another worker stored the same article a moment ago.
        winner = Document.objects.filter(Q(canonical_url=canonical) | Q(content_hash=digest)).first()
        if winner is None:
            raise
        _add_alternate_url(winner, url or canonical)
        return winner, False
    return document, True


def _near_duplicate(signature: bytes, published: dt.datetime | None) -> Document | None:
    candidates = Document.objects.exclude(minhash=None)
    if published:
        candidates = candidates.filter(
            published_at__gte=published - NEAR_DUPLICATE_WINDOW,
            published_at__lte=published + NEAR_DUPLICATE_WINDOW,
        )
    rows = list(candidates.order_by("-id").values_list("id", "minhash")[:NEAR_DUPLICATE_CANDIDATES])
    index, score = most_similar(signature, [bytes(minhash) for _, minhash in rows])
    if score >= NEAR_DUPLICATE_THRESHOLD:
        return Document.objects.get(pk=rows[index][0])
    return None


def _add_alternate_url(document: Document, url: str) -> None:
    if not url or url in (document.url, document.canonical_url) or url in document.alternate_urls:
        return
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if url not in locked.alternate_urls:
            locked.alternate_urls = [*locked.alternate_urls, url]
            locked.save(update_fields=["alternate_urls"])


# --- Step 3: a document's statements ------------------------------------------------------------


def extract_document(*, document_id: int, force: bool = False, claim_token: str = "") -> int:
    """Extract statements from a stored document; returns how many it carries afterwards.

    With `force`, a document already extracted is extracted again (reprocess). Statements an
    editor touched are never changed or deleted. `claim_token` as for `fetch_entry`.
    """
    allowed = [DocumentState.PENDING, DocumentState.FAILED]
    if force:
        allowed += [DocumentState.EXTRACTED]
    claimable = Q(state__in=allowed)
    if claim_token:
        claimable |= Q(state=DocumentState.EXTRACTING, claim_token=claim_token)
    claimed = Document.objects.filter(claimable, pk=document_id).update(
        state=DocumentState.EXTRACTING, claimed_at=timezone.now(), claim_token=claim_token
    )
    if not claimed:
        return 0
    document = Document.objects.select_related("source__negotiation").get(pk=document_id)
    negotiation = (document.source and document.source.negotiation) or source_services.default_negotiation()
    if negotiation is None:
        _finish_document(document, DocumentState.FAILED, error="no negotiation to file its statements under")
        return 0
    try:
        published = document.published_at.date() if document.published_at else None
        extracted = extract(
            document.text, published=published, registry=registry_for(negotiation=negotiation)
        )
        count = save_statements(document=document, negotiation=negotiation, extracted=extracted)
        # The rules proposed; a classifier trained on editors' verifications, where it beat them, decides.
        training.relabel_with_classifier(negotiation=negotiation, document_id=document.pk)
    except Exception as exc:
        _finish_document(document, DocumentState.FAILED, error=f"extraction failed: {exc}")
        raise
    _finish_document(document, DocumentState.EXTRACTED)
    return count


def _finish_document(document: Document, state: str, *, error: str = "") -> None:
    document.state = state
    document.error = error[:2000]
    document.claimed_at = None
    document.claim_token = ""
    fields = ["state", "error", "claimed_at", "claim_token"]
    if state == DocumentState.EXTRACTED:
        document.extractor_version = EXTRACTOR_VERSION
        document.extracted_at = timezone.now()
        fields += ["extractor_version", "extracted_at"]
    document.save(update_fields=fields)


_QUOTE_NORMALIZER = re.compile(r"[\W_]+", re.UNICODE)


def statement_fingerprint(*, speaker_key: str, quote: str) -> str:
    """Same speaker, same words (case, punctuation and quote marks aside): the same utterance."""
    words = _QUOTE_NORMALIZER.sub(" ", quote.lower()).strip()
    return hashlib.sha256(f"{speaker_key.lower()}|{words}".encode()).hexdigest()


@transaction.atomic
def save_statements(
    *, document: Document, negotiation: Negotiation, extracted: list[ExtractedStatement]
) -> int:
    """Store what the extractor found in a document: one statement per utterance (found by its
    fingerprint, however many documents carry it), its stances, and a citation in this document.

    Statements an editor touched keep every field and stance; untouched ones follow the extractor.
    Statements this document alone supported and the extractor no longer finds are deleted (unless
    touched). Only what changed is written, and only the position cells it affects are refreshed.
    """
    from actors.models import Actor
    from negotiations.models import Issue
    from negotiations.services.alerts import record_shifts
    from negotiations.services.positions import refresh_positions

    actors = {
        actor.slug: actor
        for actor in Actor.objects.filter(slug__in={s.actor_slug for s in extracted if s.actor_slug})
    }
    issues = {issue.slug: issue for issue in Issue.objects.filter(negotiation=negotiation)}
    prepared = []
    for item in extracted:
        actor = actors.get(item.actor_slug or "")
        speaker_key = actor.slug if actor else (item.speaker_name or item.speaker_text)
        prepared.append((statement_fingerprint(speaker_key=speaker_key, quote=item.quote), item, actor))
    known = {
        statement.fingerprint: statement
        for statement in Statement.objects.filter(
            negotiation=negotiation, fingerprint__in={fingerprint for fingerprint, _, _ in prepared}
        ).prefetch_related("stances")
    }
    issue_slugs = {issue.pk: slug for slug, issue in issues.items()}
    # Each statement's stances by issue slug, kept up to date below instead of read again.
    stances_of: dict[int, dict[str, StatementIssue]] = {
        statement.pk: {
            issue_slugs.get(stance.issue_id, str(stance.issue_id)): stance
            for stance in statement.stances.all()
        }
        for statement in known.values()
    }
    before = set(Statement.objects.filter(citations__document=document).values_list("pk", flat=True))
    cited = set(Citation.objects.filter(document=document).values_list("statement_id", "start"))
    touched_pairs: set[tuple[int, int]] = set()
    touched_days: set[dt.date] = set()
    kept: set[int] = set()
    new_citations: list[Citation] = []

    for fingerprint, item, actor in prepared:
        said_on, said_on_source = _said_on(item, document)
        statement = known.get(fingerprint)
        created = False
        if statement is None:
            statement, created = Statement.objects.get_or_create(
                negotiation=negotiation,
                fingerprint=fingerprint,
                defaults={
                    "actor": actor,
                    "speaker_text": item.speaker_text[:300],
                    "speaker_name": item.speaker_name[:300],
                    "speaker_title": (item.speaker_title or "")[:300],
                    "anonymous": item.anonymous,
                    "quote": item.quote,
                    "kind": item.kind,
                    "said_on": said_on,
                    "said_on_source": said_on_source,
                    "confidence": _clamp(item.confidence),
                    "extractor_version": EXTRACTOR_VERSION,
                },
            )
            known[fingerprint] = statement
            if created:
                stances_of[statement.pk] = {}
            else:
                stances_of[statement.pk] = {
                    issue_slugs.get(stance.issue_id, str(stance.issue_id)): stance
                    for stance in statement.stances.all()
                }
        changed = created
        previous_actor_id, previous_said_on = statement.actor_id, statement.said_on
        affected_issues: set[int] = set()
        if not created and not statement.editor_touched:
            changed |= _refresh_machine_fields(statement, item, actor, said_on, said_on_source)
        if created or not statement.editor_touched:
            affected_issues = _replace_stances(statement, item, issues, stances_of[statement.pk])
            changed |= bool(affected_issues)
        if (statement.pk, item.start) not in cited:
            cited.add((statement.pk, item.start))
            new_citations.append(
                Citation(
                    statement=statement,
                    document=document,
                    start=item.start,
                    end=item.end,
                    speaker_text=item.speaker_text[:300],
                )
            )
            changed = True  # a new citation is new evidence for the statement's position cells
        kept.add(statement.pk)
        if changed:
            touched_days |= {previous_said_on, statement.said_on}
            issue_ids = affected_issues | {stance.issue_id for stance in stances_of[statement.pk].values()}
            touched_pairs.update(
                (actor_id, issue_id)
                for actor_id in {previous_actor_id, statement.actor_id} - {None}
                for issue_id in issue_ids
            )
    Citation.objects.bulk_create(new_citations, ignore_conflicts=True)

    for stale in Statement.objects.filter(pk__in=before - kept).prefetch_related("stances"):
        if stale.editor_touched:
            continue
        if stale.actor_id:
            touched_pairs.update((stale.actor_id, stance.issue_id) for stance in stale.stances.all())
            touched_days.add(stale.said_on)
        Citation.objects.filter(statement=stale, document=document).delete()
        if not stale.citations.exists():
            stale.delete()

    if touched_pairs:
        refresh_positions(pairs=touched_pairs, since=min(touched_days))
        # New machine statements can change a stance too: followers hear of it as of an editor's change.
        record_shifts(pairs=touched_pairs)
    return len(kept)


def _said_on(item: ExtractedStatement, document: Document) -> tuple[dt.date, str]:
    if item.said_on:
        return item.said_on, SaidOnSource.TEXT
    day = document.published_at or document.fetched_at or timezone.now()
    return day.date(), SaidOnSource.PUBLISHED


def _clamp(value: float) -> float:
    return min(max(float(value), 0.0), 1.0)


def _refresh_machine_fields(
    statement: Statement, item: ExtractedStatement, actor, said_on, said_on_source
) -> bool:
    """Bring an untouched statement up to date with the extractor; True if anything changed (then saved,
    with its version raised, so that an editor's form opened before refuses to overwrite it)."""
    values = {
        "actor_id": actor.pk if actor else None,
        "speaker_text": item.speaker_text[:300],
        "speaker_name": item.speaker_name[:300],
        "speaker_title": (item.speaker_title or "")[:300],
        "anonymous": item.anonymous,
        "kind": item.kind,
        **_merged_said_on(statement, said_on, said_on_source),
        "confidence": max(statement.confidence, _clamp(item.confidence)),
        "extractor_version": EXTRACTOR_VERSION,
    }
    if all(getattr(statement, name) == value for name, value in values.items()):
        return False
    for name, value in values.items():
        setattr(statement, name, value)
    statement.version += 1
    statement.save()
    return True


def _merged_said_on(statement: Statement, said_on: dt.date, said_on_source: str) -> dict:
    """When an utterance was made, as best several documents tell: a date the text states beats a
    publication date; between two of a kind, the earlier (a later article repeats an older quote)."""
    ranks = {SaidOnSource.TEXT: 0, SaidOnSource.PUBLISHED: 1}
    old = (ranks.get(statement.said_on_source, 0), statement.said_on)
    new = (ranks.get(said_on_source, 1), said_on)
    if statement.said_on_source == SaidOnSource.EDITOR or old <= new:
        return {"said_on": statement.said_on, "said_on_source": statement.said_on_source}
    return {"said_on": said_on, "said_on_source": said_on_source}


def _replace_stances(
    statement: Statement, item: ExtractedStatement, issues: dict, current: dict[str, StatementIssue]
) -> set[int]:
    """Make the statement's stances what the extractor says. `current` (its stances by issue slug) is
    updated in place. Returns the issues whose stance was added, changed or removed."""
    wanted = {
        slug: (value.stance, _clamp(value.confidence))
        for slug, value in item.issues.items()
        if slug in issues
    }
    if {slug: (row.stance, row.confidence) for slug, row in current.items()} == wanted:
        return set()
    affected: set[int] = set()
    removed = [slug for slug in current if slug not in wanted]
    if removed:
        affected.update(current[slug].issue_id for slug in removed)
        StatementIssue.objects.filter(pk__in=[current.pop(slug).pk for slug in removed]).delete()
    to_update, to_create = [], []
    for slug, (stance, confidence) in wanted.items():
        row = current.get(slug)
        if row is None:
            row = StatementIssue(
                statement=statement, issue=issues[slug], stance=stance, confidence=confidence
            )
            to_create.append(row)
            current[slug] = row
        elif (row.stance, row.confidence) != (stance, confidence):
            row.stance, row.confidence = stance, confidence
            to_update.append(row)
        else:
            continue
        affected.add(issues[slug].pk)
    StatementIssue.objects.bulk_update(to_update, ["stance", "confidence"])
    StatementIssue.objects.bulk_create(to_create)
    return affected


# --- Whole runs, for the commands and the demo ---------------------------------------------------


def run_source_sync(*, source: Source, progress=None) -> PipelineSummary:
    """Poll a source and push its new entries, and those still waiting from earlier polls, through
    the whole pipeline in this process."""
    entry_ids, summary = poll_source(source_id=source.pk)
    entry_ids = entry_ids + waiting_entry_ids(source_id=source.pk, exclude=entry_ids)
    summary.add(process_entries_sync(entry_ids=entry_ids, progress=progress))
    return summary


def waiting_entry_ids(*, source_id: int, exclude: list[int] = ()) -> list[int]:
    """Entries of a source still waiting for their article (a busy server, a rate limit, a lost task):
    a synchronous run retries them, so it needs no worker to catch up."""
    waiting = FeedEntry.objects.filter(source_id=source_id, state=EntryState.NEW).exclude(pk__in=exclude)
    return list(waiting.order_by("pk").values_list("pk", flat=True)[:MAX_WAITING_RETRIED])


def process_entries_sync(*, entry_ids: list[int], progress=None) -> PipelineSummary:
    summary = PipelineSummary()
    for entry_id in entry_ids:
        try:
            outcome, document_id = fetch_entry(entry_id=entry_id, wait_for_politeness=True)
        except TransientPipelineError as exc:
            summary.documents_failed += 1
            entry = FeedEntry.objects.filter(pk=entry_id).first()
            where = (entry.url or entry.guid) if entry else f"entry {entry_id}"
            summary.errors.append(f"{where}: {exc} (tried again on the next poll)")
            outcome, document_id = "failed", None
        if outcome == "new":
            summary.documents_new += 1
            summary.statements_extracted += extract_document(document_id=document_id)
        elif outcome == "duplicate":
            summary.documents_duplicate += 1
        elif outcome == "failed":
            entry = FeedEntry.objects.filter(pk=entry_id).first()
            if entry is not None and entry.state == EntryState.FAILED:
                summary.documents_failed += 1
                summary.errors.append(f"{entry.url or entry.guid}: {entry.error}")
        if progress is not None:
            progress(1)
    return summary


def waiting_work_of_source(*, source_id: int) -> tuple[list[int], list[int]]:
    """The source's entries to fetch and documents to extract, for an in-process run where nothing else works on
    them: rows claimed by attempts that have ended are put back first, so that they are tried again at once
    rather than after the sweeper's delay. Returns (entry ids, document ids)."""
    _put_back(FeedEntry.objects.filter(source_id=source_id), Document.objects.filter(source_id=source_id))
    entries = FeedEntry.objects.filter(source_id=source_id, state=EntryState.NEW).values_list("pk", flat=True)
    documents = Document.objects.filter(source_id=source_id, state=DocumentState.PENDING).values_list(
        "pk", flat=True
    )
    return list(entries), list(documents)


def _put_back(entries: QuerySet[FeedEntry], documents: QuerySet[Document]) -> None:
    """The claimed ones among these rows back to waiting, for the next attempt to claim."""
    entries.filter(state=EntryState.FETCHING).update(state=EntryState.NEW, claimed_at=None, claim_token="")
    documents.filter(state=DocumentState.EXTRACTING).update(
        state=DocumentState.PENDING, claimed_at=None, claim_token=""
    )


def requeue_stuck(
    *, older_than: dt.timedelta = dt.timedelta(minutes=15), waiting_longer_than: dt.timedelta = WAITING_LIMIT
) -> tuple[list[int], list[int]]:
    """Put back rows a dead worker left in a working state (claimed more than `older_than` ago, longer
    than any task may run), and find rows waiting with no task in flight (untouched for longer than any
    retry countdown: the message was lost, or never sent while the broker was away). Returns the
    (entry ids, document ids) to queue again."""
    now = timezone.now()
    cutoff = now - older_than
    waiting_cutoff = now - waiting_longer_than
    entries = list(
        FeedEntry.objects.filter(state=EntryState.FETCHING, claimed_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
    documents = list(
        Document.objects.filter(state=DocumentState.EXTRACTING, claimed_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
    _put_back(FeedEntry.objects.filter(pk__in=entries), Document.objects.filter(pk__in=documents))
    # Entries and documents waiting with no task in flight (a lost message) are re-queued too.
    waiting_entries = FeedEntry.objects.filter(
        state=EntryState.NEW, updated_at__lt=waiting_cutoff
    ).values_list("pk", flat=True)
    waiting_documents = Document.objects.filter(
        state=DocumentState.PENDING, fetched_at__lt=waiting_cutoff
    ).values_list("pk", flat=True)
    return sorted(set(entries) | set(waiting_entries[:1000])), sorted(
        set(documents) | set(waiting_documents[:1000])
    )
