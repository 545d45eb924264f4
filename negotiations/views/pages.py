"""The issue, event, statement and search pages."""

import datetime as dt
from html import escape

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from negotiations import selectors
from negotiations.access import REVIEW_PERMISSION, reader_required
from negotiations.models import Event, Issue, Negotiation, PositionScope, Statement
from negotiations.templatetags.cards import short_date, stance_html
from negotiations.views import charts, fragments
from negotiations.views.filters import AsOfForm, date_query, wants_fragment, without_empty_parameters


@reader_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def issue_detail(request: HttpRequest, negotiation_slug: str, slug: str) -> HttpResponse:
    issue = get_object_or_404(
        selectors.with_data_version(Issue.objects.select_related("negotiation", "parent")),
        negotiation__slug=negotiation_slug,
        slug=slug,
    )
    form = AsOfForm(request.GET)
    parties = selectors.negotiation_parties(negotiation=issue.negotiation)
    inputs = [
        (issue.negotiation.slug, issue.negotiation.started_on),
        fragments.issue_fields([issue]),
        fragments.actor_fields(parties),
        form.as_of_date,
        form.chosen_as_of,  # the links keep a date only when the reader chose one
        form.reviewed_only,
    ]
    positions_html = fragments.cached_fragment(
        "issue",
        version=selectors.data_version(issue),
        inputs=inputs,
        render=lambda: _positions_html(request, issue, form, parties),
    )
    if wants_fragment(request):
        return HttpResponse(positions_html)
    context = {
        "negotiation": issue.negotiation,
        "issue": issue,
        "form": form,
        "positions_html": positions_html,
    }
    return render(request, "negotiations/issue_detail.html", context)


def _positions_html(request: HttpRequest, issue: Issue, form: AsOfForm, parties: list) -> str:
    """The `#positions` part of the issue page: how the parties moved, every position, shifts and events."""
    positions = selectors.issue_positions(
        issue=issue, parties=parties, as_of=form.as_of_date, reviewed_only=form.reviewed_only
    )
    start = issue.negotiation.started_on or min(
        (days[0] for _, (days, _) in positions.party_histories if days), default=form.as_of_date
    )
    end = form.as_of_date
    chart = charts.strip_chart(
        [
            (party.name, party.get_absolute_url(), charts.strip_steps(history, start=start, end=end))
            for party, history in positions.party_histories
            if history[0]  # parties that never spoke on the issue would only add empty strips
        ],
        start=start,
        end=end,
    )
    context = {
        "negotiation": issue.negotiation,
        "issue": issue,
        "form": form,
        "positions": positions,
        "chart": chart,
        "position_rows": _position_rows_html(
            positions, issue=issue, chosen_as_of=form.chosen_as_of, reviewed_only=form.reviewed_only
        ),
        "shifts_html": _shifts_html(positions.shifts),
        "events_html": _events_html(positions.events, negotiation=issue.negotiation),
    }
    return render_to_string("negotiations/issue_detail.html#positions", context, request)


def _position_rows_html(
    positions: selectors.IssuePositions, *, issue: Issue, chosen_as_of: dt.date | None, reviewed_only: bool
) -> SafeString:
    """The `<tbody>` of each group of the positions table, built here: a template per row cost more than the
    queries of the page. Every value from the data is escaped; the markup around it is constant."""
    query = escape(date_query(as_of=chosen_as_of, reviewed_only=reviewed_only))
    matrix_url = reverse("matrix", kwargs={"negotiation_slug": issue.negotiation.slug})  # cells hang off it
    bodies = []
    for group in positions.groups:
        rows = ([group.party_row] if group.party_row else []) + group.rows
        shown = "".join(
            _position_row_html(row, issue=issue, matrix_url=matrix_url, query=query)
            for row in rows
            if row.cells[0]
        )
        bodies.append(f"<tbody>{shown}</tbody>")
    return mark_safe("".join(bodies))


