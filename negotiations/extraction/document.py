"""One article, read once: paragraphs and their zones, quotes, sentences, mentions and cue words."""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date
from typing import NamedTuple

from .issues import IssueSpans
from .lexicon import (
    PARTICIPLE_CUES,
    PHRASE_CUES,
    POSITION_PHRASES,
    POSITION_VERBS,
    QUOTE_ONLY_CUES,
    SPEECH_VERBS,
)
from .mentions import Mention, find_mentions
from .quotes import Quote, find_quotes
from .registry import Registry, _trie_regex
from .text import Paragraph, Sentence, fold, paragraphs, plain_spaces, split_sentences

BODY = "body"
HEADLINE = "headline"
CAPTION = "caption"

SPEECH = "speech"
POSITION = "position"
PARTICIPLE = "participle"
ACCORDING = "according"
AS_SAYING = "as_saying"

_CUE_KINDS: dict[str, str] = {}
for _word in SPEECH_VERBS:
    _CUE_KINDS[_word] = SPEECH
for _word in POSITION_VERBS:
    _CUE_KINDS[_word] = POSITION
for _word in PARTICIPLE_CUES:
    _CUE_KINDS[_word] = PARTICIPLE
for _phrase in PHRASE_CUES:
    _CUE_KINDS[_phrase] = SPEECH
_CUE_KINDS["according to"] = ACCORDING
_CUE_KINDS["per"] = ACCORDING  # Axios: "..., per two sources with knowledge of the talks"
_CUE_KINDS["in the view of"] = ACCORDING  # "In the view of Kirill Rogov, a political analyst, ..."
_CUE_KINDS["in the words of"] = ACCORDING  # "In the words of Lavrov, the West ..."
_CUE_KINDS["as saying"] = AS_SAYING
_CUE_KINDS["quoted as saying"] = AS_SAYING
for _phrase in POSITION_PHRASES:
    _CUE_KINDS[_phrase] = POSITION
_CUE_KINDS["calling for"] = PARTICIPLE

CUE_RE = re.compile(
    r"(?<![\w'’-])(?:" + _trie_regex(sorted(_CUE_KINDS, key=len, reverse=True)) + r")(?![\w'’-])"
)

# Caption and credit lines, matched on the lower-cased line; each test runs only when its mark is there.
# Not a transcript's "Question (Reuters):", where the agency names who asks.
CAPTION_PAREN_RE = re.compile(
    r"\((?:image|photo|file photo|ap photo|source|reuters|afp|getty|credit)\b(?![^()]*\)\s*:)"
)
CAPTION_LABEL_RE = re.compile(r"\b(?:photo|image|credit):")
CAPTION_START_RE = re.compile(r"(?:video|watch|photo|listen)\s*[|:]")
CAPTION_END_RE = re.compile(r"\b[a-z]+\)$")
CAPTION_SLASH_RE = re.compile(r"/\s*(?:reuters|afp|ap)\b")
# A photo agency closing the line after "via", "|", "©" or a photographer's "Name/": "Pool via REUTERS",
# "| Getty", "© Olivier Hoslet/EPA"; or the agency before the photographer's name: "EPA-EFE/YURI KOCHETKOV".
PHOTO_AGENCY = (
    r"(?:reuters|ap|afp|getty|getty images|epa|epa-efe|anadolu|sputnik|tass|ria novosti|shutterstock)"
)
CAPTION_CREDIT_END_RE = re.compile(
    r"(?:(?:\bvia|[|©])\s*(?:[a-z][\w .'-]{0,40}/)?" + PHOTO_AGENCY + r"|\b(?:epa-efe|epa|afp|ap|reuters)/"
    r"[a-z][a-z .'-]{2,40})\.?$"
)


# "VIENNA/KYIV, Feb 26 (Reuters) - The head of ...": a wire dateline opening the lead, not a photo credit.
DATELINE_RE = re.compile(r"[a-z/ ,.'-]{2,60}(?:\d{1,2}\s*)?\((?:reuters|afp|ap|tass|interfax|ria)\)\s*[-–—]")

# "Sergey Lavrov: Ladies and gentlemen, ...", "Question (TASS): ...": a speaker's turn in a transcript.
# An interview's "Q:" and "A:" are labels too.
# A parliamentary record adds the member's seat and party ("Calum Miller (Bicester and Woodstock) (LD):") or names
# the minister after the office ("The Secretary of State for Defence (John Healey):"): group 2 is the first aside.
TURN_LABEL_RE = re.compile(
    r"((?:[QA](?=:))|[A-Z][^\n:()]{1,60}?)(?:\s*\(([^)\n]{1,80})\))?(?:\s*\([^)\n]{1,40}\))?:\s+(?=[^\s\"“«„‘'])"
)


