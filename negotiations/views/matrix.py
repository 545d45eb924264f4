import json
from dataclasses import dataclass
from html import escape

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from actors.models import Actor
from negotiations import selectors
from negotiations.access import reader_required
from negotiations.enums import Stance
from negotiations.models import Negotiation, PositionScope
from negotiations.services.positions import RULE
from negotiations.views import fragments
from negotiations.views.filters import (
    AsOfForm,
    MatrixFilterForm,
    cell_parameter,
    wants_fragment,
    without_empty_parameters,
)

NO_DATA_CELL = mark_safe(  # a constant: nothing in it comes from the data
    '<td class="cell no-data"><span aria-hidden="true">–</span><span class="visually-hidden">no statement</span></td>'
)


@reader_required
@require_GET
def home(request) -> HttpResponse:
    negotiation = selectors.current_negotiation()
    if negotiation is None:
        return render(request, "negotiations/empty.html")
    return redirect("matrix", negotiation_slug=negotiation.slug)


@reader_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def matrix(request, negotiation_slug: str) -> HttpResponse:
    negotiation = get_object_or_404(selectors.with_data_version(Negotiation.objects), slug=negotiation_slug)
    parties = selectors.negotiation_parties(negotiation=negotiation)
    all_issues = selectors.matrix_issues(negotiation=negotiation)
    form = MatrixFilterForm(request.GET, parties=parties, issues=all_issues)
    inputs = [
        (negotiation.pk, negotiation.slug),
        list(request.GET.lists()),  # the filters, and the order of the cell links' query strings
        form.as_of_date,  # today, when the query has no date
        fragments.issue_fields(all_issues),
        fragments.actor_fields(parties),
    ]
    matrix_html = fragments.cached_fragment(
        "matrix",
        version=selectors.data_version(negotiation),
        inputs=inputs,
        render=lambda: _matrix_html(request, negotiation, form, parties, all_issues),
    )
    if wants_fragment(request):
        return HttpResponse(matrix_html)
    context = {
        "negotiation": negotiation,
        "form": form,
        "all_issues": all_issues,
        "chosen_issues": form.value("issue", []),
        "chosen_kinds": form.value("kind", []),
        "matrix_html": matrix_html,
        "rule": RULE,
    }
    return render(request, "negotiations/matrix.html", context)


def _matrix_html(request, negotiation: Negotiation, form: MatrixFilterForm, parties, all_issues) -> str:
    """The `#matrix` section: the table at the date, with the open cell's statements (no JavaScript)."""
    chosen = form.value("issue", [])
    table = selectors.stance_matrix(
        negotiation=negotiation,
        as_of=form.as_of_date,
        reviewed_only=form.reviewed_only,
        issues=[issue for issue in all_issues if not chosen or issue.slug in chosen],
        parties=parties,
        party=form.party_actor,
        kinds=form.value("kind", []),
        every_issue=not chosen,
    )
    evidence = _open_cell(table, form.open_cell)
    _add_rows_html(request, table, evidence)
    for row in table.all_rows:
        if row.evidence is not None:  # the no-JavaScript path: the open cell's statements under its row
            context = {
                "negotiation": negotiation,
                "evidence": row.evidence,
                "span": len(table.issues) + 1,
                "form": form,
            }
            row.html = _row_html(
                row, evidence_html=render_to_string("negotiations/_evidence.html", context, request)
            )
    context = {"negotiation": negotiation, "form": form, "matrix": table, "evidence": evidence}
    # The date, basis and width every cell request sends (hx-vals on the table), rather than in 1,000 URLs.
    # No date unless the reader chose one, so the links the cells put in the address stay "today".
    context["cell_values"] = json.dumps(
        ({"as_of": table.as_of.isoformat()} if form.chosen_as_of else {})
        | {"span": len(table.issues) + 1}
        | ({"reviewed": "on"} if table.reviewed_only else {})
    )
    return render_to_string("negotiations/matrix.html#matrix", context, request)


def _open_cell(table: selectors.Matrix, cell: tuple[str, str, str] | None) -> selectors.CellEvidence | None:
    """The statements of the cell named in `?cell=`, for browsers without JavaScript."""
    if cell is None:
        return None
    scope, actor_slug, issue_slug = cell
    row = next((row for row in table.all_rows if row.scope == scope and row.actor.slug == actor_slug), None)
    issue = next((issue for issue in table.issues if issue.slug == issue_slug), None)
    if row is None or issue is None:
        return None
    return selectors.cell_evidence(
        actor=row.actor, issue=issue, scope=scope, as_of=table.as_of, reviewed_only=table.reviewed_only
    )


def _add_rows_html(request, table: selectors.Matrix, evidence: selectors.CellEvidence | None) -> None:
    """Build each row's HTML with its cells' two addresses (rather than {% url %} in a thousand cells), and
    hand the open cell's statements to its row (the no-JavaScript path)."""
    base = reverse("matrix", kwargs={"negotiation_slug": table.negotiation.slug})
    query = request.GET.copy()
    query.pop("cell", None)
    page_query = query.urlencode() + "&" if query else ""
    # Escaped once per page and per issue, not per cell: escaping joined strings is joining escaped ones.
    addresses = CellAddresses(
        href=escape(f"{base}?{page_query}cell="),
        hx=escape(f"{base}cells/"),
        issue_slugs=[escape(issue.slug) for issue in table.issues],
    )
    for row in table.all_rows:
        opened = evidence is not None and evidence.scope == row.scope and evidence.actor.pk == row.actor.pk
        row.evidence = evidence if opened else None
        open_issue = evidence.issue.pk if opened else None
        row.cells_html = _cells_html(row, issues=table.issues, addresses=addresses, open_issue=open_issue)
        row.html = _row_html(row)


