import csv
import datetime as dt
import json
from collections.abc import Iterator

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import slugify
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from negotiations import selectors
from negotiations.access import reader_required
from negotiations.enums import Stance
from negotiations.models import Event, Negotiation, Source, Statement
from negotiations.services.exports import CSV_COLUMNS, csv_row, statement_record, statements_for_export
from negotiations.views import fragments
from negotiations.views.filters import (
    ResolvedTimeline,
    TimelineFilterForm,
    options_html,
    resolve_timeline_filters,
    wants_fragment,
    without_empty_parameters,
)

EXPORT_BATCH = 1000
FEED_SIZE = 50


def _resolve(
    request: HttpRequest, *, with_version: bool = False
) -> tuple[TimelineFilterForm, ResolvedTimeline, Negotiation]:
    default = selectors.current_negotiation(with_version=with_version)
    if default is None:
        raise Http404("No negotiation yet.")
    form = TimelineFilterForm(request.GET)
    return form, resolve_timeline_filters(form, default=default), default


@reader_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def timeline(request: HttpRequest) -> HttpResponse:
    """Statements and events, newest first, grouped by day; the next page loads as the end scrolls into view.

    htmx asks for `#items` with a cursor (the next page) or for `#results` (new filters).
    """
    form, resolved, default = _resolve(request, with_version=True)
    filters = resolved.filters
    part = "items" if resolved.cursor and wants_fragment(request) else "results"
    inputs = [
        part,
        list(request.GET.lists()),
        (filters.negotiation.pk, filters.negotiation.slug, filters.negotiation.name),
        fragments.issue_fields([filters.issue] if filters.issue else []),
    ]
    html = fragments.cached_fragment(
        "timeline",
        version=selectors.data_version(default),
        inputs=inputs,
        render=lambda: _timeline_html(request, form, resolved, part),
    )
    if wants_fragment(request):
        return HttpResponse(html)
    context = {
        "form": form,
        "filters": filters,
        "negotiation": filters.negotiation,
        "results_html": html,
    }
    return render(request, "negotiations/timeline.html", context | _choices(filters))


def _timeline_html(
    request: HttpRequest, form: TimelineFilterForm, resolved: ResolvedTimeline, part: str
) -> str:
    """`#results` (the heading, exports and first page of items) or `#items` (a next page)."""
    page = selectors.timeline_page(filters=resolved.filters, cursor=resolved.cursor)
    context = {
        "form": form,
        "filters": resolved.filters,
        "negotiation": resolved.filters.negotiation,
        "problems": resolved.problems,
        "page": page,
        "next_query": _next_query(request, page),
    }
    return render_to_string(f"negotiations/timeline.html#{part}", context, request)


def _next_query(request: HttpRequest, page: selectors.TimelinePage) -> str:
    if page.next_cursor is None:
        return ""
    query = request.GET.copy()
    query["cursor"] = str(page.next_cursor)
    return query.urlencode()


def _choices(filters: selectors.TimelineFilters) -> dict:
    """The options of the filter form: five small queries (speakers: the most quoted, and the chosen one)."""
    negotiation = filters.negotiation
    return {
        "negotiations": Negotiation.objects.order_by("-started_on", "name").values_list("slug", "name"),
        "issues": negotiation.issues.order_by("position", "name").values_list("slug", "name"),
        "parties": negotiation.parties.order_by("name").values_list("slug", "name"),
        "actor_options": options_html(
            selectors.most_quoted_speakers(negotiation=negotiation, keep=[filters.actor]),
            selected=filters.actor.slug if filters.actor else "",
        ),
        "sources": Source.objects.order_by("name").values_list("pk", "name"),
        "stances": Stance.choices,
    }


# Exports ------------------------------------------------------------------------------------------------


def _export_statements(filters: selectors.TimelineFilters) -> Iterator[Statement]:
    """Every matching statement, newest first, in keyset batches: memory stays flat at any size."""
    statements = statements_for_export(selectors.timeline_statements(filters))
    last = None
    while True:
        batch = statements
        if last is not None:
            batch = batch.filter(said_on__lte=last.said_on).exclude(said_on=last.said_on, id__gte=last.id)
        batch = list(batch[:EXPORT_BATCH])
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return
        last = batch[-1]


