"""Score predicted statements against gold statements (the format of ../shared/dev-gold/README.md).

Pure Python. A predicted statement matches a gold one when

- the speakers are the same actor: canonical names compared without case, diacritics, dots or hyphens
  ("Recep Tayyip Erdogan" = "Recep Tayyip Erdoğan"); two anonymous speakers count as the same (an unnamed
  source has no identity to compare beyond being unnamed), and
- the quote spans overlap by at least half of the shorter one's tokens.

Spans are located in the article text: a prediction's own ``start``/``end`` when they hold its quote,
else every verbatim occurrence of the quote (the best one counts), else, for a quote not found verbatim,
its words are compared as a bag. Each gold statement matches at most one prediction and each prediction
at most one gold statement; the matching maximises the number of pairs, preferring larger overlaps.

Figures:

- ``direct`` and ``paraphrase``: precision, recall, F1, matching only statements of that kind;
- ``all``: the same over every statement, the kind not required to agree;
- ``speaker``: on quotes found (spans matched one-to-one whoever the speaker), the share with the
  right speaker;
- ``issues``: on matched statements (``all``), the share whose set of issue slugs equals the gold set;
- ``stance``: on (matched statement, issue) pairs where gold and prediction both tag the issue, the
  share with the same stance;
- ``said_on``: on matched statements, the share whose date equals the gold date (both null counts).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .text import fold

KINDS = ("direct", "paraphrase")
WORD_RE = re.compile(r"\w+", re.UNICODE)
NAME_NOISE_RE = re.compile(r"[.\-‐‑'’]")


def speaker_key(statement: dict) -> str:
    """The comparison key of a statement's speaker: anonymous sources all share one key."""
    if statement.get("anonymous"):
        return "<anonymous>"
    name = str(statement.get("speaker") or "")
    return " ".join(NAME_NOISE_RE.sub(" ", fold(name)).casefold().split())


class _Tokens:
    """Token offsets of one article text, to count the tokens a character span covers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        for match in WORD_RE.finditer(text):
            self.starts.append(match.start())
            self.ends.append(match.end())

    def covered(self, start: int, end: int) -> range:
        """Indexes of the tokens that overlap [start, end)."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return range(first, max(first, last))


@dataclass
class _Located:
    statement: dict
    spans: list[range]  # token ranges of its occurrences in the text
    words: list[str] = field(default_factory=list)  # bag of words when not found verbatim

    @property
    def size(self) -> int:
        if self.spans:
            return len(self.spans[0])
        return len(self.words)


def _locate(statement: dict, tokens: _Tokens) -> _Located:
    quote = str(statement.get("quote") or "")
    text = tokens.text
    start, end = statement.get("start"), statement.get("end")
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == quote and quote:
        return _Located(statement, [tokens.covered(start, end)])
    spans = []
    position = text.find(quote) if quote else -1
    while position != -1:
        spans.append(tokens.covered(position, position + len(quote)))
        position = text.find(quote, position + 1)
    if spans:
        return _Located(statement, spans)
    return _Located(statement, [], [word.casefold() for word in WORD_RE.findall(quote)])


def _overlap(gold: _Located, predicted: _Located) -> float:
    """The tokens shared, as a share of the shorter span (0 when nothing is shared)."""
    best = 0.0
    if gold.spans and predicted.spans:
        for one in gold.spans:
            for other in predicted.spans:
                shared = min(one.stop, other.stop) - max(one.start, other.start)
                shorter = min(len(one), len(other))
                if shared > 0 and shorter:
                    best = max(best, shared / shorter)
        return best
    gold_words = gold.words or _words_of(gold)
    predicted_words = predicted.words or _words_of(predicted)
    shorter = min(len(gold_words), len(predicted_words))
    if not shorter:
        return 0.0
    remaining: dict[str, int] = {}
    for word in gold_words:
        remaining[word] = remaining.get(word, 0) + 1
    shared = 0
    for word in predicted_words:
        if remaining.get(word, 0) > 0:
            remaining[word] -= 1
            shared += 1
    return shared / shorter


