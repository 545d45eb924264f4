"""factory_boy factories for every model. Defaults make a valid row; pass what a test is about.

negotiation = NegotiationFactory()
russia = PartyFactory(name="Russia")
lavrov = ActorFactory(name="Sergey Lavrov", party=russia)
territory = IssueFactory(negotiation=negotiation, slug="territory")
statement = StatementFactory(negotiation=negotiation, actor=lavrov, stances={territory: "opposes"})
CitationFactory(statement=statement)   # a document whose text contains the quote, and the span
"""

import datetime as dt
import hashlib

import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone
from factory.django import DjangoModelFactory

from actors.models import Actor, ActorKind, Alias, Role
from negotiations.enums import EventKind, ReviewState, SourceKind, Stance, StatementKind
from negotiations.models import (
    AuditLog,
    Citation,
    Document,
    Event,
    FeedEntry,
    Issue,
    Negotiation,
    Note,
    Position,
    Source,
    Statement,
    StatementIssue,
)
from negotiations.models.positions import PositionScope

DEFAULT_PASSWORD = "a-test-password-7"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def groups(self, create: bool, names: list[str] | None, **kwargs) -> None:
        """UserFactory(groups=["editor"]): the groups come from the roles migration."""
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


class ActorFactory(DjangoModelFactory):
    class Meta:
        model = Actor
        django_get_or_create = ("slug",)

    name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"actor-{n}")
    kind = ActorKind.PERSON
    party = None
    description = ""


class PartyFactory(ActorFactory):
    """A state or bloc that others speak for."""

    name = factory.Sequence(lambda n: f"State {n}")
    slug = factory.Sequence(lambda n: f"state-{n}")
    kind = ActorKind.GOVERNMENT


class AliasFactory(DjangoModelFactory):
    class Meta:
        model = Alias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class RoleFactory(DjangoModelFactory):
    class Meta:
        model = Role

    actor = factory.SubFactory(ActorFactory)
    title = factory.Sequence(lambda n: f"Minister {n}")
    start = dt.date(2024, 1, 1)
    end = None
    descriptors = factory.LazyAttribute(lambda role: [f"the {role.title.lower()}"])


class NegotiationFactory(DjangoModelFactory):
    class Meta:
        model = Negotiation
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"talks-{n}")
    name = factory.Sequence(lambda n: f"Peace talks {n}")
    description = "Talks between the parties."
    started_on = dt.date(2025, 2, 12)

    @factory.post_generation
    def parties(self, create: bool, actors: list[Actor] | None, **kwargs) -> None:
        if create and actors:
            self.parties.add(*actors)


class IssueFactory(DjangoModelFactory):
    class Meta:
        model = Issue
        django_get_or_create = ("negotiation", "slug")

    negotiation = factory.SubFactory(NegotiationFactory)
    slug = factory.Sequence(lambda n: f"issue-{n}")
    name = factory.LazyAttribute(lambda issue: issue.slug.replace("-", " ").capitalize())
    proposition = factory.LazyAttribute(lambda issue: f"The parties agree on {issue.name.lower()}.")
    cues = factory.LazyAttribute(lambda issue: [issue.name.lower()])
    position = factory.Sequence(int)


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"News outlet {n}")
    kind = SourceKind.RSS
    url = factory.Sequence(lambda n: f"https://outlet{n}.example.org/feed.xml")
    negotiation = None


def _hash(text: str, salt: int) -> str:
    return hashlib.sha256(f"{salt}:{text}".encode()).hexdigest()


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    source = factory.SubFactory(SourceFactory)
    url = factory.Sequence(lambda n: f"https://news.example.org/articles/{n}")
    canonical_url = factory.LazyAttribute(lambda doc: doc.url)
    title = factory.Sequence(lambda n: f"Envoys meet again, report {n}")
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    text = factory.Faker("paragraph", nb_sentences=6)
    content_hash = factory.Sequence(lambda n: _hash("document", n))
    language = "en"


