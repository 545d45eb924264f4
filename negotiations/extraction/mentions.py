"""Find who is mentioned where: registry actors, unknown people and bodies, anonymous sources, role nouns."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from datetime import date

from .entries import ActorEntry
from .lexicon import (
    ANONYMITY_PHRASES,
    ANONYMITY_VERBS,
    ANONYMOUS_HEADS,
    ANONYMOUS_MODIFIERS,
    ANONYMOUS_QUALIFIERS,
    APPOSITIVE_PERSON_NOUNS,
    FEMALE_TITLES,
    NAME_STOPWORDS,
    NEWSPAPER_WORDS,
    NEWSPAPERS_WITHOUT_THE,
    OFFICE_DOMAIN_WORDS,
    ORGANISATION_WORDS,
    PERSON_ROLE_NOUNS,
    SIDE_STATES,
    SPOKESPERSON_NOUNS,
    STATE_ADJECTIVES,
    STATES_BY_ADJECTIVE,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from .registry import Registry
from .text import fold

ACTOR = "actor"  # an actor of the registry
PERSON = "person"  # an unknown person, named
NAME = "name"  # an unknown capitalised name that may be a person or a body
ANONYMOUS = "anonymous"
ROLE = "role"  # "the minister": refers back to someone named before


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str
    name: str
    title: str = ""
    actors: list[ActorEntry] = field(default_factory=list)
    gender: str = ""
    possessive: bool = False
    title_start: int = -1  # where a title written before the name begins
    # "A State Department spokesperson": the phrase is a mention of the institution it speaks for.
    speaks_for: Mention | None = None
    delegate: bool = False  # "the representative of China": a delegate, speaking at the meeting reported

    @property
    def actor(self) -> ActorEntry | None:
        return self.actors[0] if self.actors else None

    @property
    def is_person(self) -> bool:
        if self.kind == ACTOR:
            # The first actor read directly: the property is asked for every mention, several times over.
            return bool(self.actors) and self.actors[0].kind == "person"
        if self.kind == ROLE:
            head = self.name.rsplit(None, 1)[-1].lower()
            return head not in INSTITUTION_HEADS and head not in DOCUMENT_HEADS
        if self.kind == NAME:
            words = self.name.split()
            return len(words) >= 2 and not any(word in ORGANISATION_WORDS for word in words)
        if self.kind == ANONYMOUS:
            return bool(self.title)  # "a man in his 60s" (titled by his noun), not "officials" or "sources"
        return self.kind == PERSON

    @property
    def text_start(self) -> int:
        return self.title_start if self.title_start >= 0 else self.start


# "O'Brien", "Al-Sisi"; not a possessive "'s" ("Stanovaya's analysis" names Stanovaya).
_NAME_TAIL = r"(?:-[A-Z]?[a-z]+|'(?!s(?![a-z]))[A-Z]?[a-z]+)*"
# "Ahmed al-Mansouri", "Mohammed bin Abdulrahman al-Thani": an Arabic article joined to the family name.
_NAME_TOKEN = rf"(?:(?:al|el|ad|as|ash|at|az|ud|ul)-[A-Z][a-z]+|[A-Z][a-z]+(?:[A-Z][a-z]+)?{_NAME_TAIL}|[A-Z]'[A-Z][a-z]+|[A-Z]\.(?:[ ]?[A-Z]\.)*|[A-Z]{{2,3}}(?=[ ][A-Z][a-z]))"
_PARTICLE = r"(?:von|van|der|den|de|da|di|del|la|le|al|el|bin|ibn|dos|das|du|ter|O|Ni|Nic|Mac)"  # "Ó Laoghaire" folds to "O"
# The first token's capital comes first and the lookbehind after it (same matches): the regex engine then
# skips ahead to capitals instead of trying the lookbehind at every character.
# A capital right after a dot ("S.C." in "(R-S.C.)") goes on an abbreviation; it starts no name.
_FIRST_NAME_TOKEN = rf"[A-Z](?<![\w'.-].)(?:[a-z]+(?:[A-Z][a-z]+)?{_NAME_TAIL}|'[A-Z][a-z]+|\.(?:[ ]?[A-Z]\.)*|[A-Z]{{1,2}}(?=[ ][A-Z][a-z]))"
NAME_RE = re.compile(rf"{_FIRST_NAME_TOKEN}(?:[ ]+(?:{_PARTICLE}[ ]+)*{_NAME_TOKEN}){{0,5}}(?![\w])")

_ANON_HEAD = "|".join(sorted(ANONYMOUS_HEADS, key=len, reverse=True))
_ANON_MOD = "|".join(re.escape(word) for word in sorted(ANONYMOUS_MODIFIERS, key=len, reverse=True))
_ANON_QUAL = "|".join(re.escape(phrase) for phrase in sorted(ANONYMOUS_QUALIFIERS, key=len, reverse=True))
# "speaking on condition of anonymity", "who was granted anonymity", "who asked not to be named".
_GRANTED = (
    rf"(?:who\s+)?(?:was\s+|were\s+|did\s+not\s+|didn't\s+|does\s+not\s+)?(?:{'|'.join(ANONYMITY_VERBS)})\b[^.,;]{{0,40}}?"
    rf"(?:{'|'.join(sorted(ANONYMITY_PHRASES, key=len, reverse=True))})"
)
ANONYMOUS_RE = re.compile(
    rf"(?<![\w-])(?P<det>(?:an?|one|another|two|three|four|five|several|some|other|the|many|multiple|"
    rf"(?P<owner>[a-z][\w-]*['’]s))\s+"
    rf"(?P<of>of\s+(?:the|those|these)\s+)?)?"
    rf"(?P<mods>(?:(?:{_ANON_MOD})\s+){{0,4}})(?P<head>{_ANON_HEAD})(?![\w-])"
    rf"(?P<qual>,?\s+(?:{_ANON_QUAL}|{_GRANTED})\s+(?:the\s+)?(?:(?!(?:said|says|told|tells)\s)[\w'-]+\s+){{0,3}}?"
    rf"(?:talks|negotiations|matter|discussions|process|kremlin|delegation|administration|government|"
    rf"situation|planning|plans?|deliberations|issue|presidency|president|leadership|ministry|anonymity|named|"
    rf"white house|[a-z]+ sides?|paper|document|draft|proposals?|deal|agreement|framework|exchanges?|contacts|"
    rf"meetings?|call|conversations?|case|investigation|decision|negotiators|preparations))?"
)
# "the ministry said": an institution named before, referred to by its kind.
INSTITUTION_HEADS = frozenset(
    [
        "ministry",
        "department",
        "agency",
        "embassy",
        "commission",
        "palace",
        "office",
        "headquarters",
        "council",
        "service",
        "committee",
        "bureau",
        "mission",
        "directorate",
        "fund",
        "bank",
        "court",
    ]
)
# "the statement said", "the communiqué also called on": the words of whoever issued it (the head is read from the
# text, accents and all).
DOCUMENT_HEADS = frozenset(["statement", "readout", "communique", "communiqué", "declaration"])
_ROLE_HEAD = "|".join(sorted(PERSON_ROLE_NOUNS | INSTITUTION_HEADS | DOCUMENT_HEADS, key=len, reverse=True))
# "the" before its lookbehind: a literal prefix the regex engine searches for fast (same matches).
# "the head of state" and "the head of government" are one role noun, not "the head" of something.
ROLE_RE = re.compile(
    rf"th(?:e(?<![\w-]the)|at(?<![\w-]that)|is(?<![\w-]this))\s+(?:[\w'-]+\s+){{0,2}}?(?P<head>{_ROLE_HEAD})(?:\s+of\s+(?:state|government))?(?![\w-])"
)
# ", a political analyst at ...", ", 34, a nurse from Kharkiv", ", Russia's commissioner for children's rights": the
# role after a name says it is a person's.
APPOSITIVE_ROLE_RE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:a|an|the|[A-Z][\w-]*'s)\s+(?:[\w'-]+\s+){0,4}?(?P<role>"
    + "|".join(sorted(PERSON_ROLE_NOUNS | APPOSITIVE_PERSON_NOUNS, key=len, reverse=True))
    + r")(?![\w-])",
    re.I,
)
# ", Minister of Foreign Affairs,", ", Deputy Foreign Minister,": a capitalised office after a name, with no article
# (Gulf, Asian and ministry copy), is the name's title.
CAPITALISED_APPOSITIVE_ROLE_RE = re.compile(
    r",\s+(?:[A-Z][\w-]*\s+){0,3}?(?P<role>"
    + "|".join(sorted((word.capitalize() for word in ("minister", "secretary", "ambassador", "envoy", "adviser",
                                                      "advisor", "spokesperson", "spokesman", "spokeswoman",
                                                      "commissioner", "president", "chancellor")), key=len, reverse=True))
    + r")(?:\s+(?:of|for)\s+[A-Z][^,.;]{0,60})?[,.;]"
)  # fmt: skip
# "Blogger Taras Hrytsenko", "pollster Anton Hrushetsky": a noun for a person written before a name is its title.
TITLE_HEAD_WORDS = TITLE_HEADS | APPOSITIVE_PERSON_NOUNS
DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ish|ese|ch|i|an)$|^[A-Z][\w-]*'s$|^U\.?S\.?$|^EU$|^UN$|^UK$")


@functools.lru_cache(maxsize=8192)
def _is_title_word(word: str) -> bool:
    lower = word.lower()
    return lower in TITLE_HEAD_WORDS or lower in TITLE_MODIFIERS or DEMONYM_RE.match(word) is not None


WORD_CHARS_RE = re.compile(r"[\w.'-]+")


def _word_before(folded: str, cursor: int, lower_bound: int) -> tuple[int, str] | None:
    """The word (letters, digits, . ' -) that ends just before cursor, spaces between allowed."""
    end = cursor
    while end > lower_bound and folded[end - 1].isspace():
        end -= 1
    start = max(folded.rfind(" ", lower_bound, end), folded.rfind("\n", lower_bound, end)) + 1
    start = max(start, lower_bound)
    if start >= end:
        return None
    word = folded[start:end]
    if WORD_CHARS_RE.fullmatch(word) is None:  # punctuation inside: keep the word characters at the end
        tail = None
        for piece in WORD_CHARS_RE.finditer(word):
            tail = piece
        if tail is None or tail.end() != len(word):
            return None
        start += tail.start()
        word = tail.group()
    return start, word


def title_before(folded: str, position: int, lower_bound: int) -> tuple[str, int]:
    """The title written just before a name ("Russian Foreign Minister"), and where it starts."""
    words: list[tuple[int, str]] = []
    cursor = position
    for _ in range(7):
        found = _word_before(folded, cursor, max(lower_bound, cursor - 40))
        if found is None or not _is_title_word(found[1]):
            break
        words.append(found)
        cursor = found[0]
    while words and words[-1][1].lower() in ("the", "a", "an", "and", "of", "for", "to", "his", "her"):
        words.pop()
    # A noun for a person is a title only right before the name ("blogger Taras Hrytsenko", not "a resident of
    # Kherson").
    if not any(word.lower() in TITLE_HEADS for _, word in words) and not (
        words and words[0][1].lower() in APPOSITIVE_PERSON_NOUNS
    ):
        return "", -1
    start = words[-1][0]
    return folded[start:position].strip(), start


def _gender_from_title(title: str) -> str:
    if not title:
        return ""
    return "female" if any(word in FEMALE_TITLES for word in title.lower().split()) else ""


def _gender_from_name(name: str) -> str:
    """A Slavic woman's name, given name and surname both in -a ("Oksana Markarova"; "Olena Kovalenko" keeps no
    gender), so that "he" after her goes to the man named before."""
    words = name.split()
    return "female" if len(words) >= 2 and words[0][-1:] == "a" and words[-1][-1:] == "a" else ""


def find_mentions(
    text: str, folded: str, lower: str, published: date | None, registry: Registry
) -> list[Mention]:
    """Mentions in text order, without overlaps: registry names win over unknown names."""
    names = list(NAME_RE.finditer(folded))  # capitalised names, read once for bodies and unknown people
    registry_mentions = _institutions_named_after_places(
        text, folded, names, _without_namesakes(folded, _registry_mentions(text, lower, published, registry))
    )
    registry_mentions = _possessive_roles(text, lower, registry_mentions, published, registry)
    # An anonymous source wins over the state or body that qualifies it ("a US official", "a Kremlin
    # source"), but not over a named person ("US official Steve Witkoff" is not anonymous).
    anonymous = _anonymous_mentions(text, lower, registry_mentions)
    anonymous += _granted_anonymity(text, lower, anonymous)
    anonymous += _unnamed_people(text, lower, anonymous)
    mentions = registry_mentions
    if anonymous:
        covered = sorted((mention.start, mention.end) for mention in anonymous)
        mentions = [m for m in registry_mentions if not _overlaps(covered, m.text_start, m.end)] + anonymous
    taken = sorted((mention.text_start, mention.end) for mention in mentions)
    sides = [m for m in _side_mentions(lower, published, registry) if not _overlaps(taken, m.start, m.end)]
    if sides:
        mentions = mentions + sides
        taken = sorted((mention.text_start, mention.end) for mention in mentions)
    if "delegation" in lower and (delegations := _state_delegations(text, published, registry, taken)):
        mentions = mentions + delegations
        taken = sorted((mention.text_start, mention.end) for mention in mentions)
    if ("ministry" in lower or "foreign office" in lower) and (bodies := _state_ministries(text, taken)):
        mentions = mentions + bodies
        taken = sorted((mention.text_start, mention.end) for mention in mentions)
    if (
        "government" in lower
        and "spokes" in lower
        and (governments := _spoken_for_governments(text, published, registry, taken))
    ):
        mentions = mentions + governments
        taken = sorted((mention.text_start, mention.end) for mention in mentions)
    if "government" in lower and (governments := _state_governments(text, published, registry, taken)):
        mentions = mentions + governments
        taken = sorted((mention.text_start, mention.end) for mention in mentions)
    labels = [match.span() for match in PARTY_LABEL_RE.finditer(text)]
    mentions = mentions + _unknown_mentions(text, folded, names, sorted(taken + labels) if labels else taken)
    taken = sorted((mention.text_start, mention.end) for mention in mentions)
    if acronyms := _speaking_acronyms(text, taken):
        mentions = mentions + acronyms
        taken = sorted((mention.text_start, mention.end) for mention in mentions)
    mentions += _role_mentions(text, lower, taken)
    mentions.sort(key=lambda mention: mention.start)
    if "spokes" in lower:
        mentions = _spokespeople(text, lower, mentions)
    if "representative" in lower or "delegat" in lower or "speaker for" in lower:
        mentions = _delegates(text, lower, mentions)
    if " of " in lower:
        mentions = _drop_places_in_titles(lower, mentions)
    return mentions


# "the Swiss foreign ministry", "the Indian external affairs ministry": a state's adjective before a ministry
# written in small letters, which no capitalised name covers.
# "South Korea's foreign ministry", "the Philippines' foreign ministry": the same after the state's name.
_STATE_WORDS = r"(?:(?:South|North|New|Sri|Sierra|Saudi|United Arab) )?[A-Z][a-z]+"
STATE_MINISTRY_RE = re.compile(
    rf"(?<![\w-])(?:[Tt]he )?(?:(?P<adjective>{_STATE_WORDS})|(?P<state>{_STATE_WORDS})(?:['’]s|(?<=s)['’])) "
    r"(?P<body>(?:(?:foreign|external) affairs|foreign|defen[cs]e|interior|justice|finance|energy|trade|economy|"
    r"unification) ministry|ministry of (?:foreign|external) affairs|ministry of defen[cs]e|foreign office)(?![\w-])"
)


def _ministry_phrases(text: str) -> list[re.Match[str]]:
    """STATE_MINISTRY_RE's matches, read only near each "ministry" or "office" (a few an article): the regex has no
    literal to search for, and read over the whole text it costs more than the rest of this module's scans."""
    found: dict[int, re.Match[str]] = {}
    for word in ("ministry", "office"):
        position = text.find(word)
        while position >= 0:
            match = STATE_MINISTRY_RE.search(text, max(0, position - 40), position + len(word) + 20)
            if match is not None and match.start() <= position < match.end():
                found[match.start()] = match
            position = text.find(word, position + len(word))
    return [found[start] for start in sorted(found)]


def _state_ministries(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """'The Swiss foreign ministry said ...' is the Swiss Foreign Ministry's: named with capitals, as the gold
    names ministries, and only after the adjective of a state (not "the Trump foreign ministry")."""
    found = []
    for match in _ministry_phrases(text):
        adjective, state, body = match.group("adjective", "state", "body")
        if state is not None:
            adjective = STATE_ADJECTIVES.get(state)
            start = match.start("state")
        else:
            start = match.start("adjective")
        if adjective not in STATES_BY_ADJECTIVE or _overlaps(taken, start, match.end()):
            continue
        name = f"{adjective} {body.title().replace(' Of ', ' of ')}"
        possessive = text.startswith("'s", match.end())
        found.append(Mention(start, match.end(), NAME, name, possessive=possessive))
    return found


# "the Estonian delegation", "the Brazilian delegation": the state it speaks for, as "the Ukrainian delegation".
STATE_DELEGATION_RE = re.compile(r"(?<![\w-])[Tt]he (?P<adjective>[A-Z][a-z]+) delegation(?![\w-])")


def _state_delegations(
    text: str, published: date | None, registry: Registry, taken: list[tuple[int, int]]
) -> list[Mention]:
    """'The Estonian delegation said ...' is Estonia's word, for any state whose adjective the lexicon knows."""
    found = []
    for match in STATE_DELEGATION_RE.finditer(text):
        state = STATES_BY_ADJECTIVE.get(match.group("adjective"))
        if state is None or _overlaps(taken, match.start(), match.end()):
            continue
        actors = registry.resolve(state, published)
        name = actors[0].name if actors else state
        found.append(Mention(match.start(), match.end(), ACTOR if actors else NAME, name, actors=actors[:1]))
    return found


# "a German government spokesman", "a spokeswoman for the Slovak government": a government's spokesperson speaks for
# the state (as "a UK government spokesperson" does), named by its adjective.
GOVERNMENT_SPOKESPERSON_RE = re.compile(
    r"(?<![\w-])(?P<for>spokes(?:man|woman|person)\s+(?:for|of)\s+)?(?:the\s+)?(?P<adjective>[A-Z][a-z]+)"
    r"\s+government(?![\w-])(?(for)|(?=\s+spokes(?:man|woman|person)(?![\w-])))"
)


def _spoken_for_governments(
    text: str, published: date | None, registry: Registry, taken: list[tuple[int, int]]
) -> list[Mention]:
    """The state a government's spokesperson speaks for: a mention that `_spokespeople` makes the spokesperson's
    (the adjective before "government spokesman"; "the Slovak government" after "spokeswoman for")."""
    found = []
    for match in GOVERNMENT_SPOKESPERSON_RE.finditer(text):
        state = STATES_BY_ADJECTIVE.get(match.group("adjective"))
        if state is None:
            continue
        start, end = (match.end("for"), match.end()) if match.group("for") else match.span("adjective")
        if _overlaps(taken, start, end):
            continue
        actors = registry.resolve(state, published)
        name = actors[0].name if actors else state
        found.append(Mention(start, end, ACTOR if actors else NAME, name, actors=actors[:1]))
    return found


# "The Indian government said", "South Korea's government", "the government of Peru": the state speaks (as "Moscow"
# does for Russia), for any state whose adjective the lexicon knows.
STATE_GOVERNMENT_RE = re.compile(
    rf"(?<![\w-])(?:[Tt]he (?P<adjective>{_STATE_WORDS})|(?P<state>{_STATE_WORDS})(?:['’]s|(?<=s)['’])) government"
    rf"(?![\w-])|(?<![\w-])[Tt]he government of (?:the )?(?P<of>{_STATE_WORDS})(?![\w-])"
)


def _government_phrases(text: str) -> list[re.Match[str]]:
    """STATE_GOVERNMENT_RE's matches, read only near each "government" (the regex has no literal to search for)."""
    found: dict[int, re.Match[str]] = {}
    position = text.find("government")
    while position >= 0:
        for match in STATE_GOVERNMENT_RE.finditer(text, max(0, position - 40), position + 60):
            if match.start() <= position < match.end():
                found[match.start()] = match
        position = text.find("government", position + 10)
    return [found[start] for start in sorted(found)]


def _state_governments(
    text: str, published: date | None, registry: Registry, taken: list[tuple[int, int]]
) -> list[Mention]:
    found = []
    for match in _government_phrases(text):
        adjective, state = match.group("adjective"), match.group("state") or match.group("of")
        state = (
            STATES_BY_ADJECTIVE.get(adjective) if adjective else state if state in STATE_ADJECTIVES else None
        )
        if state is None or _overlaps(taken, match.start(), match.end()):
            continue
        actors = registry.resolve(state, published)
        name = actors[0].name if actors else state
        possessive = text.startswith("'s", match.end())
        found.append(
            Mention(
                match.start(),
                match.end(),
                ACTOR if actors else NAME,
                name,
                actors=actors[:1],
                possessive=possessive,
            )
        )
    return found


# "Prime Minister of Ukraine Yulia Svyrydenko", "the Foreign Minister of Hungary, Peter Szijjarto": the state
# belongs to the title of the person named right after it, who speaks.
OFFICE_OF_RE = re.compile(
    r"(?:minister|president|premier|chancellor|secretary|ambassador|envoy|spokes(?:man|woman|person)|head|chief|"
    r"leader|mayor|governor|speaker|chairman|chairwoman|chair|commissioner)(?: [a-z]+){0,3} of (?:the )?$"
)


def _after_place_in_title(folded: str, start: int, end: int, taken: list[tuple[int, int]]) -> int | None:
    """Where the name starts in a capitalised run that opens with a state named in a title before it."""
    index = bisect.bisect_left(taken, (start, -1))
    if index == len(taken) or taken[index][0] != start or taken[index][1] >= end - 1:
        return None
    if not OFFICE_OF_RE.search(folded[max(0, start - 60) : start].lower()):
        return None
    rest = taken[index][1] + 1
    return rest if len(folded[rest:end].split()) >= 2 else None


def _state_opening_title_name(folded: str, start: int, words: list[str]) -> int | None:
    """How many words of a capitalised run name a state (of the lexicon) that belongs to the office written before
    it, when a name of two words or more follows it."""
    for count in (1, 2, 3):
        if len(words) - count >= 2 and " ".join(words[:count]) in STATE_ADJECTIVES:
            if OFFICE_OF_RE.search(folded[max(0, start - 60) : start].lower()):
                return count
            return None
    return None


def _drop_places_in_titles(lower: str, mentions: list[Mention]) -> list[Mention]:
    kept = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        # The gap between the two is tested before the properties: most mentions are not next to each other.
        if (
            mention.kind == ACTOR
            and following is not None
            and lower[mention.end : following.text_start] in (" ", ", ")
            and not mention.is_person
            and following.is_person
            and OFFICE_OF_RE.search(lower, max(0, mention.start - 60), mention.start)
        ):
            continue
        kept.append(mention)
    return kept


# "Sen. Lindsey Graham, R-S.C., said", "(D-N.Y.)": a US lawmaker's party and state, not a name.
# The party's letter comes first and the lookbehind after it (same matches, as in _FIRST_NAME_TOKEN): the regex
# engine then skips ahead to an R, D or I instead of trying the lookbehind at every character.
PARTY_LABEL_RE = re.compile(
    r"[RDI](?<=[,(] [RDI])-[A-Z][A-Za-z]*\.?(?:[A-Z][a-z]?\.)*(?=[,)])|[RDI](?<=\([RDI])-[A-Z][A-Za-z]*\.?(?:[A-Z][a-z]?\.)*(?=\))"
)
OFFICE_FIELD_BEFORE_RE = re.compile(
    r"(?<![\w'-])(?i:minister|secretary|commissioner) (?:of|for) [A-Z][a-z]+$"
)
FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w'-])([A-Z][a-z]+) $")
WORD_BEFORE_RE = re.compile(r"([\w'.-]+)[ \t]*$")


def _without_namesakes(folded: str, mentions: list[Mention]) -> list[Mention]:
    """'Regional governor Ivan Fedorov': a known person's surname after a first name that is not theirs is
    someone else, unknown to the registry; the surname alone later in the article is that person too."""
    namesakes: set[str] = set()
    kept = []
    for mention in mentions:
        actor = mention.actor
        surname = folded[mention.start : mention.end]
        if " " in surname and ARABIC_NAME_TAIL_RE.fullmatch(
            folded, surname.index(" ") + mention.start, mention.end
        ):
            surname = surname.split(" ", 1)[
                0
            ]  # "Zayed Al Nahyan": the registry matched "Zayed", the tail was added
        if actor is not None and actor.is_person and " " not in surname:
            if surname in namesakes:
                continue
            first = FIRST_NAME_BEFORE_RE.search(folded, max(0, mention.start - 30), mention.start)
            if first is not None and _is_other_first_name(folded, first, actor):
                namesakes.add(surname)
                continue
            son_of = SON_OF_BEFORE_RE.search(folded, max(0, mention.start - 30), mention.start)
            if son_of is not None and not _is_own_given_name(actor, son_of.group(1), surname):
                # "Sheikh Abdullah bin Zayed": a brother of "Mohamed bin Zayed", not the man the registry knows.
                namesakes.add(surname)
                continue
        kept.append(mention)
    return kept


# "Abdullah bin " before "Zayed": an Arabic name's given name and "son of" before the family's.
SON_OF_BEFORE_RE = re.compile(r"(?<![\w'-])([A-Z][a-z]+) (?:bin|ibn) $")


def _is_own_given_name(actor: ActorEntry, given: str, surname: str) -> bool:
    """Whether "<given> bin <surname>" is one of the actor's names ("Mohammed bin Zayed" is Mohamed bin Zayed's)."""
    return any(
        f"{given} bin {surname}" in fold(name) or f"{given} ibn {surname}" in fold(name)
        for name in (actor.name, *actor.aliases)
    )


# Verbs of saying that open an inverted attribution ('Said Peskov: "..."', 'Added Lavrov, ...').
INVERTED_OPENERS = frozenset(["Said", "Says", "Added", "Adds", "Wrote", "Writes", "Asked", "Continued"])


# The rest of an inverted attribution: an appositive or none, then a colon and the quote ('Said Maria Kovalenko, a
# nurse who ...: "..."'). A namesake's "Said Ahmed said ..." has its own verb and no colon before a quote.
INVERTED_QUOTE_TAIL_RE = re.compile(r"[^.\n\"“”:]{0,200}:\s*[\"“]")


def _opens_inverted_quote(folded: str, start: int, end: int) -> bool:
    """Whether the name at start..end opens its sentence and a colon after it introduces the quote."""
    opens_sentence = (
        start == 0 or folded[max(0, start - 2) : start] in ("\n\n", ". ") or folded[start - 1] == "\n"
    )
    return opens_sentence and INVERTED_QUOTE_TAIL_RE.match(folded, end) is not None


def _is_other_first_name(folded: str, first: re.Match[str], actor: ActorEntry) -> bool:
    word = first.group(1)
    if word in NAME_STOPWORDS or _is_title_lower(word) or word[0] in _first_initials(actor):
        return False
    if word in INVERTED_OPENERS:
        return False  # 'Said Peskov: "..."': the verb of saying put first, not a first name
    # In a title-case run ("Trump Says Putin", "Meant To Preserve Zelenskyy") a capital proves nothing.
    prior = WORD_BEFORE_RE.search(folded, max(0, first.start() - 40), first.start())
    return (
        prior is None
        or not prior.group(1)[0].isupper()
        or prior.group(1).lower().rstrip(".") in TITLE_HEAD_WORDS  # "Regional Governor Ivan Fedorov"
        # "Minister of State Khalifa Shaheen Almarar": an office's field after a small "of", not a title-case run.
        or OFFICE_FIELD_BEFORE_RE.search(folded, max(0, prior.start() - 40), prior.end(1)) is not None
    )


def _is_title_lower(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in TITLE_HEAD_WORDS or lower in TITLE_MODIFIERS


def _first_initials(actor: ActorEntry) -> set[str]:
    return {fold(name)[0] for name in (actor.name, *actor.aliases) if " " in name}


POSSESSIVE_ROLE_RE = re.compile(r"'s((?: [a-z][a-z-]+){1,3})")


def _possessive_roles(
    text: str, lower: str, mentions: list[Mention], published: date | None, registry: Registry
) -> list[Mention]:
    """'the Russian president's spokesman', 'Zelensky's top aide': a role held under a person the text names
    another way than the registry's descriptor ("Putin's spokesman"); the phrase is a mention of its holder."""
    result = []
    for mention in mentions:
        actor = mention.actor
        match = POSSESSIVE_ROLE_RE.match(lower, mention.end) if mention.possessive and actor else None
        holder = _holder_of_possessive_role(registry, actor, match, published) if match else None
        if holder is None:
            result.append(mention)
            continue
        holders, end = holder
        title = text[mention.text_start : end]
        result.append(Mention(mention.text_start, end, ACTOR, holders[0].name, title, holders, holders[0].gender,
                              lower.startswith("'s", end)))  # fmt: skip
    return [_spoken_for_person(text, lower, mention) for mention in result]


# "Starmer's spokesman", "Macron's office", "Sanchez's press secretary" (no name after it): the aide or office
# speaks for the person, so the phrase is a mention of them, as "a State Department spokesperson" is of the
# department. A name after the noun ("Starmer's spokesman Tom Hale") is the speaker instead.
SPOKEN_FOR_PERSON_RE = re.compile(
    r"['’]s\s+(?:(?:top|chief|deputy|official|own)\s+)?(?:spokes(?:man|woman|person)|press\s+secretary|"
    r"press\s+office|press\s+service|office)(?![\w-])(?!\s+[A-Z])"
)


def _spoken_for_person(text: str, lower: str, mention: Mention) -> Mention:
    if not mention.possessive or not mention.is_person or mention.kind != ACTOR:
        return mention
    phrase = SPOKEN_FOR_PERSON_RE.match(text, mention.end)
    if phrase is None:
        return mention
    return Mention(
        mention.text_start, phrase.end(), ACTOR, mention.name, mention.title, mention.actors, mention.gender,
        lower.startswith("'s", phrase.end()), speaks_for=mention,
    )  # fmt: skip


def _holder_of_possessive_role(
    registry: Registry, actor: ActorEntry, match: re.Match[str], published: date | None
) -> tuple[list[ActorEntry], int] | None:
    if not actor.is_person:
        return None
    words = match.group(1).split()
    for count in range(len(words), 0, -1):
        role = " ".join(words[:count])
        for name in (actor.name, *actor.aliases):
            holders = registry.resolve(f"{name}'s {role}", published)
            # "Zelenskiy's office" is the office the registry knows as "Zelensky's office".
            if holders and holders[0] is not actor:
                end = match.start(1) + 1 + len(role)  # past the space and the role words
                return holders, end
    return None


OF_NAME_RE = re.compile(r" of (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}(?![\w-])")
# " and Industry" after "the Ministry of Trade": a second field of the same body.
AND_FIELD_RE = re.compile(r" and ([A-Z][\w'-]*)(?![\w'-]| [A-Z])")


def _past_second_field(folded: str, end: int) -> int:
    """'the Ministry of Trade and Industry': one body's two fields, when the word after "and" names a field."""
    field = AND_FIELD_RE.match(folded, end)
    return field.end() if field is not None and field.group(1) in OFFICE_DOMAIN_WORDS else end


# "the Institute for the Study of War": an unknown body's name going on past "for" and "of".
FOR_OF_NAME_RE = re.compile(r" (?:of|for) (?:the )?[A-Z][\w'-]*(?: (?:of |for )?[A-Z][\w'-]*){0,2}(?![\w-])")


def _institutions_named_after_places(
    text: str, folded: str, names: list[re.Match[str]], registry_mentions: list[Mention]
) -> list[Mention]:
    """'The UAE Foreign Ministry', 'US European Command': a body the registry does not know whose name holds a
    place it knows is that body, not the place."""
    if not registry_mentions:
        return registry_mentions
    starts = [mention.text_start for mention in registry_mentions]
    replaced: set[int] = set()
    bodies: list[Mention] = []
    for match in names:
        words = match.group().split()
        if words[-1] not in ORGANISATION_WORDS:
            continue
        start, end = match.span()
        if (of_place := OF_NAME_RE.match(folded, end)) is not None:
            end = of_place.end()  # "Bank of Russia", "UK Ministry of Defence"
        elif len(words) < 2:
            continue
        first = bisect.bisect_left(starts, start)
        # "The": the registry's "the UAE" starts there, the body's name after it.
        if words[0] in NAME_STOPWORDS and not _keeps_the(words):
            start = folded.index(words[1], start + len(words[0]))
        inside = []
        for index in range(first, len(registry_mentions)):
            mention = registry_mentions[index]
            if mention.text_start >= end:
                break
            inside.append(index)
        if not inside or any(
            registry_mentions[index].end > end
            or registry_mentions[index].is_person
            or registry_mentions[index].possessive
            or (registry_mentions[index].text_start <= start and registry_mentions[index].end >= end)
            for index in inside
        ):
            continue
        replaced.update(inside)
        bodies.append(Mention(start, end, NAME, text[start:end], possessive=folded.startswith("'s", end)))
    if not bodies:
        return registry_mentions
    kept = [mention for index, mention in enumerate(registry_mentions) if index not in replaced]
    return sorted(kept + bodies, key=lambda mention: mention.start)


# "the Russian side", "the Ukrainian delegation", and a people for its state: "The Americans want a signature",
# "the Russians insist".
SIDE_RE = re.compile(
    r"the(?<![\w-]the)\s+(?:(?P<demonym>" + "|".join(map(re.escape, SIDE_STATES)) + r")\s+(?:side|delegation)"
    r"|(?P<people>russian|ukrainian|american)s)(?![\w'’-])"
)


def _side_mentions(lower: str, published: date | None, registry: Registry) -> list[Mention]:
    """'The Russian side emphasised ...', 'the Americans say ...': the state itself."""
    found = []
    for match in SIDE_RE.finditer(lower):
        actors = registry.resolve(SIDE_STATES[match.group("demonym") or match.group("people")], published)
        if actors:
            found.append(Mention(match.start(), match.end(), ACTOR, actors[0].name, actors=actors[:1]))
    return found


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping spans."""
    index = bisect.bisect_left(taken, (end,))
    return index > 0 and taken[index - 1][1] > start


def _inside(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted, non-overlapping spans."""
    index = bisect.bisect_right(taken, (start, end + 1))
    return index > 0 and taken[index - 1][0] <= start and taken[index - 1][1] >= end


_UNRESOLVED = object()


def _registry_mentions(text: str, lower: str, published: date | None, registry: Registry) -> list[Mention]:
    if registry.mention_re is None:
        return []
    found: list[Mention] = []
    # What a phrase resolves to depends only on its words, its capital and the day: kept on the registry.
    resolved = registry.resolved_names
    if len(resolved) > 100_000:
        resolved.clear()
    for match in registry.mention_re.finditer(lower):
        start, end = match.span()
        key = (match.group(), text[start].isupper(), published)
        known = resolved.get(key, _UNRESOLVED)
        if known is _UNRESOLVED:
            known = resolved[key] = _resolve_name(registry, key[0], key[1], published)
        if known is not None and known[1] and INDEFINITE_BEFORE_RE.search(lower, max(0, start - 4), start):
            known = None  # "a White House spokeswoman": one of several, not the holder of the title
        while known is None:
            # "A State Department spokesperson" when no one held that title on the day: "State Department".
            shorter = registry.mention_re.match(lower, start, end - 1)
            if shorter is None:
                break
            end = shorter.end()
            known = _resolve_name(registry, shorter.group(), text[start].isupper(), published)
        if known is None:
            continue
        actors, is_descriptor = known  # one list per phrase and day, shared: mentions never change it
        actor = actors[0]
        if not is_descriptor and (tail := ARABIC_NAME_TAIL_RE.match(text, end)) is not None:
            end = tail.end()  # "Sheikh Mohammed bin Abdulrahman al-Thani": the family name is the name's
        # Positional arguments: an article has dozens of these, and keywords cost more to pass.
        mention = Mention(
            start, end, ACTOR, actor.name, "", actors, actor.gender, lower.startswith("'s", end)
        )
        if is_descriptor:
            mention.title = text[start:end]
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.title
            and not previous.possessive
            and text[previous.end : start].strip() == ""
            and previous.start >= 0
        ):
            # "Russian Foreign Minister Sergey Lavrov": the descriptor is the title of the name after it.
            mention.title = text[previous.start : previous.end]
            mention.title_start = previous.start
            found[-1] = mention
            continue
        found.append(mention)
    return found


INDEFINITE_BEFORE_RE = re.compile(r"(?<![\w'-])an?\s+$")
# The family part of an Arabic name after a shorter form the registry knows.
ARABIC_NAME_TAIL_RE = re.compile(r"(?:\s+(?:bin|ibn)\s+[A-Z][\w'-]*)*\s+(?:[ae]l-|Al[- ])[A-Z][\w'-]*")


def _resolve_name(
    registry: Registry, phrase: str, capital: bool, published: date | None
) -> tuple[list[ActorEntry], bool] | None:
    """The actors a matched phrase names (and whether it is a descriptor only), None when it names none."""
    entries = [
        entry
        for entry in registry.names_for(phrase)
        if not (entry.capitalised and not capital)
        and not (entry.role is not None and published is not None and not entry.role.held_on(published))
    ]
    if not entries:
        return None
    actors: list[ActorEntry] = []
    for entry in entries:
        if entry.actor not in actors:
            actors.append(entry.actor)
    return actors, all(entry.role is not None for entry in entries)


COMMON_ANONYMOUS_WORDS = frozenset(word.lower() for word in (*ANONYMOUS_HEADS, *ANONYMOUS_MODIFIERS))
# Modifiers written with a capital anywhere in a sentence: "Ukrainian officials", "Kremlin sources".
PROPER_ANONYMOUS_MODIFIERS = frozenset(
    ["western", "european", "american", "russian", "ukrainian", "kremlin", "white", "trump", "whitehall",
     "downing", "pentagon", "state", "elysee", "british", "french", "german", "italian", "polish", "turkish",
     "chinese", "kyiv", "moscow", "washington", "brussels", "berlin", "paris", "london"]
)  # fmt: skip


ANONYMOUS_HEAD_RE = re.compile(rf"(?<![\w-])(?:{_ANON_HEAD})(?![\w-])")


ANONYMOUS_HEAD_STEMS = sorted({head.rstrip("s") if head.endswith("s") else head for head in ANONYMOUS_HEADS})


def _anonymous_heads(lower: str) -> list[re.Match[str]]:
    """ANONYMOUS_HEAD_RE.finditer(lower): the few head words found with str.find (a C scan far faster than a
    regular expression tried at every character), each checked with the pattern at its place."""
    found = []
    for stem in ANONYMOUS_HEAD_STEMS:
        position = lower.find(stem)
        while position >= 0:
            match = ANONYMOUS_HEAD_RE.match(lower, position)
            if match is not None:
                found.append(match)
            position = lower.find(stem, position + 1)
    found.sort(key=lambda match: match.start())
    return found


def _anonymous_matches(lower: str):
    """ANONYMOUS_RE.finditer(lower), only tried around the head words every match contains (much faster)."""
    reached = 0
    for head in _anonymous_heads(lower):
        if head.start() < reached:
            continue
        position = max(reached, head.start() - 120)
        while True:
            match = ANONYMOUS_RE.search(lower, position, min(len(lower), head.end() + 200))
            if match is None or match.start() > head.start():
                break
            if match.end() >= head.end():
                yield match
                reached = match.end()
                break
            position = match.end()


def _describes(mods: list[str]) -> bool:
    """Whether the words before a definite head describe someone named before ("the top Russian diplomat"), not
    an unnamed source ("the unnamed official")."""
    return not any(word in ("unnamed", "anonymous") for word in mods)


# Heads an outlet's possessive may own: "Kommersant's sources", "the paper's interlocutors".
OUTLET_SOURCE_HEADS = frozenset(["source", "sources", "interlocutor", "interlocutors"])


def _anonymous_mentions(text: str, lower: str, registry_mentions: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] | None = None  # the named people, sorted once a source is found
    for match in _anonymous_matches(lower):
        if taken is None:
            taken = sorted((m.text_start, m.end) for m in registry_mentions if m.actor and m.actor.is_person)
        start, end = match.span()
        head = match.group("head")
        has_qualifier = match.group("qual") is not None
        has_determiner = match.group("det") is not None
        mods = match.group("mods").split()
        if head in ("person", "people") and not has_qualifier and match.group("of") is None:
            continue  # "people" alone are no source; "one of the people (familiar with ...)" is one
        if match.group("owner") is not None and head not in OUTLET_SOURCE_HEADS:
            continue  # "Kommersant's sources" are the paper's unnamed sources; "Putin's aide" is someone named
        if not (has_qualifier or mods or head.endswith("s") or has_determiner):
            continue
        definite = has_determiner and match.group("det").strip() == "the"
        if definite and not (has_qualifier or head.endswith("s")) and _describes(mods):
            continue  # "the official", "the top Russian diplomat" refer back to someone; treated as role nouns
        following = text[end : end + 2]
        if following[:1] == " " and following[1:2].isupper():
            continue  # "US official Steve Witkoff": a title, not an anonymous source
        if _overlaps(taken, start, end):
            continue
        words = text[start:end].split()
        if match.group("det"):
            words = words[len(match.group("det").split()) :]  # "one of the people": "people"
        words = [word for word in words if word.lower() not in ("unnamed", "anonymous")]
        sentence_start = (
            start == 0 or text[max(0, start - 2) : start] in (". ", "\n\n") or text[start - 1] == "\n"
        )
        if (
            words
            and sentence_start
            and not match.group("det")
            and words[0].lower() in COMMON_ANONYMOUS_WORDS
            and not (words[0][1:].islower() and words[0].lower() in PROPER_ANONYMOUS_MODIFIERS)
        ):
            words[0] = words[0].lower()  # "Sources close to the talks" opening a sentence, not "Ukrainian"
        # "a senior official, who spoke on condition of anonymity": the clause after the comma is no part of the name
        name = " ".join(words).split(",", 1)[0].strip()
        found.append(Mention(start, end, ANONYMOUS, "unnamed " + name))
    return found


# "A Republican senator, speaking on condition of anonymity, said": any role noun is an unnamed source when the
# text says the person was granted anonymity.
_GRANTED_HEAD = "|".join(
    sorted(
        PERSON_ROLE_NOUNS
        | APPOSITIVE_PERSON_NOUNS
        | {"staffer", "executive", "manager", "employee", "trader", "banker"}
    )
)
# "An executive at a state-run refinery, who did not want to be named, said": the person, then where they work.
GRANTED_ANONYMITY_RE = re.compile(
    rf"(?<![\w-])(?:an?|one|two|three|several)\s+(?P<words>(?:[\w'-]+\s+){{0,3}}?(?:{_GRANTED_HEAD})s?)"
    rf"(?:\s+(?:at|in|from|with|of)\s+(?:[\w'-]+\s+){{0,3}}?[\w'-]+)?,?\s+{_GRANTED}$"
)


def _granted_anonymity(text: str, lower: str, anonymous: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    for phrase in ANONYMITY_PHRASES:
        position = lower.find(phrase)
        while position >= 0:
            match = GRANTED_ANONYMITY_RE.search(lower, max(0, position - 120), position + len(phrase))
            if match is not None:
                start, end = match.start(), match.end("words")
                if not _overlaps(sorted((m.start, m.end) for m in anonymous + found), start, end):
                    found.append(
                        Mention(start, end, ANONYMOUS, "unnamed " + text[match.start("words") : end])
                    )
            position = lower.find(phrase, position + 1)
    return found


# Ordinary people a report does not name: "A man in his 60s said", "Another woman, who preferred not to give her
# name, said", "One resident told AFP". Singular nouns only; the plural ones are anonymous heads ("residents").
UNNAMED_PERSON_NOUNS = {
    "man": "male",
    "woman": "female",
    "mother": "female",
    "father": "male",
    "wife": "female",
    "husband": "male",
    "resident": "",
    "pensioner": "",
    "teacher": "",
    "nurse": "",
    "doctor": "",
    "soldier": "",
    "volunteer": "",
    "shopkeeper": "",
    "farmer": "",
    "villager": "",
    "local": "",
}
UNNAMED_PERSON_RE = re.compile(
    r"(?<![\w'-])(?i:a|an|another|one)\s+(?:(?!(?:of|the|his|her|their|its|this|that|who)\s)[a-z][\w'-]*\s+){0,2}?"
    rf"(?P<noun>{'|'.join(UNNAMED_PERSON_NOUNS)})(?![\w'-])"
    r"(?:\s+(?:in|from|of)\s+(?:(?:his|her)\s+(?:early\s+|late\s+|mid-)?\d0s|[A-Z][\w'-]+))?"
)
# What may stand between the person and a verb of saying: a relative clause that tells which person ("A volunteer
# who drives families to the border said"), an aside set off by commas ("who asked not to be named", "a teacher";
# not a name: "A retired teacher, Olha Savchenko, said" is named), then the verb.
UNNAMED_SPEAKS_RE = re.compile(
    r"(?:\s+who\s+[a-z][^,.;:\"“”]{0,80}?)?(?:,\s+[a-z][^.;:\"“”]{0,90},)?\s+(?:also\s+)?(?:said|says|told|tells|added|recalled|explained|complained)(?![\w-])"
)


def _unnamed_people(text: str, lower: str, anonymous: list[Mention]) -> list[Mention]:
    """Unnamed people who speak, as the subject of a verb of saying, so that a later "he said" or "she said" can
    refer to them too. Only as a subject: "Putin met a woman from Kharkiv" names no speaker."""
    found: list[Mention] = []
    taken = sorted((mention.start, mention.end) for mention in anonymous)
    for noun, gender in UNNAMED_PERSON_NOUNS.items():
        for position in _word_positions(lower, noun):
            match = _unnamed_person_at(text, position)
            if match is not None and not _overlaps(taken, match.start(), match.end()):
                name = "unnamed " + " ".join(match.group().split()[1:])  # "unnamed man in his 60s"
                found.append(Mention(match.start(), match.end(), ANONYMOUS, name, noun, gender=gender))
    return sorted(found, key=lambda mention: mention.start)


def _word_positions(lower: str, word: str) -> list[int]:
    """Where a word stands on its own in the text (not inside "many", "German", "locally")."""
    positions = []
    position = lower.find(word)
    while position >= 0:
        end = position + len(word)
        if not lower[position - 1 : position].isalpha() and not lower[end : end + 1].isalpha():
            positions.append(position)
        position = lower.find(word, end)
    return positions


def _unnamed_person_at(text: str, position: int) -> re.Match[str] | None:
    """The unnamed person whose noun is at position, when a verb of saying follows."""
    for match in UNNAMED_PERSON_RE.finditer(text, max(0, position - 40), position + 40):
        if match.start("noun") == position and UNNAMED_SPEAKS_RE.match(text, match.end()) is not None:
            return match
    return None


_SPOKESPERSON = "|".join(sorted(SPOKESPERSON_NOUNS, key=len, reverse=True))
SPOKESPERSON_FOR_RE = re.compile(rf"(?:{_SPOKESPERSON})\s+(?:for|of)\s+")
# "A State Department spokesperson", "a UK government spokesperson": the state speaks through its government's.
SPOKESPERSON_AFTER_RE = re.compile(rf"\s+(?:government\s+)?(?:{_SPOKESPERSON})(?![\w-])(?![ ][A-Z])")


def _spokespeople(text: str, lower: str, mentions: list[Mention]) -> list[Mention]:
    """'A State Department spokesperson', 'a spokesperson for the Commission', 'the Kremlin spokesman' (when no
    one held the title that day): an unnamed spokesperson speaks for the institution, so the phrase is a mention
    of it, which every attribution path reads as any other subject. A name after the noun ("Foreign Ministry
    spokeswoman Maria Zakharova") is the speaker instead."""
    # Read from each "spokes..." word (a few an article), not from each mention.
    nouns = []
    position = lower.find("spokes")
    while position >= 0:
        nouns.append(position)
        position = lower.find("spokes", position + 1)
    by_end = {mention.end: index for index, mention in enumerate(mentions)}
    by_start = {mention.text_start: index for index, mention in enumerate(mentions)}
    spans: dict[int, tuple[int, int]] = {}
    for noun in nouns:  # "A State Department spokesperson": the institution right before the noun
        end = noun
        while end > 0 and lower[end - 1].isspace():
            end -= 1
        if lower.endswith(" government", 0, end):
            end -= len(" government")
        index = by_end.get(end)
        if index is not None and _may_speak_for(mentions[index]):
            after = SPOKESPERSON_AFTER_RE.match(text, end)
            if after is not None:
                spans[index] = (mentions[index].text_start, after.end())
    for noun in nouns:  # "a spokesperson for the Commission": the institution right after "for" or "of"
        found = SPOKESPERSON_FOR_RE.match(lower, noun)
        index = None
        if found is not None:
            # "the Kremlin" holds its "the"; "the Dutch foreign ministry" starts after it.
            index = by_start.get(found.end())
            if index is None and lower.startswith("the ", found.end()):
                index = by_start.get(found.end() + 4)
        if index is not None and index not in spans and _may_speak_for(mentions[index]):
            spans[index] = (noun, mentions[index].end)
    phrases: dict[int, Mention] = {}
    for index, (start, end) in spans.items():
        mention = mentions[index]
        phrases[index] = Mention(
            start, end, mention.kind, mention.name, mention.title, mention.actors, mention.gender,
            lower.startswith("'s", end), speaks_for=mention,
        )  # fmt: skip
    if not phrases:
        return mentions
    return _with_phrases(mentions, phrases)


# "the representative of China", "the delegation of Brazil", "the speaker for Denmark", "the Permanent Representative
# of Ukraine": at a council or conference the delegate speaks for the state named after the noun.
_DELEGATE = r"(?:(?:permanent|deputy|alternate)\s+)?(?:representative|delegate|delegation|speaker)"
DELEGATE_FOR_RE = re.compile(rf"(?<![\w-]){_DELEGATE}\s+(?:of|for)\s+(?P<the>the\s+)?")
# "Brazil's representative", "Estonia's delegation".
DELEGATE_AFTER_RE = re.compile(rf"['’]s\s+{_DELEGATE}(?![\w-])")
# "The representative of Ukraine to the United Nations, Andriy Melnyk, said": a name in apposition speaks instead.
NAMED_DELEGATE_RE = re.compile(
    r"(?:\s+(?:to|at)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?\s*,\s+[A-Z]"
)


def _delegates(text: str, lower: str, mentions: list[Mention]) -> list[Mention]:
    """'The representative of China said', "Brazil's delegation said": the phrase is a mention of the state or body
    the delegate speaks for (as a spokesperson's is), and the delegate a person whom a later "he said" refers to.
    With a name in apposition ("The Permanent Representative of Ukraine, Sergiy Kyslytsya, said") the name speaks."""
    by_start = {mention.text_start: index for index, mention in enumerate(mentions)}
    # "representative of Sierra Leone" is read as a titled person: the name after the title is the state's.
    titled = {mention.start: index for index, mention in enumerate(mentions) if mention.kind == PERSON}
    spans: dict[int, tuple[int, int]] = {}
    states: dict[int, Mention] = {}
    for match in DELEGATE_FOR_RE.finditer(lower):
        # The registry's "the United States" holds its "the".
        index = by_start.get(match.end(), by_start.get(match.start("the")))
        if index is None and (index := titled.get(match.end())) is not None:
            person = mentions[index]
            states[index] = Mention(person.start, person.end, NAME, person.name)
        if index is None or mentions[index].speaks_for is not None:
            continue
        if index not in states and not _may_speak_for(mentions[index]):
            continue
        if NAMED_DELEGATE_RE.match(text, mentions[index].end) is None:
            start = match.start() - 4 if lower.endswith("the ", 0, match.start()) else match.start()
            spans[index] = (start, mentions[index].end)
    for index, mention in enumerate(mentions):
        if not mention.possessive or mention.is_person or mention.speaks_for is not None:
            continue
        after = DELEGATE_AFTER_RE.match(lower, mention.end)
        if after is not None and index not in spans and NAMED_DELEGATE_RE.match(text, after.end()) is None:
            spans[index] = (mention.text_start, after.end())
    if not spans:
        return mentions
    phrases = {}
    for index, (start, end) in spans.items():
        state = states.get(index, mentions[index])
        phrases[index] = Mention(
            start, end, state.kind, state.name, state.title, state.actors, speaks_for=state, delegate=True
        )
    return _with_phrases(mentions, phrases)


def _with_phrases(mentions: list[Mention], phrases: dict[int, Mention]) -> list[Mention]:
    """The mentions with each phrase in place of the mention at its index, dropping the others it covers."""
    taken = sorted((phrase.start, phrase.end) for phrase in phrases.values())
    kept = [
        phrases.get(index, mention)
        for index, mention in enumerate(mentions)
        if index in phrases or not _overlaps(taken, mention.text_start, mention.end)
    ]
    return sorted(kept, key=lambda mention: mention.start)


def _may_speak_for(mention: Mention) -> bool:
    return not mention.is_person and not mention.possessive


def _keeps_the(words: list[str]) -> bool:
    """Whether a name written with "The" keeps it: a newspaper's, unless its own name has none."""
    return words[-1] in NEWSPAPER_WORDS and " ".join(words[1:]) not in NEWSPAPERS_WITHOUT_THE


def _may_cut(word: str, left: int) -> bool:
    """Whether a title word before a name is cut from it: a demonym-shaped word ("Russian", but also "Ivan") only
    when two name words remain ("Russian Sergei Ivanov", not "Ivan Petrenko")."""
    lower = word.lower()
    return lower in TITLE_HEAD_WORDS or lower in TITLE_MODIFIERS or left > 2


# "SECO said", "The FDFA said in a statement", "KCNA reported that": a body the registry does not know, written
# as an acronym, speaking. Read only right before a verb of saying, where it can be nothing but the subject.
# It opens with its first capital and looks behind from there: a pattern opening with a character class lets
# the regex engine skip, in C, every place where no capital stands, instead of trying the look-behinds there.
SPEAKING_ACRONYM_RE = re.compile(
    r"[A-Z](?:(?<![\w'’.-].)[A-Z]{1,5}(?![\w'’.-])(?=\s+(?:(?:has|have|had|also|later|then|earlier)\s+)?"
    r"(?:said|says|reported|reports|stated|announced|announces|added|warned|confirmed|wrote|posted|noted|"
    r"insisted|told|tells|declared|claimed|denied|rejected)(?![\w'’-]))|"
    # '"...," said SECO.', '..., said the FDFA.': the same body after the verb, ending the sentence.
    r"(?:(?<=said .)|(?<=says .)|(?<=added .)|(?<=said the .)|(?<=says the .)|(?<=added the .))[A-Z]{1,5}(?=[.,;]))"
)


def _speaking_acronyms(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    return [
        Mention(match.start(), match.end(), NAME, match.group())
        for match in SPEAKING_ACRONYM_RE.finditer(text)
        if not _overlaps(taken, match.start(), match.end())
    ]


# "who gave only his call sign, Kit,", "a marine who goes by the call sign Kedr": a soldier's one-word name is a
# person's, so that "he said" after it can go to him.
CALL_SIGN_BEFORE_RE = re.compile(r"(?:call ?sign|nom de guerre)[,:]?\s+[\"“']?$")


def _unknown_mentions(
    text: str, folded: str, names: list[re.Match[str]], taken: list[tuple[int, int]]
) -> list[Mention]:
    found: list[Mention] = []
    full_names: dict[str, str] = {}
    bisect_right = bisect.bisect_right
    reached = 0  # the end of a body's name that ran over the names after it
    for match in names:
        start, end = match.span()
        if start < reached:
            continue
        if folded.startswith(" and ", end) and (joined := _body_over_and(folded, start, taken)) is not None:
            match = joined  # "the National Security and Defense Council": one body, not two names
            start, end = match.span()
            reached = end
        index = bisect_right(taken, (start, end + 1))  # _inside(taken, start, end), inlined
        if index > 0 and taken[index - 1][0] <= start and taken[index - 1][1] >= end:
            continue  # a registry name, an anonymous source: already found
        words = match.group().split()
        if (after_place := _after_place_in_title(folded, start, end, taken)) is not None:
            start = after_place  # "Prime Minister of Ukraine Olha Marchenko": the name after the state
            words = folded[start:end].split()
        elif (state_words := _state_opening_title_name(folded, start, words)) is not None:
            # "Minister of Foreign Affairs of Norway Espen Barth Eide": a state the registry does not know.
            start = folded.index(words[state_words], start + len(words[state_words - 1]))
            words = words[state_words:]
        count = len(words)
        if count == 1 and folded.startswith(".", end) and _is_abbreviated_title(words[0]):
            continue  # "Sen." in ", Sen. Lindsey Graham,": the title of the name after it, not a name
        # Leading title words belong to the title, not the name; a body keeps them ("European Commission",
        # "Qatari Foreign Ministry").
        head_index = count - 1
        while head_index >= 0 and words[head_index].lower() not in TITLE_HEAD_WORDS:
            head_index -= 1
        if words[-1] in ORGANISATION_WORDS:
            cut = 0
            while cut < count and words[cut] in NAME_STOPWORDS and not (cut == 0 and _keeps_the(words)):
                cut += 1
        elif head_index >= 0 and all(_is_title_word(word) for word in words[: head_index + 1]):
            cut = head_index + 1
        elif 0 < head_index <= count - 3 and words[0] not in NAME_STOPWORDS:
            # "Unification Minister Chung Dong-young", "Chief Cabinet Secretary Yoshimasa Hayashi": a title with a
            # word the lists lack before a name of two words or more.
            cut = head_index + 1
        elif count >= 3 and words[0] in INVERTED_OPENERS and _opens_inverted_quote(folded, start, end):
            cut = 1  # 'Said Maria Kovalenko, a nurse: "..."': the verb of saying put first, not a first name
        else:
            cut = 0
            while cut < count and (
                words[cut] in NAME_STOPWORDS
                or (_is_title_word(words[cut]) and _may_cut(words[cut], count - cut))
            ):
                cut += 1
        if cut >= count:
            continue
        name_start = start
        for word in words[1 : cut + 1]:
            name_start = folded.index(word, name_start + 1)
        name_words = words[cut:] if cut else words
        if _overlaps(taken, name_start, end):
            continue
        title, title_start = title_before(folded, name_start, max(0, name_start - 120))
        if title_start >= 0 and OFFICE_PREPOSITION_RE.search(folded, max(0, name_start - 40), name_start):
            # "Commissioner for Human Rights Dunja Mijatovic": the office's field is the title's; a name follows
            # it or none does ("The Commissioner for Human Rights, Dunja Mijatovic, said": the role's holder).
            domain = 0
            while domain < len(name_words) and name_words[domain] in OFFICE_DOMAIN_WORDS:
                domain += 1
            if domain == len(name_words):
                # No name: the office itself, a role noun like "the envoy", unless its title overlaps another
                # mention ("Office of the UN High Commissioner for Refugees": a body, "UN" a registry name).
                if title_start >= reached and not _overlaps(taken, title_start, end):
                    office = text[title_start:end]
                    found.append(
                        Mention(
                            title_start, end, ROLE, office, title=office, gender=_gender_from_title(office)
                        )
                    )
                continue
            for word in name_words[1 : domain + 1]:
                name_start = folded.index(word, name_start + 1)
            name_words = name_words[domain:]
            if domain and title_start >= 0:
                title = folded[title_start:name_start].strip()
        if " bin " in folded[name_start:end] and (tail := ARABIC_NAME_TAIL_RE.match(folded, end)) is not None:
            # "Sheikh Abdullah bin Zayed Al Nahyan": the family name after five words is still the name's.
            end = reached = tail.end()
            name_words = folded[name_start:end].split()
        name = text[name_start:end]
        # "the United Arab Emirates' ministry": a bare apostrophe after a plural's "s" is a possessive too.
        possessive = folded.startswith("'s", end) or (
            folded.startswith("' ", end) and folded[end - 1 : end] == "s"
        )
        if any(word in ORGANISATION_WORDS for word in name_words):
            if (
                words[-1] in ORGANISATION_WORDS
                and (rest := FOR_OF_NAME_RE.match(folded, end)) is not None
                and not _overlaps(taken, end, rest.end())
            ):
                # "the Institute for the Study of War": the body's name goes on past "for" and "of".
                end = rest.end()
                end = _past_second_field(folded, end)
                name, possessive = text[name_start:end], folded.startswith("'s", end)
                reached = end
            found.append(
                Mention(
                    name_start, end, NAME, _body_name(text, folded, name_start, name), possessive=possessive
                )
            )
            continue
        if len(name_words) >= 2:
            full_names[name_words[-1]] = name
            full_names.setdefault(
                name_words[-1][:1].upper() + name_words[-1][1:], name
            )  # "Al-Mansouri" opening
            # "Lin Jian ... Lin said": a family name written first, when no one else has it as a surname.
            full_names.setdefault(name_words[0], name)
            if not title and (appositive := APPOSITIVE_ROLE_RE.match(folded, end)) is not None:
                title = appositive.group("role")  # "Marta Levchenko, a political analyst at ...": a person
            if (appositive := CAPITALISED_APPOSITIVE_ROLE_RE.match(folded, end)) is not None:
                # "Sheikh Abdullah bin Zayed, Minister of Foreign Affairs,": the office, after any honorific title
                office = folded[appositive.start("role") : appositive.end() - 1]
                title = f"{title} {office}" if title else office
            kind = PERSON if title else NAME
        elif name_words[0] in full_names:
            name = full_names[name_words[0]]
            kind = PERSON
        else:
            kind = (
                PERSON
                if title or CALL_SIGN_BEFORE_RE.search(folded, max(0, name_start - 30), name_start)
                else NAME
            )
        gender = _gender_from_title(title) or _gender_from_name(name)
        mention = Mention(name_start, end, kind, name, title=title, gender=gender,
                          possessive=possessive, title_start=title_start)  # fmt: skip
        found.append(mention)
    return found


# "Minister of ", "Commissioner for the ": an office whose field is written after it in capitals.
# The field's first words may already lie before the name ("Commissioner for Human " before "Rights Dunja ...").
OFFICE_PREPOSITION_RE = re.compile(
    r"(?<![\w-])(?i:minister|commissioner|secretary|ombudsman|ombudsperson|rapporteur|envoy|representative|"
    r"adviser|advisor|director|coordinator)(?:[- ](?i:general))? (?:of|for) (?:the )?"
    r"(?:(?:[A-Z][\w']*|of|for|and) ){0,4}$"
)


# "Ukraine's Energy Ministry": a state's body the gold and the registry name with the state's adjective.
# "The United Arab Emirates' Ministry of Foreign Affairs", "South Korea's Foreign Ministry" too.
POSSESSIVE_STATE_RE = re.compile(rf"(?<![\w-])({_STATE_WORDS})(?:['’]s|(?<=s)['’])\s+$")


def _body_name(text: str, folded: str, start: int, name: str) -> str:
    """A body's name as its speaker is called: a newspaper's short name is its full name written before ("The
    Post" after "The Washington Post"), a state's body takes the state's adjective ("Ukraine's Energy Ministry"
    is the Ukrainian Energy Ministry)."""
    words = name.split()
    short = words[1:] if words[0] == "The" else words
    if len(short) == 1 and short[0] in NEWSPAPER_WORDS:
        return _full_paper_name(text, folded, start, short[0]) or name
    state = POSSESSIVE_STATE_RE.search(folded, max(0, start - 30), start)
    if state is not None and state.group(1) in STATE_ADJECTIVES and words[0] not in STATE_ADJECTIVES.values():
        return f"{STATE_ADJECTIVES[state.group(1)]} {name}"
    return name


# The words of a newspaper's name before its last word: "The Washington " (Post), "The Wall Street " (Journal).
PAPER_NAME_BEFORE_RE = re.compile(r"(?:The )?(?:[A-Z][\w'-]* ){1,3}$")


def _full_paper_name(text: str, folded: str, start: int, word: str) -> str | None:
    """The full name of the newspaper last written before start whose name ends with word."""
    position = folded.rfind(" " + word, 0, start)
    while position >= 0:
        before = PAPER_NAME_BEFORE_RE.search(folded, max(0, position - 40), position + 1)
        if before is not None:
            name = text[before.start() : position + 1 + len(word)]
            return name if name.split()[-2] != "The" else None  # "The Post" again: no fuller name
        position = folded.rfind(" " + word, 0, position)
    return None


# "the Hostages and Missing Families Forum", "the Foreign and Commonwealth Office": capitalised words on both
# sides of "and", the whole ending in a word for a body.
BODY_OVER_AND_RE = re.compile(
    r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)* and [A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}(?![\w-])"
)


def _body_over_and(folded: str, start: int, taken: list[tuple[int, int]]) -> re.Match[str] | None:
    joined = BODY_OVER_AND_RE.match(folded, start)
    if joined is None or joined.group().rsplit(None, 1)[-1] not in ORGANISATION_WORDS:
        return None
    return None if _overlaps(taken, start, joined.end()) else joined


def _is_abbreviated_title(word: str) -> bool:
    return word.lower() + "." in TITLE_HEADS


def _role_mentions(text: str, lower: str, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for match in ROLE_RE.finditer(lower):
        start, end = match.span()
        following = text[end : end + 2]
        if following[:1] == " " and following[1:2].isupper():
            continue  # a title before a name
        if _overlaps(taken, start, end):
            continue
        if not lower.startswith("the", start) and not text[start].isupper():
            continue  # "That official said" opens a sentence; "said that officials ..." is no role noun
        name = title = text[start:end]
        if match.group("head") in ("head", "chief") and (diplomacy := DIPLOMACY_AFTER_RE.match(text, end)):
            # "The Head of Ukrainian diplomacy": a foreign ministry's name for its minister, one role noun.
            end = diplomacy.end()
            title = text[start:end]
        found.append(Mention(start, end, ROLE, name, title=title, gender=_gender_from_title(title)))
    return found


DIPLOMACY_AFTER_RE = re.compile(r"\s+of\s+(?:the\s+)?(?P<adjective>[A-Z][a-z]+)\s+diplomacy(?![\w-])")
