"""Who said it: cue verbs before and after, pronouns, institutions and capitals, anonymous and unknown."""

import itertools
from datetime import date

import pytest

from negotiations.extraction import extract
from negotiations.extraction.mentions import find_mentions
from negotiations.extraction.text import fold
from tests.extraction.conftest import PUBLISHED


def first(statements, kind=None):
    chosen = [s for s in statements if kind is None or s.kind == kind]
    assert chosen, "no statement found"
    return chosen[0]


def test_paraphrase_with_said_that(run):
    statement = first(run("Lavrov said on Thursday that the guarantees were meant to preserve the regime."))

    assert (statement.speaker_name, statement.kind) == ("Sergey Lavrov", "paraphrase")
    assert statement.quote == "the guarantees were meant to preserve the regime"


def test_paraphrase_with_a_stance_verb(run):
    statement = first(run("Zelenskyy rejected any withdrawal from the Donbas region."))

    assert (statement.speaker_name, statement.quote) == (
        "Volodymyr Zelenskyy",
        "any withdrawal from the Donbas region",
    )


def test_according_to_names_the_speaker(run):
    statement = first(run("According to Ushakov, the meeting in Moscow lasted five hours."))

    assert statement.speaker_name == "Yuri Ushakov"
    assert statement.quote.startswith("the meeting in Moscow lasted five hours")


def test_he_said_resolves_to_the_person_named_before(run):
    text = "Peskov spoke to reporters in Moscow.\n\n“There is no date for a new round of talks yet,” he said."

    assert first(run(text), "direct").speaker_name == "Dmitry Peskov"


def test_she_said_skips_a_man_named_in_between(run):
    text = (
        "Kallas met Rubio in Brussels on Tuesday.\n\n"
        "“Europe must be at the table when Ukraine’s future is decided,” she said."
    )

    assert first(run(text), "direct").speaker_name == "Kaja Kallas"


def test_the_kremlin_speaks_as_itself(run):
    statement = first(run("The Kremlin said the proposals needed careful study."))

    assert statement.speaker_name == "Kremlin"


def test_a_capital_speaks_for_its_state(run):
    statement = first(run("Moscow has insisted that it must be part of any security framework for Ukraine."))

    assert statement.speaker_name == "Russia"
    assert statement.quote == "it must be part of any security framework for Ukraine"


def test_anonymous_source_is_kept_and_marked(run):
    statement = first(run("A senior US official told reporters the two leaders were close to meeting."))

    assert statement.anonymous is True
    assert statement.speaker_name.startswith("unnamed")
    assert statement.actor_slug is None


def test_unknown_person_is_kept_with_the_name_in_the_text(run):
    statement = first(run("“We will keep the corridor open,” said Ahmed Al-Mansouri, a Gulf mediator."))

    assert statement.speaker_name == "Ahmed Al-Mansouri"
    assert statement.actor_slug is None


def test_quote_after_a_colon_sentence_takes_its_speaker(run):
    text = "Peskov told reporters on Friday:\n\n“The dialogue with Washington continues.”"

    assert first(run(text), "direct").speaker_name == "Dmitry Peskov"


def test_narration_of_actions_is_not_a_statement(run):
    assert run("Witkoff flew to Moscow on Thursday and met Putin for five hours.") == []


def test_second_cue_coordinated_with_the_first_is_its_own_statement(run):
    text = "Zelenskyy said Kyiv would support a pause in attacks, and insisted that Ukraine would not stop first."
    statements = run(text)

    assert [(s.speaker_name, s.quote) for s in statements] == [
        ("Volodymyr Zelenskyy", "Kyiv would support a pause in attacks"),
        ("Volodymyr Zelenskyy", "Ukraine would not stop first"),
    ]


def test_a_second_cue_after_and_he_is_its_own_statement(run):
    text = "Peskov told reporters that the pause had been agreed in Abu Dhabi, and he warned that it could end soon."

    assert [(s.speaker_name, s.quote) for s in run(text)] == [
        ("Dmitry Peskov", "the pause had been agreed in Abu Dhabi"),
        ("Dmitry Peskov", "it could end soon"),
    ]


def test_made_it_very_clear_reports_words(run):
    text = "Zelenskyy made it very clear that the pause would hold only as long as Russia keeps its word."

    assert first(run(text)).quote == "the pause would hold only as long as Russia keeps its word"


def test_and_they_without_a_cue_goes_on_with_the_report(run):
    text = "Rubio said the talks were productive, and they will continue next week in Geneva."

    assert [s.quote for s in run(text)] == [
        "the talks were productive, and they will continue next week in Geneva"
    ]


def test_coordinated_said_takes_the_subject_of_the_sentence(run):
    statements = run("Zelenskyy thanked the mediators and said Ukraine was ready for more talks.")

    assert [(s.speaker_name, s.quote) for s in statements] == [
        ("Volodymyr Zelenskyy", "thanked the mediators"),  # a short object keeps its verb
        ("Volodymyr Zelenskyy", "Ukraine was ready for more talks"),
    ]


def test_trailing_attribution_with_event_details(run):
    statement = first(
        run("Talks will resume next week in Geneva, Peskov told reporters in Moscow on Wednesday.")
    )

    assert (statement.speaker_name, statement.quote) == (
        "Dmitry Peskov",
        "Talks will resume next week in Geneva",
    )


def test_introductory_phrase_before_the_subject_is_not_the_content(run):
    text = "Speaking to reporters on Tuesday, Trump said Europe should take the lead."
    statement = first(run(text))

    assert (statement.speaker_name, statement.quote) == ("Donald Trump", "Europe should take the lead")


def test_the_unnamed_official_said_refers_back_to_the_unnamed_source(run):
    text = (
        "A senior US official said the delegations had discussed monitoring. "
        "The official said the Russian side had engaged seriously."
    )
    statements = run(text)

    assert [s.speaker_name for s in statements] == ["unnamed senior US official"] * 2
    assert all(s.anonymous for s in statements)


def test_quote_after_a_sentence_whose_subject_is_a_person(run):
    text = "Maria Zakharova went further. “Any attempt to seize Russian property will not go unanswered.”"

    assert first(run(text), "direct").speaker_name == "Maria Zakharova"


def test_naming_verb_before_a_speakers_words_makes_a_direct_quote(run):
    statement = first(run("Kallas called the plan “a recipe for capitulation”."))

    assert (statement.kind, statement.speaker_name, statement.quote) == (
        "direct",
        "Kaja Kallas",
        "a recipe for capitulation",
    )


def test_clause_after_a_quoted_fragment_is_a_paraphrase(run):
    text = "Kallas said the move was “an important first step” but that a full ceasefire must follow."

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("direct", "an important first step"),
        ("paraphrase", "a full ceasefire must follow"),
    ]


def test_but_he_added_that_after_a_quoted_fragment_is_a_paraphrase(run):
    text = "Lavrov said Russia “values the mediation of Turkey,” but he added that new mediators were not needed."

    assert [(s.kind, s.speaker_name, s.quote) for s in run(text)] == [
        ("direct", "Sergey Lavrov", "values the mediation of Turkey,"),
        ("paraphrase", "Sergey Lavrov", "new mediators were not needed"),
    ]


def test_a_quotation_read_aloud_after_quote_is_only_the_direct_fragment(run):
    text = (
        "Peskov told reporters that the pause had been agreed, quote, “at the request of our American "
        "partners,” and he warned that it could end at any moment."
    )

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("direct", "at the request of our American partners,"),
        ("paraphrase", "it could end at any moment"),
    ]


def test_subheading_copy_of_a_quote_is_not_a_second_statement(run):
    text = (
        "Peskov: ‘no date yet’\n\n"
        "“There is no date yet for a new round of talks,” Peskov told reporters on Friday."
    )

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("direct", "There is no date yet for a new round of talks,")
    ]


def test_dash_attribution_after_a_quote(run):
    assert first(run("“Nobody will dictate terms to Ukraine.” — Volodymyr Zelenskyy")).speaker_name == (
        "Volodymyr Zelenskyy"
    )


def test_called_for_states_a_position(run):
    statement = first(run("Zelenskyy called for a full ceasefire in the air and at sea."))

    assert (statement.kind, statement.quote) == ("paraphrase", "a full ceasefire in the air and at sea")


def test_a_relative_that_does_not_open_the_reported_clause(run):
    statement = first(run("Ushakov said the US plan contained provisions that suit Moscow."))

    assert statement.quote == "the US plan contained provisions that suit Moscow"


def test_no_statement_when_nothing_is_said(run):
    assert (
        run("The Kremlin has not commented on the report. Trump's envoy said nothing after the meeting.")
        == []
    )


def test_relative_clause_attribution_ends_at_its_comma(run):
    statement = first(run("Zelenskyy, who has said he will never cede land, met Merz in Berlin."))

    assert statement.quote == "he will never cede land"


def test_the_same_words_are_reported_once(run):
    text = (
        "Putin has ruled out a ceasefire before a final deal, according to officials familiar with the talks."
    )

    assert [(s.speaker_name, s.anonymous) for s in run(text)] == [
        ("unnamed officials familiar with the talks", True)
    ]


def test_quoted_as_saying(run):
    statement = first(
        run("Russian state media quoted Lavrov as saying that the West wanted to prolong the war.")
    )

    assert (statement.speaker_name, statement.quote) == (
        "Sergey Lavrov",
        "the West wanted to prolong the war",
    )


def test_outlet_citing_sources_reports_the_clause_after_the_citation(run):
    statement = first(
        run("Bloomberg reported, citing people familiar with the matter, that the EU was ready.")
    )

    assert (statement.speaker_name, statement.quote) == ("Bloomberg", "the EU was ready")


def test_long_appositive_between_the_speaker_and_the_cue(run):
    text = (
        "Rustem Umerov, the secretary of Ukraine’s National Security and Defense Council and the country’s "
        "chief negotiator, wrote on X on Monday that the two days of talks had produced real progress."
    )

    statement = first(run(text))

    assert (statement.speaker_name, statement.quote) == (
        "Rustem Umerov",
        "the two days of talks had produced real progress",
    )


def test_trailing_attribution_with_a_title_before_the_name(run):
    text = "The two sides did not reach a compromise on the territorial question, top Kremlin adviser Yuri Ushakov said."

    statement = first(run(text))

    assert (statement.speaker_name, statement.quote) == (
        "Yuri Ushakov",
        "The two sides did not reach a compromise on the territorial question",
    )


def test_quote_after_a_colon_belongs_to_the_subject_not_the_object_of_a_preposition(run):
    text = 'Peskov had a clear message for Kyiv: "The territorial question must be solved before any deal."'

    assert first(run(text), "direct").speaker_name == "Dmitry Peskov"


def test_the_head_of_state_refers_back_to_the_president(run):
    text = (
        "Putin spoke to reporters in Moscow. Nobody has seriously discussed such a system with Moscow so far, "
        "the head of state noted."
    )

    statement = first(run(text))

    assert (statement.speaker_name, statement.quote) == (
        "Vladimir Putin",
        "Nobody has seriously discussed such a system with Moscow so far",
    )


