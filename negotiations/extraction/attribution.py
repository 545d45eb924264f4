"""Find the speaker slot of a cue: who "said", "told reporters", "rejected"...

A slot is a mention (a name, a title, an institution, an anonymous source) or a pronoun that the engine
resolves later, in text order, against the people mentioned and quoted before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Cue, Document
from .lexicon import GAP_WORDS
from .mentions import ACTOR, ANONYMOUS, NAME, PERSON, ROLE, TITLE_HEAD_WORDS, Mention
from .text import Sentence

EVENT_WORDS = frozenset(
    [
        "statement",
        "interview",
        "address",
        "post",
        "briefing",
        "conference",
        "speech",
        "remarks",
        "comments",
        "call",
        "meeting",
        "visit",
        "message",
        "video",
        "broadcast",
        "appearance",
        "hearing",
        "session",
        "summit",
        "news",
        "press",
        "televised",
        "nightly",
        "evening",
        "telegram",
        "x",
        "social",
        "media",
        "network",
        "channel",
        "platform",
        "truth",
        "his",
        "her",
        "its",
        "their",
        "own",
        "late",
        "early",
        "with",
        "during",
        "at",
        "in",
        "on",
        "to",
        "via",
        "through",
        "after",
        "before",
        "following",
        "a",
        "an",
        "the",
        "written",
        "joint",
        "brief",
        "short",
        "phone",
        "forum",
        "event",
        "rally",
        "gathering",
    ]
)
PREPOSITIONS = frozenset(
    [
        "of",
        "for",
        "to",
        "with",
        "from",
        "by",
        "about",
        "against",
        "between",
        "at",
        "in",
        "on",
        "than",
        "like",
        "toward",
        "towards",
        "into",
        "over",
        "and",
        "or",
        "nor",
        "via",
        "under",
        "upon",
        "including",
        "among",
        "behind",
        "beside",
    ]
)
PRONOUNS = frozenset(("he", "she", "they", "it", "who"))
TOKEN_RE = re.compile(r"[\w'’.-]+|[,;:()\"“”‘’«»—–]")
MAX_GAP_TOKENS = 16
# ", the secretary of Ukraine's National Security and Defense Council and the country's chief negotiator,"
MAX_APPOSITIVE_TOKENS = 24


@dataclass(frozen=True)
class Slot:
    mention: Mention | None
    pronoun: str = ""
    start: int = 0
    end: int = 0


# "r-s.c", "d-n.y": a US lawmaker's party and state after the name ("Sen. Lindsey Graham, R-S.C., said").
PARTY_LABEL_TOKEN_RE = re.compile(r"[rdi]-[a-z][a-z.]*")


def _is_gap_token(token: str) -> bool:
    token = token.strip(".")
    return (
        token in GAP_WORDS
        or token in EVENT_WORDS
        or token.isdigit()
        or token in ("'s",)
        or PARTY_LABEL_TOKEN_RE.fullmatch(token) is not None
    )


def _tokens_before(doc: Document, position: int, lower_bound: int) -> list[tuple[int, int, str]]:
    window_start = max(lower_bound, position - 240)
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(doc.lower, window_start, position)]


def subject_before(doc: Document, cue: Cue, lower_bound: int) -> Slot | None:
    """The speaker written before a cue: "Lavrov has repeatedly said", "Peskov, the Kremlin spokesman, said"."""
    mention_by_end = {
        mention.end: mention for mention in doc.mentions_ending_before(cue.start, lower_bound, 8)
    }
    tokens = _tokens_before(doc, cue.start, lower_bound)
    index = len(tokens) - 1
    walked = 0
    appositive: Mention | None = None
    while index >= 0 and walked < MAX_GAP_TOKENS:
        start, end, token = tokens[index]
        mention = mention_by_end.get(end)
        if mention is not None:
            before = _token_before(tokens, doc, mention.text_start)
            # A name right between the clause's closing comma and the verb ("..., which have no say in it, Lavrov
            # said") is the trailing subject, not part of the clause.
            closes_clause = walked == 0 and before == ","
            relative = _relative_clause_start(tokens, _index_before(tokens, mention.text_start))
            if relative is not None and not closes_clause:
                # "De Wever, whose country hosts Euroclear, ... has said": no one in the clause is the subject.
                index = relative - 1
                walked += 1
                continue
            if before in ("and", "but") and _opens_clause(tokens, mention.text_start):
                before = None  # "..., and Ukrainian officials have warned": a clause of its own
            if before == "and" and (first := _first_of_joint_subject(doc, tokens, mention, mention_by_end)):
                return first  # "Macron and Merz called for ...": the first of the two speaks (and stands for both)
            if before == "and" and (pronoun := _pronoun_joined_to(tokens, mention)) is not None:
                return pronoun  # "He and Jared Kushner said ...": the one "he" refers to speaks first
            if before in ("the", "a", "an"):
                # "the President of the Council, the representative of Malta, said": a body named without its
                # article is still the object of the preposition before the article.
                before = _token_before(tokens, doc, tokens[_index_before(tokens, mention.text_start)][0])
            if mention.possessive or (before is not None and before in PREPOSITIONS):
                # "the spokesman for Putin", "Lavrov's": not the subject; read on past it.
                index = _index_before(tokens, mention.text_start)
                walked += 1
                continue
            if appositive is not None and _names_the_role(doc, mention, appositive):
                # "Zelensky's chief of staff, Andriy Yermak, said", "The envoy, Lt. Gen. Keith Kellogg, said": the
                # name in apposition says who holds the role on the day, whatever the registry last knew.
                return Slot(appositive, start=appositive.text_start, end=appositive.end)
            return Slot(mention, start=mention.text_start, end=mention.end)
        if token in PRONOUNS:
            return Slot(None, pronoun=token, start=start, end=end)
        if token == "them" and index >= 2 and tokens[index - 1][2] == "of" and tokens[index - 2][2] == "one":
            # "..., one of them said": one of the sources named before, who speak as "they".
            return Slot(None, pronoun="they", start=tokens[index - 2][0], end=end)
        if token == ")" and (opening := _parenthesis_start(tokens, index)) is not None:
            # "Sen. Rand Paul (R-Ky.) said", "Umerov (pictured) said": an aside between the name and the verb.
            index = opening - 1
            walked += 1
            continue
        if token == ",":
            granted = mention_by_end.get(tokens[index - 1][1]) if index > 0 else None
            if (
                granted is not None
                and granted.kind == ANONYMOUS
                and "," in doc.text[granted.start : granted.end]
            ):
                # "A senior official, who spoke on condition of anonymity to discuss the talks, said": the
                # source's mention holds its clause up to the comma.
                return Slot(granted, start=granted.text_start, end=granted.end)
            if walked == 0 and (granting := _granted_clause_before(doc, mention_by_end, start)) is not None:
                # "A European diplomat, speaking on condition of anonymity because the talks are private, said": the
                # clause goes on past the words the source's mention holds.
                return Slot(granting, start=granting.text_start, end=granting.end)
            opening = _appositive_start(tokens, index, doc)
            if opening is None:
                # "Olena Kravets, 34, a nurse from Kharkiv who ..., said": the name before the appositives.
                named = mention_by_end.get(tokens[index - 1][1]) if index > 0 and walked else None
                if named is not None and not named.possessive and appositive is None:
                    return Slot(named, start=named.text_start, end=named.end)
                return _fallback(appositive)
            inner = [
                mention
                for end_, mention in mention_by_end.items()
                if tokens[opening][1] <= mention.start and end_ <= start
            ]
            # ", who chairs the committee,": a relative clause's object is not another name for the subject.
            if len(inner) == 1 and tokens[opening + 1][2] not in RELATIVE_PRONOUNS:
                appositive = inner[0]
            index = opening - 1
            walked += 1
            continue
        if not _is_gap_token(token):
            if appositive is not None:
                return _fallback(appositive)
            return _person_before_affiliation(doc, tokens, index, mention_by_end) or _subject_of_who_clause(
                tokens, index, mention_by_end
            )
        index -= 1
        walked += 1
    return _fallback(appositive)


def _granted_clause_before(doc: Document, mention_by_end: dict[int, Mention], comma: int) -> Mention | None:
    """The anonymous source whose granted-anonymity clause (", speaking on condition of anonymity because ...")
    the comma at `comma` closes."""
    for end, mention in mention_by_end.items():
        if (
            mention.kind == ANONYMOUS
            and end < comma <= end + 60
            and "," in doc.text[mention.start : end]
            and not any(mark in doc.text[end:comma] for mark in ',;:"“”')
        ):
            return mention
    return None


def _first_of_joint_subject(
    doc: Document, tokens: list[tuple[int, int, str]], second: Mention, mention_by_end: dict[int, Mention]
) -> Slot | None:
    """'Macron and Merz called for', 'Prime Minister A and Prime Minister B said': two people (or two states) that
    open the sentence together; the first is the speaker given, rather than none ("talks between Putin and Xi
    said" has a preposition before the first and is left alone)."""
    index = _index_before(tokens, second.text_start)  # the "and"
    if index < 1 or second.possessive:
        return None
    first = mention_by_end.get(tokens[index - 1][1])
    if first is None or first.possessive or first.kind not in (ACTOR, PERSON, NAME):
        return None
    if first.is_person != second.is_person:
        return None  # "Zelenskyy and Ukraine's allies": not two of a kind
    opening = _index_before(tokens, first.text_start)
    if opening >= 0 and tokens[opening][2] not in (",", ":", '"', "“", "”"):
        return None
    return Slot(first, start=first.text_start, end=first.end)


def _pronoun_joined_to(tokens: list[tuple[int, int, str]], second: Mention) -> Slot | None:
    """'He and Jared Kushner said', 'She and Rubio told reporters': a subject pronoun opening the clause, joined to
    a name by "and"; the pronoun's referent is the first of the two speakers."""
    index = _index_before(tokens, second.text_start)  # the "and"
    if index < 1 or second.possessive or not second.is_person:
        return None
    start, end, word = tokens[index - 1]
    if word not in ("he", "she"):
        return None
    if index >= 2 and tokens[index - 2][2] not in (",", ":", ";", '"', "“", "”"):
        return None  # "told him and Kushner": the pronoun is an object, not the subject
    return Slot(None, pronoun=word, start=start, end=end)


def _names_the_role(doc: Document, mention: Mention, appositive: Mention) -> bool:
    """Whether the appositive after a role ("the envoy", "Zelensky's chief of staff") names its holder."""
    # "the President of the Council, the representative of Malta,": a delegate fills the role for its state.
    person = appositive.is_person or appositive.delegate
    if not person or appositive.kind not in (ACTOR, PERSON, NAME) or appositive.possessive:
        return False
    described = mention.kind == ACTOR and doc.text[mention.start : mention.end] == mention.title
    # "The Humanitarian Coordinator, Matthias Schmale, said": a title in capitals the registry does not know.
    # "The German government spokesman, Jan Vogt, said": a spokesperson's phrase is a role the name fills.
    spokesperson = mention.speaks_for is not None and not mention.delegate
    return (
        (mention.kind == ROLE and mention.is_person)
        or described
        or is_capitalised_role(mention)
        or spokesperson
    )


AFFILIATION_WORDS = frozenset(["of", "at", "from"])
MAX_AFFILIATION_TOKENS = 8


def _person_before_affiliation(
    doc: Document, tokens: list[tuple[int, int, str]], index: int, mention_by_end: dict[int, Mention]
) -> Slot | None:
    """'Analyst Oleksandr Kraiev of the Ukrainian Prism think tank said': a person, then the body they work for,
    named with capitals; or an unnamed source, then where it works."""
    for position in range(index, max(0, index - MAX_AFFILIATION_TOKENS), -1):
        token = tokens[position][2]
        if not (token[0].isalnum() or token in "'’-"):
            return None  # a comma, a quote mark, a bracket: not one affiliation any more
        if token not in AFFILIATION_WORDS:
            continue
        mention = mention_by_end.get(tokens[position - 1][1])
        if mention is None or mention.possessive:
            continue
        named = any(doc.text[start].isupper() for start, _, _ in tokens[position + 1 : index + 1])
        # An unnamed source needs no named body: "an executive at a state-run refinery, who ..., said".
        if (named and mention.is_person and mention.kind != ROLE) or mention.kind == ANONYMOUS:
            return Slot(mention, start=mention.text_start, end=mention.end)
    return None


MAX_WHO_CLAUSE_TOKENS = 12


def _subject_of_who_clause(
    tokens: list[tuple[int, int, str]], index: int, mention_by_end: dict[int, Mention]
) -> Slot | None:
    """'A U.S. official who briefed journalists on condition of anonymity said': a relative clause with no
    commas between the subject and its cue."""
    for position in range(index, max(0, index - MAX_WHO_CLAUSE_TOKENS), -1):
        token = tokens[position][2]
        if not (token[0].isalnum() or token in "'’-"):
            return None  # a comma, a quote mark: the clause is set off, read elsewhere
        if token == "who":
            mention = mention_by_end.get(tokens[position - 1][1])
            if mention is None or mention.possessive or not (mention.is_person or mention.kind == ANONYMOUS):
                return None
            return Slot(mention, start=mention.text_start, end=mention.end)
    return None


RELATIVE_PRONOUNS = frozenset(["who", "whose", "whom", "which", "where"])
MAX_ASIDE_TOKENS = 8


def _parenthesis_start(tokens: list[tuple[int, int, str]], index: int) -> int | None:
    """The index of the "(" opening the short aside that the ")" at ``index`` closes."""
    for opening in range(index - 1, max(-1, index - MAX_ASIDE_TOKENS - 1), -1):
        if tokens[opening][2] == "(":
            return opening
        if tokens[opening][2] == ")":
            return None
    return None


def _opens_clause(tokens: list[tuple[int, int, str]], position: int) -> bool:
    """Whether the conjunction before `position` follows a comma: ", and officials said", not "Putin and Xi"."""
    index = _index_before(tokens, position)
    return index > 0 and tokens[index - 1][2] == ","


def _relative_clause_start(tokens: list[tuple[int, int, str]], index: int) -> int | None:
    """The index of the comma opening a relative clause that token `index` is part of (", whose country
    hosts Euroclear"), or None when the token is not inside one."""
    if 0 <= index < len(tokens) and tokens[index][2] == ",":
        return None  # "In Kramatorsk, where sirens sound daily, residents said": that comma closed the clause
    for back in range(index, max(-1, index - MAX_APPOSITIVE_TOKENS), -1):
        token = tokens[back][2]
        if token == "," and back + 1 < len(tokens) and back + 1 <= index:
            return back if tokens[back + 1][2] in RELATIVE_PRONOUNS else None
        if token in ';:"“”«».':
            return None
    return None


def _fallback(appositive: Mention | None) -> Slot | None:
    if appositive is None:
        return None
    return Slot(appositive, start=appositive.text_start, end=appositive.end)


def _token_before(tokens: list[tuple[int, int, str]], doc: Document, position: int) -> str | None:
    index = _index_before(tokens, position)
    return tokens[index][2] if index >= 0 else None


def _index_before(tokens: list[tuple[int, int, str]], position: int) -> int:
    index = len(tokens) - 1
    while index >= 0 and tokens[index][1] > position:
        index -= 1
    return index


def _appositive_start(tokens: list[tuple[int, int, str]], comma_index: int, doc: Document) -> int | None:
    """For ", the Kremlin spokesman," before a cue: the index of the opening comma. A cue inside is allowed
    only in a relative clause (", who was not authorized to speak publicly,"), which reports no words."""
    has_cue = has_quote = False
    for index in range(comma_index - 1, max(-1, comma_index - MAX_APPOSITIVE_TOKENS), -1):
        token = tokens[index][2]
        if token == ",":
            if index == comma_index - 1:
                return None
            # ", who was not authorized to speak,", ", asked about the exchange,": a clause that reports no words.
            relative = (
                tokens[index + 1][2] in RELATIVE_PRONOUNS or tokens[index + 1][2] in SETTING_PARTICIPLES
            )
            return None if (has_cue or has_quote) and not relative else index
        if token in ";:":
            return None
        if token in ("who", "which", "whose") and has_cue and tokens[index - 1][2] != ",":
            # ", a Republican from South Carolina who has pushed for sanctions,": the cue is the relative clause's,
            # inside the appositive.
            has_cue = False
        # A quoted title in a relative clause (', whose "Sanctioning Russia Act" has stalled,') is allowed.
        has_quote = has_quote or token in '"“”«»'
        has_cue = has_cue or bool(doc.cues_between(tokens[index][0], tokens[index][1]))
    return None


def speaker_after(doc: Document, position: int, upper_bound: int) -> Slot | None:
    """The speaker written right after a cue: "said Lavrov", "said Russian Foreign Minister Sergey Lavrov"."""
    issued = ISSUED_BY_RE.match(doc.lower, position, upper_bound)
    if issued is not None:
        # '"...," said a statement from the Elysee': the body that issued the words speaks.
        return _issuer_after(doc, issued.end(), upper_bound)
    cursor = position
    while cursor < upper_bound and doc.text[cursor] in " \t,":
        cursor += 1
    if doc.lower.startswith("by ", cursor):
        cursor += 3
    mention = doc.mention_starting_at(cursor)
    if mention is not None and mention.end <= upper_bound and not mention.possessive:
        person = person_after_body(doc, mention, upper_bound)
        if person is not None:
            mention = person
        return Slot(mention, start=mention.text_start, end=mention.end)
    for word, pronoun in (("he", "he"), ("she", "she"), ("him", "he"), ("her", "she")):
        if (
            doc.lower.startswith(word, cursor)
            and not doc.lower[cursor + len(word) : cursor + len(word) + 1].isalnum()
        ):
            return Slot(None, pronoun=pronoun, start=cursor, end=cursor + len(word))
    return None


ROLE_WORD_RE = re.compile(r"(?:[a-z][\w-]*\s+){1,3}$")


def person_after_body(doc: Document, mention: Mention, upper_bound: int) -> Mention | None:
    """'says Kremlin aide Yuri Ushakov': a body's name used as the title of the person named after it."""
    if mention.is_person:
        return None
    for other in doc.mentions_between(mention.end, min(upper_bound, mention.end + 70)):
        between = doc.text[mention.end : other.text_start]
        if (
            other.is_person
            and other.kind != "role"
            # "Kremlin aide Yuri Ushakov"; "League leader and Deputy Premier Matteo Salvini", the title read with
            # the name already.
            and (ROLE_WORD_RE.fullmatch(between.lstrip()) or (not between.strip() and other.title))
            and not doc.cues_between(mention.end, other.text_start)  # "Fesenko said Putin ...": no title
        ):
            return other
        break
    return None


# Between "according to" and a name: a description ("Ukrainian grid operator Ukrenergo").
DESCRIPTION_RE = re.compile(r"\s*(?:(?:the|a|an)\s+)?(?:[A-Za-z][\w'’-]*\s+){1,4}")


ISSUED_BY_RE = re.compile(
    r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|readout|communiqu[eé]|press release)"
    r"(?:\s+(?:of|on)\s+the\s+(?:call|talks|meeting))?\s+(?:from|by|of|issued by|released by)\s+(?=\S)"
)


