"""Issue tagging and stance, from the speaker's point of view on each issue's proposition."""

import re
from datetime import date

import pytest

from negotiations.extraction import extract
from negotiations.extraction.issues import pattern_heads


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_a_statement_on_no_issue_has_none(run):
    assert stances(run("“The weather in Geneva was lovely,” Witkoff said.")) == [{}]


def test_support(run):
    text = "“We welcome the prisoner exchange and want more of them,” Zelenskyy said."

    assert stances(run(text)) == [{"prisoner-exchange": "supports"}]


def test_negation_makes_opposition(run):
    text = "“Ukraine will never join NATO, that is clear,” Peskov said."

    assert stances(run(text)) == [{"nato-membership": "opposes"}]


def test_rejection_cue_makes_opposition(run):
    text = "Lavrov rejected the deployment of European peacekeepers in Ukraine."

    assert stances(run(text)) == [{"peacekeepers": "opposes"}]


def test_condition_makes_conditional(run):
    text = "“We are ready for a ceasefire only if Russia stops its strikes too,” Zelenskyy said."

    assert stances(run(text)) == [{"ceasefire": "conditional"}]


def test_must_be_part_of_is_conditional(run):
    text = "Moscow has insisted that it must be part of any security framework for Ukraine."

    assert stances(run(text)) == [{"security-guarantees": "conditional"}]


def test_progress_report_is_neutral(run):
    text = "“We made progress on security guarantees, but there is more work,” Umerov said."

    assert stances(run(text)) == [{"security-guarantees": "neutral"}]


def test_a_meetings_mood_called_constructive_is_no_report_on_the_deal(run):
    text = "Peskov said on Thursday that the talks in Abu Dhabi had been constructive."

    assert stances(run(text)) == [{}]


def test_talks_called_productive_report_on_the_deal(run):
    text = "Witkoff said on Thursday that the talks in Abu Dhabi had been productive."

    assert stances(run(text)) == [{"peace-plan": "neutral"}]


def test_several_issues_in_one_statement(run):
    text = "“Sanctions must stay until Russia agrees to a ceasefire,” Kallas said."

    assert set(stances(run(text))[0]) == {"sanctions", "ceasefire"}


def test_lifting_sanctions_opposes_the_sanctions_proposition(run):
    text = "“The lifting of sanctions is necessary for any deal,” Dmitriev said."

    assert stances(run(text))[0]["sanctions"] == "opposes"


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        (r"(?<![\w-])(?:security guarantees?|truce)", {"securi", "truce"}),
        (r"(?<![\w-])(?:de-?escalation)", {"de-esc", "deesca"}),
        (r"(?<![\w-])(?:us\s+plan)", {"us pla"}),
        (r"(?<![\w-])(?:[a-z]+ plan)", None),
    ],
)
def test_issue_cue_heads_are_read_from_the_pattern(pattern, heads):
    found = pattern_heads(re.compile(pattern), 6)

    assert (set(found) if found is not None else None) == heads


def test_a_number_of_digits_gives_heads_of_its_first_digits():
    found = pattern_heads(re.compile(r"(?<![\w-])(?:\d+-point plan)"), 6)

    assert {"28", "5-poin"} <= found
    assert all(head[0].isdigit() for head in found)


def test_issue_scanner_finds_what_a_full_scan_finds(registry):
    text = (
        "president zelenskyy said security guarantees and a ceasefire, an energy truce, the 28-point plan, "
        "frozen russian assets, sanctions relief and a prisoner swap were discussed; nato membership and "
        "the zaporizhzhia nuclear power plant were not. the donbas and elections, a summit of leaders."
    )
    spans = registry.issue_scanner.scan(text)

    for issue in registry.issue_patterns:
        for kind in ("strong", "weak"):
            pattern = getattr(issue, kind)
            expected = [m.span() for m in pattern.finditer(text)] if pattern is not None else []
            assert spans.spans.get((issue.issue.slug, kind), []) == expected, (issue.issue.slug, kind)


def test_the_other_side_refusing_means_the_speaker_backs_it(run):
    text = "“Today, Putin effectively rejected the proposal for a full ceasefire,” Zelenskyy said."

    assert stances(run(text)) == [{"ceasefire": "supports"}]


def test_reciprocal_offer_is_conditional(run):
    text = "“If Russia does not strike our energy infrastructure, we will not strike theirs,” Zelenskyy said."

    assert stances(run(text))[0]["energy-strikes"] == "conditional"


def test_rejection_beats_the_word_condition(run):
    text = "Lavrov rejected the security guarantees, a central condition for the deal."

    assert stances(run(text)) == [{"security-guarantees": "opposes"}]


