"""Words that judge the proposition, whatever their grammar."""

from negotiations.extraction.issues import POSITIVE_RE


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_a_question_called_closed_is_refused(run):
    text = "Peskov said the question of NATO membership for Ukraine was closed."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_a_proposition_taken_off_the_table_is_refused(run):
    text = "Zelenskyy said recognising the occupied land as Russian was off the table."

    assert stances(run(text)) == [{"territory": "opposes"}]


# Labels for the other side are not judgements on the proposition


def test_the_kiev_regime_label_does_not_turn_a_demand_around(run):
    text = "Zakharova said the Kiev regime must withdraw its troops from the Donbas."

    assert stances(run(text)) == [{"territory": "supports"}]


def test_the_neo_nazi_regime_label_does_not_turn_a_demand_around(run):
    text = "Lavrov said the neo-Nazi regime in Kiev would have to accept the new territorial realities."

    assert stances(run(text)) == [{"territory": "supports"}]


def test_what_the_kiev_regime_wants_is_reported(run):
    text = "Ushakov said the Kiev regime wanted Western troops to be deployed in Ukraine."

    assert stances(run(text)) == [{"peacekeepers": "neutral"}]


# NATO's expansion goes the proposition's way; an end to it is the opposite


def test_blaming_nato_expansion_opposes_membership(run):
    text = "Peskov said NATO expansion was one of the root causes of the conflict."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_demanding_an_end_to_nato_expansion_opposes_membership(run):
    text = "Lavrov said Russia demanded an end to NATO expansion."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_a_bridgehead_against_russia_is_a_hostile_judgement(run):
    text = "Zakharova said the Western guarantees were a plan to turn Ukraine into a NATO bridgehead."

    assert stances(run(text)) == [{"security-guarantees": "opposes"}]


# A negation in a "because" clause governs the reason, not the issue


def test_a_negation_in_the_reason_does_not_turn_the_call_around(run):
    text = "Trump said Ukraine should hold elections because it had not had one for a long time."

    assert stances(run(text)) == [{"elections": "supports"}]


def test_a_negation_before_the_reason_still_refuses(run):
    text = "Zelenskyy said Ukraine did not want a ceasefire because it would let Russia rearm."

    assert stances(run(text)) == [{"ceasefire": "opposes"}]


# Denying the Ukrainian leader's mandate calls for a vote


def test_an_expired_term_calls_for_elections_whatever_else_is_refused(run):
    text = "Peskov said Zelenskyy's term had expired and he could not sign any agreement."

    assert stances(run(text)) == [{"elections": "supports"}]


def test_illegitimate_authorities_call_for_elections(run):
    text = "Lavrov said the illegitimate authorities in Kiev could not sign a binding treaty."

    assert stances(run(text)) == [{"elections": "supports"}]


def test_the_ukrainian_side_defending_its_mandate_does_not_call_for_elections(run):
    text = "Zelenskyy said his legitimacy was not in question."

    assert stances(run(text))[0]["elections"] != "supports"


def test_assets_returned_to_russia_oppose_their_use_for_ukraine(run):
    text = "Peskov said the frozen assets must be returned to Russia."

    assert stances(run(text)) == [{"frozen-assets": "opposes"}]


def test_calling_the_use_of_the_assets_too_risky_opposes_it(run):
    text = "Kallas said using the frozen assets was too risky for the euro."

    assert stances(run(text)) == [{"frozen-assets": "opposes"}]


# Refusing to compromise holds to the side's own position


def test_no_compromise_on_the_plant_from_kyiv_wants_it_back(run):
    text = "Sybiha said there could be no compromise on the Zaporizhzhia nuclear plant."

    assert stances(run(text)) == [{"nuclear-plant": "supports"}]


def test_no_compromise_on_territory_from_kyiv_refuses_to_cede_land(run):
    text = "Zelenskyy said there would be no compromise on territory."

    assert stances(run(text)) == [{"territory": "opposes"}]


def test_no_compromise_found_is_still_a_progress_report(run):
    text = "Umerov said no compromise had been found on the Zaporizhzhia nuclear plant."

    assert stances(run(text)) == [{"nuclear-plant": "neutral"}]


def test_signing_is_a_positive_word_but_significant_and_signal_are_not():
    assert POSITIVE_RE.search("the sides signed the protocol")
    assert not POSITIVE_RE.search("a significant signal")


def test_safeguarding_legitimate_rights_and_interests_answers_sanctions_as_a_threat(run):
    text = (
        "Foreign ministry spokesman Lin Jian said China would take all necessary measures to safeguard the "
        "legitimate rights and interests of Chinese firms hit by the sanctions."
    )

    assert stances(run(text)) == [{"sanctions": "opposes"}]
