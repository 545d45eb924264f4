"""A truce or a deal named only to date something else is not a stance on the truce."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_within_days_of_a_ceasefire_dates_the_elections(run):
    text = "Zelenskyy said he was ready to hold elections within 60 days of a ceasefire."

    assert stances(run(text)) == [{"elections": "conditional"}]  # after the truce: on that condition


def test_since_the_truce_took_effect_dates_the_strikes(run):
    text = "Zelenskyy said Russia had launched 30 strikes on energy facilities since the truce took effect."

    assert "ceasefire" not in stances(run(text))[0]


def test_a_quote_closing_between_after_and_the_ceasefire_still_dates_the_deployment(run):
    text = (
        "Starmer said on Monday that British troops could be deployed to Ukraine "
        '"in the days after" a ceasefire is agreed.'
    )

    assert list(stances(run(text))[0]) == ["peacekeepers"]
