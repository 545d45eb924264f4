"""Small text helpers: diacritic folding that keeps offsets, paragraphs, sentences, tokens."""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from typing import NamedTuple


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2000):
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char)
        base = decomposed[:1]
        is_accented_letter = len(decomposed) > 1 and base.isascii() and base.isalpha()
        if is_accented_letter and all(unicodedata.combining(rest) for rest in decomposed[1:]):
            table[code] = base
    extra = {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "\u00a0": " ",
        "’": "'",
        "ʼ": "'",
        "ʻ": "'",
        "\u2009": " ",
        "\u202f": " ",
        "\u2011": "-",
        "\u2010": "-",
    }
    table.update({ord(key): value for key, value in extra.items()})
    return table


FOLD_TABLE = _build_fold_table()
_FOLDED_CHARS = {chr(code): value for code, value in FOLD_TABLE.items()}
_FOLDABLE_RE = re.compile("[" + "".join(re.escape(char) for char in sorted(_FOLDED_CHARS)) + "]")


def _fold_char(match: re.Match[str]) -> str:
    return _FOLDED_CHARS[match.group()]


def fold(text: str) -> str:
    """Strip diacritics and unify apostrophes, one character for one, so offsets stay valid."""
    if text.isascii():
        return text
    # Substituting the few marked characters is much faster than translating every character.
    return _FOLDABLE_RE.sub(_fold_char, text)


# Spaces other than the plain one (no-break, thin, figure, ideographic ...): web pages put them between a title
# and a name ("Mr.\u00a0Putin") or inside French quotation marks. The rules read plain spaces.
_ODD_SPACES_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def plain_spaces(text: str) -> str:
    """Every kind of space as a plain one, one character for one, so offsets stay valid."""
    if text.isascii():
        return text
    return _ODD_SPACES_RE.sub(" ", text)


# What a web page leaves in its text that a reader never sees: HTML entities ("&quot;", "&#8217;") where a page
# was escaped twice, and invisible characters (soft hyphens, zero-width spaces and joiners, word joiners, byte
# order marks) inside words, so that "Zelen\u00adsky" is not the name. Entities are 2 to 10 characters long.
_UNSEEN_RE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,7});|[\u00ad\u200b-\u200d\u2060\ufeff]"
)


class Cleaned(NamedTuple):
    """Text as a reader sees it, and where each of its characters came from in the text as given."""

    text: str
    starts: list[int] | None  # starts[i], ends[i]: the given text's span of character i; None: same offsets
    ends: list[int] | None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The given text's span that the cleaned span [start, end) came from."""
        if self.starts is None or self.ends is None or end <= start:
            return start, end
        return self.starts[start], self.ends[end - 1]


def readable(text: str) -> Cleaned:
    """Entities decoded and invisible characters dropped, then hard-wrapped lines joined (see _unwrapped)."""
    if "&" not in text and text.isascii():
        return Cleaned(_unwrapped(text), None, None)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for match in _UNSEEN_RE.finditer(text):
        start, end = match.span()
        decoded = "" if end - start == 1 else html.unescape(match.group())
        if len(decoded) > 1 or decoded == match.group():
            continue  # not an entity Python knows, or one standing for several characters
        pieces.append(text[done:start])
        starts.extend(range(done, start))
        ends.extend(range(done + 1, start + 1))
        if decoded:
            pieces.append(decoded)
            starts.append(start)
            ends.append(end)
        done = end
    if not pieces:
        return Cleaned(_unwrapped(text), None, None)
    pieces.append(text[done:])
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return Cleaned(_unwrapped("".join(pieces)), starts, ends)


# A line wrapped by its width ends where the next line's first word would not have fitted.
_FIRST_WORD_RE = re.compile(r"\S+")
WRAP_WIDTH_MAX = 120  # longer lines are paragraphs, not a wrapping width
WRAPPED_SHARE = 0.5  # of the lines followed by another line, how many must come near the width


