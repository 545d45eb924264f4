"""Learning from corrections: a small issue-and-stance classifier trained on editor-verified statements.

Editors accept or correct statements; those become the training data. A held-out share of them scores two
contenders on the same statements: the rules (the extraction engine run again on the cited article) and the
classifier. The classifier is stored with its version and both scores, and it becomes the negotiation's
active model only when it beats the rules; `relabel_with_classifier` then applies it to the statements no
editor touched, recording the extractor version (rules version + "+clf<N>") on every statement it changes.

The model: TF-IDF of the quote and its paragraph, one logistic regression per issue (does the statement
touch it?) and one for the stance on an issue (the issue named as a token in the text). CPU, seconds.
"""

import hashlib
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import joblib
from django.db import transaction
from django.db.models import Max, Prefetch

from negotiations.enums import ReviewState, Stance
from negotiations.extraction import EXTRACTOR_VERSION, Registry, extract
from negotiations.models import Citation, ClassifierModel, Negotiation, Statement, StatementIssue
from negotiations.selectors import passage

logger = logging.getLogger(__name__)

VERIFIED_STATES = (ReviewState.ACCEPTED, ReviewState.CORRECTED)
HELD_OUT = 0.25
MIN_EXAMPLES = 20
CONTEXT = 240
ADD_AT = 0.7  # the classifier adds an issue the rules missed only when this sure
DROP_BELOW = 0.25  # and drops one the rules found only when this sure it is not there
STANCE_OVERRIDE = 0.6  # and overrides the rules' stance only when this sure


@dataclass(frozen=True)
class Example:
    """One verified statement: its text, the editor's issues and stances, and what the rules said."""

    key: str
    text: str
    truth: dict[str, str]
    rules: dict[str, str]


# Collecting examples --------------------------------------------------------------------------------------


def _text(quote: str, context: str) -> str:
    return f"{quote}\n{context}"


def rules_tokens(rules: dict[str, str]) -> str:
    """The rules' answer as words the classifier can weigh: it learns where the rules go wrong."""
    words = []
    for slug, stance in sorted(rules.items()):
        issue = slug.replace("-", "_")
        words += [f"rulesissue_{issue}", f"rulesstance_{issue}_{stance}"]
    return " ".join(words * 3) if words else "rules_nothing"


def features(example: "Example") -> str:
    return f"{rules_tokens(example.rules)}\n{example.text}"


def _rules_for_documents(documents: dict[int, tuple[str, object]], registry: Registry) -> dict[int, list]:
    found = {}
    for document_id, (text, published) in documents.items():
        try:
            found[document_id] = extract(text, published=published, registry=registry)
        except Exception:  # a document the engine chokes on scores as "rules found nothing"
            logger.exception("rules failed on document %s", document_id)
            found[document_id] = []
    return found


def _overlapping(items: list, start: int, end: int):
    best, best_overlap = None, 0
    for item in items:
        overlap = min(end, item.end) - max(start, item.start)
        if overlap > best_overlap:
            best, best_overlap = item, overlap
    return best if best_overlap >= 0.5 * max(1, end - start) else None


def examples_from_statements(*, negotiation: Negotiation, registry: Registry) -> list[Example]:
    """Every editor-verified statement of the negotiation, with the rules' answer on its first citation."""
    statements = list(
        Statement.objects.filter(
            negotiation=negotiation, review_state__in=VERIFIED_STATES, merged_into__isnull=True
        )
        .prefetch_related(
            Prefetch("stances", queryset=StatementIssue.objects.select_related("issue")),
            Prefetch("citations", queryset=Citation.objects.select_related("document").order_by("id")),
        )
        .order_by("id")
    )
    documents = {}
    for statement in statements:
        citations = list(statement.citations.all())
        if citations:
            document = citations[0].document
            published = document.published_at.date() if document.published_at else None
            documents[document.pk] = (document.text, published)
    rules = _rules_for_documents(documents, registry)
    examples = []
    for statement in statements:
        citations = list(statement.citations.all())
        context, predicted = "", {}
        if citations:
            citation = citations[0]
            around = passage(citation.document.text, citation.start, citation.end, context=CONTEXT)
            context = f"{around.before} {around.after}"
            item = _overlapping(rules.get(citation.document_id, []), citation.start, citation.end)
            if item is not None:
                predicted = {slug: value.stance for slug, value in item.issues.items()}
        examples.append(
            Example(
                key=f"statement:{statement.pk}",
                text=_text(statement.quote, context),
                truth={stance.issue.slug: stance.stance for stance in statement.stances.all()},
                rules=predicted,
            )
        )
    return examples


