import datetime as dt
from bisect import bisect_left
from html import escape

from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst, slugify
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from negotiations import selectors
from negotiations.access import reader_required
from negotiations.models import Negotiation, Position, PositionScope
from negotiations.templatetags.cards import short_date, source_link_html, stance_html
from negotiations.views import charts, fragments
from negotiations.views.filters import AsOfForm, Options, date_query, wants_fragment, without_empty_parameters

MAX_SUBJECTS = 4


@reader_required
@require_GET
def compare_home(request: HttpRequest) -> HttpResponse:
    negotiation = selectors.current_negotiation()
    if negotiation is None:
        raise Http404("No negotiation yet.")
    query = request.GET.urlencode()
    return redirect(f"{negotiation.get_absolute_url()}compare/" + (f"?{query}" if query else ""))


@reader_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def compare(request: HttpRequest, negotiation_slug: str) -> HttpResponse:
    """Two or more actors or parties side by side, issue by issue, and the distance between them over time."""
    negotiation = get_object_or_404(selectors.with_data_version(Negotiation.objects), slug=negotiation_slug)
    form = AsOfForm(request.GET)
    slugs = [slug for slug in request.GET.getlist("actor") if slug][:MAX_SUBJECTS]
    if not slugs:
        slugs = _most_quoted_parties(negotiation)
    subjects = selectors.compare_subjects(negotiation=negotiation, slugs=slugs)
    found = {subject.actor.slug for subject in subjects}
    unknown = [slug for slug in dict.fromkeys(slugs) if slug not in found]  # a stale or mistyped link
    issues = selectors.matrix_issues(negotiation=negotiation)
    inputs = [
        (negotiation.slug, negotiation.started_on),
        [(*fragments.actor_fields([subject.actor])[0], subject.scope) for subject in subjects],
        unknown,
        fragments.issue_fields(issues),
        form.as_of_date,
        form.chosen_as_of,  # the links keep a date only when the reader chose one
        form.reviewed_only,
    ]
    comparison_html = fragments.cached_fragment(
        "compare",
        version=selectors.data_version(negotiation),
        inputs=inputs,
        render=lambda: _comparison_html(request, negotiation, form, subjects, issues, unknown=unknown),
    )
    if wants_fragment(request):
        return HttpResponse(comparison_html)
    chosen = [subject.actor.slug for subject in subjects]
    parties = Options(negotiation.parties.order_by("name").values_list("slug", "name"))
    speakers = Options(
        selectors.most_quoted_speakers(
            negotiation=negotiation, keep=[s.actor for s in subjects if s.scope == PositionScope.ACTOR]
        )
    )
    context = {
        "negotiation": negotiation,
        "form": form,
        "comparison_html": comparison_html,
        "slots": [
            (index, parties.selecting(slug), speakers.selecting(slug))
            for index, slug in enumerate(chosen + [""] * (MAX_SUBJECTS - len(chosen)))
        ],
    }
    return render(request, "negotiations/compare.html", context)


def _comparison_html(
    request: HttpRequest, negotiation: Negotiation, form: AsOfForm, subjects, issues, *, unknown: list[str]
) -> str:
    """The `#comparison` section: stances side by side, the deciding quotes, the gap and its trend, and
    which of the asked-for subjects were not found (so a stale link does not compare fewer in silence)."""
    context = {"negotiation": negotiation, "subjects": subjects, "unknown": unknown}
    if len(subjects) >= 2:
        result = selectors.comparison(
            negotiation=negotiation,
            subjects=subjects,
            issues=issues,
            as_of=form.as_of_date,
            reviewed_only=form.reviewed_only,
        )
        start, end = result.start, result.as_of
        for row in result.rows:
            steps = charts.sample(row.series, start=start, end=end, buckets=charts.SPARK_STEPS)
            row.sparkline = charts.sparkline(steps, start=start, end=end)
            row.trend = _trend(row.series)
        average = charts.sample(result.average_series, start=start, end=end, buckets=charts.MAX_STEPS)
        context |= {
            "comparison": result,
            "comparison_rows": _rows_html(negotiation, result, chosen_as_of=form.chosen_as_of),
            "chart": charts.step_line_chart(average, start=start, end=end),
            "trend": _trend(result.average_series),
            "overlap": [row for row in result.rows if row.verdict in ("agree", "close")],
            "diverge": [row for row in result.rows if row.verdict in ("apart", "opposed")],
        }
    return render_to_string("negotiations/compare.html#comparison", context, request)