def _words_of(located: _Located) -> list[str]:
    return [word.casefold() for word in WORD_RE.findall(str(located.statement.get("quote") or ""))]


def _match(
    gold: list[_Located], predicted: list[_Located], fits: Callable[[dict, dict], bool] | None = None
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold and predictions whose spans overlap enough.

    With ``fits``, only pairs that fit are allowed; without it every pair is, but pairs with the same
    speaker are tried first.
    """
    edges: list[list[tuple[bool, float, int]]] = []
    for one in gold:
        options = []
        for index, other in enumerate(predicted):
            if fits is not None and not fits(one.statement, other.statement):
                continue
            overlap = _overlap(one, other)
            if overlap >= 0.5:
                options.append((not _same_speaker(one.statement, other.statement), -overlap, index))
        options.sort()
        edges.append(options)
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(gold_index: int, seen: set[int]) -> bool:
        for *_, index in edges[gold_index]:
            if index in seen:
                continue
            seen.add(index)
            if index not in owner or augment(owner[index], seen):
                owner[index] = gold_index
                return True
        return False

    for gold_index in range(len(gold)):
        augment(gold_index, set())
    return sorted((gold_index, index) for index, gold_index in owner.items())


def _same_speaker(gold: dict, predicted: dict) -> bool:
    return speaker_key(gold) == speaker_key(predicted)


def _prf(matched: int, gold: int, predicted: int) -> dict:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": gold,
        "predicted": predicted,
        "matched": matched,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def _share(right: int, total: int) -> dict:
    return {"total": total, "right": right, "accuracy": round(right / total, 4) if total else None}


@dataclass
class ArticleScore:
    """The matching of one article, kept for error analysis."""

    id: str
    matched: list[tuple[dict, dict]]  # (gold, predicted), kind-agnostic, same speaker
    missed: list[dict]  # gold statements without a match
    spurious: list[dict]  # predictions without a match
    found: int  # quotes found: spans matched one-to-one whoever the speaker
    wrong_speaker: list[tuple[dict, dict]]  # of those, the ones whose speakers differ
    kind_matches: dict[str, int]
    kind_counts: dict[str, tuple[int, int]]  # kind -> (gold, predicted)


def score_article(gold_article: dict, predicted_statements: Iterable[dict]) -> ArticleScore:
    text = str(gold_article.get("text") or "")
    tokens = _Tokens(text)
    gold = [_locate(statement, tokens) for statement in gold_article.get("statements") or []]
    predicted = [_locate(statement, tokens) for statement in predicted_statements]

    kind_matches, kind_counts = {}, {}
    for kind in KINDS:
        gold_kind = [one for one in gold if one.statement.get("kind") == kind]
        predicted_kind = [other for other in predicted if other.statement.get("kind") == kind]
        kind_matches[kind] = len(_match(gold_kind, predicted_kind, _same_speaker))
        kind_counts[kind] = (len(gold_kind), len(predicted_kind))

    pairs = _match(gold, predicted, _same_speaker)
    matched_gold = {gold_index for gold_index, _ in pairs}
    matched_predicted = {index for _, index in pairs}
    found = _match(gold, predicted)
    return ArticleScore(
        id=str(gold_article.get("id")),
        matched=[(gold[g].statement, predicted[p].statement) for g, p in pairs],
        missed=[one.statement for index, one in enumerate(gold) if index not in matched_gold],
        spurious=[other.statement for index, other in enumerate(predicted) if index not in matched_predicted],
        found=len(found),
        wrong_speaker=[
            (gold[g].statement, predicted[p].statement)
            for g, p in found
            if not _same_speaker(gold[g].statement, predicted[p].statement)
        ],
        kind_matches=kind_matches,
        kind_counts=kind_counts,
    )


def score_articles(gold: list[dict], predictions: list[dict]) -> list[ArticleScore]:
    by_id = {str(prediction.get("id")): prediction.get("statements") or [] for prediction in predictions}
    return [score_article(article, by_id.get(str(article.get("id")), [])) for article in gold]


def _issues(statement: dict) -> dict:
    issues = statement.get("issues") or {}
    return issues if isinstance(issues, dict) else {}


def summarise(articles: list[ArticleScore]) -> dict:
    """The figures of README "How to score", from scored articles."""
    result: dict = {"articles": len(articles)}
    for kind in KINDS:
        result[kind] = _prf(
            sum(article.kind_matches[kind] for article in articles),
            sum(article.kind_counts[kind][0] for article in articles),
            sum(article.kind_counts[kind][1] for article in articles),
        )
    matched = [pair for article in articles for pair in article.matched]
    result["all"] = _prf(
        len(matched),
        sum(len(article.matched) + len(article.missed) for article in articles),
        sum(len(article.matched) + len(article.spurious) for article in articles),
    )
    found = sum(article.found for article in articles)
    result["speaker"] = _share(found - sum(len(article.wrong_speaker) for article in articles), found)
    result["issues"] = _share(
        sum(set(_issues(gold)) == set(_issues(predicted)) for gold, predicted in matched), len(matched)
    )
    stance_pairs = [
        (stance, _issues(predicted)[slug])
        for gold, predicted in matched
        for slug, stance in _issues(gold).items()
        if slug in _issues(predicted)
    ]
    result["stance"] = _share(sum(one == other for one, other in stance_pairs), len(stance_pairs))
    result["said_on"] = _share(
        sum(
            (gold.get("said_on") or None) == (predicted.get("said_on") or None) for gold, predicted in matched
        ),
        len(matched),
    )
    return result


def score(gold: list[dict], predictions: list[dict]) -> dict:
    """Score predictions (one ``{"id", "statements"}`` per article) against gold articles."""
    return summarise(score_articles(gold, predictions))


def _figure(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def format_report(scores: dict) -> str:
    lines = [
        f"articles: {scores['articles']}",
        "",
        "kind          gold  pred  match  precision  recall     f1",
    ]
    for kind in (*KINDS, "all"):
        row = scores[kind]
        lines.append(
            f"{kind:12s} {row['gold']:5d} {row['predicted']:5d} {row['matched']:6d}"
            f"      {row['precision']:.3f}   {row['recall']:.3f}  {row['f1']:.3f}"
        )
    lines.append("")
    labels = {
        "speaker": "speaker accuracy (quotes found)",
        "issues": "issues exact (matched)",
        "stance": "stance accuracy (shared issues)",
        "said_on": "said_on accuracy (matched)",
    }
    for key, label in labels.items():
        row = scores[key]
        lines.append(f"{label:34s} {_figure(row['accuracy'])}  ({row['right']}/{row['total']})")
    return "\n".join(lines)


def format_errors(articles: list[ArticleScore]) -> str:
    """Misses, spurious predictions and wrong speakers, article by article, for error analysis."""
    lines = []
    for article in articles:
        problems = []
        for statement in article.missed:
            problems.append(
                f"  MISS  [{statement.get('kind')}] {statement.get('speaker')}: {statement.get('quote')}"
            )
        for statement in article.spurious:
            problems.append(
                f"  EXTRA [{statement.get('kind')}] {statement.get('speaker')}: {statement.get('quote')}"
            )
        for gold, predicted in article.wrong_speaker:
            problems.append(
                f"  WHO   gold {gold.get('speaker')} / predicted {predicted.get('speaker')}: {gold.get('quote')}"
            )
        for gold, predicted in article.matched:
            if set(_issues(gold)) != set(_issues(predicted)) or any(
                _issues(predicted).get(slug, stance) != stance for slug, stance in _issues(gold).items()
            ):
                problems.append(
                    f"  ISSUE gold {_issues(gold)} / predicted {_issues(predicted)}: {gold.get('quote')}"
                )
            if (gold.get("said_on") or None) != (predicted.get("said_on") or None):
                problems.append(
                    f"  DATE  gold {gold.get('said_on')} / predicted {predicted.get('said_on')}: {gold.get('quote')}"
                )
        if problems:
            lines.append(article.id)
            lines.extend(problems)
    return "\n".join(lines)