def _issuer_after(doc: Document, position: int, upper_bound: int) -> Slot | None:
    return speaker_after(doc, position, upper_bound) or speaker_after(doc, position + 4, upper_bound)


def according_to(doc: Document, cue: Cue, upper_bound: int) -> Slot | None:
    if cue.word == "per" and not doc.text.endswith(", ", 0, cue.start):
        return None  # "per" attributes only set off by a comma ("..., per a source"), not in "$80 per barrel"
    slot = speaker_after(
        doc, cue.end, upper_bound
    )  # also "according to a statement from the Slovak government"
    if slot is None:
        cursor = cue.end
        while cursor < upper_bound and doc.text[cursor] == " ":
            cursor += 1
        if doc.lower.startswith("the ", cursor):
            slot = speaker_after(doc, cursor + 4, upper_bound)
    if slot is None:
        for mention in doc.mentions_between(cue.end, min(upper_bound, cue.end + 60)):
            words = doc.lower[cue.end : mention.text_start].split()
            while words and words[-1] in ("the", "a", "an"):
                words.pop()
            if (
                DESCRIPTION_RE.fullmatch(doc.text, cue.end, mention.text_start)
                and not mention.possessive
                and words
                and words[-1]
                not in PREPOSITIONS  # "according to a report in the Times": a report, not the Times
            ):
                slot = Slot(mention, start=mention.text_start, end=mention.end)
            break
    return slot