def test_readout_phrases_report_what_was_said(run):
    text = (
        "Trump shared his assessment that a settlement was now closer than ever. Putin drew attention to the "
        "plans of European capitals to deploy troops in Ukraine."
    )

    assert [(s.speaker_name, s.quote) for s in run(text)] == [
        ("Donald Trump", "a settlement was now closer than ever"),
        ("Vladimir Putin", "the plans of European capitals to deploy troops in Ukraine"),
    ]


def test_but_that_opens_a_second_report_of_the_same_speaker(run):
    text = "Zelenskyy said the US had proposed running the plant jointly, but that Ukraine wanted a joint venture."

    assert [(s.speaker_name, s.quote) for s in run(text)] == [
        ("Volodymyr Zelenskyy", "the US had proposed running the plant jointly"),
        ("Volodymyr Zelenskyy", "Ukraine wanted a joint venture"),
    ]


def test_but_that_without_a_comma_keeps_the_first_report(run):
    text = "Peskov said Moscow did not comment on operational details but that Russia was ready to help."

    assert [(s.speaker_name, s.quote) for s in run(text)] == [
        ("Dmitry Peskov", "Moscow did not comment on operational details"),
        ("Dmitry Peskov", "Russia was ready to help"),
    ]


def test_called_on_states_a_position(run):
    statement = first(
        run("Zelenskyy called on the United States and Europe to press Moscow into a ceasefire.")
    )

    assert (statement.speaker_name, statement.quote) == (
        "Volodymyr Zelenskyy",
        "the United States and Europe to press Moscow into a ceasefire",
    )


def test_unnamed_analysts_are_an_anonymous_source(run):
    statement = first(run("Analysts in Kyiv said the Kremlin's hard line was aimed at Washington."))

    assert statement.anonymous
    assert statement.quote == "the Kremlin's hard line was aimed at Washington"


def test_the_source_said_refers_back_to_the_unnamed_source(run):
    text = (
        "A source in the Ukrainian delegation told the BBC that the US side had tabled a revised framework. "
        '"The text is better than in January, but it is not there yet," the source said.'
    )

    assert [(s.kind, s.anonymous) for s in run(text)] == [("paraphrase", True), ("direct", True)]


def test_she_said_finds_an_unknown_woman_named_with_her_role(run):
    text = (
        '"The Kremlin is betting that time is on its side," said Marta Levchenko, a political analyst at a '
        "Kyiv-based think tank. She noted that Russia's economy was under growing strain from sanctions."
    )

    assert [s.speaker_name for s in run(text)] == ["Marta Levchenko", "Marta Levchenko"]


def test_the_russian_side_speaks_for_russia(run):
    statement = first(run("The Russian side emphasised that the plant is a Russian facility."))

    assert (statement.speaker_name, statement.quote) == ("Russia", "the plant is a Russian facility")


def test_adding_that_reports_a_second_statement(run):
    text = "Kallas said the issue was not dead, adding that the assets would remain immobilised indefinitely."

    assert [(s.speaker_name, s.quote) for s in run(text)] == [
        ("Kaja Kallas", "the issue was not dead"),
        ("Kaja Kallas", "the assets would remain immobilised indefinitely"),
    ]


def test_while_acknowledging_that_reports_a_second_statement(run):
    text = (
        "Zelenskyy has repeatedly said that Kyiv will not recognise any occupied territory as Russian, while "
        "acknowledging that the front line could serve as a starting point for talks."
    )

    assert [s.quote for s in run(text)] == [
        "Kyiv will not recognise any occupied territory as Russian",
        "the front line could serve as a starting point for talks",
    ]


def test_an_aside_between_paired_dashes_stays_in_the_reported_clause(run):
    text = "Macron told reporters that the main difference between the parties — territory — had not moved at all."

    assert (
        first(run(text)).quote == "the main difference between the parties — territory — had not moved at all"
    )


def test_clause_before_a_fragment_added_after_a_comma_is_a_paraphrase(run):
    text = (
        "Zelenskyy says the next exchange must include civilians and the deported children, "
        '"not only soldiers, and not in small batches".'
    )

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("paraphrase", "the next exchange must include civilians and the deported children"),
        ("direct", "not only soldiers, and not in small batches"),
    ]


def test_he_after_asked_about_someone_is_the_earlier_subject(run):
    text = 'Trump bristled at the question. Asked about Zelenskyy, he said: "He is not a dictator, he is a tough guy."'

    assert first(run(text), "direct").speaker_name == "Donald Trump"


def test_quote_after_a_colon_closing_a_short_sentence_of_its_speaker(run):
    assert first(run('Kallas scoffed: "Russia is not serious about peace."')).speaker_name == "Kaja Kallas"


def test_that_after_an_abbreviated_date_is_not_the_content(run):
    statement = first(run("Macron said on Jan. 27 that Europe must be at the table."))

    assert (statement.quote, statement.said_on.isoformat()) == ("Europe must be at the table", "2026-01-27")


def test_the_writers_appositive_after_the_clause_is_not_reported(run):
    text = 'Moscow has insisted that the "realities on the ground" be recognised, a demand Kyiv has rejected.'

    assert first(run(text)).quote == 'the "realities on the ground" be recognised'


def test_the_official_with_no_source_before_is_an_unnamed_official(run):
    statement = first(run('The official said: "The guarantees the Europeans talk about are a fiction."'))

    assert (statement.speaker_name, statement.anonymous) == ("unnamed official", True)


@pytest.mark.parametrize("verb", ["fumed", "snapped", "shot back", "charged"])
def test_a_name_and_any_verb_after_a_quote_attribute_it(run, verb):
    text = f'"We will not accept any ultimatum from anyone," Peskov {verb}.'

    assert [(s.kind, s.speaker_name) for s in run(text)] == [("direct", "Dmitry Peskov")]


@pytest.mark.parametrize("verb", ["fumed", "charged", "reckoned"])
def test_a_name_and_an_unlisted_verb_before_that_report_the_clause(run, verb):
    statement = first(run(f"Peskov {verb} that Russia would not accept any ultimatum from anyone."))

    assert (statement.speaker_name, statement.quote) == (
        "Dmitry Peskov",
        "Russia would not accept any ultimatum from anyone",
    )


def test_a_name_and_a_narrating_verb_before_that_report_nothing(run):
    assert run("Zelenskyy decided that the delegation would travel to Geneva on Monday.") == []


def test_a_source_placed_by_its_institution_is_anonymous(run):
    text = "‘This is about the next fifty years,’ said a senior Whitehall source."

    statement = first(run(text))

    assert (statement.anonymous, statement.speaker_name) == (True, "unnamed senior Whitehall source")


@pytest.mark.parametrize(
    "dateline",
    [
        "MOSCOW. Jan 29 (Interfax) - ",
        "KYIV, Jan 29 (Reuters) - ",
        "MOSCOW, January 29. /TASS/. ",
        "Kyiv, Ukraine (AP) — ",
        "WASHINGTON—",
        "KYIV, Ukraine — ",
        "NEW YORK/LONDON – ",
        "BEIJING, Jan 29 (Xinhua) -- ",
    ],
)
def test_the_wire_dateline_is_not_part_of_a_trailing_paraphrase(run, dateline):
    text = f"{dateline}Russia is not planning any new contacts with the US, Kremlin spokesman Dmitry Peskov said."

    assert first(run(text)).quote == "Russia is not planning any new contacts with the US"


def test_a_newspaper_dateline_is_not_part_of_a_paraphrase_by_according_to(run):
    text = (
        "WASHINGTON—The administration is weighing a proposal to ease sanctions, according to U.S. officials."
    )

    assert first(run(text)).quote == "The administration is weighing a proposal to ease sanctions"


def test_capitals_opening_a_paragraph_without_a_dash_are_kept(run):
    text = "NATO allies will meet again next week to discuss the guarantees, Rutte said."

    assert first(run(text)).quote == "NATO allies will meet again next week to discuss the guarantees"


def test_this_was_stated_by_attributes_the_sentence_before(run):
    text = (
        "Ukraine has received a clear signal from its partners that security guarantees will work. This was "
        "stated by President Volodymyr Zelenskyy in his evening video address on Tuesday, Ukrinform reports."
    )

    statement = first(run(text))

    assert (statement.speaker_name, statement.quote, statement.said_on.isoformat()) == (
        "Volodymyr Zelenskyy",
        "Ukraine has received a clear signal from its partners that security guarantees will work",
        "2026-01-27",
    )


def test_a_verdict_introducing_the_quote_after_it_is_not_a_second_statement(run):
    text = (
        "At a joint news conference on Monday, Zelenskyy praised the American proposals. "
        "“What the United States has put on the table is truly remarkable,” he said."
    )

    statements = run(text)

    assert [(s.kind, s.said_on.isoformat()) for s in statements] == [("direct", "2026-01-26")]


def test_a_paragraph_that_is_only_a_quote_answers_the_person_the_paragraph_before_ends_on(run):
    text = (
        "Peskov was asked whether Moscow would accept a ceasefire.\n\n"
        '"Not before the Ukrainian troops leave Donbas. That is the condition."'
    )

    assert [(s.kind, s.speaker_name) for s in run(text)] == [("direct", "Dmitry Peskov")]


def test_the_clause_before_calling_it_is_a_paraphrase_of_its_own(run):
    text = 'Zelenskyy said Kyiv would reject the package, calling it "a dead end for everyone".'

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("paraphrase", "Kyiv would reject the package"),
        ("direct", "a dead end for everyone"),
    ]


def test_the_statement_said_is_its_issuer(run):
    text = (
        "The Kremlin issued a statement on Monday. The statement said the two leaders agreed to talk again."
    )

    statement = first(run(text))

    assert (statement.speaker_name, statement.quote) == ("Kremlin", "the two leaders agreed to talk again")


def test_urged_someone_to_act_reports_whom_and_what(run):
    text = 'Sybiha urged the EU to use the frozen assets, saying it was "a matter of simple justice".'

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("paraphrase", "the EU to use the frozen assets"),
        ("direct", "a matter of simple justice"),
    ]


def test_an_opening_meanwhile_is_not_part_of_a_trailing_paraphrase(run):
    text = "Putin spoke on Friday.\n\nMeanwhile, talks on the energy truce have stalled, Peskov said."

    assert first(run(text)).quote == "talks on the energy truce have stalled"


def test_said_with_a_name_opening_the_reported_clause_is_not_inverted(run):
    text = 'Peskov on Wednesday said Moscow would answer any seizure "immediately and very painfully."'

    assert first(run(text), "direct").speaker_name == "Dmitry Peskov"


def test_a_role_noun_with_the_name_in_apposition_is_the_subject_pronouns_refer_to(run):
    text = (
        "Peskov said the plans were a provocation.\n\n"
        "The French president, Emmanuel Macron, was unmoved. In a speech on Wednesday, he said Europe would "
        '"not wait for permission from Moscow" to help secure a peace.'
    )

    assert [(s.kind, s.speaker_name) for s in run(text)][-1] == ("direct", "Emmanuel Macron")


