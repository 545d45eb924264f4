"""Reads for editors and admins: the review queue, one statement's review row, source health.

Kept apart from `selectors.py` (the analyst pages' reads) so the two can change independently. Every
function runs a fixed number of queries, whatever the data size.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from actors.models import Actor
from negotiations.enums import DocumentState, EntryState, ReviewState
from negotiations.models import (
    Citation,
    Document,
    Event,
    FeedEntry,
    Issue,
    Negotiation,
    Note,
    Source,
    Statement,
    StatementIssue,
)
from negotiations.selectors import Passage, passage

QUEUE_PAGE_SIZE = 25
COUNT_CAP = 10_000  # counting a million unreviewed rows takes seconds; "10,000+" says enough
QUEUE_STATES = {
    "unreviewed": [ReviewState.UNREVIEWED],
    "reviewed": [ReviewState.ACCEPTED, ReviewState.CORRECTED],
    "rejected": [ReviewState.REJECTED],
    "all": list(ReviewState.values),
}


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass
class QueueFilters:
    """The queue's filters, read from and written back to the URL; bad values are ignored."""

    negotiation: str = ""
    actor: str = ""
    issue: str = ""
    source: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    state: str = "unreviewed"
    speaker: str = ""  # "unknown": only statements whose speaker is not a known actor

    @classmethod
    def from_query(cls, query: QueryDict) -> "QueueFilters":
        source = query.get("source", "")
        state = query.get("state", "unreviewed")
        return cls(
            negotiation=query.get("negotiation", "")[:120],
            actor=query.get("actor", "")[:120],
            issue=query.get("issue", "")[:120],
            source=int(source) if source.isdigit() else None,
            date_from=_date(query.get("from")),
            date_to=_date(query.get("to")),
            state=state if state in QUEUE_STATES else "unreviewed",
            speaker="unknown" if query.get("speaker") == "unknown" else "",
        )

    def as_query(self) -> str:
        query = QueryDict(mutable=True)
        for key, value in (
            ("negotiation", self.negotiation),
            ("actor", self.actor),
            ("issue", self.issue),
            ("source", self.source or ""),
            ("from", self.date_from.isoformat() if self.date_from else ""),
            ("to", self.date_to.isoformat() if self.date_to else ""),
            ("state", "" if self.state == "unreviewed" else self.state),
            ("speaker", self.speaker),
        ):
            if value:
                query[key] = str(value)
        return query.urlencode()

    def statements(self) -> QuerySet[Statement]:
        wanted = Q(review_state__in=QUEUE_STATES[self.state], merged_into__isnull=True)
        if self.negotiation:
            wanted &= Q(negotiation__slug=self.negotiation)
        if self.actor:
            wanted &= Q(actor__slug=self.actor) | Q(actor__party__slug=self.actor)
        if self.issue:
            wanted &= Q(
                Exists(StatementIssue.objects.filter(statement=OuterRef("pk"), issue__slug=self.issue))
            )
        if self.source:
            wanted &= Q(
                Exists(Citation.objects.filter(statement=OuterRef("pk"), document__source_id=self.source))
            )
        if self.date_from:
            wanted &= Q(said_on__gte=self.date_from)
        if self.date_to:
            wanted &= Q(said_on__lte=self.date_to)
        if self.speaker == "unknown":
            wanted &= Q(actor__isnull=True)
        return Statement.objects.filter(wanted)


@dataclass
class ReviewRow:
    """One statement as the queue shows it: the quote in its paragraph and where it came from."""

    statement: Statement
    citation: Citation | None
    passage: Passage | None
    stances: list[StatementIssue]
    notes: list[Note]
    citation_count: int
    message: str = ""
    level: str = "info"
    undo_entry_id: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def unknown_speaker(self) -> bool:
        return self.statement.actor_id is None


