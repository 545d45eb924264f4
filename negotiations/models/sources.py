import zlib

from django.db import models
from django.db.models import Q

from negotiations.enums import DocumentState, EntryState, Reliability, SourceKind


class Source(models.Model):
    """A registered feed, page, sitemap or file, with its polling health."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=SourceKind.choices)
    url = models.CharField(max_length=2048, help_text="A URL, or a path on the server for file sources.")
    negotiation = models.ForeignKey(
        "negotiations.Negotiation", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    language = models.CharField(max_length=12, blank=True, default="en")
    poll_interval_minutes = models.PositiveIntegerField(default=60)
    enabled = models.BooleanField(default=True)
    reliability = models.CharField(max_length=20, choices=Reliability.choices, default=Reliability.UNKNOWN)

    # Health, written by the pipeline.
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    polling_since = models.DateTimeField(
        null=True, blank=True, help_text="Set while a poll holds this source."
    )
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    paused_reason = models.TextField(blank=True)
    documents_found = models.PositiveIntegerField(default=0)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "url"], name="source_unique_kind_url"),
            models.CheckConstraint(condition=~Q(url=""), name="source_has_url"),
            models.CheckConstraint(
                condition=Q(poll_interval_minutes__gte=1), name="source_interval_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_paused(self) -> bool:
        return not self.enabled or bool(self.paused_reason)


class FeedEntry(models.Model):
    """One item a source pointed at: the unit the fetch step claims, retries and records."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=2048)
    url = models.CharField(max_length=2048, blank=True)
    title = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    inline_text = models.TextField(blank=True, help_text="Text carried by the entry itself (file imports).")
    state = models.CharField(max_length=12, choices=EntryState.choices, default=EntryState.NEW)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    document = models.ForeignKey(
        "negotiations.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(
        max_length=64, blank=True, help_text="The task holding the entry; a redelivery of it may resume."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feed entries"
        constraints = [models.UniqueConstraint(fields=["source", "guid"], name="entry_unique_per_source")]
        indexes = [models.Index(fields=["state", "claimed_at"], name="entry_state_idx")]

    def __str__(self) -> str:
        return self.title or self.url or self.guid


class Document(models.Model):
    """A stored article: kept whole so extraction can be re-run when it improves."""

    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    url = models.CharField(max_length=2048)
    canonical_url = models.CharField(max_length=2048, unique=True)
    alternate_urls = models.JSONField(default=list, blank=True)
    title = models.TextField(blank=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True)
    minhash = models.BinaryField(null=True, blank=True, editable=False)
    language = models.CharField(max_length=12, blank=True)
    raw_compressed = models.BinaryField(null=True, blank=True, editable=False)
    state = models.CharField(max_length=12, choices=DocumentState.choices, default=DocumentState.PENDING)
    error = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(
        max_length=64,
        blank=True,
        help_text="The task extracting the document; a redelivery of it may resume.",
    )
    fetched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["state", "claimed_at"], name="document_state_idx"),
            models.Index(fields=["-published_at", "-id"], name="document_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def raw_html(self) -> str:
        if not self.raw_compressed:
            return ""
        return zlib.decompress(bytes(self.raw_compressed)).decode("utf-8", errors="replace")

    @raw_html.setter
    def raw_html(self, value: str) -> None:
        self.raw_compressed = zlib.compress(value.encode("utf-8"), level=6) if value else None
