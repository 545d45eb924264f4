"""Direct quotes in the layouts of news pages: headings, embedded posts, interviews (invented sentences)."""


def direct(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "direct"]


def test_heading_quote_names_its_speaker_after_the_colon(run):
    statements = run(
        "'We will not give up Donbas': Zelensky on the latest US proposal\n\n"
        "The Ukrainian president met his generals in Kyiv on Tuesday.\n"
    )

    assert ("Volodymyr Zelenskyy", "We will not give up Donbas") in direct(statements)


def test_heading_quote_with_a_possessive_after_the_colon_is_not_attributed(run):
    statements = run(
        "'A long road ahead of us': Zelensky's envoy in Washington\n\n"
        "The Ukrainian president met his generals in Kyiv on Tuesday.\n"
    )

    assert ("Volodymyr Zelenskyy", "A long road ahead of us") not in direct(statements)


def test_embedded_post_is_the_direct_words_of_the_account_in_its_signature(run):
    statements = run(
        "Talks resume in Geneva\n\n"
        "The delegations met again on Thursday.\n\n"
        "Ukraine is ready for a full ceasefire in the air and at sea. Russia must answer now.\n\n"
        "— Volodymyr Zelensky (@ZelenskyyUa) January 28, 2026\n\n"
        "The Kremlin did not respond.\n"
    )

    post = [s for s in statements if s.kind == "direct"]
    assert [(s.speaker_name, s.quote) for s in post] == [
        (
            "Volodymyr Zelenskyy",
            "Ukraine is ready for a full ceasefire in the air and at sea. Russia must answer now.",
        )
    ]
    assert str(post[0].said_on) == "2026-01-28"


def test_embedded_post_on_the_line_of_its_signature_loses_its_link(run):
    statements = run(
        "Talks resume in Geneva\n\n"
        "The delegations met again on Thursday.\n\n"
        "We will never accept a frozen conflict on these terms. pic.twitter.com/AbCd123 "
        "— Kaja Kallas (@kajakallas) January 28, 2026\n"
    )

    assert direct(statements) == [("Kaja Kallas", "We will never accept a frozen conflict on these terms.")]


def test_embedded_post_of_an_agency_relaying_a_quote_leaves_the_quote_to_its_speaker(run):
    statements = run(
        "Talks resume in Geneva\n\n"
        "The delegations met again on Thursday.\n\n"
        'VIDEO | Moscow: "The guarantees are meant to keep the regime in place," said Sergey Lavrov. '
        "pic.twitter.com/AbCd123\n\n"
        "— Press Trust of India (@PTI_News) January 28, 2026\n"
    )

    assert direct(statements) == [("Sergey Lavrov", "The guarantees are meant to keep the regime in place,")]


INTERVIEW_INTRO = (
    "Lavrov: talks must address the root causes\n\n"
    "Russian Foreign Minister Sergey Lavrov spoke to our correspondent in Moscow on Friday.\n\n"
)


def test_dash_interview_answers_are_the_interviewees_and_questions_are_nobodys(run):
    statements = run(
        INTERVIEW_INTRO + "— Mr Lavrov, is Russia ready for a ceasefire this spring?\n\n"
        "— A ceasefire is possible only when the root causes are addressed.\n\n"
        "— And what about European troops in Ukraine?\n\n"
        "— Any such troops would be a legitimate target for our forces.\n"
    )

    assert direct(statements) == [
        ("Sergey Lavrov", "A ceasefire is possible only when the root causes are addressed."),
        ("Sergey Lavrov", "Any such troops would be a legitimate target for our forces."),
    ]


def test_dash_interview_answerer_named_only_in_the_title(run):
    statements = run(
        "An interview with Sergey Lavrov\n\n"
        "The minister received us at his office on Friday.\n\n"
        "— Is Russia ready for a ceasefire this spring?\n\n"
        "— A ceasefire is possible only when the root causes are addressed.\n\n"
        "— And what about European troops in Ukraine?\n\n"
        "— Any such troops would be a legitimate target for our forces.\n"
    )

    assert {speaker for speaker, _ in direct(statements)} == {"Sergey Lavrov"}


