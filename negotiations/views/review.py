"""The editors' pages: the review queue, one action per htmx request, history and revert, events.

Every action is a POST that carries the `version` of the statement the editor saw. An htmx request gets
back only the statement's row; a plain form post (no JavaScript) is redirected back to where it came from.
A stale version is refused with 409 and the row's current values; a bad value with 422 and the reason.
"""

import datetime as dt
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from actors.models import Actor, ActorKind
from negotiations import selectors_review
from negotiations.access import editor_required
from negotiations.enums import EventKind, Stance, StatementKind
from negotiations.models import AuditLog, Event, Issue, Negotiation, Statement
from negotiations.selectors_review import QueueFilters
from negotiations.services import review as review_services
from negotiations.views.filters import without_empty_parameters

CONFLICT, UNPROCESSABLE = 409, 422


# Helpers --------------------------------------------------------------------------------------------------


def _version(request) -> int | None:
    """The version the editor saw; a missing or garbled one is refused rather than skipping the check."""
    raw = request.POST.get("version", "")
    if not raw.isdigit():
        raise ValidationError("The form did not say which version of the statement you saw: reload the page.")
    return int(raw)


def _next_url(request, default: str) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return default


def _row_response(
    request,
    pk: int,
    *,
    message: str = "",
    level: str = "success",
    status: int = 200,
    editing: bool = False,
    undo_entry_id: int | None = None,
    form_values: dict | None = None,
) -> HttpResponse:
    """The statement's row (htmx), or a redirect back with the message (plain form post)."""
    if not request.htmx:
        if message:
            {"error": messages.error, "warning": messages.warning}.get(level, messages.success)(
                request, message
            )
        statement_page = reverse("review_statement", kwargs={"pk": pk})
        if level == "error":  # the statement's own page shows what went wrong beside its current values
            return HttpResponseRedirect(statement_page)
        return HttpResponseRedirect(_next_url(request, statement_page))
    row = selectors_review.review_row_for(pk)
    row.message, row.level, row.undo_entry_id = message, level, undo_entry_id
    context = {"row": row, "choices": selectors_review.queue_choices() if editing else None}
    context |= {"editing": editing, "form_values": form_values or {}, "stances": Stance.choices}
    context |= {"kinds": StatementKind.choices, "actor_kinds": ActorKind.choices}
    context["events"] = list(
        Event.objects.filter(negotiation_id=row.statement.negotiation_id).order_by("-date")[:100]
    )
    context["single"] = "/review/statements/" in (request.htmx.current_url or "")
    response = render(request, "review/_row.html", context, status=status)
    count = _queue_count_update(request)
    if count:
        response.content += count.encode()
    if not editing and message:
        response["HX-Trigger"] = "history-stale"  # the statement page reloads its history
    return response


def _queue_count_update(request) -> str:
    """When the action came from the queue, its count too (swapped out of band), with the queue's filters."""
    current = urlsplit(request.htmx.current_url or "")
    if current.path != reverse("review_queue"):
        return ""
    query = QueryDict(current.query)
    filters = QueueFilters.from_query(query)
    page = int(query["page"]) if query.get("page", "").isdigit() else 1
    # The page the editor is on, so the count keeps saying "page 2 of 8" after an action.
    queue = selectors_review.queue_bounds(filters=filters, page=page)
    context = {
        "total": queue.total,
        "cap": selectors_review.COUNT_CAP,
        "filters": filters,
        "queue": queue,
        "oob": True,
    }
    return render_to_string("review/_queue_count.html", context, request=request)


def _refused(request, pk: int, error: Exception, *, editing: bool = False, form_values=None) -> HttpResponse:
    if isinstance(error, review_services.StaleStatementError):
        return _row_response(request, pk, message=str(error), level="error", status=CONFLICT)
    message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    return _row_response(
        request,
        pk,
        message=message,
        level="error",
        status=UNPROCESSABLE if request.htmx else 302,
        editing=editing,
        form_values=form_values,
    )


