"""The scorer of README "How to score", on small cases computed by hand."""

import pytest

from negotiations.extraction.scoring import format_report, score, score_articles, speaker_key

TEXT = (
    "Lavrov said the guarantees were aimed at preserving the regime in Kyiv. "
    '"We will never accept foreign troops in Ukraine," he told reporters. '
    "Rubio said talks on territory were making progress."
)


def statement(speaker, quote, kind="paraphrase", **extra):
    return {"speaker": speaker, "kind": kind, "quote": quote, "said_on": None, "issues": {},
            "anonymous": False} | extra  # fmt: skip


def gold(*statements):
    return [{"id": "a", "text": TEXT, "statements": list(statements)}]


def predicted(*statements):
    return [{"id": "a", "statements": list(statements)}]


LAVROV = statement("Sergey Lavrov", "the guarantees were aimed at preserving the regime in Kyiv")
TROOPS = statement("Sergey Lavrov", "We will never accept foreign troops in Ukraine,", kind="direct")
RUBIO = statement("Marco Rubio", "talks on territory were making progress")


def test_perfect_prediction_scores_one():
    scores = score(gold(LAVROV, TROOPS, RUBIO), predicted(LAVROV, TROOPS, RUBIO))

    assert scores["all"] == {
        "gold": 3,
        "predicted": 3,
        "matched": 3,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert scores["direct"]["f1"] == scores["paraphrase"]["f1"] == 1.0
    assert (
        scores["speaker"]["accuracy"] == scores["issues"]["accuracy"] == scores["said_on"]["accuracy"] == 1.0
    )


def test_precision_recall_f1_by_kind_computed_by_hand():
    extra = statement("Marco Rubio", "We will never accept foreign troops", kind="paraphrase")
    scores = score(gold(LAVROV, TROOPS, RUBIO), predicted(LAVROV, TROOPS, extra))

    # paraphrase: 2 gold, 2 predicted, 1 matched (Lavrov); Rubio's span is elsewhere.
    assert scores["paraphrase"]["precision"] == 0.5
    assert scores["paraphrase"]["recall"] == 0.5
    assert scores["direct"]["f1"] == 1.0
    # all: 3 gold, 3 predicted, 2 matched: P = R = F1 = 2/3.
    assert scores["all"]["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_overlap_of_half_the_shorter_span_matches():
    # 5 of the 10 gold tokens: half of the shorter (predicted, 5 tokens) is covered.
    half = statement("Sergey Lavrov", "preserving the regime in Kyiv")

    assert score(gold(LAVROV), predicted(half))["all"]["matched"] == 1


def test_overlap_below_half_the_shorter_span_does_not_match():
    # 1 of the shorter span's 4 tokens (Kyiv, We, will, never) lies in the gold span.
    shifted = statement("Sergey Lavrov", 'Kyiv. "We will never')
    scores = score(gold(LAVROV), predicted(shifted))

    assert scores["all"]["matched"] == 0


def test_speaker_must_be_the_same_actor_but_case_and_diacritics_do_not_matter():
    erdogan = statement("Recep Tayyip Erdoğan", "talks on territory were making progress")

    assert speaker_key(erdogan) == speaker_key(statement("recep tayyip erdogan", "x"))
    assert score(gold(RUBIO), predicted(statement("Sergey Lavrov", RUBIO["quote"])))["all"]["matched"] == 0


def test_anonymous_speakers_match_each_other():
    source = statement("unnamed US official", RUBIO["quote"], anonymous=True)
    other = statement("unnamed senior official", RUBIO["quote"], anonymous=True)

    assert score(gold(source), predicted(other))["all"]["matched"] == 1


def test_each_gold_statement_matches_at_most_one_prediction():
    scores = score(gold(LAVROV), predicted(LAVROV, LAVROV))

    assert scores["all"]["matched"] == 1
    assert scores["all"]["precision"] == 0.5


def test_matching_is_one_to_one_and_maximal():
    # Two gold spans, two predictions; the first prediction overlaps both golds, the second only one.
    first = statement("Sergey Lavrov", "the guarantees were aimed")
    second = statement("Sergey Lavrov", "aimed at preserving the regime in Kyiv")
    wide = statement("Sergey Lavrov", "the guarantees were aimed at preserving")
    narrow = statement("Sergey Lavrov", "preserving the regime in Kyiv")
    scores = score(gold(first, second), predicted(wide, narrow))

    assert scores["all"]["matched"] == 2


def test_direct_figures_need_the_same_kind_but_all_does_not():
    as_paraphrase = dict(TROOPS, kind="paraphrase")
    scores = score(gold(TROOPS), predicted(as_paraphrase))

    assert scores["direct"]["matched"] == 0
    assert scores["all"]["matched"] == 1


def test_speaker_accuracy_counts_quotes_found_whoever_the_speaker():
    wrong = statement("Marco Rubio", LAVROV["quote"])
    scores = score(gold(LAVROV, RUBIO), predicted(wrong, RUBIO))

    assert scores["speaker"] == {"total": 2, "right": 1, "accuracy": 0.5}


def test_issue_exact_and_stance_accuracy_on_matched_statements():
    gold_one = dict(LAVROV, issues={"security-guarantees": "opposes", "territory": "neutral"})
    gold_two = dict(RUBIO, issues={"territory": "neutral"})
    predicted_one = dict(LAVROV, issues={"security-guarantees": "opposes"})
    predicted_two = dict(RUBIO, issues={"territory": "supports"})
    scores = score(gold(gold_one, gold_two), predicted(predicted_one, predicted_two))

    assert scores["issues"] == {"total": 2, "right": 1, "accuracy": 0.5}
    # stances compared where both tag the issue: guarantees (right), territory of Rubio (wrong).
    assert scores["stance"] == {"total": 2, "right": 1, "accuracy": 0.5}


def test_said_on_accuracy_counts_null_equal_to_null():
    dated = dict(LAVROV, said_on="2026-01-29")
    scores = score(gold(dated, RUBIO), predicted(dict(LAVROV, said_on="2026-01-30"), RUBIO))

    assert scores["said_on"] == {"total": 2, "right": 1, "accuracy": 0.5}


def test_predicted_offsets_pick_the_occurrence_of_a_repeated_quote():
    text = 'Headline: "we want peace now" \n\nPeskov said: "we want peace now"'
    body_start = text.rindex("we want")
    gold_article = [
        {"id": "a", "text": text, "statements": [statement("Dmitry Peskov", "we want peace now", "direct")]}
    ]
    prediction = dict(
        statement("Dmitry Peskov", "we want peace now", "direct"), start=body_start, end=len(text) - 1
    )

    assert score(gold_article, predicted(prediction))["all"]["matched"] == 1


def test_a_missing_prediction_line_counts_as_no_statements():
    scores = score(gold(LAVROV), [])

    assert scores["all"]["recall"] == 0.0
    assert scores["all"]["precision"] == 0.0


def test_error_listing_names_misses_and_extras():
    articles = score_articles(gold(LAVROV), predicted(RUBIO))

    assert [s["quote"] for s in articles[0].missed] == [LAVROV["quote"]]
    assert [s["quote"] for s in articles[0].spurious] == [RUBIO["quote"]]


def test_report_prints_every_figure():
    report = format_report(score(gold(LAVROV), predicted(LAVROV)))

    for label in ("direct", "paraphrase", "all", "speaker accuracy", "issues exact", "stance", "said_on"):
        assert label in report


def test_a_quote_not_verbatim_in_the_text_is_compared_by_its_words():
    reworded = statement(
        "Sergey Lavrov", "guarantees aimed at preserving the regime in Kyiv"
    )  # "were" dropped

    assert score(gold(LAVROV), predicted(reworded))["all"]["matched"] == 1
