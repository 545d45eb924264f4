"""The statement extraction engine: article text in, attributed statements out. Pure Python, no Django."""

from .engine import extract
from .entries import ActorEntry, ExtractedStatement, IssueEntry, IssueStance, RoleEntry
from .registry import Registry

EXTRACTOR_VERSION = "rules-2026.11.1"

__all__ = [
    "EXTRACTOR_VERSION",
    "ActorEntry",
    "ExtractedStatement",
    "IssueEntry",
    "IssueStance",
    "Registry",
    "RoleEntry",
    "extract",
]
