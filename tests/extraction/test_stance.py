"""Issue tagging precision and the speaker's stance: one behaviour per test, on sentences written for them."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


# Which issues a statement is about


def test_after_a_ceasefire_dates_something_else_and_is_no_ceasefire_stance(run):
    text = "Macron said the reassurance force would deploy after a ceasefire is signed."

    assert stances(run(text)) == [{"peacekeepers": "supports"}]


def test_a_proposal_for_a_meeting_is_not_the_peace_plan(run):
    text = "Zelenskyy said he backed the US proposal for a trilateral summit with Putin."

    assert "peace-plan" not in stances(run(text))[0]


def test_meeting_trump_alone_is_not_the_leaders_meeting(run):
    text = "Zelenskyy said he would travel to Washington to meet Trump in person on Monday."

    assert stances(run(text)) == [{}]


def test_a_region_named_as_the_place_of_another_issue_is_not_the_land_question(run):
    text = "“Every soldier in Donbas must be able to vote in the presidential election,” Stefanchuk said."

    assert list(stances(run(text))[0]) == ["elections"]


def test_a_described_attack_on_the_grid_is_not_the_energy_issue(run):
    text = "“The enemy hit our energy infrastructure again last night,” Zelenskyy said."

    assert stances(run(text)) == [{}]


def test_a_halt_to_energy_strikes_is_the_energy_issue(run):
    text = "Zelenskyy said Kyiv would support a halt to strikes on energy infrastructure."

    assert stances(run(text)) == [{"energy-strikes": "supports"}]


def test_the_territory_of_ukraine_as_a_place_is_not_the_land_issue(run):
    text = "Lavrov said European troops on the territory of Ukraine would be legitimate targets."

    assert stances(run(text)) == [{"peacekeepers": "opposes"}]


def test_a_short_fragment_takes_only_the_nearest_issue_of_its_sentence(run):
    text = 'Zelenskyy said security guarantees were discussed, and the 28-point plan was "90 percent agreed".'

    found = [s for s in run(text) if s.quote == "90 percent agreed"]

    assert stances(found) == [{"peace-plan": "neutral"}]


# Stance


def test_reciprocal_offer_is_conditional(run):
    text = "“We will stop our strikes on energy infrastructure if Russia does the same,” Zelenskyy said."

    assert stances(run(text)) == [{"energy-strikes": "conditional"}]


def test_what_is_asked_in_exchange_is_supported(run):
    text = (
        "Zelenskyy said Kyiv was ready to drop its NATO membership bid in exchange for security guarantees."
    )

    assert stances(run(text))[0]["security-guarantees"] == "supports"


def test_the_issue_named_in_a_condition_is_demanded(run):
    text = "Lavrov said Russia would sign nothing until Ukraine withdrew its troops from the Donbas."

    assert stances(run(text)) == [{"territory": "supports"}]


def test_an_issue_named_only_in_an_offers_condition_is_dropped(run):
    text = "Macron said France would send troops to Ukraine only if the US provided a security backstop."

    assert stances(run(text)) == [{"peacekeepers": "conditional"}]


def test_the_demand_a_refusal_waits_on_is_tagged_with_the_refused_issue(run):
    text = "Lavrov said there would be no ceasefire until Ukraine withdrew its troops from the Donbas."

    assert stances(run(text)) == [{"ceasefire": "conditional", "territory": "supports"}]


def test_strikes_halted_amid_talk_of_the_energy_truce_are_the_energy_issue(run):
    text = (
        "Kyiv proposed an energy ceasefire on Monday. "
        "Zelenskyy said Ukraine would stop its own strikes if Russia did the same."
    )

    assert stances(run(text))[-1] == {"energy-strikes": "conditional"}


def test_the_last_step_of_a_sequence_waits_on_the_first(run):
    text = "“First the sides must stop shooting, then we can hold elections,” Stefanchuk said."

    assert stances(run(text)) == [{"elections": "conditional"}]


def test_an_issue_put_at_the_end_of_the_process_is_conditional(run):
    text = "Peskov said a summit between Putin and Zelenskyy should take place at the very end, to seal the text."

    assert stances(run(text)) == [{"leaders-meeting": "conditional"}]


def test_time_not_on_the_other_sides_side_is_pressure_not_a_negation(run):
    text = "Kallas said new sanctions would show Moscow that time is not on its side."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_an_issue_that_cannot_be_separated_from_the_rest_is_conditional(run):
    text = "Peskov said the prisoner exchanges could not be separated from the wider settlement talks."

    assert stances(run(text)) == [{"prisoner-exchange": "conditional"}]


def test_refusing_to_carry_the_risk_alone_makes_the_issue_conditional(run):
    text = "De Wever said Belgium would not carry the risk alone on the frozen Russian assets."

    assert stances(run(text)) == [{"frozen-assets": "conditional"}]


def test_a_truce_said_to_apply_only_to_some_targets_is_conditional(run):
    text = "Peskov said the energy moratorium applies only to power plants that do not serve the army."

    assert stances(run(text)) == [{"energy-strikes": "conditional"}]


def test_a_side_saying_an_issue_is_not_on_the_agenda_keeps_it_off(run):
    text = "“Handing over the nuclear plant is not on the agenda,” Peskov said."

    assert stances(run(text)) == [{"nuclear-plant": "opposes"}]


def test_not_discussed_is_neutral_not_opposed(run):
    text = "Peskov said a leaders' meeting had not been discussed in Alaska."

    assert stances(run(text)) == [{"leaders-meeting": "neutral"}]


def test_no_progress_is_neutral(run):
    text = "Umerov said the talks on an energy ceasefire had made no progress."

    assert stances(run(text)) == [{"energy-strikes": "neutral"}]


def test_opposite_of_the_proposition_is_opposition(run):
    text = "Dmitriev said any settlement should include the lifting of sanctions."

    assert stances(run(text)) == [{"sanctions": "opposes"}]


def test_refusing_the_opposite_of_the_proposition_is_support(run):
    text = "“We will not ease sanctions on Russia,” Kallas said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_rhetorical_question_answered_no_is_opposition(run):
    text = "“Can European peacekeepers guarantee anything? Definitely not,” Putin said."

    assert stances(run(text)) == [{"peacekeepers": "opposes"}]


def test_a_contrastive_not_after_the_issue_does_not_negate_it(run):
    text = "“We want a full ceasefire now, not in a month,” Zelenskyy said."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_a_negation_far_from_the_issue_does_not_negate_it(run):
    text = "“A man who cannot win the war should not stay in office without elections,” Peskov said."

    assert stances(run(text)) == [{"elections": "supports"}]


def test_no_truce_while_something_happens_is_conditional(run):
    text = "“A truce is out of the question while Ukraine keeps receiving Western weapons,” Lavrov said."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_approval_by_referendum_is_conditional(run):
    text = "Zelenskyy said any deal on territory would have to be approved in a referendum."

    assert stances(run(text)) == [{"territory": "conditional"}]


def test_an_insufficient_offer_means_wanting_more(run):
    text = "Zelenskyy dismissed Russia's offer of short local truces as insufficient."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_a_call_for_something_outweighs_criticism_elsewhere(run):
    text = "Zelenskyy called for strong sanctions, saying Moscow was not serious about peace."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_freezing_along_the_current_line_is_the_truce_not_the_land_question(run):
    # The gold files tag a truce "along the current front line" as the truce alone (3 of 3 on development).
    text = "Sybiha said Kyiv was ready for a truce along the current front line."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_strong_endorsement_outweighs_a_progress_report(run):
    text = "“The security framework is largely finished, and we strongly back it,” Rubio said."

    assert stances(run(text)) == [{"security-guarantees": "supports"}]


def test_others_plans_reported_are_neutral(run):
    text = "Rubio said several European governments were preparing plans to use the frozen assets."

    assert stances(run(text)) == [{"frozen-assets": "neutral"}]


def test_two_different_weak_cues_of_one_issue_tag_it(run):
    text = "Zelenskyy said Ukraine had handed Russia a list of 1,000 prisoners for the next exchange."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_one_side_speaking_of_meeting_the_other_leader_is_the_leaders_meeting(run):
    text = "“I am ready to meet Putin in any format,” Zelenskyy said."

    assert stances(run(text)) == [{"leaders-meeting": "supports"}]


def test_calling_the_president_illegitimate_backs_elections(run):
    text = "“Zelensky is an illegitimate president,” Putin said."

    assert stances(run(text)) == [{"elections": "supports"}]


def test_a_contrast_after_the_issue_keeps_the_support(run):
    text = "“Ukraine must get real security guarantees, not paper promises,” Zelenskyy said."

    assert stances(run(text)) == [{"security-guarantees": "supports"}]


def test_support_with_a_demand_attached_is_conditional(run):
    text = "“We are open to a truce but want guarantees against rearmament,” Peskov said."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_the_warring_sides_own_troops_are_not_peacekeepers(run):
    text = (
        "European leaders discussed peacekeepers on Monday. "
        "Lavrov said Ukrainian troops must leave the Donbas."
    )

    assert stances(run(text))[-1] == {"territory": "supports"}


def test_battlefield_news_is_not_the_land_issue(run):
    text = "Zelenskyy said Russian forces had occupied two more villages in the Donbas."

    assert stances(run(text)) == [{}]


def test_not_yet_received_is_a_report(run):
    text = "Peskov said the Kremlin had not yet received the updated peace plan from Washington."

    assert stances(run(text)) == [{"peace-plan": "neutral"}]


def test_the_other_sides_demand_reported_in_the_frame_is_neutral(run):
    text = "Zelenskyy said Moscow was demanding that Ukraine hand over the rest of the Donbas."

    assert stances(run(text)) == [{"territory": "neutral"}]


def test_a_judged_demand_of_the_other_side_is_not_neutral(run):
    text = "Peskov said Kyiv's demands for security guarantees were unrealistic."

    assert stances(run(text)) == [{"security-guarantees": "opposes"}]


def test_an_issue_that_remained_open_is_neutral(run):
    text = "Umerov said the issue of the Zaporizhzhia nuclear power plant remained open."

    assert stances(run(text)) == [{"nuclear-plant": "neutral"}]


def test_spare_no_effort_is_resolve_not_a_negation(run):
    text = "Zelenskyy said Kyiv would spare no effort to bring home every prisoner of war."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_a_judgement_after_but_is_on_the_other_clause(run):
    text = "“We agreed on a prisoner exchange of 500 for 500, but the talks on everything else failed,” Umerov said."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_a_judgement_after_but_counts_when_that_clause_names_the_issue_again(run):
    text = (
        "“Europe offers Kyiv security guarantees, but these security guarantees serve a Russophobic regime,” "
        "Zakharova said."
    )

    assert stances(run(text)) == [{"security-guarantees": "opposes"}]


def test_a_position_that_has_not_changed_is_held_not_negated(run):
    text = "Peskov said Russia's demand that Ukraine withdraw from the Donbas had not changed."

    assert stances(run(text)) == [{"territory": "supports"}]


def test_a_negation_keeps_to_its_own_verb_before_a_second_modal(run):
    text = "Sybiha said Kyiv would not cede any land and would insist on binding security guarantees."

    assert stances(run(text))[0]["security-guarantees"] == "supports"


def test_if_not_in_an_estimate_is_neither_a_negation_nor_a_condition(run):
    text = "“The prisoner exchange could happen within weeks, if not days,” Zelenskyy said."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_sanctions_that_have_not_worked_are_judged_useless(run):
    text = "“Western sanctions have not worked and will not work,” Putin said."

    assert stances(run(text)) == [{"sanctions": "opposes"}]


def test_refusing_a_demand_as_a_precondition_opposes_it(run):
    text = "Sybiha said Kyiv would never accept a withdrawal from the Donbas as a precondition for talks."

    assert stances(run(text))[0]["territory"] == "opposes"


def test_liberating_the_land_in_moscows_words_is_taking_it(run):
    text = "Peskov said the liberation of the territories of the Donbas remained the goal of the operation."

    assert stances(run(text))[0]["territory"] == "supports"
