"""Stance read from the grammar around an issue: which words a negation, a condition or a contrast governs."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_a_negation_inside_a_relative_clause_after_the_issue_governs_that_clause(run):
    text = "“We cannot hand over land that does not belong to us,” Zelenskyy said."

    assert stances(run(text)) == [{"territory": "opposes"}]


def test_not_ruling_something_out_is_a_guarded_yes(run):
    text = "Peskov said the Kremlin did not rule out a meeting between Putin and Zelenskyy."

    assert stances(run(text)) == [{"leaders-meeting": "conditional"}]


def test_not_being_against_something_is_a_guarded_yes(run):
    text = "Lavrov said Moscow was not against discussing the frozen assets."

    assert stances(run(text)) == [{"frozen-assets": "conditional"}]


def test_a_negated_rejecting_cue_is_a_guarded_yes(run):
    text = "Rubio said the talks were hard. He didn't rule out easing some sanctions."

    assert stances(run(text))[-1] == {"sanctions": "conditional"}


def test_a_negation_elsewhere_before_a_rejecting_cue_leaves_the_rejection(run):
    text = (
        "Asked whether Kyiv had changed course, Sybiha said it had not, and Ukraine rejected ceding any land."
    )

    assert stances(run(text))[-1] == {"territory": "opposes"}


def test_an_if_clause_stating_a_goal_is_no_condition(run):
    text = "“If we want peace, we need tougher sanctions on Russia,” Kallas said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_what_the_other_side_wants_inside_an_if_clause_is_no_report(run):
    text = (
        "“If Moscow wants to prove it is serious, let it begin with an exchange of prisoners,” Umerov said."
    )

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_an_if_clause_on_the_other_sides_conduct_stays_a_condition(run):
    text = "“We will agree to a ceasefire if Russia stops its attacks,” Zelenskyy said."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_a_word_of_ending_before_a_comma_does_not_lift_the_sanctions_after_it(run):
    text = "“If we want this war to end, we need tougher sanctions on Russia,” Kallas said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_what_the_other_party_is_threatened_for_not_doing_is_demanded(run):
    text = "Trump said he would impose tariffs on Moscow if Putin did not agree to a ceasefire by the summer."

    assert stances(run(text))[0]["ceasefire"] == "supports"


def test_what_is_overcome_after_despite_is_not_a_judgement_of_the_issue(run):
    text = "“We have kept the energy truce despite dangerous provocations,” Sybiha said."

    assert stances(run(text)) == [{"energy-strikes": "supports"}]


def test_only_on_paper_is_a_complaint_not_terms(run):
    text = "“The energy truce exists only on paper,” Zelenskyy said."

    assert stances(run(text)) == [{"energy-strikes": "supports"}]


def test_not_being_found_wanting_is_a_pledge_not_a_negation(run):
    text = "“When the peacekeeping mission comes, we are not going to be found wanting,” Macron said."

    assert stances(run(text)) == [{"peacekeepers": "supports"}]


def test_a_negation_repeated_in_the_next_sentence_does_not_cancel_the_first(run):
    text = (
        "Kyiv rejects calls to hand Donbas to Russia\n\n"
        "Ukraine will not give up the Donbas region, officials in Kyiv said on Monday.\n\n"
        "“Nobody consulted us. Nobody ever consults us,” said Olena Kovalenko, a teacher in Kramatorsk."
    )

    assert stances(run(text))[-1] == {"territory": "opposes"}
