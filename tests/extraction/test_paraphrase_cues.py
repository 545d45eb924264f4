"""Reported speech in styles the gold files have little of: cue verbs and phrases, and where their clause ends."""

import pytest


def paraphrases(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "paraphrase"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry notes that the exchange will take place next week.",
        "Peskov predicts that the sanctions will be lifted by the summer.",
        "Sybiha contends that the partners will approve the loan before the end of the year.",
    ],
)
def test_a_present_tense_verb_of_saying_reports_its_clause(run, sentence):
    statements = run(sentence.replace("The ministry", "Peskov"))

    assert paraphrases(statements)[0][1].startswith("the ")


def test_the_united_states_is_no_verb_of_saying(run):
    statements = run("Officials in the United States that the paper spoke to were cautious.")

    assert paraphrases(statements) == []


def test_a_denunciation_reports_its_object(run):
    statements = run("Lavrov denounced the proposal as an attempt to freeze the conflict on Western terms.")

    assert paraphrases(statements) == [
        ("Sergey Lavrov", "the proposal as an attempt to freeze the conflict on Western terms")
    ]


def test_an_appeal_to_someone_reports_whom_and_what(run):
    statements = run("Zelenskyy appealed to the partners to keep the sanctions pressure on Moscow.")

    assert paraphrases(statements) == [
        ("Volodymyr Zelenskyy", "the partners to keep the sanctions pressure on Moscow")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rubio expressed readiness to host another round of talks in Geneva.",
        "Rubio expressed his readiness to host another round of talks in Geneva.",
        "Rubio voiced confidence that another round of talks would be held in Geneva.",
    ],
)
def test_a_stated_attitude_reports_what_it_is_about(run, sentence):
    statements = run(sentence)

    assert paraphrases(statements)[0][0] == "Marco Rubio"
    assert "another round of talks" in paraphrases(statements)[0][1]


@pytest.mark.parametrize("phrase", ["was adamant that", "made the case that"])
def test_a_position_stated_as_a_claim_reports_its_clause(run, phrase):
    statements = run(f"Putin {phrase} any settlement must address the root causes of the conflict.")

    assert paraphrases(statements) == [
        ("Vladimir Putin", "any settlement must address the root causes of the conflict")
    ]


def test_a_subject_after_a_relative_clause_of_the_opening_phrase_speaks(run):
    text = (
        "In Kramatorsk, where sirens sound several times a day, residents said they did not believe the plan."
    )

    statement = run(text)[0]

    assert (statement.anonymous, statement.quote) == (True, "they did not believe the plan")


@pytest.mark.parametrize(
    "subject",
    [
        "A man in his 60s",
        "Another woman, who preferred not to give her name,",
        "A teacher in Melitopol",
        "One resident",
    ],
)
def test_an_unnamed_person_who_speaks_is_an_unnamed_source(run, subject):
    statement = run(f"{subject} said life in the city had become quieter but more frightening.")[0]

    assert (statement.anonymous, statement.quote) == (
        True,
        "life in the city had become quieter but more frightening",
    )


def test_he_said_after_an_unnamed_man_refers_to_him(run):
    text = (
        'A man in his 60s said the city was quiet. "There are fewer explosions, but more arrests," he said.'
    )

    statements = run(text)

    assert [statement.anonymous for statement in statements] == [True, True]


def test_an_unnamed_person_who_does_not_speak_takes_no_pronoun(run):
    text = 'Kallas met a woman from Kharkiv whose son is missing. "Europe must act now," she said.'

    assert run(text)[0].speaker_name == "Kaja Kallas"


def test_a_person_noun_named_in_apposition_is_the_named_person(run):
    statement = run("A retired teacher, Olha Savchenko, said she had lived without heating since January.")[0]

    assert (statement.speaker_name, statement.anonymous) == ("Olha Savchenko", False)


