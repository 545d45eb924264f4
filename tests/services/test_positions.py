import datetime as dt
import random

import pytest

from negotiations.enums import ReviewState
from negotiations.models import ActorEvidence, Position, PositionScope, Statement, StatementIssue
from negotiations.services.positions import (
    CONFIDENCE_FLOOR,
    Evidence,
    counted_stances,
    position_history,
    rebuild_positions,
    refresh_positions,
    shifted_recently,
)
from tests.factories import (
    ActorFactory,
    CitationFactory,
    DocumentFactory,
    IssueFactory,
    NegotiationFactory,
    PartyFactory,
    StatementFactory,
)
from tests.positions import position_table, rebuilt_table

JAN = dt.date(2026, 1, 1)


def evidence(day: int, stance: str, *, statement_id: int = 0, reviewed=False, confidence=0.8, documents=()):
    return Evidence(
        statement_id=statement_id or day,
        actor_id=1,
        issue_id=1,
        said_on=JAN + dt.timedelta(days=day),
        reviewed=reviewed,
        confidence=confidence,
        stance=stance,
        documents=frozenset(documents),
    )


def test_history_has_one_row_per_day_and_the_latest_day_holds():
    rows = position_history([evidence(5, "opposes"), evidence(1, "supports")], reviewed_only=False)

    assert [(row.valid_from.day, row.stance, row.valid_until) for row in rows] == [
        (2, "supports", JAN + dt.timedelta(days=5)),
        (6, "opposes", None),
    ]


def test_same_day_reviewed_statement_beats_a_more_confident_unreviewed_one():
    rows = position_history(
        [
            evidence(1, "opposes", statement_id=1, confidence=0.99),
            evidence(1, "conditional", statement_id=2, reviewed=True, confidence=1.0),
        ],
        reviewed_only=False,
    )

    assert [row.stance for row in rows] == ["conditional"]


def test_same_day_higher_confidence_wins():
    rows = position_history(
        [evidence(1, "opposes", statement_id=1, confidence=0.9), evidence(1, "neutral", statement_id=2)],
        reviewed_only=False,
    )

    assert rows[0].stance == "opposes"


def test_unreviewed_statement_below_the_floor_is_ignored():
    rows = position_history(
        [evidence(1, "supports"), evidence(2, "opposes", confidence=CONFIDENCE_FLOOR - 0.01)],
        reviewed_only=False,
    )

    assert [row.stance for row in rows] == ["supports"]
    assert rows[0].statement_count == 1


def test_reviewed_only_history_ignores_unreviewed_statements():
    rows = position_history(
        [evidence(1, "supports", reviewed=True), evidence(2, "opposes")], reviewed_only=True
    )

    assert [row.stance for row in rows] == ["supports"]


def test_counts_accumulate_statements_and_distinct_documents():
    rows = position_history(
        [evidence(1, "supports", documents={10, 11}), evidence(2, "supports", documents={11, 12})],
        reviewed_only=False,
    )

    assert [(row.statement_count, row.source_count) for row in rows] == [(1, 2), (2, 3)]


def test_history_remembers_the_previous_stance_of_the_current_run():
    rows = position_history(
        [evidence(1, "opposes"), evidence(3, "conditional"), evidence(9, "conditional")], reviewed_only=False
    )

    last = rows[-1]
    assert (last.previous_stance, last.stance_since) == ("opposes", JAN + dt.timedelta(days=3))


def test_shift_marker_only_within_the_window():
    since = dt.date(2026, 1, 10)

    assert shifted_recently(previous_stance="opposes", stance_since=since, as_of=dt.date(2026, 1, 20))
    assert not shifted_recently(previous_stance="opposes", stance_since=since, as_of=dt.date(2026, 6, 1))
    assert not shifted_recently(previous_stance="", stance_since=since, as_of=dt.date(2026, 1, 20))


@pytest.fixture
def cell(db):
    negotiation = NegotiationFactory()
    russia = PartyFactory(name="Russia")
    lavrov = ActorFactory(name="Sergey Lavrov", party=russia)
    issue = IssueFactory(negotiation=negotiation, slug="security-guarantees")
    return negotiation, russia, lavrov, issue