def _position_row_html(row: selectors.MatrixRow, *, issue: Issue, matrix_url: str, query: str) -> str:
    cell = row.cells[0]
    position = cell.position
    actor_url = row.actor.get_absolute_url()
    cell_url = f"{matrix_url}cells/{row.scope}/{row.actor.slug}/{issue.slug}/"
    party = ' <span class="muted">(party)</span>' if row.scope == PositionScope.PARTY else ""
    shift = (
        f' <span class="shift">↻ was {escape(cell.previous_stance_label.lower())}</span>'
        if cell.shifted
        else ""
    )
    statements, sources = position.statement_count, position.source_count
    return (
        f'<tr class="{escape(row.scope)}-row"><th scope="row"><a href="{escape(actor_url)}">'
        f"{escape(row.actor.name)}</a>{party}</th>"
        f"<td>{stance_html(cell.stance, cell.stance_label)}{shift}</td>"
        f'<td><a href="{escape(cell_url)}{query}">{statements:d} statement{"" if statements == 1 else "s"}, '
        f'{sources:d} source{"" if sources == 1 else "s"}</a> <span class="muted">· {cell.confidence_percent:d}%</span>'
        "</td></tr>"
    )


def _shifts_html(shifts: list) -> SafeString:
    """The recent shifts' list items, built here like the rows (two links each; escaped values)."""
    items = []
    for shift in shifts:
        party = ' <span class="muted">(party)</span>' if shift.scope == PositionScope.PARTY else ""
        statement = (
            f' · <a href="{escape(reverse("statement_detail", args=[shift.statement_id]))}">the statement</a>'
            if shift.statement_id
            else ""
        )
        items.append(
            f'<li><a href="{escape(shift.actor.get_absolute_url())}">{escape(shift.actor.name)}</a>{party}: '
            f"{stance_html(shift.previous_stance, shift.get_previous_stance_display())} → "
            f"{stance_html(shift.stance, shift.get_stance_display())} "
            f'<br><span class="muted">{short_date(shift.valid_from)}</span>{statement}</li>'
        )
    return mark_safe("".join(items))


def _events_html(events: list, *, negotiation: Negotiation) -> SafeString:
    """The related events' list items (escaped values)."""
    return mark_safe(
        "".join(
            f'<li><span class="muted">{short_date(event.date)}</span> '
            f'<a href="{escape(reverse("event_detail", args=[negotiation.slug, event.slug]))}">'
            f"{escape(event.title)}</a></li>"
            for event in events
        )
    )


@reader_required
@require_GET
def event_detail(request: HttpRequest, negotiation_slug: str, slug: str) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.select_related("negotiation"), negotiation__slug=negotiation_slug, slug=slug
    )
    return render(
        request,
        "negotiations/event_detail.html",
        {"negotiation": event.negotiation, "detail": selectors.event_detail(event=event)},
    )


@reader_required
@require_GET
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(
        Statement.objects.select_related("actor__party", "negotiation", "merged_into", "reviewed_by"), pk=pk
    )
    detail = selectors.statement_detail(statement=statement)
    can_review = request.user.has_perm(REVIEW_PERMISSION)
    context = {
        "negotiation": statement.negotiation,
        "statement": statement,
        "detail": detail,
        "notes": list(statement.notes.select_related("author")) if can_review else [],
        "can_review": can_review,
    }
    return render(request, "negotiations/statement_detail.html", context)


@reader_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def search(request: HttpRequest) -> HttpResponse:
    """Actors, statements and documents matching the words; full-text on PostgreSQL."""
    query = request.GET.get("q", "")[:200]
    current = selectors.current_negotiation(with_version=True)
    negotiation = current
    slug = request.GET.get("negotiation")
    if slug:
        negotiation = Negotiation.objects.filter(slug=slug).first() or negotiation
    inputs = [query, (negotiation.pk, negotiation.slug, negotiation.name) if negotiation else None]
    results_html = fragments.cached_fragment(
        "search",
        version=selectors.data_version(current) if current else "",
        inputs=inputs,
        render=lambda: _search_html(request, query, negotiation),
    )
    if wants_fragment(request):
        return HttpResponse(results_html)
    context = {"query": query.strip(), "negotiation": negotiation, "results_html": results_html}
    return render(request, "negotiations/search.html", context)


def _search_html(request: HttpRequest, query: str, negotiation: Negotiation | None) -> str:
    results = selectors.search(query=query, negotiation=negotiation)
    context = {"query": query.strip(), "results": results, "negotiation": negotiation}
    return render_to_string("negotiations/search.html#results", context, request)
