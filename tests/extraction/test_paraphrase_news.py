"""Reported speech and its speakers in common news constructions, written as invented sentences."""

import pytest


def paraphrases(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "paraphrase"]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Lavrov opposes any deployment of European troops in the country.", "any deployment"),
        ("Lavrov opposed any deployment of European troops in the country.", "any deployment"),
        ("Lavrov lauded the patience of the mediators in the desert city.", "the patience of the mediators"),
        ("Lavrov commended the mediators for their patience.", "the mediators for their patience"),
    ],
)
def test_a_verb_of_stance_reports_its_object(run, sentence, content):
    statements = run(sentence)

    assert paraphrases(statements)[0][0] == "Sergey Lavrov"
    assert paraphrases(statements)[0][1].startswith(content)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov said the drones struck only depots — a claim the other side denies — and talks would go on.",
        "Lavrov said the drones struck only depots — an allegation the other side rejects — on Tuesday.",
        "Lavrov said the drones struck only depots, an allegation the other side rejects.",
    ],
)
def test_the_writers_aside_on_the_words_ends_the_report(run, sentence):
    statements = run(sentence)

    assert paraphrases(statements) == [("Sergey Lavrov", "the drones struck only depots")]


def test_a_parenthesis_between_dashes_stays_in_the_report(run):
    statements = run("Lavrov said the two sides — for the first time in months — had agreed on an agenda.")

    assert paraphrases(statements) == [
        ("Sergey Lavrov", "the two sides — for the first time in months — had agreed on an agenda")
    ]