def current(actor, issue, scope=PositionScope.ACTOR, reviewed_only=False) -> Position:
    return Position.objects.get(
        actor=actor, issue=issue, scope=scope, reviewed_only=reviewed_only, valid_until=None
    )


def test_refresh_positions_writes_actor_and_party_history(cell):
    negotiation, russia, lavrov, issue = cell
    StatementFactory(
        negotiation=negotiation, actor=lavrov, said_on=dt.date(2026, 1, 5), stances={issue: "opposes"}
    )

    refresh_positions(pairs=[(lavrov.pk, issue.pk)])

    assert current(lavrov, issue).stance == "opposes"
    assert current(russia, issue, PositionScope.PARTY).stance == "opposes"


def test_refresh_positions_is_idempotent(cell):
    negotiation, _, lavrov, issue = cell
    StatementFactory(negotiation=negotiation, actor=lavrov, stances={issue: "opposes"})

    refresh_positions(pairs=[(lavrov.pk, issue.pk)])
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])

    assert Position.objects.filter(actor=lavrov, reviewed_only=False).count() == 1


def test_refresh_positions_drops_a_rejected_statement(cell):
    negotiation, _, lavrov, issue = cell
    statement = StatementFactory(negotiation=negotiation, actor=lavrov, stances={issue: "opposes"})
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])

    Statement.objects.filter(pk=statement.pk).update(review_state=ReviewState.REJECTED)
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])

    assert not Position.objects.filter(actor=lavrov).exists()


def test_party_position_follows_the_latest_member(cell):
    negotiation, russia, lavrov, issue = cell
    peskov = ActorFactory(name="Dmitry Peskov", party=russia)
    StatementFactory(
        negotiation=negotiation, actor=lavrov, said_on=dt.date(2026, 1, 5), stances={issue: "opposes"}
    )
    StatementFactory(
        negotiation=negotiation, actor=peskov, said_on=dt.date(2026, 1, 9), stances={issue: "neutral"}
    )

    refresh_positions(pairs=[(lavrov.pk, issue.pk)])

    party = current(russia, issue, PositionScope.PARTY)
    assert (party.stance, party.statement_count, party.previous_stance) == ("neutral", 2, "opposes")


def test_refresh_positions_counts_cited_documents(cell):
    negotiation, _, lavrov, issue = cell
    statement = StatementFactory(negotiation=negotiation, actor=lavrov, stances={issue: "supports"})
    CitationFactory(statement=statement)
    CitationFactory(statement=statement)

    refresh_positions(pairs=[(lavrov.pk, issue.pk)])

    assert current(lavrov, issue).source_count == 2


def test_rebuild_positions_matches_refresh(cell):
    negotiation, _russia, lavrov, issue = cell
    other_issue = IssueFactory(negotiation=negotiation)
    for day, stance in [(3, "opposes"), (8, "conditional"), (12, "supports")]:
        StatementFactory(
            negotiation=negotiation,
            actor=lavrov,
            said_on=JAN + dt.timedelta(days=day),
            stances={issue: stance, other_issue: "neutral"},
        )
    refresh_positions(pairs=[(lavrov.pk, issue.pk), (lavrov.pk, other_issue.pk)])
    fields = ("actor_id", "issue_id", "scope", "reviewed_only", "valid_from", "valid_until", "stance")
    refreshed = sorted(Position.objects.values_list(*fields))

    Position.objects.all().delete()
    rebuild_positions(negotiation=negotiation)

    assert sorted(Position.objects.values_list(*fields)) == refreshed
    assert len(refreshed) == 12  # 3 days x 2 issues x 2 scopes; nothing is reviewed


