"""Statement cards, stance chips and source links, built in Python.

A page lists twenty to thirty statements; as an included template, each card cost about a millisecond of
variable lookups, an include per source and a `{% url %}` per link. Here it is a few string joins.

Ingested text is hostile: every value that comes from the data goes through `escape`, and the markup
around it is constant. Never interpolate a value without escaping it (numbers formatted with `:d` aside).
"""

import datetime as dt
from html import escape

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from negotiations.enums import ReviewState, SaidOnSource
from negotiations.selectors import citations_of, stances_of
from negotiations.views.filters import date_query as query_of

register = template.Library()

REVIEWED_BADGE_STATES = (ReviewState.ACCEPTED, ReviewState.CORRECTED)


def local(value: dt.datetime) -> dt.datetime:
    """An aware datetime in the current time zone, as templates show it."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


def short_date(value: dt.date | dt.datetime) -> str:
    """As the template filter `date:"j M Y"` writes it, without the cost of a format string parsed per call."""
    if isinstance(value, dt.datetime):
        value = local(value)
    return f"{value.day} {str(MONTHS_3[value.month]).title()} {value.year:04d}"


def percent(value: float) -> int:
    """As `{% widthratio value 1 100 %}`: a 0..1 confidence in whole percent."""
    return round(value * 100)


def is_web_address(url: str) -> bool:
    """Only http(s) addresses become links: an ingested `javascript:` URL stays text."""
    return url.startswith(("http://", "https://"))


def stance_html(stance: str, label: str) -> str:
    """A stance chip: colour and word."""
    return (
        f'<span class="stance stance-{escape(stance)}"><span class="stance-mark" aria-hidden="true"></span>'
        f"{escape(label)}</span>"
    )


def source_link_html(document) -> SafeString:
    """A cited document: its source (a link when the address is http(s)), title and publication date."""
    name = escape(document.source.name if document.source_id and document.source.name else "Source")
    if is_web_address(document.url):
        parts = [
            f'<a href="{escape(document.url)}" rel="noopener noreferrer nofollow" class="source-link">{name}</a>'
        ]
    else:
        parts = [f'<span class="source-link">{name}</span>']
    if document.title:
        parts.append(f'<span class="source-title"> — {escape(Truncator(document.title).chars(90))}</span>')
    if document.published_at:
        published = local(document.published_at)
        parts.append(f' <time datetime="{published.isoformat()}">{short_date(published)}</time>')
    return mark_safe("".join(parts))


def _stances_html(statement, negotiation, only_stance) -> str:
    if only_stance is not None:
        return (
            f'<span class="stance stance-{escape(only_stance.stance)}"><span class="stance-mark" aria-hidden="true">'
            f"</span>{escape(only_stance.get_stance_display())}"
            f'<span class="stance-conf"> {percent(only_stance.confidence):d}%</span></span>'
        )
    parts = []
    for stance in stances_of(statement):
        issue_name = escape(stance.issue.name)
        if negotiation is not None:
            url = reverse("issue_detail", args=[negotiation.slug, stance.issue.slug])
            issue_name = f'<a href="{escape(url)}">{issue_name}</a>'
        parts.append(
            f'<span class="stance-on">{stance_html(stance.stance, stance.get_stance_display())} '
            f'<span class="muted">on</span> {issue_name}</span>'
        )
    return " ".join(parts)


def _byline_html(statement) -> str:
    if statement.actor_id:
        url = reverse("actor_detail", args=[statement.actor.slug])
        speaker = f'<a class="speaker" href="{escape(url)}">{escape(statement.actor.name)}</a>'
    else:
        speaker = f'<span class="speaker">{escape(statement.speaker_label)}</span>'
    title = f"<span>{escape(statement.speaker_title)}</span>" if statement.speaker_title else ""
    published = (
        ' <span class="muted">(publication date)</span>'
        if statement.said_on_source == SaidOnSource.PUBLISHED
        else ""
    )
    said = (
        f"<span>{escape(statement.get_kind_display().lower())}, said "
        f'<time datetime="{statement.said_on.isoformat()}">{short_date(statement.said_on)}</time>{published}</span>'
    )
    return f'<p class="byline">{speaker} {title} {said}</p>'


def statement_card_html(
    statement, *, negotiation=None, only_stance=None, decisive: bool = False
) -> SafeString:
    """A statement with its provenance: the quote, who said it when, its stances, review state and sources.

    `statement` has its actor, stances (with issues) and citations (with documents and sources) loaded, as
    `selectors.statements_with_provenance` does; `only_stance` shows one StatementIssue instead of all of
    them; issues link to their page when `negotiation` is given.
    """
    url = escape(statement.get_absolute_url())
    state = statement.review_state
    badge = "reviewed" if state in REVIEWED_BADGE_STATES else escape(state)
    decisive_badge = ' <span class="badge decisive">decides the cell</span>' if decisive else ""
    citations = citations_of(statement)
    sources = (
        '<ul class="sources" aria-label="Sources">'
        + "".join(f"<li>{source_link_html(citation.document)}</li>" for citation in citations)
        + "</ul>"
        if citations
        else ""
    )
    return mark_safe(
        '<article class="statement-card">'
        f'<blockquote class="quote {escape(statement.kind)}" cite="{url}">{escape(statement.quote)}</blockquote>'
        f"{_byline_html(statement)}"
        f'<p class="byline stances-line">{_stances_html(statement, negotiation, only_stance)} '
        f'<span class="badge {badge}">{escape(statement.get_review_state_display())}</span>{decisive_badge} '
        f'<a class="more-link" href="{url}">In context<span class="visually-hidden">: the statement '
        f"{statement.pk:d} in its paragraph, with its history</span></a></p>"
        f"{sources}</article>"
    )


@register.simple_tag(takes_context=True)
def statement_card(context, statement, only_stance=None, decisive=False) -> SafeString:
    """`{% statement_card statement %}`: the card of `_statement.html`, with the page's `negotiation`."""
    # A variable missing from the context arrives as "": no stance given, not decisive.
    return statement_card_html(
        statement,
        negotiation=context.get("negotiation"),
        only_stance=only_stance or None,
        decisive=bool(decisive),
    )


@register.filter
def date_query(form) -> str:
    """`?as_of=...&reviewed=on` of a form's date and basis, the date only when the reader chose one."""
    return query_of(as_of=form.chosen_as_of, reviewed_only=form.reviewed_only)


@register.simple_tag
def source_link(document) -> SafeString:
    """`{% source_link document %}`: the cited document, as `_source_link.html` showed it."""
    return source_link_html(document)
