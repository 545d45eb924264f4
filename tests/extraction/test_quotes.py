"""Direct quotes in the quoting styles of news, over paragraphs, split, partial, in headlines; duplicates."""

import pytest


def direct(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "direct"]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’")],
    ids=["curly", "straight", "guillemets", "german", "single"],
)
def test_quote_styles(run, opening, closing):
    text = f"{opening}We are ready to continue the talks in Istanbul,{closing} Peskov told reporters."

    assert direct(run(text)) == [("Dmitry Peskov", "We are ready to continue the talks in Istanbul,")]


def test_quote_with_apostrophes_inside_single_marks(run):
    text = "‘Russia’s position hasn’t changed at all,’ Lavrov said."

    assert direct(run(text)) == [("Sergey Lavrov", "Russia’s position hasn’t changed at all,")]


def test_speaker_before_the_quote_with_a_colon(run):
    text = "Zelenskyy said: “Ukraine will not give up its land.”"

    assert direct(run(text)) == [("Volodymyr Zelenskyy", "Ukraine will not give up its land.")]


def test_quote_running_over_paragraphs_gives_one_statement_per_paragraph(run):
    text = (
        "Putin spoke at length on Thursday.\n\n"
        "“We are open to a settlement, but it must remove the root causes of the conflict.\n\n"
        "“Nobody should doubt that Russia will achieve its goals,” the Russian leader said."
    )

    assert direct(run(text)) == [
        (
            "Vladimir Putin",
            "We are open to a settlement, but it must remove the root causes of the conflict.",
        ),
        ("Vladimir Putin", "Nobody should doubt that Russia will achieve its goals,"),
    ]


def test_split_quote_gives_two_statements_of_one_speaker(run):
    text = "“The talks were useful,” Umerov said. “We agreed to continue next week in Geneva.”"

    assert direct(run(text)) == [
        ("Rustem Umerov", "The talks were useful,"),
        ("Rustem Umerov", "We agreed to continue next week in Geneva."),
    ]


def test_partial_quotes_of_one_sentence_become_one_statement(run):
    text = (
        "Rubio told a Senate hearing on Wednesday that “you could argue” that the guarantees "
        "“are agreed to from our side of the equation.”"
    )

    assert direct(run(text)) == [
        ("Marco Rubio", "you could argue” that the guarantees “are agreed to from our side of the equation.")
    ]


def test_scare_quotes_are_not_statements(run):
    text = "Putin launched what he calls a “special military operation” in February 2022, Lavrov said."

    assert direct(run(text)) == []


def test_video_line_quote_is_attributed_to_the_speaker_after_it(run):
    text = (
        "Talks resumed.\n\n"
        "VIDEO | Moscow: “Ukraine security guarantees meant to preserve Zelenskyy regime, not ensure "
        'security," said Russian Foreign Minister Sergey Lavrov.'
    )

    assert direct(run(text)) == [
        (
            "Sergey Lavrov",
            "Ukraine security guarantees meant to preserve Zelenskyy regime, not ensure security,",
        )
    ]


def test_headline_quote_repeated_in_the_body_is_one_statement_at_the_body(run):
    text = (
        "Peskov: 'No date yet for a Putin-Zelenskyy meeting'\n\n"
        "The Kremlin said on Friday there was no progress.\n\n"
        "“No date yet for a Putin-Zelenskyy meeting,” Peskov told reporters."
    )
    found = direct(run(text))

    assert found == [("Dmitry Peskov", "No date yet for a Putin-Zelenskyy meeting,")]


def test_the_same_quote_twice_in_the_body_is_one_statement(run):
    text = (
        "“We will not sign a bad deal,” Zelenskyy said on Sunday.\n\n"
        "Analysts said the remark was aimed at Washington.\n\n"
        "“We will not sign a bad deal,” Zelenskyy repeated."
    )

    assert len(direct(run(text))) == 1


def test_statement_offsets_point_at_the_quote_in_the_text(run):
    text = "“The ball is in Russia’s court,” Rubio said."
    statement = run(text)[0]

    assert text[statement.start : statement.end] == statement.quote