def test_a_newspapers_short_name_is_its_full_name_written_before(run):
    text = (
        "The Washington Post reported in May that the talks had stalled. "
        "The Post reported last month that the White House had set a deadline of June."
    )

    assert [s.speaker_name for s in run(text)] == ["The Washington Post", "The Washington Post"]


def test_a_newspapers_short_name_alone_stays_as_written(run):
    statement = run("The Post reported last month that the White House had set a deadline of June.")[0]

    assert statement.speaker_name == "The Post"


def test_a_states_body_takes_the_states_adjective(run):
    statement = run("Ukraine's Energy Ministry said on Monday that Kyiv was ready to extend the truce.")[0]

    assert statement.speaker_name == "Ukrainian Energy Ministry"


def test_words_a_source_relays_stay_with_whoever_said_them(run):
    text = "Russia has said it is willing to extend the truce, according to a person familiar with the talks."

    assert paraphrases(run(text)) == [("Russia", "it is willing to extend the truce")]


def test_a_stance_a_source_reports_stays_with_the_source(run):
    text = (
        "Russia has ruled out any truce before a settlement, according to a person familiar with the talks."
    )

    statement = run(text)[0]

    assert statement.anonymous


def test_told_reporters_aboard_a_plane_is_where_not_what(run):
    statements = run("Rubio told reporters aboard his plane that the United States would not impose a deal.")

    assert paraphrases(statements) == [("Marco Rubio", "the United States would not impose a deal")]


def test_a_position_someone_repeated_stays_with_its_first_speaker(run):
    text = "Kyiv has insisted it will not withdraw from the Donetsk region, a position Zelenskyy repeated on Sunday."

    assert paraphrases(run(text)) == [("Ukraine", "it will not withdraw from the Donetsk region")]


def test_characterised_as_reports_the_verdict(run):
    statements = run("Ushakov characterised the conversation as frank and useful.")

    assert paraphrases(statements) == [("Yuri Ushakov", "the conversation as frank and useful")]


LEAD = "KYIV - The talks in Geneva ended without agreement on Friday, officials said.\n\n"


def test_a_read_also_claim_is_reported_speech(run):
    text = (
        LEAD
        + "Read also: Zelenskyy warns Ukraine may lose a key partner\n\nThe next round is due in February."
    )

    assert ("Volodymyr Zelenskyy", "Ukraine may lose a key partner") in paraphrases(run(text))


def test_a_read_also_label_names_the_speaker(run):
    text = (
        LEAD
        + "Read also: Umerov: Ukraine ready to extend energy truce to ports\n\nThe next round is due in February."
    )

    assert ("Rustem Umerov", "Ukraine ready to extend energy truce to ports") in paraphrases(run(text))


def test_a_read_also_topic_label_is_no_speaker(run):
    text = (
        LEAD
        + "Read more: Ukraine: what we know about the talks in Geneva\n\nThe next round is due in February."
    )

    assert [speaker for speaker, _ in paraphrases(run(text))] == ["unnamed officials"]


def test_a_read_also_copy_of_a_body_claim_is_the_body_claim(run):
    text = (
        LEAD
        + "Read also: Zelenskyy warns Ukraine may lose a key partner in the talks\n\n"
        + "Zelenskyy warned on Friday that Ukraine may lose a key partner in the talks."
    )

    zelenskyy = [s for s in run(text) if s.speaker_name == "Volodymyr Zelenskyy"]

    assert len(zelenskyy) == 1 and zelenskyy[0].start > text.index("Zelenskyy warned")


def test_a_trailing_attribution_with_its_place_goes_on_with_adding(run):
    text = "Peace is possible this year, Trump told reporters at the White House, adding that he would call Putin soon."

    assert paraphrases(run(text)) == [
        ("Donald Trump", "Peace is possible this year"),
        ("Donald Trump", "he would call Putin soon"),
    ]


def test_a_trailing_attribution_goes_on_without_details(run):
    text = "Peskov spoke to reporters on Friday. Progress had been made, he said, without giving details."

    assert paraphrases(run(text)) == [("Dmitry Peskov", "Progress had been made")]


