"""Reads for the actor page."""

from dataclasses import dataclass

from django.db.models import Count, Q

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
    runs: dict[int, selectors.StanceHistory]  # per issue: the days its stance changed, the stance taken
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


@dataclass
class DirectoryEntry:
    actor: Actor
    statements: int


@dataclass
class DirectoryGroup:
    side: Actor | None  # None: actors that speak for no one and for whom no one speaks
    entries: list[DirectoryEntry]


def actor_directory(*, query: str = "", kind: str = "") -> list[DirectoryGroup]:
    """Every actor, grouped by the side it speaks for (the side first, then its people and bodies, most
    quoted first), with the number of statements attributed to it. Two queries."""
    actors = Actor.objects.select_related("party__party").annotate(
        statement_count=Count(
            "statements",
            filter=Q(statements__merged_into__isnull=True) & ~Q(statements__review_state="rejected"),
        )
    )
    if query.strip():
        text = query.strip()
        written_as = Alias.objects.filter(name__icontains=text).values("actor")
        actors = actors.filter(Q(name__icontains=text) | Q(pk__in=written_as))
    if kind:
        actors = actors.filter(kind=kind)
    heads = set(
        Actor.objects.filter(selectors.is_top_party()).values_list("pk", flat=True)
    )  # sides with people
    groups: dict[int | None, DirectoryGroup] = {}
    for actor in actors.order_by("-statement_count", "name"):
        side = selectors.side_of(actor)
        key = side.pk if side.pk in heads else None
        group = groups.setdefault(key, DirectoryGroup(side=side if key else None, entries=[]))
        group.entries.append(DirectoryEntry(actor=actor, statements=actor.statement_count))
    for group in groups.values():
        group.entries.sort(key=lambda entry: (entry.actor != group.side, -entry.statements, entry.actor.name))
    named = sorted(
        (group for group in groups.values() if group.side),
        key=lambda group: (-sum(entry.statements for entry in group.entries), group.side.name),
    )
    return [*named, groups[None]] if None in groups else named
