"""Following actors, issues and saved filters; stance shifts; a personal Atom feed.

Anyone who may read may follow (an account is needed to keep the follows). The personal feed is
addressed by a secret token instead of a session, so feed readers can fetch it.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET, require_POST

from actors.models import Actor
from negotiations.access import reader_required
from negotiations.models import Follow, Issue, Negotiation, SavedFilter, Shift
from negotiations.services import alerts as alert_services

SHIFTS_PER_PAGE = 30


def _login_needed(view):
    """Following is personal: an anonymous reader (PUBLIC_READ) is sent to log in first."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@reader_required
@_login_needed
@require_GET
def following(request) -> HttpResponse:
    settings_row = alert_services.alert_settings_for(request.user)
    follows = list(
        Follow.objects.filter(user=request.user).select_related("actor", "issue__negotiation", "saved_filter")
    )
    shifts = list(alert_services.followed_shifts(user=request.user)[:SHIFTS_PER_PAGE])
    context = {
        "follows": follows,
        "shifts": shifts,
        "feed_url": request.build_absolute_uri(
            reverse("personal_feed", kwargs={"token": settings_row.feed_token})
        ),
        "actors": Actor.objects.select_related("party").order_by("name"),
        "issues": Issue.objects.select_related("negotiation").order_by("negotiation", "position"),
        "saved_filters": SavedFilter.objects.filter(user=request.user),
        "settings_row": settings_row,
    }
    return render(request, "alerts/following.html", context)


def _target(post) -> dict:
    if post.get("actor"):
        actor = Actor.objects.filter(slug=post["actor"].strip()).first()
        if actor is None and post["actor"].isdigit():
            actor = Actor.objects.filter(pk=int(post["actor"])).first()
        if actor is None:
            raise Http404("No such actor.")
        return {"actor": actor}
    if post.get("issue", "").isdigit():
        return {"issue": get_object_or_404(Issue, pk=int(post["issue"]))}
    if post.get("saved_filter", "").isdigit():
        return {"saved_filter": get_object_or_404(SavedFilter, pk=int(post["saved_filter"]))}
    raise Http404("Nothing to follow.")


def _back(request) -> HttpResponse:
    url = request.POST.get("next", "")
    if url.startswith("/") and not url.startswith("//"):
        return redirect(url)
    return redirect("following")


@reader_required
@_login_needed
@require_POST
def follow(request) -> HttpResponse:
    target = _target(request.POST)
    if "saved_filter" in target and target["saved_filter"].user_id != request.user.pk:
        raise Http404("No such saved filter.")
    alert_services.follow(user=request.user, **target)
    messages.success(request, f"You follow {next(iter(target.values()))}.")
    return _back(request)


@reader_required
@_login_needed
@require_POST
def unfollow(request) -> HttpResponse:
    if request.POST.get("follow", "").isdigit():
        Follow.objects.filter(user=request.user, pk=int(request.POST["follow"])).delete()
    else:
        alert_services.unfollow(user=request.user, **_target(request.POST))
    messages.success(request, "Unfollowed.")
    return _back(request)


@reader_required
@_login_needed
@require_POST
def save_filter(request) -> HttpResponse:
    """Save a timeline filter (its query string) under a name, and follow it."""
    query = request.POST.get("query", "").strip()
    if "?" in query:
        query = query.split("?", 1)[1]
    slug = request.POST.get("negotiation", "")
    negotiation = Negotiation.objects.filter(slug=slug).first() if slug else None
    try:
        saved = alert_services.save_filter(
            user=request.user, name=request.POST.get("name", ""), query=query, negotiation=negotiation
        )
    except ValueError as error:
        messages.error(request, str(error))
        return _back(request)
    messages.success(request, f"Saved and following “{saved.name}”.")
    return _back(request)


@reader_required
@_login_needed
@require_POST
def new_feed_token(request) -> HttpResponse:
    alert_services.regenerate_feed_token(user=request.user)
    messages.success(request, "Your feed has a new address; the old one no longer works.")
    return redirect("following")


@reader_required
@_login_needed
@require_POST
def set_digest(request) -> HttpResponse:
    enabled = bool(request.POST.get("digest"))
    try:
        alert_services.set_digest(
            user=request.user, email=request.POST.get("email", "")[:254], enabled=enabled
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("following")
    messages.success(request, "The daily digest is on." if enabled else "The daily digest is off.")
    return redirect("following")


@require_GET
def personal_feed(request, token: str) -> HttpResponse:
    """The stance shifts of what a user follows, as Atom; the token in the address is the credential."""
    user = alert_services.user_for_feed_token(token[:100])
    if user is None:
        raise Http404("No such feed.")
    feed = Atom1Feed(
        title=f"Parley: shifts followed by {user.get_username()}",
        link=request.build_absolute_uri(reverse("following")),
        description="Stance shifts of the actors, issues and filters you follow.",
        language="en",
        feed_url=request.build_absolute_uri(),
    )
    for shift in alert_services.followed_shifts(user=user)[: alert_services.FEED_LENGTH]:
        link = request.build_absolute_uri(
            shift.to_statement.get_absolute_url() if shift.to_statement else reverse("shift_list")
        )
        before = f"“{shift.from_statement.quote}”" if shift.from_statement else "(statement removed)"
        after = f"“{shift.to_statement.quote}”" if shift.to_statement else "(statement removed)"
        feed.add_item(
            title=f"{shift.actor.name} on {shift.issue.name}: {shift.get_from_stance_display().lower()} → "
            f"{shift.get_to_stance_display().lower()}",
            link=link,
            description=f"Before: {before}\nNow ({shift.shifted_on:%d %b %Y}): {after}",
            unique_id=f"parley-shift-{shift.pk}",
            updateddate=shift.updated_at,
            pubdate=shift.detected_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@reader_required
@require_GET
def shift_list(request) -> HttpResponse:
    """Every recorded shift, newest first, with the two statements side by side."""
    shifts = alert_services.shifts_with_statements(Shift.objects.all())
    actor_slug = request.GET.get("actor", "")
    if actor_slug:
        shifts = shifts.filter(actor__slug=actor_slug)
    page = Paginator(shifts, SHIFTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "alerts/shifts.html", {"page": page, "shifts": page.object_list})
