"""How a matrix cell's stance is decided, and the table of positions that keeps every cell's history.

The rule is RULE below, in the words the matrix page shows. In code: `is_counted` (1), `position_history`
(2), `day_winner` (3), `refresh_positions` / `rebuild_positions` (4, 5) write the `Position` rows (and each
actor's total of counted statements, `ActorEvidence`, with them), and `counted_stances` is rule 1 as a
database filter, for listing the statements behind a cell.
"""

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Least

from actors.models import Actor
from negotiations.enums import ReviewState
from negotiations.models import ActorEvidence, Citation, Negotiation, Position, StatementIssue
from negotiations.models.positions import PositionScope

CONFIDENCE_FLOOR = 0.4
REVIEWED_STATES = (ReviewState.ACCEPTED, ReviewState.CORRECTED)
SHIFT_WINDOW = dt.timedelta(days=30)
INSERT_BATCH_SIZE = 2000

RULE = (
    "Only counted statements decide a cell: not rejected, not merged into another statement, and, unless an "
    f"editor reviewed it, with a confidence of at least {CONFIDENCE_FLOOR:.0%} (the lower of the confidence "
    "in who said it and in the stance read from it). A reviewed statement counts as certain.",
    "A cell shows the stance of the latest counted statement said on or before the date you look at.",
    "When several were said on the same day, a reviewed statement beats an unreviewed one, then the higher "
    "confidence wins, then the most recently recorded.",
    "A party's row applies the same rule to everyone speaking for the party (the party itself and the people "
    "and bodies whose party it is).",
    "“Reviewed only” applies the same rule to the statements an editor accepted or corrected.",
    f"A ↻ marks a cell whose stance changed in the {SHIFT_WINDOW.days} days before the date.",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement's stance on one issue, reduced to what the rule looks at."""

    statement_id: int
    actor_id: int
    issue_id: int
    said_on: dt.date
    reviewed: bool
    confidence: float
    stance: str
    documents: frozenset[int] = frozenset()


def cell_confidence(*, review_state: str, statement_confidence: float, stance_confidence: float) -> float:
    if review_state in REVIEWED_STATES:
        return 1.0
    return min(statement_confidence, stance_confidence)


def is_counted(evidence: Evidence, *, reviewed_only: bool) -> bool:
    """Rule 1 (rejected and merged statements never reach this point: the queries leave them out)."""
    if evidence.reviewed:
        return True
    return not reviewed_only and evidence.confidence >= CONFIDENCE_FLOOR


def day_winner(evidence: Iterable[Evidence]) -> Evidence:
    """Rule 3: the statement that decides the cell among those said on the same day."""
    return max(evidence, key=lambda item: (item.reviewed, item.confidence, item.statement_id))


def counted_stances(stances: QuerySet[StatementIssue], *, reviewed_only: bool) -> QuerySet[StatementIssue]:
    """Rule 1 as a database filter on statement stances: the statements behind a cell."""
    stances = stances.filter(statement__merged_into__isnull=True).exclude(
        statement__review_state=ReviewState.REJECTED
    )
    reviewed = Q(statement__review_state__in=REVIEWED_STATES)
    if reviewed_only:
        return stances.filter(reviewed)
    return stances.alias(effective_confidence=Least("statement__confidence", "confidence")).filter(
        reviewed | Q(effective_confidence__gte=CONFIDENCE_FLOOR)
    )


@dataclass(frozen=True, slots=True)
class HistoryStart:
    """Where a cell's history stood before the first day being recomputed (its last row before that day).

    `documents` are the documents already counted in `source_count` among those the recomputed days cite
    again, so that a document is counted once however many statements cite it.
    """

    statement_count: int = 0
    source_count: int = 0
    stance: str = ""
    previous_stance: str = ""
    stance_since: dt.date | None = None
    documents: frozenset[int] = frozenset()


NO_HISTORY = HistoryStart()


@dataclass(frozen=True, slots=True)
class PositionRow:
    valid_from: dt.date
    valid_until: dt.date | None
    stance: str
    confidence: float
    reviewed: bool
    statement_id: int
    statement_count: int
    source_count: int
    previous_stance: str
    stance_since: dt.date


def position_history(
    evidence: Iterable[Evidence], *, reviewed_only: bool, start: HistoryStart = NO_HISTORY
) -> list[PositionRow]:
    """Rules 1 to 3 over one cell's statements: one row per day on which a counted statement was said.

    With `start`, the evidence is the cell's from some day on, and the history goes on from `start`.
    """
    counted = sorted(
        (item for item in evidence if is_counted(item, reviewed_only=reviewed_only)),
        key=lambda item: item.said_on,
    )
    rows: list[PositionRow] = []
    statement_count = start.statement_count
    documents: set[int] = set()
    current_stance, previous_stance, stance_since = start.stance, start.previous_stance, start.stance_since
    for day, same_day in itertools.groupby(counted, key=lambda item: item.said_on):
        same_day = list(same_day)
        statement_count += len(same_day)
        for item in same_day:
            documents.update(item.documents)
        winner = day_winner(same_day)
        if winner.stance != current_stance:
            previous_stance, current_stance, stance_since = current_stance, winner.stance, day
        rows.append(
            PositionRow(
                valid_from=day,
                valid_until=None,
                stance=winner.stance,
                confidence=winner.confidence,
                reviewed=winner.reviewed,
                statement_id=winner.statement_id,
                statement_count=statement_count,
                source_count=start.source_count + len(documents - start.documents),
                previous_stance=previous_stance,
                stance_since=stance_since,
            )
        )
    return [
        _replace_until(row, following.valid_from) if following else row
        for row, following in itertools.zip_longest(rows, rows[1:])
    ]


def _replace_until(row: PositionRow, until: dt.date) -> PositionRow:
    return PositionRow(**{**{field: getattr(row, field) for field in row.__slots__}, "valid_until": until})


def shifted_recently(*, previous_stance: str, stance_since: dt.date, as_of: dt.date) -> bool:
    """The shift marker: the stance changed from another stance within SHIFT_WINDOW before `as_of`."""
    return bool(previous_stance) and as_of - stance_since <= SHIFT_WINDOW


# Maintaining the table ---------------------------------------------------------------------------------


def actor_sides() -> dict[int, int]:
    """Every actor's party at the top of its chain of `party` links (itself when it has none)."""
    parents = dict(Actor.objects.values_list("pk", "party_id"))
    sides: dict[int, int] = {}
    for actor_id in parents:
        side, seen = actor_id, {actor_id}
        while parents.get(side) and parents[side] not in seen:
            side = parents[side]
            seen.add(side)
        sides[actor_id] = side
    return sides


def party_ids(sides: dict[int, int]) -> set[int]:
    """Actors that get party-scope rows: anyone others speak for, and every negotiation's parties."""
    spoken_for = {side for actor_id, side in sides.items() if side != actor_id}
    listed = set(Negotiation.parties.through.objects.values_list("actor_id", flat=True))
    return spoken_for | listed


def refresh_positions(*, pairs: Iterable[tuple[int, int]], since: dt.date | None = None) -> None:
    """Recompute the history of the cells of these (actor_id, issue_id) pairs, and of their parties.

    Idempotent: call it after storing, editing, rejecting, merging or re-attributing statements, with the
    pairs before and after the change (a statement moved from actor A to B touches both A's and B's cells).
    With `since`, the earliest day said of any statement changed (before and after the change), only the
    rows from that day on are recomputed: a party's history can hold tens of thousands of days, and news
    is mostly about the last few. After changing an actor's party, call `rebuild_positions` instead.
    """
    pairs = {(int(actor_id), int(issue_id)) for actor_id, issue_id in pairs}
    if not pairs:
        return
    sides = actor_sides()
    parties = party_ids(sides)
    actor_ids = {actor_id for actor_id, _ in pairs}
    issue_ids = {issue_id for _, issue_id in pairs}
    affected_parties = {sides[actor_id] for actor_id in actor_ids if sides.get(actor_id) in parties}
    members = {actor_id for actor_id, side in sides.items() if side in affected_parties}
    cells = Q(scope=PositionScope.ACTOR, actor_id__in=actor_ids, issue_id__in=issue_ids) | Q(
        scope=PositionScope.PARTY, actor_id__in=affected_parties, issue_id__in=issue_ids
    )
    from_day = Q(statement__said_on__gte=since) if since else Q()

    with transaction.atomic():
        # Serialise refreshes of the same cells; rows are taken in id order so two workers never deadlock.
        list(Actor.objects.select_for_update().filter(pk__in=actor_ids | affected_parties).order_by("pk"))
        evidence = _load_evidence(
            Q(issue_id__in=issue_ids, statement__actor_id__in=actor_ids | members) & from_day,
            Q(statement__stances__issue_id__in=issue_ids, statement__actor_id__in=actor_ids | members)
            & from_day,
        )
        rows = Position.objects.filter(cells)
        starts: dict[tuple[str, int, int, bool], tuple[Position, HistoryStart]] = {}
        if since:
            starts = _history_starts(rows, evidence, sides=sides, since=since, speakers=actor_ids | members)
            rows = rows.filter(valid_from__gte=since)
        rows.delete()
        new_rows = list(
            _positions(
                evidence,
                sides=sides,
                parties=affected_parties,
                actor_ids=actor_ids,
                starts={key: start for key, (_, start) in starts.items()},
            )
        )
        _reopen(starts, new_rows)
        _insert(new_rows)
        _total_evidence(Q(actor_id__in=actor_ids))


def _history_starts(
    rows: QuerySet[Position],
    evidence: list[Evidence],
    *,
    sides: dict[int, int],
    since: dt.date,
    speakers: set[int],
) -> dict[tuple[str, int, int, bool], tuple[Position, HistoryStart]]:
    """Each cell's last row before `since`, and the history state it carries into the recomputed days."""
    last_rows = {
        _cell_key(row): row
        for row in rows.filter(valid_from__lt=since).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=since)
        )
    }
    cited_again = {document for item in evidence for document in item.documents}
    counted_before: defaultdict[tuple[str, int, int, bool], set[int]] = defaultdict(set)
    if cited_again and last_rows:
        for reviewed_only in (False, True):
            earlier = counted_stances(
                StatementIssue.objects.filter(
                    issue_id__in={key[2] for key in last_rows},
                    statement__actor_id__in=speakers,
                    statement__said_on__lt=since,
                    statement__citations__document_id__in=cited_again,
                ),
                reviewed_only=reviewed_only,
            )
            for actor_id, issue_id, document_id in earlier.values_list(
                "statement__actor_id", "issue_id", "statement__citations__document_id"
            ).distinct():
                counted_before[(PositionScope.ACTOR, actor_id, issue_id, reviewed_only)].add(document_id)
                side = sides.get(actor_id, actor_id)
                counted_before[(PositionScope.PARTY, side, issue_id, reviewed_only)].add(document_id)
    return {
        key: (
            row,
            HistoryStart(
                statement_count=row.statement_count,
                source_count=row.source_count,
                stance=row.stance,
                previous_stance=row.previous_stance,
                stance_since=row.stance_since,
                documents=frozenset(counted_before.get(key, ())),
            ),
        )
        for key, row in last_rows.items()
    }


