import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from actors.models import Alias
from negotiations.enums import ReviewState, SaidOnSource
from negotiations.models import AuditLog, Citation, Position, Statement
from negotiations.services import review
from negotiations.services.positions import refresh_positions
from tests.factories import (
    ActorFactory,
    CitationFactory,
    EventFactory,
    IssueFactory,
    NegotiationFactory,
    PartyFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def negotiation():
    return NegotiationFactory()


@pytest.fixture
def territory(negotiation):
    return IssueFactory(negotiation=negotiation, slug="territory")


@pytest.fixture
def ceasefire(negotiation):
    return IssueFactory(negotiation=negotiation, slug="ceasefire")


@pytest.fixture
def statement(negotiation, territory):
    statement = StatementFactory(negotiation=negotiation, stances={territory: "opposes"})
    CitationFactory(statement=statement)
    return statement


def current_position(actor, issue) -> Position | None:
    return Position.objects.filter(
        actor=actor, issue=issue, scope="actor", valid_until=None, reviewed_only=False
    ).first()


# Accept ---------------------------------------------------------------------------------------------


def test_accept_marks_reviewed_touched_and_raises_version(statement, editor):
    accepted = review.accept_statement(statement=statement, editor=editor, version=statement.version)

    assert accepted.review_state == ReviewState.ACCEPTED
    assert accepted.editor_touched
    assert accepted.version == statement.version + 1
    assert accepted.reviewed_by == editor


def test_accept_writes_one_audit_row_with_before_and_after(statement, editor):
    review.accept_statement(statement=statement, editor=editor, version=statement.version)

    entry = AuditLog.objects.get()
    assert (entry.action, entry.user, entry.statement) == ("accept", editor, statement)
    assert entry.changes == {"review_state": ["unreviewed", "accepted"]}


def test_accepting_twice_is_a_noop(statement, editor):
    review.accept_statement(statement=statement, editor=editor, version=statement.version)

    review.accept_statement(statement=statement, editor=editor, version=statement.version)

    assert AuditLog.objects.count() == 1


def test_accept_with_stale_version_is_refused_with_current_values(statement, editor):
    review.correct_statement(statement=statement, editor=editor, version=statement.version, kind="paraphrase")

    with pytest.raises(review.StaleStatementError) as refused:
        review.reject_statement(statement=statement, editor=editor, version=statement.version, reason="no")

    assert refused.value.current.kind == "paraphrase"
    assert "changed by editor while you were working on it" in str(refused.value)
    assert Statement.objects.get(pk=statement.pk).review_state == ReviewState.CORRECTED


# Reject and notes ------------------------------------------------------------------------------------


def test_reject_records_the_reason(statement, editor):
    review.reject_statement(
        statement=statement, editor=editor, version=statement.version, reason="Not a quote"
    )

    statement.refresh_from_db()
    assert statement.review_state == ReviewState.REJECTED
    assert statement.rejection_reason == "Not a quote"
    assert AuditLog.objects.get().changes["rejection_reason"] == ["", "Not a quote"]


def test_reject_needs_a_reason(statement, editor):
    with pytest.raises(ValidationError):
        review.reject_statement(statement=statement, editor=editor, version=statement.version, reason="  ")


def test_reject_removes_the_statement_from_the_matrix(statement, territory, editor):
    refresh_positions(pairs=[(statement.actor_id, territory.pk)])
    assert current_position(statement.actor, territory) is not None

    review.reject_statement(statement=statement, editor=editor, version=statement.version, reason="Wrong")

    assert current_position(statement.actor, territory) is None


def test_note_is_stored_and_touches_the_statement(statement, editor):
    note = review.add_note(statement=statement, editor=editor, text="Checked the transcript.")

    statement.refresh_from_db()
    assert note.author == editor
    assert statement.editor_touched
    assert statement.version == 2
    assert AuditLog.objects.get().action == "note"


# Corrections -----------------------------------------------------------------------------------------


def test_correct_speaker_moves_the_matrix_cell(statement, territory, editor):
    other = ActorFactory(name="Dmitry Peskov")
    refresh_positions(pairs=[(statement.actor_id, territory.pk)])

    review.correct_statement(statement=statement, editor=editor, version=statement.version, actor=other)

    assert current_position(statement.actor, territory) is None
    assert current_position(other, territory).stance == "opposes"
    statement.refresh_from_db()
    assert statement.speaker_name == "Dmitry Peskov"
    assert statement.review_state == ReviewState.CORRECTED


def test_correct_stances_replaces_them_with_editor_confidence(statement, territory, ceasefire, editor):
    review.correct_statement(
        statement=statement,
        editor=editor,
        version=statement.version,
        stances={"territory": "conditional", "ceasefire": "supports"},
    )

    assert review.stances_of(statement) == {"territory": "conditional", "ceasefire": "supports"}
    assert set(statement.stances.values_list("confidence", flat=True)) == {1.0}
    entry = AuditLog.objects.get()
    assert entry.changes["stances"] == [
        {"territory": "opposes"},
        {"territory": "conditional", "ceasefire": "supports"},
    ]


def test_correct_date_marks_it_set_by_an_editor(statement, editor):
    review.correct_statement(
        statement=statement, editor=editor, version=statement.version, said_on=dt.date(2026, 1, 3)
    )

    statement.refresh_from_db()
    assert statement.said_on == dt.date(2026, 1, 3)
    assert statement.said_on_source == SaidOnSource.EDITOR


def test_correct_quote_moves_the_citation_span(statement, editor):
    citation = statement.citations.get()
    shorter = statement.quote[:20]

    review.correct_statement(statement=statement, editor=editor, version=statement.version, quote=shorter)

    citation.refresh_from_db()
    assert citation.text == shorter
    statement.refresh_from_db()
    assert statement.quote == shorter


def test_correct_quote_must_come_from_the_article(statement, editor):
    with pytest.raises(ValidationError, match="copied exactly"):
        review.correct_statement(
            statement=statement, editor=editor, version=statement.version, quote="Words nobody said."
        )

    assert AuditLog.objects.count() == 0


def test_correction_without_a_change_is_not_recorded(statement, editor):
    review.correct_statement(
        statement=statement,
        editor=editor,
        version=statement.version,
        kind=statement.kind,
        stances={"territory": "opposes"},
    )

    assert AuditLog.objects.count() == 0
    statement.refresh_from_db()
    assert not statement.editor_touched


def test_correct_refuses_unknown_stance(statement, editor):
    with pytest.raises(ValidationError):
        review.correct_statement(
            statement=statement, editor=editor, version=statement.version, stances={"territory": "maybe"}
        )


# Speakers --------------------------------------------------------------------------------------------


def unknown_speaker_statement(negotiation, territory, name="Alexei Polishchuk"):
    statement = StatementFactory(
        negotiation=negotiation,
        actor=None,
        speaker_text=name,
        speaker_name=name,
        stances={territory: "opposes"},
    )
    CitationFactory(statement=statement)
    return statement


def test_create_actor_from_speaker_adds_actor_alias_and_attribution(negotiation, territory, editor):
    statement = unknown_speaker_statement(negotiation, territory, name="Polishchuk")
    russia = PartyFactory(name="Russia")

    actor = review.create_actor_from_speaker(
        statement=statement,
        editor=editor,
        version=statement.version,
        name="Alexei Polishchuk",
        kind="person",
        party=russia,
    )

    statement.refresh_from_db()
    assert statement.actor == actor
    assert actor.party == russia
    assert list(actor.aliases.values_list("name", flat=True)) == ["Polishchuk"]
    assert current_position(actor, territory).stance == "opposes"


def test_create_actor_resolves_other_untouched_statements_of_the_same_speaker(negotiation, territory, editor):
    first = unknown_speaker_statement(negotiation, territory)
    second = unknown_speaker_statement(negotiation, territory)
    touched = unknown_speaker_statement(negotiation, territory)
    Statement.objects.filter(pk=touched.pk).update(editor_touched=True)

    actor = review.create_actor_from_speaker(
        statement=first, editor=editor, version=first.version, name="Alexei Polishchuk", kind="person"
    )

    second.refresh_from_db()
    touched.refresh_from_db()
    assert second.actor == actor
    assert not second.editor_touched
    assert touched.actor is None


def test_alias_speaker_to_existing_actor(negotiation, territory, editor):
    statement = unknown_speaker_statement(negotiation, territory, name="Sergei Lavrow")
    lavrov = ActorFactory(name="Sergey Lavrov")

    alias = review.alias_speaker_to_actor(
        statement=statement, editor=editor, version=statement.version, actor=lavrov
    )

    assert alias.name == "Sergei Lavrow"
    assert Alias.objects.filter(actor=lavrov, normalized="sergei lavrow").exists()
    statement.refresh_from_db()
    assert statement.actor == lavrov


# Merge, events ---------------------------------------------------------------------------------------


def test_merge_moves_citations_and_hides_the_duplicate(negotiation, statement, territory, editor):
    duplicate = StatementFactory(
        negotiation=negotiation, actor=statement.actor, stances={territory: "opposes"}
    )
    CitationFactory(statement=duplicate)

    review.merge_statements(statement=duplicate, into=statement, editor=editor, version=duplicate.version)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == statement
    assert statement.citations.count() == 2
    assert duplicate.citations.count() == 0
    assert set(AuditLog.objects.values_list("action", flat=True)) == {"merge", "absorb"}


def test_merge_refuses_a_statement_into_itself(statement, editor):
    with pytest.raises(ValidationError):
        review.merge_statements(statement=statement, into=statement, editor=editor, version=statement.version)


def test_link_and_unlink_event(negotiation, statement, editor):
    event = EventFactory(negotiation=negotiation)

    review.link_event(statement=statement, event=event, editor=editor, version=statement.version)
    statement.refresh_from_db()
    review.unlink_event(statement=statement, event=event, editor=editor, version=statement.version)

    assert statement.events.count() == 0
    assert [entry.changes["events"] for entry in AuditLog.objects.order_by("id")] == [
        [[], [event.pk]],
        [[event.pk], []],
    ]


def test_link_event_of_another_negotiation_is_refused(statement, editor):
    with pytest.raises(ValidationError):
        review.link_event(statement=statement, event=EventFactory(), editor=editor, version=statement.version)


# Revert ----------------------------------------------------------------------------------------------


def test_revert_a_correction_restores_the_values(statement, territory, editor):
    original_actor = statement.actor
    review.correct_statement(
        statement=statement,
        editor=editor,
        version=statement.version,
        actor=ActorFactory(),
        stances={"territory": "supports"},
    )
    entry = AuditLog.objects.get()
    statement.refresh_from_db()

    review.revert_change(entry=entry, editor=editor, version=statement.version)

    statement.refresh_from_db()
    assert statement.actor == original_actor
    assert review.stances_of(statement) == {"territory": "opposes"}
    assert statement.review_state == ReviewState.UNREVIEWED
    assert statement.editor_touched
    assert AuditLog.objects.latest("id").action == "revert"
    assert current_position(original_actor, territory).stance == "opposes"


def test_revert_a_quote_correction_restores_the_span(statement, editor):
    citation = statement.citations.get()
    original = (citation.start, citation.end)
    review.correct_statement(
        statement=statement, editor=editor, version=statement.version, quote=statement.quote[:15]
    )
    statement.refresh_from_db()

    review.revert_change(entry=AuditLog.objects.get(), editor=editor, version=statement.version)

    citation.refresh_from_db()
    assert (citation.start, citation.end) == original


def test_revert_is_refused_when_a_later_change_touched_the_same_field(statement, editor):
    review.correct_statement(statement=statement, editor=editor, version=statement.version, kind="paraphrase")
    first = AuditLog.objects.get()
    statement.refresh_from_db()
    review.correct_statement(statement=statement, editor=editor, version=statement.version, kind="direct")
    statement.refresh_from_db()

    with pytest.raises(review.RevertConflictError):
        review.revert_change(entry=first, editor=editor, version=statement.version)


def test_revert_a_merge_moves_the_citations_back(negotiation, statement, editor):
    duplicate = StatementFactory(negotiation=negotiation, actor=statement.actor)
    CitationFactory(statement=duplicate)
    review.merge_statements(statement=duplicate, into=statement, editor=editor, version=duplicate.version)
    duplicate.refresh_from_db()

    review.revert_change(entry=AuditLog.objects.get(action="merge"), editor=editor, version=duplicate.version)

    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    assert duplicate.citations.count() == 1
    assert Citation.objects.filter(statement=statement).count() == 1


def test_history_lists_changes_newest_first_with_revertibility(statement, editor):
    review.accept_statement(statement=statement, editor=editor, version=statement.version)
    statement.refresh_from_db()
    review.add_note(statement=statement, editor=editor, text="ok")

    history = review.statement_history(statement=statement)

    assert [entry.action for entry in history] == ["note", "accept"]
    assert [entry.revertible for entry in history] == [False, True]
    assert history[1].rows == [{"label": "Review", "before": "unreviewed", "after": "accepted"}]


# Events ----------------------------------------------------------------------------------------------


def test_create_event_makes_a_unique_slug_and_logs(negotiation, territory, editor):
    actor = ActorFactory()
    first = review.create_event(
        editor=editor,
        negotiation=negotiation,
        title="Talks in Geneva",
        date=dt.date(2026, 2, 1),
        kind="talks",
        participants=[actor],
        issues=[territory],
    )
    second = review.create_event(
        editor=editor,
        negotiation=negotiation,
        title="Talks in Geneva",
        date=dt.date(2026, 2, 1),
        kind="talks",
    )

    assert first.slug == "talks-in-geneva-2026-02-01"
    assert second.slug == "talks-in-geneva-2026-02-01-2"
    assert list(first.participants.all()) == [actor]
    assert AuditLog.objects.filter(action="create-event", target_id=first.pk).exists()


def test_update_event_refuses_a_stale_edit(negotiation, editor):
    event = EventFactory(negotiation=negotiation)
    seen = event.updated_at
    review.update_event(event=event, editor=editor, seen_updated_at=seen, place="Istanbul")

    with pytest.raises(review.StaleEventError):
        review.update_event(event=event, editor=editor, seen_updated_at=seen, place="Riyadh")

    event.refresh_from_db()
    assert event.place == "Istanbul"


def test_update_event_refuses_an_end_before_the_start(negotiation, editor):
    event = EventFactory(negotiation=negotiation, date=dt.date(2026, 1, 10))

    with pytest.raises(ValidationError):
        review.update_event(event=event, editor=editor, seen_updated_at=None, end_date=dt.date(2026, 1, 1))
