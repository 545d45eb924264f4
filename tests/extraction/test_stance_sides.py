"""Whose side a speaker is on: unnamed sources speak for the side their description names; a speaker of no
side (an analyst, an outlet) reports unless its words take a side."""

from datetime import date

from negotiations.extraction import Registry, extract
from negotiations.extraction.issues import PRIVATE, side_of_unnamed


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_an_unnamed_official_speaks_for_the_side_the_description_names():
    assert side_of_unnamed("unnamed senior Ukrainian official") == "ukraine"
    assert side_of_unnamed("unnamed source close to the Kremlin") == "russia"
    assert side_of_unnamed("unnamed White House official") == "united-states"
    assert side_of_unnamed("unnamed EU diplomats") == "european-union"


def test_the_first_side_named_is_the_speakers_own():
    assert side_of_unnamed("unnamed US official briefed on the Russian position") == "united-states"


def test_a_description_naming_no_side_gives_none():
    assert side_of_unnamed("unnamed people familiar with the talks") == ""
    assert side_of_unnamed("unnamed Western diplomats") == ""


def test_an_unnamed_officials_own_capital_wanting_something_is_its_stance(run):
    text = "A senior Ukrainian official told reporters that Kyiv wanted an all-for-all prisoner swap before the winter."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_an_analyst_telling_what_happened_is_neutral(run):
    text = "Pavel Novak, an economist at the Vienna Institute, said Russia's economy had slowed sharply under Western sanctions."

    assert stances(run(text)) == [{"sanctions": "neutral"}]


def test_an_analyst_saying_what_should_happen_takes_a_side(run):
    text = "Pavel Novak, an economist at the Vienna Institute, said Europe should tighten sanctions on Russian oil."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_a_diplomat_of_no_side_forecasting_is_neutral(run):
    text = "A Western diplomat said sanctions on Russian banks would be extended in March."

    assert stances(run(text)) == [{"sanctions": "neutral"}]


def test_the_nuclear_watchdog_telling_what_happened_is_neutral():
    text = (
        "IAEA Director General Rafael Grossi said the Zaporizhzhia nuclear plant had lost its last external "
        "power line on Tuesday."
    )

    statements = extract(text, published=date(2026, 1, 30), registry=Registry.from_demo_data())

    assert stances(statements) == [{"nuclear-plant": "neutral"}]


def test_a_pollster_reporting_what_others_oppose_is_neutral(run):
    text = "Pollster Anton Hrushetsky said most Ukrainians opposed holding elections during the war."

    assert stances(run(text)) == [{"elections": "neutral"}]


def test_an_analyst_wanting_something_in_the_first_person_takes_a_side(run):
    text = "“We want the sanctions to stay until Russia pays,” said Pavel Novak, an economist in Vienna."

    assert stances(run(text))[0]["sanctions"] != "neutral"


def test_an_analysts_if_is_a_forecast_not_a_condition(run):
    text = "“If the talks collapse in the spring, the sanctions will simply stay where they are,” said Pavel Novak, an economist in Vienna."

    assert stances(run(text)) == [{"sanctions": "neutral"}]


def test_a_partys_if_is_still_a_condition(run):
    text = (
        "“If the talks collapse in the spring, the sanctions will simply stay where they are,” Peskov said."
    )

    assert stances(run(text)) == [{"sanctions": "conditional"}]


def test_a_plain_said_lends_the_words_no_side_so_the_speakers_known_position_holds(run):
    text = "Zakharova said the sanctions had cost European companies billions of euros."

    assert stances(run(text)) == [{"sanctions": "opposes"}]


def test_russias_known_line_on_a_truce_before_a_settlement_is_against_it(run):
    text = "“A ceasefire is exactly what the Kiev regime is counting on,” Zakharova said."

    assert stances(run(text)) == [{"ceasefire": "opposes"}]


def test_a_speaker_of_no_side_saying_we_need_something_takes_a_side(run):
    text = "“We need the energy truce to be permanent,” said Olha Marchenko, a teacher in Kharkiv."

    assert stances(run(text)) == [{"energy-strikes": "supports"}]


def test_a_speaker_of_no_side_who_said_it_welcomed_something_takes_a_side(run):
    text = "The Red Cross said it welcomed every prisoner exchange that brings soldiers home."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_a_private_person_the_registry_does_not_know_speaks_for_themselves(run):
    text = (
        "“Ceding territory to Moscow is not peace. Nobody here will accept it,” said Halyna Petrenko, 63, "
        "a pensioner in Kramatorsk."
    )

    assert stances(run(text)) == [{"territory": "opposes"}]


def test_a_commentator_the_registry_does_not_know_reports(run):
    text = "Pavlo Denysenko, a political analyst at a Kyiv think tank, said the ceasefire could hold through spring."

    assert stances(run(text)) == [{"ceasefire": "neutral"}]


def test_an_office_holder_the_registry_does_not_know_speaks_for_the_state_named(run):
    text = (
        "Anna Lindgren, the Finnish foreign minister, said the frozen Russian assets were a European matter."
    )

    assert stances(run(text)) == [{"frozen-assets": "supports"}]


def test_a_retired_officer_the_registry_does_not_know_speaks_as_an_analyst(run):
    text = "Retired Major General Tom Aldridge said the troops would deploy if a ceasefire held."

    assert stances(run(text))[0]["peacekeepers"] == "neutral"


def test_judging_the_other_sides_conduct_keeps_the_sides_own_demand(run):
    text = "“Every violation by Moscow needs an answer, and that answer is sanctions,” Sybiha said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_naming_the_other_sides_aggression_does_not_turn_a_call_for_sanctions(run):
    text = "“Russian aggression will not stop by itself. The only language the Kremlin understands is sanctions,” Sybiha said."

    assert stances(run(text)) == [{"sanctions": "supports"}]


def test_an_unnamed_resident_speaks_for_themselves():
    assert side_of_unnamed("unnamed residents") == PRIVATE
    assert side_of_unnamed("unnamed woman in Kramatorsk") == PRIVATE


def test_unnamed_residents_refusing_to_believe_in_a_land_deal_take_a_side(run):
    text = "Residents of Kramatorsk said they did not believe the talk of a demilitarised zone in Donbas."

    assert stances(run(text)) == [{"territory": "opposes"}]