@pytest.mark.parametrize(
    "introduction",
    [
        "Maria Lvova-Belova, Russia's commissioner for children's rights, rejected the figures.",
        "Olena Kravets, 34, a nurse from Kharkiv, marched with her children.",
    ],
)
def test_she_finds_an_unknown_woman_described_after_her_name(run, introduction):
    text = f'{introduction} "We are ready to reunite any child with relatives," she said.'

    assert first(run(text), "direct").speaker_name == introduction.split(",")[0]


def test_a_clause_before_a_quoted_relative_phrase_is_its_own_paraphrase(run):
    text = (
        "Lavrov, speaking in Moscow on Wednesday, said any such arrangement must be part of a comprehensive "
        'settlement, one that would "eliminate the root causes of the conflict."'
    )

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("paraphrase", "any such arrangement must be part of a comprehensive settlement"),
        ("direct", "eliminate the root causes of the conflict."),
    ]


def test_one_of_the_people_is_an_anonymous_source(run):
    text = "The document could be circulated to national capitals as soon as Friday, one of the people said."

    statement = first(run(text))

    assert (statement.anonymous, statement.speaker_name) == (True, "unnamed people")


def test_according_to_a_described_body(run):
    text = (
        "According to Ukrainian grid operator Ukrenergo, Russian attacks caused power outages in six regions."
    )

    assert first(run(text)).speaker_name == "Ukrenergo"


def test_a_name_inside_a_relative_clause_before_the_cue_is_not_the_speaker(run):
    text = (
        "Volodymyr Zelenskyy, whose office often deals with the Kremlin, a hostile neighbour, has said he will "
        "not accept the plan unless the guarantees are binding."
    )

    assert first(run(text), "paraphrase").speaker_name == "Volodymyr Zelenskyy"


def test_the_object_of_a_relative_clause_is_not_the_speaker(run):
    text = (
        "Zelenskyy, whose government often criticises the White House, the seat of the US presidency, has said he "
        "will not accept the plan unless the guarantees are binding."
    )

    assert first(run(text), "paraphrase").speaker_name == "Volodymyr Zelenskyy"


def test_a_source_briefed_on_a_document_told_an_outlet(run):
    statement = first(
        run("That is a concession on sequencing, a European diplomat briefed on the paper told Axios.")
    )

    assert (statement.speaker_name, statement.anonymous) == (
        "unnamed European diplomat briefed on the paper",
        True,
    )
    assert statement.quote == "That is a concession on sequencing"


def test_a_relative_clause_with_a_cue_between_subject_and_verb(run):
    text = (
        "A Ukrainian official, who asked not to be named because he was not authorized to speak publicly, "
        "said the Russian side had changed its requirements."
    )

    statement = first(run(text))

    assert (statement.anonymous, statement.quote) == (True, "the Russian side had changed its requirements")


def test_trailing_attribution_followed_by_the_writers_aside(run):
    text = "Talks will go on next week, Peskov has told reporters, as the Kremlin sought to show progress."

    assert [(s.speaker_name, s.quote) for s in run(text)] == [("Dmitry Peskov", "Talks will go on next week")]


def test_the_setting_before_a_trailing_verb_is_not_reported_speech(run):
    text = "Speaking to reporters in a chat on Sunday, before the talks, Zelenskyy explained the shift."

    assert run(text) == []


def test_a_stance_verb_with_a_short_object_reports_the_verb_too(run):
    assert [(s.speaker_name, s.quote) for s in run("Russia disputes the figure.")] == [
        ("Russia", "disputes the figure")
    ]


def test_a_name_before_an_age_and_a_long_appositive_is_the_speaker(run):
    text = (
        "Olena Kravets, 34, a nurse from Kharkiv who has lived in London since 2022, "
        "said she had come with her two children."
    )

    assert [(s.speaker_name, s.quote) for s in run(text)] == [
        ("Olena Kravets", "she had come with her two children")
    ]


def test_the_subject_after_comma_and_opens_a_report_of_its_own(run):
    text = "The gap is large, and Ukrainian officials have warned they could run short of cash."

    assert [(s.anonymous, s.quote) for s in run(text)] == [(True, "they could run short of cash")]


def test_warned_of_a_risk_names_a_topic_not_reported_words(run):
    assert (
        run("The plant relies on one power line, and the IAEA has warned of the risk of an accident.") == []
    )


def test_a_block_label_before_a_quote_names_no_one(run):
    text = (
        "Details: Zelensky stressed that Ukraine would not give up the Donbas region.\n\n"
        "Quote: “No one in Ukraine would accept that, and the Russians know it.”"
    )

    statement = first(run(text), "direct")

    assert statement.speaker_name == "Volodymyr Zelenskyy"


def test_words_a_transcript_question_attributes_are_a_statement(run):
    text = (
        "Moderator: Good afternoon.\n\n"
        "NATO Secretary General Mark Rutte: Good afternoon. Ministers meet tomorrow.\n\n"
        "Question (Reuters): President Zelensky said yesterday that Ukraine would never accept neutrality. "
        "Do you agree?\n\n"
        "NATO Secretary General Mark Rutte: That is a decision for the allies and Ukraine."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Volodymyr Zelenskyy",
        "Ukraine would never accept neutrality",
    )


def test_the_council_said_refers_to_the_institution_named_before(run):
    text = (
        "The Norwegian Refugee Council warned of shortages in Kharkiv.\n\n"
        "“Winter will be the hardest yet,” the council said."
    )

    assert first(run(text), "direct").speaker_name == "Norwegian Refugee Council"


def test_an_institution_the_registry_does_not_know_is_referred_back_to_by_its_kind(run):
    text = "The International Monetary Fund approved a loan. “The risks remain high,” the fund said."

    statement = first(run(text), "direct")

    assert (statement.speaker_name, statement.actor_slug) == ("International Monetary Fund", None)


def test_the_diplomat_refers_back_to_the_unnamed_diplomat_quoted_last(run):
    text = (
        "Lavrov said the meeting was useful. A senior European diplomat said the mood had soured.\n\n"
        "“We got warm words and no signature,” the diplomat told AFP."
    )

    statement = first(run(text), "direct")

    assert (statement.anonymous, statement.speaker_name) == (True, "unnamed senior European diplomat")


def test_a_role_noun_granted_anonymity_is_an_unnamed_source(run):
    text = (
        "A Republican senator, speaking on condition of anonymity to discuss private talks, said members "
        "were uneasy."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.anonymous, statement.speaker_name) == (True, "unnamed Republican senator")


def test_he_said_resolves_to_the_name_in_apposition_to_a_role(run):
    text = (
        "Umerov said Kyiv had proposed a ceasefire.\n\n"
        "The head of the Russian delegation, presidential aide Sergey Lavrov, scoffed at the idea after the talks.\n\n"
        "“A ceasefire is not a gift,” he said."
    )

    assert first(run(text), "direct").speaker_name == "Sergey Lavrov"


def test_a_short_aside_between_the_name_and_the_verb_is_skipped(run):
    statement = first(run("Sen. Sergey Lavrov (R-Ky.) said the tariffs would hurt consumers."))

    assert (statement.speaker_name, statement.quote) == ("Sergey Lavrov", "the tariffs would hurt consumers")


def test_a_clause_before_and_that_a_quoted_fragment_is_a_paraphrase_of_its_own(run):
    text = 'Putin said the term had expired in May 2024 and that any deal could be "challenged by his successor."'

    kinds = {(s.kind, s.quote) for s in run(text)}

    assert ("paraphrase", "the term had expired in May 2024") in kinds
    assert ("direct", "challenged by his successor.") in kinds


def test_shrugged_off_reports_a_dismissal(run):
    statement = first(run("Moscow shrugged off the threat of new sanctions."))

    assert (statement.speaker_name, statement.quote) == ("Russia", "the threat of new sanctions")


def test_a_reported_clause_ends_where_a_new_speaker_takes_over(run):
    text = "Moscow warned that it would treat any Western troops as targets, and the Kremlin dismissed the Paris summit within hours."

    quotes = [(s.speaker_name, s.quote) for s in run(text)]

    assert quotes == [
        ("Russia", "it would treat any Western troops as targets"),
        ("Kremlin", "the Paris summit within hours"),
    ]


def test_a_person_then_the_body_they_work_for_is_the_subject(run):
    text = (
        "Analyst Oleksandr Kraiev of the Ukrainian Prism think tank said the swaps showed limited deals work."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Oleksandr Kraiev",
        "the swaps showed limited deals work",
    )


def test_an_unnamed_spokesperson_speaks_for_the_institution(run):
    statement = first(run("A White House spokesperson said the sanctions package changed nothing."))

    assert (statement.speaker_name, statement.quote) == (
        "White House",
        "the sanctions package changed nothing",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("No decision has been made, a White House spokeswoman said.", "White House"),
        ("“We are looking at every option,” a Kremlin spokesman said.", "Kremlin"),
        ("“We are looking at every option,” the Kremlin spokesman said.", "Dmitry Peskov"),
    ],
)
def test_a_title_after_an_indefinite_article_is_one_of_several_not_its_holder(run, text, speaker):
    assert first(run(text)).speaker_name == speaker


def test_a_trailing_attribution_inside_a_sentence_that_goes_on(run):
    text = (
        "The talks in Abu Dhabi were constructive, Peskov said, adding that the next round would follow soon."
    )

    quotes = [(s.speaker_name, s.quote) for s in run(text)]

    assert quotes == [
        ("Dmitry Peskov", "The talks in Abu Dhabi were constructive"),
        ("Dmitry Peskov", "the next round would follow soon"),
    ]


def test_rights_groups_are_unnamed_sources(run):
    statement = first(run("Human rights groups say at least 8,000 Ukrainians remain in Russian captivity."))

    assert (statement.anonymous, statement.quote) == (
        True,
        "at least 8,000 Ukrainians remain in Russian captivity",
    )


def test_officials_from_both_sides_are_unnamed_sources(run):
    text = "The delegations agreed to exchange 1,000 prisoners each, officials from both sides said."

    statement = first(run(text), "paraphrase")

    assert (statement.anonymous, statement.quote) == (
        True,
        "The delegations agreed to exchange 1,000 prisoners each",
    )


def test_one_of_them_said_refers_to_the_unnamed_sources_before(run):
    text = (
        "According to two people familiar with the talks, Moscow raised the question of elections. "
        "The Ukrainian side refused to discuss the matter, one of them said."
    )

    statement = run(text)[-1]

    assert (statement.anonymous, statement.quote) == (
        True,
        "The Ukrainian side refused to discuss the matter",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov was quoted by TASS as saying that the West was not interested in peace.",
        "Lavrov was quoted as saying the West was not interested in peace.",
    ],
)
def test_the_person_quoted_in_the_passive_is_the_speaker(run, text):
    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Sergey Lavrov",
        "the West was not interested in peace",
    )


