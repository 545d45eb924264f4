"""Words that judge the proposition, whatever their grammar."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_a_question_called_closed_is_refused(run):
    text = "Peskov said the question of NATO membership for Ukraine was closed."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_a_proposition_taken_off_the_table_is_refused(run):
    text = "Zelenskyy said recognising the occupied land as Russian was off the table."

    assert stances(run(text)) == [{"territory": "opposes"}]