def test_counted_stances_agrees_with_the_python_rule(cell):
    negotiation, _, lavrov, issue = cell
    kept = StatementFactory(negotiation=negotiation, actor=lavrov, stances={issue: ("opposes", 0.9)})
    StatementFactory(
        negotiation=negotiation, actor=lavrov, confidence=0.2, stances={issue: ("supports", 0.9)}
    )
    StatementFactory(
        negotiation=negotiation, actor=lavrov, review_state=ReviewState.REJECTED, stances={issue: "supports"}
    )
    StatementFactory(negotiation=negotiation, actor=lavrov, merged_into=kept, stances={issue: "supports"})
    reviewed = StatementFactory(
        negotiation=negotiation,
        actor=lavrov,
        confidence=0.1,
        review_state=ReviewState.ACCEPTED,
        stances={issue: ("neutral", 0.1)},
    )
    stances = StatementIssue.objects.filter(issue=issue)

    assert {s.statement_id for s in counted_stances(stances, reviewed_only=False)} == {kept.pk, reviewed.pk}
    assert {s.statement_id for s in counted_stances(stances, reviewed_only=True)} == {reviewed.pk}
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])
    assert current(lavrov, issue).statement_count == 2


# Refreshing from a day on ------------------------------------------------------------------------------


def test_refresh_since_a_day_keeps_the_rows_before_it_and_closes_the_last(cell):
    negotiation, _, lavrov, issue = cell
    StatementFactory(negotiation=negotiation, actor=lavrov, said_on=JAN, stances={issue: "opposes"})
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])
    first_row = Position.objects.get(actor=lavrov, scope=PositionScope.ACTOR, reviewed_only=False)
    later = JAN + dt.timedelta(days=9)
    StatementFactory(negotiation=negotiation, actor=lavrov, said_on=later, stances={issue: "supports"})

    refresh_positions(pairs=[(lavrov.pk, issue.pk)], since=later)

    closed = Position.objects.get(
        actor=lavrov, scope=PositionScope.ACTOR, reviewed_only=False, valid_from=JAN
    )
    assert (closed.stance, closed.statement_id, closed.valid_until) == (
        "opposes",
        first_row.statement_id,
        later,
    )
    assert closed.pk > first_row.pk  # written again: the pages' cache key sees a new id
    latest = current(lavrov, issue)
    assert (latest.stance, latest.previous_stance, latest.statement_count) == ("supports", "opposes", 2)


def test_refresh_since_a_day_counts_a_document_cited_before_it_once(cell):
    negotiation, _, lavrov, issue = cell
    earlier = StatementFactory(negotiation=negotiation, actor=lavrov, said_on=JAN, stances={issue: "opposes"})
    document = CitationFactory(statement=earlier).document
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])
    later = JAN + dt.timedelta(days=3)
    statement = StatementFactory(
        negotiation=negotiation, actor=lavrov, said_on=later, stances={issue: "opposes"}
    )
    CitationFactory(statement=statement, document=document, start=0, end=5)

    refresh_positions(pairs=[(lavrov.pk, issue.pk)], since=later)

    assert current(lavrov, issue).source_count == 1
    assert position_table() == rebuilt_table(negotiation)


def test_refresh_since_a_day_matches_a_full_rebuild_over_random_changes(cell):
    """Statements arrive out of order, cite shared documents, fall under the floor, get reviewed,
    rejected, re-dated and re-attributed; after every change the table equals a rebuild from scratch."""
    negotiation, russia, lavrov, issue = cell
    rng = random.Random(20260130)
    speakers = [lavrov, ActorFactory(party=russia), russia, ActorFactory()]
    issues = [issue, IssueFactory(negotiation=negotiation)]
    documents = [DocumentFactory() for _ in range(5)]
    statements = []

    def day() -> dt.date:
        return JAN + dt.timedelta(days=rng.randrange(40))

    for step in range(45):
        if statements and step % 3 == 2:
            statement = rng.choice(statements)
            before_day, before_pairs = statement.said_on, cell_pairs_of(statement)
            change = rng.choice(["said_on", "review", "reject", "actor"])
            if change == "said_on":
                statement.said_on = day()
            elif change == "review":
                statement.review_state = ReviewState.ACCEPTED
            elif change == "reject":
                statement.review_state = ReviewState.REJECTED
            else:
                statement.actor = rng.choice(speakers)
            statement.save()
            since = min(before_day, statement.said_on)
            pairs = before_pairs | cell_pairs_of(statement)
        else:
            chosen = rng.sample(issues, rng.randint(1, 2))
            statement = StatementFactory(
                negotiation=negotiation,
                actor=rng.choice(speakers),
                said_on=day(),
                confidence=rng.choice([0.2, 0.6, 0.9]),
                stances={item: rng.choice(["supports", "opposes", "neutral"]) for item in chosen},
            )
            for document in rng.sample(documents, rng.randint(1, 2)):
                CitationFactory(statement=statement, document=document, start=0, end=5)
            statements.append(statement)
            since, pairs = statement.said_on, cell_pairs_of(statement)

        refresh_positions(pairs=pairs, since=since)

        assert position_table() == rebuilt_table(negotiation), f"step {step}"


