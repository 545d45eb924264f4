"""Reported speech and its speakers in common news constructions, written as invented sentences."""

from datetime import date

import pytest

from negotiations.extraction import extract


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


@pytest.mark.parametrize(
    "subject",
    ["Macron's spokesman", "Macron's office", "Macron's press secretary", "Macron's spokeswoman"],
)
def test_the_aide_or_office_of_a_known_person_speaks_for_them(run, subject):
    statements = run(f"{subject} said the summit in the mountains would go ahead as planned.")

    assert paraphrases(statements) == [
        ("Emmanuel Macron", "the summit in the mountains would go ahead as planned")
    ]


def test_the_aide_named_after_the_noun_speaks_for_himself(run):
    statements = run("Macron's spokesman Paul Girard said the summit in the mountains would go ahead.")

    assert paraphrases(statements)[0][0] == "Paul Girard"


def test_the_office_of_a_person_is_found_under_any_spelling_of_the_name(demo_registry):
    statements = extract(
        "Zelenskiy's office said the talks in the mountains had been constructive.",
        published=date(2026, 1, 30),
        registry=demo_registry,
    )

    assert paraphrases(statements)[0][0] == "Office of the President of Ukraine"