TRAILING_TITLE_RE = re.compile(r"(?:\s+(?:[A-Z][\w.'’-]*|of|the|for))+\s*$")  # ", President" before a name
INTRO_RE = re.compile(
    r"^(?:(?:but|and|however|meanwhile|still|yet|so|now|also|instead|separately)\b,?\s*)+", re.I
)
# "Speaking to reporters on Sunday, ...", "Asked whether ...": an opening phrase that sets the scene.
SETTING_PARTICIPLES = frozenset(
    [
        "speaking",
        "addressing",
        "asked",
        "writing",
        "talking",
        "responding",
        "answering",
        "appearing",
        "interviewed",
        "opening",
        "closing",
        "concluding",
        "reacting",
        "commenting",
        "replying",
    ]
)
SETTING_START_RE = re.compile(
    "(?:" + "|".join(sorted(word.capitalize() for word in SETTING_PARTICIPLES)) + r")(?![\w-])"
)
# "with CNN's Christiane Amanpour": a possessive between the preposition and the name is part of the object.
PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![\w'-])(?:for|to|with|against|on|at|about|from|of|by|in)\s+(?:[\w.-]+['’]s\s+)?$"
)


# Also "Minister of Foreign Affairs of Ukraine Andrii Sybiha": the office's state, then its holder's name.
ROLE_APPOSITION_GAP_RE = re.compile(
    r"(?:\s+(?:of|at|in|for)\s+[^,;.\n]{1,60})?\s*,\s*(?:[a-z][\w'-]*\s+){0,3}|\s*"
    r"|\s+of\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,3}"
)