def _reopen(starts: dict[tuple[str, int, int, bool], tuple[Position, HistoryStart]], new_rows) -> None:
    """Each kept last row now lasts until the cell's first recomputed row (or is current again).

    A changed row is written again under a new id rather than updated: the analyst pages' cache key
    (`selectors.DATA_VERSION_FIELDS`) counts on every change to the table bringing a new id.
    """
    first_new: dict[tuple[str, int, int, bool], dt.date] = {}
    for row in new_rows:
        key = _cell_key(row)
        first_new[key] = min(first_new.get(key, row.valid_from), row.valid_from)
    changed = []
    for key, (row, _) in starts.items():
        until = first_new.get(key)
        if row.valid_until != until:
            changed.append(row)
            row.valid_until = until
    Position.objects.filter(pk__in=[row.pk for row in changed]).delete()
    for row in changed:
        row.pk = None
    _insert(changed)


def _cell_key(row: Position) -> tuple[str, int, int, bool]:
    return (row.scope, row.actor_id, row.issue_id, row.reviewed_only)


def rebuild_positions(*, negotiation: Negotiation) -> None:
    """Recompute every cell of a negotiation from its statements, one issue at a time."""
    sides = actor_sides()
    parties = party_ids(sides)
    for issue_id in negotiation.issues.values_list("pk", flat=True):
        with transaction.atomic():
            evidence = _load_evidence(
                Q(issue_id=issue_id, statement__negotiation=negotiation),
                Q(statement__stances__issue_id=issue_id, statement__negotiation=negotiation),
            )
            Position.objects.filter(issue_id=issue_id).delete()
            _insert(_positions(evidence, sides=sides, parties=parties, actor_ids=None))
    with transaction.atomic():
        # Taken in id order like refresh_positions' locks: a refresh of the same actors waits instead of
        # writing their totals between this delete and insert.
        speakers = Position.objects.filter(negotiation=negotiation).values("actor_id")
        list(Actor.objects.select_for_update().filter(pk__in=speakers).order_by("pk"))
        _total_evidence(Q(negotiation=negotiation))


