"""Editorial actions on statements and events: one function per action.

Every action on a statement takes the `version` the editor saw. The row is locked, the version compared,
and a stale version refused with `StaleStatementError`, which carries the current statement so the editor
sees what changed instead of overwriting it. A successful action marks the statement `editor_touched` (so
re-extraction never changes it again), raises its `version` and writes one `AuditLog` row with the values
before and after, which is also what `revert_change` reads to undo it.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from actors.models import Actor, Alias, normalize_name
from negotiations.enums import ReviewState, SaidOnSource, Stance
from negotiations.models import AuditLog, Citation, Event, Issue, Negotiation, Note, Statement, StatementIssue
from negotiations.services import alerts
from negotiations.services.positions import refresh_positions

REVIEWED_STATES = (ReviewState.ACCEPTED, ReviewState.CORRECTED)
EDITOR_CONFIDENCE = 1.0


class StaleStatementError(Exception):
    """The statement changed since the editor loaded it; `current` holds what it is now."""

    def __init__(self, current: Statement, *, changed_by: str = "") -> None:
        super().__init__(
            f"Statement #{current.pk} was changed by {changed_by or 'someone else'} while you were working on it "
            f"(it is now at version {current.version}). Nothing was saved: check its current values "
            "and make your change again if it is still needed."
        )
        self.current = current


class RevertConflictError(ValidationError):
    """A later change touched the same fields: revert that one first."""


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()


# Locking, auditing, refreshing ----------------------------------------------------------------------


def _lock(statement: Statement, version: int | None) -> Statement:
    """The current row, locked until the end of the transaction; refuse a stale version."""
    current = Statement.objects.select_for_update().get(pk=statement.pk)
    _check_version(current, version)
    return current


def _check_version(current: Statement, version: int | None) -> None:
    """`version` None skips the check: for actions that cannot lose anyone's work (notes)."""
    if version is not None and current.version != version:
        raise StaleStatementError(current, changed_by=_last_editor_name(current))


def _last_editor_name(statement: Statement) -> str:
    """Who made the latest audited change, so the editor refused knows whom to ask."""
    entry = (
        AuditLog.objects.filter(statement=statement, user__isnull=False)
        .select_related("user")
        .order_by("-created_at", "-id")
        .first()
    )
    return entry.user.get_username() if entry else ""


def _save(statement: Statement, fields: Iterable[str]) -> None:
    statement.editor_touched = True
    statement.version += 1
    statement.save(update_fields=sorted({*fields, "editor_touched", "version", "updated_at"}))


def _log(
    *,
    user: User,
    action: str,
    statement: Statement | None = None,
    target: object = None,
    changes=None,
    note="",
) -> AuditLog:
    target = target if target is not None else statement
    return AuditLog.objects.create(
        user=user,
        action=action,
        target_type=type(target)._meta.model_name,
        target_id=target.pk,
        statement=statement,
        changes=changes or {},
        note=note,
    )


def stances_of(statement: Statement) -> dict[str, str]:
    """The statement's stances as {issue slug: stance}, the form stored in the audit log."""
    return dict(statement.stances.order_by("issue__position").values_list("issue__slug", "stance"))


def cell_pairs(statement: Statement) -> set[tuple[int, int]]:
    """The matrix cells (actor_id, issue_id) this statement counts towards."""
    if not statement.actor_id:
        return set()
    return {
        (statement.actor_id, issue_id) for issue_id in statement.stances.values_list("issue_id", flat=True)
    }


def _refresh_cells(pairs: set[tuple[int, int]], *, since: dt.date | None = None) -> None:
    """Bring the matrix and the shift alerts up to date in the same transaction as the change, so the
    editor's next page already shows it. `since`: the earliest day said the change touched, if known."""
    if pairs:
        refresh_positions(pairs=pairs, since=since)
        alerts.record_shifts(pairs=pairs)


# Accept, reject, note --------------------------------------------------------------------------------