def test_single_mark_quote_running_over_paragraphs(run):
    text = (
        "‘Our answer is more pressure on Russia,’ Kallas said. ‘And more support for Ukraine.\n\n"
        "‘That includes the immobilised assets.’"
    )

    assert [quote for _, quote in direct(run(text))] == [
        "Our answer is more pressure on Russia,",
        "And more support for Ukraine.",
        "That includes the immobilised assets.",
    ]


def test_a_writers_term_after_an_article_is_a_label(run):
    assert (
        direct(run("Moscow calls the war a “special military operation” and says its goals are unchanged."))
        == []
    )


def test_a_document_title_in_quotes_is_a_label(run):
    text = "The leaders signed the “Paris Declaration on Security Guarantees for Ukraine” on Tuesday, Macron said."

    assert direct(run(text)) == []


def test_a_post_in_capitals_is_a_quote(run):
    assert direct(run("Trump wrote: “NO DEAL WITHOUT A CEASEFIRE”.")) == [
        ("Donald Trump", "NO DEAL WITHOUT A CEASEFIRE")
    ]


def test_transcript_turns_are_direct_statements_paragraph_by_paragraph(run):
    text = (
        "Sergey Lavrov's remarks at a news conference, Moscow, January 29, 2026\n\n"
        "Sergey Lavrov: We have held substantive talks. We discussed the situation around Ukraine.\n\n"
        "And let me be clear: the understandings reached in Anchorage remain in force.\n\n"
        "Question (TASS): Is Russia ready for a summit in Budapest?\n\n"
        'Recep Tayyip Erdoğan: Turkey is ready to host any meeting, "any time".\n\n'
        "<…>"
    )

    statements = run(text)

    assert [(s.speaker_name, s.kind, s.quote, str(s.said_on)) for s in statements] == [
        ("Sergey Lavrov", "direct", "We have held substantive talks. We discussed the situation around Ukraine.",
         "2026-01-29"),
        ("Sergey Lavrov", "direct", "And let me be clear: the understandings reached in Anchorage remain in force.",
         "2026-01-29"),
        ("Recep Tayyip Erdoğan", "direct", 'Turkey is ready to host any meeting, "any time".', "2026-01-29"),
    ]  # fmt: skip


def test_one_labelled_line_is_not_a_transcript(run):
    text = "Putin: a long war ahead\n\nPutin: the man who would not stop. Analysts say he is patient."

    assert [s for s in run(text) if s.kind == "direct"] == []


def test_two_apostrophes_stand_for_a_double_quotation_mark(run):
    assert direct(run("''We are close to a deal,'' Trump said.")) == [
        ("Donald Trump", "We are close to a deal,")
    ]


def test_a_straight_opening_mark_closed_by_two_apostrophes(run):
    assert direct(run("\"He wants peace, I am sure,'' Witkoff said.")) == [
        ("Steve Witkoff", "He wants peace, I am sure,")
    ]


def test_plural_possessive_inside_single_quotes_does_not_close_them(run):
    text = "‘It’s the Europeans’ choice, not ours,’ Zelenskyy said."

    assert direct(run(text)) == [("Volodymyr Zelenskyy", "It’s the Europeans’ choice, not ours,")]


def test_transcript_labels_with_a_title_or_an_initial(run):
    text = (
        "Press conference\n\n"
        "President of Russia Vladimir Putin: We are ready for talks.\n\n"
        "Question: And the Europeans?\n\n"
        "S.Lavrov: I would add that nobody has asked us."
    )

    assert direct(run(text)) == [
        ("Vladimir Putin", "We are ready for talks."),
        ("Sergey Lavrov", "I would add that nobody has asked us."),
    ]


def test_a_broadcast_transcript_in_capitals_names_its_guests_in_the_introduction(run):
    text = (
        "Sunday interview\n\n"
        "Our guests today are Senator Lindsey Graham and Olena Kovalchuk, a Ukrainian member of parliament.\n\n"
        "SEN. LINDSEY GRAHAM: The sanctions bill is ready, and we will pass it if Moscow keeps stalling.\n\n"
        "OLENA KOVALCHUK: Ukraine will never trade land for a pause in the strikes.\n\n"
        "KOVALCHUK: We need guarantees that hold after the next election in Washington."
    )

    assert direct(run(text)) == [
        ("Lindsey Graham", "The sanctions bill is ready, and we will pass it if Moscow keeps stalling."),
        ("Olena Kovalchuk", "Ukraine will never trade land for a pause in the strikes."),
        ("Olena Kovalchuk", "We need guarantees that hold after the next election in Washington."),
    ]


