import re

import pytest

from negotiations.extraction import issues
from negotiations.extraction.regexes import regrouped

TEXTS = [
    "The Kremlin rejected the proposal as absurd, saying it was not acceptable and would never agree.",
    "Ukraine is ready to sign a ceasefire only if Russia does the same; the talks made no progress.",
    "we won't accept a deal that rewards aggression, but we are open to guarantees — unless they fail.",
    "a bad-faith, illegitimate 100% ultimatum: provocations, lies and threats; neo-nazi regime!",
    "",
]


def spans(pattern: re.Pattern[str], text: str) -> list:
    return [(match.span(), match.groups(), match.groupdict()) for match in pattern.finditer(text)]


def test_words_are_grouped_by_first_letter():
    pattern = regrouped(re.compile(r"(?<![\w-])(?:absurd|aggression|war|agree)(?![\w-])"))
    assert pattern.pattern == r"(?<![\w-])(?:a(?:bsurd|g(?:gression|ree))|war)(?![\w-])"


def test_a_trie_is_built_from_shared_prefixes():
    assert regrouped(re.compile("ready|readiness|real")).pattern == "r(?:e(?:a(?:d(?:y|iness)|l)))"


def test_regrouping_twice_changes_nothing():
    assert regrouped(issues.NEGATION_RE) is issues.NEGATION_RE


def test_order_is_kept_where_alternatives_could_both_match():
    # "a" before "ab": the shorter wins at the same place, as before; \w+ is not moved past either.
    pattern = regrouped(re.compile(r"x|a|\w+|ab"))
    assert pattern.pattern == r"x|a|\w+|ab"
    assert regrouped(re.compile("a|ab|b")).pattern == "a(?:|b)|b"


@pytest.mark.parametrize(
    "source",
    [r"(?i)ab|ac", r"(a)b|(a)c"],
    ids=["case-insensitive", "numbered groups"],
)
def test_patterns_that_regrouping_could_change_are_left_alone(source):
    pattern = re.compile(source)
    assert regrouped(pattern) is pattern


# Shaped like the engine's own: a word boundary, a long list of words and stems, phrases with gaps.
PATTERNS = [
    r"(?<![\w'-])(?:regime|neo-?nazi\w*|illegitimate|unacceptable|absurd\w*|provocat\w+|sham|lies|lie|lying|"
    r"threats?|aggressi\w+|ultimatums?|out of the question|no way|not acceptable|100%)(?![\w-])",
    r"(?<![\w'-])(?:only (?:\w+ ){0,2}(?:if|when|after|once)|unless|provided that|provided|on condition|"
    r"as long as|in exchange|in return|(?:ready|willing|open)\b[^.;]{0,40}, but not)(?![\w-])",
    r"(?<![\w'-])(?P<who>the us|the united states|russia|moscow|the kremlin|kyiv|ukraine|they)\s+"
    r"(?:\w+\s+){0,2}?(?:wants?|wanted|demands?|proposed|insists?)(?![\w-])",
]


@pytest.mark.parametrize("source", PATTERNS)
def test_regrouped_patterns_match_as_written(source):
    original = re.compile(source)
    pattern = regrouped(original)
    assert pattern is not original
    for text in TEXTS:
        lower = text.lower()
        assert spans(pattern, lower) == spans(original, lower)
        for position in range(len(lower)):
            found, expected = pattern.match(lower, position), original.match(lower, position)
            assert (found and found.span()) == (expected and expected.span())


def test_a_leading_choice_is_spelled_out_and_grouped():
    # "(?:under|on) terms" no longer hides its first letters from the grouping.
    assert regrouped(re.compile(r"(?:under|on) terms|unless")).pattern == r"u(?:n(?:der terms|less))|on terms"


def test_an_optional_opening_is_spelled_out_text_first():
    # A greedy "?" tries its text first: "too risky" before "risky", as written.
    pattern = regrouped(re.compile(r"(?<![\w-])(?:(?:too )?risky|regime)"))
    assert pattern.pattern == r"(?<![\w-])(?:too risky|r(?:isky|egime))"
    assert regrouped(re.compile(r",?\s+because|;")).pattern == r",\s+because|\s+because|;"


def test_a_lookbehind_moves_past_the_letter_after_it():
    pattern = regrouped(re.compile(r"(?<![\w-])(?:(?<!kiev )regime|risky)"))
    assert pattern.pattern == r"(?<![\w-])(?:r(?:e(?<!kiev re)gime|isky))"
    text = "the kiev regime; a regime; risky"
    assert [text[: match.start()] for match in pattern.finditer(text)] == [
        "the kiev regime; a ",
        "the kiev regime; a regime; ",
    ]


def test_a_group_is_never_copied():
    # Spelling "(?:a|b)(c)" out would write the group "(c)" twice and number a second one.
    assert regrouped(re.compile(r"(?:a|b)(c)|d")).pattern == r"(?:a|b)(c)|d"
    assert regrouped(re.compile(r"(?:(a)|b)c|d")).pattern == r"(a)c|bc|d"


SPELLED_OUT = [
    r"(?<![\w'-])(?:(?<!kiev )(?<!nazi )regime(?! in ki)|(?:too )?risky|(?:under|with|on) (?:\w+ )?conditions?|"
    r"only (?:\w+ ){0,2}(?:if|when)|provided(?: that)?|no(?! doubt)|(?:is|are) against)(?![\w-])",
    r",\s+(?:saying|but|which)\b|;|,?\s+because\b|,?\s+and that\b|\s[—–]\s",
]


@pytest.mark.parametrize("source", SPELLED_OUT)
def test_spelled_out_patterns_match_as_written(source):
    original = re.compile(source)
    pattern = regrouped(original)
    assert pattern.pattern != original.pattern
    for text in [
        *TEXTS,
        "the kiev regime, the nazi regime and the regime in kyiv: too risky, under no conditions",
    ]:
        lower = text.lower()
        assert spans(pattern, lower) == spans(original, lower)
        for position in range(len(lower)):
            found, expected = pattern.match(lower, position), original.match(lower, position)
            assert (found and found.span()) == (expected and expected.span())


def test_issue_cue_patterns_are_regrouped_with_the_same_heads_and_matches():
    from negotiations.extraction.issues import HEAD_SIZE, pattern_heads
    from negotiations.extraction.registry import _compile_any

    cues = [r"(?:security|safety) guarantees?", r"(?:western )?troops", r"backstop"]
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{cue})" for cue in cues) + r")(?![\w])")
    pattern = _compile_any(cues)
    assert pattern.pattern != plain.pattern
    assert pattern_heads(pattern, HEAD_SIZE) == pattern_heads(plain, HEAD_SIZE)
    text = "security guarantees, safety guarantee and western troops as a backstop; troopsless"
    assert spans(pattern, text) == spans(plain, text)