@transaction.atomic
def accept_statement(*, statement: Statement, editor: User, version: int | None) -> Statement:
    """Mark the statement right as extracted. Accepting a reviewed statement changes nothing."""
    current = _lock(statement, None)
    if current.review_state in REVIEWED_STATES:
        return current  # a double press is harmless
    _check_version(current, version)
    changes = {"review_state": [current.review_state, ReviewState.ACCEPTED]}
    if current.rejection_reason:
        changes["rejection_reason"] = [current.rejection_reason, ""]
    current.review_state = ReviewState.ACCEPTED
    current.rejection_reason = ""
    current.reviewed_by = editor
    current.reviewed_at = timezone.now()
    _save(current, ["review_state", "rejection_reason", "reviewed_by", "reviewed_at"])
    _log(user=editor, action="accept", statement=current, changes=changes)
    _refresh_cells(cell_pairs(current), since=current.said_on)
    return current


@transaction.atomic
def reject_statement(*, statement: Statement, editor: User, version: int | None, reason: str) -> Statement:
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why the statement is rejected.")
    current = _lock(statement, None)
    if current.review_state == ReviewState.REJECTED and current.rejection_reason == reason:
        return current
    _check_version(current, version)
    changes = {
        "review_state": [current.review_state, ReviewState.REJECTED],
        "rejection_reason": [current.rejection_reason, reason],
    }
    current.review_state = ReviewState.REJECTED
    current.rejection_reason = reason
    current.reviewed_by = editor
    current.reviewed_at = timezone.now()
    _save(current, ["review_state", "rejection_reason", "reviewed_by", "reviewed_at"])
    _log(user=editor, action="reject", statement=current, changes=changes, note=reason)
    _refresh_cells(cell_pairs(current), since=current.said_on)
    return current


@transaction.atomic
def add_note(*, statement: Statement, editor: User, text: str) -> Note:
    """A note never conflicts with other work, so it needs no version; it still raises it."""
    text = text.strip()
    if not text:
        raise ValidationError("A note cannot be empty.")
    current = _lock(statement, None)
    note = Note.objects.create(statement=current, author=editor, text=text)
    _save(current, [])
    _log(user=editor, action="note", statement=current, note=text)
    return note


# Corrections -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    citation_id: int
    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.citation_id, self.start, self.end]


def _nearest_occurrence(text: str, quote: str, near: int) -> int | None:
    best, position = None, text.find(quote)
    while position != -1:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        position = text.find(quote, position + 1)
    return best


def _respan(statement: Statement, quote: str) -> tuple[list[Span], list[Span]]:
    """Move each citation's span onto the corrected quote; the first citation's document must hold it."""
    citations = list(statement.citations.select_related("document").order_by("id"))
    before, after = [], []
    for index, citation in enumerate(citations):
        start = _nearest_occurrence(citation.document.text, quote, citation.start)
        if start is None:
            if index == 0:
                raise ValidationError(
                    "The corrected quote must be copied exactly from the article: it was not found in "
                    f"“{citation.document.title or citation.document.url}”."
                )
            continue
        if (start, start + len(quote)) != (citation.start, citation.end):
            before.append(Span(citation.pk, citation.start, citation.end))
            after.append(Span(citation.pk, start, start + len(quote)))
    return before, after


def _apply_spans(spans: Iterable[Span | list[int]]) -> None:
    for span in spans:
        citation_id, start, end = span.as_list() if isinstance(span, Span) else span
        Citation.objects.filter(pk=citation_id).update(start=start, end=end)


def _set_stances(statement: Statement, wanted: Mapping[str, str]) -> None:
    issues = {issue.slug: issue for issue in Issue.objects.filter(negotiation_id=statement.negotiation_id)}
    unknown = set(wanted) - set(issues)
    if unknown:
        raise ValidationError(f"Unknown issue(s): {', '.join(sorted(unknown))}.")
    statement.stances.exclude(issue__slug__in=list(wanted)).delete()
    for slug, stance in wanted.items():
        StatementIssue.objects.update_or_create(
            statement=statement,
            issue=issues[slug],
            defaults={"stance": stance, "confidence": EDITOR_CONFIDENCE},
        )


