from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from actors.models import Actor
from negotiations.access import reader_required


@reader_required
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor, slug=slug)
    return render(request, "actors/actor_detail.html", {"actor": actor})
