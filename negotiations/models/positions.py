"""The stance of every matrix cell over time, maintained by `negotiations.services.positions`.

One row per (actor, issue, scope, basis) and per day on which the cell's evidence changed. A row holds
from `valid_from` until the day before `valid_until` (open-ended while `valid_until` is empty), so the
matrix at any date is one lookup per cell instead of a scan over every statement.
"""

from django.db import models
from django.db.models import Q

from negotiations.enums import Stance


class PositionScope(models.TextChoices):
    ACTOR = "actor", "The actor's own statements"
    PARTY = "party", "Everyone speaking for the party"


class Position(models.Model):
    negotiation = models.ForeignKey(
        "negotiations.Negotiation", on_delete=models.CASCADE, related_name="positions"
    )
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.CASCADE,
        related_name="positions",
        help_text="The party, for party scope.",
    )
    issue = models.ForeignKey("negotiations.Issue", on_delete=models.CASCADE, related_name="positions")
    scope = models.CharField(max_length=8, choices=PositionScope.choices, default=PositionScope.ACTOR)
    reviewed_only = models.BooleanField(
        default=False, help_text="Computed from reviewed statements only (the matrix's reviewed-only view)."
    )
    valid_from = models.DateField()
    valid_until = models.DateField(null=True, blank=True, help_text="Exclusive; empty for the current row.")
    stance = models.CharField(max_length=12, choices=Stance.choices)
    confidence = models.FloatField()
    reviewed = models.BooleanField(
        default=False, help_text="The deciding statement was reviewed by an editor."
    )
    statement = models.ForeignKey(
        "negotiations.Statement",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The statement that decides the cell from valid_from.",
    )
    statement_count = models.PositiveIntegerField(help_text="Counted statements said up to valid_from.")
    source_count = models.PositiveIntegerField(help_text="Distinct documents citing them.")
    previous_stance = models.CharField(max_length=12, choices=Stance.choices, blank=True)
    stance_since = models.DateField(help_text="First day of the current run of this stance.")

    class Meta:
        ordering = ["actor", "issue", "scope", "reviewed_only", "valid_from"]
        constraints = [
            # Also the index of the as-of lookup: equality on the first four columns, range on the date.
            models.UniqueConstraint(
                fields=["actor", "issue", "scope", "reviewed_only", "valid_from"], name="position_unique_day"
            ),
            models.CheckConstraint(condition=Q(stance__in=Stance.values), name="position_stance_valid"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=models.F("valid_from")),
                name="position_valid_range",
            ),
        ]
        indexes = [
            models.Index(
                fields=["negotiation", "scope", "reviewed_only", "actor"],
                condition=Q(valid_until__isnull=True),
                name="position_current_idx",
            ),
            models.Index(
                fields=["issue", "scope", "reviewed_only", "-valid_from"], name="position_issue_idx"
            ),
            # The issue page ranks the speakers on one issue by evidence today: with the issue fourth and
            # the summed columns included, that reads one issue's entries alone, from the index alone.
            models.Index(
                fields=["negotiation", "scope", "reviewed_only", "issue"],
                include=["actor", "statement_count"],
                condition=Q(valid_until__isnull=True),
                name="position_issue_current_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id}/{self.issue_id} {self.stance} from {self.valid_from}"


class ActorEvidence(models.Model):
    """How many counted statements an actor has in a negotiation today: the sum of its current cells.

    The matrix ranks its rows and the speaker menus rank their choices by it. Summing the current cells at
    request time read 26,000 index entries at a million statements (about 10 ms); this table, written with
    the positions (`services.positions`), holds one row per actor.
    """

    negotiation = models.ForeignKey(
        "negotiations.Negotiation", on_delete=models.CASCADE, related_name="actor_evidence"
    )
    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="evidence")
    reviewed_only = models.BooleanField(default=False)
    statement_count = models.PositiveIntegerField(
        help_text="Counted statements today, one per issue each takes a stance on."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["negotiation", "reviewed_only", "actor"], name="actor_evidence_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["negotiation", "reviewed_only", "-statement_count"], name="actor_evidence_rank_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} in {self.negotiation_id}: {self.statement_count}"
