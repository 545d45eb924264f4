"""Cue phrases of news prose that name an issue without its usual words."""

from datetime import date

from negotiations.extraction import extract


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_bringing_everyone_home_is_the_prisoner_exchange(run):
    text = "“We will not stop until we bring everybody home,” Zelenskyy said."

    assert list(stances(run(text))[0]) == ["prisoner-exchange"]


def test_behind_the_line_of_contact_is_a_place_not_the_land_question(run):
    text = "Macron said the reassurance force would stay well behind any line of contact."

    assert "territory" not in stances(run(text))[0]


def test_stationed_names_the_troops_when_the_sentence_before_names_the_force(run):
    text = (
        "Macron said sanctions on Russia would stay. He said the reassurance force was ready. "
        "“British units would be stationed near Lviv,” he said."
    )

    assert stances(run(text))[-1] == {"peacekeepers": "supports"}


def test_guaranteeing_a_ceasefire_is_the_guarantees_issue_not_the_truce(run):
    text = "Merz said Germany would take part in guaranteeing a ceasefire."

    assert list(stances(run(text))[0]) == ["security-guarantees"]


def test_collecting_the_bodies_on_the_battlefield_is_no_handover(run):
    text = "Peskov said Russia had offered a local truce so that both armies could collect the bodies of their dead."

    assert list(stances(run(text))[0]) == ["ceasefire"]


def test_an_issue_named_only_in_the_reason_for_another_is_not_tagged(run):
    text = "“We want to join NATO because only the alliance gives real security guarantees,” Zelenskyy said."

    assert list(stances(run(text))[0]) == ["nato-membership"]


def test_a_fragment_takes_no_issue_from_the_next_reported_clause(run):
    text = (
        "Zelenskyy said that a 20-point peace framework drafted with American negotiators over the past month was "
        "“90 percent agreed,” and that security guarantees were nearly finished."
    )

    found = [s for s in run(text) if s.quote.startswith("90 percent agreed")]

    assert stances(found) == [{"peace-plan": "neutral"}]


def test_a_short_fragment_takes_no_issue_from_an_excluded_cue_of_its_sentence(run):
    text = "Macron said European troops, to be deployed after a ceasefire, were “ready to go”."

    found = [s for s in run(text) if s.quote.startswith("ready to go")]

    assert stances(found) == [{"peacekeepers": "supports"}]


def test_after_a_meeting_with_zelensky_dates_the_words_and_is_no_summit(run):
    text = (
        "Trump said Ukraine and Russia were “closer than ever” to ending the war, after a meeting with "
        "President Volodymyr Zelensky at Mar-a-Lago."
    )

    assert "leaders-meeting" not in stances(run(text))[0]


def test_a_truce_along_the_front_line_is_where_it_runs_not_the_land_question(run):
    text = "Sybiha said Kyiv would accept a truce along the current front line from Monday."

    assert stances(run(text))[0] == {"ceasefire": "supports"}


def test_a_frozen_conflict_is_the_war_not_the_frozen_assets(run):
    text = (
        "EU leaders met in Brussels on the immobilised Russian assets. "
        "Lavrov said some capitals were weighing a frozen conflict without any treaty."
    )

    assert "frozen-assets" not in stances(run(text))[-1]


def test_one_foreign_soldier_or_foreign_personnel_are_the_troops(run):
    text = "Peskov said any French soldier in Ukraine would be a legitimate target."

    assert "peacekeepers" in stances(run(text))[0]


def test_guarantors_of_a_future_settlement_are_the_guarantees(run):
    text = "Wang said Beijing could be one of the guarantors of a lasting peace settlement."

    assert "security-guarantees" in stances(run(text))[0]


def test_attacks_on_russian_oil_refineries_are_the_energy_war_not_sanctions(demo_registry):
    # The demo codebook has "Russian oil" as a cue word of sanctions.
    text = "Peskov said Moscow wanted Kyiv to stop its attacks on Russian oil refineries."
    statements = extract(text, published=date(2026, 1, 30), registry=demo_registry)

    assert "sanctions" not in stances(statements)[0]


def test_children_taken_to_occupied_territories_are_a_place_not_the_land_question(run):
    text = (
        "Lubinets said 40 children taken to Russian-occupied territories had been returned to their families."
    )

    assert "territory" not in stances(run(text))[0]


def test_a_promise_to_defend_ukraine_if_attacked_is_a_security_guarantee(run):
    text = "Sybiha said Kyiv wanted Washington to pledge to defend Ukraine if Russia attacked it again."

    assert list(stances(run(text))[0]) == ["security-guarantees"]


def test_a_written_commitment_is_a_security_guarantee(run):
    text = "Sybiha said the draft still lacked a written American commitment."

    assert list(stances(run(text))[0]) == ["security-guarantees"]


def test_in_particular_before_an_issue_is_no_place(run):
    text = (
        "Umerov said the next round would take up the hardest questions, in particular territorial questions "
        "and the Zaporizhzhia nuclear plant."
    )

    assert set(stances(run(text))[0]) == {"territory", "nuclear-plant"}


def test_offering_to_host_talks_under_a_headline_on_the_leaders_meeting_is_that_meeting(run):
    text = (
        "Rome offers venue for Putin-Zelenskyy meeting as EU weighs new sanctions\n\n"
        "Cardinal Pietro Parolin said on Thursday that the Holy See was available to host talks."
    )

    assert list(stances(run(text))[-1]) == ["leaders-meeting"]


def test_a_deal_on_the_front_line_is_about_the_line_not_a_place(run):
    text = (
        "EU keeps sanctions on Russia\n\n"
        "Umerov said on Friday that Ukraine would never cede the Donbas. “Guarantees matter only once there is "
        "a deal on the front line,” he said."
    )

    assert "territory" in stances(run(text))[-1]
