"""Terms and conditions: what a demand is set for, and what is asked for in return."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_what_is_demanded_as_a_condition_is_backed(run):
    text = "Peskov said Moscow insists that Kyiv withdraw from the Donetsk region as a condition for any ceasefire."

    assert stances(run(text))[0]["territory"] == "supports"


def test_what_a_condition_is_set_for_is_conditional(run):
    text = "Peskov said Moscow demanded that Kyiv leave the Donbas as a precondition for any ceasefire."

    assert stances(run(text))[0]["ceasefire"] == "conditional"


def test_excluding_something_is_against_it(run):
    text = "Lavrov said the treaty would exclude Ukraine's membership of NATO."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_terms_that_must_exclude_something_are_against_it(run):
    text = "Lavrov said any settlement must exclude the deployment of European troops in Ukraine."

    assert stances(run(text)) == [{"peacekeepers": "opposes"}]


def test_what_is_asked_for_in_return_for_an_offer_is_wanted(run):
    text = "“Give us a ceasefire, and we will hold elections within three months,” Zelenskyy said."

    assert stances(run(text))[0]["ceasefire"] == "supports"


def test_not_without_what_he_called_x_requires_x(run):
    text = 'Macron said the force would not deploy without what he called "a firm American backstop".'

    assert stances(run(text)) == [{"security-guarantees": "supports"}]


def test_elections_when_the_war_ends_wait_on_a_condition(run):
    text = "“Ukraine will hold elections when the war ends,” Zelenskyy said."

    assert stances(run(text)) == [{"elections": "conditional"}]


def test_troops_when_the_guns_fall_silent_is_no_condition_on_them(run):
    text = "Macron said European troops would deploy when the guns fall silent."

    assert stances(run(text)) == [{"peacekeepers": "supports"}]


def test_what_everything_depends_on_is_wanted(run):
    text = "“Everything depends on whether there is enough pressure on Moscow,” Zelenskyy said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_an_issue_that_depends_on_something_else_is_conditional(run):
    text = "“A ceasefire depends on Russia,” Zelenskyy said."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_what_is_proposed_instead_is_backed(run):
    text = "Zelenskyy proposed instead an immediate ceasefire on land, sea and air."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_a_refusal_followed_by_a_condition_stays_a_refusal(run):
    text = (
        "Lavrov dismissed the security guarantees drafted by Washington and Kyiv. He said such guarantees were "
        '"hardly capable of ensuring genuine security" if their aim was to keep the government in Kyiv in power.'
    )

    fragment = next(s for s in run(text) if s.quote.startswith("hardly"))

    assert stances([fragment]) == [{"security-guarantees": "opposes"}]


def test_an_offer_followed_by_a_condition_is_conditional(run):
    text = 'Peskov said Moscow "could accept security guarantees" as long as they exclude NATO troops.'

    assert stances(run(text))[0]["security-guarantees"] == "conditional"


def test_having_a_say_in_the_arrangement_is_a_condition_on_it(run):
    text = "Moscow has insisted that it must have a say in any security guarantees for Ukraine."

    assert stances(run(text)) == [{"security-guarantees": "conditional"}]


def test_a_truce_off_the_table_until_a_withdrawal_is_conditional(run):
    text = "Peskov said a general truce was off the table until Ukraine pulled its troops out of Donetsk."

    assert stances(run(text))[0]["ceasefire"] == "conditional"


def test_ruling_something_out_until_a_withdrawal_backs_the_withdrawal(run):
    text = "Peskov said a general truce was off the table until Ukraine pulled its troops out of Donetsk."

    assert stances(run(text))[0]["territory"] == "supports"


def test_as_long_as_the_war_goes_on_is_a_duration_not_a_condition(run):
    text = "“Sanctions on Russia will stay in place as long as the war goes on,” Kallas said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_cannot_wait_until_is_haste_not_a_condition(run):
    text = "Merz said a decision on the frozen Russian assets could not wait until next year."

    assert stances(run(text))[0]["frozen-assets"] != "conditional"


def test_an_issue_set_within_some_months_of_a_truce_is_conditional(run):
    text = "Zelenskyy said Ukraine could vote in a presidential election within two months of a ceasefire."

    assert stances(run(text)) == [{"elections": "conditional"}]


def test_an_issue_promised_once_there_is_a_truce_is_conditional(run):
    text = "“Once there is a ceasefire, Ukraine will hold presidential elections,” Rutte said."

    assert stances(run(text)) == [{"elections": "conditional"}]


def test_something_else_that_must_come_first_makes_the_issue_wait_on_it(run):
    text = (
        "Kremlin says Putin-Zelenskyy meeting possible\n\n"
        "MOSCOW, March 3 (Reuters) - The Kremlin said on Tuesday that a meeting between Vladimir Putin and "
        "Volodymyr Zelenskyy was possible.\n\n"
        "“All the papers have to be drafted by the negotiators first,” Kremlin spokesman Dmitry Peskov told reporters."
    )

    assert stances(run(text))[-1] == {"leaders-meeting": "conditional"}


def test_a_hundred_per_cent_tariff_is_a_rate_not_a_finished_deal(run):
    text = "Trump said he was weighing 100 per cent tariffs on Moscow unless it cut its oil exports."

    assert stances(run(text))[0]["sanctions"] == "conditional"


def test_as_long_as_the_other_side_keeps_doing_harm_is_how_long_not_on_what_terms(run):
    text = "Kallas said Europe would keep the sanctions as long as Russia keeps bombing civilians."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_no_truce_as_long_as_the_other_side_keeps_doing_harm_sets_terms(run):
    text = "“There will be no energy truce as long as Russia keeps hitting our grid,” Zelenskyy said."

    assert stances(run(text)) == [{"energy-strikes": "conditional"}]
