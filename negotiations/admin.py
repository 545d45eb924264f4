from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from negotiations.models import (
    ActorEvidence,
    AlertSettings,
    AuditLog,
    Citation,
    ClassifierModel,
    Document,
    Event,
    FeedEntry,
    Follow,
    Issue,
    Negotiation,
    Note,
    Position,
    SavedFilter,
    Shift,
    Source,
    Statement,
    StatementIssue,
)
from negotiations.services import sources as source_services


@admin.register(Negotiation)
class NegotiationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "started_on"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["parties"]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "negotiation", "parent", "position"]
    list_filter = ["negotiation"]
    list_editable = ["position"]
    search_fields = ["name", "slug", "proposition"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "kind", "place", "negotiation"]
    list_filter = ["kind", "negotiation"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "date"
    autocomplete_fields = ["participants", "issues"]
    raw_id_fields = ["documents"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "enabled",
        "reliability",
        "last_polled_at",
        "last_success_at",
        "consecutive_failures",
        "documents_found",
        "health",
    ]
    list_filter = ["kind", "enabled", "reliability", "language"]
    search_fields = ["name", "url", "last_error", "paused_reason"]
    readonly_fields = [
        "last_polled_at",
        "last_success_at",
        "next_poll_at",
        "polling_since",
        "consecutive_failures",
        "last_error",
        "paused_reason",
        "documents_found",
        "etag",
        "last_modified",
        "created_at",
    ]
    actions = ["fetch_now", "pause", "resume"]

    @admin.display(description="Health")
    def health(self, source: Source) -> str:
        if source.paused_reason:
            return f"Paused: {source.paused_reason}"
        if not source.enabled:
            return "Disabled"
        if source.last_error:
            return f"Failing: {source.last_error[:120]}"
        return "OK"

    @admin.action(description="Fetch now")
    def fetch_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source in queryset:
            source_services.request_poll(source=source)
        self.message_user(request, f"Queued {queryset.count()} source(s) for fetching.", messages.SUCCESS)

    @admin.action(description="Pause")
    def pause(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source in queryset:
            source_services.pause_source(source=source, reason=f"Paused by {request.user}")
        self.message_user(request, f"Paused {queryset.count()} source(s).", messages.SUCCESS)

    @admin.action(description="Resume")
    def resume(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source in queryset:
            source_services.resume_source(source=source)
        self.message_user(request, f"Resumed {queryset.count()} source(s).", messages.SUCCESS)


@admin.register(FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "state", "attempts", "published_at", "error"]
    list_filter = ["state", "source"]
    search_fields = ["title", "url", "guid", "error"]
    raw_id_fields = ["document"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published_at", "language", "state", "extractor_version"]
    list_filter = ["state", "language", "source", "extractor_version"]
    search_fields = ["title", "url", "canonical_url", "text"]
    date_hierarchy = "published_at"
    readonly_fields = ["content_hash", "fetched_at", "extracted_at", "claimed_at"]


class StanceInline(admin.TabularInline):
    model = StatementIssue
    extra = 0
    autocomplete_fields = ["issue"]


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    raw_id_fields = ["document"]


class NoteInline(admin.TabularInline):
    model = Note
    extra = 0
    readonly_fields = ["author", "created_at"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["said_on", "speaker_label", "kind", "short_quote", "confidence", "review_state"]
    list_filter = ["review_state", "kind", "anonymous", "said_on_source", "negotiation", "extractor_version"]
    search_fields = ["quote", "speaker_text", "speaker_name", "actor__name"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["actor"]
    raw_id_fields = ["merged_into", "reviewed_by"]
    readonly_fields = ["fingerprint", "version", "created_at", "updated_at"]
    inlines = [StanceInline, CitationInline, NoteInline]

    @admin.display(description="Quote")
    def short_quote(self, statement: Statement) -> str:
        return statement.quote[:100]


@admin.register(StatementIssue)
class StatementIssueAdmin(admin.ModelAdmin):
    list_display = ["statement", "issue", "stance", "confidence"]
    list_filter = ["stance", "issue"]
    search_fields = ["statement__quote"]
    raw_id_fields = ["statement"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["statement", "document", "start", "end"]
    search_fields = ["statement__quote", "document__title"]
    raw_id_fields = ["statement", "document"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["statement", "author", "created_at"]
    search_fields = ["text"]
    raw_id_fields = ["statement"]


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "action", "target_type", "target_id"]
    list_filter = ["action", "target_type"]
    search_fields = ["note", "target_id"]
    raw_id_fields = ["statement"]

    def has_change_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    """The matrix's maintained table: read-only here, rebuilt from statements by services.positions."""

    list_display = [
        "actor",
        "issue",
        "scope",
        "stance",
        "confidence",
        "valid_from",
        "valid_until",
        "reviewed",
    ]
    list_filter = ["scope", "stance", "reviewed_only", "reviewed", "negotiation"]
    search_fields = ["actor__name", "issue__name", "issue__slug"]
    raw_id_fields = ["actor", "issue", "statement"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Position | None = None) -> bool:
        return False


@admin.register(ActorEvidence)
class ActorEvidenceAdmin(admin.ModelAdmin):
    """Each actor's counted statements today: read-only here, written with the positions."""

    list_display = ["actor", "negotiation", "reviewed_only", "statement_count"]
    list_filter = ["reviewed_only", "negotiation"]
    search_fields = ["actor__name", "actor__slug"]
    raw_id_fields = ["actor"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ActorEvidence | None = None) -> bool:
        return False


@admin.register(Shift)
class ShiftAdmin(admin.ModelAdmin):
    list_display = ["shifted_on", "actor", "issue", "from_stance", "to_stance"]
    list_filter = ["from_stance", "to_stance", "negotiation"]
    search_fields = ["actor__name", "issue__name"]
    raw_id_fields = ["actor", "issue", "from_statement", "to_statement"]


@admin.register(SavedFilter)
class SavedFilterAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "negotiation", "created_at"]
    list_filter = ["negotiation"]
    search_fields = ["name", "query", "user__username"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "actor", "issue", "saved_filter", "created_at"]
    search_fields = ["user__username", "actor__name", "issue__name"]
    raw_id_fields = ["actor", "issue", "saved_filter"]


@admin.register(AlertSettings)
class AlertSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "digest_enabled", "last_digest_at"]
    list_filter = ["digest_enabled"]
    search_fields = ["user__username"]
    exclude = ["feed_token"]


@admin.register(ClassifierModel)
class ClassifierModelAdmin(admin.ModelAdmin):
    list_display = ["negotiation", "version", "active", "trained_on", "held_out", "created_at"]
    list_filter = ["active", "negotiation"]
    search_fields = ["rules_version"]
    readonly_fields = ["rules_scores", "model_scores"]
