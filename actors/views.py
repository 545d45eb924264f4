import datetime as dt
from html import escape

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from actors.models import Actor, ActorKind
from actors.selectors import actor_directory, actor_profile, actor_scope
from negotiations import selectors
from negotiations.access import reader_required
from negotiations.models import Negotiation
from negotiations.selectors import NO_HISTORY
from negotiations.views import charts, fragments
from negotiations.views.filters import wants_fragment, without_empty_parameters


@reader_required
@require_GET
@without_empty_parameters
def actor_list(request: HttpRequest) -> HttpResponse:
    """Everyone Parley knows, grouped by the side they speak for; filtered by name and kind in the URL."""
    query = request.GET.get("q", "")[:200]
    kind = request.GET.get("kind", "")
    kind = kind if kind in ActorKind.values else ""
    context = {
        "name": query,  # not "query": the navigation's search box shows that one
        "kind": kind,
        "kinds": ActorKind.choices,
        "groups": actor_directory(query=query, kind=kind),
    }
    template = "actors/actor_list.html#directory" if wants_fragment(request) else "actors/actor_list.html"
    return render(request, template, context)


@reader_required
@require_GET
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(
        selectors.with_data_version(Actor.objects.select_related("party__party")), slug=slug
    )
    negotiation = None
    if request.GET.get("negotiation"):
        negotiation = Negotiation.objects.filter(slug=request.GET["negotiation"]).first()
    negotiation = negotiation or selectors.current_negotiation()
    scope = actor_scope(actor=actor, negotiation=negotiation)
    today = timezone.localdate()
    profile_html = fragments.cached_fragment(
        "actor",
        version=selectors.data_version(actor),
        inputs=[
            fragments.actor_fields([actor]),
            (negotiation.pk, negotiation.slug, negotiation.name) if negotiation else None,
            scope,
            today,
        ],
        render=lambda: _profile_html(request, actor, negotiation, scope, today),
    )
    context = {"actor": actor, "negotiation": negotiation, "scope": scope, "profile_html": profile_html}
    return render(request, "actors/actor_detail.html", context)


def _profile_html(
    request: HttpRequest, actor: Actor, negotiation: Negotiation | None, scope: str, today: dt.date
) -> str:
    """The page below its heading: the stance chart, latest statements, names, offices and members."""
    profile = actor_profile(actor=actor, negotiation=negotiation, scope=scope)
    first = [days[0] for days, _ in profile.runs.values() if days]
    start = min([(negotiation.started_on if negotiation else None) or min(first, default=today), *first])
    chart = charts.strip_chart(
        [
            (
                issue.name,
                issue.get_absolute_url(),
                charts.strip_steps(profile.runs.get(issue.pk, NO_HISTORY), start=start, end=today),
            )
            for issue in profile.issues
        ],
        start=start,
        end=today,
    )
    context = {
        "actor": actor,
        "profile": profile,
        "chart": chart,
        "negotiation": negotiation,
        "members_html": _members_html(profile.members),
    }
    return render_to_string("actors/actor_detail.html#profile", context, request)


def _members_html(members: list[Actor]) -> SafeString:
    """The list of who speaks for the actor: a party has a hundred members, and a `{% url %}` per link cost
    more than the rest of the list. The route is reversed once (a slug needs no quoting); every value is
    escaped."""
    before, _, after = reverse("actor_detail", args=["-"]).rpartition("-")
    return mark_safe(
        "".join(
            f'<li><a href="{escape(before + member.slug + after)}">{escape(member.name)}</a></li>'
            for member in members
        )
    )
