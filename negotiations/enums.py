from django.db import models


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    CONDITIONAL = "conditional", "Conditional"
    NEUTRAL = "neutral", "Neutral"
    OPPOSES = "opposes", "Opposes"


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    PARAPHRASE = "paraphrase", "Paraphrase"


class ReviewState(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    ACCEPTED = "accepted", "Accepted"
    CORRECTED = "corrected", "Corrected"
    REJECTED = "rejected", "Rejected"


class SaidOnSource(models.TextChoices):
    TEXT = "text", "Stated in the text"
    PUBLISHED = "published", "Publication date (the text does not say)"
    EDITOR = "editor", "Set by an editor"


class SourceKind(models.TextChoices):
    RSS = "rss", "RSS / Atom feed"
    PAGE = "page", "Web page"
    SITEMAP = "sitemap", "News sitemap"
    FILE = "file", "Local file"


class Reliability(models.TextChoices):
    INDEPENDENT = "independent", "Independent"
    PUBLIC = "public", "Public broadcaster"
    STATE_AFFILIATED = "state-affiliated", "State-affiliated"
    OFFICIAL = "official", "Official (government channel)"
    UNKNOWN = "unknown", "Unknown"


class EntryState(models.TextChoices):
    NEW = "new", "New"
    FETCHING = "fetching", "Fetching"
    DONE = "done", "Stored"
    DUPLICATE = "duplicate", "Duplicate"
    FAILED = "failed", "Failed"


class DocumentState(models.TextChoices):
    PENDING = "pending", "Waiting for extraction"
    EXTRACTING = "extracting", "Extracting"
    EXTRACTED = "extracted", "Extracted"
    FAILED = "failed", "Failed"


class EventKind(models.TextChoices):
    TALKS = "talks", "Talks"
    MEETING = "meeting", "Meeting"
    SUMMIT = "summit", "Summit"
    PROPOSAL = "proposal", "Proposal"
    AGREEMENT = "agreement", "Agreement"
    TRUCE = "truce", "Truce"
    STRIKE = "strike", "Strike"
    HEARING = "hearing", "Hearing"
    INVITATION = "invitation", "Invitation"
    EXCHANGE = "exchange", "Exchange"
    STATEMENT = "statement", "Statement"
    OTHER = "other", "Other"


STANCE_SCORES = {Stance.SUPPORTS: 1.0, Stance.CONDITIONAL: 0.5, Stance.NEUTRAL: 0.0, Stance.OPPOSES: -1.0}
