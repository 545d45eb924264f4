from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from actors.models import Actor
from actors.selectors import actor_profile
from negotiations import selectors
from negotiations.access import reader_required
from negotiations.models import Negotiation
from negotiations.views import charts


@reader_required
@require_GET
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("party__party"), slug=slug)
    negotiation = None
    if request.GET.get("negotiation"):
        negotiation = Negotiation.objects.filter(slug=request.GET["negotiation"]).first()
    negotiation = negotiation or selectors.current_negotiation()
    profile = actor_profile(actor=actor, negotiation=negotiation)
    today = timezone.localdate()
    first = [changes[0][0] for changes in profile.runs.values() if changes]
    start = (negotiation.started_on if negotiation else None) or min(first, default=today)
    chart = charts.strip_chart(
        [(issue.name, issue.get_absolute_url(), profile.runs.get(issue.pk, [])) for issue in profile.issues],
        start=min([start, *first]),
        end=today,
    )
    context = {"actor": actor, "profile": profile, "chart": chart, "negotiation": negotiation}
    return render(request, "actors/actor_detail.html", context)