def test_complete_readiness_is_support(run):
    text = "Zelenskyy had said that a US document on security guarantees was “100% ready”."

    assert stances(run(text)) == [{"security-guarantees": "supports"}]


def test_weak_cue_takes_the_topic_of_the_paragraph(run):
    text = (
        "Talks on security guarantees resumed in Berlin.\n\n"
        "“What the United States has offered in terms of legal guarantees is remarkable,” Umerov said."
    )

    assert "security-guarantees" in stances(run(text))[0]


def test_issue_scanner_matches_full_scans_on_the_gold_texts(registry):
    import json
    from pathlib import Path

    from negotiations.extraction.text import fold

    gold = Path(__file__).resolve().parent / "gold"
    for path in sorted(gold.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            lower = fold(json.loads(line)["text"]).lower()
            spans = registry.issue_scanner.scan(lower)
            for issue in registry.issue_patterns:
                for kind in ("strong", "weak"):
                    pattern = getattr(issue, kind)
                    expected = [m.span() for m in pattern.finditer(lower)] if pattern is not None else []
                    assert spans.spans.get((issue.issue.slug, kind), []) == expected, (
                        path.name,
                        issue.issue.slug,
                    )


def test_rejecting_one_form_while_insisting_on_swaps_is_conditional(run):
    text = "Ukraine wants an all-for-all exchange. Moscow has rejected the idea, insisting on swaps in agreed batches."

    assert stances(run(text))[-1] == {"prisoner-exchange": "conditional"}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("“Nobody will redraw the borders of Europe,” Macron said.", "territory"),
        ("“We will not reward the aggressor with our land,” Zelenskyy said.", "territory"),
        ("“Moscow would accept a freeze along the current front line,” Peskov said.", "ceasefire"),
        ("“Any tripwire force needs American backing,” Starmer said.", "peacekeepers"),
        ("“A stabilisation force is ready,” Macron said.", "peacekeepers"),
        ("“Our troops would go in after a ceasefire,” Macron said.", "peacekeepers"),
        ("“Russian sovereign assets must pay for the damage,” Kallas said.", "frozen-assets"),
        ("“The immobilised central bank reserves stay frozen,” Kallas said.", "frozen-assets"),
        ("“Every mother wants her child back home,” Zelenskyy said.", "prisoner-exchange"),
        ("“We handed over lists of the missing children,” Zelenskyy said.", "prisoner-exchange"),
    ],
)
def test_news_wording_of_an_issue_is_tagged(run, text, slug):
    assert slug in stances(run(text))[-1]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # A weak cue counts where the issue is named around it.
        (
            "“Sanctions must stay,” Kallas said. “Every missile is paid for with oil money,” she added.",
            "sanctions",
        ),
        (
            "“The EU should use the frozen assets,” Kallas said. “The loans would go to Kyiv,” she added.",
            "frozen-assets",
        ),
        (
            "“A ceasefire must hold,” Macron said. “Any monitoring mission must include Europeans,” he added.",
            "ceasefire",
        ),
        (
            "“Talks on territory go on,” Umerov said. “The front line is where the map stops,” he added.",
            "territory",
        ),
        (
            "“Kyiv is ready for an energy truce,” Sybiha said. “Critical infrastructure must be spared,” he added.",
            "energy-strikes",
        ),
        ("“Peacekeepers will come,” Macron said. “Boots will follow words,” he added.", "peacekeepers"),
        (
            "“The Zaporizhzhia nuclear plant is occupied,” Sybiha said. “Russia cannot run the plant,” he added.",
            "nuclear-plant",
        ),
    ],
)
def test_weak_news_wording_counts_beside_a_strong_cue(run, text, slug):
    assert slug in stances(run(text))[-1]


def test_territory_named_as_the_main_sticking_point_is_tagged(run):
    text = "Keller said the main difference between the parties — territory — had not moved at all."

    assert stances(run(text)) == [{"territory": "neutral"}]