def _unwrapped(text: str) -> str:
    """Hard-wrapped text (a newline every ~70-80 characters, inside sentences) with each wrap a space again, one
    character for one. The width is the longest line; a line is a wrap when the next line's first word would
    not have fitted on it, the rule every wrapping tool follows. Blank lines and short last lines stay breaks."""
    if text.count("\n") < 4:
        return text
    lines = text.split("\n")
    width = max(len(line.rstrip()) for line in lines)
    if width > WRAP_WIDTH_MAX:
        return text
    followed = [line.rstrip() for line, after in itertools.pairwise(lines) if line.strip() and after.strip()]
    near_width = sum(1 for line in followed if len(line) >= 0.8 * width)
    # Short paragraphs one a line, near one another in length, end their sentences; wrapped lines seldom do.
    mid_sentence = sum(1 for line in followed if line.rstrip("\"”’'»)")[-1:] not in ".!?:")
    if near_width < 4 or min(near_width, mid_sentence) < WRAPPED_SHARE * len(followed):
        return text
    chars = list(text)
    newline = -1
    for line, after in itertools.pairwise(lines):
        newline += len(line) + 1
        first_word = _FIRST_WORD_RE.match(after)
        if line.strip() and first_word and len(line.rstrip()) + 1 + len(first_word.group()) > width:
            chars[newline] = " "
    return "".join(chars)


TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*")


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.lower())


# Named tuples rather than frozen dataclasses: an article makes dozens of each, and a tuple is made twice as fast.
class Paragraph(NamedTuple):
    index: int
    start: int
    end: int


class Sentence(NamedTuple):
    index: int
    start: int
    end: int
    paragraph: int


PARAGRAPH_RE = re.compile(r"[^\n]+")
# News sentences run to a few hundred characters, a quotation of several sentences to a thousand or two.
MAX_SENTENCE_CHARS = 3000

# A full stop, question or exclamation mark (maybe inside closing quotes or brackets) and space.
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s)")
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "adm",
        "pres",
        "prof",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "approx",
        "est",
        "fig",
        "rev",
    ]
)


def paragraphs(text: str) -> list[Paragraph]:
    found = []
    for match in PARAGRAPH_RE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            found.append(Paragraph(len(found), start, end))
    return found


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    limit = max(0, dot - 12)
    while word_start > limit and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and text[word_start].isupper():
        return True  # an initial, as in "J. D. Vance"
    return word in ABBREVIATIONS


def split_sentences(
    text: str, paragraph: Paragraph, protected: list[tuple[int, int]], first_index: int
) -> list[Sentence]:
    """Sentences of one paragraph; no boundary falls inside a protected (quoted) span."""
    sentences = []
    start = paragraph.start
    spans = iter(sorted(protected))
    span = next(spans, None)
    for match in SENTENCE_END_RE.finditer(text, paragraph.start, paragraph.end):
        end = match.end()
        mark = match.start()
        following = end
        while following < paragraph.end and text[following].isspace():
            following += 1
        if following >= paragraph.end:
            break
        next_char = text[following]
        if not (next_char.isupper() or next_char.isdigit() or next_char in "\"“‘'«„(—-"):
            continue
        if _is_abbreviation(text, mark) and next_char not in '"“‘«„':
            continue
        while span is not None and span[1] < end:
            span = next(spans, None)
        if span is not None and span[0] < end:
            continue  # the full stop is inside a quotation
        sentences.append(Sentence(first_index + len(sentences), start, end, paragraph.index))
        start = end
        while start < paragraph.end and text[start].isspace():
            start += 1
    if start < paragraph.end:
        sentences.append(Sentence(first_index + len(sentences), start, paragraph.end, paragraph.index))
    if any(sentence.end - sentence.start > MAX_SENTENCE_CHARS for sentence in sentences):
        return _bounded(text, sentences, first_index)
    return sentences


def _bounded(text: str, sentences: list[Sentence], first_index: int) -> list[Sentence]:
    """Sentences cut to MAX_SENTENCE_CHARS, at a space where there is one: the rules read a sentence once for each
    quote or cue in it, so one unbounded sentence (a page's text with no full stop) would take quadratic time."""
    bounded: list[Sentence] = []
    for sentence in sentences:
        start = sentence.start
        while sentence.end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            space = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
            cut = space + 1 if space > 0 else limit
            bounded.append(Sentence(first_index + len(bounded), start, cut, sentence.paragraph))
            start = cut
        bounded.append(Sentence(first_index + len(bounded), start, sentence.end, sentence.paragraph))
    return bounded