def sentence_subject(doc: Document, sentence: Sentence, before: int) -> Slot | None:
    """The subject of the sentence, read before position `before` (its verb): the first mention not in an opening
    prepositional phrase, the name in apposition to a role, the person a body's name titles."""
    mentions = doc.mentions_between(sentence.start, before)
    # "Asked about Zelenskyy, he ...", "Speaking in Beijing on Wednesday, Putin ...": objects of prepositions
    # in an opening phrase are not the subject.
    while mentions and PREPOSITION_BEFORE_RE.search(doc.lower, sentence.start, mentions[0].text_start):
        mentions = mentions[1:]
    if mentions and SETTING_START_RE.match(doc.text, sentence.start):
        # "Asked whether Ukraine could give up land, Zelenskyy was blunt": the opening phrase ends at its comma.
        comma = doc.text.find(",", sentence.start, before)
        if comma >= 0:
            mentions = [mention for mention in mentions if mention.start > comma]
    if not mentions:
        return None
    mention = mentions[0]
    subject_start = mention.text_start
    if mention.kind == ROLE or is_capitalised_role(mention):
        # "The prime minister, Sir Keir Starmer, was unmoved", "The head of the Russian delegation, presidential
        # aide Vladimir Medinsky, scoffed", "the President of the Council, the representative of Sierra Leone,
        # said": the name in apposition, or the delegate.
        for other in mentions[1:4]:
            if (other.is_person or other.speaks_for is not None) and other.kind != ROLE:
                if ROLE_APPOSITION_GAP_RE.fullmatch(doc.text, mention.end, other.text_start):
                    mention = other
                break
    person = person_after_body(doc, mention, before)  # "Foreign Ministry spokeswoman Maria Zakharova"
    if person is not None:
        mention = person
    prefix = INTRO_RE.sub(
        "",
        TRAILING_TITLE_RE.sub("", doc.text[sentence.start : min(subject_start, mention.text_start)]).strip(),
    )
    # An introductory phrase closed by a comma ("In his nightly address on Sunday, Zelensky ...") is allowed.
    if (len(prefix.split()) > 4 and not (prefix.endswith(",") and len(prefix.split()) <= 12)) or (
        mention.possessive or doc.quote_at(mention.start) is not None
    ):
        return None
    if SUBJECT_PRONOUN_RE.search(prefix, prefix.rfind(",") + 1):
        return None  # "There, he met Umerov": the pronoun is the subject, Umerov the object
    return Slot(mention, start=mention.text_start, end=mention.end)


def is_capitalised_role(mention: Mention) -> bool:
    """'The Permanent Representative', 'The Special Envoy': a title written with capitals and no name, which a
    name in apposition after it fills."""
    return mention.kind == NAME and mention.name.rsplit(None, 1)[-1].lower() in TITLE_HEAD_WORDS


SUBJECT_PRONOUN_RE = re.compile(r"(?<![\w'’-])(?:he|she|they|He|She|They)(?![\w'’-])")
