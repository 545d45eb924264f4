"""Reported speech in styles the gold files have little of: cue verbs and phrases, and where their clause ends."""

import pytest


def paraphrases(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "paraphrase"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry notes that the exchange will take place next week.",
        "Peskov predicts that the sanctions will be lifted by the summer.",
        "Sybiha contends that the partners will approve the loan before the end of the year.",
    ],
)
def test_a_present_tense_verb_of_saying_reports_its_clause(run, sentence):
    statements = run(sentence.replace("The ministry", "Peskov"))

    assert paraphrases(statements)[0][1].startswith("the ")


def test_the_united_states_is_no_verb_of_saying(run):
    statements = run("Officials in the United States that the paper spoke to were cautious.")

    assert paraphrases(statements) == []


def test_a_denunciation_reports_its_object(run):
    statements = run("Lavrov denounced the proposal as an attempt to freeze the conflict on Western terms.")

    assert paraphrases(statements) == [
        ("Sergey Lavrov", "the proposal as an attempt to freeze the conflict on Western terms")
    ]


def test_an_appeal_to_someone_reports_whom_and_what(run):
    statements = run("Zelenskyy appealed to the partners to keep the sanctions pressure on Moscow.")

    assert paraphrases(statements) == [
        ("Volodymyr Zelenskyy", "the partners to keep the sanctions pressure on Moscow")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rubio expressed readiness to host another round of talks in Geneva.",
        "Rubio expressed his readiness to host another round of talks in Geneva.",
        "Rubio voiced confidence that another round of talks would be held in Geneva.",
    ],
)
def test_a_stated_attitude_reports_what_it_is_about(run, sentence):
    statements = run(sentence)

    assert paraphrases(statements)[0][0] == "Marco Rubio"
    assert "another round of talks" in paraphrases(statements)[0][1]


@pytest.mark.parametrize("phrase", ["was adamant that", "made the case that"])
def test_a_position_stated_as_a_claim_reports_its_clause(run, phrase):
    statements = run(f"Putin {phrase} any settlement must address the root causes of the conflict.")

    assert paraphrases(statements) == [
        ("Vladimir Putin", "any settlement must address the root causes of the conflict")
    ]