@transaction.atomic
def correct_statement(
    *,
    statement: Statement,
    editor: User,
    version: int | None,
    actor: Actor | _Unchanged | None = UNCHANGED,
    speaker_name: str | _Unchanged = UNCHANGED,
    quote: str | _Unchanged = UNCHANGED,
    kind: str | _Unchanged = UNCHANGED,
    said_on: dt.date | _Unchanged = UNCHANGED,
    stances: Mapping[str, str] | _Unchanged = UNCHANGED,
    note: str = "",
) -> Statement:
    """Correct any of the machine's fields; fields left UNCHANGED keep their value.

    `stances` maps issue slugs to stances and replaces all of the statement's stances. A correction that
    changes nothing is not recorded.
    """
    current = _lock(statement, version)
    pairs_before, day_before = cell_pairs(current), current.said_on
    changes: dict[str, list] = {}
    fields: set[str] = set()

    if actor is not UNCHANGED and actor != current.actor:
        changes["actor"] = [current.actor_id, actor.pk if actor else None]
        current.actor = actor
        fields.add("actor")
        if actor is not None and speaker_name is UNCHANGED:
            speaker_name = actor.name
    if speaker_name is not UNCHANGED and speaker_name.strip() != current.speaker_name:
        changes["speaker_name"] = [current.speaker_name, speaker_name.strip()[:300]]
        current.speaker_name = speaker_name.strip()[:300]
        fields.add("speaker_name")
    if current.actor_id is None and not (current.speaker_name or current.speaker_text):
        raise ValidationError("A statement needs a speaker: choose an actor or give a name.")
    if kind is not UNCHANGED and kind != current.kind:
        changes["kind"] = [current.kind, kind]
        current.kind = kind
        fields.add("kind")
    if said_on is not UNCHANGED and said_on != current.said_on:
        changes["said_on"] = [current.said_on.isoformat(), said_on.isoformat()]
        changes["said_on_source"] = [current.said_on_source, SaidOnSource.EDITOR]
        current.said_on, current.said_on_source = said_on, SaidOnSource.EDITOR
        fields |= {"said_on", "said_on_source"}
    if quote is not UNCHANGED and quote.strip() and quote.strip() != current.quote:
        quote = quote.strip()
        spans_before, spans_after = _respan(current, quote)
        changes["quote"] = [current.quote, quote]
        changes["spans"] = [
            [span.as_list() for span in spans_before],
            [span.as_list() for span in spans_after],
        ]
        current.quote = quote
        fields.add("quote")
        _apply_spans(spans_after)
    if stances is not UNCHANGED:
        invalid = {value for value in stances.values() if value not in Stance.values}
        if invalid:
            raise ValidationError(f"Unknown stance(s): {', '.join(sorted(invalid))}.")
        stances_before = stances_of(current)
        if dict(stances) != stances_before:
            _set_stances(current, stances)
            changes["stances"] = [stances_before, stances_of(current)]

    if not changes:
        return current
    changes["review_state"] = [current.review_state, ReviewState.CORRECTED]
    current.review_state = ReviewState.CORRECTED
    current.rejection_reason = ""
    current.reviewed_by = editor
    current.reviewed_at = timezone.now()
    _save(current, fields | {"review_state", "rejection_reason", "reviewed_by", "reviewed_at"})
    _log(user=editor, action="correct", statement=current, changes=changes, note=note)
    _refresh_cells(pairs_before | cell_pairs(current), since=min(day_before, current.said_on))
    return current


# Speakers --------------------------------------------------------------------------------------------


def _unique_actor_slug(name: str) -> str:
    base = slugify(name)[:100] or "actor"
    slug, number = base, 2
    while Actor.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _resolve_same_speaker(
    *, statement: Statement, written: str, actor: Actor, editor: User
) -> set[tuple[int, int]]:
    """Give the actor to the untouched statements that name the same unknown speaker (`written`), as the
    next extraction would; statements an editor touched are left alone."""
    name = normalize_name(written)
    pairs: set[tuple[int, int]] = set()
    if not name:
        return pairs
    candidates = Statement.objects.select_for_update().filter(
        Q(speaker_name__iexact=written) | Q(speaker_text__iexact=written),
        negotiation_id=statement.negotiation_id,
        actor__isnull=True,
        editor_touched=False,
    )
    for other in candidates.exclude(pk=statement.pk):
        if normalize_name(other.speaker_name or other.speaker_text) != name:
            continue
        other.actor = actor
        other.version += 1
        other.save(update_fields=["actor", "version", "updated_at"])
        _log(
            user=editor,
            action="resolve-speaker",
            statement=other,
            changes={"actor": [None, actor.pk]},
            note=f"Speaker resolved along with statement #{statement.pk}.",
        )
        pairs |= cell_pairs(other)
    return pairs