def test_a_fragment_after_a_stance_verb_inside_a_report_is_the_reporters(run):
    text = (
        'Umerov wrote on Facebook that Kyiv had proposed "an immediate and complete ceasefire for 30 days".'
    )

    direct = [s for s in run(text) if s.kind == "direct"]

    assert [s.speaker_name for s in direct] == ["Rustem Umerov"]


def test_she_in_a_report_does_not_take_a_fragment_from_its_speaker(run):
    text = (
        "Maria Zakharova criticised the plan on Monday. "
        'Opposition leader Elly Schlein said she welcomed "any initiative for peace at all".'
    )

    direct = [s for s in run(text) if s.kind == "direct"]

    assert [s.speaker_name for s in direct] == ["Elly Schlein"]


def test_a_fragment_in_a_clause_of_its_own_keeps_its_subject(run):
    text = 'Lavrov said the talks had failed, and Zelenskyy rejected "any pause in the fighting at all".'

    direct = [s for s in run(text) if s.kind == "direct"]

    assert [s.speaker_name for s in direct] == ["Volodymyr Zelenskyy"]


def test_a_second_cue_with_its_auxiliary_shares_the_subject(run):
    text = "Lavrov rejected the plan and has repeatedly warned that Russia would respond to any deployment."

    assert ("Sergey Lavrov", "Russia would respond to any deployment") in paraphrases(run(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "As Peskov put it, the talks were moving in the right direction.",
        "In the words of Peskov, the talks were moving in the right direction.",
    ],
)
def test_an_attribution_set_before_the_words_reports_them(run, sentence):
    assert paraphrases(run(sentence)) == [("Dmitry Peskov", "the talks were moving in the right direction")]


def test_putting_something_to_a_vote_reports_nothing(run):
    assert paraphrases(run("Zelenskyy put it to a vote in parliament on Tuesday.")) == []


def test_an_outlets_interlocutors_are_unnamed_sources(run):
    statement = run("Kommersant's interlocutors say the draft is linked to the EU decision on assets.")[0]

    assert (statement.anonymous, statement.quote) == (
        True,
        "the draft is linked to the EU decision on assets",
    )


def test_according_to_an_outlets_source_reports_what_follows_its_description(run):
    text = "According to Kommersant's source in diplomatic circles in Ankara, Witkoff called Medinsky on Wednesday."

    statement = run(text)[0]

    assert (statement.anonymous, statement.quote) == (True, "Witkoff called Medinsky on Wednesday")


def test_a_persons_aide_is_not_an_unnamed_source(run):
    statements = run("Putin's aide said the call had been useful.")

    assert not any(statement.anonymous for statement in statements)


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin said the day before the talks that Russia was ready for a ceasefire.",
        "Putin said on the eve of the Geneva summit that Russia was ready for a ceasefire.",
        "Putin said the night before his meeting with Trump that Russia was ready for a ceasefire.",
    ],
)
def test_the_eve_of_a_named_event_is_no_part_of_the_report(run, sentence):
    assert paraphrases(run(sentence)) == [("Vladimir Putin", "Russia was ready for a ceasefire")]


def test_an_object_starting_like_a_pronoun_is_not_cut(run):
    statements = run("Lars Vik urged members to keep the sanctions in place until the troops leave.")

    assert statements[0].quote.startswith("members to keep the sanctions")


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov said Moscow had received no written offer in a statement posted on the ministry's website.",
        "Lavrov said Moscow had received no written offer during a visit to Belgrade.",
        "Lavrov said Moscow had received no written offer in remarks broadcast by state television.",
        "Lavrov said Moscow had received no written offer in his weekly video address.",
    ],
)
def test_where_the_words_were_said_after_the_reported_clause_is_not_part_of_it(run, sentence):
    assert paraphrases(run(sentence)) == [("Sergey Lavrov", "Moscow had received no written offer")]
