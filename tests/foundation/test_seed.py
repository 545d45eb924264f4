"""`seed_demo` loads real actors, the codebook and events, then fills statements through the pipeline."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from actors.models import Actor, Alias, Role
from negotiations.enums import DocumentState
from negotiations.models import Citation, Document, Event, Issue, Negotiation, Shift, Statement
from tests.extraction.gold.check_gold import ISSUES

pytestmark = pytest.mark.django_db

CODEBOOK = set(ISSUES)
NAMED_IN_THE_ISSUE = [
    "Vladimir Putin",
    "Sergey Lavrov",
    "Dmitry Peskov",
    "Yuri Ushakov",
    "Kirill Dmitriev",
    "Maria Zakharova",
    "Vladimir Medinsky",
    "Volodymyr Zelenskyy",
    "Rustem Umerov",
    "Andrii Sybiha",
    "Donald Trump",
    "Marco Rubio",
    "Steve Witkoff",
    "JD Vance",
    "Emmanuel Macron",
    "Keir Starmer",
    "Friedrich Merz",
    "Kaja Kallas",
    "Ursula von der Leyen",
    "Mark Rutte",
    "Kremlin",
    "Russia",
    "Ukraine",
    "United States",
    "European Union",
    "NATO",
]
CODEBOOK_FILE = Path(__file__).resolve().parents[3] / "shared" / "dev-gold" / "README.md"


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def table_sizes() -> dict[str, int]:
    models = (Actor, Alias, Role, Negotiation, Issue, Event, Document, Statement, Citation, User)
    return {model.__name__: model.objects.count() for model in models}


def test_seed_loads_real_actors_the_codebook_and_events():
    seed()

    assert Actor.objects.count() >= 40
    assert set(NAMED_IN_THE_ISSUE) <= set(Actor.objects.values_list("name", flat=True))
    negotiation = Negotiation.objects.get()
    assert set(negotiation.issues.values_list("slug", flat=True)) >= CODEBOOK
    assert not negotiation.issues.filter(proposition="").exists()
    assert Event.objects.filter(negotiation=negotiation, date__year__in=[2025, 2026]).count() >= 20


def test_seed_issues_match_the_shared_codebook():
    if not CODEBOOK_FILE.exists():
        pytest.skip(f"{CODEBOOK_FILE} is not here: the shared gold data is only on developer machines")
    rows = [line for line in CODEBOOK_FILE.read_text().splitlines() if line.startswith("| `")]
    shared = {row.split("`")[1] for row in rows}

    seed()

    assert set(Issue.objects.values_list("slug", flat=True)) >= shared


def test_seed_resolves_offices_by_date():
    seed()

    rubio = Actor.objects.get(name="Marco Rubio")
    assert Role.objects.filter(actor=rubio, title__icontains="Secretary of State").exists()
    assert Alias.objects.filter(actor__name="Volodymyr Zelenskyy", name="Zelensky").exists()


def test_the_demo_feed_fills_statements_through_the_pipeline():
    output = seed()

    assert "statements extracted" in output
    statements = Statement.objects.filter(actor__isnull=False)
    assert statements.count() >= 50
    assert Document.objects.filter(state=DocumentState.EXTRACTED).count() == Document.objects.count()
    feed = [json.loads(line) for line in Path("negotiations/demo/data/feed.jsonl").read_text().splitlines()]
    for citation in Citation.objects.select_related("document", "statement")[:50]:
        assert citation.document.url in {item["url"] for item in feed}
        assert citation.document.text[citation.start : citation.end] == citation.statement.quote


def test_the_demo_has_stance_shifts_and_a_seed_backfills_lost_ones():
    seed()
    recorded = set(Shift.objects.values_list("actor_id", "issue_id", "shifted_on"))
    assert recorded
    Shift.objects.all().delete()  # as in a database seeded before the pipeline recorded shifts

    output = seed()

    assert set(Shift.objects.values_list("actor_id", "issue_id", "shifted_on")) == recorded
    assert f"{len(recorded)} shifts" in output


def test_a_second_seed_changes_nothing():
    seed(demo_users=True)
    before = table_sizes()
    statement_ids = set(Statement.objects.values_list("pk", flat=True))

    output = seed(demo_users=True)

    assert table_sizes() == before
    assert set(Statement.objects.values_list("pk", flat=True)) == statement_ids
    assert "nothing changed" in output


def test_demo_users_are_created_only_when_asked():
    seed()
    assert not User.objects.exists()

    seed(demo_users=True)

    assert set(User.objects.values_list("username", flat=True)) == {"admin", "editor", "analyst"}
    assert User.objects.get(username="editor").groups.filter(name="editor").exists()