def _assign_speaker(*, current: Statement, actor: Actor, editor: User, action: str, note: str) -> Statement:
    pairs = cell_pairs(current)
    written = current.speaker_name or current.speaker_text
    changes = {"actor": [current.actor_id, actor.pk], "speaker_name": [current.speaker_name, actor.name]}
    current.actor = actor
    current.speaker_name = actor.name
    if current.review_state == ReviewState.UNREVIEWED:
        changes["review_state"] = [current.review_state, ReviewState.CORRECTED]
        current.review_state = ReviewState.CORRECTED
        current.reviewed_by, current.reviewed_at = editor, timezone.now()
    _save(current, ["actor", "speaker_name", "review_state", "reviewed_by", "reviewed_at"])
    _log(user=editor, action=action, statement=current, changes=changes, note=note)
    pairs |= cell_pairs(current)
    pairs |= _resolve_same_speaker(statement=current, written=written, actor=actor, editor=editor)
    from negotiations.services.registry import invalidate_registry  # TEMP-LAZY

    invalidate_registry(negotiation=current.negotiation)
    _refresh_cells(pairs)
    return current


@transaction.atomic
def create_actor_from_speaker(
    *,
    statement: Statement,
    editor: User,
    version: int | None,
    name: str,
    kind: str,
    party: Actor | None = None,
    description: str = "",
) -> Actor:
    """Make the statement's unknown speaker a new actor, with the name as written as an alias, so the next
    extraction resolves it."""
    current = _lock(statement, version)
    name = name.strip()
    if not name:
        raise ValidationError("The new actor needs a name.")
    actor = Actor.objects.create(
        slug=_unique_actor_slug(name), name=name, kind=kind, party=party, description=description.strip()
    )
    written = (current.speaker_name or current.speaker_text).strip()
    aliases = {normalize_name(written): written} if written else {}
    for alias_name in aliases.values():
        if normalize_name(alias_name) != normalize_name(name):
            Alias.objects.create(actor=actor, name=alias_name[:200])
    _log(
        user=editor,
        action="create-actor",
        target=actor,
        statement=current,
        changes={"name": [None, actor.name], "party": [None, party.pk if party else None]},
    )
    _assign_speaker(
        current=current, actor=actor, editor=editor, action="speaker-actor", note=f"New actor {actor.name}."
    )
    return actor


@transaction.atomic
def alias_speaker_to_actor(
    *, statement: Statement, editor: User, version: int | None, actor: Actor, alias: str = ""
) -> Alias | None:
    """The unknown speaker is an existing actor: add the name as written as its alias and attribute the
    statement to it. Returns the new alias (None when the actor already had it)."""
    current = _lock(statement, version)
    alias = (alias or current.speaker_name or current.speaker_text).strip()[:200]
    created = None
    known = {normalize_name(actor.name), *actor.aliases.values_list("normalized", flat=True)}
    if alias and normalize_name(alias) not in known:
        created = Alias.objects.create(actor=actor, name=alias)
        _log(
            user=editor, action="add-alias", target=actor, statement=current, changes={"alias": [None, alias]}
        )
    _assign_speaker(
        current=current,
        actor=actor,
        editor=editor,
        action="speaker-alias",
        note=f"“{alias}” is {actor.name}." if alias else "",
    )
    return created


# Merging and events ----------------------------------------------------------------------------------


