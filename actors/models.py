"""Who speaks: people, governments, organisations and blocs, with their names and offices."""

import datetime as dt
import unicodedata

from django.db import models
from django.db.models import Q
from django.urls import reverse


def normalize_name(name: str) -> str:
    """Lowercase, accent-free, single-spaced form used to look names up."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.replace("’", "'").lower().split())


class ActorKind(models.TextChoices):
    PERSON = "person", "Person"
    GOVERNMENT = "government", "Government or state"
    ORGANISATION = "organisation", "Organisation"
    BLOC = "bloc", "Bloc or coalition"


class Gender(models.TextChoices):
    UNKNOWN = "", "Unknown or not a person"
    FEMALE = "female", "Female"
    MALE = "male", "Male"


class Actor(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200, help_text="Canonical name, as analysts expect to read it.")
    kind = models.CharField(max_length=20, choices=ActorKind.choices, default=ActorKind.PERSON)
    party = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The state or bloc this actor speaks for. Empty for a party itself.",
    )
    gender = models.CharField(max_length=10, choices=Gender.choices, blank=True, default="")
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(party=models.F("pk")), name="actor_not_own_party"),
            models.CheckConstraint(condition=~Q(name=""), name="actor_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actor_detail", kwargs={"slug": self.slug})

    @property
    def side(self) -> "Actor":
        """The party at the top of the chain (Lavrov → Russia, Kremlin → Russia, Russia → Russia)."""
        actor, seen = self, {self.pk}
        while actor.party_id and actor.party_id not in seen:
            seen.add(actor.party_id)
            actor = actor.party
        return actor


class AliasKind(models.TextChoices):
    NAME = "name", "Name or spelling"
    TRANSLITERATION = "transliteration", "Transliteration"
    SHORT = "short", "Short form or surname"
    PLACE = "place", "Capital or metonym"


class Alias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(max_length=20, choices=AliasKind.choices, default=AliasKind.NAME)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "normalized"], name="alias_unique_per_actor"),
            models.CheckConstraint(condition=~Q(name=""), name="alias_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class Role(models.Model):
    """An office held over a date range; its descriptors name the holder only while it is held."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True, help_text="Empty while the office is held.")
    descriptors = models.JSONField(
        default=list,
        blank=True,
        help_text="Phrases that name the holder while the office is held, e.g. the Russian foreign minister.",
    )

    class Meta:
        ordering = ["actor", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="role_ends_after_start",
            ),
            models.UniqueConstraint(fields=["actor", "title", "start"], name="role_unique_per_actor_start"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.actor})"

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Whether this office's dates share a day with start–end (an open end runs on for ever)."""
        starts_before_that_ends = self.start is None or end is None or self.start <= end
        ends_after_that_starts = self.end is None or start is None or start <= self.end
        return starts_before_that_ends and ends_after_that_starts
