"""The statements the engine finds, before they are built: where they are, how they are attributed, their speaker
and day. Shared by the engine's steps (`engine.py`) and the dates (`dating.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .attribution import Slot
from .document import Cue
from .entries import ActorEntry
from .quotes import Quote
from .text import Sentence

DIRECT = "direct"
PARAPHRASE = "paraphrase"


@dataclass(slots=True)
class Speaker:
    name: str
    actor: ActorEntry | None
    text: str
    title: str = ""
    anonymous: bool = False
    is_person: bool = False
    gender: str = ""

    @property
    def key(self) -> str:
        return self.actor.slug if self.actor else self.name.lower()


@dataclass(slots=True)
class Candidate:
    kind: str
    start: int
    end: int
    paragraph: int
    sentence: Sentence
    zone: str
    slot: Slot | None = None
    cue: Cue | None = None
    region: tuple[int, int] | None = None  # the attribution text, where the date is read
    inherit: str = ""  # how to take the speaker from a neighbour when no slot was found
    quote: Quote | None = None
    chain: int = -1  # quotes running over several paragraphs share a chain number
    parent: Candidate | None = None
    speaker: Speaker | None = None
    confidence: float = 0.8
    said_on: date | None = None
    said_on_vague: bool = False
    said_on_from_text: bool = False
    extra_quotes: list[Quote] = field(default_factory=list)
