"""The statement extraction engine: article text in, attributed statements out. Pure Python, no Django."""

from .engine import extract
from .entries import ActorEntry, ExtractedStatement, IssueEntry, IssueStance, RoleEntry
from .registry import Registry

# Bumped whenever the output changes (docs/CONTRACTS.md): stored on every document and statement it extracts.
EXTRACTOR_VERSION = "rules-2026.12.5"

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
