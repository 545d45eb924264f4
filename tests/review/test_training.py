"""Learning from corrections: the classifier trained on verified statements, compared with the rules."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from negotiations import tasks
from negotiations.enums import ReviewState
from negotiations.extraction import EXTRACTOR_VERSION, Registry
from negotiations.models import ClassifierModel, Statement
from negotiations.services import training
from tests.factories import ActorFactory, IssueFactory, NegotiationFactory, StatementFactory

pytestmark = pytest.mark.django_db
GOLD = Path(__file__).resolve().parents[1] / "extraction" / "gold" / "dev.jsonl"
EMPTY_REGISTRY = Registry(actors=[], issues=[])

GRAIN = ["the grain corridor must reopen", "grain ships need safe passage", "grain exports through the sea"]
TRUCE = ["a ceasefire along the front", "the truce must hold", "a ceasefire first, then talks"]


@pytest.fixture
def negotiation():
    negotiation = NegotiationFactory(slug="talks")
    IssueFactory(negotiation=negotiation, slug="grain")
    IssueFactory(negotiation=negotiation, slug="ceasefire")
    return negotiation


def verified(negotiation, count: int = 48) -> None:
    """Statements an editor verified; they have no citation, so the rules found nothing in them."""
    issues = {issue.slug: issue for issue in negotiation.issues.all()}
    for number in range(count):
        grain = number % 2 == 0
        phrase = (GRAIN if grain else TRUCE)[number % 3]
        StatementFactory(
            negotiation=negotiation,
            quote=f"We say {phrase}, remark {number}.",
            review_state=ReviewState.ACCEPTED if number % 3 else ReviewState.CORRECTED,
            stances={issues["grain" if grain else "ceasefire"]: "supports" if grain else "opposes"},
        )


def test_score_counts_issues_and_stances():
    figures = training.score(
        [{"grain": "supports"}, {"ceasefire": "supports", "grain": "neutral"}],
        [{"grain": "supports"}, {"ceasefire": "opposes"}],
    )

    assert figures["issue_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["issue_recall"] == 1.0
    assert figures["stance_accuracy"] == 0.5
    assert figures["exact"] == 0.5


def test_split_is_stable_when_examples_are_added():
    examples = [training.Example(key=f"s:{n}", text="x", truth={}, rules={}) for n in range(100)]

    _, held = training.split(examples[:50])
    _, held_again = training.split(examples)

    assert {e.key for e in held} <= {e.key for e in held_again}


def test_too_few_verified_statements_trains_nothing(negotiation):
    verified(negotiation, count=5)

    result = training.train_classifier(negotiation=negotiation, registry=EMPTY_REGISTRY)

    assert result.model is None
    assert "at least 20" in result.reason
    assert not ClassifierModel.objects.exists()


def test_classifier_that_beats_the_rules_is_stored_active_with_its_scores(negotiation):
    verified(negotiation)

    result = training.train_classifier(negotiation=negotiation, registry=EMPTY_REGISTRY)

    model = ClassifierModel.objects.get()
    assert result.model == model
    assert model.active and model.version == 1
    assert model.rules_version == EXTRACTOR_VERSION
    assert model.model_scores["score"] > model.rules_scores["score"] == 0
    assert model.trained_on + model.held_out == 48
    assert training.IssueStanceClassifier.loads(model.payload).issues == ["ceasefire", "grain"]


def test_a_new_version_replaces_the_active_one(negotiation):
    verified(negotiation)
    training.train_classifier(negotiation=negotiation, registry=EMPTY_REGISTRY)

    training.train_classifier(negotiation=negotiation, registry=EMPTY_REGISTRY)

    assert list(ClassifierModel.objects.values_list("version", "active")) == [(2, True), (1, False)]


def test_a_classifier_that_does_not_beat_the_rules_stays_inactive(negotiation, monkeypatch):
    verified(negotiation)
    perfect_rules = training.examples_from_statements

    def rules_always_right(**kwargs):
        return [
            training.Example(key=e.key, text=e.text, truth=e.truth, rules=dict(e.truth))
            for e in perfect_rules(**kwargs)
        ]

    monkeypatch.setattr(training, "examples_from_statements", rules_always_right)

    result = training.train_classifier(negotiation=negotiation, registry=EMPTY_REGISTRY)

    assert not result.active
    assert not ClassifierModel.objects.get().active
    assert "rules stay in charge" in result.reason


def test_relabel_applies_the_active_model_only_to_untouched_statements(negotiation):
    verified(negotiation)
    training.train_classifier(negotiation=negotiation, registry=EMPTY_REGISTRY)
    actor = ActorFactory()
    fresh = StatementFactory(
        negotiation=negotiation, actor=actor, quote="We say grain ships need safe passage now."
    )
    touched = StatementFactory(
        negotiation=negotiation,
        actor=actor,
        quote="We say the grain corridor must reopen today.",
        editor_touched=True,
    )

    changed = training.relabel_with_classifier(negotiation=negotiation)

    fresh.refresh_from_db()
    assert changed >= 1
    assert fresh.extractor_version == f"{EXTRACTOR_VERSION}+clf1"
    assert dict(fresh.stances.values_list("issue__slug", "stance")) == {"grain": "supports"}
    assert not touched.stances.exists()
    assert Statement.objects.get(pk=touched.pk).extractor_version == "test"


def test_command_prints_before_and_after(negotiation):
    verified(negotiation)
    out = io.StringIO()

    call_command("train_classifier", "--negotiation", "talks", stdout=out)

    printed = out.getvalue()
    assert "rules (before)" in printed and "classifier (after)" in printed
    assert "stance accuracy" in printed
    assert "Stored as classifier v1 (active)" in printed


def test_command_can_add_gold_examples(negotiation):
    out = io.StringIO()

    call_command("train_classifier", "--gold", str(GOLD), "--dry-run", stdout=out)

    assert "Gold examples added" in out.getvalue()
    assert not ClassifierModel.objects.exists()


def test_celery_task_trains_and_reports(negotiation):
    verified(negotiation)

    outcome = tasks.train_classifier.delay(negotiation_id=negotiation.pk).get()

    assert outcome["version"] == 1
    assert outcome["active"] is True


def test_the_pipeline_applies_the_active_classifier_to_a_new_document(negotiation):
    from negotiations.services import pipeline
    from tests.factories import DocumentFactory, SourceFactory

    verified(negotiation)
    training.train_classifier(negotiation=negotiation, registry=EMPTY_REGISTRY)
    ActorFactory(name="Olena Petrenko", slug="olena-petrenko")
    document = DocumentFactory(
        source=SourceFactory(negotiation=negotiation),
        text="Kyiv. Olena Petrenko said on Monday that grain ships need safe passage through the sea.",
    )

    pipeline.extract_document(document_id=document.pk)

    statement = Statement.objects.get(citations__document=document)
    assert statement.extractor_version == f"{EXTRACTOR_VERSION}+clf1"
    assert dict(statement.stances.values_list("issue__slug", "stance")) == {"grain": "supports"}