def _total_evidence(rows: Q) -> None:
    """Write again the `ActorEvidence` of these rows from the actors' current cells."""
    totals = (
        Position.objects.filter(rows, scope=PositionScope.ACTOR, valid_until__isnull=True)
        .values_list("negotiation_id", "actor_id", "reviewed_only")
        .annotate(total=Sum("statement_count"))
        .order_by()
    )
    ActorEvidence.objects.filter(rows).delete()
    ActorEvidence.objects.bulk_create(
        ActorEvidence(
            negotiation_id=negotiation_id,
            actor_id=actor_id,
            reviewed_only=reviewed_only,
            statement_count=total,
        )
        for negotiation_id, actor_id, reviewed_only, total in totals
    )


def _load_evidence(stance_filter: Q, citation_filter: Q) -> list[Evidence]:
    documents: defaultdict[int, set[int]] = defaultdict(set)
    citations = Citation.objects.filter(citation_filter, statement__merged_into__isnull=True).exclude(
        statement__review_state=ReviewState.REJECTED
    )
    for statement_id, document_id in citations.values_list("statement_id", "document_id").distinct():
        documents[statement_id].add(document_id)

    stances = StatementIssue.objects.filter(
        stance_filter, statement__merged_into__isnull=True, statement__actor__isnull=False
    ).exclude(statement__review_state=ReviewState.REJECTED)
    return [
        Evidence(
            statement_id=statement_id,
            actor_id=actor_id,
            issue_id=issue_id,
            said_on=said_on,
            reviewed=review_state in REVIEWED_STATES,
            confidence=cell_confidence(
                review_state=review_state,
                statement_confidence=statement_confidence,
                stance_confidence=stance_confidence,
            ),
            stance=stance,
            documents=frozenset(documents.get(statement_id, ())),
        )
        for (
            statement_id,
            actor_id,
            issue_id,
            said_on,
            review_state,
            statement_confidence,
            stance,
            stance_confidence,
        ) in stances.values_list(
            "statement_id",
            "statement__actor_id",
            "issue_id",
            "statement__said_on",
            "statement__review_state",
            "statement__confidence",
            "stance",
            "confidence",
        ).iterator(chunk_size=5000)
    ]