def examples_from_gold(*, path: Path, registry: Registry) -> list[Example]:
    """Gold articles (dev-gold JSONL) as if an editor had verified their statements."""
    from negotiations.services.evaluation import _published, read_articles

    examples = []
    for article in read_articles(path):
        text = article["text"]
        items = extract(text, published=_published(article), registry=registry)
        for number, gold in enumerate(article.get("statements", [])):
            quote = gold.get("quote", "")
            start = text.find(quote) if quote else -1
            if start < 0:
                continue
            end = start + len(quote)
            item = _overlapping(items, start, end)
            around = passage(text, start, end, context=CONTEXT)
            examples.append(
                Example(
                    key=f"gold:{article['id']}:{number}",
                    text=_text(quote, f"{around.before} {around.after}"),
                    truth=dict(gold.get("issues") or {}),
                    rules={slug: value.stance for slug, value in item.issues.items()} if item else {},
                )
            )
    return examples


def split(examples: Sequence[Example], *, held_out: float = HELD_OUT, seed: int = 13):
    """A stable split: the same statement stays on the same side however many are added later."""

    def bucket(example: Example) -> float:
        digest = hashlib.sha256(f"{seed}:{example.key}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    train = [example for example in examples if bucket(example) >= held_out]
    test = [example for example in examples if bucket(example) < held_out]
    return train, test


# The classifier -------------------------------------------------------------------------------------------


class _Constant:
    """Stands in for a model when the training data has a single answer."""

    def __init__(self, value) -> None:
        self.value = value

    def predict(self, rows) -> list:
        return [self.value] * rows.shape[0]


class IssueStanceClassifier:
    def __init__(self) -> None:
        self.issues: list[str] = []
        self.vectorizer = None
        self.issue_models: dict[str, object] = {}
        self.stance_vectorizer = None
        self.stance_model = None

    @staticmethod
    def _stance_text(text: str, issue: str) -> str:
        token = "issue_" + issue.replace("-", "_")
        return f"{token} {token} {text}"

    def fit(self, examples: Sequence[Example]) -> "IssueStanceClassifier":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        texts = [features(example) for example in examples]
        self.issues = sorted({slug for example in examples for slug in example.truth})
        self.vectorizer = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_features=50_000
        )
        rows = self.vectorizer.fit_transform(texts)
        for issue in self.issues:
            labels = [issue in example.truth for example in examples]
            if len(set(labels)) < 2:
                self.issue_models[issue] = _Constant(labels[0])
                continue
            model = LogisticRegression(class_weight="balanced", max_iter=2000, C=4.0)
            self.issue_models[issue] = model.fit(rows, labels)
        pairs = [
            (example.text, slug, stance) for example in examples for slug, stance in example.truth.items()
        ]
        self.stance_vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        stance_rows = self.stance_vectorizer.fit_transform(
            [self._stance_text(text, slug) for text, slug, _ in pairs] or ["empty"]
        )
        stances = [stance for _, _, stance in pairs]
        if len(set(stances)) < 2:
            self.stance_model = _Constant(stances[0] if stances else Stance.NEUTRAL)
        else:
            model = LogisticRegression(class_weight="balanced", max_iter=2000, C=4.0)
            self.stance_model = model.fit(stance_rows, stances)
        return self

    def _probabilities(self, model, rows):
        if isinstance(model, _Constant):
            return [1.0 if model.value else 0.0] * rows.shape[0]
        return model.predict_proba(rows)[:, list(model.classes_).index(True)]

    def predict(self, examples: Sequence[Example]) -> list[dict[str, str]]:
        """Start from the rules' answer and change it only where the classifier is confident: add an issue
        at ADD_AT, drop one below DROP_BELOW, replace a stance at STANCE_OVERRIDE."""
        if not examples:
            return []
        rows = self.vectorizer.transform([features(example) for example in examples])
        chances = {issue: self._probabilities(model, rows) for issue, model in self.issue_models.items()}
        chosen: list[set[str]] = []
        for index, example in enumerate(examples):
            issues = set(example.rules)
            for issue, probabilities in chances.items():
                if issue in issues and probabilities[index] < DROP_BELOW:
                    issues.discard(issue)
                elif issue not in issues and probabilities[index] >= ADD_AT:
                    issues.add(issue)
            chosen.append(issues)
        pairs = [(index, issue) for index, issues in enumerate(chosen) for issue in sorted(issues)]
        results: list[dict[str, str]] = [{} for _ in examples]
        if not pairs:
            return results
        stance_rows = self.stance_vectorizer.transform(
            [self._stance_text(features(examples[index]), issue) for index, issue in pairs]
        )
        if isinstance(self.stance_model, _Constant):
            guesses = [(self.stance_model.value, 1.0)] * len(pairs)
        else:
            classes = list(self.stance_model.classes_)
            guesses = [
                (classes[row.argmax()], float(row.max()))
                for row in self.stance_model.predict_proba(stance_rows)
            ]
        for (index, issue), (stance, probability) in zip(pairs, guesses, strict=True):
            by_rules = examples[index].rules.get(issue)
            keep_rules = by_rules is not None and (probability < STANCE_OVERRIDE or issue not in self.issues)
            results[index][issue] = by_rules if keep_rules else str(stance)
        return results

    def dumps(self) -> bytes:
        buffer = io.BytesIO()
        joblib.dump(self, buffer, compress=3)
        return buffer.getvalue()

    @classmethod
    def loads(cls, payload: bytes) -> "IssueStanceClassifier":
        return joblib.load(io.BytesIO(bytes(payload)))


