"""Reads for the analyst pages. Every function runs a fixed number of queries, whatever the data size."""

import dataclasses
import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Window,
)
from django.db.models.functions import Left

from actors.models import Actor
from negotiations.enums import STANCE_SCORES, ReviewState, Stance
from negotiations.models import (
    ActorEvidence,
    AuditLog,
    Citation,
    Document,
    Event,
    Issue,
    Negotiation,
    Position,
    PositionScope,
    Shift,
    Source,
    Statement,
    StatementIssue,
)
from negotiations.services.positions import REVIEWED_STATES, counted_stances, shifted_recently

MATRIX_ROW_LIMIT = 40
MATRIX_PARTY_ROW_LIMIT = 200
TIMELINE_PAGE_SIZE = 30
SEARCH_LIMIT = 20
SEARCH_CONFIG = "english"
DOCUMENT_SEARCH_CHARS = 100_000


# What changes whenever the data behind the analyst pages changes: every write to positions deletes and
# inserts rows (new ids), new statements and documents get new ids, every editorial action writes an audit
# row, and actors and events carry `updated_at`.
DATA_VERSION_FIELDS = {
    "positions": (Position, "id"),
    "statements": (Statement, "id"),
    "audit": (AuditLog, "id"),
    "actors": (Actor, "updated_at"),
    "events": (Event, "updated_at"),
    "documents": (Document, "id"),
}


def with_data_version(queryset: QuerySet) -> QuerySet:
    """The query a page makes anyway, carrying the data version along (six index or small-table probes,
    no extra query); read it with `data_version`."""
    return queryset.annotate(
        **{
            f"version_{name}": Subquery(model.objects.order_by(f"-{column}").values(column)[:1])
            for name, (model, column) in DATA_VERSION_FIELDS.items()
        }
    )


def data_version(obj) -> str:
    """A token that changes whenever the data changes, from an object loaded `with_data_version`.

    Two writers committing out of id order can leave it unchanged for the later commit: fragments cached
    under it also expire after ten minutes (views/fragments.py), which bounds that case.
    """
    return "|".join(str(getattr(obj, f"version_{name}")) for name in DATA_VERSION_FIELDS)


def current_negotiation(*, with_version: bool = False) -> Negotiation | None:
    negotiations = with_data_version(Negotiation.objects) if with_version else Negotiation.objects
    return negotiations.order_by("-started_on", "-pk").first()


def speaking_for(party: Actor) -> QuerySet[Actor]:
    """The party and the actors whose chain of `party` links reaches it (three levels deep)."""
    return Actor.objects.filter(Q(pk=party.pk) | Q(party=party) | Q(party__party=party))


def is_top_party() -> Q:
    """Actors others speak for that speak for no one else: they head a group rather than fill a row."""
    return Q(party__isnull=True) & Q(Exists(Actor.objects.filter(party=OuterRef("pk"))))


def side_of(actor: Actor) -> Actor:
    """The top of the actor's party chain, from objects already loaded with select_related("party__party")."""
    if actor.party_id is None:
        return actor
    party = actor.party
    return party.party if party.party_id and party.party_id != actor.pk else party


def citations_with_sources() -> QuerySet[Citation]:
    """Citations with their document and source, without the article's text and raw HTML (a card shows
    the source's name, the title and the link; loading whole articles for 30 cards costs megabytes)."""
    return (
        Citation.objects.select_related("document__source")
        .defer("document__text", "document__raw_compressed", "document__minhash")
        .order_by("id")
    )


# Prefetched into plain lists (`to_attr`): prefetching into `statement.stances.all()` makes a filtered
# queryset per statement, a query clone each, which cost more than the two queries that load them all.
STANCES_ATTR, CITATIONS_ATTR = "prefetched_stances", "prefetched_citations"


