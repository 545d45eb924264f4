"""Patterns rewritten or guarded for speed keep their matches: a speaking acronym, a photo credit, a clause cut."""

from negotiations.extraction import document
from negotiations.extraction.engine import CLAUSE_CUT_RE
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


def test_clause_cut_opens_with_a_character_class_so_the_engine_can_skip_to_one():
    assert CLAUSE_CUT_RE.pattern.startswith("[,;\\s]")


def test_clause_cuts_are_still_found_where_they_start():
    def cut(text: str) -> str:
        return CLAUSE_CUT_RE.search(text).group()

    assert cut("talks would go on, after a pause") == ", after"
    assert cut("talks would go on in a statement on Friday") == " in a statement"
    assert cut("talks would go on; Kyiv disagreed") == "; "
    assert cut("talks would go on — for now") == " — "
    assert cut("talks would go on (Reuters)") == " ("
    assert cut("talks would go on, he said") == ", he said"