def is_caption(line: str) -> bool:
    """Whether a lower-cased line is a caption, a credit or a video/photo line."""
    return bool(
        "pic.twitter.com" in line
        or "getty images" in line
        or CAPTION_START_RE.match(line)
        or ("(" in line and CAPTION_PAREN_RE.search(line) and not DATELINE_RE.match(line))
        or (":" in line and CAPTION_LABEL_RE.search(line))
        or (line.endswith(")") and CAPTION_END_RE.search(line, max(0, len(line) - 60)))
        or ("/" in line and CAPTION_SLASH_RE.search(line))
        or _ends_with_photo_credit(line)
    )


# Every match of CAPTION_CREDIT_END_RE holds one of these marks.
CREDIT_MARKS = ("/", "via", "|", "©")


def _ends_with_photo_credit(line: str) -> bool:
    """CAPTION_CREDIT_END_RE in the line's last 80 characters, tried only when one of its marks is there: the regex
    opens with a word boundary, so the engine tries it at each of the 80 places, for every paragraph."""
    tail_start = max(0, len(line) - 80)
    if not any(mark in line[tail_start:] for mark in CREDIT_MARKS):
        return False
    return CAPTION_CREDIT_END_RE.search(line, tail_start) is not None


READ_ALSO_RE = re.compile(
    r"^(?:also read|read also|read more|related|see also|more on this|must read)\b", re.I
)
VERB_BEFORE_THAT_RE = re.compile(r"(?<![\w'-])[a-z]{3,}ed$")
# Verbs in -ed before "that" that narrate rather than report words ("Kyiv decided that ...").
NOT_SAYING_VERBS = frozenset(
    ["decided", "learned", "learnt", "discovered", "realised", "realized", "ordered", "ensured", "determined",
     "required", "assumed", "noticed", "guaranteed", "needed", "wanted", "expected", "feared", "hoped", "showed",
     "proved", "signed", "stipulated", "provided", "implied", "agreed", "believed", "understood", "recognised",
     "recognized", "found", "heard", "seemed", "appeared", "deemed", "arranged", "planned", "specified"]
)  # fmt: skip
WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


class Cue(NamedTuple):  # a named tuple: made dozens of times an article, twice as fast as a frozen dataclass
    start: int
    end: int
    word: str
    kind: str

    @property
    def quote_only(self) -> bool:
        # "called" attributes a quote only; "called for" states a position.
        return self.word.split()[0] in QUOTE_ONLY_CUES and self.kind != POSITION


@functools.lru_cache(maxsize=4096)
def _cue_word(found: str) -> tuple[str, str]:
    """A cue as matched -> its words joined by single spaces, and its kind."""
    word = " ".join(found.split())
    return word, _CUE_KINDS[word]


def _zone(text: str, paragraph: Paragraph, lower: str | None = None) -> str:
    line = text[paragraph.start : paragraph.end]
    line_lower = (lower if lower is not None else text.lower())[paragraph.start : paragraph.end]
    if READ_ALSO_RE.match(line):
        return HEADLINE
    if is_caption(line_lower):
        return CAPTION
    if paragraph.index == 0 and line.rstrip("\"”’'»")[-1:] not in ".!?":
        return HEADLINE
    if line[-1:] in ".!?":
        return BODY
    if line.rstrip("\"”’'»)")[-1:] not in ".!?,:" and len(line.split()) <= 12:
        return HEADLINE  # a subheading, a dateline, a live-blog entry title
    long_words = [word for word in WORD_RE.findall(line) if len(word) > 3]
    if len(long_words) >= 3:
        capitalised = sum(1 for word in long_words if word[0].isupper())
        if capitalised >= 0.7 * len(long_words):
            return HEADLINE
    return BODY


