"""A negotiation's stance shifts: who changed stance on what, and when, with the two statements."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from actors.models import Actor
from negotiations import selectors
from negotiations.access import reader_required
from negotiations.models import Negotiation
from negotiations.views.filters import ShiftFilterForm, wants_fragment, without_empty_parameters

SHIFTS_PER_PAGE = 30


@reader_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def negotiation_shifts(request: HttpRequest, negotiation_slug: str) -> HttpResponse:
    negotiation = get_object_or_404(Negotiation, slug=negotiation_slug)
    form = ShiftFilterForm(
        request.GET,
        actors=_actor_choices(negotiation, request.GET.get("actor", "")),
        issues=selectors.matrix_issues(negotiation=negotiation),
    )
    filters = form.filters(negotiation)
    page = Paginator(selectors.negotiation_shifts(filters), SHIFTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "negotiation": negotiation,
        "form": form,
        "filters": filters,
        "page": page,
        "page_query": _query_without_page(request),
    }
    template = "negotiations/shifts.html" + ("#shifts" if wants_fragment(request) else "")
    return render(request, template, context)


def _actor_choices(negotiation: Negotiation, wanted_slug: str) -> list[Actor]:
    """Actors with shifts and their parties; an actor linked from its own page is offered even without any,
    so the page says it has none rather than that the filter is wrong."""
    actors = selectors.shifting_actors(negotiation=negotiation)
    if wanted_slug and wanted_slug not in {actor.slug for actor in actors}:
        actors += list(Actor.objects.filter(slug=wanted_slug[:200]))
    return actors


def _query_without_page(request: HttpRequest) -> str:
    """The filters of the address, for the pager's links to keep."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