def test_expressed_optimism_reports_a_position(run):
    statement = first(run("Rubio expressed optimism that a deal could be reached within weeks."))

    assert statement.quote == "a deal could be reached within weeks"


def test_a_name_first_met_in_the_possessive_is_linked_to_its_surname_later(run):
    text = "Tatiana Stanovaya's analysis suggests a stall. Stanovaya said Putin was in no hurry to settle."

    assert first(run(text), "paraphrase").speaker_name == "Tatiana Stanovaya"


def test_a_name_with_an_apostrophe_is_a_name(run):
    statement = first(run("Conor O’Brien said the talks in Geneva were over."))

    assert statement.speaker_name == "Conor O’Brien"


def test_where_something_was_posted_is_not_what_was_said(run):
    assert [s for s in run("Afterwards Trump posted on Truth Social.") if s.kind == "paraphrase"] == []


def test_the_words_after_the_platform_are_the_content(run):
    statement = first(run("Trump posted on his Truth Social account that the war would end soon."))

    assert statement.quote == "the war would end soon"


def test_the_name_in_apposition_speaks_not_the_role_before_it(run):
    text = (
        "Umerov said Kyiv had proposed a ceasefire.\n\n"
        "The head of the Russian delegation, presidential aide Sergey Lavrov, said the proposal was a trick."
    )

    assert run(text)[-1].speaker_name == "Sergey Lavrov"


def test_an_unnamed_source_keeps_the_capital_of_its_nationality(run):
    statement = first(run("Ukrainian officials said the exchange would take place on Friday."))

    assert statement.speaker_name == "unnamed Ukrainian officials"


def test_a_readout_thanking_someone_is_a_statement(run):
    text = "Putin thanked the President of the United States for his personal efforts to find a settlement."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote.startswith("the President of the United States")) == (
        "Vladimir Putin",
        True,
    )


def test_a_quoted_title_in_a_relative_clause_does_not_hide_the_subject(run):
    text = (
        'Lavrov, whose "Istanbul Memorandum" has gone unanswered for a year, wrote on Telegram that a truce '
        'would be "a gift to Kyiv wrapped in a bow."'
    )

    assert first(run(text), "direct").speaker_name == "Sergey Lavrov"


@pytest.mark.parametrize(
    "text",
    [
        'A spokesperson for the White House said "all options remain on the table."',
        "A spokesperson for the White House declined to comment, saying only that "
        '"all options remain on the table."',
        '"All options remain on the table," a spokesperson for the White House said.',
        '"All options remain on the table," a White House spokesperson told reporters.',
    ],
)
def test_a_spokesperson_for_an_institution_speaks_for_it(run, text):
    assert first(run(text), "direct").speaker_name == "White House"


@pytest.mark.parametrize(
    "text",
    [
        'Political scientist-turned-blogger Taras Hrytsenko said Putin would wait for the spring. "The Kremlin '
        'believes every month of war costs Kyiv more than Moscow," he said.',
        'Hanna Shelest, whose think tank advises the foreign ministry, said Trump had misread Putin. "Sanctions '
        'are the only language the Kremlin has ever understood," she said.',
    ],
)
def test_he_refers_to_an_unknown_person_named_as_subject_not_the_leader_in_their_clause(run, text):
    # "X said Putin ...": the words between X and Putin are a cue, not a title, so Putin is not the subject;
    # a name of two words that speaks is a person, whom "he" and "she" may refer to.
    direct = first(run(text), "direct")

    assert direct.speaker_name in ("Taras Hrytsenko", "Hanna Shelest")


def test_a_noun_for_a_person_before_a_name_is_its_title_not_part_of_it(run):
    text = "Pollster Anton Hrushetsky said most Ukrainians still rejected any deal that gave up land."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.speaker_title) == ("Anton Hrushetsky", "Pollster")


def test_a_source_cited_after_the_time_of_a_report_is_not_the_reported_clause(run):
    text = "Interfax reported on Tuesday, citing a source in the delegation, that the talks would resume in Istanbul."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == ("Interfax", "the talks would resume in Istanbul")


def test_a_newspaper_keeps_the_the_of_its_name(run):
    text = "The Kyiv Independent reported that the exchange had been delayed by a dispute over the lists."

    assert first(run(text), "paraphrase").speaker_name == "The Kyiv Independent"


def test_a_trailing_attribution_followed_by_a_with_phrase_reports_the_clause_before_it(run):
    text = "A deal could be signed within weeks, Witkoff said, with the remaining issues left to the two leaders."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Steve Witkoff",
        "A deal could be signed within weeks",
    )


def test_a_reported_clause_with_a_that_complement_of_its_own_is_reported_whole(run):
    text = "The Kremlin says any settlement must guarantee that Ukraine stays out of military blocs."

    statement = first(run(text), "paraphrase")

    assert statement.quote == "any settlement must guarantee that Ukraine stays out of military blocs"


def test_he_skips_the_object_of_a_sentence_whose_subject_is_a_pronoun(run):
    text = (
        "Rubio flew to Geneva after a call with Lavrov. There, he met Umerov. "
        '"We made real progress on the hardest questions," he said.'
    )

    assert first(run(text), "direct").speaker_name == "Marco Rubio"


def test_a_quote_paragraph_after_a_new_person_is_introduced_is_theirs(run):
    text = (
        "Peskov told reporters the Kremlin was still studying the American draft. Asked about the European "
        "counter-proposal, Ushakov was dismissive.\n\n"
        '"It does not deserve to be discussed seriously."'
    )

    assert first(run(text), "direct").speaker_name == "Yuri Ushakov"


def test_a_body_named_with_for_and_of_keeps_its_whole_name(run):
    text = "The Institute for the Study of War said in its daily update that Russian gains had slowed."

    assert first(run(text), "paraphrase").speaker_name == "Institute for the Study of War"


def test_an_unnamed_person_at_a_workplace_who_did_not_want_to_be_named_is_an_unnamed_source(run):
    text = (
        "A trader at a Geneva commodities house, who did not want to be named because of company policy, said "
        "Russian cargoes were being offered at deeper discounts."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.anonymous, statement.quote) == (
        True,
        "Russian cargoes were being offered at deeper discounts",
    )


def test_a_place_after_a_person_noun_and_of_is_not_a_person(run):
    statements = run('"Nobody here believes in this truce," a resident of Kherson told AFP.')

    assert all(statement.speaker_name != "Kherson" for statement in statements)


def test_a_name_after_a_possessive_in_an_opening_phrase_is_an_object_not_the_subject(run):
    text = 'In an interview with CNN\'s Jake Tapper, Sybiha was blunt: "Moscow is buying time, not peace."'

    assert first(run(text), "direct").speaker_name == "Andrii Sybiha"


def test_a_dismissal_with_a_short_object_keeps_its_verb(run):
    statement = first(run("The Kremlin brushed aside the warning."), "paraphrase")

    assert (statement.speaker_name, statement.quote) == ("Kremlin", "brushed aside the warning")


def test_a_trailing_attribution_to_an_outlet_followed_by_an_as_clause_reports_the_clause_before_it(run):
    text = (
        "Moscow will not take part in any conference on Ukraine's reconstruction, Peskov has told Izvestia, as "
        "European donors gathered in Rome to show that the grid would be rebuilt."
    )

    statement = first(run(text), "paraphrase")

    assert statement.quote == "Moscow will not take part in any conference on Ukraine's reconstruction"


def test_an_outlet_that_understands_or_has_learnt_makes_its_own_claim(run):
    text = "Politico understands that the Commission will propose a tariff on Russian fertiliser next week."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Politico",
        "the Commission will propose a tariff on Russian fertiliser next week",
    )


def test_an_institutions_estimate_is_its_claim(run):
    text = "The World Bank estimates the cost of rebuilding Ukraine at $524 billion over the next decade."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "World Bank",
        "the cost of rebuilding Ukraine at $524 billion over the next decade",
    )


def test_a_trailing_attribution_with_its_day_followed_by_a_phrase_of_the_writer(run):
    text = (
        "Two hundred Ukrainian prisoners will be handed over next week, Peskov said on Thursday, in the first such "
        "exchange since the Vatican began its mediation between Moscow and Kyiv last spring."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Dmitry Peskov",
        "Two hundred Ukrainian prisoners will be handed over next week",
    )


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Kyiv and Washington are finalising a minerals deal, which, according to Peskov, is a threat to "
            "Russian interests in the region.",
            "is a threat to Russian interests in the region",
        ),
        (
            "The memorandum, according to Peskov, will be handed over in Istanbul.",
            "The memorandum, according to Peskov, will be handed over in Istanbul",
        ),
    ],
)
def test_according_to_inside_the_clause_it_reports(run, text, quote):
    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == ("Dmitry Peskov", quote)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Vladimir Putin positively assessed the results of the Istanbul round of talks.",
            "the results of the Istanbul round of talks",
        ),
        (
            "Vladimir Putin reaffirmed that Russia remained open to a negotiated settlement.",
            "Russia remained open to a negotiated settlement",
        ),
    ],
)
def test_readout_verbs_are_cues(run, text, quote):
    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == ("Vladimir Putin", quote)


def test_what_a_side_wants_is_its_stated_position(run):
    text = "Moscow wants Ukraine to withdraw from the four regions before any ceasefire."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Russia",
        "Ukraine to withdraw from the four regions before any ceasefire",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Kyiv Independent reported that the exchange had been delayed.", "The Kyiv Independent"),
        ("The Financial Times reported that the exchange had been delayed.", "Financial Times"),
    ],
)
def test_a_newspaper_keeps_the_the_of_its_own_name_only(run, text, speaker):
    assert first(run(text), "paraphrase").speaker_name == speaker


def test_of_two_holders_of_a_role_in_a_sentence_the_subject_is_meant(run):
    text = (
        "Putin said on Friday he would meet Zelensky only at the final stage of the talks. "
        '"A meeting must crown the work, not replace it," the head of state said.'
    )

    assert first(run(text), "direct").speaker_name == "Vladimir Putin"


def test_a_trailing_attribution_may_name_the_counterpart_it_was_told_to(run):
    text = (
        "Moscow is ready to extend the energy moratorium by another month, Lavrov told his Turkish counterpart "
        "in Antalya on Friday."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Sergey Lavrov",
        "Moscow is ready to extend the energy moratorium by another month",
    )


def test_a_short_clause_with_a_verb_after_the_cue_is_its_content_not_an_aside(run):
    text = "A handful of EU governments, including Orban, say sanctions have failed."

    statement = first(run(text), "paraphrase")

    assert statement.quote == "sanctions have failed"


def test_she_after_an_unnamed_spokeswoman_is_her_institution(run):
    text = (
        "A White House spokeswoman said the president had not decided. "
        '"Every option remains on the table until the truce expires," she said.'
    )

    assert first(run(text), "direct").speaker_name == "White House"


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said that morning it would not attend the talks in Geneva.",
        "The Kremlin told reporters the same day that it would not attend the talks in Geneva.",
        "The Kremlin told reporters that evening that it would not attend the talks in Geneva.",
    ],
)
def test_that_morning_after_a_cue_is_when_not_what(run, text):
    assert first(run(text)).quote == "it would not attend the talks in Geneva"