@transaction.atomic
def merge_statements(
    *,
    statement: Statement,
    into: Statement,
    editor: User,
    version: int | None,
    into_version: int | None = None,
) -> Statement:
    """`statement` and `into` are the same utterance: `into` keeps it, with all the citations."""
    if statement.pk == into.pk:
        raise ValidationError("A statement cannot be merged into itself.")
    # Lock both rows in id order so two editors merging the same pair never deadlock.
    first, second = sorted([(statement, version), (into, into_version)], key=lambda pair: pair[0].pk)
    locked = {first[0].pk: _lock(*first), second[0].pk: _lock(*second)}
    duplicate, kept = locked[statement.pk], locked[into.pk]
    if duplicate.negotiation_id != kept.negotiation_id:
        raise ValidationError("Only statements of the same negotiation can be merged.")
    if kept.merged_into_id:
        raise ValidationError(
            f"Statement #{kept.pk} was itself merged into #{kept.merged_into_id}: merge into that."
        )
    if duplicate.merged_into_id:
        raise ValidationError(
            f"Statement #{duplicate.pk} is already merged into #{duplicate.merged_into_id}."
        )
    pairs = cell_pairs(duplicate) | cell_pairs(kept)

    held = set(kept.citations.values_list("document_id", "start"))
    moved = [
        citation.pk
        for citation in duplicate.citations.order_by("id")
        if (citation.document_id, citation.start) not in held
    ]
    Citation.objects.filter(pk__in=moved).update(statement=kept)
    Statement.objects.filter(merged_into=duplicate).update(merged_into=kept)
    duplicate.merged_into = kept
    _save(duplicate, ["merged_into"])
    _save(kept, [])
    _log(
        user=editor,
        action="merge",
        statement=duplicate,
        changes={"merged_into": [None, kept.pk], "moved_citations": [[], moved]},
        note=f"Merged into statement #{kept.pk}.",
    )
    _log(
        user=editor,
        action="absorb",
        statement=kept,
        changes={"absorbed": [None, duplicate.pk]},
        note=f"Statement #{duplicate.pk} merged into this one ({len(moved)} citation(s) moved).",
    )
    _refresh_cells(pairs)
    return kept


@transaction.atomic
def link_event(*, statement: Statement, event: Event, editor: User, version: int | None) -> Statement:
    current = _lock(statement, version)
    if event.negotiation_id != current.negotiation_id:
        raise ValidationError("The event belongs to another negotiation.")
    before = sorted(current.events.values_list("pk", flat=True))
    if event.pk in before:
        return current
    current.events.add(event)
    _save(current, [])
    _log(
        user=editor,
        action="link-event",
        statement=current,
        changes={"events": [before, sorted([*before, event.pk])]},
        note=str(event),
    )
    return current


@transaction.atomic
def unlink_event(*, statement: Statement, event: Event, editor: User, version: int | None) -> Statement:
    current = _lock(statement, version)
    before = sorted(current.events.values_list("pk", flat=True))
    if event.pk not in before:
        return current
    current.events.remove(event)
    _save(current, [])
    _log(
        user=editor,
        action="unlink-event",
        statement=current,
        changes={"events": [before, [pk for pk in before if pk != event.pk]]},
        note=str(event),
    )
    return current


# History and revert ----------------------------------------------------------------------------------

REVERTIBLE_ACTIONS = {
    "accept",
    "reject",
    "correct",
    "merge",
    "link-event",
    "unlink-event",
    "speaker-actor",
    "speaker-alias",
    "resolve-speaker",
    "revert",
}


def _current_value(statement: Statement, field: str):
    if field == "actor":
        return statement.actor_id
    if field == "said_on":
        return statement.said_on.isoformat()
    if field == "stances":
        return stances_of(statement)
    if field == "events":
        return sorted(statement.events.values_list("pk", flat=True))
    if field == "merged_into":
        return statement.merged_into_id
    if field == "spans":
        return None  # checked through "quote", which always changes with it
    if field == "moved_citations":
        return None  # checked through "merged_into"
    return getattr(statement, field)


class _CurrentValues(dict):
    """The statement's current value of each field, read once however many history entries ask."""

    def __init__(self, statement: Statement) -> None:
        super().__init__()
        self.statement = statement

    def __missing__(self, field: str):
        value = self[field] = _current_value(self.statement, field)
        return value


def revert_blockers(
    *, entry: AuditLog, statement: Statement, current: _CurrentValues | None = None
) -> list[str]:
    """Fields that changed again since `entry`: it can be reverted only when this list is empty."""
    if entry.action not in REVERTIBLE_ACTIONS or entry.statement_id != statement.pk or not entry.changes:
        return ["not revertible"]
    if entry.action == "revert" and "merged_into" in entry.changes:
        return ["not revertible"]  # merge again instead: the citations to move are no longer recorded
    current = current if current is not None else _CurrentValues(statement)
    return [
        field
        for field, (_, after) in entry.changes.items()
        if field not in ("spans", "moved_citations") and current[field] != after
    ]


