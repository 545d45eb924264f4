"""Text as web pages leave it: entities, invisible characters, hard-wrapped lines; and inputs that must not hang."""

import textwrap

import pytest

from negotiations.extraction.quotes import find_quotes
from negotiations.extraction.text import MAX_SENTENCE_CHARS, paragraphs, readable, split_sentences


def direct(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "direct"]


def spans_hold_quotes(text, statements):
    return all(text[s.start : s.end] == s.quote for s in statements)


def test_html_entities_are_read_as_the_marks_they_stand_for(run):
    text = "&#8220;Moscow&#8217;s offer is a trap,&#8221; Zelenskyy said on Friday."

    statements = run(text)

    assert direct(statements) == [("Volodymyr Zelenskyy", "Moscow&#8217;s offer is a trap,")]
    assert spans_hold_quotes(text, statements)


def test_named_entities_quote_and_nbsp(run):
    text = "Peskov told&nbsp;reporters: &quot;There is no date for the next round yet.&quot;"

    assert direct(run(text)) == [("Dmitry Peskov", "There is no date for the next round yet.")]


def test_unknown_entities_and_bare_ampersands_stay_as_they_are():
    assert readable("AT&T and R&D &madeup; &amp").text == "AT&T and R&D &madeup; &amp"


def test_soft_hyphen_and_zero_width_space_inside_a_name(run):
    text = "“We will not sign away Donbas,” Zelen\u00adsky said. “Moscow will not freeze the front,” Pes\u200bkov\u2060 told reporters."

    statements = run(text)

    assert [speaker for speaker, _ in direct(statements)] == ["Volodymyr Zelenskyy", "Dmitry Peskov"]
    assert spans_hold_quotes(text, statements)


def test_byte_order_mark_before_the_first_quote(run):
    text = "\ufeff“The talks were useful,” Lavrov said."

    statements = run(text)

    assert direct(statements) == [("Sergey Lavrov", "The talks were useful,")]
    assert statements[0].start == 2


PARAGRAPHS = [
    "Talks resume in Geneva",
    "Kremlin spokesman Dmitry Peskov said on Friday that Moscow would send its delegation to Geneva next week "
    "but that it expected no breakthrough before the summer, and he repeated that any ceasefire would have to "
    "wait for a full settlement.",
    "Ukrainian President Volodymyr Zelenskyy said Kyiv was ready to meet the Russian side at any level and "
    "that his negotiators had been told to push first for an exchange of all prisoners of war held by both "
    "sides.",
]


def test_hard_wrapped_paragraphs_read_like_unwrapped_ones(run):
    clean = "\n\n".join(PARAGRAPHS)
    wrapped = "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in PARAGRAPHS)

    found = run(wrapped)

    assert [(s.speaker_name, s.quote.replace("\n", " ")) for s in found] == [
        (s.speaker_name, s.quote) for s in run(clean)
    ]
    assert len(found) >= 2


def test_wrapped_lines_without_blank_lines_keep_their_paragraph_ends():
    wrapped = "\n".join(textwrap.fill(paragraph, 72) for paragraph in PARAGRAPHS)

    assert readable(wrapped).text.split("\n") == PARAGRAPHS


def test_lines_of_whole_paragraphs_are_not_joined():
    text = "\n".join(["Short headline", *PARAGRAPHS, "Reporting by Jane Doe; Editing by John Roe"])

    assert readable(text).text == text


def test_pathological_inputs_finish(run):
    # Small sizes here; by hand, 500 KB of text and a 100 KB word take seconds and grow linearly.
    for text in [
        "x" * 20_000,
        '"' * 5_000,
        "“" * 2_000 + "”" * 2_000,
        "'\"" * 2_000,
        ".,;:!?—…" * 1_000,
        "&" * 3_000 + "&amp;" * 1_000,
        "\u00ad\u200b" * 2_000,
        ("Peskov said: “" + "no " * 40) * 100,
        ("Zelensky said that " * 200 + ". ") * 5,
        "\n" * 5_000,
        'He said "no" "' * 300,
        ("a" * 70 + "\n") * 500,
    ]:
        statements = run(text)
        assert spans_hold_quotes(text, statements)


def test_nested_quotes_get_their_depth_in_one_pass():
    text = "He said \"we want 'a real peace' and 'no freeze'\" and then \"enough.\""

    quotes = find_quotes(text, paragraphs(text))

    assert [(text[q.start : q.end], q.depth) for q in quotes] == [
        ("we want 'a real peace' and 'no freeze'", 0),
        ("a real peace", 1),
        ("no freeze", 1),
        ("enough.", 0),
    ]


def test_a_sentence_without_end_is_cut_at_a_space_into_bounded_pieces():
    text = "word " * 2_000
    paragraph = paragraphs(text)[0]

    sentences = split_sentences(text, paragraph, [], 0)

    assert len(sentences) > 3
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.end - 1] == " " for s in sentences[:-1])
    assert (sentences[0].start, sentences[-1].end) == (paragraph.start, paragraph.end)


def test_a_dateline_typed_with_two_hyphens_is_left_out_of_the_reported_words(run):
    text = (
        "Talks in Geneva\n\nGENEVA -- Russia and Ukraine will meet again next week to discuss a prisoner "
        "exchange, officials from both countries said on Friday."
    )

    assert [s.quote for s in run(text)] == [
        "Russia and Ukraine will meet again next week to discuss a prisoner exchange"
    ]


def test_short_paragraphs_one_a_line_are_not_taken_for_wrapped_lines():
    lines = [
        "Peskov said Russia would send its delegation to Geneva next week for the talks.",
        "Zelenskyy said Kyiv was ready to meet the Russian side at any level at all.",
        "Witkoff said both sides had agreed to discuss a prisoner exchange first of all.",
        "Rutte said the alliance backed the effort but warned against a hasty deal.",
        "Kallas said Europe had to be at the table when any peace deal was drawn up.",
    ]
    text = "\n".join(lines)

    assert readable(text).text == text


@pytest.mark.parametrize(
    "credit",
    [
        "Pool via REUTERS",
        "Kremlin Pool Photo via AP",
        "| Getty",
        "© Olivier Hoslet/EPA",
        "EPA-EFE/YURI KOCHETKOV",
    ],
)
def test_a_caption_ending_in_a_photo_agency_credit_is_not_reported_speech(run, credit):
    text = (
        "Talks in Geneva\n\n"
        f"Kremlin spokesman Dmitry Peskov said the talks would resume next week in Geneva. {credit}\n\n"
        "Ukraine's delegation arrived in Geneva on Thursday evening."
    )

    assert run(text) == []
