"""Cue phrases of news prose that name an issue without its usual words."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_bringing_everyone_home_is_the_prisoner_exchange(run):
    text = "“We will not stop until we bring everybody home,” Zelenskyy said."

    assert list(stances(run(text))[0]) == ["prisoner-exchange"]