def test_a_broadcasts_own_journalists_are_not_speakers(run):
    text = (
        "Morning news\n\n"
        "Our reporter Ivan Sokolov spoke to Olena Kovalchuk in Kyiv.\n\n"
        "MARIA LOPEZ, HOST: The strikes on the grid have stopped for now, at least for thirty days.\n\n"
        "IVAN SOKOLOV, BYLINE: People here are relieved, but nobody trusts the truce very much.\n\n"
        "SOKOLOV: The government says repairs will take months.\n\n"
        "OLENA KOVALCHUK: We will believe it when the lights stay on all winter.\n\n"
        "LOPEZ: That was our reporter in Kyiv."
    )

    assert direct(run(text)) == [
        ("Olena Kovalchuk", "We will believe it when the lights stay on all winter.")
    ]


def test_the_interviewer_who_asks_is_not_a_speaker(run):
    text = (
        "Interview\n\n"
        "Anna Petrova spoke to Olena Kovalchuk, a Ukrainian member of parliament.\n\n"
        "ANNA PETROVA: Will Ukraine accept a ceasefire along the current line?\n\n"
        "OLENA KOVALCHUK: Not without guarantees. We have seen what Russian promises are worth.\n\n"
        "PETROVA: And elections? The Kremlin says your president has no mandate.\n\n"
        "KOVALCHUK: Elections come after the war, as our constitution says."
    )

    assert [speaker for speaker, _ in direct(run(text))] == ["Olena Kovalchuk", "Olena Kovalchuk"]


def test_a_note_of_the_transcriber_in_brackets_is_not_spoken(run):
    text = (
        "Transcript\n\n"
        "Sergey Lavrov: We have held substantive talks on the settlement.\n\n"
        "(SOUNDBITE OF ARCHIVED RECORDING)\n\n"
        "Marco Rubio: We made progress on the guarantees in Geneva."
    )

    assert direct(run(text)) == [
        ("Sergey Lavrov", "We have held substantive talks on the settlement."),
        ("Marco Rubio", "We made progress on the guarantees in Geneva."),
    ]


def test_a_courtesy_in_a_transcript_is_not_a_statement(run):
    text = (
        "Transcript\n\n"
        "Sergey Lavrov: We have held substantive talks on the settlement.\n\n"
        "Marco Rubio: Thank you.\n\n"
        "Marco Rubio: We made progress on the guarantees in Geneva."
    )

    assert [quote for _, quote in direct(run(text))] == [
        "We have held substantive talks on the settlement.",
        "We made progress on the guarantees in Geneva.",
    ]


def test_an_unclosed_mark_does_not_bury_the_quote_after_it(run):
    text = 'Peskov said Moscow was "ready for talks. "But not on these terms and not now," he added.'

    assert direct(run(text)) == [("Dmitry Peskov", "But not on these terms and not now,")]


@pytest.mark.parametrize(("opening", "closing"), [("”", "”"), ("»", "«")], ids=["swedish", "danish"])
def test_nordic_quote_styles(run, opening, closing):
    text = f"{opening}We are ready to continue the talks in Istanbul,{closing} Peskov told reporters."

    assert direct(run(text)) == [("Dmitry Peskov", "We are ready to continue the talks in Istanbul,")]


def test_predicate_after_a_quoted_fragment_is_a_paraphrase_of_the_same_speaker(run):
    text = 'Lavrov said Moscow "welcomes any step that saves lives" and remains in contact with both sides.'

    assert [(s.kind, s.quote) for s in run(text)] == [
        ("direct", "welcomes any step that saves lives"),
        ("paraphrase", "remains in contact with both sides"),
    ]


