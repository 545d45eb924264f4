"""Find quotation-marked spans in every quoting style used in news.

Marks are paired per paragraph with a small stack. Whether a mark opens or closes is read from its
neighbours (like Markdown's "flanking" rules), so apostrophes (Russia's, don't) never pair, an odd mark only
spoils its own paragraph, and mixed styles (“…" or „…“) still pair. A paragraph that opens a quote without
closing it, followed by a paragraph that opens again, is the news convention for a quote running over
several paragraphs: each paragraph segment becomes its own span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Paragraph

# Two apostrophes ('') stand for a double quotation mark in some wire and typewritten copy.
QUOTE_MARK_RE = re.compile(r"''|[\"“”„‟«»‘’‚'‹›]")
DOUBLE_MARKS = frozenset('"“”„‟«»')
OPENING_STYLE = frozenset("“„‟«‘‚‹")
CLOSING_STYLE = frozenset("”»’›")
# Which closing marks may end a quote opened by a given mark.
CLOSERS = {
    "“": '”"“',
    '"': '"”“',
    "„": '“”"',
    "‟": '”"',
    "«": "»",
    "‘": "’'",
    "'": "'’",
    "‚": "‘’",
    "‹": "›",
    "”": '”"',  # Swedish and Finnish style (”...”), or a closing mark typed for an opening one
    "»": "«»",  # Danish style (»...«)
}
APOSTROPHE_LIKE = frozenset("’'")
OPEN_AFTER = frozenset("([{—–-/:;|")
CLOSE_BEFORE = frozenset(",.;:!?)]}—–-/|…")
RUN_ON_OPENERS = frozenset('“„‟«"‘')  # ‘ too: British style quotes with single marks
MAX_DEPTH = 12


@dataclass(slots=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end when the quote runs on
    start: int  # content span, stripped of spaces
    end: int
    paragraph: int
    depth: int = 0
    runs_on: bool = False  # not closed in this paragraph: continues in the next one
    continued: bool = False  # this paragraph segment continues a quote from the previous paragraph
    mark: str = '"'

    @property
    def is_double(self) -> bool:
        return self.mark in DOUBLE_MARKS


def _flanks(text: str, position: int, lower: int, upper: int, width: int = 1) -> tuple[bool, bool]:
    mark = text[position] if width == 1 else '"'
    before = text[position - 1] if position > lower else " "
    after = text[position + width] if position + width < upper else " "
    if mark in APOSTROPHE_LIKE and before.isalnum() and after.isalnum():
        return False, False  # don't, Russia's
    can_open = (
        not after.isspace()
        and after not in ",.;:!?)]}"
        and (before.isspace() or before in OPEN_AFTER or QUOTE_MARK_RE.match(before) is not None)
    )
    can_close = not before.isspace() and (
        after.isspace() or after in CLOSE_BEFORE or QUOTE_MARK_RE.match(after) is not None
    )
    if can_open == can_close and mark not in APOSTROPHE_LIKE:
        # No help from the neighbours: fall back on the shape of the mark.
        if mark in OPENING_STYLE:
            return True, False
        if mark in CLOSING_STYLE:
            return False, True
    return can_open, can_close


PLURAL_POSSESSIVE_RE = re.compile(r"(?<=s)[’'] (?=[a-z])")
LATER_CLOSER_RE = re.compile(r"[’'](?=[\s,.;:!?)—–-]|$)")


def _plural_possessive(text: str, position: int, upper: int) -> bool:
    """ "the Ukrainians’ choice": an apostrophe after a plural -s followed by a word in lower case, when a later
    mark of the paragraph can close the quote instead."""
    return (
        PLURAL_POSSESSIVE_RE.match(text, position, upper) is not None
        and LATER_CLOSER_RE.search(text, position + 2, upper) is not None
    )


def _content_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _find_closer(stack: list[tuple[int, str, int]], mark: str) -> int:
    for index in range(len(stack) - 1, -1, -1):
        if mark in CLOSERS.get(stack[index][1], ""):
            return index
    return -1


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """All quoted spans, outer and nested, in text order of their opening marks."""
    quotes: list[Quote] = []
    previous_ran_on = False
    for paragraph in paragraphs:
        stack: list[tuple[int, str, int]] = []  # opening mark: where, which, how many characters wide
        found: list[Quote] = []
        first_mark = text[paragraph.start]
        for match in QUOTE_MARK_RE.finditer(text, paragraph.start, paragraph.end):
            position = match.start()
            width = match.end() - position
            mark = text[position] if width == 1 else '"'
            can_open, can_close = _flanks(text, position, paragraph.start, paragraph.end, width)
            if can_close and _plural_possessive(text, position, paragraph.end):
                continue
            if can_close and (index := _find_closer(stack, mark)) >= 0:
                opened, opening_mark, opening_width = stack[index]
                del stack[index:]
                start, end = _content_span(text, opened + opening_width, position)
                found.append(
                    Quote(opened, position, start, end, paragraph.index, len(stack), mark=opening_mark)
                )
            elif can_open and len(stack) < MAX_DEPTH:
                stack.append((position, mark, width))
        runs_on = False
        if stack:
            opened, opening_mark, opening_width = stack[0]
            if (opening_mark in DOUBLE_MARKS or opening_mark == "‘") and _runs_on(
                text, paragraphs, paragraph, opened
            ):
                start, end = _content_span(text, opened + opening_width, paragraph.end)
                found.append(
                    Quote(
                        opened, paragraph.end, start, end, paragraph.index, 0, runs_on=True, mark=opening_mark
                    )
                )
                runs_on = True
        if previous_ran_on and QUOTE_MARK_RE.match(first_mark):
            for quote in found:
                if quote.open == paragraph.start:
                    quote.continued = True
        previous_ran_on = runs_on
        _nest_in_closed_quotes_only(found)
        found.sort(key=lambda quote: quote.open)
        quotes.extend(quote for quote in found if quote.end > quote.start)
    return quotes


def _nest_in_closed_quotes_only(found: list[Quote]) -> None:
    """A quote's depth counts the quotes around it that close: an odd opening mark left open earlier in the
    paragraph ('was "ready for talks. "But not on these terms," he added') does not bury the quotes after it.
    Quotes paired by the stack nest or stand apart, never cross, so one pass over them in order of their
    opening marks counts the enclosing ones (a paragraph of thousands of marks stays linear)."""
    enclosing: list[int] = []  # closing marks of the quotes around the current one, innermost last
    for quote in sorted(found, key=lambda quote: (quote.open, -quote.close)):
        while enclosing and enclosing[-1] < quote.close:
            enclosing.pop()
        quote.depth = len(enclosing)
        enclosing.append(quote.close)


def _runs_on(text: str, paragraphs: list[Paragraph], paragraph: Paragraph, opened: int) -> bool:
    following = paragraphs[paragraph.index + 1] if paragraph.index + 1 < len(paragraphs) else None
    if following is not None and text[following.start] in RUN_ON_OPENERS:
        return True
    return opened == paragraph.start
