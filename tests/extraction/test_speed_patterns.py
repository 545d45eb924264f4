"""Patterns rewritten or guarded for speed keep their matches: a speaking acronym, a photo credit."""

from negotiations.extraction import document
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


class _Untried:
    def search(self, *args):
        raise AssertionError("the credit regex was tried on a line with no credit mark")


def test_photo_credit_regex_is_not_tried_on_a_line_without_a_credit_mark(monkeypatch):
    monkeypatch.setattr(document, "CAPTION_CREDIT_END_RE", _Untried())

    assert not document.is_caption("the talks in geneva ended without a deal, the kremlin said.")


def test_photo_credits_closing_a_line_are_still_captions():
    assert document.is_caption("ukrainian soldiers near pokrovsk. pool via reuters")
    assert document.is_caption("the summit in brussels. © olivier hoslet/epa")
    assert document.is_caption("zelensky in kyiv. epa-efe/yuri kochetkov")