def test_countered_that_reports_a_clause(run):
    statement = first(run("Sybiha countered that Moscow had no say over the choice of allies."), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Andrii Sybiha",
        "Moscow had no say over the choice of allies",
    )


def test_countered_without_that_reports_no_clause(run):
    assert not [s for s in run("Sybiha countered the claims at a briefing.") if s.kind == "paraphrase"]


def test_this_was_stated_by_points_back_to_a_lead_paragraph_of_its_own(run):
    text = (
        "Peace will come only through pressure on the aggressor.\n\n"
        "This was stated by President Volodymyr Zelensky in his evening address."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Volodymyr Zelenskyy",
        "Peace will come only through pressure on the aggressor",
    )


def test_a_name_inside_the_quote_is_not_the_holder_of_a_role_after_it(run):
    text = (
        "Zelensky spoke in his evening address.\n\n"
        "“Every delay only helps Putin,” the head of state emphasized."
    )

    assert first(run(text), "direct").speaker_name == "Volodymyr Zelenskyy"


@pytest.mark.parametrize("role", ["Zelensky's chief of staff", "The envoy"])
def test_a_name_in_apposition_to_a_role_is_the_speaker(run, role):
    text = f"{role}, Oleh Marchuk, insisted that the talks would go on next week."

    assert first(run(text), "paraphrase").speaker_name == "Oleh Marchuk"


def test_a_titled_speaker_after_the_sentence_says_all_of_it(run):
    text = (
        "Russia has always maintained that dialogue is the only way out of the crisis, "
        "Russian Foreign Ministry spokeswoman Maria Zakharova said on Thursday."
    )

    statement = first(run(text), "paraphrase")

    assert statement.speaker_name == "Maria Zakharova"
    assert "dialogue is the only way out of the crisis" in statement.quote
    assert "Zakharova" not in statement.quote


def test_he_said_after_an_asked_phrase_goes_to_the_subject_after_its_comma(run):
    text = (
        "Witkoff said the talks were close to the end.\n\n"
        "Asked whether Ukraine could give up land, Zelenskyy was blunt.\n\n"
        "“We cannot give up what is ours,” he said."
    )

    assert first(run(text), "direct").speaker_name == "Volodymyr Zelenskyy"


def test_a_government_spokesperson_speaks_for_the_state(run):
    text = "Asked about the threat, a United States government spokesperson said: “Moscow could end the war.”"

    assert first(run(text), "direct").speaker_name == "United States"


def test_the_spokesperson_refers_back_to_the_institution_speaking_through_one(run):
    text = (
        "A White House spokesperson said: “Moscow could end this war tomorrow.”\n\n"
        "“We remain committed to the talks,” the spokesperson added."
    )

    statements = [s for s in run(text) if s.kind == "direct"]

    assert [s.speaker_name for s in statements] == ["White House", "White House"]


def test_a_one_word_place_after_the_cue_is_not_the_content(run):
    statement = first(
        run("Kallas told reporters in Brussels the bloc would not lift sanctions."), "paraphrase"
    )

    assert statement.quote == "the bloc would not lift sanctions"


def test_the_statement_issued_by_an_institution_is_its_words(run):
    text = (
        "In a Telegram post, Zakharova wrote that the plan was a provocation.\n\n"
        "The statement, issued by the Kremlin late on Friday, said Moscow would not accept foreign troops."
    )

    statements = [s for s in run(text) if s.kind == "paraphrase"]

    assert [s.speaker_name for s in statements] == ["Maria Zakharova", "Kremlin"]


def test_a_contracted_negation_stands_between_the_subject_and_the_cue(run):
    statement = first(run("Rubio didn't rule out easing some of the measures."), "paraphrase")

    assert (statement.speaker_name, statement.quote) == ("Marco Rubio", "easing some of the measures")


def test_told_me_reports_to_the_reporter(run):
    text = "A retired teacher, Olha Savchenko, told me she has lived without heating since January."

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Olha Savchenko",
        "she has lived without heating since January",
    )


def test_a_who_clause_without_commas_keeps_the_subject_before_it(run):
    text = "A European diplomat who briefed reporters on condition of anonymity said the talks would resume in May."

    statement = first(run(text), "paraphrase")

    assert (statement.anonymous, statement.quote) == (True, "the talks would resume in May")


def test_that_official_refers_back_to_the_unnamed_source(run):
    text = (
        "A US official said the next round would focus on prisoners. "
        "That official said both sides had agreed to swap 500 prisoners each."
    )

    statements = [s for s in run(text) if s.kind == "paraphrase"]

    assert len(statements) == 2
    assert statements[0].speaker_name == statements[1].speaker_name
    assert statements[1].anonymous


def test_said_that_officials_is_no_role_noun(run):
    statement = first(run("Peskov said that officials would meet again in Istanbul."), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Dmitry Peskov",
        "officials would meet again in Istanbul",
    )


def test_said_this_points_back_to_the_sentence_before(run):
    text = (
        "The next round of talks will focus on the return of children.\n\n"
        "Umerov said this on Telegram, the agency reports."
    )

    statement = first(run(text), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Rustem Umerov",
        "The next round of talks will focus on the return of children",
    )


def test_said_this_week_is_no_pointer_back(run):
    text = "The talks went well. Umerov said this week that the next round would focus on children."

    statement = first(run(text), "paraphrase")

    assert statement.quote == "the next round would focus on children"


def test_informed_that_reports_words(run):
    statement = first(run("Umerov also informed that the date of the next meeting has not been agreed."))

    assert (statement.speaker_name, statement.quote) == (
        "Rustem Umerov",
        "the date of the next meeting has not been agreed",
    )


def test_a_definite_description_refers_back_to_the_person_named(run):
    text = (
        "The West wants to prolong the conflict, Russian Foreign Minister Sergey Lavrov said on Tuesday.\n\n"
        "The top Russian diplomat also noted that Moscow would not accept a pause that lets Kyiv rearm."
    )

    statements = [s for s in run(text) if s.kind == "paraphrase"]

    assert [s.speaker_name for s in statements] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_the_unnamed_official_stays_an_unnamed_source(run):
    statement = first(run("The unnamed official said the talks would resume in May."))

    assert statement.anonymous


def test_comma_per_attributes_like_according_to(run):
    text = (
        "The remaining gaps are over the plant and the Donbas, per two sources with knowledge of the talks."
    )

    statement = first(run(text), "paraphrase")

    assert statement.anonymous
    assert statement.quote == "The remaining gaps are over the plant and the Donbas"


def test_per_in_a_price_attributes_nothing(run):
    assert run("Russian oil sold for $60 per barrel in March.") == []


def test_a_bullet_mark_is_not_part_of_the_words(run):
    statement = first(run("- Kyiv wants the plant under US operation, one source said."), "paraphrase")

    assert statement.quote == "Kyiv wants the plant under US operation"


def test_a_newsletter_section_label_is_not_part_of_the_words(run):
    text = "Driving the news: The remaining gaps are over the plant, per two sources familiar with the talks."

    assert first(run(text), "paraphrase").quote == "The remaining gaps are over the plant"


def test_an_interviews_answers_are_the_words_of_the_person_introduced(run):
    text = (
        "Ukraine's foreign minister, Andrii Sybiha, spoke to our reporter in Kyiv.\n\n"
        "Q: Is Kyiv ready for a ceasefire along the current line?\n\n"
        "A: We are ready for a ceasefire, but not for a capitulation.\n\n"
        "Q: What guarantees do you need?\n\n"
        "A: Guarantees that work, backed by the United States."
    )

    statements = run(text)

    assert [(s.speaker_name, s.kind) for s in statements] == [("Andrii Sybiha", "direct")] * 2
    assert statements[0].quote == "We are ready for a ceasefire, but not for a capitulation."


def test_that_was_the_message_from_names_the_speaker_of_the_quote_before(run):
    text = (
        "Talks\n\n"
        "“We are not afraid of deadlines. We are afraid of a bad deal.”\n\n"
        "That was the message from Ukrainian President Volodymyr Zelensky on Sunday."
    )

    assert run(text)[0].speaker_name == "Volodymyr Zelenskyy"


@pytest.mark.parametrize("audience", ["Russian reporters", "state television", "Ukrainian media"])
def test_an_audience_with_its_kind_after_told_is_not_the_content(run, audience):
    statement = first(run(f"Lavrov told {audience} the conversation had been useful."), "paraphrase")

    assert statement.quote == "the conversation had been useful"


def test_sources_familiar_with_the_planning_are_one_unnamed_source(run):
    text = "Senate leaders are eyeing a vote on the bill before the recess, two aides familiar with the planning said."

    statement = first(run(text), "paraphrase")

    assert (statement.anonymous, statement.quote) == (
        True,
        "Senate leaders are eyeing a vote on the bill before the recess",
    )


@pytest.mark.parametrize(
    "verb",
    ["slammed", "blasted", "rebuffed", "downplayed", "cast doubt on", "pushed back against", "lashed out at",
     "hit back at", "voiced support for", "expressed support for", "objected to"],
)  # fmt: skip
def test_verbs_of_a_stated_verdict_report_a_position(run, verb):
    statement = first(run(f"Lavrov {verb} the proposal for a summit in Istanbul."), "paraphrase")

    assert (statement.speaker_name, statement.quote) == (
        "Sergey Lavrov",
        "the proposal for a summit in Istanbul",
    )


def test_floated_is_no_cue_inside_reported_words(run):
    text = "Zelensky said the American side had floated a demilitarized zone in the area."

    assert [s.speaker_name for s in run(text)] == ["Volodymyr Zelenskyy"]


def test_cited_as_saying_reports_like_quoted_as_saying(run):
    statement = first(run("Ushakov was cited by Interfax as saying that no date had been set for the call."))

    assert (statement.speaker_name, statement.quote) == ("Yuri Ushakov", "no date had been set for the call")


def test_quoted_as_saying_by_an_agency_after_the_words(run):
    statement = first(run("Moscow will answer any provocation, Lavrov was quoted as saying by TASS."))

    assert (statement.speaker_name, statement.quote) == (
        "Sergey Lavrov",
        "Moscow will answer any provocation",
    )


def test_according_to_an_agency_after_a_trailing_attribution_is_not_the_speaker(run):
    text = "The talks will continue next week, Ushakov told reporters, according to Interfax."

    assert [(s.speaker_name, s.quote) for s in run(text)] == [
        ("Yuri Ushakov", "The talks will continue next week")
    ]


def test_a_block_quote_after_said_colon_is_the_speakers_words(run):
    text = (
        "Kremlin rules out talks\n\n"
        "Speaking to reporters in Moscow, Peskov said:\n\n"
        "We have said many times that the root causes must be eliminated. That is our position."
    )

    statements = run(text)

    assert [(s.speaker_name, s.kind) for s in statements] == [("Dmitry Peskov", "direct")]
    assert statements[0].quote.startswith("We have said many times")