def _rows_html(
    negotiation: Negotiation, result: selectors.Comparison, *, chosen_as_of: dt.date | None
) -> SafeString:
    """The table's rows, built here like the matrix's: a template per row and cell cost about as much as
    the queries of the page. Every value from the data is escaped; the markup around it is constant."""
    query = escape(date_query(as_of=chosen_as_of))
    # Each cell names its column, for the phone layout that stacks a row's cells under the issue.
    labels = [escape(subject.actor.name) for subject in result.subjects]
    rows = []
    for row in result.rows:
        issue_url = reverse("issue_detail", args=[negotiation.slug, row.issue.slug])
        cells = "".join(
            _entry_html(cell, statement, label=label)
            for (cell, statement), label in zip(row.entries, labels, strict=True)
        )
        distance = (
            f'<span class="muted small">({floatformat(row.distance, 1)})</span>'
            if row.distance is not None
            else ""
        )
        trend = f": {escape(row.trend)}" if row.trend else ""
        trend_words = f'<span class="trend small">{escape(capfirst(row.trend))}</span>' if row.trend else ""
        rows.append(
            f'<tr id="issue-{escape(row.issue.slug)}"><th scope="row"><a href="{escape(issue_url)}{query}">'
            f"{escape(row.issue.name)}</a></th>{cells}"
            f'<td class="gap" data-label="Gap"><span class="verdict verdict-{escape(slugify(row.verdict))}">'
            f"{escape(capfirst(row.verdict))}</span> {distance} "
            f'<svg class="spark" viewBox="0 0 160 28" role="img" aria-label="Gap on {escape(row.issue.name)} over '
            f'time{trend}" focusable="false"><line class="base" x1="0" x2="160" y1="26" y2="26"></line>'
            f'<path d="{escape(row.sparkline)}"></path></svg> {trend_words}</td></tr>'
        )
    return mark_safe("".join(rows))


def _entry_html(cell: selectors.Cell | None, statement, *, label: str) -> str:
    """One subject's cell: the stance since when, and the deciding statement with its first source."""
    if cell is None:
        return f'<td data-label="{label}"><span class="muted">No statement yet</span></td>'
    parts = [
        f'<td data-label="{label}">{stance_html(cell.stance, cell.stance_label)} '
        f'<span class="muted small">since {short_date(cell.position.stance_since)}</span>'
    ]
    if statement is not None:
        citations = selectors.citations_of(statement)
        source = f" · {source_link_html(citations[0].document)}" if citations else ""
        parts.append(
            f' <p class="quote {escape(statement.kind)} compact">'
            f"{escape(Truncator(statement.quote).words(32, truncate=' …'))}</p>"
            f'<p class="byline plain"><span class="speaker">{escape(statement.speaker_label)}</span>, '
            f'<a href="{escape(statement.get_absolute_url())}">{short_date(statement.said_on)}</a>{source}</p>'
        )
    return "".join(parts) + "</td>"


def _most_quoted_parties(negotiation: Negotiation) -> list[str]:
    """The default comparison: the two parties with the most statements behind their cells today."""
    ranked = (
        Position.objects.filter(
            negotiation=negotiation, scope=PositionScope.PARTY, reviewed_only=False, valid_until__isnull=True
        )
        .values("actor__slug")
        .annotate(evidence=Sum("statement_count"))
        .order_by("-evidence", "actor__slug")
    )
    return [row["actor__slug"] for row in ranked[:2]]


def _trend(series: selectors.StepSeries) -> str:
    """In words: is the gap closing? Compares the latest average distance with the one 90 days before.

    Once defined (two subjects have a stance), a distance stays defined: the first defined day is found
    by bisection, and the value 90 days before is the one in effect that day."""
    days = series.days
    first = bisect_left(days, True, key=lambda day: series.at(day) is not None)
    if len(days) - first < 2:
        return ""
    last_day = days[-1]
    last = series.at(last_day)
    ninety_before = last_day - dt.timedelta(days=90)
    before = series.at(ninety_before if days[first] <= ninety_before else days[first])
    if abs(last - before) < 0.1:
        return "unchanged over the last three months"
    return "closer than three months ago" if last < before else "further apart than three months ago"