def _with_review_context(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    return statements.select_related("actor__party", "negotiation", "reviewed_by").prefetch_related(
        Prefetch(
            "stances",
            queryset=StatementIssue.objects.select_related("issue").order_by("issue__position"),
        ),
        Prefetch(
            "citations",
            queryset=Citation.objects.select_related("document__source").order_by(
                "document__published_at", "id"
            ),
        ),
        Prefetch("notes", queryset=Note.objects.select_related("author").order_by("created_at")),
    )


def review_row(statement: Statement) -> ReviewRow:
    citations = list(statement.citations.all())
    first = citations[0] if citations else None
    return ReviewRow(
        statement=statement,
        citation=first,
        passage=passage(first.document.text, first.start, first.end, context=300) if first else None,
        stances=list(statement.stances.all()),
        notes=list(statement.notes.all()),
        citation_count=len(citations),
    )


def review_row_for(pk: int) -> ReviewRow:
    """One statement's row, fresh from the database (after an action, or to refuse a stale one)."""
    return review_row(_with_review_context(Statement.objects.filter(pk=pk)).get())


@dataclass
class QueuePage:
    rows: list[ReviewRow]
    total: int
    page: int
    pages: int

    @property
    def capped(self) -> bool:
        return self.total > COUNT_CAP


def capped_count(statements: QuerySet[Statement], cap: int | None = None) -> int:
    """The number of statements, counted up to cap + 1 (an index-only scan stops there)."""
    cap = COUNT_CAP if cap is None else cap
    return statements.order_by().values("pk")[: cap + 1].count()


def queue_bounds(*, filters: QueueFilters, page: int = 1, size: int | None = None) -> QueuePage:
    """The queue's count and the page brought within range, without its rows (the count after an action)."""
    size = size or QUEUE_PAGE_SIZE  # read when called, so a test may shrink the page
    total = capped_count(filters.statements())
    pages = max(1, -(-total // size))
    return QueuePage(rows=[], total=total, page=max(1, min(page, pages)), pages=pages)


def review_queue(*, filters: QueueFilters, page: int = 1, size: int | None = None) -> QueuePage:
    """Statements to review, the least confident first (then the oldest), one page of them."""
    size = size or QUEUE_PAGE_SIZE
    queue = queue_bounds(filters=filters, page=page, size=size)
    ordered = _with_review_context(filters.statements().order_by("confidence", "said_on", "id"))
    queue.rows = [review_row(statement) for statement in ordered[(queue.page - 1) * size : queue.page * size]]
    return queue


@dataclass
class QueueChoices:
    """What the filter form and the row forms offer."""

    negotiations: list[Negotiation]
    actors: list[Actor]
    issues: list[Issue]
    sources: list[Source]
    events: list[Event]


def queue_choices() -> QueueChoices:
    return QueueChoices(
        negotiations=list(Negotiation.objects.order_by("name")),
        actors=list(Actor.objects.select_related("party").order_by("name")),
        issues=list(Issue.objects.select_related("negotiation").order_by("negotiation", "position")),
        sources=list(Source.objects.order_by("name").only("pk", "name")),
        events=list(
            Event.objects.order_by("-date", "-id").only("pk", "title", "date", "negotiation_id")[:300]
        ),
    )


# Sources ------------------------------------------------------------------------------------------------


@dataclass
class SourceHealth:
    source: Source
    documents_week: int
    statements_week: int


def source_health(*, now: dt.datetime | None = None) -> list[SourceHealth]:
    """Every source with its documents and statements of the last seven days; three queries."""
    now = now or timezone.now()
    week_ago = now - dt.timedelta(days=7)
    sources = list(Source.objects.select_related("negotiation").order_by("name"))
    documents = dict(
        Document.objects.filter(fetched_at__gte=week_ago, source__isnull=False)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    statements = dict(
        Citation.objects.filter(created_at__gte=week_ago, document__source__isnull=False)
        .values("document__source_id")
        .annotate(n=Count("statement_id", distinct=True))
        .values_list("document__source_id", "n")
    )
    return [
        SourceHealth(
            source=source,
            documents_week=documents.get(source.pk, 0),
            statements_week=statements.get(source.pk, 0),
        )
        for source in sources
    ]


@dataclass
class FetchProgress:
    """How far a "fetch now" has come, read from the pipeline's own rows."""

    source: Source
    since: dt.datetime
    polling: bool
    polled: bool
    entries: dict[str, int]
    documents: dict[str, int]
    statements: int

    @property
    def entries_total(self) -> int:
        return sum(self.entries.values())

    @property
    def entries_finished(self) -> int:
        return sum(
            n for state, n in self.entries.items() if state not in (EntryState.NEW, EntryState.FETCHING)
        )

    @property
    def duplicates(self) -> int:
        """Items whose article was already stored (the same file uploaded again, a wire story seen elsewhere)."""
        return self.entries.get(EntryState.DUPLICATE, 0)

    @property
    def documents_total(self) -> int:
        return sum(self.documents.values())

    @property
    def documents_finished(self) -> int:
        return sum(
            n
            for state, n in self.documents.items()
            if state not in (DocumentState.PENDING, DocumentState.EXTRACTING)
        )

    @property
    def done(self) -> bool:
        return (
            self.polled
            and not self.polling
            and self.entries_finished == self.entries_total
            and self.documents_finished == self.documents_total
        )

    @property
    def percent(self) -> int:
        if self.done:
            return 100
        if not self.polled:
            return 5
        steps = self.entries_total + self.documents_total
        finished = self.entries_finished + self.documents_finished
        return 10 + int(85 * finished / steps) if steps else 50


def duplicate_entries(*, source: Source) -> int:
    """How many of the source's items led to an article already stored: its "documents found" counts only
    new ones, and an upload of a file seen before would otherwise look as if it found nothing."""
    return FeedEntry.objects.filter(source=source, state=EntryState.DUPLICATE).count()


def fetch_progress(*, source: Source, since: dt.datetime) -> FetchProgress:
    entries = FeedEntry.objects.filter(source=source).filter(
        Q(created_at__gte=since) | Q(updated_at__gte=since)
    )
    entry_states = dict(entries.values("state").annotate(n=Count("id")).values_list("state", "n"))
    documents = Document.objects.filter(
        Q(entries__in=entries) | Q(source=source, fetched_at__gte=since)
    ).distinct()
    document_states = dict(
        Document.objects.filter(pk__in=documents.values("pk"))
        .values("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    statements = (
        Citation.objects.filter(document__in=documents.values("pk"), created_at__gte=since)
        .values("statement_id")
        .distinct()
        .count()
    )
    return FetchProgress(
        source=source,
        since=since,
        polling=source.polling_since is not None,
        polled=bool(source.last_polled_at and source.last_polled_at >= since),
        entries=entry_states,
        documents=document_states,
        statements=statements,
    )