def test_a_paragraph_with_its_own_quote_after_said_colon_is_no_block_quote(run):
    text = "Kremlin rules out talks\n\nPeskov said:\n\n“There will be no talks,” the spokesman added later."

    assert [s.quote for s in run(text)] == ["There will be no talks,"]


def test_commented_on_names_a_topic_not_words(run):
    assert run("Peskov also commented on the statements of European politicians about troops.") == []


def test_a_pronoun_object_is_no_reported_content(run):
    assert run("The White House announced it on Saturday and called the pause a first step.") == []


def test_a_no_break_space_after_the_cue_is_not_part_of_the_paraphrase(run):
    statement = first(run("Putin said\u00a0the talks had produced an understanding on the main points."))

    assert statement.quote == "the talks had produced an understanding on the main points"


def test_an_unknown_speaker_named_with_no_break_spaces_gets_a_plain_name(run):
    text = "“People here count the days, not the rounds of talks,” said\u00a0Natalia\u00a0Vovk, the head of the council."

    assert first(run(text), "direct").speaker_name == "Natalia Vovk"


def test_a_quote_keeps_the_odd_spaces_of_its_source(run):
    text = "“The talks will\u202fcontinue next week,” Peskov said."

    assert first(run(text), "direct").quote == "The talks will\u202fcontinue next week,"


def test_a_clause_after_a_partial_quote_does_not_attribute_it(run):
    text = "Zelenskyy said on Monday that Ukraine would “respond in kind” if Russia continued to strike power plants."

    assert first(run(text), "direct").speaker_name == "Volodymyr Zelenskyy"


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Jim Risch, R-Idaho, said the sanctions bill would pass before the recess.",
        "Sen. Jim Risch, R-Idaho, who chairs the committee, said the sanctions bill would pass before the recess.",
        "Sen. Jim Risch (R-Idaho) said the sanctions bill would pass before the recess.",
    ],
)
def test_a_us_lawmakers_party_and_state_are_not_a_speaker(run, text):
    assert first(run(text)).speaker_name == "Jim Risch"


def test_another_diplomat_is_an_anonymous_source(run):
    statement = first(
        run("Another diplomat, from a Nordic country, said the Belgian position was untenable.")
    )

    assert (statement.speaker_name, statement.anonymous) == ("unnamed diplomat", True)


def test_a_state_inside_a_title_before_a_name_is_not_the_speaker(run):
    text = "Russia struck power plants in five regions overnight. This was stated by Prime Minister of Ukraine Olha Marchenko."

    assert first(run(text)).speaker_name == "Olha Marchenko"


@pytest.mark.parametrize(
    "text",
    ["Residents of Poltava said the power went out at 3 a.m.", "Villagers said the power went out at 3 a.m."],
)
def test_unnamed_residents_are_anonymous(run, text):
    assert first(run(text)).anonymous


def test_a_demonym_belongs_to_the_name_of_a_force(run):
    assert first(run("The Ukrainian Air Force said Russia launched 96 drones overnight.")).speaker_name == (
        "Ukrainian Air Force"
    )


def test_a_state_after_said_with_a_verb_before_the_quote_is_not_the_speaker(run):
    text = 'Zelenskyy thanked the leaders and said Ukraine was ready for "a full ceasefire in the air and at sea."'

    assert first(run(text), "direct").speaker_name == "Volodymyr Zelenskyy"


def test_an_appositive_opened_by_asked_does_not_hide_the_subject(run):
    text = (
        "Foreign Minister Juan Ortega, asked about the exchange during a visit to Madrid, said the swap was "
        "a humane gesture."
    )

    assert first(run(text)).speaker_name == "Juan Ortega"


def test_an_irish_name_with_its_particle_is_one_name(run):
    text = 'The party\'s spokesman, Donnchadh Ó Laoghaire, said neutrality was "not for sale."'

    assert first(run(text), "direct").speaker_name == "Donnchadh Ó Laoghaire"


def test_what_he_described_as_before_a_quote_is_no_paraphrase(run):
    statements = run('Juan Ortega criticised what he described as "the steady erosion of neutrality."')

    assert [s.kind for s in statements] == ["direct"]


def test_a_known_surname_after_another_first_name_is_someone_else(run):
    text = (
        "Russian drones struck the region overnight. Regional governor Ivan Peskov said two substations were hit.\n\n"
        "Peskov said the truce was not being observed."
    )

    assert {s.speaker_name for s in run(text)} == {"Ivan Peskov"}


def test_a_known_surname_in_a_title_case_headline_is_still_the_known_person(run):
    statements = run("Trump Says Peskov Is Wrong\n\nPeskov said the talks would resume in Geneva next week.")

    assert {s.speaker_name for s in statements} == {"Dmitry Peskov"}


def test_a_party_before_a_long_title_and_name_is_the_persons_title(run):
    text = (
        "League leader and Deputy Premier Marco Bellini, a long-time critic of sanctions, went further, saying that "
        'sanctions had "hurt Italian businesses more than the Kremlin."'
    )

    assert first(run(text), "direct").speaker_name == "Marco Bellini"


def test_a_trailing_speaker_after_a_relative_clause_speaks(run):
    text = (
        "Moscow will not discuss the borders with the Europeans, who have no part in the talks, Peskov said "
        "on a call with reporters."
    )

    statement = first(run(text))

    assert (statement.speaker_name, statement.kind) == ("Dmitry Peskov", "paraphrase")
    assert statement.quote.startswith("Moscow will not discuss the borders")


def test_according_to_an_agency_after_a_reported_quote_passes_it_on(run):
    text = 'Peskov told reporters that a truce on energy was "not on the agenda this week", according to Interfax.'

    statement = first(run(text), "direct")

    assert (statement.speaker_name, statement.quote) == ("Dmitry Peskov", "not on the agenda this week")


def test_a_body_named_with_and_speaks_as_one(run):
    text = (
        '"Every day without news is torture," the Prisoners and Missing Families Council said in a statement.'
    )

    statement = first(run(text), "direct")

    assert statement.speaker_name == "Prisoners and Missing Families Council"


def test_two_people_joined_by_and_are_not_a_body(run):
    text = "Olena Kovalenko and Taras Boyko said the talks had brought them nothing."

    assert all("and" not in statement.speaker_name.split() for statement in run(text))


def test_a_verb_of_saying_after_a_modal_is_part_of_the_reported_clause(run):
    text = 'Sybiha said Kyiv would continue to urge Moscow to free the civilians "without any further delay."'

    statement = first(run(text), "direct")

    assert statement.speaker_name == "Andrii Sybiha"


def test_an_ambassador_not_named_is_an_unnamed_source(run):
    text = '"We hold our breath before every call," one European ambassador in Washington told reporters.'

    statement = first(run(text), "direct")

    assert (statement.speaker_name, statement.anonymous) == ("unnamed European ambassador", True)


def test_a_source_granted_anonymity_for_a_purpose_is_the_subject_of_a_quote(run):
    text = (
        "A senior official, who spoke on condition of anonymity to discuss private deliberations, said the "
        'president was "tired of both sides" but still hoped for a deal.'
    )

    statement = first(run(text), "direct")

    assert (statement.speaker_name, statement.quote) == ("unnamed senior official", "tired of both sides")


def test_an_agencys_trailing_attribution_is_cut_from_the_reported_clause(run):
    text = "Peskov confirmed the call and said the leaders would stay in touch, the news agency Interfax reported."

    quotes = [statement.quote for statement in run(text)]

    assert "the leaders would stay in touch" in quotes


def test_a_short_quoted_label_on_an_object_is_reported_with_it(run):
    statement = first(run('Zakharova has branded the offer of talks "pure provocation".'))

    assert (statement.speaker_name, statement.kind) == ("Maria Zakharova", "paraphrase")
    assert statement.quote.startswith("the offer of talks")


def test_a_verb_in_an_aside_after_a_reported_quote_does_not_take_it(run):
    text = 'Zakharova says Kyiv "keeps stalling the lists" of civilians — a charge Ukraine denies.'

    statement = first(run(text), "direct")

    assert statement.speaker_name == "Maria Zakharova"


def test_a_quote_after_a_short_sentence_with_a_pronoun_subject_is_that_persons(run):
    text = (
        "Sybiha is careful with his words. Asked whether a deal is near, he smiles. "
        '"Closer than a year ago, and further than we would like."'
    )

    statement = first(run(text), "direct")

    assert statement.speaker_name == "Andrii Sybiha"


def test_an_arabic_family_name_with_its_article_is_one_name(run):
    text = '"We pick up the phone at three in the morning," says Khalid al-Hamadi, a Gulf mediator.'

    assert first(run(text), "direct").speaker_name == "Khalid al-Hamadi"


def test_according_to_a_statement_from_a_body_names_the_body(run):
    statement = first(run("According to a statement from the Kremlin, the two presidents spoke for an hour."))

    assert (statement.speaker_name, statement.quote) == ("Kremlin", "the two presidents spoke for an hour")


def test_he_after_a_man_and_a_woman_named_in_that_order_is_the_man(run):
    text = (
        "Gen. Taras Boyko and Amb. Oksana Kravtsova met the mediator last year. He later said the meeting was "
        "useful for the next exchange."
    )

    assert first(run(text), "paraphrase").speaker_name == "Taras Boyko"


def test_a_capitalised_title_the_registry_does_not_know_is_held_by_the_name_after_it(run):
    text = "The Humanitarian Coordinator, Maria Lindqvist, said the strikes on power plants must stop."

    assert first(run(text)).speaker_name == "Maria Lindqvist"


def test_a_people_named_for_its_state_speaks_for_it(run):
    statement = first(run("The Americans say a framework deal could be ready within weeks."))

    assert (statement.speaker_name, statement.quote) == (
        "United States",
        "a framework deal could be ready within weeks",
    )


def test_telling_reporters_after_a_report_is_a_second_statement(run):
    text = (
        "Sybiha said on Thursday that Kyiv was ready to meet in Istanbul, telling reporters that the conditions "
        "had never been better."
    )

    assert [statement.quote for statement in run(text)] == [
        "Kyiv was ready to meet in Istanbul",
        "the conditions had never been better",
    ]


def test_repeating_that_position_reports_no_new_words(run):
    text = (
        "Peskov has said Moscow wants guarantees first. He repeated that position on Friday, telling reporters "
        "that the Europeans were not part of the process."
    )

    assert "position on Friday" not in [statement.quote for statement in run(text)]


def test_unnamed_sources_after_the_sentence_tell_all_of_it(run):
    text = (
        "Moscow has told the mediators it wants the bank taken off the sanctions list first, three people "
        "familiar with the talks told Reuters."
    )

    statements = run(text)

    assert [(s.anonymous, s.quote) for s in statements] == [
        (True, "Moscow has told the mediators it wants the bank taken off the sanctions list first")
    ]