def _positions(
    evidence: list[Evidence],
    *,
    sides: dict[int, int],
    parties: set[int],
    actor_ids: set[int] | None,
    starts: dict[tuple[str, int, int, bool], HistoryStart] | None = None,
) -> Iterable[Position]:
    """Position rows for the actors in `actor_ids` (all, when None) and the parties in `parties`."""
    from negotiations.models import Issue

    cells: defaultdict[tuple[str, int, int], list[Evidence]] = defaultdict(list)
    for item in evidence:
        if actor_ids is None or item.actor_id in actor_ids:
            cells[(PositionScope.ACTOR, item.actor_id, item.issue_id)].append(item)
        side = sides.get(item.actor_id, item.actor_id)
        if side in parties:
            cells[(PositionScope.PARTY, side, item.issue_id)].append(item)

    negotiation_of = dict(
        Issue.objects.filter(pk__in={issue_id for _, _, issue_id in cells}).values_list(
            "pk", "negotiation_id"
        )
    )
    for (scope, actor_id, issue_id), items in cells.items():
        for reviewed_only in (False, True):
            start = (starts or {}).get((scope, actor_id, issue_id, reviewed_only), NO_HISTORY)
            for row in position_history(items, reviewed_only=reviewed_only, start=start):
                yield Position(
                    negotiation_id=negotiation_of[issue_id],
                    actor_id=actor_id,
                    issue_id=issue_id,
                    scope=scope,
                    reviewed_only=reviewed_only,
                    valid_from=row.valid_from,
                    valid_until=row.valid_until,
                    stance=row.stance,
                    confidence=row.confidence,
                    reviewed=row.reviewed,
                    statement_id=row.statement_id,
                    statement_count=row.statement_count,
                    source_count=row.source_count,
                    previous_stance=row.previous_stance,
                    stance_since=row.stance_since,
                )


def _insert(positions: Iterable[Position]) -> None:
    iterator = iter(positions)
    while batch := list(itertools.islice(iterator, INSERT_BATCH_SIZE)):
        Position.objects.bulk_create(batch)
