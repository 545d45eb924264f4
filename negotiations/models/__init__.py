from negotiations.models.audit import AuditLog, Note
from negotiations.models.negotiation import Event, Issue, Negotiation
from negotiations.models.positions import ActorEvidence, Position, PositionScope
from negotiations.models.sources import Document, FeedEntry, Source
from negotiations.models.statements import Citation, Statement, StatementIssue

__all__ = [
    "ActorEvidence",
    "AuditLog",
    "Citation",
    "Document",
    "Event",
    "FeedEntry",
    "Issue",
    "Negotiation",
    "Note",
    "Position",
    "PositionScope",
    "Source",
    "Statement",
    "StatementIssue",
]
from negotiations.models.review import AlertSettings, ClassifierModel, Follow, SavedFilter, Shift

__all__ += ["AlertSettings", "ClassifierModel", "Follow", "SavedFilter", "Shift"]