def test_a_title_with_a_word_the_lists_lack_is_cut_from_the_name_after_it(run):
    statement = first(
        run("Reintegration Minister Oleksii Chernyshov said the returned civilians need housing.")
    )

    assert statement.speaker_name == "Oleksii Chernyshov"


def test_asking_that_the_name_not_be_used_grants_anonymity(run):
    text = '"We wonder every night whether the diesel will last," said a shift engineer, who asked that his name not be used.'

    statement = first(run(text), "direct")

    assert (statement.speaker_name, statement.anonymous) == ("unnamed shift engineer", True)


def test_with_those_words_names_the_speaker_of_the_quote_before(run):
    text = (
        '"The door is open." With those words, Sybiha signalled that Kyiv could send a delegation next week.'
    )

    statement = first(run(text), "direct")

    assert (statement.speaker_name, statement.quote) == ("Andrii Sybiha", "The door is open.")


def test_told_a_person_a_named_subject_keeps_the_subject_in_the_clause(run):
    statement = first(run("Sybiha told Rubio Ukraine would never give up the Donbas region."))

    assert statement.quote == "Ukraine would never give up the Donbas region"


def test_the_writers_rejecting_participle_ends_the_reported_clause(run):
    text = "Sybiha said on Monday that Kyiv would not leave the Donbas, rejecting a central Russian demand."

    assert first(run(text)).quote == "Kyiv would not leave the Donbas"


def test_in_his_words_gives_the_quote_to_the_person_named_before(run):
    text = (
        "Peskov believes a summit makes sense only at the end. In his words, "
        '"the leaders should sign, not negotiate."'
    )

    statement = first(run(text), "direct")

    assert statement.speaker_name == "Dmitry Peskov"


def test_in_the_view_of_names_the_speaker_like_according_to(run):
    statement = first(
        run("In the view of Ivan Sokolov, a political analyst, the demand for elections is a trap.")
    )

    assert (statement.speaker_name, statement.quote) == ("Ivan Sokolov", "the demand for elections is a trap")


@pytest.mark.parametrize("family", ["al-Thani", "Al Thani", "Al-Thani"])
def test_an_arabic_family_name_after_a_known_shorter_name_does_not_hide_the_speaker(demo_registry, family):
    # The demo registry knows "Sheikh Mohammed bin Abdulrahman" as an alias of the Qatari prime minister.
    text = f"Qatari Prime Minister Sheikh Mohammed bin Abdulrahman {family} said the talks would resume next week."

    statement = first(extract(text, published=PUBLISHED, registry=demo_registry))

    assert (statement.speaker_name, statement.quote) == (
        "Mohammed bin Abdulrahman Al Thani",
        "the talks would resume next week",
    )


def test_state_ministry_in_small_letters_speaks_under_its_capitalised_name(run):
    statement = first(run("The Swiss foreign ministry said it was ready to host a round of talks in Geneva."))

    assert statement.speaker_name == "Swiss Foreign Ministry"


def test_state_ministry_of_foreign_affairs_in_small_letters_is_found(run):
    statement = first(
        run("The Egyptian ministry of foreign affairs said the truce talks would resume on Sunday.")
    )

    assert statement.speaker_name == "Egyptian Ministry of Foreign Affairs"


def test_ministry_after_a_word_that_is_no_state_adjective_is_no_state_ministry(run):
    statements = run("The Tuesday foreign ministry said nothing new about the talks.")

    assert all(statement.speaker_name != "Tuesday Foreign Ministry" for statement in statements)


def test_possessive_state_of_another_negotiation_names_its_ministry(run):
    statement = first(
        run("Japan's Ministry of Foreign Affairs said the sanctions would stay until a just peace.")
    )

    assert statement.speaker_name == "Japanese Ministry of Foreign Affairs"


def test_office_field_in_capitals_is_part_of_the_title_not_the_name(run):
    statement = first(
        run("Minister of Foreign Affairs Ararat Mirzoyan said the peace treaty was ready to be signed.")
    )

    assert statement.speaker_name == "Ararat Mirzoyan"


def test_office_with_its_field_names_the_holder_in_apposition(run):
    statement = first(
        run("The Commissioner for Human Rights, Dunja Mijatovic, said the exchange must include civilians.")
    )

    assert statement.speaker_name == "Dunja Mijatovic"


def test_office_field_alone_is_no_speaker_name(run):
    statements = run("The Commissioner for Human Rights said the exchange must include civilians.")

    assert all(statement.speaker_name != "Human Rights" for statement in statements)


def test_wire_dateline_without_brackets_is_left_out_of_the_lead_paraphrase(run):
    statement = first(
        run("SEOUL, March 3 Yonhap - The North must return to talks, Unification Minister Kim Sun-ho said.")
    )

    assert statement.quote == "The North must return to talks"


def test_a_states_delegation_speaks_for_the_state(run):
    statement = first(
        run("The Ukrainian delegation said the next exchange of prisoners would take place soon.")
    )

    assert statement.speaker_name == "Ukraine"


def test_a_source_in_a_delegation_stays_anonymous(run):
    statement = first(run("A source in the Russian delegation said the memorandum was not ready."))

    assert statement.anonymous


def test_a_ministry_with_two_fields_is_one_body(run):
    statement = first(
        run("The Ministry of Trade and Industry said the export ban would end with the treaty.")
    )

    assert statement.speaker_name == "Ministry of Trade and Industry"


def test_a_body_after_and_is_not_a_ministrys_field(run):
    statements = run("The Ministry of Energy and Naftogaz said the gas transit would stop.")

    assert all(statement.speaker_name != "Ministry of Energy and Naftogaz" for statement in statements)


def test_a_spokesperson_for_a_states_government_speaks_for_the_state(run):
    statement = first(
        run("A spokeswoman for the Slovak government said Bratislava would not veto the package.")
    )

    assert statement.speaker_name == "Slovakia"


def test_a_government_spokesperson_after_the_states_adjective_speaks_for_the_state(run):
    statement = first(run("A German government spokesman said Berlin would not lift the sanctions."))

    assert statement.speaker_name == "Germany"


def test_an_office_field_role_never_overlaps_a_registry_name(demo_registry):
    text = "The office of the UN High Commissioner for Human Rights said the shelling must stop."

    mentions = find_mentions(text, fold(text), text.lower(), PUBLISHED, demo_registry)

    spans = sorted((mention.text_start, mention.end) for mention in mentions)
    assert all(first_end <= next_start for (_, first_end), (next_start, _) in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The representative of Ukraine said the parties should return to the table.", "Ukraine"),
        ("The delegation of Brazil called for an end to attacks on power plants.", "Brazil"),
        ("The speaker for Ukraine said the shelling of cities had to stop.", "Ukraine"),
        ("The representative of the Russian Federation said the West was prolonging the war.", "Russia"),
        ("Peru's representative said that the council had failed the civilians.", "Peru"),
    ],
)
def test_a_delegate_speaks_for_the_state_named_after_the_noun(run, text, state):
    assert first(run(text)).speaker_name == state


def test_he_after_a_delegate_is_the_delegate(run):
    statements = run(
        "Lars Vik said the talks would resume. The representative of Ukraine said the war had to end. "
        '"Dialogue is the only way out," he said.'
    )

    assert first(statements, "direct").speaker_name == "Ukraine"


def test_a_named_delegate_in_apposition_speaks(run):
    statement = first(
        run("The Permanent Representative of Chile to the OSCE, Ana Rojas, said the monitors must return.")
    )

    assert statement.speaker_name == "Ana Rojas"


def test_a_delegate_in_apposition_to_a_role_speaks(run):
    statement = first(
        run("The President of the Council, the representative of Malta, said the members agreed on the aid.")
    )

    assert statement.speaker_name == "Malta"


def test_a_delegate_speaks_on_the_day_of_the_meeting_the_lead_reports(run):
    statements = run(
        "The Security Council met on Wednesday to discuss the war, hearing a briefing before members spoke.\n\n"
        "The representative of Ukraine said the attacks on cities had to stop.\n\n"
        'The delegation of Peru called for talks. "Nothing else will work," it said.'
    )

    assert {statement.said_on for statement in statements} == {date(2026, 1, 28)}


def test_a_name_filling_the_opening_role_reports_what_follows_the_day(run):
    statement = first(
        run("The head of the aid mission in Lviv, Anna Berg, said on Tuesday the shelters were full again.")
    )

    assert (statement.speaker_name, statement.quote) == ("Anna Berg", "the shelters were full again")


def test_a_name_in_apposition_to_a_government_spokesman_speaks(run):
    statement = first(
        run("The German government spokesman, Jan Vogt, said on Monday the cabinet would meet again.")
    )

    assert (statement.speaker_name, statement.quote) == ("Jan Vogt", "the cabinet would meet again")


def test_a_delegation_named_by_its_states_adjective_speaks_for_the_state(run):
    statement = first(run("The Estonian delegation said the exchange must not distract from the strikes."))

    assert statement.speaker_name == "Estonia"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A spokesperson for the Dutch foreign ministry said the package was ready.",
            "Dutch Foreign Ministry",
        ),
        ("The Saudi foreign ministry said the kingdom backed the talks.", "Saudi Foreign Ministry"),
    ],
)
def test_a_ministry_after_a_gulf_or_benelux_states_adjective_is_a_body(run, text, speaker):
    assert first(run(text)).speaker_name == speaker


def test_the_first_of_two_joint_speakers_is_given(run):
    statement = first(run("Zelenskyy and Lavrov said the exchange of prisoners would take place on Friday."))

    assert (statement.speaker_name, statement.quote) == (
        "Volodymyr Zelenskyy",
        "the exchange of prisoners would take place on Friday",
    )


def test_a_pair_joined_by_and_before_a_quoted_fragment_is_no_clause_of_its_own(run):
    statements = run(
        'Lavrov said talks between Russian and American diplomats "will go on next week in Riyadh."'
    )

    assert [(s.kind, s.quote) for s in statements] == [("direct", "will go on next week in Riyadh.")]


def test_a_pronoun_joined_to_a_name_speaks_for_its_referent(run):
    statements = run(
        "Witkoff flew to Moscow on Thursday. He and Jared Kushner said the ceasefire was within reach."
    )

    assert [(s.speaker_name, s.quote) for s in statements] == [
        ("Steve Witkoff", "the ceasefire was within reach")
    ]


def test_a_pronoun_object_joined_to_a_name_is_no_subject(run):
    statements = run("Witkoff met Lavrov. Trump told him and Kushner the talks would go on.")

    assert all(s.speaker_name != "Steve Witkoff" for s in statements)


def test_a_communique_with_an_accent_speaks_for_its_issuer(run):
    statements = run(
        "The European Union adopted a communiqué on Thursday. "
        "The communiqué also called on Russia to agree to an unconditional ceasefire."
    )

    assert first(statements).speaker_name == "European Union"


def test_a_delegate_filling_a_role_after_an_opening_participle_speaks(run):
    statement = first(
        run(
            "Closing the meeting, the President of the Council, the representative of Malta, said the members "
            "agreed on the aid."
        )
    )

    assert statement.speaker_name == "Malta"