def test_not_against_a_meeting_at_the_highest_level_but_is_conditional(run):
    text = (
        "“A meeting of Putin and Zelenskyy is possible,” Peskov said. “We are not against meetings at the highest "
        "level, but such a meeting must crown the work, not replace it,” he added."
    )

    assert stances(run(text))[-1] == {"leaders-meeting": "conditional"}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("“Europe must pay for Ukraine's long-term security,” Macron said.", "security-guarantees"),
        ("“We want a mutual defence clause,” Zelenskyy said.", "security-guarantees"),
        ("“Kyiv is ready for an energy moratorium,” Sybiha said.", "energy-strikes"),
        ("“The 20th package is ready,” Kallas said.", "sanctions"),
        ("“We agreed on a 1,000 for 1,000 exchange,” Zelenskyy said.", "prisoner-exchange"),
        ("“NATO's open-door policy stays,” Rutte said.", "nato-membership"),
        ("“Any troop presence is a threat,” Peskov said.", "peacekeepers"),
        ("“A meeting at the level of leaders is possible,” Peskov said.", "leaders-meeting"),
        ("“The Witkoff plan is a basis,” Dmitriev said.", "peace-plan"),
    ],
)
def test_more_news_wording_of_an_issue_is_tagged(run, text, slug):
    assert slug in stances(run(text))[-1]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "“The prisoner exchange goes on,” Lubinets said. “The deported must come home,” he added.",
            "prisoner-exchange",
        ),
        (
            "“Territorial questions are open,” Umerov said. “We will never accept the annexation,” he added.",
            "territory",
        ),
        (
            "“Elections in Ukraine are possible,” Zelenskyy said. “Martial law must end first,” he added.",
            "elections",
        ),
        (
            "“Ukraine will join NATO one day,” Sybiha said. “Membership is our goal,” he added.",
            "nato-membership",
        ),
        (
            "“Security guarantees are needed,” Macron said. “They must deter Russia,” he added.",
            "security-guarantees",
        ),
    ],
)
def test_more_weak_news_wording_counts_beside_a_strong_cue(run, text, slug):
    assert slug in stances(run(text))[-1]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("“The European counter-proposal is a basis,” Sybiha said.", "peace-plan"),
        ("“We want a cessation of fire at once,” Zelenskyy said.", "ceasefire"),
        ("“Troops from European countries would be a target,” Peskov said.", "peacekeepers"),
    ],
)
def test_counter_proposals_cessation_of_fire_and_troops_from_european_countries(run, text, slug):
    assert slug in stances(run(text))[-1]


def test_substations_beside_an_energy_truce_are_the_energy_issue(run):
    text = "“Kyiv is ready for an energy truce,” Sybiha said. “Substations must be spared,” he added."

    assert "energy-strikes" in stances(run(text))[-1]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("“Ukraine will not leave the Donetsk oblast,” Zelenskyy said.", "territory"),
        ("“We are ready for a cease fire,” Zelenskyy said.", "ceasefire"),
        ("“Our Euro-Atlantic integration continues,” Sybiha said.", "nato-membership"),
    ],
)
def test_oblast_cease_fire_and_euro_atlantic_wording(run, text, slug):
    assert slug in stances(run(text))[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will not give away a single village,” Zelenskyy said.", {"territory": "opposes"}),
        ("“Kyiv must accept the realities on the ground,” Peskov said.", {"territory": "supports"}),
    ],
)
def test_land_named_without_the_word_territory(run, text, expected):
    assert stances(run(text)) == [expected]


def test_naming_an_issue_as_the_key_question_takes_no_side(run):
    assert stances(run("“The question of Donbas is key,” Zelenskyy said.")) == [{"territory": "neutral"}]


def test_calling_a_proposal_key_to_a_deal_backs_it(run):
    text = "“Security guarantees are key to any deal,” Zelenskyy said."

    assert stances(run(text)) == [{"security-guarantees": "supports"}]


def test_still_different_positions_is_a_report(run):
    text = "Zelenskyy said the sides still had different positions on territory."

    assert stances(run(text)) == [{"territory": "neutral"}]


def test_troops_treated_as_targets_is_a_threat_against_them(run):
    text = "Lavrov said any Western troops deployed to Ukraine would be treated as targets."

    assert stances(run(text)) == [{"peacekeepers": "opposes"}]


def test_an_issue_named_after_but_belongs_to_the_other_clause(run):
    text = (
        "Lavrov also said Russia had never objected to Ukraine joining the European Union, but had always "
        "opposed its membership of NATO. The sanctions and the frozen assets were raised too."
    )

    assert stances(run(text))[0] == {}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("“A ceasefire is possible when the root of the conflict is removed,” Lavrov said.", "ceasefire"),
        ("“Elections will be possible once martial law ends,” Zelenskyy said.", "elections"),
    ],
)
def test_possible_when_names_a_condition(run, text, slug):
    assert stances(run(text)) == [{slug: "conditional"}]


def test_refusing_an_extension_of_the_leaders_powers_calls_for_elections(run):
    text = (
        "Lavrov questioned the Ukrainian leader's legitimacy in the election dispute, saying the constitution "
        "did not allow the president's powers to be extended."
    )

    assert stances(run(text)) == [{"elections": "supports"}]


