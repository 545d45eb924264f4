"""Rejecting cues ("rejected", "condemned", a reported clause opening with "against") follow the direction of
what they name relative to the issue's proposition: one behaviour per test, sentences written for the tests."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_arguing_against_using_the_assets_opposes_it(run):
    text = "Orbán argued against using the frozen assets to pay for Ukraine's reconstruction."

    assert stances(run(text)) == [{"frozen-assets": "opposes"}]


def test_cautioning_against_easing_sanctions_keeps_them(run):
    text = "Kallas cautioned against easing sanctions on Moscow."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_arguing_against_membership_opposes_it(run):
    text = "Lavrov argued against admitting Ukraine to NATO at any stage."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_condemning_strikes_on_the_grid_backs_their_halt(run):
    text = "Zelenskyy condemned the overnight strikes on power plants in Kharkiv."

    assert stances(run(text)) == [{"energy-strikes": "supports"}]


def test_denouncing_a_bombardment_of_the_grid_backs_its_halt(run):
    text = "Zelenskyy denounced Russia's bombardment of the power grid as terror."

    assert stances(run(text)) == [{"energy-strikes": "supports"}]


def test_condemning_ceasefire_violations_backs_the_ceasefire(run):
    text = "Zelenskyy condemned the repeated ceasefire violations by Russian forces."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_rejecting_a_halt_to_strikes_opposes_it(run):
    text = "Lavrov rejected a moratorium on attacks on energy infrastructure."

    assert stances(run(text)) == [{"energy-strikes": "opposes"}]


def test_warning_against_one_form_of_ceasefire_is_conditional(run):
    text = "Macron warned against a ceasefire that would let Russia rearm."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_harm_named_in_another_clause_leaves_a_rejection_as_it_is(run):
    text = "Lavrov rejected the ceasefire as attacks continued."

    assert stances(run(text)) == [{"ceasefire": "opposes"}]


def test_an_argument_relayed_from_the_other_side_is_not_the_speakers(run):
    text = (
        "Guterres said the Russian side had raised the issue of elections, arguing that any treaty "
        "would have to be signed by a new president."
    )

    assert stances(run(text)) == [{"elections": "neutral"}]


def test_a_delegation_names_its_side(run):
    text = "Sybiha said the Russian delegation insisted on elections in Ukraine."

    assert stances(run(text)) == [{"elections": "neutral"}]


def test_relief_put_off_to_the_end_keeps_the_sanctions(run):
    text = "“Lifting sanctions must come last, not first,” Kallas said."

    assert stances(run(text)) == [{"sanctions": "supports"}]
