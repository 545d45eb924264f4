"""The plain data the engine reads (registry entries) and writes (statements)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

STANCES = ("supports", "conditional", "neutral", "opposes")


@dataclass(frozen=True)
class RoleEntry:
    title: str
    start: date | None = None
    end: date | None = None
    descriptors: tuple[str, ...] = ()

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


@dataclass(frozen=True)
class ActorEntry:
    slug: str
    name: str
    kind: str
    party: str | None
    gender: str = ""
    aliases: tuple[str, ...] = ()
    roles: tuple[RoleEntry, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


@dataclass(frozen=True)
class IssueEntry:
    slug: str
    name: str
    proposition: str
    cues: tuple[str, ...]
    parent: str | None = None


@dataclass(frozen=True)
class IssueStance:
    stance: str
    confidence: float


@dataclass
class ExtractedStatement:
    kind: str
    quote: str
    start: int
    end: int
    speaker_text: str
    speaker_name: str
    speaker_title: str = ""
    actor_slug: str | None = None
    anonymous: bool = False
    said_on: date | None = None
    said_on_source: str = "published"
    issues: dict[str, IssueStance] = field(default_factory=dict)
    confidence: float = 0.5

    def to_gold_dict(self) -> dict:
        """The statement in the gold-data format, with the engine's extras (ignored by scoring)."""
        return {
            "speaker": self.speaker_name,
            "kind": self.kind,
            "quote": self.quote,
            "said_on": self.said_on.isoformat() if self.said_on else None,
            "issues": {slug: issue.stance for slug, issue in self.issues.items()},
            "anonymous": self.anonymous,
            "actor": self.actor_slug,
            "speaker_text": self.speaker_text,
            "speaker_title": self.speaker_title,
            "start": self.start,
            "end": self.end,
            "said_on_source": self.said_on_source,
            "confidence": round(self.confidence, 3),
            "issue_confidence": {slug: round(issue.confidence, 3) for slug, issue in self.issues.items()},
        }