def _actor_from(value: str) -> Actor | None:
    """An actor by id or slug (the forms offer a list of slugs to type into)."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return Actor.objects.filter(pk=int(value)).first()
    return Actor.objects.filter(slug=value).first() or Actor.objects.filter(name__iexact=value).first()


def _last_entry_id(statement: Statement) -> int | None:
    return AuditLog.objects.filter(statement=statement).order_by("-id").values_list("pk", flat=True).first()


# The queue ------------------------------------------------------------------------------------------------


@editor_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def review_queue(request) -> HttpResponse:
    filters = QueueFilters.from_query(request.GET)
    page_number = request.GET.get("page", "1")
    queue = selectors_review.review_queue(
        filters=filters, page=int(page_number) if page_number.isdigit() else 1
    )
    choices = selectors_review.queue_choices()
    events_by_negotiation: dict[int, list[Event]] = {}
    for event in choices.events:
        events_by_negotiation.setdefault(event.negotiation_id, []).append(event)
    context = {
        "queue": queue,
        "filters": filters,
        "filter_query": filters.as_query(),
        "cap": selectors_review.COUNT_CAP,
        "choices": choices,
        "states": list(selectors_review.QUEUE_STATES),
        "stances": Stance.choices,
        "kinds": StatementKind.choices,
        "actor_kinds": ActorKind.choices,
        "events_by_negotiation": events_by_negotiation,
        # A row's forms post back here when JavaScript is off, so the editor stays in the filtered queue.
        "queue_url": request.get_full_path(),
    }
    template = "review/queue.html" + ("#queue" if request.htmx and not request.htmx.boosted else "")
    return render(request, template, context)


@editor_required
@require_GET
def review_statement(request, pk: int) -> HttpResponse:
    """One statement under review: its row with every action, and its history."""
    get_object_or_404(Statement, pk=pk)
    row = selectors_review.review_row_for(pk)
    context = {
        "row": row,
        "editing": request.GET.get("edit") == "1",
        "history": review_services.statement_history(statement=row.statement),
        "statement": row.statement,
        "choices": selectors_review.queue_choices(),
        "stances": Stance.choices,
        "kinds": StatementKind.choices,
        "actor_kinds": ActorKind.choices,
        "events": list(
            Event.objects.filter(negotiation_id=row.statement.negotiation_id).order_by("-date")[:100]
        ),
        "single": True,
    }
    return render(request, "review/statement.html", context)


@editor_required
@require_GET
def statement_row(request, pk: int) -> HttpResponse:
    get_object_or_404(Statement, pk=pk)
    if not request.htmx:
        return redirect("review_statement", pk=pk)
    return _row_response(request, pk, editing=request.GET.get("edit") == "1")


# Actions --------------------------------------------------------------------------------------------------


@editor_required
@require_POST
def accept(request, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement, pk=pk)
    try:
        accepted = review_services.accept_statement(
            statement=statement, editor=request.user, version=_version(request)
        )
    except (review_services.StaleStatementError, ValidationError) as error:
        return _refused(request, pk, error)
    return _row_response(request, pk, message="Accepted.", undo_entry_id=_last_entry_id(accepted))


@editor_required
@require_POST
def reject(request, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement, pk=pk)
    try:
        rejected = review_services.reject_statement(
            statement=statement,
            editor=request.user,
            version=_version(request),
            reason=request.POST.get("reason", "")[:2000],
        )
    except (review_services.StaleStatementError, ValidationError) as error:
        return _refused(request, pk, error)
    return _row_response(
        request, pk, message=f"Rejected: {rejected.rejection_reason}", undo_entry_id=_last_entry_id(rejected)
    )


@editor_required
@require_POST
def note(request, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement, pk=pk)
    try:
        review_services.add_note(
            statement=statement, editor=request.user, text=request.POST.get("text", "")[:5000]
        )
    except ValidationError as error:
        return _refused(request, pk, error)
    return _row_response(request, pk, message="Note added.")


def _correction_arguments(request, statement: Statement) -> dict:
    """Only the fields the form sent; each parsed or refused with a message an editor understands."""
    post = request.POST
    arguments: dict = {}
    if "actor" in post:
        actor_id = post["actor"]
        if actor_id:
            if not actor_id.isdigit():
                raise ValidationError("Choose the speaker from the list.")
            actor = Actor.objects.filter(pk=int(actor_id)).first()
            if actor is None:
                raise ValidationError("That actor no longer exists.")
            arguments["actor"] = actor
        else:
            arguments["actor"] = None
    if "speaker_name" in post and (post["speaker_name"].strip() or "actor" not in arguments):
        arguments["speaker_name"] = post["speaker_name"][:300]
    if "quote" in post:
        arguments["quote"] = post["quote"][:10000]
    if "kind" in post:
        if post["kind"] not in StatementKind.values:
            raise ValidationError("Unknown kind of statement.")
        arguments["kind"] = post["kind"]
    if "said_on" in post:
        try:
            arguments["said_on"] = dt.date.fromisoformat(post["said_on"])
        except ValueError:
            raise ValidationError("The date said must be a date (YYYY-MM-DD).") from None
    if post.get("stances_sent"):
        issues = Issue.objects.filter(negotiation_id=statement.negotiation_id)
        stances = {}
        for issue in issues:
            value = post.get(f"stance-{issue.slug}", "")
            if value:
                if value not in Stance.values:
                    raise ValidationError(f"Unknown stance for {issue.name}.")
                stances[issue.slug] = value
        arguments["stances"] = stances
    return arguments


@editor_required
@require_POST
def correct(request, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement, pk=pk)
    try:
        arguments = _correction_arguments(request, statement)
        before = statement.version
        corrected = review_services.correct_statement(
            statement=statement,
            editor=request.user,
            version=_version(request),
            note=request.POST.get("note", "")[:2000],
            **arguments,
        )
    except review_services.StaleStatementError as error:
        return _refused(request, pk, error)
    except ValidationError as error:
        return _refused(request, pk, error, editing=True, form_values=request.POST.dict())
    if corrected.version == before:
        return _row_response(request, pk, message="Nothing changed.", level="info")
    return _row_response(request, pk, message="Corrected.", undo_entry_id=_last_entry_id(corrected))


@editor_required
@require_POST
def merge(request, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement, pk=pk)
    into_id = request.POST.get("into", "").strip().lstrip("#")
    try:
        if not into_id.isdigit():
            raise ValidationError("Give the number of the statement this one duplicates.")
        into = Statement.objects.filter(pk=int(into_id)).first()
        if into is None:
            raise ValidationError(f"There is no statement #{into_id}.")
        review_services.merge_statements(
            statement=statement, into=into, editor=request.user, version=_version(request)
        )
    except (review_services.StaleStatementError, ValidationError) as error:
        return _refused(request, pk, error)
    return _row_response(
        request, pk, message=f"Merged into statement #{into.pk}.", undo_entry_id=_last_entry_id(statement)
    )


@editor_required
@require_POST
def link_event(request, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement, pk=pk)
    event_id = request.POST.get("event", "")
    try:
        event = Event.objects.filter(pk=int(event_id)).first() if event_id.isdigit() else None
        if event is None:
            raise ValidationError("Choose an event.")
        review_services.link_event(
            statement=statement, event=event, editor=request.user, version=_version(request)
        )
    except (review_services.StaleStatementError, ValidationError) as error:
        return _refused(request, pk, error)
    return _row_response(request, pk, message=f"Linked to {event}.", undo_entry_id=_last_entry_id(statement))


@editor_required
@require_POST
def new_actor(request, pk: int) -> HttpResponse:
    """The unknown speaker becomes a new actor (the name as written becomes its alias)."""
    statement = get_object_or_404(Statement, pk=pk)
    kind = request.POST.get("kind", ActorKind.PERSON)
    party_id = request.POST.get("party", "")
    try:
        if kind not in ActorKind.values:
            raise ValidationError("Unknown kind of actor.")
        party = _actor_from(party_id)
        if party_id.strip() and party is None:
            raise ValidationError(f"No actor {party_id!r} to speak for.")
        actor = review_services.create_actor_from_speaker(
            statement=statement,
            editor=request.user,
            version=_version(request),
            name=request.POST.get("name", "")[:200],
            kind=kind,
            party=party,
        )
    except (review_services.StaleStatementError, ValidationError) as error:
        return _refused(request, pk, error)
    return _row_response(request, pk, message=f"New actor {actor.name}; the next extraction will know them.")


@editor_required
@require_POST
def alias_speaker(request, pk: int) -> HttpResponse:
    """The unknown speaker is an existing actor: the name as written becomes an alias."""
    statement = get_object_or_404(Statement, pk=pk)
    actor_id = request.POST.get("actor", "")
    try:
        actor = _actor_from(actor_id)
        if actor is None:
            raise ValidationError("Choose the actor this speaker is, from the list.")
        review_services.alias_speaker_to_actor(
            statement=statement,
            editor=request.user,
            version=_version(request),
            actor=actor,
            alias=request.POST.get("alias", "")[:200],
        )
    except (review_services.StaleStatementError, ValidationError) as error:
        return _refused(request, pk, error)
    return _row_response(request, pk, message=f"Attributed to {actor.name}, and the name kept as an alias.")


# History --------------------------------------------------------------------------------------------------


def _history_response(
    request, statement: Statement, *, message: str = "", level: str = "success", status=200
):
    statement = Statement.objects.get(pk=statement.pk)  # as it is now, after the action
    context = {
        "statement": statement,
        "history": review_services.statement_history(statement=statement),
        "history_message": message,
        "history_level": level,
    }
    return render(request, "review/_history.html", context, status=status)


@editor_required
@require_GET
def history(request, pk: int) -> HttpResponse:
    """The statement's history, for the statement page to load in place (or to include directly)."""
    statement = get_object_or_404(Statement, pk=pk)
    if not request.htmx:
        return redirect("review_statement", pk=pk)
    return _history_response(request, statement)


