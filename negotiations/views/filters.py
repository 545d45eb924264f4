"""Query-string filters of the analyst pages: every filter lives in the URL, so every view can be shared.

A value that does not parse is reported on the page and ignored, never a server error.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from html import escape

from django import forms
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from actors.models import Actor, ActorKind
from negotiations.enums import Stance
from negotiations.models import Issue, Negotiation, Source
from negotiations.selectors import Cursor, ShiftFilters, TimelineFilters

CELL_SEPARATOR = "."


def options_html(choices, *, selected: str = "") -> SafeString:
    """`<option>`s for a long menu (hundreds of speakers, several times on a page): built here because the
    template engine spends a few hundred microseconds per option. Values and labels are escaped."""
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )


class Options:
    """The `<option>`s of a menu shown several times on a page (compare's four subject menus), escaped
    once: each copy differs only in the option selected, the same HTML as `options_html` would make."""

    def __init__(self, choices) -> None:
        self.html = options_html(choices)

    def selecting(self, selected: str) -> SafeString:
        if not selected:
            return self.html
        tag = f'<option value="{escape(selected)}">'
        return mark_safe(self.html.replace(tag, f'<option value="{escape(selected)}" selected>', 1))


def wants_fragment(request) -> bool:
    """An htmx request for part of a page; a history restore after "back" wants the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def without_empty_parameters(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A filter form sent without JavaScript names every field, set or not (`?actor=&issue=`): redirect to
    the address with only the filters set, the one htmx pushes (static/js/parley.js), so a copied URL is
    short and the same however the filters were chosen. An empty field means "any" on every filter page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs) -> HttpResponse:
        if request.method == "GET" and not getattr(request, "htmx", False) and "" in _values(request.GET):
            query = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                query.setlist(name, [value for value in values if value != ""])
            clean = query.urlencode()
            return HttpResponseRedirect(request.path + (f"?{clean}" if clean else ""))
        return view(request, *args, **kwargs)

    return wrapper


def _values(query: QueryDict) -> list[str]:
    return [value for _, values in query.lists() for value in values]


def date_query(*, as_of: dt.date | None, reviewed_only: bool = False) -> str:
    """The query string (`?as_of=...&reviewed=on`, unescaped) of a link that keeps the reader's date and
    basis. A date only when the reader chose one: a link shared from today's view stays "today" for whoever
    opens it later, instead of freezing on the day it was copied."""
    query = QueryDict(mutable=True)
    if as_of:
        query["as_of"] = as_of.isoformat()
    if reviewed_only:
        query["reviewed"] = "on"
    return f"?{query.urlencode()}" if query else ""


class DateInput(forms.DateInput):
    input_type = "date"


class MatrixFilterForm(forms.Form):
    as_of = forms.DateField(required=False, label="As of", widget=DateInput)
    party = forms.ChoiceField(required=False, label="Party")
    kind = forms.MultipleChoiceField(required=False, label="Actor kind", choices=ActorKind.choices)
    issue = forms.MultipleChoiceField(required=False, label="Issues shown")
    reviewed = forms.BooleanField(required=False, label="Reviewed statements only")
    cell = forms.CharField(required=False, max_length=300)

    def __init__(self, data: QueryDict, *, parties: list[Actor], issues: list[Issue]) -> None:
        super().__init__(data)
        self.parties = parties
        self.fields["party"].choices = [("", "All parties")] + [(p.slug, p.name) for p in parties]
        self.fields["issue"].choices = [(issue.slug, issue.name) for issue in issues]

    def value(self, name: str, default=None):
        """The cleaned value, or `default` when the field is missing or did not parse."""
        self.is_valid()
        return self.cleaned_data.get(name) or default

    @property
    def as_of_date(self) -> dt.date:
        return self.value("as_of", timezone.localdate())

    @property
    def chosen_as_of(self) -> dt.date | None:
        """The date the reader chose, if any: links keep only that one (see `date_query`)."""
        return self.value("as_of")

    @property
    def reviewed_only(self) -> bool:
        return bool(self.value("reviewed"))

    @property
    def party_actor(self) -> Actor | None:
        slug = self.value("party")
        return next((p for p in self.parties if p.slug == slug), None)

    @property
    def open_cell(self) -> tuple[str, str, str] | None:
        """`cell=scope.actor-slug.issue-slug`: the cell whose statements are open (the no-JavaScript path)."""
        parts = self.value("cell", "").split(CELL_SEPARATOR)
        return tuple(parts) if len(parts) == 3 else None


def cell_parameter(*, scope: str, actor_slug: str, issue_slug: str) -> str:
    return CELL_SEPARATOR.join((scope, actor_slug, issue_slug))


class AsOfForm(forms.Form):
    """The date and basis shared by the compare, issue and cell pages."""

    as_of = forms.DateField(required=False, label="As of", widget=DateInput)
    reviewed = forms.BooleanField(required=False, label="Reviewed statements only")

    @property
    def as_of_date(self) -> dt.date:
        self.is_valid()
        return self.cleaned_data.get("as_of") or timezone.localdate()

    @property
    def chosen_as_of(self) -> dt.date | None:
        """The date the reader chose, if any: links keep only that one (see `date_query`)."""
        self.is_valid()
        return self.cleaned_data.get("as_of")

    @property
    def reviewed_only(self) -> bool:
        self.is_valid()
        return bool(self.cleaned_data.get("reviewed"))


class TimelineFilterForm(forms.Form):
    negotiation = forms.SlugField(required=False, label="Negotiation")
    actor = forms.SlugField(required=False, label="Actor")
    party = forms.SlugField(required=False, label="Party")
    issue = forms.SlugField(required=False, label="Issue")
    stance = forms.ChoiceField(required=False, label="Stance", choices=[("", "Any stance"), *Stance.choices])
    source = forms.IntegerField(required=False, label="Source", min_value=1)
    since = forms.DateField(required=False, label="From", widget=DateInput)
    until = forms.DateField(required=False, label="To", widget=DateInput)
    reviewed = forms.BooleanField(required=False, label="Reviewed statements only")
    kind = forms.ChoiceField(
        required=False,
        label="Show",
        choices=[("", "Statements and events"), ("statements", "Statements"), ("events", "Events")],
    )
    q = forms.CharField(required=False, label="Words", max_length=200)
    cursor = forms.CharField(required=False, max_length=60)

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date.")
        return data


@dataclass
class ResolvedTimeline:
    filters: TimelineFilters
    cursor: Cursor | None
    problems: list[str]


def resolve_timeline_filters(form: TimelineFilterForm, *, default: Negotiation) -> ResolvedTimeline:
    """Turn the slugs and ids of the query string into objects, in at most four queries."""
    form.is_valid()
    data = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
    problems = [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]

    negotiation = default
    if "negotiation" in data and data["negotiation"] != default.slug:
        negotiation = Negotiation.objects.filter(slug=data["negotiation"]).first()
        if negotiation is None:
            problems.append(f"No negotiation “{data['negotiation']}”.")
            negotiation = default
    wanted_actors = {data[name] for name in ("actor", "party") if name in data}
    actors = (
        {actor.slug: actor for actor in Actor.objects.filter(slug__in=wanted_actors)} if wanted_actors else {}
    )
    issue = negotiation.issues.filter(slug=data["issue"]).first() if "issue" in data else None
    source = Source.objects.filter(pk=data["source"]).first() if "source" in data else None
    for name, found in (("actor", actors.get(data.get("actor"))), ("party", actors.get(data.get("party")))):
        if name in data and found is None:
            problems.append(f"No {name} “{data[name]}”.")
    if "issue" in data and issue is None:
        problems.append(f"No issue “{data['issue']}” in {negotiation.name}.")
    if "source" in data and source is None:
        problems.append("No such source.")

    filters = TimelineFilters(
        negotiation=negotiation,
        actor=actors.get(data.get("actor")),
        party=actors.get(data.get("party")),
        issue=issue,
        stance=data.get("stance", ""),
        source=source,
        since=data.get("since"),
        until=data.get("until"),
        reviewed_only=bool(data.get("reviewed")),
        kind=data.get("kind", ""),
        query=data.get("q", "").strip(),
    )
    return ResolvedTimeline(filters=filters, cursor=Cursor.parse(data.get("cursor")), problems=problems)


class ShiftFilterForm(forms.Form):
    """The shifts page's filters: slugs and dates, resolved against what the negotiation holds."""

    actor = forms.ChoiceField(required=False, label="Actor")
    issue = forms.ChoiceField(required=False, label="Issue")
    since = forms.DateField(required=False, label="From", widget=DateInput)
    until = forms.DateField(required=False, label="To", widget=DateInput)

    def __init__(self, data: QueryDict, *, actors: list[Actor], issues: list[Issue]) -> None:
        super().__init__(data)
        self.actors = {actor.slug: actor for actor in actors}
        self.issues = {issue.slug: issue for issue in issues}
        self.fields["actor"].choices = [("", "Anyone")] + [(a.slug, a.name) for a in actors]
        self.fields["issue"].choices = [("", "Any issue")] + [(i.slug, i.name) for i in issues]

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date.")
        return data

    @property
    def problems(self) -> list[str]:
        """What did not parse, in words; that filter is ignored."""
        self.is_valid()
        return [f"{self.fields[name].label}: {' '.join(errors)}" for name, errors in self.errors.items()]

    def filters(self, negotiation: Negotiation) -> ShiftFilters:
        self.is_valid()
        data = self.cleaned_data
        return ShiftFilters(
            negotiation=negotiation,
            actor=self.actors.get(data.get("actor") or ""),
            issue=self.issues.get(data.get("issue") or ""),
            since=data.get("since"),
            until=data.get("until"),  # an end before the start is dropped by clean()
        )
