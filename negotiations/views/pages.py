"""The issue, event, statement and search pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from negotiations import selectors
from negotiations.access import REVIEW_PERMISSION, reader_required
from negotiations.models import Event, Issue, Negotiation, Statement
from negotiations.views import charts
from negotiations.views.filters import AsOfForm, wants_fragment


@reader_required
@require_GET
@vary_on_headers("HX-Request")
def issue_detail(request: HttpRequest, negotiation_slug: str, slug: str) -> HttpResponse:
    issue = get_object_or_404(
        Issue.objects.select_related("negotiation", "parent"), negotiation__slug=negotiation_slug, slug=slug
    )
    form = AsOfForm(request.GET)
    parties = selectors.negotiation_parties(negotiation=issue.negotiation)
    positions = selectors.issue_positions(
        issue=issue, parties=parties, as_of=form.as_of_date, reviewed_only=form.reviewed_only
    )
    start = issue.negotiation.started_on or min(
        (changes[0][0] for _, changes in positions.party_histories if changes), default=form.as_of_date
    )
    chart = charts.strip_chart(
        [
            (party.name, party.get_absolute_url(), changes)
            for party, changes in positions.party_histories
            if changes  # parties that never spoke on the issue would only add empty strips
        ],
        start=start,
        end=form.as_of_date,
    )
    context = {
        "negotiation": issue.negotiation,
        "issue": issue,
        "form": form,
        "positions": positions,
        "chart": chart,
    }
    template = "negotiations/issue_detail.html" + ("#positions" if wants_fragment(request) else "")
    return render(request, template, context)


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
def search(request: HttpRequest) -> HttpResponse:
    """Actors, statements and documents matching the words; full-text on PostgreSQL."""
    query = request.GET.get("q", "")[:200]
    negotiation = selectors.current_negotiation()
    slug = request.GET.get("negotiation")
    if slug:
        negotiation = Negotiation.objects.filter(slug=slug).first() or negotiation
    results = selectors.search(query=query, negotiation=negotiation)
    context = {"query": query.strip(), "results": results, "negotiation": negotiation}
    template = "negotiations/search.html" + ("#results" if wants_fragment(request) else "")
    return render(request, template, context)
