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
