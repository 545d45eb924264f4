"""Reported speech the paraphrase step used to miss, written as invented sentences of news English."""


def paraphrases(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "paraphrase"]


def test_a_second_report_after_comma_and_that_is_a_statement_of_its_own(run):
    statements = run(
        "Lavrov said the delegations had exchanged lists of prisoners of war, "
        "and that Moscow had so far confirmed fewer than half of the names."
    )

    assert paraphrases(statements) == [
        ("Sergey Lavrov", "the delegations had exchanged lists of prisoners of war"),
        ("Sergey Lavrov", "Moscow had so far confirmed fewer than half of the names"),
    ]
