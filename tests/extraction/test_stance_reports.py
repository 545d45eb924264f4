"""Reporting what a text or the other side wants is neutral for the reporter, unless the reporter answers it."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_what_a_plan_would_make_happen_is_reported_not_backed(run):
    text = "Zelenskyy said that under the US plan, Ukraine would have to give up the rest of Donetsk."

    assert stances(run(text))[0]["territory"] == "neutral"


def test_what_a_draft_calls_for_is_reported_not_backed(run):
    text = "Umerov said the American draft calls for Ukraine to cede the Donbas."

    assert stances(run(text))[0]["territory"] == "neutral"


def test_the_other_side_still_insisting_is_reported_not_backed(run):
    text = "Sybiha said Moscow was still insisting on a full Ukrainian withdrawal from the Donbas."

    assert stances(run(text)) == [{"territory": "neutral"}]


def test_the_speaker_answering_the_other_sides_demand_takes_a_side(run):
    text = "Zelenskyy said the Russians want us to leave Donbas, and we will not do it."

    assert stances(run(text)) == [{"territory": "opposes"}]


# Conditions the sentence sets after the reported words


def test_a_condition_after_the_reported_clause_makes_it_conditional(run):
    text = (
        "Lavrov said Moscow could accept security guarantees for Ukraine, as long as they did not involve "
        "troops from NATO countries."
    )

    assert stances(run(text))[0] == {"security-guarantees": "conditional"}


def test_a_split_quote_going_on_with_a_condition_is_conditional(run):
    text = "“We are ready for a ceasefire,” Zelenskyy said, “if Russia stops its strikes.”"

    assert stances(run(text))[0] == {"ceasefire": "conditional"}


def test_a_split_quote_going_on_with_a_new_sentence_keeps_its_own_stance(run):
    text = "“We are ready for a ceasefire,” Zelenskyy said. “Russia must stop its strikes.”"

    assert stances(run(text))[0] == {"ceasefire": "supports"}


def test_having_talked_about_an_issue_is_a_report_not_a_side(run):
    text = "Zelenskyy said he had spoken with Trump about the ceasefire on Monday."

    assert stances(run(text)) == [{"ceasefire": "neutral"}]


def test_a_vote_in_ukraine_is_the_elections_issue(run):
    text = "Zelenskyy said a presidential ballot could only follow the end of martial law."

    assert list(stances(run(text))[0]) == ["elections"]


# Terms set for the issue and demands on its content


def test_being_prepared_to_do_something_is_readiness_not_a_condition(run):
    text = "“We must be prepared to carry part of the risk of the reparations loan ourselves,” Merz said."

    assert stances(run(text)) == [{"frozen-assets": "supports"}]


def test_what_the_next_swap_must_include_is_demanded(run):
    text = "Lubinets said the next prisoner exchange must include civilians held in Russia."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_what_a_named_person_of_the_other_side_demanded_is_reported(run):
    text = "Zelenskyy said Lavrov had demanded that Ukraine give up the Donbas."

    assert stances(run(text)) == [{"territory": "neutral"}]


def test_what_a_person_of_the_speakers_own_side_proposed_is_backed(run):
    text = "Peskov said Putin had proposed a ceasefire for Easter."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_a_ceasefire_once_troops_leave_is_conditional(run):
    text = "Ushakov said a ceasefire would be possible once Ukrainian forces left the Donbas."

    assert stances(run(text))[0]["ceasefire"] == "conditional"


def test_readiness_with_terms_set_after_a_but_is_conditional(run):
    text = (
        "Peskov said Russia was ready for a ceasefire, but the root causes of the conflict had to be "
        "addressed first."
    )

    assert stances(run(text))[0] == {"ceasefire": "conditional"}


def test_a_but_asking_for_more_keeps_the_support(run):
    text = "Macron said the energy truce was a first step but that a full ceasefire must follow."

    assert stances(run(text))[0] == {"energy-strikes": "supports"}


def test_studying_the_other_sides_proposals_is_a_report(run):
    text = "Peskov said Moscow would carefully study the latest American proposals on security guarantees."

    assert stances(run(text)) == [{"security-guarantees": "neutral"}]


def test_failing_to_narrow_differences_on_an_issue_reports_it_open(run):
    text = "Peskov said the delegations had failed to narrow their differences on a ceasefire."

    assert stances(run(text)) == [{"ceasefire": "neutral"}]


def test_nobody_having_discussed_an_issue_reports_it_open(run):
    text = "Peskov said nobody had seriously discussed security guarantees with Moscow."

    assert stances(run(text)) == [{"security-guarantees": "neutral"}]


def test_expecting_a_compromise_forecasts_the_talks(run):
    text = "Kallas said she expected a compromise on the new sanctions package by Friday."

    assert stances(run(text)) == [{"sanctions": "neutral"}]


def test_a_record_of_the_other_sides_violations_reports_them(run):
    text = "Peskov said the energy moratorium had been repeatedly violated by the Kiev regime."

    assert stances(run(text)) == [{"energy-strikes": "neutral"}]


def test_the_odds_of_a_deal_told_are_neutral(run):
    text = "Kallas said a deal on the frozen Russian assets before the summit was unlikely."

    assert stances(run(text)) == [{"frozen-assets": "neutral"}]


def test_work_said_to_be_moving_slowly_is_a_progress_report(run):
    text = "Zelenskyy said the prisoner exchanges were moving slowly but steadily."

    assert stances(run(text)) == [{"prisoner-exchange": "neutral"}]


def test_a_tally_of_the_other_sides_attacks_told_as_a_fact_is_neutral(run):
    text = "Sybiha said Russia had fired 300 missiles at power plants since the energy truce began."

    assert stances(run(text)) == [{"energy-strikes": "neutral"}]


def test_the_other_side_is_violating_the_truce_backs_the_truce(run):
    text = "“Russia is violating the energy moratorium every night,” Zelenskyy said."

    assert stances(run(text)) == [{"energy-strikes": "supports"}]


def test_the_other_side_constantly_violating_the_truce_is_a_record_of_its_conduct(run):
    text = (
        "“The Ukrainian side is constantly violating the energy moratorium, and we are recording all of these "
        "violations,” Peskov said."
    )

    assert stances(run(text)) == [{"energy-strikes": "neutral"}]