def test_a_single_dash_paragraph_is_no_interview(run):
    statements = run(
        INTERVIEW_INTRO + "— The talks will go on next week, officials said.\n\n"
        "— Is a ceasefire possible? Nobody knows yet.\n"
    )

    assert direct(statements) == []


def test_q_and_a_turns_with_full_stops(run):
    statements = run(
        INTERVIEW_INTRO + "Q. Is Russia ready for a ceasefire this spring?\n\n"
        "A. A ceasefire is possible only when the root causes are addressed.\n\n"
        "Q. And what about European troops?\n\n"
        "A. Any such troops would be a legitimate target for our forces.\n"
    )

    assert direct(statements) == [
        ("Sergey Lavrov", "A ceasefire is possible only when the root causes are addressed."),
        ("Sergey Lavrov", "Any such troops would be a legitimate target for our forces."),
    ]


def test_question_and_answer_labels_spelt_out(run):
    statements = run(
        INTERVIEW_INTRO + "Question: Is Russia ready for a ceasefire this spring?\n\n"
        "Answer: A ceasefire is possible only when the root causes are addressed.\n\n"
        "Question: And what about European troops?\n\n"
        "Answer: Any such troops would be a legitimate target for our forces.\n"
    )

    assert [speaker for speaker, _ in direct(statements)] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_quoted_subheading_between_body_paragraphs_is_not_a_statement(run):
    statements = run(
        "Kyiv weighs a vote\n\n"
        '"Elections are an internal matter for Ukraine," Peskov said on Thursday.\n\n'
        "'Voting in the trenches'\n\n"
        "The speaker of parliament has been asked to draft a special law.\n"
    )

    assert direct(statements) == [("Dmitry Peskov", "Elections are an internal matter for Ukraine,")]


def test_quoted_headline_at_the_top_is_still_read(run):
    statements = run(
        "'We will not give up Donbas': Zelensky on the latest US proposal\n\n"
        "The Ukrainian president met his generals in Kyiv on Tuesday.\n"
    )

    assert direct(statements) == [("Volodymyr Zelenskyy", "We will not give up Donbas")]


def test_question_put_to_the_speaker_is_not_his_statement(run):
    statements = run(
        "Kremlin rejects offer\n\n"
        '"Why should Russia stop now, when its troops are advancing?" Peskov was asked on Thursday.\n\n'
        '"Because President Putin has always been open to talks," he replied.\n'
    )

    assert direct(statements) == [("Dmitry Peskov", "Because President Putin has always been open to talks,")]


def test_question_a_reporter_asked_is_not_a_statement(run):
    statements = run(
        'Kremlin rejects offer\n\n"Will you meet Zelensky in Istanbul?" a reporter asked Putin.\n'
    )

    assert direct(statements) == []


def test_question_the_speaker_asks_is_his_statement(run):
    statements = run(
        'Kyiv waits\n\nZelensky spoke in Kyiv.\n\n"Who will guarantee our security if not America?" Zelensky asked.\n'
    )

    assert direct(statements) == [("Volodymyr Zelenskyy", "Who will guarantee our security if not America?")]


def test_scare_quote_closing_the_writers_sentence_is_a_label(run):
    statements = run(
        "Kremlin holds firm\n\n"
        "Peskov spoke on Thursday.\n\n"
        'Russia invaded Ukraine in 2022, in what the Kremlin still calls a "special military operation."\n'
    )

    assert direct(statements) == []


def test_words_a_speaker_names_with_a_full_stop_stay_a_quote(run):
    statements = run(
        'Kallas speaks\n\nKallas spoke on Thursday.\n\nKallas called the plan "a recipe for capitulation."\n'
    )

    assert direct(statements) == [("Kaja Kallas", "a recipe for capitulation.")]
