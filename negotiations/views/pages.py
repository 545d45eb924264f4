from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from negotiations.access import reader_required
from negotiations.models import Event, Issue, Negotiation, Statement


@reader_required
def home(request: HttpRequest) -> HttpResponse:
    negotiation = Negotiation.objects.order_by("-started_on").first()
    if negotiation is None:
        return render(request, "negotiations/empty.html")
    return redirect("matrix", negotiation_slug=negotiation.slug)


@reader_required
def matrix(request: HttpRequest, negotiation_slug: str) -> HttpResponse:
    negotiation = get_object_or_404(Negotiation, slug=negotiation_slug)
    return render(request, "negotiations/matrix.html", {"negotiation": negotiation})


@reader_required
def issue_detail(request: HttpRequest, negotiation_slug: str, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue, negotiation__slug=negotiation_slug, slug=slug)
    return render(request, "negotiations/issue_detail.html", {"issue": issue})


@reader_required
def event_detail(request: HttpRequest, negotiation_slug: str, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, negotiation__slug=negotiation_slug, slug=slug)
    return render(request, "negotiations/event_detail.html", {"event": event})


@reader_required
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement, pk=pk)
    return render(request, "negotiations/statement_detail.html", {"statement": statement})
