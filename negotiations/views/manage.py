"""Admins' pages outside the Django admin: sources with their health and "fetch now", and the registry
(actors, aliases, roles, issues and their cue words, with a preview on stored documents).

Users and roles stay in the Django admin (/admin/auth/user/): the three roles are groups there.
"""

import datetime as dt
import logging
import threading
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import OperationalError, close_old_connections, connection, transaction
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseStopPolling

from actors.models import Actor, ActorKind, Alias, Role, normalize_name
from negotiations import selectors_review
from negotiations.access import admin_required
from negotiations.enums import Reliability, SourceKind
from negotiations.ingest.files import SUPPORTED_SUFFIXES
from negotiations.models import AuditLog, Issue, Negotiation, Source
from negotiations.services import registry_preview
from negotiations.services import sources as source_services
from negotiations.services.registry import invalidate_registry
from negotiations.services.review import _unique_actor_slug

logger = logging.getLogger(__name__)

UNPROCESSABLE = 422
POLL_EVERY = "1s"


def _audit(request, action: str, target, changes: dict, note: str = "") -> None:
    AuditLog.objects.create(
        user=request.user,
        action=action,
        target_type=type(target)._meta.model_name,
        target_id=target.pk,
        changes=changes,
        note=note,
    )


# Sources ------------------------------------------------------------------------------------------------


def _source_form_context(source: Source | None, values=None, error: ValidationError | None = None) -> dict:
    if values is None:
        values = {"poll_interval_minutes": 60, "language": "en", "reliability": Reliability.UNKNOWN}
        if source is not None:
            values = {
                "name": source.name,
                "url": source.url,
                "kind": source.kind,
                "negotiation": source.negotiation.slug if source.negotiation else "",
                "poll_interval_minutes": source.poll_interval_minutes,
                "language": source.language,
                "reliability": source.reliability,
            }
    return {
        "source": source,
        "values": values or {},
        "error": " ".join(error.messages) if error else "",
        # A refused address links to the source that already has it.
        "existing": getattr(error, "existing", None),
        "kinds": SourceKind.choices,
        "reliabilities": Reliability.choices,
        "negotiations": Negotiation.objects.order_by("name"),
        "upload_types": ",".join(sorted(SUPPORTED_SUFFIXES)),
        "duplicates": selectors_review.duplicate_entries(source=source) if source is not None else 0,
    }


def _interval(raw: str) -> int:
    try:
        value = int(raw or 60)
    except ValueError:
        raise ValidationError("The poll interval must be a whole number of minutes.") from None
    if value < 1:
        raise ValidationError("The poll interval must be at least one minute.")
    return value


def _negotiation(raw: str) -> Negotiation | None:
    return Negotiation.objects.filter(slug=raw).first() if raw else None


def _reliability(raw: str) -> str:
    if raw not in Reliability.values:
        raise ValidationError("Unknown reliability.")
    return raw


def _run_fetch(source_id: int) -> None:
    """Without a Celery worker: poll and fetch in a thread of this process, so the page can show progress."""
    from negotiations import tasks

    close_old_connections()
    try:
        tasks.poll_source(source_id=source_id)
    except Exception:
        logger.exception("fetch of source %s failed", source_id)
    try:
        # What the poll left waiting (a step that met a locked database) is done here, as no worker will.
        tasks.finish_source_in_process(source_id=source_id)
    except Exception:
        logger.exception("fetch of source %s could not finish", source_id)
    finally:
        connection.close()


def start_fetch(source: Source) -> dt.datetime:
    """Queue a poll of the source now; returns the moment the progress is counted from."""
    since = timezone.now()
    Source.objects.filter(pk=source.pk).update(next_poll_at=since)
    if settings.FETCH_NOW_IN_THREAD:
        transaction.on_commit(
            lambda: threading.Thread(
                target=_run_fetch, args=(source.pk,), daemon=True, name="fetch-now"
            ).start()
        )
    else:
        source_services.request_poll(source=source)
    return since


def _since_query(since: dt.datetime) -> str:
    return urlencode({"since": since.isoformat()})


def _progress_url(source: Source, since: dt.datetime) -> str:
    return reverse("source_progress", kwargs={"pk": source.pk}) + "?" + _since_query(since)