def cell_pairs_of(statement) -> set[tuple[int, int]]:
    return {
        (statement.actor_id, issue_id) for issue_id in statement.stances.values_list("issue_id", flat=True)
    }


def actor_totals() -> dict[tuple[int, int, bool], int]:
    return {
        (row.negotiation_id, row.actor_id, row.reviewed_only): row.statement_count
        for row in ActorEvidence.objects.all()
    }


def totals_of_current_cells() -> dict[tuple[int, int, bool], int]:
    totals: dict[tuple[int, int, bool], int] = {}
    for row in Position.objects.filter(scope=PositionScope.ACTOR, valid_until=None):
        key = (row.negotiation_id, row.actor_id, row.reviewed_only)
        totals[key] = totals.get(key, 0) + row.statement_count
    return totals


def test_refresh_positions_totals_an_actors_counted_statements_over_its_issues(cell):
    negotiation, _, lavrov, issue = cell
    other_issue = IssueFactory(negotiation=negotiation)
    StatementFactory(
        negotiation=negotiation, actor=lavrov, stances={issue: "opposes", other_issue: "neutral"}
    )
    StatementFactory(negotiation=negotiation, actor=lavrov, stances={issue: "supports"})

    refresh_positions(pairs=[(lavrov.pk, issue.pk), (lavrov.pk, other_issue.pk)])

    assert actor_totals() == {(negotiation.pk, lavrov.pk, False): 3}


def test_an_actor_with_nothing_counted_left_has_no_total(cell):
    negotiation, _, lavrov, issue = cell
    statement = StatementFactory(negotiation=negotiation, actor=lavrov, stances={issue: "opposes"})
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])
    assert actor_totals() == {(negotiation.pk, lavrov.pk, False): 1}

    Statement.objects.filter(pk=statement.pk).update(review_state=ReviewState.REJECTED)
    refresh_positions(pairs=[(lavrov.pk, issue.pk)])

    assert actor_totals() == {}


def test_rebuild_positions_writes_the_actor_totals(cell):
    negotiation, _, lavrov, issue = cell
    StatementFactory(
        negotiation=negotiation, actor=lavrov, stances={issue: "opposes"}, review_state=ReviewState.ACCEPTED
    )

    rebuild_positions(negotiation=negotiation)

    assert actor_totals() == {(negotiation.pk, lavrov.pk, False): 1, (negotiation.pk, lavrov.pk, True): 1}


def test_actor_totals_follow_statements_moved_between_actors_and_issues(cell):
    negotiation, russia, lavrov, issue = cell
    rng = random.Random(20261130)
    speakers = [lavrov, ActorFactory(party=russia), ActorFactory()]
    issues = [issue, IssueFactory(negotiation=negotiation)]
    statements = []
    for step in range(30):
        if statements and step % 2:
            statement = rng.choice(statements)
            pairs = cell_pairs_of(statement)
            statement.actor = rng.choice(speakers)
            statement.review_state = rng.choice(
                [ReviewState.ACCEPTED, ReviewState.REJECTED, statement.review_state]
            )
            statement.save()
            pairs |= cell_pairs_of(statement)
        else:
            statement = StatementFactory(
                negotiation=negotiation,
                actor=rng.choice(speakers),
                said_on=JAN + dt.timedelta(days=rng.randrange(20)),
                stances={
                    item: rng.choice(["supports", "opposes"])
                    for item in rng.sample(issues, rng.randint(1, 2))
                },
            )
            statements.append(statement)
            pairs = cell_pairs_of(statement)

        refresh_positions(pairs=pairs)

        assert actor_totals() == totals_of_current_cells(), f"step {step}"
    assert actor_totals()  # the walk left some statements counted
