"""What a registry change would do to extraction, tried on a sample of stored documents before saving it.

Nothing is written: the engine runs twice on the same documents, with the registry as it is and as it would
be, and the differences are counted.
"""

import dataclasses
from dataclasses import dataclass, field

from negotiations.extraction import ActorEntry, IssueEntry, Registry, extract
from negotiations.models import Document, Negotiation
from negotiations.services.registry import build_registry

SAMPLE_SIZE = 30
EXAMPLES = 8


@dataclass
class PreviewExample:
    document: Document
    quote: str
    before: str
    after: str


@dataclass
class RegistryPreview:
    documents: int
    statements_before: int
    statements_after: int
    tagged_before: int
    tagged_after: int
    resolved_before: int
    resolved_after: int
    examples: list[PreviewExample] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.examples) or (self.statements_before, self.tagged_before, self.resolved_before) != (
            self.statements_after,
            self.tagged_after,
            self.resolved_after,
        )


def _with_issue(registry: Registry, issue: IssueEntry) -> Registry:
    issues = [issue if entry.slug == issue.slug else entry for entry in registry.issues]
    if issue.slug not in registry.issue_by_slug:
        issues.append(issue)
    return Registry(actors=registry.actors, issues=issues)


def _with_actor(registry: Registry, actor: ActorEntry) -> Registry:
    actors = [actor if entry.slug == actor.slug else entry for entry in registry.actors]
    if actor.slug not in registry.by_slug:
        actors.append(actor)
    return Registry(actors=actors, issues=registry.issues)


def _sample(negotiation: Negotiation, size: int) -> list[Document]:
    documents = Document.objects.filter(citations__statement__negotiation=negotiation).distinct()
    sample = list(documents.order_by("-published_at", "-id")[:size])
    return sample or list(Document.objects.order_by("-published_at", "-id")[:size])


def _compare(
    before: Registry,
    after: Registry,
    documents: list[Document],
    *,
    issue_slug: str = "",
    actor_slug: str = "",
) -> RegistryPreview:
    preview = RegistryPreview(len(documents), 0, 0, 0, 0, 0, 0)
    for document in documents:
        published = document.published_at.date() if document.published_at else None
        old = {
            (item.start, item.end): item
            for item in extract(document.text, published=published, registry=before)
        }
        new = {
            (item.start, item.end): item
            for item in extract(document.text, published=published, registry=after)
        }
        preview.statements_before += len(old)
        preview.statements_after += len(new)
        if issue_slug:
            preview.tagged_before += sum(issue_slug in item.issues for item in old.values())
            preview.tagged_after += sum(issue_slug in item.issues for item in new.values())
        if actor_slug:
            preview.resolved_before += sum(item.actor_slug == actor_slug for item in old.values())
            preview.resolved_after += sum(item.actor_slug == actor_slug for item in new.values())
        for span in sorted(set(old) | set(new)):
            if len(preview.examples) >= EXAMPLES:
                break
            was, now = (
                _describe(old.get(span), issue_slug, actor_slug),
                _describe(new.get(span), issue_slug, actor_slug),
            )
            if was != now:
                item = new.get(span) or old[span]
                preview.examples.append(PreviewExample(document, item.quote[:240], was, now))
    return preview


def _describe(item, issue_slug: str, actor_slug: str) -> str:
    if item is None:
        return "not found"
    if issue_slug:
        stance = item.issues.get(issue_slug)
        return f"{stance.stance} ({stance.confidence:.2f})" if stance else "not tagged"
    if actor_slug:
        return item.speaker_name + (" ✓" if item.actor_slug == actor_slug else "")
    return item.speaker_name


def preview_issue_cues(
    *,
    negotiation: Negotiation,
    slug: str,
    name: str,
    proposition: str,
    cues: list[str],
    size: int = SAMPLE_SIZE,
) -> RegistryPreview:
    before = build_registry(negotiation=negotiation)
    current = before.issue_by_slug.get(slug)
    changed = IssueEntry(
        slug=slug,
        name=name,
        proposition=proposition,
        cues=tuple(cues),
        parent=current.parent if current else None,
    )
    return _compare(before, _with_issue(before, changed), _sample(negotiation, size), issue_slug=slug)


def preview_actor_names(
    *, negotiation: Negotiation, slug: str, aliases: list[str], size: int = SAMPLE_SIZE
) -> RegistryPreview:
    before = build_registry(negotiation=negotiation)
    current = before.by_slug.get(slug)
    if current is None:
        return RegistryPreview(0, 0, 0, 0, 0, 0, 0)
    changed = dataclasses.replace(current, aliases=tuple(dict.fromkeys([*current.aliases, *aliases])))
    return _compare(before, _with_actor(before, changed), _sample(negotiation, size), actor_slug=slug)
