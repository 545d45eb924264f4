from django.db import models
from django.db.models import Q
from django.urls import reverse

from negotiations.enums import ReviewState, SaidOnSource, Stance, StatementKind


class Statement(models.Model):
    """What an actor said, once, however many documents carry it (its citations)."""

    negotiation = models.ForeignKey(
        "negotiations.Negotiation", on_delete=models.CASCADE, related_name="statements"
    )
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_text = models.CharField(
        max_length=300, blank=True, help_text="The speaker as the text names them."
    )
    speaker_name = models.CharField(
        max_length=300, blank=True, help_text="Canonical name, or the name as written."
    )
    speaker_title = models.CharField(max_length=300, blank=True)
    anonymous = models.BooleanField(default=False)
    quote = models.TextField()
    kind = models.CharField(max_length=12, choices=StatementKind.choices)
    said_on = models.DateField()
    said_on_source = models.CharField(max_length=12, choices=SaidOnSource.choices, default=SaidOnSource.TEXT)
    confidence = models.FloatField(default=0.5)
    review_state = models.CharField(
        max_length=12, choices=ReviewState.choices, default=ReviewState.UNREVIEWED, db_index=True
    )
    editor_touched = models.BooleanField(
        default=False, help_text="Set by any editorial action; re-extraction never changes such a statement."
    )
    rejection_reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewed_statements"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    fingerprint = models.CharField(max_length=64, help_text="Same speaker and words: same fingerprint.")
    extractor_version = models.CharField(max_length=40, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every save, to refuse stale edits.")
    events = models.ManyToManyField("negotiations.Event", blank=True, related_name="statements")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-said_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["negotiation", "fingerprint"], name="statement_unique_fingerprint"
            ),
            models.CheckConstraint(
                condition=Q(actor__isnull=False) | ~Q(speaker_text="") | ~Q(speaker_name=""),
                name="statement_has_speaker",
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="statement_has_quote"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="statement_confidence_range"
            ),
            models.CheckConstraint(condition=Q(kind__in=StatementKind.values), name="statement_kind_valid"),
            models.CheckConstraint(
                condition=Q(review_state__in=ReviewState.values), name="statement_review_state_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["negotiation", "-said_on", "-id"], name="statement_timeline_idx"),
            models.Index(fields=["actor", "-said_on", "-id"], name="statement_actor_idx"),
            models.Index(fields=["review_state", "confidence"], name="statement_review_queue_idx"),
            # The queue's "reviewed" view: two review states can't use one ordered range of the index above.
            models.Index(
                fields=["confidence", "said_on", "id"],
                condition=Q(review_state__in=["accepted", "corrected"], merged_into__isnull=True),
                name="statement_reviewed_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_label}: {self.quote[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("statement_detail", kwargs={"pk": self.pk})

    @property
    def speaker_label(self) -> str:
        if self.actor_id:
            return self.actor.name
        return self.speaker_name or self.speaker_text

    @property
    def is_counted(self) -> bool:
        """Rejected and merged-away statements never count towards a stance."""
        return self.review_state != ReviewState.REJECTED and self.merged_into_id is None


class StatementIssue(models.Model):
    """The stance a statement takes on one issue."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="stances")
    issue = models.ForeignKey("negotiations.Issue", on_delete=models.CASCADE, related_name="stances")
    stance = models.CharField(max_length=12, choices=Stance.choices)
    confidence = models.FloatField(default=0.5)

    class Meta:
        ordering = ["issue__position"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "issue"], name="stance_unique_per_issue"),
            models.CheckConstraint(condition=Q(stance__in=Stance.values), name="stance_valid"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="stance_confidence_range"
            ),
        ]
        indexes = [models.Index(fields=["issue", "statement"], name="stance_issue_idx")]

    def __str__(self) -> str:
        return f"{self.issue}: {self.stance}"


class Citation(models.Model):
    """Where a statement stands in a document: the exact character span that proves it."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="citations")
    document = models.ForeignKey("negotiations.Document", on_delete=models.CASCADE, related_name="citations")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    speaker_text = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document__published_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "document", "start"], name="citation_unique_span"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="citation_span_not_empty"),
        ]
        # Source health counts the statements found this week.
        indexes = [models.Index(fields=["created_at"], name="citation_created_idx")]

    def __str__(self) -> str:
        return f"{self.document} [{self.start}:{self.end}]"

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]
