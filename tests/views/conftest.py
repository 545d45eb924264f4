"""A small negotiation for the analyst views: Russia and Ukraine, two speakers each, two issues."""

import datetime as dt
from dataclasses import dataclass

import pytest

from actors.models import Actor, ActorKind
from negotiations.models import Issue, Negotiation, Statement
from negotiations.services.positions import rebuild_positions
from tests.factories import (
    ActorFactory,
    CitationFactory,
    EventFactory,
    IssueFactory,
    NegotiationFactory,
    PartyFactory,
    StatementFactory,
)

HTMX = {"HX-Request": "true"}


@dataclass
class World:
    negotiation: Negotiation
    russia: Actor
    ukraine: Actor
    lavrov: Actor
    zelenskyy: Actor
    guarantees: Issue
    territory: Issue
    statements: list[Statement]


def say(world_negotiation, actor, day, stances, quote=None, **extra) -> Statement:
    kwargs = {"quote": quote} if quote else {}
    statement = StatementFactory(
        negotiation=world_negotiation, actor=actor, said_on=day, stances=stances, **kwargs, **extra
    )
    CitationFactory(statement=statement)
    return statement


def build_world(*, extra_speakers: int = 0, extra_statements: int = 0) -> World:
    russia = PartyFactory(name="Russia", slug="russia")
    ukraine = PartyFactory(name="Ukraine", slug="ukraine")
    negotiation = NegotiationFactory(
        slug="russia-ukraine", name="Russia–Ukraine talks", parties=[russia, ukraine]
    )
    guarantees = IssueFactory(negotiation=negotiation, slug="security-guarantees", name="Security guarantees")
    territory = IssueFactory(negotiation=negotiation, slug="territory", name="Territory")
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov", party=russia)
    zelenskyy = ActorFactory(name="Volodymyr Zelenskyy", slug="volodymyr-zelenskyy", party=ukraine)
    statements = [
        say(negotiation, lavrov, dt.date(2025, 12, 1), {guarantees: "opposes", territory: "opposes"}),
        say(
            negotiation,
            lavrov,
            dt.date(2026, 1, 10),
            {guarantees: "conditional"},
            quote="Guarantees only with us.",
        ),
        say(
            negotiation,
            lavrov,
            dt.date(2026, 1, 20),
            {guarantees: "opposes"},
            quote="No foreign troops at all.",
        ),
        say(negotiation, zelenskyy, dt.date(2025, 12, 5), {guarantees: "supports", territory: "opposes"}),
        say(negotiation, zelenskyy, dt.date(2026, 1, 18), {territory: "conditional"}),
    ]
    for index in range(extra_speakers):
        speaker = ActorFactory(
            name=f"Speaker {index}", slug=f"speaker-{index}", party=(russia, ukraine)[index % 2]
        )
        for number in range(max(1, extra_statements // max(extra_speakers, 1))):
            statements.append(
                say(
                    negotiation,
                    speaker,
                    dt.date(2025, 11, 1) + dt.timedelta(days=number * 3 + index),
                    {(guarantees, territory)[number % 2]: ("supports", "opposes")[(index + number) % 2]},
                )
            )
    EventFactory(
        negotiation=negotiation,
        slug="geneva-round",
        title="Geneva round",
        date=dt.date(2026, 1, 15),
        participants=[lavrov, zelenskyy],
        issues=[guarantees],
    )
    rebuild_positions(negotiation=negotiation)
    return World(negotiation, russia, ukraine, lavrov, zelenskyy, guarantees, territory, statements)


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def public(settings):
    settings.PUBLIC_READ = True


@pytest.fixture
def government(db) -> Actor:
    return ActorFactory(kind=ActorKind.GOVERNMENT)