class FeedEntryFactory(DjangoModelFactory):
    class Meta:
        model = FeedEntry

    source = factory.SubFactory(SourceFactory)
    guid = factory.Sequence(lambda n: f"entry-{n}")
    url = factory.Sequence(lambda n: f"https://news.example.org/entries/{n}")
    title = factory.Sequence(lambda n: f"Entry {n}")


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    negotiation = factory.SubFactory(NegotiationFactory)
    slug = factory.Sequence(lambda n: f"event-{n}")
    date = dt.date(2026, 1, 10)
    kind = EventKind.TALKS
    title = factory.Sequence(lambda n: f"Round {n} of talks")
    place = "Geneva"
    description = "Delegations met for a day of talks."
    source_urls = factory.LazyAttribute(lambda event: [f"https://news.example.org/events/{event.slug}"])

    @factory.post_generation
    def participants(self, create: bool, actors: list[Actor] | None, **kwargs) -> None:
        if create and actors:
            self.participants.add(*actors)

    @factory.post_generation
    def issues(self, create: bool, issues: list[Issue] | None, **kwargs) -> None:
        if create and issues:
            self.issues.add(*issues)


class StatementFactory(DjangoModelFactory):
    """StatementFactory(stances={issue: "opposes"}) or {issue: ("opposes", 0.9)} adds its stances."""

    class Meta:
        model = Statement
        skip_postgeneration_save = True

    negotiation = factory.SubFactory(NegotiationFactory)
    actor = factory.SubFactory(ActorFactory)
    speaker_text = factory.LazyAttribute(
        lambda statement: statement.actor.name if statement.actor else "an official"
    )
    speaker_name = factory.LazyAttribute(lambda statement: statement.actor.name if statement.actor else "")
    quote = factory.Sequence(lambda n: f"We are ready to talk, but not at any price (remark {n}).")
    kind = StatementKind.DIRECT
    said_on = dt.date(2026, 1, 15)
    confidence = 0.8
    review_state = ReviewState.UNREVIEWED
    fingerprint = factory.Sequence(lambda n: _hash("statement", n))
    extractor_version = "test"

    @factory.post_generation
    def stances(self, create: bool, stances: dict | None, **kwargs) -> None:
        if not create or not stances:
            return
        for issue, value in stances.items():
            stance, confidence = value if isinstance(value, tuple) else (value, 0.8)
            StatementIssue.objects.create(statement=self, issue=issue, stance=stance, confidence=confidence)


class StatementIssueFactory(DjangoModelFactory):
    class Meta:
        model = StatementIssue

    statement = factory.SubFactory(StatementFactory)
    issue = factory.SubFactory(IssueFactory, negotiation=factory.SelfAttribute("..statement.negotiation"))
    stance = Stance.SUPPORTS
    confidence = 0.8


def _document_quoting(citation) -> Document:
    statement = citation.statement
    text = (
        "Envoys met for a second day of talks.\n\n"
        f"{statement.speaker_text} told reporters: “{statement.quote}” The talks continue.\n\n"
        "Both delegations are expected to report to their capitals."
    )
    return DocumentFactory(text=text)


class CitationFactory(DjangoModelFactory):
    """By default, a new document whose text contains the quote, and the span of the quote in it."""

    class Meta:
        model = Citation

    statement = factory.SubFactory(StatementFactory)
    document = factory.LazyAttribute(_document_quoting)
    start = factory.LazyAttribute(
        lambda citation: max(citation.document.text.find(citation.statement.quote), 0)
    )
    end = factory.LazyAttribute(lambda citation: citation.start + len(citation.statement.quote))
    speaker_text = factory.LazyAttribute(lambda citation: citation.statement.speaker_text)


class NoteFactory(DjangoModelFactory):
    class Meta:
        model = Note

    statement = factory.SubFactory(StatementFactory)
    author = factory.SubFactory(UserFactory)
    text = "Checked against the ministry's transcript."


class AuditLogFactory(DjangoModelFactory):
    class Meta:
        model = AuditLog

    user = factory.SubFactory(UserFactory)
    action = "accept"
    statement = factory.SubFactory(StatementFactory)
    target_type = "statement"
    target_id = factory.LazyAttribute(lambda entry: entry.statement.pk if entry.statement else 0)
    changes = factory.LazyFunction(lambda: {"review_state": ["unreviewed", "accepted"]})


class PositionFactory(DjangoModelFactory):
    """A raw Position row; most tests should call refresh_positions on statements instead."""

    class Meta:
        model = Position

    issue = factory.SubFactory(IssueFactory)
    negotiation = factory.SelfAttribute("issue.negotiation")
    actor = factory.SubFactory(ActorFactory)
    scope = PositionScope.ACTOR
    reviewed_only = False
    valid_from = dt.date(2026, 1, 15)
    valid_until = None
    stance = Stance.SUPPORTS
    confidence = 0.8
    statement = None
    statement_count = 1
    source_count = 1
    previous_stance = ""
    stance_since = factory.SelfAttribute("valid_from")