def test_a_name_after_a_title_at_a_ministry_speaks(run):
    statements = run(
        "Qatar's Minister of State at the Foreign Ministry, Mohammed Al-Khulaifi, said the exchange would go "
        'ahead. Erdogan thanked him. "We will go on until every child is home," Al-Khulaifi said.'
    )

    assert first(statements).speaker_name == "Mohammed Al-Khulaifi"


def test_he_after_a_name_filling_a_title_at_a_ministry_is_that_name(run):
    statements = run(
        "Erdogan said the talks had been useful.\n\n"
        "Qatar's Minister of State at the Foreign Ministry, Mohammed Al-Khulaifi, said the exchange would go "
        'ahead.\n\n"We will go on until every child is home," he said.'
    )

    assert first(statements, "direct").speaker_name == "Mohammed Al-Khulaifi"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "South Korea's foreign ministry said on Thursday it had summoned the ambassador.",
            "South Korean Foreign Ministry",
        ),
        (
            "The Philippines' foreign ministry said it had summoned the ambassador.",
            "Philippine Foreign Ministry",
        ),
        (
            "The South Korean foreign ministry said the envoy would travel to Kyiv.",
            "South Korean Foreign Ministry",
        ),
        (
            "The United Arab Emirates' Ministry of Foreign Affairs said the exchange had been completed.",
            "Emirati Ministry of Foreign Affairs",
        ),
        ("On Monday Ukraine's Energy Ministry said the grid was stable again.", "Ukrainian Energy Ministry"),
    ],
)
def test_a_states_ministry_is_named_with_the_states_adjective(run, text, speaker):
    assert first(run(text)).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Indian government said it supported a ceasefire along the front line.", "India"),
        ("South Korea's government said it would send more aid.", "South Korea"),
        ("The government of Peru said it backed the talks.", "Peru"),
        ("The Ukrainian government said it would not cede territory.", "Ukraine"),
    ],
)
def test_a_states_government_speaks_for_the_state(run, text, speaker):
    assert first(run(text)).speaker_name == speaker


def test_a_government_with_a_relative_clause_before_its_verb_speaks(run):
    statement = first(
        run("The Indian government, which attended as an observer, said it supported a ceasefire.")
    )

    assert (statement.speaker_name, statement.quote) == ("India", "it supported a ceasefire")


def test_a_brother_named_bin_the_same_family_is_not_the_known_sheikh(demo_registry):
    statements = extract(
        "Sheikh Abdullah bin Zayed Al Nahyan said the UAE was committed to mediation.",
        published=PUBLISHED,
        registry=demo_registry,
    )

    assert first(statements).speaker_name == "Abdullah bin Zayed Al Nahyan"


def test_the_known_sheikh_by_another_spelling_is_still_known(demo_registry):
    statements = extract(
        "Mohammed bin Zayed said the UAE was ready to host more talks.",
        published=PUBLISHED,
        registry=demo_registry,
    )

    assert first(statements).speaker_name == "Mohamed bin Zayed"


def test_a_known_surname_inside_a_name_after_an_office_is_someone_else(demo_registry):
    statements = extract(
        "The Emirati Minister of State Khalifa Shaheen Almarar said the UAE was ready to host more talks.",
        published=PUBLISHED,
        registry=demo_registry,
    )

    assert first(statements).speaker_name == "Khalifa Shaheen Almarar"


def test_an_honorific_belongs_to_the_title(run):
    statement = first(run("His Excellency Ahmed Al-Sayegh said the talks would go on."))

    assert statement.speaker_name == "Ahmed Al-Sayegh"


def test_the_minister_refers_to_a_name_given_the_office_in_apposition(run):
    statements = run(
        "Sheikh Ahmed bin Saeed Al Tayer, Minister of Foreign Affairs, said the country was committed to mediation."
        "\n\nThe Minister affirmed that the country would continue its humanitarian efforts."
    )

    assert [s.speaker_name for s in statements] == ["Ahmed bin Saeed Al Tayer"] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Sybiha met his Norwegian counterpart in Oslo. The Head of Ukrainian diplomacy stressed that the "
            "guarantees must be binding.",
            "Andrii Sybiha",
        ),
        (
            "Lavrov met Kallas in Geneva. The head of Russian diplomacy said the talks were useful.",
            "Sergey Lavrov",
        ),
    ],
)
def test_the_head_of_a_states_diplomacy_is_its_foreign_minister(run, text, speaker):
    assert first(run(text)).speaker_name == speaker


def test_the_minister_is_the_subject_of_the_release_not_the_one_named_last(run):
    statements = run(
        "Minister of Foreign Affairs of Ukraine Andrii Sybiha held talks with Norwegian Foreign Minister Espen "
        "Barth Eide in Kyiv.\n\nThe Minister emphasized that Russia must agree to a full ceasefire."
    )

    assert first(statements).speaker_name == "Andrii Sybiha"


def test_a_state_the_registry_does_not_know_belongs_to_the_office_before_it(run):
    statements = run(
        "Minister of Foreign Affairs of Norway Espen Barth Eide said the ceasefire must hold.",
        published=PUBLISHED,
    )

    assert first(statements).speaker_name == "Espen Barth Eide"


def test_a_three_word_name_after_a_three_word_title_is_whole(run):
    statement = first(run("Norwegian Foreign Minister Espen Barth Eide said the ceasefire must hold."))

    assert statement.speaker_name == "Espen Barth Eide"


@pytest.mark.parametrize(
    "clause",
    [
        "speaking on condition of anonymity because the talks are private",
        "who spoke on condition of anonymity because the talks are private",
    ],
)
def test_an_anonymity_clause_going_on_past_its_reason_keeps_the_source(run, clause):
    statement = first(run(f"A European diplomat, {clause}, said the draft was ready."))

    assert (statement.anonymous, statement.quote) == (True, "the draft was ready")


def test_a_statement_from_a_body_after_the_verb_is_the_bodys(run):
    statement = first(run('"The door remains open," said a statement from the Kremlin.'))

    assert (statement.speaker_name, statement.kind) == ("Kremlin", "direct")


def test_a_cue_in_a_relative_clause_inside_an_appositive_leaves_the_name_the_subject(run):
    statements = run(
        "Senator Lindsey Graham, a Republican from South Carolina who has pushed for sanctions, said the bill had "
        "the votes."
    )

    assert [(s.speaker_name, s.quote) for s in statements] == [("Lindsey Graham", "the bill had the votes")]


def test_an_agency_after_according_to_passes_on_the_words_of_the_speaker_it_names(run):
    statements = run("According to Interfax, Peskov said the Kremlin had received the proposals.")

    assert [(s.speaker_name, s.quote) for s in statements] == [
        ("Dmitry Peskov", "the Kremlin had received the proposals")
    ]


def test_sources_after_according_to_keep_the_conversation_they_tell_of(run):
    statements = run(
        "According to people familiar with the talks, Putin told Trump he would freeze the front line."
    )

    assert first(statements).anonymous


def test_a_role_with_a_states_adjective_goes_to_that_states_holder(run):
    statements = run(
        "Sybiha met Lavrov in Geneva. Lavrov said little. The Ukrainian minister said the talks were useful."
    )

    assert statements[-1].speaker_name == "Andrii Sybiha"


def test_that_followed_by_a_verb_is_the_reported_clauses_subject(run):
    statement = first(run("Peskov said that would be a mistake."))

    assert statement.quote == "that would be a mistake"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("SECO said the new measures would take effect on Monday.", "SECO"),
        ("The FDFA said in a statement that the country was ready to host talks.", "FDFA"),
        ("KCNA reported that the leader had pledged support for the war.", "KCNA"),
        ("The new measures would take effect on Monday, SECO said.", "SECO"),
        ('"The new measures take effect on Monday," said SECO.', "SECO"),
    ],
)
def test_an_unknown_body_written_as_an_acronym_speaks_under_its_acronym(run, text, speaker):
    statements = run(text)

    assert [statement.speaker_name for statement in statements] == [speaker]


def test_an_acronym_that_is_not_the_subject_of_a_verb_of_saying_is_no_speaker(run):
    statements = run("Officials from the OSCE met on Monday. Lavrov said the talks would go on.")

    assert [statement.speaker_name for statement in statements] == ["Sergey Lavrov"]


@pytest.mark.parametrize("verb", ["Said", "Added", "Wrote"])
def test_a_verb_of_saying_put_before_a_known_surname_is_no_first_name(run, verb):
    statements = run(f'{verb} Peskov: "We are not ready for a pause in the mountains."')

    assert [(s.speaker_name, s.kind) for s in statements] == [("Dmitry Peskov", "direct")]


def test_an_unnamed_person_picked_out_by_a_who_clause_speaks(run):
    statements = run(
        "A volunteer who drives families to the border said the talks had stalled for most of the year.\n\n"
        '"Every month they say it is close," the volunteer said.'
    )

    assert [(s.speaker_name, s.kind) for s in statements] == [
        ("unnamed volunteer", "paraphrase"),
        ("unnamed volunteer", "direct"),
    ]


def test_a_verb_of_saying_put_before_an_unknown_name_is_not_part_of_the_name(run):
    statements = run('Said Maria Kovalenko, a nurse: "We count the names every night."')

    assert [statement.speaker_name for statement in statements] == ["Maria Kovalenko"]


def test_a_name_after_an_opening_verb_of_saying_speaks_across_a_long_description(run):
    statements = run(
        "Said Maria Kovalenko, a nurse who has worked on the military ward since the first spring of the war: "
        '"We count the names every night."'
    )

    assert [(s.speaker_name, s.kind) for s in statements] == [("Maria Kovalenko", "direct")]


def test_so_said_after_a_quote_names_its_speaker(run):
    statements = run(
        "Lavrov said the talks had stalled.\n\n"
        '"Nobody will be left in captivity, not a single person." So said Oleh Marchuk, the deputy head of the '
        "regional administration's humanitarian department, at a briefing on Thursday."
    )

    assert [(s.speaker_name, s.kind) for s in statements] == [
        ("Sergey Lavrov", "paraphrase"),
        ("Oleh Marchuk", "direct"),
    ]


def test_a_statement_read_out_before_a_colon_is_the_readers_words(run):
    statements = run(
        "A spokeswoman for the Ukrainian Foreign Ministry read a statement to reporters in Kyiv on Thursday: "
        '"Russia continues to use our people as a bargaining chip."'
    )

    assert [(s.speaker_name, s.kind) for s in statements] == [("Ukrainian Foreign Ministry", "direct")]


def test_a_soldier_known_by_his_call_sign_is_the_he_of_the_next_quote(run):
    statements = run(
        '"Nobody asked us," said Svitlana Moroz, who sells vegetables.\n\n'
        "A soldier, who gave only his call sign, Kit, said his unit would not leave.\n\n"
        '"We buried friends here," he said.'
    )

    assert [s.speaker_name for s in statements] == ["Svitlana Moroz", "Kit", "Kit"]