def test_the_pause_under_talk_of_the_energy_truce_is_the_energy_issue(run):
    text = (
        "Moscow and Kyiv agreed to an energy truce on Monday.\n\n"
        "“Our engineers will respect the pause,” Sybiha said."
    )

    assert "energy-strikes" in stances(run(text))[-1]
    assert "ceasefire" not in stances(run(text))[-1]


def test_restraint_of_ones_own_strikes_among_victims_words_is_the_energy_issue(run):
    text = (
        "EU readies new sanctions on Russia\n\n"
        "Brussels will discuss sanctions on Russian banks and a price cap on oil. Ministers meet in Luxembourg.\n\n"
        "“We have shown restraint, but if Moscow keeps hitting our power stations, we will answer in kind,” "
        "Zelenskyy said."
    )

    assert list(stances(run(text))[-1]) == ["energy-strikes"]


def test_a_halt_of_something_else_beside_the_energy_truce_stays_as_it_was(run):
    text = (
        "Moscow and Kyiv agreed to an energy truce on Monday.\n\n"
        "“A complete halt to arms deliveries is what we need,” Peskov said."
    )

    assert "energy-strikes" not in stances(run(text))[-1]


def test_the_moratorium_under_talk_of_the_energy_truce_is_the_energy_issue(demo_registry):
    # The demo codebook has "moratorium" as a cue word of the general ceasefire.
    text = (
        "Energy truce holds for a week\n\n"
        "Delegations met in Abu Dhabi on Monday. Peskov spoke to reporters in Moscow on Tuesday.\n\n"
        "He was calm. “If Kyiv attacks, the moratorium will end,” he said."
    )

    assert "energy-strikes" in stances(extract(text, published=date(2026, 1, 30), registry=demo_registry))[-1]


def test_an_arrangement_sparing_civilian_infrastructure_is_a_halt_not_an_attack(run):
    text = (
        "China welcomes energy truce\n\n"
        "“We back any arrangement that spares civilians and civilian infrastructure,” Lin Jian said."
    )

    assert "energy-strikes" in stances(run(text))[0]


def test_reducing_harm_is_no_judgement_against_the_issue(run):
    text = "“We back any energy truce that reduces harm to civilians,” Lin Jian said."

    assert stances(run(text))[0]["energy-strikes"] == "supports"


def test_the_pause_extended_into_a_full_ceasefire_names_both_truces(run):
    text = (
        "Energy truce holds for a week\n\n"
        "Delegations met in Abu Dhabi on Monday.\n\n"
        "Sybiha said Kyiv wanted the pause extended into a full ceasefire."
    )

    assert set(stances(run(text))[-1]) == {"energy-strikes", "ceasefire"}


def test_keeping_the_lights_on_under_talk_of_the_energy_truce_is_the_energy_issue(run):
    text = "Energy truce holds for a week\n\n“We have kept the lights on for a month,” Shmyhal said."

    assert "energy-strikes" in stances(run(text))[-1]


def test_a_dash_after_the_statement_spells_out_its_issues(run):
    text = (
        "Sybiha said Kyiv had drafted a counter-proposal for the next round of talks in the Gulf later this month"
        " — a prisoner exchange of all for all. Moscow again ruled out a ceasefire."
    )

    assert "prisoner-exchange" in stances(run(text))[0]


def test_with_after_the_statement_adds_its_issue(run):
    text = (
        "Kallas said the ministers had agreed a new text for the summit after a long night of hard bargaining in"
        " Brussels, with firm wording on frozen Russian assets. Hungary again threatened to veto the sanctions."
    )

    assert "frozen-assets" in stances(run(text))[0]


def test_a_separate_clause_after_the_statement_adds_no_issue(run):
    text = (
        "Kallas said the ministers had agreed a new text for the summit after a long night of hard bargaining in"
        " Brussels, while Belgium held out on frozen Russian assets. Hungary again threatened to veto the sanctions."
    )

    assert "frozen-assets" not in stances(run(text))[0]


def test_that_opening_reported_words_does_not_point_back(run):
    text = (
        "Kyiv and Moscow traded accusations over the prisoner exchange and the frozen Russian assets on Monday."
        " Peskov denied that Russian officials had delayed anything at all."
    )

    assert stances(run(text))[-1] == {}


def test_that_as_a_pronoun_points_back_to_the_issue_named_before(run):
    text = (
        "Kyiv and Moscow traded accusations over the prisoner exchange and the frozen Russian assets on Monday."
        " “That is out of the question,” Peskov said."
    )

    assert set(stances(run(text))[-1]) == {"frozen-assets"}