@transaction.atomic
def revert_change(*, entry: AuditLog, editor: User, version: int | None) -> Statement:
    """Put back the values a change replaced, if nothing changed them since."""
    current = _lock(entry.statement, version)
    blockers = revert_blockers(entry=entry, statement=current)
    if blockers == ["not revertible"]:
        raise RevertConflictError(f"A “{entry.action}” entry cannot be reverted.")
    if blockers:
        raise RevertConflictError(
            "Later changes touched the same fields (" + ", ".join(blockers) + "): revert those first."
        )
    pairs = cell_pairs(current)
    fields: set[str] = set()
    changes: dict[str, list] = {}
    kept = None
    if "merged_into" in entry.changes:
        kept = Statement.objects.select_for_update().filter(pk=entry.changes["merged_into"][1]).first()
    for field, (before, after) in entry.changes.items():
        changes[field] = [after, before]
        if field == "actor":
            current.actor_id = before
            fields.add("actor")
        elif field == "said_on":
            current.said_on = dt.date.fromisoformat(before)
            fields.add("said_on")
        elif field == "stances":
            _set_stances(current, before)
        elif field == "events":
            current.events.set(before)
        elif field == "spans":
            _apply_spans(before)
        elif field == "moved_citations":
            if kept is not None:
                Citation.objects.filter(pk__in=after, statement=kept).update(statement=current)
        elif field == "merged_into":
            current.merged_into_id = before
            fields.add("merged_into")
        else:
            setattr(current, field, before)
            fields.add(field)
    if "review_state" in entry.changes and current.review_state == ReviewState.UNREVIEWED:
        current.reviewed_by, current.reviewed_at = None, None
        fields |= {"reviewed_by", "reviewed_at"}
    _save(current, fields)
    _log(
        user=editor,
        action="revert",
        statement=current,
        changes=changes,
        note=f"Revert of change #{entry.pk}.",
    )
    if kept is not None:
        pairs |= cell_pairs(kept)
        _save(kept, [])
        _log(
            user=editor,
            action="unmerge",
            statement=kept,
            changes={"absorbed": [current.pk, None]},
            note=f"Statement #{current.pk} split off again.",
        )
    _refresh_cells(pairs | cell_pairs(current))
    return current


def statement_history(*, statement: Statement) -> list[AuditLog]:
    """Every change of the statement, newest first, each marked revertible or not."""
    entries = list(
        AuditLog.objects.filter(statement=statement).select_related("user").order_by("-created_at", "-id")
    )
    actor_ids = {
        value
        for entry in entries
        for field, values in entry.changes.items()
        if field == "actor"
        for value in values
        if value
    }
    actor_names = dict(Actor.objects.filter(pk__in=actor_ids).values_list("pk", "name"))
    event_ids = {
        pk
        for entry in entries
        for values in [entry.changes.get("events") or []]
        for side in values
        for pk in side
    }
    event_names = {event.pk: str(event) for event in Event.objects.filter(pk__in=event_ids)}
    current = _CurrentValues(statement)
    for entry in entries:
        entry.blockers = revert_blockers(entry=entry, statement=statement, current=current)
        entry.revertible = not entry.blockers
        entry.rows = list(_describe_changes(entry.changes, actor_names=actor_names, event_names=event_names))
    return entries


FIELD_LABELS = {
    "actor": "Speaker",
    "speaker_name": "Speaker name",
    "quote": "Quote",
    "kind": "Kind",
    "said_on": "Date said",
    "said_on_source": "Date from",
    "stances": "Issues and stances",
    "review_state": "Review",
    "rejection_reason": "Reason",
    "events": "Events",
    "merged_into": "Merged into",
    "absorbed": "Absorbed",
    "moved_citations": "Citations moved",
    "name": "Name",
    "party": "Party",
    "alias": "Alias",
}