@admin_required
@require_GET
def source_list(request) -> HttpResponse:
    return render(request, "manage/sources.html", {"rows": selectors_review.source_health()})


@admin_required
@require_http_methods(["GET", "POST"])
def source_create(request) -> HttpResponse:
    if request.method == "GET":
        return render(request, "manage/source_form.html", _source_form_context(None))
    post = request.POST
    upload = request.FILES.get("upload")
    stored = None
    try:
        kind, url = post.get("kind", ""), post.get("url", "").strip()
        if upload is not None:  # an uploaded file is a file source reading where the upload was kept
            stored = source_services.store_upload(
                file_name=upload.name, size=upload.size, chunks=upload.chunks()
            )
            kind, url = SourceKind.FILE, str(stored)
        source = source_services.create_source(
            name=post.get("name", "").strip()[:200] or (upload.name if upload else url)[:200],
            kind=kind,
            url=url,
            interval_minutes=_interval(post.get("poll_interval_minutes", "")),
            negotiation=_negotiation(post.get("negotiation", "")),
            language=post.get("language", "en")[:12],
            reliability=_reliability(post.get("reliability", Reliability.UNKNOWN)),
        )
    except ValidationError as error:
        if stored is not None:
            stored.unlink(missing_ok=True)  # no source reads it: an upload refused later is not kept either
        context = _source_form_context(None, post, error)
        return render(request, "manage/source_form.html", context, status=UNPROCESSABLE)
    _audit(request, "create-source", source, {"url": [None, source.url], "kind": [None, source.kind]})
    messages.success(request, f"Source “{source.name}” added.")
    url = reverse("source_edit", kwargs={"pk": source.pk})
    if post.get("fetch_now"):
        since = start_fetch(source)
        url += "?" + _since_query(since)
    return redirect(url)


@admin_required
@require_http_methods(["GET", "POST"])
def source_edit(request, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("negotiation"), pk=pk)
    since = _since(request)
    if request.method == "POST":
        post = request.POST
        before = {"name": source.name, "url": source.url, "enabled": source.enabled}
        try:
            source.name = post.get("name", "").strip()[:200] or source.name
            source.url = post.get("url", source.url).strip()
            source_services.validate_source_location(kind=source.kind, url=source.url)
            source_services.refuse_registered_url(url=source.url, exclude=source)
            source.poll_interval_minutes = _interval(post.get("poll_interval_minutes", ""))
            source.negotiation = _negotiation(post.get("negotiation", ""))
            source.language = post.get("language", "")[:12]
            source.reliability = _reliability(post.get("reliability", source.reliability))
            source.enabled = bool(post.get("enabled"))
            source.full_clean()
        except ValidationError as error:
            context = _source_form_context(source, post, error)
            return render(request, "manage/source_form.html", context, status=UNPROCESSABLE)
        source.save()
        after = {"name": source.name, "url": source.url, "enabled": source.enabled}
        changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
        if changes:
            _audit(request, "edit-source", source, changes)
        messages.success(request, "Source saved.")
        return redirect("source_edit", pk=source.pk)
    context = _source_form_context(source)
    if since:
        context["progress"] = selectors_review.fetch_progress(source=source, since=since)
        context["progress_url"] = _progress_url(source, since)
    return render(request, "manage/source_form.html", context)