def _export_name(filters: selectors.TimelineFilters, extension: str) -> str:
    parts = [filters.negotiation.slug]
    parts += [obj.slug for obj in (filters.actor, filters.party, filters.issue) if obj]
    parts += [value for value in (filters.stance, slugify(filters.query)) if value]
    return "-".join(parts) + f".{extension}"


class _Echo:
    def write(self, value: str) -> str:
        return value


@reader_required
@require_GET
def timeline_csv(request: HttpRequest) -> StreamingHttpResponse:
    _, resolved, _ = _resolve(request)
    writer = csv.DictWriter(_Echo(), fieldnames=CSV_COLUMNS)

    def rows() -> Iterator[str]:
        yield writer.writeheader()
        for statement in _export_statements(resolved.filters):
            yield writer.writerow(csv_row(statement_record(statement)))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(resolved.filters, "csv")}"'
    return response


@reader_required
@require_GET
def timeline_json(request: HttpRequest) -> StreamingHttpResponse:
    _, resolved, _ = _resolve(request)
    filters = resolved.filters

    def chunks() -> Iterator[str]:
        yield '{"negotiation": ' + json.dumps(filters.negotiation.slug) + ', "filters": '
        yield json.dumps(dict(request.GET.lists()), ensure_ascii=False) + ', "statements": ['
        for index, statement in enumerate(_export_statements(filters)):
            record = statement_record(statement) | {
                "url": request.build_absolute_uri(statement.get_absolute_url())
            }
            yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
        yield '\n], "events": ['
        events = selectors.timeline_events(filters) if filters.wants_events else Event.objects.none()
        for index, event in enumerate(
            events.prefetch_related("participants", "issues").iterator(chunk_size=500)
        ):
            yield (
                ("," if index else "") + "\n" + json.dumps(_event_record(request, event), ensure_ascii=False)
            )
        yield "\n]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(filters, "json")}"'
    return response


def _event_record(request: HttpRequest, event: Event) -> dict:
    return {
        "slug": event.slug,
        "date": event.date.isoformat(),
        "end_date": event.end_date.isoformat() if event.end_date else None,
        "kind": event.kind,
        "title": event.title,
        "place": event.place,
        "participants": [actor.slug for actor in event.participants.all()],
        "issues": [issue.slug for issue in event.issues.all()],
        "sources": event.source_urls,
        "url": request.build_absolute_uri(event.get_absolute_url()),
    }


# The Atom feed ------------------------------------------------------------------------------------------


class TimelineFeed(Feed):
    """The newest items of any filtered timeline: the timeline's query string, on /timeline/feed/."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> tuple[selectors.TimelineFilters, str]:
        _, resolved, _ = _resolve(request)
        return resolved.filters, request.GET.urlencode()

    def title(self, obj) -> str:
        filters, _ = obj
        narrowed = [o.name for o in (filters.actor, filters.party, filters.issue) if o]
        return " · ".join([filters.negotiation.name, *narrowed, *([filters.query] if filters.query else [])])

    def link(self, obj) -> str:
        _, query = obj
        return reverse("timeline") + (f"?{query}" if query else "")

    def subtitle(self, obj) -> str:
        return "Statements and events tracked by Parley, newest first."

    def items(self, obj) -> list:
        filters, _ = obj
        return selectors.timeline_page(filters=filters, size=FEED_SIZE).items

    def item_title(self, item: selectors.TimelineItem) -> str:
        if item.is_event:
            return f"{item.object.get_kind_display()}: {item.object.title}"
        statement = item.object
        stances = ", ".join(
            f"{s.get_stance_display()} on {s.issue.name}" for s in selectors.stances_of(statement)
        )
        return f"{statement.speaker_label}" + (f" ({stances})" if stances else "")

    def item_description(self, item: selectors.TimelineItem) -> str:
        if item.is_event:
            return item.object.description
        return f"“{item.object.quote}”"

    def item_link(self, item: selectors.TimelineItem) -> str:
        return item.object.get_absolute_url()

    def item_guid(self, item: selectors.TimelineItem) -> str:
        kind = "event" if item.is_event else "statement"
        return f"parley:{kind}:{item.object.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: selectors.TimelineItem) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(item.day, dt.time(12)))


timeline_feed = reader_required(require_GET(TimelineFeed()))