@editor_required
@require_POST
def revert(request, entry_pk: int) -> HttpResponse:
    entry = get_object_or_404(
        AuditLog.objects.select_related("statement"), pk=entry_pk, statement__isnull=False
    )
    statement = entry.statement
    try:
        review_services.revert_change(entry=entry, editor=request.user, version=_version(request))
    except review_services.StaleStatementError as error:
        return _refused_history(request, statement, str(error), CONFLICT)
    except ValidationError as error:
        return _refused_history(request, statement, " ".join(error.messages), UNPROCESSABLE)
    message = f"Change #{entry.pk} ({entry.action}) reverted."
    if request.POST.get("target") == "row":
        return _row_response(request, statement.pk, message=message)
    if not request.htmx:
        messages.success(request, message)
        return HttpResponseRedirect(
            _next_url(request, reverse("review_statement", kwargs={"pk": statement.pk}))
        )
    response = _history_response(request, statement, message=message)
    response["HX-Trigger"] = "row-stale"  # the row above shows the reverted values and the new version
    return response


def _refused_history(request, statement: Statement, message: str, status: int) -> HttpResponse:
    if request.POST.get("target") == "row":
        return _row_response(request, statement.pk, message=message, level="error", status=status)
    if not request.htmx:
        messages.error(request, message)
        return HttpResponseRedirect(
            _next_url(request, reverse("review_statement", kwargs={"pk": statement.pk}))
        )
    return _history_response(request, statement, message=message, level="error", status=status)