# Scores ---------------------------------------------------------------------------------------------------


def score(predictions: Sequence[dict[str, str]], truths: Sequence[dict[str, str]]) -> dict:
    """Issue precision/recall/F1 over (statement, issue) pairs; stance accuracy on the true issues; the share
    of statements whose issues and stances are all right; and `score`, the mean of issue F1 and stance
    accuracy, which decides whether the classifier beats the rules."""
    true_positive = false_positive = false_negative = 0
    stance_right = stance_total = exact = 0
    for predicted, truth in zip(predictions, truths, strict=True):
        true_positive += len(set(predicted) & set(truth))
        false_positive += len(set(predicted) - set(truth))
        false_negative += len(set(truth) - set(predicted))
        for issue, stance in truth.items():
            stance_total += 1
            stance_right += predicted.get(issue) == stance
        exact += predicted == truth
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    stance_accuracy = stance_right / stance_total if stance_total else 0.0
    return {
        "statements": len(truths),
        "issue_precision": round(precision, 4),
        "issue_recall": round(recall, 4),
        "issue_f1": round(f1, 4),
        "stance_accuracy": round(stance_accuracy, 4),
        "exact": round(exact / len(truths), 4) if truths else 0.0,
        "score": round((f1 + stance_accuracy) / 2, 4),
    }


# Training -------------------------------------------------------------------------------------------------


@dataclass
class TrainingResult:
    negotiation: Negotiation
    trained_on: int
    held_out: int
    rules_scores: dict = field(default_factory=dict)
    model_scores: dict = field(default_factory=dict)
    model: ClassifierModel | None = None
    reason: str = ""

    @property
    def active(self) -> bool:
        return bool(self.model and self.model.active)


def train_classifier(
    *,
    negotiation: Negotiation,
    registry: Registry | None = None,
    extra_examples: Iterable[Example] = (),
    held_out: float = HELD_OUT,
    seed: int = 13,
    min_examples: int = MIN_EXAMPLES,
    store: bool = True,
) -> TrainingResult:
    """Train on verified statements, score against the rules on the held-out ones, store the model (active
    only when it beats the rules)."""
    if registry is None:
        from negotiations.services.registry import registry_for

        registry = registry_for(negotiation=negotiation)
    examples = examples_from_statements(negotiation=negotiation, registry=registry) + list(extra_examples)
    train, test = split(examples, held_out=held_out, seed=seed)
    result = TrainingResult(negotiation=negotiation, trained_on=len(train), held_out=len(test))
    if len(examples) < min_examples or not test or not any(example.truth for example in train):
        result.reason = (
            f"{len(examples)} verified statement(s), {len(test)} held out: at least {min_examples} are "
            "needed, with some issues tagged, before a classifier can be trained and compared."
        )
        return result
    classifier = IssueStanceClassifier().fit(train)
    truths = [example.truth for example in test]
    result.rules_scores = score([example.rules for example in test], truths)
    result.model_scores = score(classifier.predict(test), truths)
    beats = result.model_scores["score"] > result.rules_scores["score"]
    result.reason = (
        "The classifier beats the rules on the held-out statements: it is now active."
        if beats
        else "The classifier does not beat the rules on the held-out statements: the rules stay in charge."
    )
    if store:
        result.model = _store(negotiation, classifier, result, beats=beats)
    return result


@transaction.atomic
def _store(
    negotiation: Negotiation, classifier: IssueStanceClassifier, result: TrainingResult, *, beats: bool
):
    Negotiation.objects.select_for_update().get(pk=negotiation.pk)  # one training stores at a time
    version = (
        ClassifierModel.objects.filter(negotiation=negotiation).aggregate(v=Max("version"))["v"] or 0
    ) + 1
    if beats:
        ClassifierModel.objects.filter(negotiation=negotiation, active=True).update(active=False)
    return ClassifierModel.objects.create(
        negotiation=negotiation,
        version=version,
        rules_version=EXTRACTOR_VERSION,
        trained_on=result.trained_on,
        held_out=result.held_out,
        rules_scores=result.rules_scores,
        model_scores=result.model_scores,
        active=beats,
        payload=classifier.dumps(),
    )