class Document:
    """Everything the rules look up, computed once per article."""

    def __init__(self, text: str, published: date | None, registry: Registry) -> None:
        self.original = text  # what a statement quotes as evidence, its odd spaces and all
        text = plain_spaces(text)
        self.text = text
        self.published = published
        self.registry = registry
        self.folded = fold(text)
        lower = self.folded.lower()
        if len(lower) != len(text):
            lower = "".join(char.lower() if len(char.lower()) == 1 else char for char in self.folded)
        self.lower = lower
        self.paragraphs = paragraphs(text)
        self.zones = [_zone(text, paragraph, lower) for paragraph in self.paragraphs]
        self.quotes: list[Quote] = find_quotes(text, self.paragraphs)
        self.outer_quotes = [quote for quote in self.quotes if quote.depth == 0]
        self._quote_opens = [quote.open for quote in self.outer_quotes]
        self.sentences: list[Sentence] = []
        by_paragraph: dict[int, list[tuple[int, int]]] = {}
        for quote in self.outer_quotes:
            by_paragraph.setdefault(quote.paragraph, []).append((quote.open, quote.close))
        for paragraph in self.paragraphs:
            protected = by_paragraph.get(paragraph.index, [])
            self.sentences += split_sentences(text, paragraph, protected, len(self.sentences))
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.mentions: list[Mention] = find_mentions(text, self.folded, lower, published, registry)
        self._mention_starts = [mention.start for mention in self.mentions]
        self._mention_ends = sorted((mention.end, index) for index, mention in enumerate(self.mentions))
        self.cues = [
            Cue(match.start(), match.end(), *_cue_word(match.group())) for match in CUE_RE.finditer(lower)
        ]
        self.cues += self._verbs_before_that()
        self.cues.sort(key=lambda cue: cue.start)
        self._cue_starts = [cue.start for cue in self.cues]
        self.issue_spans: IssueSpans | None = None  # filled on first use by the issue tagger
        self.party_phrases = None  # the engine's lazy phrase -> party lookup
        self.outside_quotes: dict[tuple[int, int], str] = {}  # dating.py's texts read without their quotes

    def _verbs_before_that(self) -> list[Cue]:
        """'Peskov fumed that ...', 'Lavrov charged that ...': a verb the lexicon does not know, between a name
        and "that", reports what was said."""
        found = []
        position = self.lower.find(" that ")
        while position >= 0:
            verb = VERB_BEFORE_THAT_RE.search(self.lower, max(0, position - 24), position)
            if (
                verb is not None
                and verb.group() not in _CUE_KINDS
                and verb.group() not in NOT_SAYING_VERBS
                and self._mention_ends_at(verb.start() - 1)
            ):
                found.append(Cue(verb.start(), verb.end(), verb.group(), SPEECH))
            position = self.lower.find(" that ", position + 6)
        return found

    def _mention_ends_at(self, position: int) -> bool:
        index = bisect.bisect_left(self._mention_ends, (position, -1))
        return index < len(self._mention_ends) and self._mention_ends[index][0] == position

    # Lookups

    def sentence_at(self, position: int) -> Sentence:
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        return self.sentences[max(index, 0)]

    def zone_of(self, paragraph_index: int) -> str:
        return self.zones[paragraph_index]

    def quote_at(self, position: int) -> Quote | None:
        """The outer quote whose marks enclose position."""
        index = bisect.bisect_right(self._quote_opens, position) - 1
        if index >= 0:
            quote = self.outer_quotes[index]
            if quote.open <= position <= quote.close:
                return quote
        return None

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        first = bisect.bisect_left(self._quote_opens, start)
        last = bisect.bisect_left(self._quote_opens, end)
        return self.outer_quotes[first:last]

    def cues_between(self, start: int, end: int) -> list[Cue]:
        first = bisect.bisect_left(self._cue_starts, start)
        last = bisect.bisect_left(self._cue_starts, end)
        return self.cues[first:last]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self._mention_starts, start)
        last = bisect.bisect_left(self._mention_starts, end)
        return [mention for mention in self.mentions[first:last] if mention.end <= end]

    def mentions_ending_before(self, position: int, lower_bound: int, limit: int = 3) -> list[Mention]:
        """Mentions that end at or before position and start after lower_bound, nearest first."""
        index = bisect.bisect_right(self._mention_ends, (position, len(self.mentions)))
        found = []
        while index > 0 and len(found) < limit:
            index -= 1
            mention = self.mentions[self._mention_ends[index][1]]
            if mention.start < lower_bound:
                break
            found.append(mention)
        return found

    def mention_starting_at(self, position: int) -> Mention | None:
        index = bisect.bisect_left(self._mention_starts, position)
        if index < len(self.mentions) and self.mentions[index].start == position:
            return self.mentions[index]
        # A title before the name: the mention starts at its title.
        for mention in self.mentions[max(0, index - 1) : index + 3]:
            if mention.text_start == position:
                return mention
        return None