def statements_with_provenance(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    """Everything a statement card shows, in three queries for any number of statements; read the stances
    and citations with `stances_of` and `citations_of`."""
    return statements.select_related("actor__party").prefetch_related(
        Prefetch(
            "stances",
            queryset=StatementIssue.objects.select_related("issue").order_by("issue__position"),
            to_attr=STANCES_ATTR,
        ),
        Prefetch("citations", queryset=citations_with_sources(), to_attr=CITATIONS_ATTR),
    )


def stances_of(statement: Statement) -> list[StatementIssue]:
    """The statement's stances, issue by issue: prefetched by `statements_with_provenance`, else queried."""
    prefetched = getattr(statement, STANCES_ATTR, None)
    return prefetched if prefetched is not None else list(statement.stances.all())


def citations_of(statement: Statement) -> list[Citation]:
    """The statement's citations with their documents: prefetched (`CITATIONS_ATTR`), else queried."""
    prefetched = getattr(statement, CITATIONS_ATTR, None)
    return prefetched if prefetched is not None else list(statement.citations.all())


# Positions at a date ------------------------------------------------------------------------------------


@dataclass(slots=True)
class CellPosition:
    """The Position row deciding a cell at a date, with the columns the pages show: a plain object, since
    a matrix reads over a thousand of them and a model instance costs ten times more to make."""

    actor_id: int
    issue_id: int
    scope: str
    valid_from: dt.date
    stance: str
    confidence: float
    reviewed: bool
    statement_id: int | None
    statement_count: int
    source_count: int
    previous_stance: str
    stance_since: dt.date


CELL_POSITION_FIELDS = [field.name for field in dataclasses.fields(CellPosition)]


@dataclass(frozen=True)
class Cell:
    """One matrix cell at a date, as the page shows it."""

    position: CellPosition
    as_of: dt.date

    @property
    def stance(self) -> str:
        return self.position.stance

    @property
    def stance_label(self) -> str:
        return Stance(self.position.stance).label

    @property
    def previous_stance_label(self) -> str:
        return Stance(self.position.previous_stance).label if self.position.previous_stance else ""

    @property
    def shifted(self) -> bool:
        return shifted_recently(
            previous_stance=self.position.previous_stance,
            stance_since=self.position.stance_since,
            as_of=self.as_of,
        )

    @property
    def confidence_percent(self) -> int:
        return round(self.position.confidence * 100)


def positions_as_of(
    *,
    subjects: Iterable[tuple[int, str]],
    issue_ids: Sequence[int],
    as_of: dt.date,
    reviewed_only: bool,
) -> dict[tuple[int, str, int], CellPosition]:
    """The position of each (actor_id, scope) on each issue at `as_of`, keyed (actor_id, scope, issue_id).

    One query. On PostgreSQL, one index probe per cell (LATERAL ... LIMIT 1 on the unique index); elsewhere,
    the portable form using the validity range of each row.
    """
    subjects = list(dict.fromkeys(subjects))
    if not subjects or not issue_ids:
        return {}
    if connection.vendor == "postgresql":
        columns = ", ".join(f"p.{connection.ops.quote_name(name)}" for name in CELL_POSITION_FIELDS)
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                SELECT {columns} FROM unnest(%s::bigint[], %s::text[]) AS s(actor_id, scope)
                CROSS JOIN unnest(%s::bigint[]) AS i(issue_id)
                CROSS JOIN LATERAL (
                    SELECT * FROM {Position._meta.db_table} p
                    WHERE p.actor_id = s.actor_id AND p.issue_id = i.issue_id AND p.scope = s.scope
                      AND p.reviewed_only = %s AND p.valid_from <= %s
                    ORDER BY p.valid_from DESC LIMIT 1
                ) p
                """,
                [
                    [actor_id for actor_id, _ in subjects],
                    [scope for _, scope in subjects],
                    list(issue_ids),
                    reviewed_only,
                    as_of,
                ],
            )
            rows = cursor.fetchall()
    else:
        by_scope = defaultdict(list)
        for actor_id, scope in subjects:
            by_scope[scope].append(actor_id)
        wanted = Q()
        for scope, actor_ids in by_scope.items():
            wanted |= Q(scope=scope, actor_id__in=actor_ids)
        rows = (
            Position.objects.filter(
                wanted, issue_id__in=issue_ids, reviewed_only=reviewed_only, valid_from__lte=as_of
            )
            .filter(Q(valid_until__gt=as_of) | Q(valid_until__isnull=True))
            .values_list(*CELL_POSITION_FIELDS)
        )
    positions = [CellPosition(*row) for row in rows]
    return {(position.actor_id, position.scope, position.issue_id): position for position in positions}


# The matrix ---------------------------------------------------------------------------------------------


@dataclass
class MatrixRow:
    actor: Actor
    scope: str
    cells: list[Cell | None]
    evidence: "CellEvidence | None" = None  # the open cell's statements (the no-JavaScript path)
    cells_html: str = ""  # built by the view, like:
    html: str = ""  # the whole row

    @property
    def key(self) -> str:
        """Identifies the row in the DOM and in the `cell` query parameter."""
        return f"{self.scope}-{self.actor.slug}"


@dataclass
class MatrixGroup:
    party: Actor | None
    party_row: MatrixRow | None
    rows: list[MatrixRow] = field(default_factory=list)


@dataclass
class Matrix:
    negotiation: Negotiation
    issues: list[Issue]
    groups: list[MatrixGroup]
    as_of: dt.date
    reviewed_only: bool
    shown_actors: int
    total_actors: int

    @property
    def truncated(self) -> bool:
        return self.shown_actors < self.total_actors

    @property
    def is_empty(self) -> bool:
        """No cell has a stance: nothing was said yet (at this date, with these filters)."""
        return not any(cell for row in self.all_rows for cell in row.cells)

    @property
    def all_rows(self) -> list[MatrixRow]:
        return [
            row
            for group in self.groups
            for row in ([group.party_row] if group.party_row else []) + group.rows
        ]


def matrix_issues(*, negotiation: Negotiation, slugs: Sequence[str] = ()) -> list[Issue]:
    issues = negotiation.issues.order_by("position", "name")
    return list(issues.filter(slug__in=slugs) if slugs else issues)


SPEAKER_CHOICES = 300


def most_quoted_speakers(
    *, negotiation: Negotiation, limit: int = SPEAKER_CHOICES, keep: Sequence[Actor | None] = ()
) -> list[tuple[str, str]]:
    """(slug, name) of the `limit` speakers with the most counted statements today, by name, plus `keep`:
    the choices of the speaker menus, which would otherwise list every actor ever seen. One query."""
    ranked = (
        ActorEvidence.objects.filter(negotiation=negotiation, reviewed_only=False)
        .order_by("-statement_count", "actor__slug")
        .values_list("actor__slug", "actor__name")[:limit]
    )
    choices = dict(ranked)
    choices |= {actor.slug: actor.name for actor in keep if actor is not None}
    return sorted(choices.items(), key=lambda choice: choice[1])


def negotiation_parties(*, negotiation: Negotiation) -> list[Actor]:
    return list(negotiation.parties.order_by("name"))


def stance_matrix(
    *,
    negotiation: Negotiation,
    as_of: dt.date,
    reviewed_only: bool = False,
    issues: list[Issue],
    parties: list[Actor],
    party: Actor | None = None,
    kinds: Sequence[str] = (),
    limit: int | None = None,
    every_issue: bool = False,
) -> Matrix:
    """Actors grouped by party, × issues, at `as_of`: the most quoted actors first, `limit` of them.

    Rows stay the same when `as_of` changes (they are ranked by their evidence today on the issues shown),
    so replaying history does not reorder the table. `every_issue` says `issues` are all the negotiation's:
    the ranking then reads each actor's total. Four queries.
    """
    limit = limit or (MATRIX_PARTY_ROW_LIMIT if party else MATRIX_ROW_LIMIT)
    issue_ids = [issue.pk for issue in issues]
    top = _ranked_speakers(
        negotiation=negotiation,
        issue_ids=None if every_issue else issue_ids,
        reviewed_only=reviewed_only,
        parties=parties,
        party=party,
        kinds=kinds,
        limit=limit,
    )
    total = top[0][1] if top else 0
    loaded = Actor.objects.select_related("party__party").in_bulk([pk for pk, _ in top])
    actors = [loaded[pk] for pk, _ in top]

    sides = {actor.pk: side_of(actor) for actor in actors}
    shown_parties = [p for p in parties if party is None or p.pk == party.pk]
    for side in sides.values():
        if side.pk not in {p.pk for p in shown_parties} and side.pk not in sides:
            shown_parties.append(side)
    subjects = [(actor.pk, PositionScope.ACTOR) for actor in actors]
    subjects += [(p.pk, PositionScope.PARTY) for p in shown_parties]
    positions = positions_as_of(
        subjects=subjects, issue_ids=issue_ids, as_of=as_of, reviewed_only=reviewed_only
    )

    def row(actor: Actor, scope: str) -> MatrixRow:
        cells = [positions.get((actor.pk, scope, issue.pk)) for issue in issues]
        return MatrixRow(
            actor=actor, scope=scope, cells=[Cell(position=p, as_of=as_of) if p else None for p in cells]
        )

    groups = {p.pk: MatrixGroup(party=p, party_row=row(p, PositionScope.PARTY)) for p in shown_parties}
    independents = MatrixGroup(party=None, party_row=None)
    for actor in actors:
        side = sides[actor.pk]
        group = groups.get(side.pk) if side.pk != actor.pk else None
        (group or independents).rows.append(row(actor, PositionScope.ACTOR))
    # Parties keep the order of their most quoted member, so replaying dates never reorders the table.
    first_member = {}
    for index, actor in enumerate(actors):
        first_member.setdefault(sides[actor.pk].pk, index)
    ordered = sorted(groups.values(), key=lambda g: (first_member.get(g.party.pk, len(actors)), g.party.name))
    if independents.rows:
        ordered.append(independents)
    return Matrix(
        negotiation=negotiation,
        issues=issues,
        groups=ordered,
        as_of=as_of,
        reviewed_only=reviewed_only,
        shown_actors=len(actors),
        total_actors=total,
    )


def _ranked_speakers(
    *,
    negotiation: Negotiation,
    issue_ids: Sequence[int] | None,
    reviewed_only: bool,
    parties: list[Actor],
    party: Actor | None,
    kinds: Sequence[str],
    limit: int,
) -> list[tuple[int, int]]:
    """(actor id, number of actors ranked) of the `limit` actors with the most counted statements today on
    these issues (None: on every issue), parties aside."""
    if issue_ids is None:
        ranked = Actor.objects.filter(
            evidence__negotiation=negotiation, evidence__reviewed_only=reviewed_only
        ).annotate(evidence_count=F("evidence__statement_count"))
    else:
        ranked = Actor.objects.filter(
            positions__negotiation=negotiation,
            positions__scope=PositionScope.ACTOR,
            positions__reviewed_only=reviewed_only,
            positions__valid_until__isnull=True,
            positions__issue__in=issue_ids,
        ).annotate(evidence_count=Sum("positions__statement_count"))
    ranked = ranked.exclude(pk__in=[p.pk for p in parties]).exclude(is_top_party())
    if party is not None:
        ranked = ranked.filter(pk__in=speaking_for(party).values("pk"))
    if kinds:
        ranked = ranked.filter(kind__in=kinds)
    # Ids only (the count of every row rides along as a window); the few actors shown are loaded with their
    # parties afterwards: joining the parties into the aggregate triples its work.
    ranked = ranked.annotate(total=Window(Count("pk")))
    return list(ranked.order_by("-evidence_count", "name").values_list("pk", "total")[:limit])


@dataclass
class CellEvidence:
    actor: Actor
    issue: Issue
    scope: str
    cell: Cell | None
    stances: list[StatementIssue]

    @property
    def speakers(self) -> list[Actor]:
        """Who said the statements listed, most recent first, each once."""
        seen: dict[int, Actor] = {}
        for stance in self.stances:
            if stance.statement.actor_id is not None:
                seen.setdefault(stance.statement.actor_id, stance.statement.actor)
        return list(seen.values())


def cell_evidence(
    *, actor: Actor, issue: Issue, scope: str, as_of: dt.date, reviewed_only: bool, limit: int = 20
) -> CellEvidence:
    """The counted statements behind one cell, newest first, with their sources. Six queries."""
    position = positions_as_of(
        subjects=[(actor.pk, scope)], issue_ids=[issue.pk], as_of=as_of, reviewed_only=reviewed_only
    ).get((actor.pk, scope, issue.pk))
    speakers = speaking_for(actor).values("pk") if scope == PositionScope.PARTY else [actor.pk]
    stances = StatementIssue.objects.filter(
        issue=issue, statement__actor__in=speakers, statement__said_on__lte=as_of
    )
    # The cell's history counts its statements up to each day: after the newest day that leaves at least
    # `limit` of them to come lie the `limit` newest, so a party with tens of thousands of statements reads
    # only its last day or two (a party says dozens a day on an issue).
    if position is not None and position.statement_count > limit:
        before_newest = (
            Position.objects.filter(
                actor=actor,
                issue=issue,
                scope=scope,
                reviewed_only=reviewed_only,
                valid_from__lte=as_of,
                statement_count__lte=position.statement_count - limit,
            )
            .order_by("-valid_from")
            .values_list("valid_from", flat=True)
            .first()
        )
        if before_newest is not None:
            stances = stances.filter(statement__said_on__gt=before_newest)
    stances = counted_stances(stances, reviewed_only=reviewed_only)
    stances = stances.select_related("statement__actor").prefetch_related(
        Prefetch("statement__citations", queryset=citations_with_sources(), to_attr=CITATIONS_ATTR)
    )
    return CellEvidence(
        actor=actor,
        issue=issue,
        scope=scope,
        cell=Cell(position=position, as_of=as_of) if position else None,
        stances=list(stances.order_by("-statement__said_on", "-statement_id")[:limit]),
    )


# The timeline -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    """A keyset position in the timeline: items strictly older than (day, rank, id) come next.

    Within a day, events come before statements (rank 1 before rank 0), then newer ids first.
    """

    day: dt.date
    rank: int
    id: int

    EVENT, STATEMENT = 1, 0

    def __str__(self) -> str:
        return f"{self.day.isoformat()}.{self.rank}.{self.id}"

    @classmethod
    def parse(cls, value: str | None) -> "Cursor | None":
        try:
            day, rank, pk = (value or "").split(".")
            cursor = cls(day=dt.date.fromisoformat(day), rank=int(rank), id=int(pk))
        except ValueError:
            return None
        return cursor if cursor.rank in (cls.EVENT, cls.STATEMENT) else None


@dataclass(frozen=True)
class TimelineFilters:
    negotiation: Negotiation
    actor: Actor | None = None
    party: Actor | None = None
    issue: Issue | None = None
    stance: str = ""
    source: Source | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    reviewed_only: bool = False
    kind: str = ""  # "", "statements" or "events"
    query: str = ""

    @property
    def wants_events(self) -> bool:
        """Events have no stance, source or review state: filtering on those shows statements only."""
        excluded = self.stance or self.source or self.reviewed_only or self.query
        return self.kind in ("", "events") and not excluded

    @property
    def wants_statements(self) -> bool:
        return self.kind in ("", "statements")


def timeline_statements(filters: TimelineFilters) -> QuerySet[Statement]:
    """Statements matching the filters (not rejected, not merged away), newest first."""
    statements = Statement.objects.filter(negotiation=filters.negotiation, merged_into__isnull=True).exclude(
        review_state=ReviewState.REJECTED
    )
    if filters.actor:
        statements = statements.filter(actor=filters.actor)
    if filters.party:
        statements = statements.filter(actor__in=speaking_for(filters.party).values("pk"))
    if filters.issue or filters.stance:
        stances = StatementIssue.objects.filter(statement=OuterRef("pk"))
        if filters.issue:
            stances = stances.filter(issue=filters.issue)
        if filters.stance:
            stances = stances.filter(stance=filters.stance)
        statements = statements.filter(Exists(stances))
    if filters.source:
        statements = statements.filter(
            Exists(Citation.objects.filter(statement=OuterRef("pk"), document__source=filters.source))
        )
    if filters.since:
        statements = statements.filter(said_on__gte=filters.since)
    if filters.until:
        statements = statements.filter(said_on__lte=filters.until)
    if filters.reviewed_only:
        statements = statements.filter(review_state__in=REVIEWED_STATES)
    if filters.query:
        statements = with_search_text(statements).filter(statement_text_matches(filters.query))
    return statements.order_by("-said_on", "-id")


@dataclass(frozen=True)
class ShiftFilters:
    negotiation: Negotiation
    actor: Actor | None = None  # a party brings the shifts of the actors speaking for it
    issue: Issue | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def negotiation_shifts(filters: ShiftFilters) -> QuerySet[Shift]:
    """A negotiation's recorded stance shifts matching the filters, newest first, with both statements."""
    shifts = Shift.objects.filter(negotiation=filters.negotiation)
    if filters.actor:
        shifts = shifts.filter(actor__in=speaking_for(filters.actor).values("pk"))
    if filters.issue:
        shifts = shifts.filter(issue=filters.issue)
    if filters.since:
        shifts = shifts.filter(shifted_on__gte=filters.since)
    if filters.until:
        shifts = shifts.filter(shifted_on__lte=filters.until)
    return shifts.select_related("actor", "issue", "negotiation", "from_statement", "to_statement").order_by(
        "-shifted_on", "-id"
    )


def shifting_actors(*, negotiation: Negotiation) -> list[Actor]:
    """The actors a negotiation's shift filter offers: those with a shift, and the parties they speak for."""
    shifted = Shift.objects.filter(negotiation=negotiation)
    wanted = Q(pk__in=shifted.values("actor_id"))
    wanted |= Q(pk__in=shifted.values("actor__party_id")) | Q(pk__in=shifted.values("actor__party__party_id"))
    return list(Actor.objects.filter(wanted).order_by("name"))


def timeline_events(filters: TimelineFilters) -> QuerySet[Event]:
    events = Event.objects.filter(negotiation=filters.negotiation)
    if filters.actor:
        events = events.filter(
            Exists(Event.participants.through.objects.filter(event=OuterRef("pk"), actor=filters.actor))
        )
    if filters.party:
        events = events.filter(
            Exists(
                Event.participants.through.objects.filter(
                    event=OuterRef("pk"), actor__in=speaking_for(filters.party).values("pk")
                )
            )
        )
    if filters.issue:
        events = events.filter(
            Exists(Event.issues.through.objects.filter(event=OuterRef("pk"), issue=filters.issue))
        )
    if filters.since:
        events = events.filter(date__gte=filters.since)
    if filters.until:
        events = events.filter(date__lte=filters.until)
    return events.order_by("-date", "-id")


@dataclass(frozen=True)
class TimelineItem:
    day: dt.date
    rank: int
    object: Statement | Event

    @property
    def is_event(self) -> bool:
        return self.rank == Cursor.EVENT

    @property
    def cursor(self) -> Cursor:
        return Cursor(day=self.day, rank=self.rank, id=self.object.pk)


@dataclass
class TimelinePage:
    items: list[TimelineItem]
    next_cursor: Cursor | None
    continues_day: dt.date | None = None


def timeline_page(
    *, filters: TimelineFilters, cursor: Cursor | None = None, size: int = TIMELINE_PAGE_SIZE
) -> TimelinePage:
    """One page of statements and events, newest first, after `cursor` (keyset: no OFFSET). Six queries."""
    items: list[TimelineItem] = []
    if filters.wants_statements:
        statements = timeline_statements(filters)
        if cursor:
            statements = statements.filter(said_on__lte=cursor.day)
            if cursor.rank == Cursor.STATEMENT:
                statements = statements.exclude(said_on=cursor.day, id__gte=cursor.id)
        items += [
            TimelineItem(day=s.said_on, rank=Cursor.STATEMENT, object=s)
            for s in statements_with_provenance(statements)[: size + 1]
        ]
    if filters.wants_events:
        events = timeline_events(filters)
        if len(items) > size:
            # A page's worth of statements: an event before the last one's day ranks after all of them, so
            # it cannot reach this page (on a busy day, that is every event fetched but one or two).
            events = events.filter(date__gte=items[-1].day)
        if cursor:
            events = events.filter(date__lte=cursor.day)
            if cursor.rank == Cursor.EVENT:
                events = events.exclude(date=cursor.day, id__gte=cursor.id)
            else:
                events = events.exclude(date=cursor.day)
        events = events.prefetch_related(  # into lists, like statements' (see STANCES_ATTR)
            Prefetch(
                "participants", queryset=Actor.objects.order_by("name"), to_attr="prefetched_participants"
            ),
            Prefetch("issues", queryset=Issue.objects.order_by("position"), to_attr="prefetched_issues"),
        )
        items += [TimelineItem(day=e.date, rank=Cursor.EVENT, object=e) for e in events[: size + 1]]
    items.sort(key=lambda item: (item.day, item.rank, item.object.pk), reverse=True)
    page, more = items[:size], len(items) > size
    return TimelinePage(
        items=page,
        next_cursor=page[-1].cursor if more and page else None,
        continues_day=cursor.day if cursor else None,
    )


# Search -------------------------------------------------------------------------------------------------


def statement_text_matches(query: str) -> Q:
    """Quotes and speakers matching `query`: full-text search on PostgreSQL, substrings elsewhere.

    The PostgreSQL form matches the GIN index of migration 0004 expression for expression.
    """
    if connection.vendor == "postgresql":
        return Q(search_text=SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch"))
    return Q(quote__icontains=query) | Q(speaker_name__icontains=query) | Q(speaker_text__icontains=query)


def with_search_text(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    if connection.vendor == "postgresql":
        return statements.alias(search_text=statement_search_vector())
    return statements


def statement_search_vector() -> SearchVector:
    return SearchVector("speaker_name", "quote", config=SEARCH_CONFIG)


def document_search_vector() -> SearchVector:
    # A tsvector holds at most 1 MB: the head of a long text is searched, and no document fails to save.
    return SearchVector("title", Left("text", DOCUMENT_SEARCH_CHARS), config=SEARCH_CONFIG)


@dataclass
class SearchResults:
    query: str
    actors: list[Actor]
    statements: list[Statement]
    documents: list[Document]


def search(*, query: str, negotiation: Negotiation | None, limit: int = SEARCH_LIMIT) -> SearchResults:
    """Actors by name or alias, statements by quote or speaker, documents by title or text. Six queries."""
    query = query.strip()
    if not query:
        return SearchResults(query="", actors=[], statements=[], documents=[])
    actors = Actor.objects.filter(
        Q(name__icontains=query) | Q(pk__in=Actor.objects.filter(aliases__name__icontains=query).values("pk"))
    ).select_related("party")
    statements = Statement.objects.filter(merged_into__isnull=True).exclude(review_state=ReviewState.REJECTED)
    if negotiation is not None:
        statements = statements.filter(negotiation=negotiation)
    statements = (
        with_search_text(statements).filter(statement_text_matches(query)).order_by("-said_on", "-id")
    )
    if connection.vendor == "postgresql":
        documents = Document.objects.alias(search_text=document_search_vector()).filter(
            search_text=SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        )
    else:
        documents = Document.objects.filter(Q(title__icontains=query) | Q(text__icontains=query))
    return SearchResults(
        query=query,
        actors=list(actors.order_by("name")[:limit]),
        statements=list(statements_with_provenance(statements)[:limit]),
        documents=list(
            documents.select_related("source")
            .order_by("-published_at", "-id")
            .defer("text", "raw_compressed", "minhash")[:limit]
        ),
    )


# Compare ------------------------------------------------------------------------------------------------


DISTANCE_WORDS = ((0.0, "agree"), (0.5, "close"), (1.0, "apart"), (2.0, "opposed"))


def distance_word(distance: float) -> str:
    return next(word for limit, word in DISTANCE_WORDS if distance <= limit)


def stance_distance(stances: Iterable[str]) -> float | None:
    """How far apart stances are: 0 (the same) to 2 (supports against opposes); None below two stances."""
    scores = [STANCE_SCORES[stance] for stance in stances]  # a stance's value finds its enum member
    return max(scores) - min(scores) if len(scores) >= 2 else None


@dataclass
class Subject:
    """An actor compared as itself, or a party compared with everyone speaking for it."""

    actor: Actor
    scope: str

    @property
    def key(self) -> tuple[int, str]:
        return (self.actor.pk, self.scope)


@dataclass
class GapSeries:
    """The distance between subjects on one issue over time: a step function that changes only on `days`
    (the days one of their stances changed, and the first and last day shown), evaluated only where a
    chart or a trend reads it. A party's stance can change hundreds of times per issue, and a chart draws
    at most a few dozen steps of it."""

    days: list[dt.date]
    histories: list[tuple[list[dt.date], list[float]]]  # per subject: the days its stance changed, its scores

    def at(self, day: dt.date) -> float | None:
        """The distance in effect on `day`: None until at least two subjects have a stance."""
        scores = []
        for days, values in self.histories:
            index = bisect_right(days, day)
            if index:
                scores.append(values[index - 1])
        return max(scores) - min(scores) if len(scores) >= 2 else None


@dataclass
class AverageGapSeries:
    """The mean distance over the issues where it is defined, a step function like each issue's."""

    days: list[dt.date]
    issues: list[GapSeries]

    def at(self, day: dt.date) -> float | None:
        defined = [value for series in self.issues if (value := series.at(day)) is not None]
        return sum(defined) / len(defined) if defined else None


StepSeries = GapSeries | AverageGapSeries


# The days a stance changed, in order, and the stance taken each day: two lists rather than a list of
# (day, stance) pairs, since thousands of small tuples a page wake the garbage collector.
StanceHistory = tuple[list[dt.date], list[str]]
NO_HISTORY: StanceHistory = ([], [])


def gap_series(histories: list[StanceHistory], *, start: dt.date, end: dt.date) -> GapSeries:
    """The distance between the subjects whose stance `histories` are given, up to `end`."""
    kept = []
    for days, stances in histories:
        count = bisect_right(days, end)
        kept.append((days[:count], [STANCE_SCORES[stance] for stance in stances[:count]]))
    return GapSeries(days=sorted({start, end}.union(*(days for days, _ in kept))), histories=kept)


def average_gap_series(all_series: list[GapSeries]) -> AverageGapSeries:
    days = {day for series in all_series for day in series.days}
    return AverageGapSeries(days=sorted(days), issues=all_series)


@dataclass
class ComparisonRow:
    issue: Issue
    cells: list[Cell | None]
    statements: list[Statement | None]
    distance: float | None
    series: GapSeries

    @property
    def verdict(self) -> str:
        return distance_word(self.distance) if self.distance is not None else "not comparable yet"

    @property
    def entries(self) -> list[tuple[Cell | None, Statement | None]]:
        return list(zip(self.cells, self.statements, strict=True))


@dataclass
class Comparison:
    subjects: list[Subject]
    rows: list[ComparisonRow]
    as_of: dt.date
    start: dt.date
    average_series: AverageGapSeries


def compare_subjects(*, negotiation: Negotiation, slugs: Sequence[str]) -> list[Subject]:
    """Parties (listed in the negotiation, or spoken for by others) compare as parties. One query."""
    listed = negotiation.parties.filter(pk=OuterRef("pk"))
    actors = Actor.objects.filter(slug__in=slugs).annotate(
        is_party=ExpressionWrapper(Q(Exists(listed)) | is_top_party(), output_field=BooleanField())
    )
    by_slug = {actor.slug: actor for actor in actors}
    return [
        Subject(
            actor=by_slug[slug], scope=PositionScope.PARTY if by_slug[slug].is_party else PositionScope.ACTOR
        )
        for slug in dict.fromkeys(slugs)
        if slug in by_slug
    ]


def comparison(
    *,
    negotiation: Negotiation,
    subjects: list[Subject],
    issues: list[Issue],
    as_of: dt.date,
    reviewed_only: bool,
) -> Comparison:
    """Stances side by side per issue, the deciding quotes, and the distance between them over time.

    Four queries: positions at the date, their statements and sources, and the stance changes of the history.
    """
    keys = [subject.key for subject in subjects]
    issue_ids = [issue.pk for issue in issues]
    positions = positions_as_of(subjects=keys, issue_ids=issue_ids, as_of=as_of, reviewed_only=reviewed_only)
    statement_ids = {p.statement_id for p in positions.values() if p.statement_id}
    # The table shows a deciding statement's words, speaker, day and first source: not its stances.
    deciding = Statement.objects.filter(pk__in=statement_ids).select_related("actor")
    deciding = deciding.prefetch_related(
        Prefetch("citations", queryset=citations_with_sources(), to_attr=CITATIONS_ATTR)
    )
    statements = {s.pk: s for s in deciding}
    changes = _stance_changes(keys=keys, issue_ids=issue_ids, as_of=as_of, reviewed_only=reviewed_only)
    start = min((days[0] for days, _ in changes.values() if days), default=None)
    start = min(filter(None, [start, negotiation.started_on])) if (start or negotiation.started_on) else as_of

    rows = []
    for issue in issues:
        cells = [positions.get((*key, issue.pk)) for key in keys]
        histories = [changes.get((*key, issue.pk), NO_HISTORY) for key in keys]
        rows.append(
            ComparisonRow(
                issue=issue,
                cells=[Cell(position=p, as_of=as_of) if p else None for p in cells],
                statements=[statements.get(p.statement_id) if p else None for p in cells],
                distance=stance_distance(p.stance for p in cells if p),
                series=gap_series(histories, start=start, end=as_of),
            )
        )
    return Comparison(
        subjects=subjects,
        rows=rows,
        as_of=as_of,
        start=start,
        average_series=average_gap_series([row.series for row in rows]),
    )


def _stance_changes(
    *, keys: list[tuple[int, str]], issue_ids: list[int], as_of: dt.date, reviewed_only: bool
) -> dict[tuple[int, str, int], StanceHistory]:
    """For each (actor, scope, issue), the days its stance changed, up to `as_of`: all the distance needs."""
    by_scope: defaultdict[str, list[int]] = defaultdict(list)
    for actor_id, scope in keys:
        by_scope[scope].append(actor_id)
    wanted = Q()
    for scope, actor_ids in by_scope.items():  # one IN list per scope: a few index ranges, not twenty ORs
        wanted |= Q(scope=scope, actor_id__in=actor_ids)
    rows = Position.objects.filter(
        wanted,
        issue_id__in=issue_ids,
        reviewed_only=reviewed_only,
        valid_from__lte=as_of,
        stance_since=F("valid_from"),
    )
    return _histories(rows, "actor_id", "scope", "issue_id")


def _histories(rows: QuerySet[Position], *key: str) -> dict[tuple, StanceHistory]:
    """The stance history of the position rows `rows` (stance changes), per value of the `key` columns.

    On PostgreSQL each history comes as two arrays (a few dozen rows instead of thousands to turn into
    Python objects one by one).
    """
    if connection.vendor == "postgresql":
        histories = rows.values_list(*key).annotate(
            days=ArrayAgg("valid_from", order_by="valid_from"),
            stances=ArrayAgg("stance", order_by="valid_from"),
        )
        return {tuple(row[:-2]): (row[-2], row[-1]) for row in histories.order_by()}
    changes: defaultdict[tuple, StanceHistory] = defaultdict(lambda: ([], []))
    for *values, day, stance in rows.order_by("valid_from").values_list(*key, "valid_from", "stance"):
        days, stances = changes[tuple(values)]
        days.append(day)
        stances.append(stance)
    return dict(changes)


# Issue, event and statement pages ---------------------------------------------------------------------------


@dataclass
class IssuePositions:
    issue: Issue
    groups: list[MatrixGroup]
    shifts: list[Position]
    events: list[Event]
    party_histories: list[tuple[Actor, StanceHistory]]
    as_of: dt.date


def issue_positions(
    *, issue: Issue, parties: list[Actor], as_of: dt.date, reviewed_only: bool = False, limit: int = 60
) -> IssuePositions:
    """Every actor's position on one issue (the most quoted `limit`), recent shifts and events. Seven queries."""
    matrix = stance_matrix(
        negotiation=issue.negotiation,
        as_of=as_of,
        reviewed_only=reviewed_only,
        issues=[issue],
        parties=parties,
        limit=limit,
    )
    # One query per scope, so that each walks the (issue, scope, reviewed_only, -valid_from) index backwards
    # and stops after 20 rows, instead of sorting every shift the issue ever had.
    shifts = []
    for scope in PositionScope.values:
        shifts += (
            Position.objects.filter(
                issue=issue,
                scope=scope,
                reviewed_only=reviewed_only,
                valid_from__lte=as_of,
                stance_since=F("valid_from"),
            )
            .exclude(previous_stance="")
            .select_related("actor")  # the statement only as a link: its id is enough
            .order_by("-valid_from", "-id")[:20]
        )
    shifts = sorted(shifts, key=lambda shift: (shift.valid_from, shift.pk), reverse=True)[:20]
    changes = _stance_changes(
        keys=[(party.pk, PositionScope.PARTY) for party in parties],
        issue_ids=[issue.pk],
        as_of=as_of,
        reviewed_only=reviewed_only,
    )
    return IssuePositions(
        issue=issue,
        groups=matrix.groups,
        shifts=shifts,
        events=list(issue.events.order_by("-date", "-id")[:20]),
        party_histories=[
            (party, changes.get((party.pk, PositionScope.PARTY, issue.pk), NO_HISTORY)) for party in parties
        ],
        as_of=as_of,
    )


@dataclass
class EventDetail:
    event: Event
    participants: list[Actor]
    issues: list[Issue]
    documents: list[Document]
    linked: list[Statement]
    said_during: list[Statement]


def event_detail(*, event: Event) -> EventDetail:
    participants = list(event.participants.select_related("party").order_by("name"))
    end = event.end_date or event.date
    said_during = Statement.objects.filter(
        negotiation_id=event.negotiation_id,
        actor__in=[actor.pk for actor in participants],
        said_on__range=(event.date, end + dt.timedelta(days=1)),
        merged_into__isnull=True,
    ).exclude(review_state=ReviewState.REJECTED)
    return EventDetail(
        event=event,
        participants=participants,
        issues=list(event.issues.order_by("position")),
        documents=list(event.documents.select_related("source").defer("text", "raw_compressed", "minhash")),
        linked=list(statements_with_provenance(event.statements.order_by("-said_on", "-id"))[:50]),
        said_during=list(statements_with_provenance(said_during.order_by("-said_on", "-id"))[:20]),
    )


@dataclass(frozen=True)
class Passage:
    """The paragraph of a document around a citation, split so that the quoted span can be highlighted."""

    before: str
    quoted: str
    after: str
    clipped_start: bool
    clipped_end: bool


PASSAGE_CONTEXT = 400


def passage(text: str, start: int, end: int, *, context: int = PASSAGE_CONTEXT) -> Passage:
    """The paragraph holding text[start:end], at most `context` characters either side of the span."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    left = max(paragraph_start, start - context)
    right = min(paragraph_end, end + context)
    return Passage(
        before=text[left:start],
        quoted=text[start:end],
        after=text[end:right],
        clipped_start=left > paragraph_start,
        clipped_end=right < paragraph_end,
    )


@dataclass
class CitedPassage:
    citation: Citation
    passage: Passage


@dataclass
class StatementDetail:
    statement: Statement
    stances: list[StatementIssue]
    citations: list[CitedPassage]
    history: list[AuditLog]
    merged: list[Statement]
    events: list[Event]


def statement_detail(*, statement: Statement) -> StatementDetail:
    citations = statement.citations.select_related("document__source").order_by(
        "document__published_at", "id"
    )
    return StatementDetail(
        statement=statement,
        stances=list(statement.stances.select_related("issue").order_by("issue__position")),
        citations=[
            CitedPassage(citation=c, passage=passage(c.document.text, c.start, c.end)) for c in citations
        ],
        history=list(
            AuditLog.objects.filter(
                Q(statement=statement) | Q(target_type="statement", target_id=statement.pk)
            )
            .select_related("user")
            .order_by("created_at", "id")
        ),
        merged=list(statement.merged.order_by("said_on", "id")),
        events=list(statement.events.order_by("-date")),
    )


# Positions history for charts -------------------------------------------------------------------------------


def stance_runs(
    *, actor: Actor, scope: str, reviewed_only: bool = False, negotiation: Negotiation | None = None
) -> dict[int, StanceHistory]:
    """For each issue, the days the actor's stance changed and the stance it took each day. One query."""
    rows = Position.objects.filter(
        actor=actor, scope=scope, reviewed_only=reviewed_only, stance_since=F("valid_from")
    )
    if negotiation is not None:
        rows = rows.filter(negotiation=negotiation)
    return {issue_id: history for (issue_id,), history in _histories(rows, "issue_id").items()}