# Using the active model -----------------------------------------------------------------------------------

_loaded: dict[int, tuple[int, IssueStanceClassifier]] = {}


def active_classifier(*, negotiation: Negotiation) -> tuple[ClassifierModel, IssueStanceClassifier] | None:
    row = ClassifierModel.objects.filter(negotiation=negotiation, active=True).first()
    if row is None:
        return None
    cached = _loaded.get(negotiation.pk)
    if cached is None or cached[0] != row.pk:
        cached = (row.pk, IssueStanceClassifier.loads(row.payload))
        _loaded[negotiation.pk] = cached
    return row, cached[1]


def classifier_version(row: ClassifierModel) -> str:
    return f"{row.rules_version}+{row.label}"[:40]


def relabel_with_classifier(
    *, negotiation: Negotiation, limit: int | None = None, document_id: int | None = None
) -> int:
    """Apply the active classifier to the statements no editor touched; returns how many changed.

    Their stances become the classifier's (at the classifier's confidence) and their `extractor_version`
    says which model decided. Statements an editor touched are never changed. With `document_id`, only
    the statements citing that document (the pipeline's call, right after extracting it).
    """
    from negotiations.services.alerts import record_shifts
    from negotiations.services.positions import refresh_positions

    active = active_classifier(negotiation=negotiation)
    if active is None:
        return 0
    row, classifier = active
    version = classifier_version(row)
    issues = {issue.slug: issue for issue in negotiation.issues.all()}
    candidates = Statement.objects.filter(
        negotiation=negotiation, editor_touched=False, merged_into__isnull=True
    ).exclude(extractor_version=version)
    if document_id is not None:
        candidates = candidates.filter(
            pk__in=Citation.objects.filter(document_id=document_id).values("statement")
        )
    statements = list(
        candidates.prefetch_related(
            Prefetch("stances", queryset=StatementIssue.objects.select_related("issue")),
            Prefetch("citations", queryset=Citation.objects.select_related("document").order_by("id")),
        ).order_by("id")[:limit]
    )
    examples = []
    for statement in statements:
        citations = list(statement.citations.all())
        context = ""
        if citations:
            around = passage(
                citations[0].document.text, citations[0].start, citations[0].end, context=CONTEXT
            )
            context = f"{around.before} {around.after}"
        current = {stance.issue.slug: stance.stance for stance in statement.stances.all()}
        examples.append(Example(key="", text=_text(statement.quote, context), truth={}, rules=current))
    changed, pairs, days = 0, set(), set()
    confidence = float(row.model_scores.get("score") or 0.5)
    for statement, predicted in zip(statements, classifier.predict(examples), strict=True):
        predicted = {slug: stance for slug, stance in predicted.items() if slug in issues}
        before = {stance.issue.slug: stance.stance for stance in statement.stances.all()}
        with transaction.atomic():
            # Claim the row: an editor who touched it meanwhile wins.
            claimed = Statement.objects.filter(pk=statement.pk, editor_touched=False).update(
                extractor_version=version
            )
            if not claimed or predicted == before:
                continue
            statement.stances.exclude(issue__slug__in=list(predicted)).delete()
            for slug, stance in predicted.items():
                StatementIssue.objects.update_or_create(
                    statement=statement,
                    issue=issues[slug],
                    defaults={"stance": stance, "confidence": round(min(max(confidence, 0.0), 1.0), 3)},
                )
            changed += 1
            days.add(statement.said_on)
            if statement.actor_id:
                pairs |= {
                    (statement.actor_id, issues[slug].pk) for slug in {*before, *predicted} if slug in issues
                }
    if pairs:
        refresh_positions(pairs=pairs, since=min(days))
        record_shifts(pairs=pairs)
    return changed


def describe(result: TrainingResult) -> str:
    """The figures as the command prints them."""
    lines = [
        f"Negotiation: {result.negotiation}",
        f"Verified statements: {result.trained_on + result.held_out} "
        f"({result.trained_on} for training, {result.held_out} held out)",
    ]
    if result.rules_scores:
        lines.append(f"{'held-out figures':<22}{'rules (before)':>16}{'classifier (after)':>20}")
        for key, label in (
            ("issue_precision", "issue precision"),
            ("issue_recall", "issue recall"),
            ("issue_f1", "issue F1"),
            ("stance_accuracy", "stance accuracy"),
            ("exact", "all issues right"),
            ("score", "score"),
        ):
            lines.append(f"{label:<22}{result.rules_scores[key]:>16.3f}{result.model_scores[key]:>20.3f}")
    if result.model is not None:
        lines.append(
            f"Stored as classifier v{result.model.version} ({'active' if result.model.active else 'inactive'})."
        )
    lines.append(result.reason)
    return "\n".join(lines)