@admin_required
@require_POST
def source_pause(request, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    reason = request.POST.get("reason", "").strip()[:300] or f"Paused by {request.user.get_username()}"
    source_services.pause_source(source=source, reason=reason)
    _audit(request, "pause-source", source, {"paused_reason": ["", reason]})
    return _back_to_sources(request, f"“{source.name}” paused.")


@admin_required
@require_POST
def source_resume(request, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    before = source.paused_reason
    source_services.resume_source(source=source)
    _audit(request, "resume-source", source, {"paused_reason": [before, ""]})
    return _back_to_sources(request, f"“{source.name}” resumed; it will be polled shortly.")


def _back_to_sources(request, message: str) -> HttpResponse:
    if request.htmx:
        response = render(request, "manage/sources.html#table", {"rows": selectors_review.source_health()})
        return response
    messages.success(request, message)
    return redirect("source_list")


@admin_required
@require_POST
def source_fetch(request, pk: int) -> HttpResponse:
    """Fetch now: the progress fragment, which polls itself until the fetch is done."""
    source = get_object_or_404(Source, pk=pk)
    if source.polling_since and timezone.now() - source.polling_since < source_services.POLL_LEASE:
        since = source.polling_since
    else:
        since = start_fetch(source)
    _audit(request, "fetch-source", source, {})
    if not request.htmx:
        return redirect(_progress_url(source, since).replace("progress/", ""))
    source.refresh_from_db()
    progress = selectors_review.fetch_progress(source=source, since=since)
    return render(
        request,
        "manage/_progress.html",
        {"progress": progress, "progress_url": _progress_url(source, since), "poll_every": POLL_EVERY},
    )


def _since(request) -> dt.datetime | None:
    raw = request.GET.get("since", "")
    try:
        since = dt.datetime.fromisoformat(raw) if raw else None
    except ValueError:
        return None
    if since is not None and timezone.is_naive(since):
        since = timezone.make_aware(since, dt.UTC)
    return since


def _current_page(request) -> str:
    """The name of the page an htmx request came from ("" when unknown)."""
    try:
        return resolve(urlsplit(request.htmx.current_url or "").path).url_name or ""
    except Resolver404:
        return ""


@admin_required
@require_GET
def source_progress(request, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    since = _since(request) or source.last_polled_at or timezone.now()
    if not request.htmx:
        return redirect(_progress_url(source, since).replace("progress/", ""))
    try:
        progress = selectors_review.fetch_progress(source=source, since=since)
    except OperationalError as error:
        # SQLite can refuse a read while the fetch writes: say so and ask again at the next tick.
        logger.warning("progress of source %s not readable yet: %s", source.pk, error)
        context = {"source": source, "progress_url": _progress_url(source, since), "poll_every": POLL_EVERY}
        return render(request, "manage/_progress_busy.html", context)
    context = {"progress": progress, "progress_url": _progress_url(source, since), "poll_every": POLL_EVERY}
    if progress.done:
        # 286: htmx swaps this last state in and stops polling; the health figures are refreshed too
        # when the page shows them.
        content = render(request, "manage/_progress.html", context).content
        if _current_page(request) == "source_edit":
            duplicates = selectors_review.duplicate_entries(source=progress.source)
            health_context = {"source": progress.source, "duplicates": duplicates, "oob": True}
            health = render(request, "manage/_health.html", health_context).content
            content += health
        return HttpResponseStopPolling(content)
    return render(request, "manage/_progress.html", context)


# Registry -----------------------------------------------------------------------------------------------


def _invalidate_all() -> None:
    for negotiation in Negotiation.objects.all():
        invalidate_registry(negotiation=negotiation)


@admin_required
@require_GET
def registry(request) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    actors = Actor.objects.select_related("party").prefetch_related("aliases").order_by("name")
    if query:
        actors = actors.filter(name__icontains=query) | actors.filter(aliases__name__icontains=query)
    negotiations = list(Negotiation.objects.prefetch_related("parties").order_by("name"))
    context = {
        "negotiations": negotiations,
        "actors": actors.distinct()[:300],
        "issues": Issue.objects.select_related("negotiation").order_by("negotiation", "position"),
        "actor_kinds": ActorKind.choices,
        "parties": Actor.objects.filter(
            kind__in=[ActorKind.GOVERNMENT, ActorKind.BLOC, ActorKind.ORGANISATION]
        ),
        "actor_query": query,
    }
    return render(request, "manage/registry.html", context)


@admin_required
@require_POST
def actor_create(request) -> HttpResponse:
    name = request.POST.get("name", "").strip()[:200]
    kind = request.POST.get("kind", ActorKind.PERSON)
    if not name or kind not in ActorKind.values:
        messages.error(request, "A new actor needs a name and a kind.")
        return redirect("registry")
    party_id = request.POST.get("party", "")
    party = Actor.objects.filter(pk=int(party_id)).first() if party_id.isdigit() else None
    actor = Actor.objects.create(slug=_unique_actor_slug(name), name=name, kind=kind, party=party)
    _audit(request, "create-actor", actor, {"name": [None, name]})
    _invalidate_all()
    messages.success(request, f"{actor.name} added.")
    return redirect("registry_actor_edit", pk=actor.pk)


@admin_required
@require_http_methods(["GET", "POST"])
def actor_edit(request, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("party"), pk=pk)
    error = ""
    if request.method == "POST":
        before = {"name": actor.name, "kind": actor.kind, "party": actor.party_id}
        name = request.POST.get("name", "").strip()[:200]
        kind = request.POST.get("kind", actor.kind)
        party_id = request.POST.get("party", "")
        party = Actor.objects.filter(pk=int(party_id)).first() if party_id.isdigit() else None
        if not name or kind not in ActorKind.values:
            error = "An actor needs a name and a kind."
        elif party is not None and (party.pk == actor.pk or party.side.pk == actor.pk):
            error = "An actor cannot speak for itself or for someone who speaks for it."
        else:
            actor.name, actor.kind, actor.party = name, kind, party
            actor.description = request.POST.get("description", "")[:5000]
            actor.save()
            after = {"name": actor.name, "kind": actor.kind, "party": actor.party_id}
            changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
            if changes:
                _audit(request, "edit-actor", actor, changes)
            _invalidate_all()
            messages.success(request, "Actor saved.")
            return redirect("registry_actor_edit", pk=actor.pk)
    return _actor_form(request, actor, error=error)


def _actor_form(request, actor: Actor, *, error: str = "", role_values: dict | None = None) -> HttpResponse:
    """The actor's page; a refused change shows its error with what the admin typed still in the form."""
    preview = None
    trial = request.GET.get("try_alias", "").strip()[:200]
    negotiation = Negotiation.objects.order_by("-started_on", "-pk").first()
    if trial and negotiation:
        preview = registry_preview.preview_actor_names(
            negotiation=negotiation, slug=actor.slug, aliases=[trial]
        )
    context = {
        "actor": actor,
        "aliases": actor.aliases.all(),
        "roles": actor.roles.all(),
        "actor_kinds": ActorKind.choices,
        "parties": Actor.objects.exclude(pk=actor.pk).exclude(kind=ActorKind.PERSON),
        "error": error,
        "preview": preview,
        "trial": trial,
        "role_values": role_values or {},
    }
    return render(request, "manage/actor_form.html", context, status=UNPROCESSABLE if error else 200)


@admin_required
@require_POST
def alias_add(request, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=pk)
    name = request.POST.get("name", "").strip()[:200]
    if name and not actor.aliases.filter(normalized=normalize_name(name)).exists():
        Alias.objects.create(actor=actor, name=name)
        _audit(request, "add-alias", actor, {"alias": [None, name]})
        _invalidate_all()
        messages.success(request, f"“{name}” now names {actor.name}.")
    return redirect("registry_actor_edit", pk=actor.pk)


@admin_required
@require_POST
def alias_delete(request, pk: int) -> HttpResponse:
    alias = get_object_or_404(Alias.objects.select_related("actor"), pk=pk)
    actor = alias.actor
    _audit(request, "delete-alias", actor, {"alias": [alias.name, None]})
    alias.delete()
    _invalidate_all()
    messages.success(request, f"“{alias.name}” removed.")
    return redirect("registry_actor_edit", pk=actor.pk)


@admin_required
@require_POST
def role_add(request, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=pk)
    title = request.POST.get("title", "").strip()[:200]
    descriptors = [line.strip() for line in request.POST.get("descriptors", "").splitlines() if line.strip()]
    try:
        start = dt.date.fromisoformat(request.POST["start"]) if request.POST.get("start") else None
        end = dt.date.fromisoformat(request.POST["end"]) if request.POST.get("end") else None
    except ValueError:
        return _actor_form(request, actor, error="Dates must be YYYY-MM-DD.", role_values=request.POST)
    error = _role_problem(actor, title=title, start=start, end=end)
    if error:
        return _actor_form(request, actor, error=error, role_values=request.POST)
    Role.objects.create(actor=actor, title=title, start=start, end=end, descriptors=descriptors)
    _audit(request, "add-role", actor, {"role": [None, title]})
    _invalidate_all()
    messages.success(request, f"Role “{title}” added.")
    return redirect("registry_actor_edit", pk=actor.pk)


def _role_problem(actor: Actor, *, title: str, start: dt.date | None, end: dt.date | None) -> str:
    """Why a new office cannot be recorded, or "" when it can."""
    if not title:
        return "A role needs a title."
    if start and end and end < start:
        return "A role cannot end before it starts."
    for role in actor.roles.filter(title__iexact=title):
        if role.overlaps(start, end):
            held = f"{role.start or 'an unknown day'} – {role.end or 'now'}"
            return f"{actor.name} already holds “{role.title}” over part of those dates ({held})."
    return ""


def _cues(raw: str) -> list[str]:
    return list(dict.fromkeys(line.strip() for line in raw.replace(",", "\n").splitlines() if line.strip()))


@admin_required
@require_http_methods(["GET", "POST"])
def issue_edit(request, pk: int) -> HttpResponse:
    """Edit an issue's wording and cue words; "Preview" runs extraction on stored documents without saving."""
    issue = get_object_or_404(Issue.objects.select_related("negotiation"), pk=pk)
    error, preview = "", None
    values = {"name": issue.name, "proposition": issue.proposition, "cues": "\n".join(issue.cues)}
    if request.method == "POST":
        values = {key: request.POST.get(key, "") for key in values}
        cues = _cues(values["cues"])
        if not values["name"].strip() or not values["proposition"].strip():
            error = "An issue needs a name and a proposition."
        elif request.POST.get("preview"):
            preview = registry_preview.preview_issue_cues(
                negotiation=issue.negotiation,
                slug=issue.slug,
                name=values["name"].strip(),
                proposition=values["proposition"].strip(),
                cues=cues,
            )
        else:
            changes = {}
            for field, value in (
                ("name", values["name"].strip()[:200]),
                ("proposition", values["proposition"].strip()),
                ("cues", cues),
            ):
                if getattr(issue, field) != value:
                    changes[field] = [getattr(issue, field), value]
                    setattr(issue, field, value)
            issue.save()
            if changes:
                _audit(request, "edit-issue", issue, changes)
            invalidate_registry(negotiation=issue.negotiation)
            messages.success(request, "Issue saved: the next extraction uses its new wording and cues.")
            return redirect("registry_issue_edit", pk=issue.pk)
    context = {"issue": issue, "values": values, "error": error, "preview": preview}
    return render(request, "manage/issue_form.html", context, status=UNPROCESSABLE if error else 200)


@admin_required
@require_POST
def negotiation_parties(request, pk: int) -> HttpResponse:
    """The parties of a negotiation: the groups of the matrix."""
    negotiation = get_object_or_404(Negotiation, pk=pk)
    wanted = [int(value) for value in request.POST.getlist("parties") if value.isdigit()]
    parties = list(Actor.objects.filter(pk__in=wanted))
    before = sorted(negotiation.parties.values_list("pk", flat=True))
    negotiation.parties.set(parties)
    after = sorted(actor.pk for actor in parties)
    if before != after:
        _audit(request, "edit-parties", negotiation, {"parties": [before, after]})
    messages.success(request, f"Parties of {negotiation.name} saved.")
    return redirect("registry")


@admin_required
@require_POST
def issue_create(request) -> HttpResponse:
    negotiation = get_object_or_404(Negotiation, slug=request.POST.get("negotiation", ""))
    name = request.POST.get("name", "").strip()[:200]
    proposition = request.POST.get("proposition", "").strip()
    if not name or not proposition:
        messages.error(request, "A new issue needs a name and a proposition (what “supports” means).")
        return redirect("registry")
    base = slugify(name)[:100] or "issue"
    slug, number = base, 2
    while negotiation.issues.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    position = (negotiation.issues.aggregate(last=Max("position"))["last"] or 0) + 1
    issue = Issue.objects.create(
        negotiation=negotiation,
        slug=slug,
        name=name,
        proposition=proposition,
        cues=_cues(request.POST.get("cues", "")),
        position=position,
    )
    _audit(request, "create-issue", issue, {"name": [None, name], "cues": [None, issue.cues]})
    invalidate_registry(negotiation=negotiation)
    messages.success(request, f"Issue “{name}” added; try its cue words with the preview below.")
    return redirect("registry_issue_edit", pk=issue.pk)