def _row_html(row: selectors.MatrixRow, *, evidence_html: str = "") -> SafeString:
    """A matrix row (its header, then the cells from _cells_html) and the row under it where a cell's
    statements open. Every value from the data is escaped; `evidence_html` is a rendered template."""
    key = escape(row.key)
    if row.scope == PositionScope.PARTY:
        note = '<span class="scope-note">everyone speaking for it</span>'
    else:
        note = f'<span class="actor-kind">{escape(row.actor.get_kind_display())}</span>'
    return mark_safe(
        f'<tr class="{escape(row.scope)}-row" hx-target="#evidence-{key}" hx-swap="innerHTML">'
        f'<th scope="row" class="actor-col"><a href="{escape(row.actor.get_absolute_url())}">'
        f"{escape(row.actor.name)}</a>{note}</th>{row.cells_html}</tr>"
        f'<tr class="evidence-row" id="evidence-{key}">{evidence_html}</tr>'
    )


# Stance words and glyph spans never change: escaped once, not once per cell.
STANCE_SPANS = {
    stance.value: f'<span class="stance stance-{escape(stance.value)}"><span class="stance-mark" aria-hidden="true">'
    f"</span>{escape(stance.label)}</span>"
    for stance in Stance
}
SHIFT_SPANS = {
    stance.value: f'<span class="shift">↻ was {escape(stance.label.lower())}</span>' for stance in Stance
}


@dataclass(frozen=True)
class CellAddresses:
    """The escaped parts of every cell's two addresses: the page with `?cell=` and the htmx fragment."""

    href: str
    hx: str
    issue_slugs: list[str]


def _cells_html(
    row: selectors.MatrixRow, *, issues: list, addresses: CellAddresses, open_issue: int | None
) -> SafeString:
    """The row's cells, built here rather than in the template: Django's template engine (and even
    format_html) spends about 0.1 ms per cell, and a matrix has close to a thousand cells. Every value is
    escaped with html.escape (the stance pieces and addresses once, above); the markup around them is constant."""
    parts = []
    key = escape(row.key)
    cell_prefix = escape(cell_parameter(scope=row.scope, actor_slug=row.actor.slug, issue_slug=""))
    hx_prefix = escape(f"{row.scope}/{row.actor.slug}/")
    for cell, issue, slug in zip(row.cells, issues, addresses.issue_slugs, strict=True):
        if cell is None:
            parts.append(NO_DATA_CELL)
            continue
        position = cell.position
        shift = SHIFT_SPANS.get(position.previous_stance, "") if cell.shifted else ""
        parts.append(
            f'<td class="cell"><a href="{addresses.href}{cell_prefix}{slug}#evidence-{key}" '
            f'hx-get="{addresses.hx}{hx_prefix}{slug}/" data-cell aria-controls="evidence-{key}" '
            f'aria-expanded="{"true" if issue.pk == open_issue else "false"}">{STANCE_SPANS[position.stance]}'
            f'<span class="numbers">{cell.confidence_percent:d}% · {position.statement_count:d} st · '
            f"{position.source_count:d} src</span>{shift}</a></td>"
        )
    return mark_safe("".join(parts))


@reader_required
@require_GET
@vary_on_headers("HX-Request")
@without_empty_parameters
def matrix_cell(request, negotiation_slug: str, scope: str, actor_slug: str, issue_slug: str) -> HttpResponse:
    """The statements behind one cell: a table row fragment for htmx, a page of its own otherwise."""
    if scope not in PositionScope.values:
        raise Http404("No such scope.")
    negotiation = get_object_or_404(selectors.with_data_version(Negotiation.objects), slug=negotiation_slug)
    issue = get_object_or_404(negotiation.issues, slug=issue_slug)
    actor = get_object_or_404(Actor, slug=actor_slug)
    form = AsOfForm(request.GET)
    try:
        span = max(1, min(int(request.GET.get("span", "1")), 100))
    except ValueError:
        span = 1
    # htmx swaps the whole table cell in; the page of its own shows the statements alone.
    template = (
        "negotiations/_evidence.html"
        if wants_fragment(request)
        else "negotiations/_evidence.html#evidence-body"
    )
    inputs = [
        template,
        span,
        scope,
        negotiation.slug,
        fragments.actor_fields([actor]),
        fragments.issue_fields([issue]),
        form.as_of_date,
        form.chosen_as_of,  # the links keep a date only when the reader chose one
        form.reviewed_only,
    ]

    def evidence_html() -> str:
        evidence = selectors.cell_evidence(
            actor=actor, issue=issue, scope=scope, as_of=form.as_of_date, reviewed_only=form.reviewed_only
        )
        context = {"negotiation": negotiation, "evidence": evidence, "span": span, "form": form}
        return render_to_string(template, context, request)

    html = fragments.cached_fragment(
        "cell", version=selectors.data_version(negotiation), inputs=inputs, render=evidence_html
    )
    if wants_fragment(request):
        return HttpResponse(html)
    context = {
        "negotiation": negotiation,
        "actor": actor,
        "issue": issue,
        "form": form,
        "evidence_html": html,
    }
    return render(request, "negotiations/matrix_cell.html", context)