def test_fragments_of_two_reported_clauses_are_two_statements(run):
    text = (
        'Peskov said Russia had "learned to live with sanctions" and that new restrictions would '
        '"not help the search for a settlement."'
    )

    quotes = [s.quote for s in run(text) if s.kind == "direct"]

    assert quotes == ["learned to live with sanctions", "not help the search for a settlement."]


def test_a_short_quote_sharing_one_word_with_a_later_quote_is_not_a_repeat(run):
    text = '"We have a deadline," Umerov said on Monday. He added: "The deadline is the end of the month."'

    assert direct(run(text)) == [
        ("Rustem Umerov", "We have a deadline,"),
        ("Rustem Umerov", "The deadline is the end of the month."),
    ]


def test_the_verb_after_a_dashed_attribution_reports_no_words_of_its_own(run):
    text = "«The energy truce must be extended», – Zelensky said at a briefing in Kyiv on Wednesday."

    statements = run(text)

    assert [(s.kind, s.quote) for s in statements] == [("direct", "The energy truce must be extended")]
    assert statements[0].said_on.isoformat() == "2026-01-28"


def test_a_named_moderator_who_answers_no_question_makes_no_statements(run):
    text = (
        "Joint press conference of the foreign ministers, Geneva\n\n"
        "Host Clara Imhof: Welcome, everyone. The minister will make a short statement, then take questions.\n\n"
        "Sergey Lavrov: Thank you. Russia came to Geneva ready to work, and we expect the same of our partners.\n\n"
        "Host Clara Imhof: Thank you. The first question, please.\n\n"
        "Question (AFP): Minister, is a ceasefire possible before the summer?\n\n"
        "Sergey Lavrov: Only if the root causes of the conflict are addressed. A pause for rearming is not peace."
    )

    assert [speaker for speaker, _ in direct(run(text))] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_a_parliamentary_record_names_the_minister_after_the_office(run):
    text = (
        "Ukraine: Sanctions\n\n"
        "The Minister for Europe (Andrii Sybiha): The sanctions must stay until the war ends.\n\n"
        "Olena Bondar (Lviv North) (Ind): Will the minister say when the next package comes?\n\n"
        "Andrii Sybiha: Within a month, I expect."
    )

    assert direct(run(text)) == [
        ("Andrii Sybiha", "The sanctions must stay until the war ends."),
        ("Andrii Sybiha", "Within a month, I expect."),
    ]


def test_a_briefings_spokesperson_turns_are_the_spokesperson_named_in_the_introduction(run):
    text = (
        "Noon briefing\n\n"
        "The following is a transcript of today's briefing by Anna Weber, Spokesperson for the Commission.\n\n"
        "SPOKESPERSON: The Commission welcomes the exchange of prisoners that took place yesterday.\n\n"
        "QUESTION: Will the Commission send monitors?\n\n"
        "SPOKESPERSON: I am not going to speculate on a mission that does not yet exist."
    )

    assert [speaker for speaker, _ in direct(run(text))] == ["Anna Weber", "Anna Weber"]


def test_a_broadcast_guest_named_only_in_a_closing_biography_line(run):
    text = (
        "Transcript: Frontline Diplomacy\n\n"
        "ANNA KELLER, HOST: Ambassador, thank you for joining us. Is that acceptable?\n\n"
        "AMBASSADOR HRYHORENKO: Elections under shelling are impossible. When the guns stop, we will vote.\n\n"
        "KELLER: And the Americans?\n\n"
        "HRYHORENKO: The Americans understand this very well.\n\n"
        "Olha Hryhorenko served as Ukraine's ambassador to Canada from 2021 to 2025."
    )

    assert direct(run(text)) == [
        ("Olha Hryhorenko", "Elections under shelling are impossible. When the guns stop, we will vote."),
        ("Olha Hryhorenko", "The Americans understand this very well."),
    ]


def test_a_two_word_quote_that_is_the_speakers_whole_sentence_is_a_statement(run):
    statements = run(
        'Lavrov was asked how close a deal was. "Very close," he said. "Closer than ever this year."'
    )

    assert [(s.speaker_name, s.quote) for s in statements] == [
        ("Sergey Lavrov", "Very close,"),
        ("Sergey Lavrov", "Closer than ever this year."),
    ]
