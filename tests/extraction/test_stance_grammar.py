"""Stance read from the grammar around an issue: which words a negation, a condition or a contrast governs."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_a_negation_inside_a_relative_clause_after_the_issue_governs_that_clause(run):
    text = "“We cannot hand over land that does not belong to us,” Zelenskyy said."

    assert stances(run(text)) == [{"territory": "opposes"}]
