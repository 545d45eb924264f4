"""The extraction registry, built from the actors and issues in the database."""

from django.core.cache import cache
from django.db.models import Count, Max

from actors.models import Actor, Alias, Role
from negotiations.extraction import ActorEntry, IssueEntry, Registry, RoleEntry
from negotiations.models import Issue, Negotiation

# Building the registry compiles many patterns, so each process keeps the last one it built
# and rebuilds only when actors, aliases, roles or issues changed.
_built: dict[int, tuple[tuple, Registry]] = {}


def _stamp(negotiation: Negotiation) -> tuple:
    actors = Actor.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    aliases = Alias.objects.aggregate(count=Count("id"), latest=Max("id"))
    roles = Role.objects.aggregate(count=Count("id"), latest=Max("id"))
    issues = Issue.objects.filter(negotiation=negotiation).aggregate(count=Count("id"), latest=Max("id"))
    bump = cache.get(f"registry-bump:{negotiation.pk}", 0)
    return (
        actors["count"],
        actors["latest"],
        aliases["count"],
        aliases["latest"],
        roles["count"],
        roles["latest"],
        issues["count"],
        issues["latest"],
        bump,
    )


def invalidate_registry(*, negotiation: Negotiation) -> None:
    """Edits that keep counts and ids (a renamed alias, new cue words) call this."""
    key = f"registry-bump:{negotiation.pk}"
    cache.set(key, cache.get(key, 0) + 1, timeout=None)


def build_registry(*, negotiation: Negotiation) -> Registry:
    actors = Actor.objects.select_related("party").prefetch_related("aliases", "roles")
    actor_entries = [
        ActorEntry(
            slug=actor.slug,
            name=actor.name,
            kind=actor.kind,
            party=actor.party.slug if actor.party else None,
            gender=actor.gender,
            aliases=tuple(alias.name for alias in actor.aliases.all()),
            roles=tuple(
                RoleEntry(
                    title=role.title, start=role.start, end=role.end, descriptors=tuple(role.descriptors)
                )
                for role in actor.roles.all()
            ),
        )
        for actor in actors
    ]
    issues = Issue.objects.filter(negotiation=negotiation).select_related("parent")
    issue_entries = [
        IssueEntry(
            slug=issue.slug,
            name=issue.name,
            proposition=issue.proposition,
            cues=tuple(issue.cues),
            parent=issue.parent.slug if issue.parent else None,
        )
        for issue in issues
    ]
    return Registry(actors=actor_entries, issues=issue_entries)


def registry_for(*, negotiation: Negotiation) -> Registry:
    stamp = _stamp(negotiation)
    cached = _built.get(negotiation.pk)
    if cached and cached[0] == stamp:
        return cached[1]
    registry = build_registry(negotiation=negotiation)
    _built[negotiation.pk] = (stamp, registry)
    return registry
