"""Reads for the actor page."""

import datetime as dt
from dataclasses import dataclass

from actors.models import Actor, Alias, Role
from negotiations import selectors
from negotiations.models import Issue, Negotiation, PositionScope, Statement


@dataclass
class ActorProfile:
    actor: Actor
    aliases: list[Alias]
    roles: list[Role]
    members: list[Actor]
    scope: str
    issues: list[Issue]
    runs: dict[int, list[tuple[dt.date, str]]]
    latest: list[Statement]
    negotiation: Negotiation | None


def actor_scope(*, actor: Actor, negotiation: Negotiation | None) -> str:
    """A party is shown with everyone speaking for it (party scope); anyone else with their own words."""
    if negotiation is not None and negotiation.parties.filter(pk=actor.pk).exists():
        return PositionScope.PARTY
    if actor.party_id is None and actor.members.exists():
        return PositionScope.PARTY
    return PositionScope.ACTOR


def actor_profile(
    *, actor: Actor, negotiation: Negotiation | None, latest: int = 20, scope: str | None = None
) -> ActorProfile:
    """Names, offices, who speaks for it, its stance per issue over time, its latest statements.

    Seven queries (two fewer when the caller already knows the scope, `actor_scope`).
    """
    members = list(actor.members.order_by("name"))
    scope = scope or actor_scope(actor=actor, negotiation=negotiation)
    is_party = scope == PositionScope.PARTY
    runs = selectors.stance_runs(actor=actor, scope=scope, negotiation=negotiation)
    issues = list(
        Issue.objects.filter(pk__in=runs.keys())
        .select_related("negotiation")
        .order_by("negotiation", "position", "name")
    )
    statements = Statement.objects.filter(merged_into__isnull=True).exclude(review_state="rejected")
    if negotiation is not None:
        statements = statements.filter(negotiation=negotiation)
    if is_party:
        statements = statements.filter(actor__in=selectors.speaking_for(actor).values("pk"))
    else:
        statements = statements.filter(actor=actor)
    return ActorProfile(
        actor=actor,
        aliases=list(actor.aliases.order_by("name")),
        roles=list(actor.roles.order_by("-start")),
        members=members,
        scope=scope,
        issues=issues,
        runs=runs,
        latest=list(selectors.statements_with_provenance(statements.order_by("-said_on", "-id"))[:latest]),
        negotiation=negotiation,
    )
