"""Stance cues written from the codebook (not from gold lines): one behaviour per test."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_no_objection_is_support(run):
    text = "Peskov said the Kremlin had no objection to a prisoner swap."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_a_door_that_must_remain_open_is_wanted(run):
    text = "Kallas said Ukraine's path to NATO must remain open."

    assert stances(run(text)) == [{"nato-membership": "supports"}]


def test_keeping_the_plant_under_russian_control_opposes_its_return(run):
    text = "Putin said the Zaporizhzhia plant would remain under Rosatom's control."

    assert stances(run(text)) == [{"nuclear-plant": "opposes"}]


def test_refusing_to_give_away_land_opposes_ceding_it(run):
    text = "“We will not give away our land,” Zelenskyy said."

    assert stances(run(text)) == [{"territory": "opposes"}]


def test_a_region_that_remains_ukraine_opposes_ceding_it(run):
    text = "“Donbas is Ukraine, and it will remain Ukraine,” Zelenskyy told reporters."

    assert stances(run(text)) == [{"territory": "opposes"}]


def test_a_hyphenated_leaders_meeting_is_the_leaders_meeting(run):
    text = "Peskov said a Putin-Zelensky meeting was not on the agenda."

    assert list(stances(run(text))[0]) == ["leaders-meeting"]


def test_refusing_to_ease_them_keeps_the_sanctions(run):
    text = "“Sanctions are working, and we will not ease them,” Kallas said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_naming_the_risks_of_using_the_assets_opposes_it(run):
    text = "De Wever said using the frozen assets carried huge legal risks for Belgium."

    assert stances(run(text)) == [{"frozen-assets": "opposes"}]


def test_once_something_is_done_is_a_condition(run):
    text = "Zelenskyy said he was prepared to hold elections once security was guaranteed."

    assert stances(run(text)) == [{"elections": "conditional"}]


def test_terms_set_for_the_issue_itself_are_conditional(run):
    text = "Putin said any ceasefire must address the root causes of the conflict."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_terms_whose_content_is_the_issue_are_not_conditional(run):
    text = "Lavrov said any settlement should include the lifting of sanctions."

    assert stances(run(text)) == [{"sanctions": "opposes"}]


def test_not_having_received_the_plan_is_a_report(run):
    text = "Lavrov said Moscow had not received the updated version of the peace plan."

    assert stances(run(text)) == [{"peace-plan": "neutral"}]


def test_issues_still_to_resolve_are_a_report(run):
    text = "Witkoff said there were still one or two issues to resolve, including territory."

    assert stances(run(text)) == [{"territory": "neutral"}]


def test_rejecting_the_issue_until_something_happens_is_conditional(run):
    text = "The Kremlin ruled out a ceasefire before Ukrainian troops leave the Donetsk region."

    assert stances(run(text)) == [{"ceasefire": "conditional", "territory": "supports"}]


def test_what_is_a_condition_for_the_issue_is_demanded(run):
    text = (
        "Putin said the withdrawal of Ukrainian troops from Donbas is an indispensable condition for a truce."
    )

    assert stances(run(text))[0]["territory"] == "supports"


def test_meeting_only_to_sign_a_deal_is_conditional(run):
    text = "Putin said he would meet Zelenskyy only to sign a final agreement."

    assert stances(run(text)) == [{"leaders-meeting": "conditional"}]


def test_the_striking_side_speaking_of_its_strikes_on_energy_opposes_a_halt(run):
    text = "Peskov said Russian forces had hit energy facilities supplying Ukraine's army."

    assert stances(run(text)) == [{"energy-strikes": "opposes"}]


def test_a_plant_knocked_out_is_an_attack_described_not_the_energy_issue(run):
    text = "Shmyhal said a thermal power plant had been knocked out overnight."

    assert "energy-strikes" not in stances(run(text))[0]


def test_troops_after_a_settlement_are_not_a_condition_on_peacekeepers(run):
    text = "Lavrov said European troops deployed in Ukraine after a settlement would be legitimate targets."

    assert stances(run(text)) == [{"peacekeepers": "opposes"}]


def test_prisoners_home_is_the_prisoner_exchange(run):
    text = "“Our heroes are home,” Zelenskyy said after the swap."

    assert list(stances(run(text))[0]) == ["prisoner-exchange"]


def test_stopping_where_the_armies_stand_is_a_ceasefire(run):
    text = "“We are ready to stop where we stand, today,” Zelenskyy said."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_leaders_sitting_at_one_table_is_the_leaders_meeting(run):
    text = "“It is time for the leaders to sit at the same table,” Erdogan said."

    assert stances(run(text)) == [{"leaders-meeting": "supports"}]


def test_a_round_of_trilateral_talks_is_not_the_leaders_meeting(run):
    text = "Ushakov said no date had been set for the next round of trilateral talks."

    assert stances(run(text)) == [{}]


def test_terms_that_take_the_others_interests_into_account_are_conditional(run):
    text = "Ushakov said security guarantees must take into account the legitimate interests of Russia."

    assert stances(run(text)) == [{"security-guarantees": "conditional"}]


def test_the_other_sides_proposal_is_read_from_the_frame_of_a_later_sentence(run):
    text = (
        "The talks in Geneva went on for a third day on Wednesday. "
        'Zelenskyy acknowledged that the American side had floated a "free economic zone" in the area.'
    )

    assert stances(run(text))[-1] == {"territory": "neutral"}


def test_the_issue_as_content_of_the_terms_for_a_deal_is_demanded(run):
    text = "Lavrov said any agreement must take into account the will of the people living in Donbass."

    assert stances(run(text)) == [{"territory": "supports"}]


def test_ready_but_not_in_that_form_is_conditional(run):
    text = "“We are ready to discuss security guarantees, but not guarantees that let NATO in,” Lavrov said."

    assert stances(run(text))[0]["security-guarantees"] == "conditional"


def test_what_follows_but_not_is_refused(run):
    text = "“We are ready to discuss guarantees, but not guarantees that make Ukraine a NATO member,” Lavrov said."

    assert stances(run(text))[0]["nato-membership"] == "opposes"


def test_an_adventure_with_the_assets_is_opposed(run):
    text = "Szijjarto said using the frozen assets would be a legal and financial adventure."

    assert stances(run(text)) == [{"frozen-assets": "opposes"}]


def test_stealing_russian_property_is_the_assets_issue_and_opposed(run):
    text = "Lavrov said any attempt to steal Russian property would receive a response."

    assert stances(run(text)) == [{"frozen-assets": "opposes"}]


def test_provisions_the_speaker_cannot_accept_make_the_plan_conditional(run):
    text = (
        "“The American draft has good provisions. But there are other provisions which we cannot accept,” "
        "Lavrov said."
    )

    assert stances(run(text)) == [{"peace-plan": "conditional"}]


def test_when_there_is_a_ceasefire_dates_something_else(run):
    text = "“When there is a ceasefire, our companies will help rebuild,” Szijjarto said."

    assert stances(run(text)) == [{}]


def test_a_meeting_for_the_sake_of_a_meeting_is_conditional(run):
    text = (
        "Peskov said a meeting between Putin and Zelensky could not be a meeting for the sake of a meeting."
    )

    assert stances(run(text)) == [{"leaders-meeting": "conditional"}]


def test_no_plans_for_a_meeting_is_a_report(run):
    text = "Peskov said there were no concrete plans for a Putin-Zelensky meeting yet."

    assert stances(run(text)) == [{"leaders-meeting": "neutral"}]


def test_refusing_one_form_of_the_issue_is_conditional(run):
    text = "Merz said Europe would not accept a ceasefire that rewarded Russian aggression."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_elections_after_the_war_ends_are_conditional(run):
    text = "Zelenskyy said elections would be held after the war ends and martial law is lifted."

    assert stances(run(text)) == [{"elections": "conditional"}]


def test_not_part_of_the_talks_is_a_report(run):
    text = "Rutte said NATO membership for Ukraine was not part of the current talks."

    assert stances(run(text)) == [{"nato-membership": "neutral"}]


def test_the_speakers_side_free_to_resume_strikes_opposes_the_truce(run):
    text = "Peskov said the energy truce had expired and Russia was free to resume strikes."

    assert stances(run(text)) == [{"energy-strikes": "opposes"}]


def test_a_veto_is_a_refusal(run):
    text = "Orbán said Hungary would veto the reparations loan from frozen Russian assets."

    assert stances(run(text)) == [{"frozen-assets": "opposes"}]


def test_signing_away_territory_is_the_land_issue(run):
    text = 'Sybiha said his country would "never sign away" territory.'

    assert stances(run(text)) == [{"territory": "opposes"}]


def test_a_demanded_neutral_status_opposes_nato_membership(run):
    text = "Lavrov said Ukraine's neutral, non-aligned and non-nuclear status remains a key condition for Moscow."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_an_exchange_in_return_for_prisoners_is_not_a_condition(run):
    text = (
        "Zelenskyy said Kyiv was prepared to hand over all Russian prisoners in exchange for all Ukrainians."
    )

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_a_lenders_backstop_is_not_a_security_guarantee(run):
    text = "Merz said the central bank had declined to act as a backstop for the reparations loan."

    assert "security-guarantees" not in stances(run(text))[0]


def test_what_a_paper_proposes_is_a_report(run):
    text = "A US official said Witkoff presented a two-page paper that proposes a 60-day ceasefire."

    assert stances(run(text)) == [{"ceasefire": "neutral"}]


def test_needing_parliaments_approval_is_a_condition(run):
    text = "Starmer said any deployment of British troops to Ukraine would need the approval of Parliament."

    assert stances(run(text)) == [{"peacekeepers": "conditional"}]


def test_territorial_integrity_of_all_countries_is_a_principle_not_the_land_issue(run):
    text = "Lavrov said the territorial integrity of all countries should be respected."

    assert stances(run(text)) == [{}]


def test_restoring_the_moratorium_amid_energy_talk_is_the_energy_issue(run):
    text = (
        "Russian strikes on energy infrastructure left Kharkiv without power. "
        "Shmyhal called on the United States to press Moscow into restoring the moratorium."
    )

    assert stances(run(text))[-1] == {"energy-strikes": "supports"}


def test_a_destructive_line_judges_what_it_names(run):
    text = "Putin said European plans to deploy military contingents in Ukraine were a destructive line."

    assert stances(run(text)) == [{"peacekeepers": "opposes"}]


def test_the_other_side_continuing_to_block_the_issue_means_backing_it(run):
    text = "Zelenskyy said Russia continued to block the return of deported children."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_a_negation_in_the_next_clause_does_not_turn_the_opposite_around(run):
    text = (
        "Lavrov said the Zaporizhzhia plant was a Russian facility, and its status was not up for discussion."
    )

    assert stances(run(text)) == [{"nuclear-plant": "opposes"}]


def test_not_wanting_one_form_of_the_issue_is_conditional(run):
    text = "“We don't want a ceasefire that just gives Russia time to reload,” Zelenskyy said."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_a_verdict_verb_opposes_its_object(run):
    for verb in ("slammed", "rebuffed", "objected to", "lashed out at"):
        assert stances(run(f"Orban {verb} the new sanctions on Russia.")) == [{"sanctions": "opposes"}], verb
