from django.db import models
from django.db.models import Q
from django.urls import reverse

from negotiations.enums import EventKind


class Negotiation(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    started_on = models.DateField(null=True, blank=True)
    parties = models.ManyToManyField("actors.Actor", blank=True, related_name="negotiations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("matrix", kwargs={"negotiation_slug": self.slug})


class Issue(models.Model):
    """A question on the table; its proposition says what "supports" means."""

    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="issues")
    slug = models.SlugField(max_length=120)
    name = models.CharField(max_length=200)
    proposition = models.TextField(help_text='What a "supports" stance on this issue means.')
    cues = models.JSONField(default=list, blank=True, help_text="Words and phrases that signal the issue.")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Column order in the matrix.")

    class Meta:
        ordering = ["negotiation", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["negotiation", "slug"], name="issue_slug_unique_per_negotiation"),
            models.CheckConstraint(condition=~Q(proposition=""), name="issue_has_proposition"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("issue_detail", kwargs={"negotiation_slug": self.negotiation.slug, "slug": self.slug})


class Event(models.Model):
    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="events")
    slug = models.SlugField(max_length=160)
    date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=EventKind.choices, default=EventKind.OTHER)
    title = models.CharField(max_length=300)
    place = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    participants = models.ManyToManyField("actors.Actor", blank=True, related_name="events")
    issues = models.ManyToManyField(Issue, blank=True, related_name="events")
    source_urls = models.JSONField(default=list, blank=True)
    documents = models.ManyToManyField("negotiations.Document", blank=True, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["negotiation", "slug"], name="event_slug_unique_per_negotiation"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="event_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["negotiation", "-date", "-id"], name="event_timeline_idx")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("event_detail", kwargs={"negotiation_slug": self.negotiation.slug, "slug": self.slug})
