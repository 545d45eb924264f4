"""Patterns rewritten for speed keep their matches (what a body's acronym, read as a speaker, covers)."""

from negotiations.extraction.mentions import SPEAKING_ACRONYM_RE


def acronyms(text: str) -> list[str]:
    return [match.group() for match in SPEAKING_ACRONYM_RE.finditer(text)]


def test_speaking_acronym_opens_with_a_capital_so_the_engine_can_skip_to_one():
    assert SPEAKING_ACRONYM_RE.pattern.startswith("[A-Z]")


def test_speaking_acronym_before_a_verb_of_saying_is_found():
    assert acronyms("SECO said on Monday. The FDFA has said so too.") == ["SECO", "FDFA"]


def test_speaking_acronym_after_the_verb_is_found():
    assert acronyms('"It is done," said SECO. "Yes," added the FDFA.') == ["SECO", "FDFA"]


def test_speaking_acronym_inside_a_longer_word_or_abbreviation_is_not_found():
    assert acronyms("xSECO said. U.S. said. ABCDEFG said. said ABCDEFG.") == []