# Events ---------------------------------------------------------------------------------------------------


def _event_values(post, negotiation: Negotiation) -> dict:
    title = post.get("title", "").strip()[:300]
    if not title:
        raise ValidationError("The event needs a title.")
    try:
        date = dt.date.fromisoformat(post.get("date", ""))
    except ValueError:
        raise ValidationError("The event needs a date (YYYY-MM-DD).") from None
    end_raw = post.get("end_date", "").strip()
    try:
        end_date = dt.date.fromisoformat(end_raw) if end_raw else None
    except ValueError:
        raise ValidationError("The end date must be a date (YYYY-MM-DD).") from None
    kind = post.get("kind", EventKind.OTHER)
    if kind not in EventKind.values:
        raise ValidationError("Unknown kind of event.")
    urls = [line.strip() for line in post.get("source_urls", "").splitlines() if line.strip()]
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise ValidationError(f"{url!r} is not a web address.")
    participant_ids = [int(value) for value in post.getlist("participants") if value.isdigit()]
    issue_ids = [int(value) for value in post.getlist("issues") if value.isdigit()]
    return {
        "title": title,
        "date": date,
        "end_date": end_date,
        "kind": kind,
        "place": post.get("place", "")[:200],
        "description": post.get("description", "")[:10000],
        "source_urls": urls[:50],
        "participants": list(Actor.objects.filter(pk__in=participant_ids)),
        "issues": list(Issue.objects.filter(pk__in=issue_ids, negotiation=negotiation)),
    }