def _describe_changes(changes: dict, *, actor_names: dict, event_names: dict):
    for field, values in changes.items():
        if field == "spans" or not isinstance(values, list) or len(values) != 2:
            continue
        before, after = values
        if field == "actor":
            before, after = (
                actor_names.get(value, "unknown speaker") if value else "—" for value in (before, after)
            )
        elif field == "stances":
            before, after = (
                ", ".join(f"{slug}: {stance}" for slug, stance in value.items()) or "none"
                for value in (before, after)
            )
        elif field == "events":
            before, after = (
                ", ".join(event_names.get(pk, f"#{pk}") for pk in value) or "none"
                for value in (before, after)
            )
        elif field in ("merged_into", "absorbed"):
            before, after = (f"#{value}" if value else "—" for value in (before, after))
        elif field == "moved_citations":
            before, after = "", f"{len(after)} citation(s)"
        yield {"label": FIELD_LABELS.get(field, field), "before": before, "after": after}


# Events ----------------------------------------------------------------------------------------------

EVENT_FIELDS = ("date", "end_date", "kind", "title", "place", "description", "source_urls")


class StaleEventError(Exception):
    def __init__(self, current: Event) -> None:
        super().__init__(
            f"The event “{current.title}” was changed by someone else while you were editing it. Nothing was "
            "saved: check its current values and make your change again if it is still needed."
        )
        self.current = current


def _unique_event_slug(negotiation: Negotiation, date: dt.date, title: str) -> str:
    base = f"{slugify(title)[:120] or 'event'}-{date:%Y-%m-%d}"
    slug, number = base, 2
    while Event.objects.filter(negotiation=negotiation, slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _event_snapshot(event: Event) -> dict:
    snapshot = {field: getattr(event, field) for field in EVENT_FIELDS}
    snapshot["date"] = event.date.isoformat()
    snapshot["end_date"] = event.end_date.isoformat() if event.end_date else None
    snapshot["participants"] = sorted(event.participants.values_list("pk", flat=True))
    snapshot["issues"] = sorted(event.issues.values_list("pk", flat=True))
    return snapshot


def _check_event_dates(date: dt.date, end_date: dt.date | None) -> None:
    if end_date and end_date < date:
        raise ValidationError("The event cannot end before it starts.")


@transaction.atomic
def create_event(
    *,
    editor: User,
    negotiation: Negotiation,
    title: str,
    date: dt.date,
    kind: str,
    end_date: dt.date | None = None,
    place: str = "",
    description: str = "",
    source_urls: list[str] | None = None,
    participants: Iterable[Actor] = (),
    issues: Iterable[Issue] = (),
) -> Event:
    _check_event_dates(date, end_date)
    event = Event.objects.create(
        negotiation=negotiation,
        slug=_unique_event_slug(negotiation, date, title),
        title=title.strip(),
        date=date,
        end_date=end_date,
        kind=kind,
        place=place.strip(),
        description=description.strip(),
        source_urls=list(source_urls or []),
    )
    event.participants.set(participants)
    event.issues.set(issues)
    after = _event_snapshot(event)
    _log(
        user=editor,
        action="create-event",
        target=event,
        changes={key: [None, value] for key, value in after.items()},
    )
    return event


@transaction.atomic
def update_event(
    *,
    event: Event,
    editor: User,
    seen_updated_at: dt.datetime | None,
    participants: Iterable[Actor] | None = None,
    issues: Iterable[Issue] | None = None,
    **fields,
) -> Event:
    """Change an event; `seen_updated_at` (the `updated_at` the editor loaded) refuses stale edits."""
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"update_event got unknown fields: {', '.join(sorted(unknown))}")
    current = Event.objects.select_for_update().get(pk=event.pk)
    if seen_updated_at is not None and current.updated_at != seen_updated_at:
        raise StaleEventError(current)
    before = _event_snapshot(current)
    for field, value in fields.items():
        setattr(current, field, value.strip() if isinstance(value, str) else value)
    _check_event_dates(current.date, current.end_date)
    current.save()
    if participants is not None:
        current.participants.set(participants)
    if issues is not None:
        current.issues.set(issues)
    after = _event_snapshot(current)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes:
        _log(user=editor, action="edit-event", target=current, changes=changes)
    return current
