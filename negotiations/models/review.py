"""What editors and readers keep for themselves: follows, saved filters, alert settings; what the
system derives from their work: stance shifts and the classifier trained on verified statements."""

import secrets
from urllib.parse import parse_qs

from django.conf import settings
from django.db import models
from django.db.models import Q

from negotiations.enums import Stance


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class SavedFilter(models.Model):
    """A timeline filter a user named, stored as the timeline's query string (actor=...&issue=...)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters")
    name = models.CharField(max_length=120)
    negotiation = models.ForeignKey(
        "negotiations.Negotiation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(max_length=1000, blank=True, help_text="The timeline's query string.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="saved_filter_unique_name")]

    def __str__(self) -> str:
        return self.name

    def values(self, key: str) -> list[str]:
        """The values of one filter key (repeated or comma-separated), e.g. values("actor")."""
        raw = parse_qs(self.query, keep_blank_values=False).get(key, [])
        return [item.strip() for value in raw for item in value.split(",") if item.strip()]


class Follow(models.Model):
    """A user follows exactly one actor, issue or saved filter."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    issue = models.ForeignKey(
        "negotiations.Issue", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    saved_filter = models.ForeignKey(
        SavedFilter, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(actor__isnull=False, issue__isnull=True, saved_filter__isnull=True)
                    | Q(actor__isnull=True, issue__isnull=False, saved_filter__isnull=True)
                    | Q(actor__isnull=True, issue__isnull=True, saved_filter__isnull=False)
                ),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "actor"], condition=Q(actor__isnull=False), name="follow_unique_actor"
            ),
            models.UniqueConstraint(
                fields=["user", "issue"], condition=Q(issue__isnull=False), name="follow_unique_issue"
            ),
            models.UniqueConstraint(
                fields=["user", "saved_filter"],
                condition=Q(saved_filter__isnull=False),
                name="follow_unique_saved_filter",
            ),
        ]

    def __str__(self) -> str:
        return str(self.actor or self.issue or self.saved_filter)

    @property
    def target(self) -> models.Model:
        return self.actor or self.issue or self.saved_filter


class AlertSettings(models.Model):
    """A user's private feed token and daily digest state."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_settings"
    )
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    digest_enabled = models.BooleanField(default=True)
    last_digest_at = models.DateTimeField(
        null=True, blank=True, help_text="Shifts detected after this moment go into the next digest."
    )

    class Meta:
        verbose_name_plural = "alert settings"

    def __str__(self) -> str:
        return f"alerts of {self.user}"


class Shift(models.Model):
    """An actor's stance on an issue changed: the statement before and the statement after, side by side."""

    negotiation = models.ForeignKey(
        "negotiations.Negotiation", on_delete=models.CASCADE, related_name="shifts"
    )
    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="shifts")
    issue = models.ForeignKey("negotiations.Issue", on_delete=models.CASCADE, related_name="shifts")
    shifted_on = models.DateField(help_text="The day the new stance was stated.")
    from_stance = models.CharField(max_length=12, choices=Stance.choices)
    to_stance = models.CharField(max_length=12, choices=Stance.choices)
    from_statement = models.ForeignKey(
        "negotiations.Statement", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_statement = models.ForeignKey(
        "negotiations.Statement", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    detected_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-shifted_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "issue", "shifted_on"], name="shift_unique_day"),
            models.CheckConstraint(
                condition=~Q(from_stance=models.F("to_stance")), name="shift_changes_stance"
            ),
        ]
        indexes = [
            models.Index(fields=["detected_at"], name="shift_detected_idx"),
            models.Index(fields=["issue", "-shifted_on"], name="shift_issue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id}/{self.issue_id}: {self.from_stance} → {self.to_stance} on {self.shifted_on}"


class ClassifierModel(models.Model):
    """An issue-and-stance classifier trained on editor-verified statements, with its held-out scores.

    Only the active model of a negotiation is applied, and a model becomes active only when it beat the
    rules on the held-out statements.
    """

    negotiation = models.ForeignKey(
        "negotiations.Negotiation", on_delete=models.CASCADE, related_name="classifier_models"
    )
    version = models.PositiveIntegerField()
    rules_version = models.CharField(max_length=40, help_text="The extractor version it was compared with.")
    trained_on = models.PositiveIntegerField(help_text="Verified statements used for training.")
    held_out = models.PositiveIntegerField(help_text="Verified statements kept aside for scoring.")
    rules_scores = models.JSONField(default=dict)
    model_scores = models.JSONField(default=dict)
    active = models.BooleanField(default=False)
    payload = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["negotiation", "-version"]
        get_latest_by = "version"
        constraints = [
            models.UniqueConstraint(fields=["negotiation", "version"], name="classifier_unique_version"),
            models.UniqueConstraint(
                fields=["negotiation"], condition=Q(active=True), name="classifier_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"classifier v{self.version} ({'active' if self.active else 'inactive'})"

    @property
    def label(self) -> str:
        return f"clf{self.version}"