def _event_form_context(negotiation: Negotiation, event: Event | None, values=None) -> dict:
    if values is None and event is not None:
        values = {
            "title": event.title,
            "kind": event.kind,
            "date": event.date.isoformat(),
            "end_date": event.end_date.isoformat() if event.end_date else "",
            "place": event.place,
            "description": event.description,
            "source_urls": "\n".join(event.source_urls),
        }
    if isinstance(values, QueryDict):  # a refused form: keep what the editor ticked
        chosen_participants = _ticked(values, "participants")
        chosen_issues = _ticked(values, "issues")
    else:
        chosen_participants = {a.pk for a in event.participants.all()} if event else set()
        chosen_issues = {i.pk for i in event.issues.all()} if event else set()
    actors = Actor.objects.select_related("party").order_by("name")
    return {
        "negotiation": negotiation,
        "event": event,
        "values": values or {},
        "event_kinds": EventKind.choices,
        # The ticked first: without JavaScript's filter box they are otherwise lost among ~200 names.
        "actors": sorted(actors, key=lambda actor: actor.pk not in chosen_participants),
        "issues": negotiation.issues.order_by("position"),
        "chosen_participants": chosen_participants,
        "chosen_issues": chosen_issues,
    }


def _ticked(values: QueryDict, name: str) -> set[int]:
    return {int(value) for value in values.getlist(name) if value.isdigit()}


@editor_required
@require_GET
def event_list(request) -> HttpResponse:
    events = Event.objects.select_related("negotiation").order_by("-date", "-id")[:200]
    return render(
        request, "review/events.html", {"events": events, "negotiations": Negotiation.objects.all()}
    )


@editor_required
@require_http_methods(["GET", "POST"])
def event_create(request) -> HttpResponse:
    slug = request.POST.get("negotiation") or request.GET.get("negotiation", "")
    negotiation = Negotiation.objects.filter(slug=slug).first() if slug else None
    negotiation = negotiation or Negotiation.objects.order_by("-started_on", "-pk").first()
    if negotiation is None:
        return render(request, "review/event_form.html", {"negotiation": None}, status=404)
    if request.method == "POST":
        try:
            values = _event_values(request.POST, negotiation)
            event = review_services.create_event(editor=request.user, negotiation=negotiation, **values)
        except ValidationError as error:
            context = _event_form_context(negotiation, None, request.POST)
            context["error"] = " ".join(error.messages)
            return render(request, "review/event_form.html", context, status=UNPROCESSABLE)
        messages.success(request, f"Event “{event.title}” created.")
        return redirect("review_event_edit", pk=event.pk)
    return render(request, "review/event_form.html", _event_form_context(negotiation, None))


@editor_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("negotiation"), pk=pk)
    negotiation = event.negotiation
    if request.method == "POST":
        seen = request.POST.get("seen_updated_at", "")
        try:
            seen_at = dt.datetime.fromisoformat(seen) if seen else None
            values = _event_values(request.POST, negotiation)
            event = review_services.update_event(
                event=event, editor=request.user, seen_updated_at=seen_at, **values
            )
        except review_services.StaleEventError as error:
            context = _event_form_context(negotiation, error.current)
            context["error"] = str(error)
            return render(request, "review/event_form.html", context, status=CONFLICT)
        except (ValidationError, ValueError) as error:
            context = _event_form_context(negotiation, event, request.POST)
            context["error"] = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            return render(request, "review/event_form.html", context, status=UNPROCESSABLE)
        messages.success(request, f"Event “{event.title}” saved.")
        return redirect("review_event_edit", pk=event.pk)
    return render(request, "review/event_form.html", _event_form_context(negotiation, event))
