"""text -> statements: direct quotes and paraphrases, with speakers, dates, issues and stances."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import defaultdict
from datetime import date

from .attribution import (
    INTRO_RE,
    PREPOSITION_BEFORE_RE,
    ROLE_APPOSITION_GAP_RE,
    SETTING_START_RE,
    TRAILING_TITLE_RE,
    Slot,
    according_to,
    is_capitalised_role,
    person_after_body,
    sentence_subject,
    speaker_after,
    subject_before,
)
from .candidates import DIRECT, PARAPHRASE, Candidate, Speaker
from .dates import read_date
from .dating import assign_dates, header_date, intro_date
from .document import (
    ACCORDING,
    AS_SAYING,
    BODY,
    CAPTION,
    HEADLINE,
    PARTICIPLE,
    POSITION,
    READ_ALSO_RE,
    SPEECH,
    TURN_LABEL_RE,
    WORD_RE,
    Cue,
    Document,
)
from .entries import ActorEntry, ExtractedStatement
from .issues import IssueContext, side_of_described, side_of_unnamed, tag_issues
from .lexicon import (
    ANONYMOUS_HEADS,
    FURTHER_STATEMENT_PARTICIPLES,
    GAP_WORDS,
    INVERTED_VERBS,
    NAME_STOPWORDS,
    SPOKESPERSON_NOUNS,
    STATES_BY_ADJECTIVE,
    STOPWORDS,
    THAT_CLAUSE_CUES,
)
from .mentions import (
    ACTOR,
    ANONYMOUS,
    APPOSITIVE_ROLE_RE,
    DIPLOMACY_AFTER_RE,
    DOCUMENT_HEADS,
    INSTITUTION_HEADS,
    INVERTED_OPENERS,
    NAME,
    PERSON,
    ROLE,
    Mention,
)
from .quotes import Quote
from .regexes import regrouped
from .registry import Registry
from .text import TOKEN_RE, Sentence, readable

QUOTE_EDGE = " \t,:;.!?—–-\"“”‘’«»„'"
LABEL_BEFORE_RE = regrouped(
    re.compile(
        r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|so-called|so called|dubbed|called|calls|calling|termed|"
        r"terms|named|known as|labell?ed|branded|what \w+(?: \w+)? (?:calls?|called|terms?|dubbed|describes? as)|"
        r"as|of|for|word|words|phrase|slogan|term|on)\s*)$"
    )
)
# A fragment with a pronoun or a finite verb reproduces someone's words ("you could argue"); labels are
# noun phrases ("special military operation", "Coalition of the Willing").
SPOKEN_RE = regrouped(
    re.compile(
        r"(?<![\w'’])(?:i|we|you|they|he|she|it|us|our|my|your|this|there|could|would|will|won't|can|cannot|"
        r"can't|must|should|shall|may|might|is|are|was|were|am|have|has|had|do|does|did|don't|doesn't|not|never)"
        r"(?![\w'’])"
    )
)
ARTICLE_START_RE = re.compile(r"(?:a|an|the|some|many|several|most|all|no|every|\d+)\s")
# "said that ...", not "said that morning ...": a time, not the start of the reported clause.
THAT_RE = re.compile(
    r"[^,;:\"“”«».!?]{0,110}?(?<![\w'-])that\s+(?!(?:day|morning|afternoon|evening|night|week|weekend)(?![\w'-]))"
)
TIME_PHRASE_RE = re.compile(
    r"\s*,?\s*(?:(?:late |early )?(?:on |last )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
    r"tonight|this week|last week|last night|this month|last month)(?: (?:morning|afternoon|evening|night))?|"
    r"(?:a|one|two|three|four|five|several|\d+) (?:days?|weeks?) (?:earlier|later)|(?:at|over) the weekend|overnight|"
    r"(?:earlier |later )?(?:that|the same) (?:day|morning|afternoon|evening|night)|the previous day|the day prior|"
    r"the day before(?! (?:the|a|an|his|her|its|their) )|"
    # "said the day before the talks that ...": the eve of an event the text names, up to the report's "that"
    r"(?:the (?:day|night|evening|morning) before|on the eve of) (?:the|a|an|his|her|its|their) (?:[\w'-]+ ){0,3}?"
    r"[\w'-]+(?= that )|"
    r"on (?:jan|feb|mar|apr|may|"
    r"jun|jul|aug|sep|oct|nov|dec)\w*\.? \d{1,2}|on \d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
    r"in (?:a|an|his|her|its|their) (?:[\w'-]+ ){0,3}?(?:statement|interview|address|post|speech|briefing|"
    r"message|video|remarks|comments)(?: (?:on|to|with) (?:[\w'.-]+ ){0,3}?[\w'.-]+(?=,| that))?|"
    r"at (?:a|an|the) (?:[\w'-]+ ){0,3}?(?:conference|briefing|meeting|hearing|summit|forum|event|session)|"
    r"publicly|repeatedly|again|also|earlier|later|separately|previously)(?=[\s,])"
)
TIME_PHRASE_RE = regrouped(TIME_PHRASE_RE)  # same matches, fewer alternatives tried at each place
# "told Russian reporters", "told state television": an audience, its nationality or kind before it.
TOLD_OBJECT_RE = re.compile(
    r"\s*(?:(?:[A-Z][\w'’-]*\s+)?(?:(?:state|national|local|foreign)\s+)?(?:reporters|journalists|lawmakers|"
    r"television|TV|media|radio)\b|"
    # whole words: "urged members to" is no "me" before "mbers to ...".
    r"(?:reporters|journalists|lawmakers|parliament|them|him|her|us|me|allies|partners|leaders)(?![\w'’-])|"
    r"(?i:western |european |ukraine['’]s |kyiv['’]s |its |their )?(?:allies|partners|leaders|governments)|"
    r"the (?:press|media|audience|parliament|lawmakers|senate|"
    r"house|nation|country|council|assembly|delegates)|(?:[A-Z][\w'’.-]*[ ]){1,4}|"
    r"(?:a|an|the|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(?:conference|briefing|meeting|hearing|interview|forum|"
    r"summit|session|audience|channel|programme|program|show|newspaper|outlet|agency|broadcaster|reporters|"
    r"journalists|lawmakers|committee|parliament|delegation|group|station|network|counterparts?|colleagues?|"
    r"hosts?|guests?|cabinet|supporters)\b)"
)
# Where a reported clause ends. Without a comma too, the occasion the words were said on: "said Moscow had no offer
# in a statement posted on ...", "during a visit to Belgrade", "in remarks broadcast by ...".
# Grouped by the cut's first character, read once in a character class: the regex engine then skips, in C, the
# places where no comma, semicolon or space stands, instead of trying each alternative there.
CLAUSE_CUT_RE = re.compile(
    r"[,;\s](?:"
    r"(?<=,)(?:\s+(?:after|amid|as|while|when|before|despite|even as|even though|potentially|which|whereas|although|"
    r"though|but(?! only| not| also| on condition)|with|since|because|according to|during|prompting|following|ahead of|in a|in an|(?:days|hours|"
    r"weeks) after|where|just|adding|noting|acknowledging|conceding|speaking|talking|telling|rejecting|dismissing)\b|"
    r"\s+an?\s+(?:demand|position|claim|stance|move|proposal|view|condition|request|step|charge|reference|"
    r"allegation|accusation|assertion|account|version|figure)\b|\s+(?:he|she|they|it) (?:said|added|told)\b)|"
    r"(?<=;)\s|"
    r"(?<=\s)(?:\s*(?:in|during) (?:a|an|his|her|its|their) (?:[a-z]+ ){0,2}(?:statement|interview|speech|address|"
    r"visit|trip|press conference|news conference|briefing)\b|\s*in remarks\b|\s*but\s+that\s+|[—–]\s|\((?=[A-Za-z]))"
    r")"
)
WHAT_CALLED_RE = re.compile(
    r"what (?:he|she|they|it|\w+) (?:described|calls|called|termed|branded|dubbed)(?: as)?\s*"
)
SUBORDINATE_END_RE = re.compile(
    r"(?:,\s*|\s)(?:because|since|as|and|but|while|saying|adding|noting|so|although|though|when|where|which|"
    r"after|before|calling|describing|branding|dubbing|terming|warning|insisting|stressing)\b"
    r"(?:\s+[\w'’-]+){0,3}\s*$"
)
# "between Putin", "both Kyiv": the first of a pair that "and" completes ("a meeting between Putin and Zelensky").
PAIR_BEFORE_AND_RE = re.compile(r"(?<![\w'’-])(?:between|both)(?:\s+[\w'’.-]+){1,4}\s*$")
# The same words at a position of the text (a "^" matches only at the start of the whole text).
INTRO_AT_RE = re.compile(INTRO_RE.pattern.removeprefix("^"), re.I)


def extract(text: str, *, published: date | None, registry: Registry) -> list[ExtractedStatement]:
    """Statements of an article: who said what, when, on which issues, with which stance."""
    if not text or not text.strip():
        return []
    cleaned = readable(text)
    statements = _extract(cleaned.text, published, registry)
    if cleaned.starts is None:
        return statements
    # Offsets and quotes in the text as given (docs/CONTRACTS.md: text[start:end] == quote).
    for statement in statements:
        statement.start, statement.end = cleaned.source_span(statement.start, statement.end)
        statement.quote = text[statement.start : statement.end]
    return statements


def _extract(text: str, published: date | None, registry: Registry) -> list[ExtractedStatement]:
    doc = Document(text, published, registry)
    consumed: set[int] = set()
    labels = turn_labels(doc)
    turns = find_turns(doc, labels, consumed)
    if not labels:
        turns += find_block_quotes(doc, consumed)
    turns += find_embedded_posts(doc, consumed)
    direct = find_direct(doc, consumed, {turn.paragraph for turn in turns})
    paraphrases = find_paraphrases(doc, direct, consumed)
    candidates = sorted(turns + direct + paraphrases, key=lambda candidate: candidate.start)
    resolve_speakers(doc, candidates)
    candidates = [candidate for candidate in candidates if candidate.speaker is not None]
    candidates = merge_fragments(doc, candidates)
    candidates = drop_duplicates(doc, candidates)
    assign_dates(doc, candidates, labels)
    candidates = drop_introductions(candidates)  # after the dates: the quote takes its introduction's day
    return [build_statement(doc, candidate) for candidate in candidates]


# Direct quotes


def _word_count(doc: Document, start: int, end: int) -> int:
    return len(TOKEN_RE.findall(doc.text, start, end))


def is_label(doc: Document, quote: Quote) -> bool:
    """Scare quotes and names: "special military operation", the "Coalition of the Willing"."""
    words = _word_count(doc, quote.start, quote.end)
    if words < 3:
        return not _short_answer(doc, quote)
    content = doc.text[quote.start : quote.end]
    if words > 5:
        return words <= 12 and _title_case(doc, quote, content)  # "Paris Declaration on Security Guarantees"
    if SPOKEN_RE.search(doc.lower, quote.start, quote.end):
        return False
    if content[-1:] in ",.!?":
        # 'what the Kremlin calls a "special military operation."': the full stop of the writer's sentence.
        return content[-1:] in ",." and words <= 4 and _named_by_writer(doc, quote)
    if (
        doc.zone_of(quote.paragraph) == BODY
        and not content.isupper()
        and all(word[:1].isupper() for word in content.split() if len(word) > 3)
    ):
        return True
    before = doc.lower[max(0, quote.open - 40) : quote.open]
    label = LABEL_BEFORE_RE.search(before)
    if (
        label is not None
        and label.group().strip().startswith("that")
        and ARTICLE_START_RE.match(content.lower())
    ):
        return False  # 'said that “a couple of big ones” remained': "that" opens a clause here
    article_outside = ARTICLE_BEFORE_RE.search(before) is not None  # 'calls the war a “special operation”'
    if label is not None and words >= 3 and not article_outside and _named_by_speaker(doc, quote):
        return (
            False  # 'Kallas called the plan “a recipe for capitulation”': her words, not the writer's label
        )
    return label is not None


# '"Very close," he said.': a short quote that is a sentence of its own, its speaker and verb right after it.
SHORT_ANSWER_TAIL_RE = re.compile(
    r"\s+(?:(?:he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:said|says|added|replied|answered)"
    r"|(?:said|says|added|replied|answered)\s+(?:he|she|[A-Z][\w'’-]+))(?![\w-])"
)


def _short_answer(doc: Document, quote: Quote) -> bool:
    """Whether a quote of one or two words is someone's whole sentence, not a label: it opens its sentence, ends
    on its own comma, question or exclamation mark, and the speaker and verb follow it."""
    content = doc.text[quote.start : quote.end]
    sentence = doc.sentence_at(quote.open)
    return (
        content[-1:] in ",?!"
        and not doc.text[sentence.start : quote.open].strip(QUOTE_EDGE + " \n")
        and SHORT_ANSWER_TAIL_RE.match(doc.text, quote.close + 1) is not None
    )


NAMED_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:so-called|so called|dubbed|known as|what\s+(?:[\w'’-]+\s+){1,3}(?:calls?|called|terms?|dubbed)"
    r"|(?:still|now|officially)\s+calls?)\s+(?:(?:a|an|the|its|their|his|her)\s+)?$"
)


def _named_by_writer(doc: Document, quote: Quote) -> bool:
    """A name the writer reports others use ("so-called", "what Moscow calls", "dubbed"), right before the quote."""
    return NAMED_BEFORE_RE.search(doc.lower, max(0, quote.open - 60), quote.open) is not None


ARTICLE_BEFORE_RE = re.compile(r"(?<![\w'-])(?:a|an|the|its|their|his|her)\s*$")


def _title_case(doc: Document, quote: Quote, content: str) -> bool:
    if doc.zone_of(quote.paragraph) != BODY or content[-1:] in ",.!?:;" or content.isupper():
        return False  # all capitals is a post shouted, not a name
    long_words = [word for word in content.split() if len(word) > 3]
    return bool(long_words) and sum(word[:1].isupper() for word in long_words) >= 0.8 * len(long_words)


NAMING_RE = re.compile(
    r"(?<![\w-])(?:called|calls|branded|dubbed|termed|described)\s+(?:[\w'’-]+\s+){0,4}(?:as\s+)?$"
)


def _named_by_speaker(doc: Document, quote: Quote) -> bool:
    """A naming verb right before the quote whose subject is a named speaker."""
    sentence = doc.sentence_at(quote.open)
    naming = NAMING_RE.search(doc.lower, sentence.start, quote.open)
    if naming is None:
        return False
    mentions = doc.mentions_between(sentence.start, naming.start())
    return bool(mentions) and not doc.text[mentions[-1].end : naming.start()].strip(" ,")


# "<…>", "[applause]", "(SOUNDBITE OF ARCHIVED RECORDING)": cuts and notes of the transcriber.
NOT_SPOKEN_RE = re.compile(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)")
# "MARTINA OKAFOR, HOST:", "HANNA VOLOSHYN, BYLINE:": a broadcast's own journalists.
JOURNALIST_LABEL_RE = re.compile(
    r",\s*(?:host|byline|anchor|moderator|correspondent|reporter)\b", re.IGNORECASE
)


def find_turns(doc: Document, labels: dict[int, Mention | None], consumed: set[int]) -> list[Candidate]:
    """A transcript: each paragraph of a named speaker's turn is one direct statement of that speaker.

    A turn runs over the following paragraphs until the next label ("Question (TASS):" ends it too).
    """
    if not labels:
        return []
    said_on = header_date(doc) or intro_date(doc, min(labels))
    turns: list[Candidate] = []
    speaker: Mention | None = None
    for paragraph in doc.paragraphs:
        start = paragraph.start
        if paragraph.index in labels:
            speaker = labels[paragraph.index]
            start = turn_start(doc, paragraph.start, paragraph.end)
        elif doc.zones[paragraph.index] != BODY or NOT_SPOKEN_RE.fullmatch(doc.text, start, paragraph.end):
            speaker = None if doc.zones[paragraph.index] != BODY else speaker
            continue
        elif speaker is not None and _names_the_speaker(doc, start, speaker):
            speaker = None  # "Oksana Markarova served as ...": the page's own line about her, not her words
            continue
        if speaker is None or _word_count(doc, start, paragraph.end) < 3:
            continue  # "Thank you.": a courtesy, not a statement
        slot = Slot(speaker, start=speaker.text_start, end=speaker.end)
        turn = Candidate(
            DIRECT, start, paragraph.end, paragraph.index, doc.sentence_at(start), BODY, slot=slot
        )
        turn.said_on, turn.said_on_from_text, turn.confidence = said_on, said_on is not None, 0.85
        consumed.update(cue.start for cue in doc.cues_between(start, paragraph.end))
        turns.append(turn)
    return _without_moderator(doc, turns, labels)


def _names_the_speaker(doc: Document, start: int, speaker: Mention) -> bool:
    """Whether a paragraph opens with the full name of the person whose turn runs on: narration about them."""
    opening = doc.mention_starting_at(start)
    return opening is not None and opening.name == speaker.name and len(opening.name.split()) >= 2


# "Peskov said:", "Here's what he said:" ending a paragraph: a live blog's block quote follows, without marks.
BLOCK_INTRO_RE = re.compile(r"(?:said|told reporters|added|wrote|posted|says)\s*:\s*$")


def find_block_quotes(doc: Document, consumed: set[int]) -> list[Candidate]:
    """A paragraph that ends announcing words ("Speaking to reporters, Peskov said:") and a paragraph after it
    with no quotation marks: those words, set as a block quote that lost its formatting."""
    found: list[Candidate] = []
    for paragraph in doc.paragraphs[:-1]:
        if doc.text.rfind(":", paragraph.end - 3, paragraph.end) < 0 or doc.zones[paragraph.index] != BODY:
            continue  # most paragraphs: no colon at their end, one look
        if not BLOCK_INTRO_RE.search(doc.text, max(paragraph.start, paragraph.end - 40), paragraph.end):
            continue
        block = doc.paragraphs[paragraph.index + 1]
        if doc.zones[block.index] != BODY or doc.quotes_between(block.start, block.end):
            continue
        cues = [cue for cue in doc.cues_between(paragraph.start, paragraph.end) if cue.kind == SPEECH]
        if not cues or _word_count(doc, block.start, block.end) < 3:
            continue
        sentence = doc.sentence_at(cues[-1].start)
        slot = subject_before(doc, cues[-1], sentence.start)
        if slot is None:
            continue
        candidate = Candidate(
            DIRECT, block.start, block.end, block.index, doc.sentence_at(block.start), BODY, slot=slot
        )
        candidate.cue, candidate.region, candidate.confidence = cues[-1], (sentence.start, paragraph.end), 0.7
        consumed.update(cue.start for cue in doc.cues_between(block.start, block.end))
        consumed.add(cues[-1].start)
        found.append(candidate)
    return found


# "— Volodymyr Zelenskyy (@ZelenskyyUa) January 3, 2026": the signature an embedded post leaves in the page's
# text, after the post's own words (on the line before, or on the same line when the page joined them).
POST_SIGNATURE_RE = re.compile(
    r"[—–]{1,2}[ \t]*([^\n(—–]{2,80}?)[ \t]*\(@[A-Za-z0-9_]{1,30}\)[ \t]*([^\n]{0,30})"
)
POST_LINK_RE = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)\s*$")


def find_embedded_posts(doc: Document, consumed: set[int]) -> list[Candidate]:
    """An embedded social media post: its text is the direct words of the account named in its signature."""
    found: list[Candidate] = []
    for paragraph in doc.paragraphs:
        if "(@" not in doc.text[paragraph.start : paragraph.end]:
            continue  # most paragraphs: no handle, one look
        signature = POST_SIGNATURE_RE.search(doc.text, paragraph.start, paragraph.end)
        if signature is None:
            continue
        mentions = doc.mentions_between(signature.start(1), signature.end(1))
        if not mentions or mentions[0].possessive:
            continue
        if signature.start() > paragraph.start:
            text_start, text_end, index = paragraph.start, signature.start(), paragraph.index
        elif paragraph.index > 0:
            post = doc.paragraphs[paragraph.index - 1]
            text_start, text_end, index = post.start, post.end, post.index
        else:
            continue
        if _relays_quotes(doc, text_start, text_end):
            continue  # an agency's post passing on '"...," said Lavrov': the quote inside speaks for itself
        link = POST_LINK_RE.search(doc.text, text_start, text_end)
        text_end = link.start() if link is not None else text_end
        text_start, text_end = _strip_post_marks(doc.text, text_start, text_end)
        if _word_count(doc, text_start, text_end) < 3:
            continue
        slot = Slot(mentions[0], start=mentions[0].text_start, end=mentions[0].end)
        post = Candidate(DIRECT, text_start, text_end, index, doc.sentence_at(text_start), BODY, slot=slot)
        post.region, post.confidence = (signature.start(), signature.end()), 0.85
        post.said_on = read_date(signature.group(2), doc.published)[0]
        post.said_on_from_text = post.said_on is not None
        consumed.update(cue.start for cue in doc.cues_between(text_start, text_end))
        found.append(post)
    return found


def _relays_quotes(doc: Document, start: int, end: int) -> bool:
    """Whether a post's text holds quotes of its own, other than marks around all of it."""
    quotes = doc.quotes_between(start, end)
    return bool(quotes) and not (len(quotes) == 1 and quotes[0].open == start)


def _strip_post_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A post quoted in marks by the page as well: the words inside them."""
    while start < end and text[start] in QUOTE_EDGE:
        start += 1
    while end > start and text[end - 1] in " \t\"“”«»'’":
        end -= 1
    return start, end


MODERATOR_MAX_WORDS = 40


def _without_moderator(
    doc: Document, turns: list[Candidate], labels: dict[int, Mention | None]
) -> list[Candidate]:
    """'NATO Spokesperson Allison Hart: Good afternoon ... We will start with Reuters.': a named speaker who takes
    the floor more than once, never to answer a question, and only says a few words at a time runs the press
    conference; those lines are not statements."""
    answering: set[str] = set()
    floors: dict[str, int] = {}
    previous: Mention | None = None
    asked = False
    for index in sorted(labels):
        mention = labels[index]
        if mention is not None:
            floors[mention.name] = floors.get(mention.name, 0) + 1
            if previous is None and index > min(labels):
                answering.add(mention.name)
        asked = asked or mention is None
        previous = mention
    if not asked:
        return turns
    by_speaker: dict[str, list[Candidate]] = {}
    for turn in turns:
        by_speaker.setdefault(turn.slot.mention.name, []).append(turn)
    procedural = {
        name
        for name, spoken in by_speaker.items()
        if name not in answering
        and floors.get(name, 0) > 1
        and all(_word_count(doc, turn.start, turn.end) <= MODERATOR_MAX_WORDS for turn in spoken)
    }
    return [turn for turn in turns if turn.slot.mention.name not in procedural]


# Before the name in a turn's label: a title ("President of Russia Vladimir Putin:") or an initial ("S.Lavrov:").
LABEL_PREFIX_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:of\s+(?:the\s+)?)?){0,5}|(?:[A-Z]\.\s?)+")


def turn_labels(doc: Document) -> dict[int, Mention | None]:
    """The paragraphs that open with a transcript's label, and the person each names (None: a question, a
    moderator, the interviewer). Empty unless at least two labels name a person: then the page is a transcript.
    """
    labels: dict[int, Mention | None] = {}
    for paragraph in doc.paragraphs:
        if doc.zones[paragraph.index] != BODY or not LABEL_END_RE.search(
            doc.text, paragraph.start, min(paragraph.end, paragraph.start + 150)
        ):
            continue
        match = _turn_label(doc, paragraph.start, paragraph.end)
        if match is None or not all(
            word[:1].isupper() or word in ("of", "the", "for") for word in match.group(1).split()
        ):
            continue  # "And let me be clear: ..." goes on with the turn
        speaker = _label_speaker(doc, paragraph.start, match.end(1))
        if speaker is None and match.group(2):
            speaker = _person_filling(
                doc, match.start(2), match.end(2)
            )  # "The Secretary of State (John Healey):"
        labels[paragraph.index] = speaker
    if sum(mention is not None for mention in labels.values()) < 2:
        return dash_turn_labels(doc)
    _drop_interviewers(doc, labels)
    return labels


LABEL_END_RE = re.compile(r":|^[QA]\.", re.MULTILINE)
# "Q. Is Ukraine ready ...?" / "A. We are ...": an interview's turns labelled with a letter and a full stop. The
# empty group stands for TURN_LABEL_RE's aside, so both patterns answer the same questions.
QA_DOT_LABEL_RE = re.compile(r"([QA])()\.\s+(?=[^\s\"“«„‘'])")
# "— Mr Lavrov, will Russia ...?" / "— We have always said ...": an interview set as dialogue, each turn opened by
# a dash, the interviewer's turns asking.
DASH_TURN_RE = re.compile(r"[—–][ \t]*(?=[^\s—–])")
MIN_DASH_TURNS = 2  # questions and answers each: one dash paragraph is an aside, not an interview


def _turn_label(doc: Document, start: int, end: int) -> re.Match[str] | None:
    return TURN_LABEL_RE.match(doc.text, start, end) or QA_DOT_LABEL_RE.match(doc.text, start, end)


def turn_start(doc: Document, start: int, end: int) -> int:
    """Where a turn's words begin: after its label or its dash."""
    label = _turn_label(doc, start, end) or DASH_TURN_RE.match(doc.text, start, end)
    return label.end() if label is not None else start


def dash_turn_labels(doc: Document) -> dict[int, Mention | None]:
    """An interview set as dialogue: the dash paragraphs that ask are the interviewer's (None), the others the
    interviewee's, named in the introduction or the title."""
    turns: dict[int, bool] = {}
    for paragraph in doc.paragraphs:
        if doc.zones[paragraph.index] == BODY and DASH_TURN_RE.match(
            doc.text, paragraph.start, paragraph.end
        ):
            turns[paragraph.index] = (
                doc.text[paragraph.start : paragraph.end].rstrip(" \t\"”’»'").endswith("?")
            )
    asking = sum(turns.values())
    if asking < MIN_DASH_TURNS or len(turns) - asking < MIN_DASH_TURNS:
        return {}
    interviewee = _interviewee(doc, doc.paragraphs[min(turns)].start)
    if interviewee is None:
        return {}
    return {index: None if asks else interviewee for index, asks in turns.items()}


def _label_speaker(doc: Document, start: int, end: int) -> Mention | None:
    """The person a turn's label names, or None ("Question", "Moderator")."""
    if doc.text[start:end] in ("A", "Answer"):
        return _interviewee(doc, start)
    found = doc.mentions_ending_before(end, start, 1)
    if not found or found[0].end != end:
        return _capitals_label_speaker(doc, start, end)
    mention = found[0]
    if not mention.is_person:
        return None
    return mention if LABEL_PREFIX_RE.fullmatch(doc.text, start, mention.text_start) else None


def _person_filling(doc: Document, start: int, end: int) -> Mention | None:
    """The person whose name is all of text[start:end], if any."""
    found = doc.mentions_between(start, end)
    if len(found) == 1 and found[0].is_person and (found[0].text_start, found[0].end) == (start, end):
        return found[0]
    return None


def _interviewee(doc: Document, first_label: int) -> Mention | None:
    """Who answers an interview's "A:" turns: the first person the introduction names ("Ukraine's ambassador to
    the U.S., Olha Stefanishyna, spoke to our reporter"), else the first the title names."""
    titled = None
    for mention in doc.mentions:
        if mention.start >= first_label:
            break
        if mention.is_person and mention.kind in (ACTOR, PERSON, NAME) and not mention.possessive:
            if doc.zone_of(doc.sentence_at(mention.start).paragraph) == BODY:
                return mention
            titled = titled or mention
    return titled


def _capitals_label_speaker(doc: Document, start: int, end: int) -> Mention | None:
    """'OKSANA HRYTSENKO:', 'HRYTSENKO:': a broadcast transcript writes its labels in capitals, and the person
    is named normally in the introduction, or in a biography line after the turns: the first person whose
    surname the label ends with."""
    label = doc.text[start:end]
    if not label.isupper() or JOURNALIST_LABEL_RE.search(label):
        return None
    surname = label.split()[-1]
    if surname.lower() in SPOKESPERSON_NOUNS:
        return _spokesperson_in_intro(doc, start)
    for mention in doc.mentions:
        words = mention.name.split()
        if (
            mention.kind in (PERSON, NAME)
            and mention.is_person
            and len(words) >= 2
            and words[-1].upper() == surname
        ):
            return mention
    return None


# "Stéphane Dujarric, Spokesman for the Secretary-General": the role right after the name.
SPOKESPERSON_AFTER_RE = re.compile(r",\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?spokes(?:person|man|woman)\b")


def _spokesperson_in_intro(doc: Document, first_label: int) -> Mention | None:
    """Who answers a briefing's "SPOKESPERSON:" turns: the person the introduction names as spokesperson."""
    for mention in doc.mentions:
        if mention.start >= first_label:
            break
        if mention.is_person and (
            any(noun in mention.title.lower() for noun in SPOKESPERSON_NOUNS)
            or SPOKESPERSON_AFTER_RE.match(doc.lower, mention.end)
        ):
            return mention
    return None


def _drop_interviewers(doc: Document, labels: dict[int, Mention | None]) -> None:
    """The interviewer's turns are questions, not statements: a speaker most of whose turns hold a question
    asks, and a journalist named in a label ("MARTINA OKAFOR, HOST:") asks under that surname."""
    journalists = set()
    turns: dict[str, list[int]] = defaultdict(list)
    for index, mention in labels.items():
        paragraph = doc.paragraphs[index]
        label = _turn_label(doc, paragraph.start, paragraph.end)
        if JOURNALIST_LABEL_RE.search(label.group(1)):
            journalists.add(label.group(1).split(",")[0].split()[-1].upper())
        if mention is not None:
            turns[mention.name].append(index)
    for name, indexes in turns.items():
        asking = sum(
            "?" in doc.text[doc.paragraphs[index].start : doc.paragraphs[index].end] for index in indexes
        )
        if name.split()[-1].upper() in journalists or 2 * asking > len(indexes):
            for index in indexes:
                labels[index] = None


def find_direct(doc: Document, consumed: set[int], skipped_paragraphs: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    chain = -1
    previous_ran_on = False
    for quote in doc.outer_quotes:
        if quote.paragraph in skipped_paragraphs:
            continue  # words quoted inside a transcript's turn are the speaker's words already
        if quote.continued and previous_ran_on:
            pass
        elif quote.runs_on:
            chain += 1
        previous_ran_on = quote.runs_on
        if is_label(doc, quote) and not quote.continued and not quote.runs_on:
            continue
        if _quoted_subheading(doc, quote) or _question_put_to_speaker(doc, quote):
            continue
        sentence = doc.sentence_at(quote.open)
        candidate = Candidate(
            DIRECT,
            quote.start,
            quote.end,
            quote.paragraph,
            sentence,
            doc.zone_of(quote.paragraph),
            quote=quote,
        )
        if quote.runs_on or quote.continued:
            candidate.chain = chain
        _attribute_quote(doc, candidate, found, consumed)
        found.append(candidate)
    return found


def _quoted_subheading(doc: Document, quote: Quote) -> bool:
    """A subheading the page set in quotation marks ("'Voting in the trenches'" on a line of its own between body
    paragraphs): the theme of a section, not a statement."""
    paragraph = doc.paragraphs[quote.paragraph]
    return (
        doc.zone_of(quote.paragraph) == HEADLINE
        and quote.open == paragraph.start
        and quote.close == paragraph.end - 1
        and BODY in doc.zones[: quote.paragraph]
    )


# '"Why now?" Peskov was asked.', '"Will you meet him?" a reporter asked.': a question put to the speaker.
QUESTION_PUT_RE = re.compile(
    r"[ \t]*(?:(?:[A-Z][\w'’.-]*|he|she|they)[ \t]+){1,4}(?:was|were|had been)[ \t]+asked\b"
    r"|[ \t]*(?:(?:a|an|the|one|another)[ \t]+)?(?:[\w'’-]+[ \t]+)?"
    r"(?:reporter|journalist|correspondent|interviewer|host|moderator|presenter|anchor)s?[ \t]+asked\b"
)


def _question_put_to_speaker(doc: Document, quote: Quote) -> bool:
    """A question in quotation marks that the words after it say was asked of the speaker, not by them."""
    return (
        doc.text[quote.end - 1 : quote.end] == "?"
        and QUESTION_PUT_RE.match(doc.text, quote.close + 1) is not None
    )


# '... would "respond in kind" if Russia continued to strike': a clause of its own after the quote, whose
# subject and verb do not attribute it.
SUBORDINATE_RE = re.compile(
    r"(?<![\w'-])(?:if|unless|when|whenever|because|while|whereas|although|though|whether|until|once)(?![\w'-])"
)
DASH_ATTRIBUTION_RE = re.compile(r"[ \t]*[,.]?[ \t]*[—–][ \t]*")


def _attribute_quote(
    doc: Document, candidate: Candidate, earlier: list[Candidate], consumed: set[int]
) -> None:
    quote = candidate.quote
    assert quote is not None
    sentence = candidate.sentence
    paragraph = doc.paragraphs[quote.paragraph]
    sentence_end = max(sentence.end, min(quote.close + 1, paragraph.end))
    following = [
        other for other in doc.quotes_between(quote.close + 1, paragraph.end) if other.open > quote.close
    ]
    limit = min(sentence_end, following[0].open if following else paragraph.end, quote.close + 220)

    # After the quote: '"...," said Lavrov', '"...," he told reporters', "'...': Trump says".
    dash = DASH_ATTRIBUTION_RE.match(doc.text, quote.close + 1)
    if dash is not None:  # '“...” — Volodymyr Zelenskyy'
        mention = doc.mention_starting_at(dash.end())
        if mention is not None and not mention.possessive:
            candidate.slot = Slot(mention, start=mention.text_start, end=mention.end)
            candidate.region, candidate.confidence = (quote.close + 1, mention.end), 0.8
            cue = _cue_right_after(doc, mention.end, limit)
            if cue is not None:  # '«...», – Zelensky said in a video address': the verb attributes the quote
                _attach(candidate, candidate.slot, cue, (quote.close + 1, limit), consumed)
            return
    if (heading := _speaker_after_heading_quote(doc, quote)) is not None:
        candidate.slot = Slot(heading, start=heading.text_start, end=heading.end)
        candidate.region, candidate.confidence = (quote.close + 1, heading.end), 0.8
        return
    for cue in doc.cues_between(quote.close + 1, limit):
        between = doc.text[quote.close + 1 : cue.start]
        if len(between) > 110 or SUBORDINATE_RE.search(doc.lower, quote.close + 1, cue.start):
            break
        if cue.kind == ACCORDING:
            if _reported_by_cue_before(doc, sentence, quote):
                break  # 'Peskov said it was "not on the table", according to Tass': the agency passes it on
            slot = according_to(doc, cue, limit)
        elif not between.strip(QUOTE_EDGE) and cue.word.split()[0] in INVERTED_VERBS | {
            "says",
            "tells",
            "adds",
        }:
            slot = speaker_after(doc, cue.end, limit)
        else:
            slot = subject_before(doc, cue, quote.close + 1)
            if slot is not None and _aside_after_reported_quote(doc, sentence, quote, slot):
                break
        if slot is not None:
            _attach(candidate, slot, cue, (quote.close + 1, limit), consumed)
            return
        break
    mention = _speaker_with_any_verb_after(doc, quote, limit)
    if mention is not None:
        candidate.slot = Slot(mention, start=mention.text_start, end=mention.end)
        candidate.region, candidate.confidence = (quote.close + 1, limit), 0.75
        return

    # Before it, in the same sentence: 'Lavrov said: "..."', 'told a hearing that "..."'.
    cues = [cue for cue in doc.cues_between(sentence.start, quote.open) if doc.quote_at(cue.start) is None]
    if (reporting := _reporting_cue_around(doc, cues, sentence, quote)) is not None:
        _attach(candidate, reporting[1], reporting[0], (sentence.start, quote.open), consumed)
        consumed.discard(reporting[0].start)  # the report's clause is left for a paraphrase, as before
        consumed.add(cues[-1].start)
        return
    for cue in reversed(cues[-3:]):
        if cue is not cues[0] and MODAL_BEFORE_RE.search(
            doc.lower, max(sentence.start, cue.start - 30), cue.start
        ):
            continue  # 'said Ukraine would urge Russia to act "..."': the verb is part of what an earlier cue reports
        slot = _slot_before_quote(doc, cue, sentence, quote, cues)
        if slot is not None:
            _attach(candidate, slot, cue, (sentence.start, quote.open), consumed)
            if _clause_before_fragment(doc, cue, quote):
                consumed.discard(cue.start)  # the cue reports that clause too: left for a paraphrase
            return

    prefix = doc.text[sentence.start : quote.open].rstrip()
    if (words := IN_HIS_WORDS_RE.fullmatch(prefix)) is not None:
        # 'In his words, "the leaders should sign, not negotiate."': the person just named, as "he said" would be
        pronoun = {"his": "he", "her": "she", "their": "they"}[words.group(1).lower()]
        candidate.slot = Slot(None, pronoun=pronoun, start=sentence.start, end=sentence.start + len(prefix))
        candidate.confidence = 0.75
        return
    if prefix.endswith(":"):
        mention = _mention_right_before(doc, len(prefix) + sentence.start - 1, sentence.start)
        if mention is not None and PREPOSITION_BEFORE_RE.search(
            doc.lower, sentence.start, mention.text_start
        ):
            # 'Peskov had a message for Kyiv: "..."': the subject speaks, not the object of "for".
            subject = sentence_subject(doc, sentence, mention.text_start)
            mention = subject.mention if subject is not None else None
        if mention is None:
            # 'Kallas scoffed: "..."': the subject of a short sentence opened by the quote's colon.
            subject = sentence_subject(doc, sentence, quote.open)
            if subject is not None and _word_count(doc, subject.end, quote.open) <= 8:
                mention = subject.mention
        if mention is None:
            mention = _named_after_opening_verb(doc, sentence)
        if mention is not None:
            candidate.slot = Slot(mention, start=mention.text_start, end=mention.end)
            candidate.region = (sentence.start, quote.open)
            candidate.confidence = 0.75
            return
    if not prefix.strip(QUOTE_EDGE):
        slot = _slot_from_colon_sentence(doc, sentence)
        if slot is not None:
            candidate.slot, candidate.confidence = slot, 0.75
            return

    if not prefix.strip(QUOTE_EDGE) and (slot := _named_in_next_sentence(doc, quote)) is not None:
        candidate.slot, candidate.confidence = slot, 0.7
        return

    if not quote.continued and not prefix.strip(QUOTE_EDGE):
        slot = _previoussentence_subject(doc, sentence)
        if slot is not None:
            candidate.slot, candidate.confidence = slot, 0.7
            candidate.region = (doc.sentences[sentence.index - 1].start, sentence.start)
            return

    if quote.continued:
        candidate.inherit, candidate.confidence = "chain", 0.75
    elif any(other.paragraph == candidate.paragraph and other.kind == DIRECT for other in earlier[-3:]):
        candidate.inherit, candidate.confidence = "paragraph", 0.7
    elif quote.open == paragraph.start or _opens_with_block_label(doc, paragraph.start, quote.open):
        candidate.inherit, candidate.confidence = "previous-paragraph", 0.55


HEADING_COLON_RE = re.compile(r"[ \t]*:[ \t]*")


def _speaker_after_heading_quote(doc: Document, quote: Quote) -> Mention | None:
    """A headline or subheading that opens with a quote and names its speaker right after the colon:
    "'We will not give up Donbas': Zelensky on the US plan"."""
    if quote.open != doc.paragraphs[quote.paragraph].start or doc.zone_of(quote.paragraph) != HEADLINE:
        return None
    colon = HEADING_COLON_RE.match(doc.text, quote.close + 1)
    if colon is None:
        return None
    mention = doc.mention_starting_at(colon.end())
    if mention is None or mention.possessive or not (mention.is_person or mention.kind == ACTOR):
        return None
    return mention


# A verb of saying after a modal or "to" is not said yet: it belongs to a reported clause ("would urge",
# "will demand", "continue to urge").
MODAL_BEFORE_RE = re.compile(
    r"(?<![\w'-])(?:to|would|will|could|should|must|might|may|shall)\s+(?:also\s+|not\s+|never\s+)?$"
)


def _aside_after_reported_quote(doc: Document, sentence: Sentence, quote: Quote, slot: Slot) -> bool:
    """'Moskalkova says Kyiv "drags its feet" on lists — a charge Ukraine denies': words between the quote and
    the subject of a verb after it ('"...," he said' has none), when a verb before the quote already reports it,
    make that verb a clause of its own."""
    return bool(WORD_RE.search(doc.text, quote.close + 1, slot.start)) and _reported_by_cue_before(
        doc, sentence, quote
    )


def _reported_by_cue_before(doc: Document, sentence: Sentence, quote: Quote) -> bool:
    """Whether a verb of saying with a subject comes before the quote in its sentence ("Peskov told reporters
    that ..."); a stance verb does not count: in "X proposed "...", according to people familiar" the sources
    tell of the proposal."""
    return any(
        cue.kind == SPEECH
        and doc.quote_at(cue.start) is None
        and subject_before(doc, cue, sentence.start) is not None
        for cue in doc.cues_between(sentence.start, quote.open)
    )


IN_HIS_WORDS_RE = re.compile(r"(?:In|in)\s+(his|her|their)\s+(?:own\s+)?words\s*[,:]?")


# '"..." That was the message from Zelensky on Sunday': the sentence after the quote names its speaker.
MESSAGE_FROM_RE = re.compile(
    r"(?:That|This|Those|These|Such)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:\w+\s+)?(?:message|words?|warning|"
    r"verdict|view|assessment|response|reaction|answer|reply|promise|pledge)\s+(?:from|of|by)\s+"
)

# '"There is a chance." With those words, Kremlin aide Yuri Ushakov signalled ...': the subject after the phrase.
WITH_THOSE_WORDS_RE = re.compile(r"(?:With|In)\s+(?:those|these|that|this)\s+(?:\w+\s+)?words?,\s+")
# '"Nobody will be left behind." So said Oleh Marchuk, ...': the verb put first in the sentence after the quote.
SO_SAID_RE = re.compile(r"(?:So|Thus)\s+(?:said|says|wrote|writes|spoke)\s+")


def _named_in_next_sentence(doc: Document, quote: Quote) -> Slot | None:
    """The speaker named by the sentence right after a quote that closes its own sentence."""
    after = doc.sentence_at(quote.close)
    if after.index + 1 >= len(doc.sentences):
        return None
    following = doc.sentences[after.index + 1]
    if doc.text[quote.close + 1 : following.start].strip(QUOTE_EDGE + "\n"):
        return None  # more words after the quote: its sentence goes on
    match = (
        MESSAGE_FROM_RE.match(doc.text, following.start, following.end)
        or WITH_THOSE_WORDS_RE.match(doc.text, following.start, following.end)
        or SO_SAID_RE.match(doc.text, following.start, following.end)
    )
    if match is None:
        return None
    mention = doc.mention_starting_at(_skip_space(doc, match.end(), following.end))
    if mention is None:
        for other in doc.mentions_between(match.end(), min(following.end, match.end() + 60)):
            if other.is_person and TITLE_GAP_RE.fullmatch(doc.text, match.end(), other.text_start):
                mention = other  # "from Ukrainian President Volodymyr Zelensky"
            break
    if mention is None or mention.possessive:
        return None
    return Slot(mention, start=mention.text_start, end=mention.end)


# 'Quote: "..."' in a roundup's Source / Details / Quote blocks: the label names no one.
BLOCK_LABEL_RE = re.compile(r"([A-Z][a-z]+):\s*")


def _opens_with_block_label(doc: Document, start: int, quote_open: int) -> bool:
    label = BLOCK_LABEL_RE.fullmatch(doc.text, start, quote_open)
    return label is not None and label.group(1) in NAME_STOPWORDS


# After '"...," Peskov': a verb the lexicon does not know and nothing more ("fumed.", "shot back.").
ANY_VERB_TAIL_RE = re.compile(r"\s+[a-z][a-z'-]+(?:\s+(?:back|out|up|in|on))?\s*[.,!?]")


def _cue_right_after(doc: Document, position: int, limit: int) -> Cue | None:
    """The cue right after a speaker's name ("Zelensky said", "Zelensky also stressed"), if there is one."""
    cues = doc.cues_between(position, limit)
    if not cues or any(word not in GAP_WORDS for word in doc.lower[position : cues[0].start].split()):
        return None
    return cues[0]


def _speaker_with_any_verb_after(doc: Document, quote: Quote, limit: int) -> Mention | None:
    """'"We will not accept it," Peskov fumed.': a name and a verb of any kind closing the quote's sentence."""
    if doc.text[quote.end - 1 : quote.end] not in (",", "?", "!"):
        return None  # a full stop inside the marks ends the sentence: what follows is not its attribution
    cursor = _skip_space(doc, quote.close + 1, limit)
    mention = doc.mention_starting_at(cursor)
    if mention is None or mention.possessive or mention.kind == ROLE:
        return None
    tail = ANY_VERB_TAIL_RE.match(doc.text, mention.end, limit + 1)
    return mention if tail is not None else None


def _clause_before_fragment(doc: Document, cue: Cue, quote: Quote) -> bool:
    """'says the next exchange must include civilians, "not only soldiers"', 'posted that the talks had been
    "constructive" and that "dialogue ..."': room for a reported clause of its own between the cue and the
    quote (the paraphrase keeps it only if it is one, see _settle_against_quotes)."""
    return _word_count(doc, cue.end, quote.open) >= 5


def _attach(candidate: Candidate, slot: Slot, cue: Cue, region: tuple[int, int], consumed: set[int]) -> None:
    candidate.slot = slot
    candidate.cue = cue
    candidate.region = region
    candidate.confidence = 0.9 if slot.mention is not None else 0.8
    consumed.add(cue.start)


def _slot_before_quote(
    doc: Document, cue: Cue, sentence: Sentence, quote: Quote, cues: list[Cue]
) -> Slot | None:
    if cue.kind == ACCORDING:
        return according_to(doc, cue, quote.open)
    if cue.kind == PARTICIPLE:
        return _clause_subject(doc, cue, sentence, cues)
    slot = subject_before(doc, cue, sentence.start)
    if slot is not None:
        slot = _prefer_person_subject(doc, slot, sentence, cue)
    if slot is None and cue.word in INVERTED_VERBS:
        slot = speaker_after(doc, cue.end, quote.open)
        if slot is not None and _opens_reported_clause(doc, slot.end, quote.open):
            slot = (
                None  # 'said Moscow would answer "..."': the name opens the reported clause, not the speaker
            )
    if slot is None and _coordinated_cue(doc, cue) is not None:
        slot = sentence_subject(doc, sentence, cue.start)  # 'Putin turned to Trump and said: “...”'
    return slot


def _reporting_cue_around(
    doc: Document, cues: list[Cue], sentence: Sentence, quote: Quote
) -> tuple[Cue, Slot] | None:
    """'Umerov wrote that Kyiv had proposed "an immediate ceasefire"', 'Schlein said she welcomed "any initiative
    for peace"': a fragment after a stance verb inside a reported clause is the reporter's wording, so the cue and
    subject of the clause's report, not the stance verb's subject."""
    if len(cues) < 2 or cues[-1].kind != POSITION:
        return None
    first = cues[0]
    if first.kind != SPEECH or first.quote_only:
        return None
    slot = subject_before(doc, first, sentence.start)
    start = _content_start(doc, first, sentence)
    if slot is None or slot.mention is None or start is None or cues[-1].start < start:
        return None
    if _clause_end(doc, start, sentence.end) < quote.open:
        return None  # 'Lavrov said the talks failed, and Zelensky rejected "...": a clause of its own
    return first, slot


def _opens_reported_clause(doc: Document, name_end: int, quote_open: int) -> bool:
    """'said Ukraine was ready for "...", 'said Moscow would answer "..."': words of a clause between the name
    after the cue and the quote, with no comma or colon to close an attribution ('said Lavrov on Monday: "')."""
    words = _word_count(doc, name_end, quote_open)
    return words > 3 or (words > 0 and not any(mark in doc.text[name_end:quote_open] for mark in ",:"))


def _clause_subject(doc: Document, cue: Cue, sentence: Sentence, cues: list[Cue]) -> Slot | None:
    """The subject of the clause a participle ("..., saying") hangs from."""
    for earlier in reversed([other for other in cues if other.start < cue.start]):
        if earlier.kind in (SPEECH, POSITION):
            slot = subject_before(doc, earlier, sentence.start)
            if slot is not None:
                return slot
    return sentence_subject(doc, sentence, cue.start)


def _mention_right_before(doc: Document, position: int, lower_bound: int) -> Mention | None:
    for mention in doc.mentions_ending_before(position, lower_bound, 1):
        if not doc.text[mention.end : position].strip():
            return mention
    return None


def _previoussentence_subject(doc: Document, sentence: Sentence) -> Slot | None:
    """'Zakharova went further. “Any attempt ...”': a quote with no cue of its own, after a sentence of the
    same paragraph whose subject is a person and which quotes no one."""
    if sentence.index == 0:
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph or doc.quotes_between(previous.start, previous.end):
        return None
    pronoun = PRONOUN_SENTENCE_RE.match(doc.text, previous.start, previous.end)
    if pronoun is not None:
        # 'Asked whether a deal is possible, he shrugs. "..."': the pronoun's person, as a name would be.
        return Slot(None, pronoun=pronoun.group(1).lower(), start=pronoun.start(1), end=pronoun.end(1))
    for mention in doc.mentions_between(previous.start, previous.end):
        person = mention if mention.is_person else person_after_body(doc, mention, previous.end)
        if person is None:
            continue
        intro = TRAILING_TITLE_RE.sub("", doc.text[previous.start : person.text_start]).rstrip()
        if person.possessive or (intro and not intro.endswith(",") and len(intro.split()) > 4):
            return None
        return Slot(person, start=person.text_start, end=person.end)
    return None


# A short sentence whose subject is "he" or "she", after an opening phrase or none: "He went further.",
# "Asked about the plan, she laughed."
PRONOUN_SENTENCE_RE = re.compile(
    r"(?:[A-Z][^,.\n\"“”]{0,80},\s+)?(He|She|he|she)\s+[a-z]+(?:\s+[a-z]+){0,3}\s*[.:]\s*$"
)


# A sentence that puts the verb of saying first ('Said Maria Kovalenko, a nurse who has worked on the ward since
# 2022: "..."'): the name right after the verb speaks, however long the description before the colon.
# ("Asked X:" opens a question, not the speaker's words.)
OPENING_VERB_RE = re.compile(rf"(?:{'|'.join(sorted(INVERTED_OPENERS - {'Asked'}))})\s+")


def _named_after_opening_verb(doc: Document, sentence: Sentence) -> Mention | None:
    opener = OPENING_VERB_RE.match(doc.text, sentence.start)
    return doc.mention_starting_at(opener.end()) if opener is not None else None


def _slot_from_colon_sentence(doc: Document, sentence: Sentence) -> Slot | None:
    """'Peskov told reporters:' closing the sentence or paragraph before a quote."""
    if sentence.index == 0:
        return None
    previous = doc.sentences[sentence.index - 1]
    if sentence.paragraph - previous.paragraph > 1:
        return None
    if not doc.text[previous.start : previous.end].rstrip().endswith(":"):
        return None
    cues = [cue for cue in doc.cues_between(previous.start, previous.end) if doc.quote_at(cue.start) is None]
    for cue in reversed(cues):
        slot = subject_before(doc, cue, previous.start)
        if slot is not None:
            return slot
    mention = _mention_right_before(doc, previous.end - 1, previous.start)
    return Slot(mention, start=mention.text_start, end=mention.end) if mention is not None else None


# Paraphrases


def find_paraphrases(doc: Document, direct: list[Candidate], consumed: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    covered_until = -1
    statements = [candidate for candidate in direct if candidate.slot is not None or candidate.inherit]
    by_paragraph: dict[int, list[Candidate]] = {}
    for statement in statements:
        by_paragraph.setdefault(statement.paragraph, []).append(statement)
    for cue in doc.cues:
        if cue.start in consumed or cue.start < covered_until or _only_quotes(doc, cue):
            continue
        sentence = doc.sentence_at(cue.start)
        zone = doc.zone_of(sentence.paragraph)
        if (zone != BODY and not _read_also(doc, sentence.paragraph)) or doc.quote_at(cue.start) is not None:
            continue
        candidate = _paraphrase_at(doc, cue, sentence, statements + found)
        if candidate is None:
            continue
        candidate.zone = zone  # a "Read also" line's claim gives way to the same claim in the body
        if not _settle_against_quotes(doc, candidate, by_paragraph.get(candidate.paragraph, [])):
            continue
        found.append(candidate)
        covered_until = candidate.end
        second = _second_report(doc, candidate, by_paragraph.get(candidate.paragraph, []))
        if second is not None:
            found.append(second)
            covered_until = second.end
    found += _clauses_after_fragments(doc, statements, found)
    found += _read_also_labels(doc)
    return sorted(found, key=lambda candidate: candidate.start)


THAT_NEXT_RE = re.compile(r"\s+that\s")


# "Read also: Umerov: Ukraine ready to extend energy truce": the speaker as a label before the claim.
READ_ALSO_LABEL_RE = re.compile(
    r"[^:\n]{0,14}:\s*(?P<who>[A-Z][^:\n]{1,40}?):\s+(?P<claim>[^\s\"“«'‘][^\n]{9,})"
)


def _read_also_labels(doc: Document) -> list[Candidate]:
    """Claims of "Read also:" lines whose speaker stands as a label before them."""
    found = []
    for paragraph in doc.paragraphs:
        if doc.zones[paragraph.index] == BODY or not _read_also(doc, paragraph.index):
            continue
        label = READ_ALSO_LABEL_RE.match(doc.text, paragraph.start, paragraph.end)
        if label is None:
            continue
        mentions = doc.mentions_between(label.start("who"), label.end("who"))
        if len(mentions) != 1 or (mentions[0].text_start, mentions[0].end) != label.span("who"):
            continue  # the label is one name, the whole of it
        if not mentions[0].is_person:
            continue  # "Read more: Ukraine: what we know about the talks" is a topic, not a speaker
        mention = mentions[0]
        end = label.end("claim")
        while doc.text[end - 1] in " .":
            end -= 1
        sentence = doc.sentence_at(label.start("claim"))
        candidate = Candidate(PARAPHRASE, label.start("claim"), end, paragraph.index, sentence, HEADLINE)
        candidate.slot = Slot(mention, start=mention.text_start, end=mention.end)
        candidate.region = (paragraph.start, label.start("claim"))
        found.append(candidate)
    return found


def _read_also(doc: Document, paragraph: int) -> bool:
    """A "Read also:" line heads another article; its claim ("Zelensky warns Ukraine may lose ...") is reported
    speech, annotated when the body does not say it again."""
    start = doc.paragraphs[paragraph].start
    return READ_ALSO_RE.match(doc.text[start : start + 20]) is not None  # its "^" matches only at 0


def _only_quotes(doc: Document, cue: Cue) -> bool:
    """A quote-only cue introduces no paraphrase, unless a "that" clause follows it ("countered that ...")."""
    if not cue.quote_only:
        return False
    if cue.word in LABELLING_CUES and _labels_with_short_quote(doc, cue):
        return False
    return cue.word not in THAT_CLAUSE_CUES or THAT_NEXT_RE.match(doc.lower, cue.end) is None


# 'Lavrov called any deployment "absolutely unacceptable"': a quoted word or two on an object is a report of
# the object and the words (the codebook's first decision), not a quote of its own.
LABELLING_CUES = frozenset(["called", "calls", "branded", "brands", "dubbed", "termed"])
OBJECT_BEFORE_LABEL_RE = re.compile(r"\s+(?:[\w'’-]+\s+){1,6}$")


def _labels_with_short_quote(doc: Document, cue: Cue) -> bool:
    following = doc.quotes_between(cue.end, min(len(doc.text), cue.end + 80))
    if not following or doc.quote_at(cue.start) is not None:
        return False
    quote = following[0]
    return (
        _word_count(doc, quote.start, quote.end) < 3
        and OBJECT_BEFORE_LABEL_RE.fullmatch(doc.text, cue.end, quote.open) is not None
    )


# "but that" opens a second report of the same cue; so does ", and that" where the report was cut before it,
# at a verb of the second clause ("said Ukraine had handed over 1,830 names, and that Moscow had confirmed
# fewer than 300"): that verb is reported, not said by a new speaker.
SECOND_REPORT_RE = re.compile(r",?\s+but\s+that\s+|,\s+and\s+that\s+")


def _second_report(doc: Document, first: Candidate, quoted: list[Candidate]) -> Candidate | None:
    """'He said the US had proposed X(,) but that Ukraine wanted Y', 'said X, and that Moscow had confirmed Y': a
    second report of the same speaker."""
    match = SECOND_REPORT_RE.match(doc.text, first.end)
    if match is None or first.cue is None:
        return None
    sentence = first.sentence
    start = match.end()
    second = _make_paraphrase(
        doc,
        first.cue,
        sentence,
        first.slot,
        start,
        _clause_end(doc, start, sentence.end),
        first.region or (0, 0),
    )
    if second is None or not _settle_against_quotes(doc, second, quoted):
        return None
    second.inherit, second.parent = first.inherit, first.parent
    return second


def _clauses_after_fragments(
    doc: Document, direct: list[Candidate], found: list[Candidate]
) -> list[Candidate]:
    """'Kallas said the move was “an important first step” but that a ceasefire must follow': the quote took
    the cue; the clause after "but that" is a paraphrase of the same speaker."""
    extra = []
    for quoted in direct:
        cue, quote = quoted.cue, quoted.quote
        if cue is None or quote is None or cue.start > quote.open or quoted.slot is None:
            continue
        match = AFTER_QUOTE_CLAUSE_RE.match(doc.text, quote.close) or LATER_THAT_CLAUSE_RE.search(
            doc.text, quote.close, min(quoted.sentence.end, quote.close + 100)
        )
        if match is None or doc.quotes_between(quote.close + 1, match.end()):
            continue
        end = _clause_end(doc, match.end(), quoted.sentence.end)
        if any(other.start < end and match.end() < other.end for other in (*found, *direct)):
            continue
        candidate = _make_paraphrase(
            doc, cue, quoted.sentence, quoted.slot, match.end(), end, quoted.region or (0, 0)
        )
        if candidate is not None:
            extra.append(candidate)
    return extra


RELATIVE_BEFORE_RE = re.compile(
    r"(?:,\s+|\s)(?:who|which)\b"
)  # ", who has said ...", "a Republican who has pushed for"
NEGATED_CUE_RE = re.compile(
    r"(?:\bnot|n't|\bnever|\bdeclined to|\brefused to|\bwould not|\bno one)\s+(?:\w+\s+)?$"
)
SAID_NOTHING_RE = re.compile(r"\s*(?:nothing|little|no more|anything)\b")


def _paraphrase_at(doc: Document, cue: Cue, sentence: Sentence, earlier: list[Candidate]) -> Candidate | None:
    if cue.kind == SPEECH and (
        NEGATED_CUE_RE.search(doc.lower, max(sentence.start, cue.start - 30), cue.start)
        or SAID_NOTHING_RE.match(doc.lower, cue.end)
    ):
        return None  # "has not commented", "declined to say", "said nothing": no words reported
    if cue.kind == ACCORDING:
        return _according_paraphrase(doc, cue, sentence)
    if cue.kind == AS_SAYING:
        return _quoted_as_saying(doc, cue, sentence)
    if cue.kind == PARTICIPLE:
        return _participle_paraphrase(doc, cue, sentence, earlier)
    if STATED_BY_RE.match(doc.lower, sentence.start, cue.end + 4):
        return _stated_by(doc, cue, sentence)
    if cue.kind == POSITION and TRAILING_ATTRIBUTION_RE.search(doc.text, cue.end, sentence.end):
        return None  # "Kyiv refused to discuss it, one of them said": the source after the comma reports it
    if cue.kind == SPEECH and SAID_THIS_RE.match(doc.lower, cue.end, sentence.end):
        return _said_this(doc, cue, sentence)
    if cue.kind == SPEECH and _named_trailing_attribution(doc, cue, sentence):
        return None  # "China has always maintained that ..., spokesperson Mao Ning said.": Mao's words, reported whole
    if cue.kind in (SPEECH, POSITION) and _told_by_trailing_source(doc, cue, sentence):
        return None  # "Russia has told U.S. negotiators it wants X, three sources told Reuters.": the sources' words
    slot = subject_before(doc, cue, sentence.start)
    parent = None
    if slot is None and _coordinated_cue(doc, cue) is not None:
        same = [
            other for other in earlier if other.sentence.index == sentence.index and other.start < cue.start
        ]
        if same and (same[-1].slot is not None or same[-1].inherit):
            parent = same[-1]
    if parent is not None:
        start = _content_start(doc, cue, sentence)
        if start is None:
            return None
        candidate = _make_paraphrase(
            doc,
            cue,
            sentence,
            parent.slot,
            start,
            _clause_end(doc, start, sentence.end),
            region=parent.region,
        )
        if candidate is not None and parent.slot is None:
            candidate.inherit, candidate.parent = "parent", parent
        return candidate
    if slot is None and _coordinated_cue(doc, cue) is not None:
        slot = sentence_subject(doc, sentence, cue.start)  # 'Zelenskyy thanked the mediators and said ...'
    if slot is None and cue.word in INVERTED_VERBS:
        inverted = speaker_after(doc, cue.end, sentence.end)
        if inverted is not None and _ends_sentence(doc, inverted.end, sentence):
            return _trailing_paraphrase(
                doc, cue, sentence, inverted, doc.text.rfind(",", sentence.start, cue.start)
            )
        return None
    if slot is None:
        return None
    slot = _prefer_person_subject(doc, slot, sentence, cue)
    comma = doc.text.rfind(",", sentence.start, slot.start)
    if (
        comma >= 0
        and TITLE_GAP_RE.fullmatch(doc.text, comma + 1, slot.start) is not None
        and ECHOED_POSITION_RE.match(doc.lower, comma + 1, slot.start) is None
        and cue.kind == SPEECH
        and (
            _ends_sentence(doc, _after_told_object(doc, cue), sentence, allow_words=14)
            or GOES_ON_AFTER_CUE_RE.match(doc.text, _after_time_phrases(doc, cue.end, sentence.end))
            is not None
        )
        and _word_count(doc, sentence.start, comma) >= 4  # not "Additionally, Russia said ..."
        and not _fills_opening_role(doc, sentence, slot)
    ):
        return _trailing_paraphrase(doc, cue, sentence, slot, comma)
    start = _content_start(doc, cue, sentence)
    if start is None or (cue.kind == SPEECH and TOPIC_RE.match(doc.lower, start)):
        return None  # 'warned of the risk of an accident': a topic, not reported words
    if doc.text.startswith(("—", "–"), start):
        return None  # '— a claim Kyiv denies — and ...': the verb closes the writer's aside
    if cue.word in ("commented", "remarked") and doc.lower.startswith("on ", start):
        return None  # 'commented on the statements of European politicians': what about, not what
    if cue.word == "put it" and PUT_IT_RE.match(doc.text, cue.end) is None:
        return None  # 'As Peskov put it, ...' reports; 'put it to a vote' does not
    end = _clause_end(doc, start, sentence.end)
    if PRONOUN_OBJECT_RE.fullmatch(doc.lower, start, end):
        return None  # 'The White House announced it on Saturday': what it announced was told before
    if BACK_NOUN_RE.fullmatch(doc.lower, start, end) and POINTING_WORD_RE.search(doc.lower, cue.end, start):
        return None  # 'He repeated that position on Wednesday, telling ...': what the position is was told before
    if RELATIVE_BEFORE_RE.search(doc.lower, max(sentence.start, slot.start - 12), slot.start + 4):
        comma = doc.text.find(",", start, end)  # "Zelenskyy, who has said he will never cede land, met Merz"
        if comma >= 0:
            end = comma
    if cue.kind == POSITION and _word_count(doc, start, end) < 3 and SHORT_OBJECT_RE.match(doc.text, start):
        start = cue.start  # 'Russia disputes the figure': with a short object the verb is part of the stance
    return _make_paraphrase(doc, cue, sentence, slot, start, end, region=(sentence.start, start))


def _fills_opening_role(doc: Document, sentence: Sentence, slot: Slot) -> bool:
    """'The head of the EU mission, Anna Berg, said on Tuesday the bloc ...': the name fills the role the sentence
    opens with, so the words before its comma are the title, not a report said by the name after them."""
    subject = sentence_subject(doc, sentence, slot.start)
    role = subject.mention if subject is not None else None
    return (
        role is not None
        and role is not slot.mention
        and (role.kind == ROLE or is_capitalised_role(role) or role.speaks_for is not None)
        and ROLE_APPOSITION_GAP_RE.fullmatch(doc.text, role.end, slot.start) is not None
    )


def _named_trailing_attribution(doc: Document, cue: Cue, sentence: Sentence) -> bool:
    """Whether the sentence ends on ", <title> <name> said (on Friday)." after the cue: the one who says the
    whole sentence, the cue's subject included."""
    trailing = TITLED_TRAILING_RE.search(doc.text, cue.end, sentence.end)
    if trailing is None:
        return False
    for mention in doc.mentions_between(trailing.start(), trailing.end()):
        return (
            not mention.possessive
            and TITLE_GAP_RE.fullmatch(doc.text, trailing.start() + 1, mention.text_start) is not None
        )
    return False


PUT_IT_RE = re.compile(r"(?:\s+[a-z]+ly)?\s*[,:]")  # "put it, ...", "put it bluntly: ..."


def _told_by_trailing_source(doc: Document, cue: Cue, sentence: Sentence) -> bool:
    """Whether the sentence ends on ", <unnamed sources> told Reuters." after the cue: the sources tell all of it,
    the cue's clause included."""
    trailing = TITLED_TRAILING_RE.search(doc.text, cue.end, sentence.end)
    return trailing is not None and any(
        mention.kind == ANONYMOUS for mention in doc.mentions_between(trailing.start(), trailing.end())
    )


# A pronoun object and nothing but its time, or a second verb: "announced it on Saturday (and called it ...)".
PRONOUN_OBJECT_RE = re.compile(
    r"(?:it|this|that|them|so)(?:\s+(?:on|in|at|last|this|late|early)\s+[\w'’-]+)*(?:\s*[.!?]?\s*|,?\s+and\s.*)"
)


TOPIC_RE = re.compile(r"(?:of|about)\s")
# "that position", "the same demand": a noun pointing back to words reported before, and nothing more but its time.
BACK_NOUN_RE = re.compile(
    r"(?:position|view|stance|message|point|argument|demand|call|warning|line|claim|offer|pledge)"
    r"(?:\s+(?:on|in|at|last|this|late|early)\s+[\w'’-]+)*\s*[.!?]?"
)
POINTING_WORD_RE = re.compile(r"(?<![\w'-])(?:that|this|the same|his|her|their|its)\s+$")
TRAILING_ATTRIBUTION_RE = re.compile(
    r",\s+(?:[\w'’.-]+\s+){1,5}(?:said|says|told \w+|added)(?:\s+[\w'’.-]+){0,4}\s*[.!?]?\s*$"
)
# "Talks were useful, Peskov said, adding that ...", "Germany would take part, he said, but ...", "..., Thune added,
# with a final vote possible ...", "..., the defence secretary has told Sky News, as the government ...": the
# sentence goes on after a trailing attribution.
GOES_ON_AFTER_CUE_RE = re.compile(
    r"(?:\s+(?:reporters|journalists|at|in|aboard|outside|the|[A-Z][\w'’.-]*)){0,6},\s+"  # "... at the White House, adding"
    r"(?:but|adding|noting|while|although|though|stressing|warning|with|without|as|in|amid|after|citing|"
    r"according to)(?![\w-])"
)
# The same with room for a title before the name: ", Chinese Foreign Ministry spokesperson Mao Ning said on Friday."
TITLED_TRAILING_RE = re.compile(
    r",\s+(?:[\w'’.-]+\s+){1,8}(?:said|says|told \w+|added)(?:\s+[\w'’.-]+){0,4}\s*[.!?]?\s*$"
)
SHORT_OBJECT_RE = re.compile(r"(?:the|its|their|his|her|this|that|these|those)\s+[a-z]")


# "Kyiv has insisted it will not withdraw, a position Zelenskyy repeated on Sunday": the noun takes up the clause
# before; its speaker said the same again, and the clause stays its first speaker's.
ECHOED_POSITION_RE = re.compile(
    r"\s*(?:a|an|the|one)\s+(?:demand|position|claim|stance|view|condition|line|message|point|argument|assessment|"
    r"sentiment|warning|pledge|promise|refrain)\s"
)
# Between the comma and the speaker's name of a trailing attribution: nothing, or a title ("Kremlin aide").
TITLE_GAP_RE = re.compile(r"\s*(?:(?!(?:and|but|that|which|who|while)\s)[A-Za-z][\w'’.-]*\s+){0,4}")
EVENT_TAIL_RE = re.compile(
    r"(?:on|at|in|during|after|before|to|from|via|when|while|late|early|last|this|yesterday|today|tonight|"
    r"earlier|later|afterwards|told|wrote|added|following|reporters|journalists|lawmakers|parliament|"
    r"the (?:press|media|audience|broadcaster|newspaper|agency)|a (?:news|press) conference|a briefing)\b",
    re.I,
)


def _prefer_person_subject(doc: Document, slot: Slot, sentence: Sentence, cue: Cue) -> Slot:
    """'Zelenskiy, speaking in the Albanian capital Tirana, where ..., called for': a place or body caught in an
    aside is not the speaker when the sentence opens with a person."""
    mention = slot.mention
    if mention is None or mention.kind != NAME:
        return slot
    subject = sentence_subject(doc, sentence, mention.text_start)
    if subject is not None and subject.mention is not None and subject.mention.is_person:
        role = subject.mention.kind == ROLE or is_capitalised_role(subject.mention)
        if role and not mention.is_person:
            # "The President of the Council, the representative of Malta, said": the role's body is an aside; the
            # delegate in apposition after it, read up to the verb, says who the role is.
            return sentence_subject(doc, sentence, cue.start) or subject
        if role and mention.is_person:
            # "The envoy, Oleh Marchuk, insisted", "The Permanent Representative, Ivan Petrov, said": the name
            # tells who the role noun is.
            return slot
        return subject
    return slot


# "This was stated by President Volodymyr Zelensky in his evening address": the words were the sentence before.
STATED_BY_RE = re.compile(r"(?:this|that|it)\s+was\s+(?:\w+\s+)?[a-z]+\s+by\s")


def _stated_by(doc: Document, cue: Cue, sentence: Sentence) -> Candidate | None:
    if sentence.index == 0:
        return None
    by = doc.lower.find(" by ", cue.start, sentence.end)
    slot = None
    for mention in doc.mentions_between(by + 4, min(sentence.end, by + 80)) if by >= 0 else ():
        if TITLE_GAP_RE.fullmatch(doc.text, by + 4, mention.text_start) and not mention.possessive:
            slot = Slot(
                mention, start=mention.text_start, end=mention.end
            )  # "by President Volodymyr Zelensky"
        break
    return _sentence_before_as_words(doc, cue, sentence, slot)


def _sentence_before_as_words(
    doc: Document, cue: Cue, sentence: Sentence, slot: Slot | None
) -> Candidate | None:
    """The sentence before, whole, as the words the cue's sentence attributes to the slot ("This was stated by
    X", "X said this on Telegram")."""
    previous = doc.sentences[sentence.index - 1]
    if (
        slot is None
        or not _stated_sentence_before(doc, previous, sentence)
        or doc.quotes_between(previous.start, previous.end)
    ):
        return None
    end = previous.end
    while end > previous.start and doc.text[end - 1] in " .!?":
        end -= 1
    return _make_paraphrase(
        doc, cue, sentence, slot, previous.start, end, region=(sentence.start, sentence.end)
    )


# "Umerov said this on Telegram": "this" points back to the words of the sentence before ("said this week" does not).
SAID_THIS_RE = re.compile(
    r"\s+this(?=\s*[,.;]|\s+(?:on|in|at|during|while|when|after|before|to|via|through|speaking)\s)"
)


def _said_this(doc: Document, cue: Cue, sentence: Sentence) -> Candidate | None:
    """'Peace will come only through pressure. Zelensky said this in his evening address.': the sentence before."""
    slot = subject_before(doc, cue, sentence.start)
    if sentence.index == 0 or slot is None:
        return None
    return _sentence_before_as_words(doc, cue, sentence, slot)


def _stated_sentence_before(doc: Document, previous: Sentence, sentence: Sentence) -> bool:
    """The words "This was stated by" points back to: the sentence before in its paragraph, or a lead standing
    as a paragraph of its own right before it (Ukrinform sets the claim apart, then names who made it)."""
    if previous.paragraph == sentence.paragraph:
        return True
    return (
        previous.paragraph == sentence.paragraph - 1
        and doc.paragraphs[sentence.paragraph].start == sentence.start
        and doc.paragraphs[previous.paragraph].start == previous.start
        and doc.zone_of(previous.paragraph) == BODY
    )


QUOTED_RE = re.compile(r"(?<![\w-])(?:quoted|cited)\s+$")
PASSIVE_BEFORE_RE = re.compile(
    r"\s+(?:was|were|is|are|has been|had been)\s+$"
)  # the cue is "quoted as saying"
PASSIVE_QUOTED_RE = re.compile(
    r"\s+(?:was|were|is|are|has been|had been)\s+(?:quoted|cited)(?:\s+by\s+[^,.;]{1,60}?)?\s+$"
)


def _quoted_person(doc: Document, cue: Cue, sentence: Sentence) -> Mention | None:
    """Lavrov in 'TASS quoted Lavrov as saying' and in 'Lavrov was quoted by TASS as saying'."""
    mentions = doc.mentions_ending_before(cue.start, sentence.start, 1)
    if mentions and not doc.text[mentions[0].end : cue.start].strip():
        mention = mentions[0]
        if QUOTED_RE.search(doc.lower, max(sentence.start, mention.text_start - 12), mention.text_start):
            return mention
    pattern = PASSIVE_BEFORE_RE if cue.word.startswith("quoted") else PASSIVE_QUOTED_RE
    passive = pattern.search(doc.lower, max(sentence.start, cue.start - 90), cue.start)
    if passive is None:
        return None
    before = doc.mentions_ending_before(passive.start() + 1, sentence.start, 1)
    if before and not doc.text[before[0].end : passive.start()].strip() and not before[0].possessive:
        return before[0]  # "..., Lavrov was quoted as saying by TASS": the name right before the verb
    subject = sentence_subject(doc, sentence, passive.start() + 1)
    return subject.mention if subject is not None else None


def _quoted_as_saying(doc: Document, cue: Cue, sentence: Sentence) -> Candidate | None:
    """'State media quoted Lavrov as saying that the West wanted to prolong the war.'"""
    mention = _quoted_person(doc, cue, sentence)
    if mention is None:
        return None
    start = cue.end
    that = re.compile(r"\s*(?:that\s+)?").match(doc.lower, start)
    start = _skip_space(doc, that.end() if that else start, sentence.end)
    end = _clause_end(doc, start, sentence.end)
    slot = Slot(mention, start=mention.text_start, end=mention.end)
    if BY_OUTLET_END_RE.fullmatch(doc.text, cue.end, sentence.end):
        # "Russia will respond, Lavrov was quoted as saying by TASS.": the words came before.
        return _trailing_paraphrase(
            doc, cue, sentence, slot, doc.text.rfind(",", sentence.start, mention.text_start)
        )
    return _make_paraphrase(doc, cue, sentence, slot, start, end, region=(sentence.start, start))


BY_OUTLET_END_RE = re.compile(r"(?:\s+by\s+[^,.;]{1,40})?\s*[.!?]?\s*")


# ", as the government sought to show ...": the writer's aside after a trailing attribution.
TRAILING_ASIDE_RE = re.compile(r",\s+(?:as|while|amid|after|when|in a sign|a day after|days after)\s")


def _after_told_object(doc: Document, cue: Cue) -> int:
    """Past whom the words were told: '..., Wang Yi told his Ukrainian counterpart in Beijing on Wednesday.'"""
    if cue.word not in ("told", "tells"):
        return cue.end
    told = TOLD_OBJECT_RE.match(doc.text, cue.end)
    return told.end() if told is not None else cue.end


def _ends_sentence(doc: Document, position: int, sentence: Sentence, allow_words: int = 0) -> bool:
    tail = doc.text[position : sentence.end].strip()
    if "that" in tail.split() or any(mark in tail for mark in '"“”«»'):
        return False
    aside = TRAILING_ASIDE_RE.search(tail)
    if aside is not None and allow_words:
        tail = tail[: aside.start()] + "."
    if (len(tail.split()) > 3 or GAP_VERB_RE.search(tail.lower())) and not EVENT_TAIL_RE.match(tail):
        return False  # 'Trump said Europe should take the lead.', '... say sanctions have failed.': the content follows
    return len(tail.split()) <= allow_words and (not tail or tail[-1] in ".!?")


def _trailing_paraphrase(
    doc: Document, cue: Cue, sentence: Sentence, slot: Slot, comma: int
) -> Candidate | None:
    """'Talks will go on, Peskov said.' The content comes first."""
    if comma <= sentence.start:
        return None
    start = _after_dateline(doc, sentence, sentence.start, comma)
    intro = INTRO_AT_RE.match(doc.text, start, comma)
    if intro:
        start = intro.end()
    if SETTING_START_RE.match(doc.text, start):
        return (
            None  # "Speaking to reporters on Sunday, Zelenskyy explained the shift.": the setting, not words
        )
    return _make_paraphrase(doc, cue, sentence, slot, start, comma, region=(comma, sentence.end))


# "KYIV, Jan 29 (Reuters) - ", "Kyiv, Ukraine (AP) — ", "MOSCOW, February 20. /TASS/. ", "BEIJING, April 4 (Xinhua)
# -- ": the wire's dateline.
WIRE_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Za-z/ ,.'-]{1,40}?[,.]?\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}[,.]?\s*)?"
    r"(?:\([A-Z][A-Za-z .-]{1,20}\)\s*(?:--|[-–—])|/[A-Z][A-Za-z-]{1,12}/\.?)\s*"
)
# "TOKYO, April 9 Kyodo - ": a wire that writes its name without brackets, after the place and the date.
BARE_AGENCY_DATELINE_RE = re.compile(
    r"[A-Z][A-Za-z/ .'-]{1,40}?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+[A-Z][A-Za-z]{1,12}\s*(?:--|[-–—])\s*"
)
# "WASHINGTON—", "KYIV, Ukraine — ": a newspaper's dateline, the place in capitals before a dash ("--" where a
# page was typed without dashes).
PLACE_DATELINE_RE = re.compile(
    r"[A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*(?:--|[–—])\s*"
)


def _after_dateline(doc: Document, sentence: Sentence, start: int, end: int) -> int:
    """Where a paraphrase starting at `start` begins once a dateline before it is left out."""
    dateline = WIRE_DATELINE_RE.match(doc.text, start, end) or BARE_AGENCY_DATELINE_RE.match(
        doc.text, start, end
    )
    if dateline is None and start == doc.paragraphs[sentence.paragraph].start:
        dateline = PLACE_DATELINE_RE.match(doc.text, start, end)
    return dateline.end() if dateline else start


def _past_appositive_role(doc: Document, start: int, limit: int) -> int:
    """Past ", a political analyst," after a speaker's name: who the speaker is, not what they said."""
    role = APPOSITIVE_ROLE_RE.match(doc.text, start, limit)
    if role is None:
        return start
    comma = doc.text.find(",", role.end(), min(limit, role.end() + 60))
    return comma + 1 if comma >= 0 else start


def _according_paraphrase(doc: Document, cue: Cue, sentence: Sentence) -> Candidate | None:
    slot = according_to(doc, cue, sentence.end)
    if slot is None:
        return None
    prefix = doc.text[sentence.start : cue.start].strip()
    if not prefix.strip(QUOTE_EDGE) or INTRO_RE.fullmatch(prefix):
        start = _past_appositive_role(doc, _after_source_description(doc, slot.end, sentence), sentence.end)
        while start < sentence.end and doc.text[start] in " ,":
            start += 1
        end = _clause_end(doc, start, sentence.end)
        if _passes_on_words(doc, slot, start, end):
            return None  # "According to Interfax, Peskov said ...": the agency passes on his words, his statement
        return _make_paraphrase(doc, cue, sentence, slot, start, end, region=(sentence.start, start))
    comma = doc.text.rfind(",", sentence.start, cue.start)
    if comma < 0 or doc.text[comma + 1 : cue.start].strip():
        return None
    if _after_trailing_attribution(doc, sentence, comma):
        return None  # "..., Ushakov told reporters, according to Interfax": the agency passes his words on
    if doc.text.startswith(",", slot.end) and _word_count(doc, slot.end, sentence.end) >= 3:
        # "The document, according to Umerov, will be signed in Riyadh", "..., which, according to Zelensky, is
        # almost ready": the attribution sits inside the clause it reports.
        after = _skip_space(doc, slot.end, sentence.end)
        start = after if RELATIVE_END_RE.search(doc.lower, sentence.start, comma) else sentence.start
        end = _clause_end(doc, after, sentence.end)
        return _make_paraphrase(doc, cue, sentence, slot, start, end, region=(sentence.start, start))
    return _trailing_paraphrase(doc, cue, sentence, slot, comma)


def _passes_on_words(doc: Document, slot: Slot, start: int, end: int) -> bool:
    """Whether a body or outlet after "according to" only passes on words that the clause gives to a speaker of its
    own ("According to the Saudi Press Agency, the crown prince told Zelenskyy that ...")."""
    if slot.mention is None or slot.mention.is_person or slot.mention.kind != NAME:
        return False  # sources and known bodies tell what they know of a talk ("According to people familiar ...")
    for cue in doc.cues_between(start, min(end, start + 120)):
        if cue.kind != SPEECH:
            continue
        inner = subject_before(doc, cue, start)
        return (
            inner is not None
            and inner.mention is not None
            and TITLE_WORDS_RE.fullmatch(doc.text, _skip_space(doc, start, end), inner.start) is not None
        )
    return False


TITLE_WORDS_RE = re.compile(r"(?:(?:[Tt]he\s+)?[A-Z][\w.'’-]*\s+)*")  # "Crown Prince " before the name


SOURCE_DESCRIPTION_RE = re.compile(
    r"\s+(?:in|at|from|of|on|with|within|inside|near|close to|familiar with)\s"
)


def _after_source_description(doc: Document, position: int, sentence: Sentence) -> int:
    """'According to a source in diplomatic circles in Ankara, ...': past the rest of the source's description, up
    to the comma that closes the opening attribution (no verb in it: a verb would start the reported words)."""
    if SOURCE_DESCRIPTION_RE.match(doc.lower, position) is None:
        return position
    comma = doc.text.find(",", position, min(sentence.end, position + 80))
    if comma < 0 or GAP_VERB_RE.search(doc.lower, position, comma) or doc.cues_between(position, comma):
        return position
    if doc.quotes_between(position, comma) or _word_count(doc, position, comma) > 8:
        return position
    return comma + 1


def _after_trailing_attribution(doc: Document, sentence: Sentence, comma: int) -> bool:
    """Whether the words before the comma are a short trailing attribution of their own ("Ushakov told
    reporters")."""
    previous = doc.text.rfind(",", sentence.start, comma)
    if previous < 0 or _word_count(doc, previous + 1, comma) > 6:
        return False
    return any(other.kind == SPEECH for other in doc.cues_between(previous + 1, comma))


RELATIVE_END_RE = re.compile(r"(?<![\w'-])(?:which|that|who|whom|where)\s*$")


def _participle_paraphrase(
    doc: Document, cue: Cue, sentence: Sentence, earlier: list[Candidate]
) -> Candidate | None:
    if not INTRO_RE.sub("", doc.text[sentence.start : cue.start]).strip(QUOTE_EDGE):
        return None  # "Speaking to reporters on Sunday, Zelenskyy said ...": the setting, not the words
    in_sentence = [
        other for other in earlier if other.sentence.index == sentence.index and other.start < cue.start
    ]
    if (
        in_sentence
        and in_sentence[-1].kind == PARAPHRASE
        and in_sentence[-1].end >= cue.start - 25
        and cue.word not in FURTHER_STATEMENT_PARTICIPLES
    ):
        return None  # "rejected X, saying Y" is one statement; "said X, adding that Y" is two
    if in_sentence:
        parent = in_sentence[-1]
        slot = parent.slot
    else:
        parent = None
        slot = sentence_subject(doc, sentence, cue.start)
    if slot is None and parent is None:
        return None
    start = _content_start(doc, cue, sentence)
    if start is None:
        return None
    end = _clause_end(doc, start, sentence.end)
    candidate = _make_paraphrase(doc, cue, sentence, slot, start, end, region=(sentence.start, start))
    if candidate is not None and parent is not None and slot is None:
        candidate.inherit, candidate.parent = "parent", parent
    return candidate


CITING_RE = re.compile(r",\s*(?:citing|according to|quoting)\s[^,;.]{1,80},\s*(?:that\s+)?")


def _content_start(doc: Document, cue: Cue, sentence: Sentence) -> int | None:
    position = cue.end
    # "reported, citing people familiar with the matter, that ...", "reported on Tuesday, citing a source, that".
    citing = CITING_RE.match(doc.lower, _after_time_phrases(doc, position, sentence.end), sentence.end)
    if citing is not None:
        return _skip_space(doc, citing.end(), sentence.end)
    if cue.kind in (SPEECH, PARTICIPLE):
        match = THAT_RE.match(doc.lower, position, sentence.end)
        if (
            match is not None
            and not doc.cues_between(position + 1, match.end() - 5)
            and _only_attribution(doc.lower[position : match.end()], cue)
        ):
            if DEMONSTRATIVE_THAT_RE.match(doc.lower, match.end()) is not None:
                # 'said that was not true': "that" is the subject
                return doc.lower.rfind("that", position, match.end())
            return _skip_space(doc, match.end(), sentence.end)
        if cue.word.split()[0] in (
            "told",
            "tells",
            "tell",
            "telling",
            "urged",
            "urges",
            "urge",
            "assured",
            "informed",
        ):
            match = TOLD_OBJECT_RE.match(doc.text, position, sentence.end)
            named = doc.mention_starting_at(_skip_space(doc, position, sentence.end))
            if named is not None and not named.possessive and NAME_AFTER_RE.match(doc.text, named.end):
                position = (
                    named.end
                )  # 'told Macron Italy would ...': whom ends at the name, the clause follows
            elif match is not None:
                position = match.end()
            elif (
                not cue.word.startswith("urg") or URGED_TO_RE.match(doc.lower, position, sentence.end) is None
            ):
                return None  # else 'urged the EU to use the frozen assets': whom and what, reported together
    position = _after_time_phrases(doc, position, sentence.end)
    if (venue := VENUE_RE.match(doc.lower, position, sentence.end)) is not None:
        position = venue.end()  # 'posted on Truth Social that ...': where, not what
    if (
        cue.kind in (SPEECH, PARTICIPLE)
        and (that := THAT_AFTER_TIME_RE.match(doc.lower, position)) is not None
    ):
        position = that.end()  # 'said on Jan. 27 that ...': the dot kept THAT_RE from reaching "that"
    return _skip_space(doc, position, sentence.end)


NAME_AFTER_RE = re.compile(r" [A-Z]")
# "said that was not true", "said that would be a mistake": a verb right after "that" makes it a pronoun subject.
DEMONSTRATIVE_THAT_RE = re.compile(r"(?:was|is|would|will|could|might|wasn't|isn't|had been|has been)\s")


def _after_time_phrases(doc: Document, position: int, limit: int) -> int:
    """Past 'on Tuesday', 'in a statement', 'again', 'in Brussels' after a cue."""
    while True:
        match = TIME_PHRASE_RE.match(doc.lower, position, limit) or PLACE_PHRASE_RE.match(
            doc.text, position, limit
        )
        if match is None or match.end() <= position:
            return position
        position = match.end()


# "told reporters in Brussels the EU would ...": where the words were said, a one-word place before the content.
PLACE_PHRASE_RE = re.compile(r"\s*,?\s*(?:in|at) [A-Z][a-z][\w-]*(?=\s+[a-z])")


VENUE_RE = re.compile(
    r"\s*,?\s*(?:on|to|in|via)\s+(?:(?:his|her|their|its|the)\s+)?(?:official\s+)?(?:telegram|x|twitter|truth social|"
    r"facebook|instagram|youtube|tiktok|vkontakte|vk|threads|bluesky|linkedin|weibo|social media|social network)"
    r"(?:\s+(?:channel|account|page|feed|platform))?(?![\w-])"
)


URGED_TO_RE = re.compile(r"\s+(?:[\w'’.-]+\s+){1,5}?to\s+[a-z]")
SECOND_THAT_RE = re.compile(r"(?<![\w'-])(?:and|but)\s+that\s+$")
THAT_AFTER_TIME_RE = re.compile(r"\s*,?\s*that\s+")
GAP_DETERMINER_RE = re.compile(r"(?<![\w'-])(?:the|a|an|this|these|those|its|their|his|her|some|many)\s")
GAP_VERB_RE = re.compile(
    r"(?<![\w'’-])(?:is|are|was|were|will|would|must|should|could|can|cannot|may|might|has|have|had)(?![\w'’-])"
)
GAP_PREPOSITION_RE = re.compile(
    r"(?:on|in|at|to|with|during|after|before|from|via|for|by|of|aboard|outside|inside|alongside|told|tells|tell|"
    r"telling|assured|reminded|informed|warned|urged)\s+$"
)


def _only_attribution(gap: str, cue: Cue) -> bool:
    """'said in a statement on Thursday that', not 'said the plan contained provisions that'."""
    if SECOND_THAT_RE.search(gap):
        return False  # 'said it had no comment but that ...': the words before "but that" are reported too
    if GAP_VERB_RE.search(gap):
        return False  # 'says any settlement must guarantee that ...': a clause of its own, reported whole
    for determiner in GAP_DETERMINER_RE.finditer(gap):
        before = cue.word + " " + gap[: determiner.start()]
        if not GAP_PREPOSITION_RE.search(before):
            return False
    return True


def _skip_space(doc: Document, position: int, limit: int) -> int:
    while position < limit and doc.text[position] in " \t,:":
        position += 1
    return position


COORDINATED_RE = re.compile(
    r"(?:,\s*)?\s(?:and|but)\s+(?:(?:has|have|had)\s+)?(?:also\s+|then\s+|later\s+|repeatedly\s+)?$"
)  # '..., and insisted that ...', '... and has suggested that ...'


def _coordinated_cue(doc: Document, cue: Cue) -> re.Match[str] | None:
    """'..., and insisted that ...': a second cue sharing the subject of the first."""
    if cue.quote_only or cue.kind not in (SPEECH, POSITION):
        return None
    return COORDINATED_RE.search(doc.lower, max(0, cue.start - 20), cue.start)


NEW_SPEAKER_CLAUSE_RE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:[\w'’.-]+\s+){1,5}$")


def _new_speaker_clause(doc: Document, cue: Cue, lower_bound: int) -> re.Match[str] | None:
    """'..., and the Kremlin dismissed the meeting': a clause of its own, with a speaker of its own."""
    if cue.quote_only or cue.kind not in (SPEECH, POSITION):
        return None
    clause = NEW_SPEAKER_CLAUSE_RE.search(doc.text, max(lower_bound, cue.start - 60), cue.start)
    if clause is None:
        return None
    if doc.mentions_between(clause.start(), cue.start) or PRONOUN_SUBJECT_RE.search(
        doc.lower, clause.start(), cue.start
    ):
        return clause
    return None


# "..., and he warned that ...": the speaker again, as the subject of a clause of its own.
PRONOUN_SUBJECT_RE = re.compile(r"\s(?:he|she|they)\s+(?:(?:also|later|then|even|again)\s+)?$")


# A trailing attribution ending the sentence of a report: an outlet or another teller passing the words on.
TRAILER_RE = re.compile(r",\s+(?:[\w'’.-]+\s+){1,6}(?:reported|reports|said|says)\s*[.!?]?\s*$")
PAIRED_DASH_RE = re.compile(r"[^—–.;]{1,60}?\s[—–]\s")  # "the parties — territory — had not moved"
# The writer's comment between dashes ("said the strikes hit only military sites — a claim Kyiv denies — and
# ..."): the report ends at the first dash, as it does at ", a claim Kyiv denies".
WRITERS_ASIDE_RE = re.compile(
    r"(?:an?|the)\s+(?:claim|charge|allegation|accusation|assertion|account|version|figure|narrative)\b|"
    r"(?:which|something|what)\s"
)


def _clause_end(doc: Document, start: int, limit: int) -> int:
    match = CLAUSE_CUT_RE.search(doc.text, start, limit)
    while match is not None and match.group().strip() in "—–":
        closing = PAIRED_DASH_RE.match(doc.text, match.end(), limit)
        if closing is None or WRITERS_ASIDE_RE.match(doc.text, match.end()):
            break  # a lone dash, or an aside judging the words: what follows is the writer's
        match = CLAUSE_CUT_RE.search(doc.text, closing.end(), limit)
    end = match.start() if match is not None else limit
    trailer = TRAILER_RE.search(doc.text, start, end)
    if trailer is not None and doc.mentions_between(trailer.start(), trailer.end()):
        end = trailer.start()  # '... agreed to keep in touch, state news agency RIA Novosti reported.'
    for cue in doc.cues_between(start + 1, end):
        if doc.quote_at(cue.start) is not None:
            continue
        coordinated = _coordinated_cue(doc, cue) or _new_speaker_clause(doc, cue, start)
        if coordinated is not None:
            end = coordinated.start()
            break
    while end > start and doc.text[end - 1] in " \t.,;:":
        end -= 1
    return end


BULLET_RE = re.compile(r"[-–•*▪]\s+")
# A section label of a newsletter or explainer opening the paragraph: "Driving the news: ", "Yes, but: ".
SECTION_LABEL_RE = re.compile(r"[A-Z][\w'’]*(?:,? [\w'’]+){0,4}:\s+(?=[A-Z])")


def _make_paraphrase(
    doc: Document,
    cue: Cue,
    sentence: Sentence,
    slot: Slot | None,
    start: int,
    end: int,
    region: tuple[int, int],
) -> Candidate | None:
    start = _after_dateline(doc, sentence, start, end)
    if (bullet := BULLET_RE.match(doc.text, start, end)) is not None:
        start = bullet.end()  # "- Ukraine wants the plant, one source said": the list's mark is no word of it
    if start == doc.paragraphs[sentence.paragraph].start and (
        label := SECTION_LABEL_RE.match(doc.text, start, end)
    ):
        start = label.end()  # "Driving the news: The gaps are ..., per two sources": the newsletter's label
    if _word_count(doc, start, end) < 3:
        return None
    candidate = Candidate(PARAPHRASE, start, end, sentence.paragraph, sentence, BODY, slot=slot, cue=cue)
    candidate.region = region
    candidate.confidence = 0.75 if slot is not None and slot.mention is not None else 0.65
    return candidate


# '... "never sign away" territory, but was ready for a ceasefire': a second predicate of the reported subject.
LATER_THAT_CLAUSE_RE = re.compile(
    r",?\s+(?:but|and)\s+(?:that\s+|(?=(?:would|will|could|can|should|must|was|were|is|are|has|had|remains|"
    r"remained|wants|wanted|hopes|hoped|plans|planned)\s))"
)
AFTER_QUOTE_CLAUSE_RE = re.compile(
    r"[\"”’»]?\s*,?\s+(?:but|and)\s+(?:(?:he|she|they)\s+(?:also\s+)?(?:said|added|noted|warned|insisted|stressed)"
    r"(?:\s+that)?|that|said|added)\s+"
)


def _clause_after_quotes(doc: Document, candidate: Candidate, inside: list[Candidate]) -> bool:
    """'said the moratorium was “an important first step” but that a ceasefire must follow': the quoted
    clause is the direct statement; the clause after "but that" is a paraphrase of its own."""
    last = max(inside, key=lambda other: other.end)
    close = last.quote.close if last.quote is not None else last.end
    match = AFTER_QUOTE_CLAUSE_RE.match(doc.text, close) or LATER_THAT_CLAUSE_RE.search(
        doc.text, close, min(candidate.sentence.end, close + 100)
    )
    if match is None:
        return False
    end = _clause_end(doc, match.end(), candidate.sentence.end)
    if _word_count(doc, match.end(), end) < 3:
        return False
    candidate.start, candidate.end = match.end(), end
    return True


# "had been agreed, quote, “at the request of ...”": a broadcaster reading a quotation aloud, not the clause's words.
SPOKEN_QUOTE_MARK_RE = re.compile(r",?\s+quote,?\s*$", re.IGNORECASE)


def _settle_against_quotes(doc: Document, candidate: Candidate, statements: list[Candidate]) -> bool:
    """Never report the same words twice: a reported clause that is a direct quote is left to the quote."""
    inside = [
        other
        for other in statements
        if other.quote is not None and other.start < candidate.end and candidate.start < other.end
    ]
    if not inside:
        return True
    first = min(inside, key=lambda other: other.start)
    opening = first.quote.open if first.quote is not None else first.start
    prefix = doc.text[candidate.start : opening]
    if (spoken := SPOKEN_QUOTE_MARK_RE.search(prefix)) is not None:
        opening = candidate.start + spoken.start()
        prefix = prefix[: spoken.start()]
    if _word_count(doc, candidate.start, opening) <= 2 or WHAT_CALLED_RE.fullmatch(prefix.lower()):
        # 'criticised what he described as "the steady erosion"': the quote names the thing; no clause.
        return _clause_after_quotes(doc, candidate, inside)
    comma = prefix.rfind(",")
    if (
        comma >= 0
        and _word_count(doc, candidate.start, candidate.start + comma) >= 5
        and _word_count(doc, candidate.start + comma, opening) <= 4
    ):
        # 'says the next exchange must include civilians, "not only soldiers"', 'must be part of a settlement,
        # one that would "eliminate the root causes"': a clause of its own before a phrase added after a comma.
        candidate.end = candidate.start + comma
        return True
    second_clause = prefix.rfind(" and that ")
    if second_clause >= 0 and _word_count(doc, candidate.start, candidate.start + second_clause) >= 3:
        # 'said his term had expired and that any document could be "challenged ..."': the first clause is
        # reported in the writer's words, the second in the speaker's.
        candidate.end = candidate.start + len(prefix[:second_clause].rstrip(" ,"))
        return True
    subordinate = SUBORDINATE_END_RE.search(prefix)
    if subordinate is None or PAIR_BEFORE_AND_RE.search(prefix, 0, subordinate.start()):
        # 'said a meeting between Putin and Zelensky "is possible ..."': the "and" joins the pair a noun phrase names,
        # no clause ends before it
        return _clause_after_quotes(doc, candidate, inside)
    end = candidate.start + subordinate.start()
    while end > candidate.start and doc.text[end - 1] in " ,;:":
        end -= 1
    if _word_count(doc, candidate.start, end) < 3:
        return _clause_after_quotes(doc, candidate, inside)
    candidate.end = end
    return True


# Speakers


def resolve_speakers(doc: Document, candidates: list[Candidate]) -> None:
    """Give every candidate its speaker, in text order, so that "he said" finds the right person."""
    subjects = _LazySubjects(doc)
    history: list[Candidate] = []
    for candidate in candidates:
        speaker = None
        slot = candidate.slot
        if slot is not None and slot.mention is not None:
            speaker = _speaker_from_mention(doc, slot.mention, history, subjects)
        elif slot is not None and slot.pronoun:
            speaker = _resolve_pronoun(doc, slot, candidate, history, subjects)
            candidate.confidence = min(candidate.confidence, 0.8)
        elif candidate.inherit == "previous-paragraph":
            # 'Asked about the plan, Ushakov was dismissive.' before a paragraph that is only a quote: the person
            # the paragraph ends on speaks, rather than whoever was quoted earlier in it.
            speaker = _previous_paragraph_subject(doc, candidate, history, subjects) or _inherit(
                candidate, history
            )
        elif candidate.inherit:
            speaker = _inherit(candidate, history)
        candidate.speaker = speaker
        if speaker is not None:
            history.append(candidate)
    _fill_chains(candidates)


def _speaker_from_mention(
    doc: Document, mention: Mention, history: list[Candidate], subjects: _LazySubjects
) -> Speaker | None:
    if mention.speaks_for is not None:
        # "a spokesperson for the Commission": the Commission speaks, named as the text names it; the spokeswoman
        # is a person whom a later "she said" refers to.
        speaker = _speaker_from_mention(doc, mention.speaks_for, history, subjects)
        if speaker is None:
            return None
        female = "spokeswoman" in doc.lower[mention.start : mention.end]
        return dataclasses.replace(speaker, is_person=True, gender="female" if female else "")
    text = doc.text[mention.text_start : mention.end]
    if mention.kind == ACTOR:
        actor = mention.actors[0]
        if len(mention.actors) > 1:
            recent = [
                c.speaker.actor for c in reversed(history) if c.speaker and c.speaker.actor in mention.actors
            ]
            actor = recent[0] if recent else actor
        return Speaker(actor.name, actor, text, mention.title, False, actor.is_person, actor.gender)
    if mention.kind == ANONYMOUS:
        return Speaker(mention.name, None, text, anonymous=True)
    if mention.kind in (PERSON, NAME):
        if (knight := _knighted_first_name(doc, mention)) is not None:
            return _speaker_from_mention(doc, knight, history, subjects)
        return Speaker(mention.name, None, text, mention.title, False, mention.is_person, mention.gender)
    if mention.kind == ROLE:
        return _resolve_role(doc, mention, history, subjects)
    return None


HONORIFIC_BEFORE_RE = re.compile(r"(?<![\w-])(?:Sir|Dame)\s+$")


def _knighted_first_name(doc: Document, mention: Mention) -> Mention | None:
    """'Sir Keir added': British papers call a knight or dame by title and first name after naming them in
    full; the person named before with that first name."""
    if " " in mention.name or not HONORIFIC_BEFORE_RE.search(
        doc.text, max(0, mention.start - 6), mention.start
    ):
        return None
    for other in reversed(doc.mentions_between(max(0, mention.start - 5000), mention.start)):
        actor = other.actor
        if (
            other.kind == ACTOR
            and actor is not None
            and actor.is_person
            and actor.name.split()[0] == mention.name
        ):
            return other
    return None


def _role_words(speaker_or_mention_title: str, actor: ActorEntry | None, on: date | None) -> str:
    words = speaker_or_mention_title.lower()
    if actor is not None:
        for role in actor.roles:
            if role.held_on(on):
                words += " " + role.title.lower() + " " + " ".join(role.descriptors).lower()
    return words


ANONYMOUS_HEAD_WORDS = frozenset(ANONYMOUS_HEADS)


def _holds_role(heads: tuple[str, ...], title: str, actor: ActorEntry | None, on: date | None) -> bool:
    words = _role_words(title, actor, on)
    return any(head in words for head in heads)


# Role nouns named differently from the titles they refer to.
ROLE_SYNONYMS = {
    "leader": ("president",),
    "premier": ("prime",),
    "diplomat": ("minister", "foreign ministry"),
}


def _resolve_role(
    doc: Document, mention: Mention, history: list[Candidate], subjects: _LazySubjects
) -> Speaker | None:
    """'the minister said': the last person named before with that role."""
    head = mention.name.split()[-1].lower()
    if head in INSTITUTION_HEADS:
        return _institution_back_reference(doc, mention, head)
    if head in DOCUMENT_HEADS:
        return _issuer_of_document(doc, mention, history, subjects)
    if "head of state" in mention.name.lower():
        head = "president"
    heads = ROLE_SYNONYMS.get(head, (head,))
    party = _party_after_role(doc, mention)
    if head in ("head", "chief") and (diplomacy := DIPLOMACY_AFTER_RE.search(mention.title)) is not None:
        # "The Head of Ukrainian diplomacy", "the chief of Russian diplomacy": that state's foreign minister.
        heads = FOREIGN_MINISTER_WORDS
        party = _party_of_adjective(doc, diplomacy.group("adjective")) or party
    options: list[tuple[int, Speaker]] = []
    salient: set[int] = (
        set()
    )  # the options that spoke or were a sentence's subject, not only named in passing
    # 'A senior diplomat said ... "...," the diplomat told AFP': an unnamed source counts as much as a named
    # holder of the role, and the one named last is meant.
    unnamed = head.rstrip("s")
    for candidate in history[-40:]:
        speaker = candidate.speaker
        if speaker is not None and (
            (speaker.is_person and _holds_role(heads, speaker.title, speaker.actor, doc.published))
            or (speaker.anonymous and unnamed in speaker.name.lower())
            or (head in SPOKESPERSON_NOUNS and _by_spokesperson(candidate))
        ):
            options.append((candidate.start, speaker))
            salient.add(candidate.start)
    for other in doc.mentions_between(max(0, mention.start - 3000), mention.start):
        if doc.quote_at(other.start) is not None:
            continue  # '"... Every delay helps Putin," the head of state said': a name quoted is not the speaker
        if (
            other.is_person
            and other.kind != ROLE
            and _holds_role(heads, other.title, other.actor, doc.published)
        ) or (other.kind == ANONYMOUS and unnamed in other.name.lower()):
            speaker = _speaker_from_mention(doc, other, history, subjects)
            if speaker is not None:
                options.append((other.start, speaker))
                sentence = doc.sentence_at(other.start)
                if any(
                    subject.start == other.start for subject in subjects.between(sentence.start, other.end)
                ):
                    salient.add(other.start)
    if party:
        options = [
            option
            for option in options
            if option[1].actor and doc.registry.party_of(option[1].actor) == party
        ]
        if not options:
            return _office_holder(doc, mention, heads[0], party)
    elif (adjective := _state_adjective_in_role(mention)) is not None:
        # "The Ukrainian minister said": of the ministers named before, the one of that state (a known actor of its
        # party, or an unknown one whose title has the adjective), when there is one.
        state_party = _party_of_adjective(doc, adjective)
        own = [
            option
            for option in options
            if (option[1].actor and doc.registry.party_of(option[1].actor) == state_party)
            or (option[1].actor is None and adjective in option[1].title)
        ]
        options = own or options
    if not options:
        return _anonymous_back_reference(doc, mention, history)
    position, speaker = max(options, key=lambda option: option[0])
    if position not in salient and (earlier := [option for option in options if option[0] in salient]):
        # 'Minister Sybiha held talks with Foreign Minister Eide. The Minister emphasized ...': the holder the
        # report is about (a subject, or one who spoke), not the one named last as an object.
        position, speaker = max(earlier, key=lambda option: option[0])
    sentence = doc.sentence_at(position)
    for subject in subjects.between(sentence.start, position):
        # 'Putin confirmed he would meet Zelensky at the final stage. "...," the head of state said': of two holders
        # of the role in one sentence, its subject is meant.
        speaker = next((option[1] for option in options if option[0] == subject.start), speaker)
    if speaker.anonymous:
        return speaker
    return Speaker(speaker.name, speaker.actor, doc.text[mention.start : mention.end], speaker.title, False, True,
                   speaker.gender)  # fmt: skip


FOREIGN_MINISTER_WORDS = (
    "foreign minister",
    "minister of foreign affairs",
    "foreign affairs",
    "top diplomat",
)


def _state_adjective_in_role(mention: Mention) -> str | None:
    """'Ukrainian' in "the Ukrainian minister", "the Russian diplomat"."""
    return next((word for word in mention.name.split()[1:-1] if word in STATES_BY_ADJECTIVE), None)


def _party_of_adjective(doc: Document, adjective: str) -> str:
    """'Ukrainian': the party of the state the adjective names ("" when the registry does not know it)."""
    state = STATES_BY_ADJECTIVE.get(adjective)
    actors = doc.registry.resolve(state, doc.published) if state else []
    return doc.registry.party_of(actors[0]) if actors else ""


def _by_spokesperson(candidate: Candidate) -> bool:
    """'A UK government spokesperson said ... the spokesperson added': the institution spoke through one."""
    slot = candidate.slot
    return slot is not None and slot.mention is not None and slot.mention.speaks_for is not None


OF_PLACE_RE = re.compile(r"\s+of\s+(?:the\s+)?")


def _party_after_role(doc: Document, mention: Mention) -> str:
    """'the President of Russia': the party the office belongs to ("" when the role names none)."""
    of_place = OF_PLACE_RE.match(doc.lower, mention.end)
    if of_place is None:
        return ""
    place = doc.mention_starting_at(of_place.end())
    if place is None or place.actor is None or place.actor.is_person:
        return ""
    return doc.registry.party_of(place.actor)


def _office_holder(doc: Document, mention: Mention, head: str, party: str) -> Speaker | None:
    """The one person of the party holding an office of that name on the day: 'the President of Russia'."""
    holders = [
        actor
        for actor in doc.registry.actors
        if actor.is_person
        and doc.registry.party_of(actor) == party
        and any(head in role.title.lower() and role.held_on(doc.published) for role in actor.roles)
    ]
    if len(holders) != 1:
        return None
    actor = holders[0]
    return Speaker(actor.name, actor, doc.text[mention.start : mention.end], "", False, True, actor.gender)


def _issuer_of_document(
    doc: Document, mention: Mention, history: list[Candidate], subjects: _LazySubjects
) -> Speaker | None:
    """'The ministry issued a statement. The statement said ...': the subject of one of the sentences before."""
    issued = ISSUED_BY_RE.match(doc.text, mention.end)
    if issued is not None and (issuer := doc.mention_starting_at(issued.end())) is not None:
        speaker = _speaker_from_mention(
            doc, issuer, history, subjects
        )  # "The statement, issued by the ministry,"
        if speaker is not None:
            return dataclasses.replace(speaker, text=doc.text[mention.start : mention.end])
    index = doc.sentence_at(mention.start).index
    for sentence in reversed(doc.sentences[max(0, index - 2) : index]):
        subject = sentence_subject(doc, sentence, sentence.end)
        if subject is not None and subject.mention is not None and subject.mention.kind != ROLE:
            speaker = _speaker_from_mention(doc, subject.mention, history, subjects)
            if speaker is not None:
                return Speaker(speaker.name, speaker.actor, doc.text[mention.start : mention.end], speaker.title,
                               speaker.anonymous, speaker.is_person, speaker.gender)  # fmt: skip
    return None


ISSUED_BY_RE = re.compile(r",?\s+(?:issued|released|published|posted|signed)\s+by\s+")


def _institution_back_reference(doc: Document, mention: Mention, head: str) -> Speaker | None:
    """'the ministry said': the last institution of that kind named before."""
    for other in reversed(doc.mentions_between(max(0, mention.start - 3000), mention.start)):
        actor = other.actor
        if other.kind == ACTOR and actor is not None and not actor.is_person and head in actor.name.lower():
            return Speaker(actor.name, actor, doc.text[mention.start : mention.end])
        if other.kind == NAME and other.name.split()[-1].lower() == head:
            # An institution the registry does not know ("the International Monetary Fund ... the fund said").
            return Speaker(other.name, None, doc.text[mention.start : mention.end])
    return None


def _anonymous_back_reference(doc: Document, mention: Mention, history: list[Candidate]) -> Speaker | None:
    """'A US official said ... The official added ...': the unnamed source quoted just before."""
    head = mention.name.split()[-1].lower()
    if head not in ANONYMOUS_HEAD_WORDS:
        return None
    for candidate in reversed(history[-4:]):
        speaker = candidate.speaker
        if speaker is not None and speaker.anonymous and head.rstrip("s") in speaker.name.lower():
            return speaker
    # 'The official said: "..."' with no source before it: an unnamed source all the same ("the diplomat" or
    # "the aide" more often means someone named with another title, so they are left unresolved).
    if head not in ("official", "officials", "source", "sources"):
        return None
    return Speaker("unnamed " + head, None, doc.text[mention.start : mention.end], anonymous=True)


_NO_SUBJECT = object()


class _LazySubjects:
    """The sentence subjects of the article, each sentence's found only if a pronoun needs it."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_sentence: dict[int, Mention | None] = {}

    def _subject(self, sentence: Sentence) -> Mention | None:
        found = self.by_sentence.get(sentence.index, _NO_SUBJECT)
        if found is _NO_SUBJECT:
            slot = sentence_subject(self.doc, sentence, sentence.end)
            found = (
                slot.mention
                if slot is not None and slot.mention is not None and slot.mention.is_person
                else None
            )
            self.by_sentence[sentence.index] = found
        return found

    def __iter__(self):
        return iter(self.between(0, len(self.doc.text) + 1))

    def between(self, start: int, end: int) -> list[Mention]:
        """The subjects that start in [start, end), in text order (a sentence's subject lies inside it)."""
        doc = self.doc
        first = max(0, bisect.bisect_right(doc._sentence_starts, start) - 1)
        found = []
        for sentence in doc.sentences[first:]:
            if sentence.start >= end:
                break
            mention = self._subject(sentence)
            if mention is not None and start <= mention.start < end:
                found.append(mention)
        return found


def _gender_fits(pronoun: str, gender: str) -> bool:
    if pronoun == "he":
        return gender != "female"
    if pronoun == "she":
        return gender != "male"
    return True


def _resolve_pronoun(
    doc: Document, slot: Slot, candidate: Candidate, history: list[Candidate], subjects: _LazySubjects
) -> Speaker | None:
    pronoun = slot.pronoun
    if pronoun == "who":
        mention = _mention_right_before(
            doc,
            doc.text.rfind(",", 0, slot.start)
            if doc.text[max(0, slot.start - 2) : slot.start].strip() == ","
            else slot.start,
            max(0, slot.start - 80),
        )
        return _speaker_from_mention(doc, mention, history, subjects) if mention is not None else None
    lowest_paragraph = candidate.paragraph - 3
    options: list[tuple[int, Speaker]] = []
    for earlier in reversed(history[-12:]):
        speaker = earlier.speaker
        if speaker is None or earlier.paragraph < lowest_paragraph or earlier.start >= slot.start:
            continue
        position = (
            earlier.slot.start
            if earlier.slot is not None and earlier.slot.mention is not None
            else earlier.start
        )
        if (pronoun in ("he", "she") and speaker.is_person and _gender_fits(pronoun, speaker.gender)) or (
            pronoun in ("it", "they") and not speaker.is_person
        ):
            options.append((position, speaker))
    if pronoun in ("he", "she"):
        floor = doc.paragraphs[max(0, lowest_paragraph)].start
        for mention in subjects.between(floor, slot.start):
            if _gender_fits(pronoun, mention.gender or _actor_gender(mention)):
                speaker = _speaker_from_mention(doc, mention, history, subjects)
                if speaker is not None:
                    options.append((mention.start, speaker))
    if not options:
        return None
    speaker = max(options, key=lambda option: option[0])[1]
    return Speaker(speaker.name, speaker.actor, pronoun, speaker.title, speaker.anonymous, speaker.is_person,
                   speaker.gender)  # fmt: skip


def _actor_gender(mention: Mention) -> str:
    return mention.actor.gender if mention.actor is not None else ""


def _inherit(candidate: Candidate, history: list[Candidate]) -> Speaker | None:
    if candidate.inherit == "parent" and candidate.parent is not None:
        return candidate.parent.speaker
    for earlier in reversed(history[-6:]):
        if candidate.inherit == "chain":
            if earlier.chain == candidate.chain:
                return earlier.speaker
            continue
        if candidate.inherit == "paragraph" and earlier.paragraph == candidate.paragraph:
            return earlier.speaker
        if candidate.inherit == "previous-paragraph" and earlier.paragraph == candidate.paragraph - 1:
            return earlier.speaker if earlier.zone == BODY else None
        return None
    return None


def _previous_paragraph_subject(
    doc: Document, candidate: Candidate, history: list[Candidate], subjects: _LazySubjects
) -> Speaker | None:
    """'Peskov was asked whether Moscow would accept a ceasefire.' then a paragraph that is only a quote: the
    person the paragraph before ends on, when nobody is quoted there."""
    first = doc.sentences[candidate.sentence.index - 1] if candidate.sentence.index > 0 else None
    if first is None or first.paragraph != candidate.paragraph - 1 or doc.zones[first.paragraph] != BODY:
        return None
    if doc.quotes_between(first.start, first.end):
        return None
    mention = subjects.between(first.start, first.end)
    return _speaker_from_mention(doc, mention[0], history, subjects) if mention else None


def _fill_chains(candidates: list[Candidate]) -> None:
    speakers: dict[int, Speaker] = {}
    for candidate in candidates:
        if candidate.chain >= 0 and candidate.speaker is not None:
            speakers.setdefault(candidate.chain, candidate.speaker)
    for candidate in candidates:
        if candidate.chain >= 0 and candidate.speaker is None and candidate.chain in speakers:
            candidate.speaker = speakers[candidate.chain]
            candidate.confidence = 0.7


# Merging and duplicates

# "Starmer praised the US president after the summit. “...”": a verdict narrated before the words that give it.
INTRODUCING_CUES = frozenset(
    [
        "praised",
        "praises",
        "hailed",
        "welcomed",
        "welcomes",
        "criticised",
        "criticized",
        "condemned",
        "condemns",
    ]
)


def drop_introductions(candidates: list[Candidate]) -> list[Candidate]:
    """A short 'X praised Y.' whose next sentence quotes X is the quote's introduction, not a statement."""
    dropped = set()
    for index, candidate in enumerate(candidates[:-1]):
        following = candidates[index + 1]
        if (
            candidate.kind == PARAPHRASE
            and candidate.cue is not None
            and candidate.cue.word in INTRODUCING_CUES
            and following.kind == DIRECT
            and following.sentence.index == candidate.sentence.index + 1
            and following.speaker is not None
            and candidate.speaker is not None
            and following.speaker.key == candidate.speaker.key
        ):
            dropped.add(index)
    return [candidate for index, candidate in enumerate(candidates) if index not in dropped]


SECOND_CLAUSE_RE = re.compile(r"(?<![\w'-])(?:and|but)\s+that(?![\w'-])")


def merge_fragments(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Fragments of one sentence by one speaker with only narration between them are one statement."""
    merged: list[Candidate] = []
    for candidate in candidates:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and candidate.kind == DIRECT
            and previous.kind == DIRECT
            and previous.sentence.index == candidate.sentence.index
            and previous.speaker is not None
            and candidate.speaker is not None
            and previous.speaker.key == candidate.speaker.key
            and previous.quote is not None
            and candidate.quote is not None
        ):
            between_start, between_end = previous.quote.close + 1, candidate.quote.open
            if (
                _word_count(doc, between_start, between_end) <= 8
                and not doc.cues_between(between_start, between_end)
                and not any(mark in doc.text[between_start:between_end] for mark in ".!?")
                # '"learned to live with sanctions" and that new restrictions would "not help"': two clauses
                and not SECOND_CLAUSE_RE.search(doc.lower, between_start, between_end)
            ):
                previous.end = candidate.end
                previous.extra_quotes.append(candidate.quote)
                continue
        merged.append(candidate)
    return merged


@functools.lru_cache(maxsize=16384)
def _content_word(token: str) -> str:
    """A token's stem for comparing quotes ("" for stopwords and short words)."""
    if token in STOPWORDS or len(token) < 3:
        return ""
    for suffix in ("ing", "ed", "es", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    return token


def _content_words(doc: Document, start: int, end: int) -> set[str]:
    words = set(map(_content_word, TOKEN_RE.findall(doc.lower, start, end)))
    words.discard("")
    return words


def drop_duplicates(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """The same quote twice (headline and body, or repeated) is one statement: keep the body one."""
    # Content words are read only for the pairs that need them (same kind, and mostly the same speaker).
    words: list[set[str] | None] = [None] * len(candidates)

    def words_of(index: int) -> set[str]:
        found = words[index]
        if found is None:
            candidate = candidates[index]
            found = words[index] = _content_words(doc, candidate.start, candidate.end)
        return found

    keys = [candidate.speaker.key if candidate.speaker is not None else None for candidate in candidates]
    dropped: set[int] = set()
    count = len(candidates)
    for i, first in enumerate(candidates):
        first_key = keys[i]
        if first_key is None:
            continue  # no speaker: compared with nothing
        first_kind, first_zone, first_start, first_end = first.kind, first.zone, first.start, first.end
        # Repeats sit near each other in the body; a headline or caption copy may be anywhere. Bounding the
        # window keeps the work linear in the length of the article.
        limit = count if first_zone != BODY else min(count, i + 1 + DEDUPE_WINDOW)
        for j in range(i + 1, limit):
            if i in dropped:
                break
            second_key = keys[j]
            if second_key is None or j in dropped:
                continue
            second = candidates[j]
            second_kind = second.kind
            if first_kind != second_kind:
                continue
            if first_kind == PARAPHRASE and first_start < second.end and second.start < first_end:
                # The same words reported twice over ("X has ruled out Y, according to officials"): keep one.
                dropped.add(_overlap_loser(first, second, i, j))
                continue
            if first_kind == DIRECT:
                if first_key != second_key and first_zone == BODY and second.zone == BODY:
                    continue
            elif first_key != second_key:
                continue
            first_words, second_words = words_of(i), words_of(j)
            smaller = min(len(first_words), len(second_words))
            if not smaller:
                continue
            shared = len(first_words & second_words)
            if first_kind == DIRECT:
                # One shared word is no repeat ('"We have a plan," ... "It is a plan for peace"') unless the
                # shorter quote's words are in the longer one as written (a subhead "Zelenskyy: 'That is fair'").
                duplicate = shared >= 0.8 * smaller and (shared >= 2 or _written_inside(doc, first, second))
            else:
                duplicate = shared >= 4 and shared >= 0.5 * smaller
            if not duplicate:
                continue
            dropped.add(_loser(first, second, i, j))
    return [candidate for index, candidate in enumerate(candidates) if index not in dropped]


DEDUPE_WINDOW = 60


def _overlap_loser(first: Candidate, second: Candidate, i: int, j: int) -> int:
    """Of two paraphrases over the same words, the one to drop: the shorter, unless it is words its speaker said
    that a source relays ("Russia has said it is willing ..., according to a person familiar with the talks": the
    source passes Russia's words on, as a wire agency does)."""
    shorter, longer = (i, j) if (first.end - first.start) < (second.end - second.start) else (j, i)
    inner, outer = (first, second) if shorter == i else (second, first)
    if (
        inner.cue is not None
        and inner.cue.kind == SPEECH
        and outer.cue is not None
        and outer.cue.kind == ACCORDING
    ):
        return longer
    return shorter


def _written_inside(doc: Document, first: Candidate, second: Candidate) -> bool:
    """Whether the shorter statement's words stand, as written, inside the longer one."""
    shorter, longer = sorted((first, second), key=lambda candidate: candidate.end - candidate.start)
    words = doc.lower[shorter.start : shorter.end].strip(QUOTE_EDGE)
    return bool(words) and words in doc.lower[longer.start : longer.end]


ZONE_RANK = {BODY: 0, CAPTION: 1, HEADLINE: 2}  # a copy in the body, then in a caption/video line, wins


def _loser(first: Candidate, second: Candidate, i: int, j: int) -> int:
    if first.zone != second.zone:
        return j if ZONE_RANK.get(first.zone, 3) < ZONE_RANK.get(second.zone, 3) else i
    if first.kind == PARAPHRASE:
        return j if (first.end - first.start) >= (second.end - second.start) else i
    first_size, second_size = first.end - first.start, second.end - second.start
    if min(first_size, second_size) < 0.6 * max(first_size, second_size):
        return i if first_size < second_size else j  # a fragment repeats a longer quote: keep the longer
    return j


# Output


def _neighbour_ranges(doc: Document, sentence: Sentence, last: Sentence) -> tuple[tuple[int, int], ...]:
    ranges = []
    if sentence.index > 0:
        previous = doc.sentences[sentence.index - 1]
        ranges.append((previous.start, previous.end))
    if last.index + 1 < len(doc.sentences):
        following = doc.sentences[last.index + 1]
        ranges.append((following.start, following.end))
    return tuple(ranges)


@functools.lru_cache(maxsize=256)
def _topic_indexes(paragraph: int) -> tuple[int, ...]:
    return tuple(sorted({0, max(0, paragraph - 1), paragraph}))


def _topic_ranges(doc: Document, paragraph: int) -> tuple[tuple[int, int], ...]:
    """The statement's paragraph, the one before it and the headline."""
    paragraphs = doc.paragraphs
    return tuple((paragraphs[index].start, paragraphs[index].end) for index in _topic_indexes(paragraph))


class _PartyOf:
    """Which party a phrase such as "Moscow" or "the White House" speaks for, looked up when asked."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.known: dict[str, str] = {}
        self.described: dict[str, str] = {}

    def get(self, who: str, default: str = "") -> str:
        if who not in self.known:
            registry, published = self.doc.registry, self.doc.published
            actors = registry.resolve(who, published) or registry.resolve(who.removeprefix("the "), published)
            self.known[who] = registry.party_of(actors[0]) if actors else ""
        return self.known[who] or default

    def of_unknown_person(self, name: str) -> str:
        """The side of a person the registry does not know, read where the article first names them."""
        if name not in self.described:
            self.described[name] = side_of_described(self._introduction(name))
        return self.described[name]

    def _introduction(self, name: str) -> str:
        """The words around the first mention of name in its sentence ("Elina Valtonen, the Finnish foreign
        minister,"; "Spain's Foreign Minister José Manuel Albares"), not reaching into a quotation."""
        doc = self.doc
        mention = next((mention for mention in doc.mentions if mention.name == name), None)
        if mention is None:
            return ""
        sentence = doc.sentence_at(mention.start)
        before = doc.lower[max(sentence.start, mention.start - INTRODUCTION_REACH) : mention.start]
        after = doc.lower[mention.end : min(sentence.end, mention.end + INTRODUCTION_REACH)]
        before = QUOTE_MARK_RE.split(before)[-1]
        after = QUOTE_MARK_RE.split(after, maxsplit=1)[0]
        return f"{before} {after}"


INTRODUCTION_REACH = 120
QUOTE_MARK_RE = re.compile(r"[\"“”«»\n]")


def _party_phrases(doc: Document) -> _PartyOf:
    if doc.party_phrases is None:
        doc.party_phrases = _PartyOf(doc)
    return doc.party_phrases


def build_statement(doc: Document, candidate: Candidate) -> ExtractedStatement:
    speaker = candidate.speaker
    assert speaker is not None
    first = doc.sentence_at(candidate.start)
    last = doc.sentence_at(max(candidate.start, candidate.end - 1))
    neighbours = _neighbour_ranges(doc, first, last)
    if doc.issue_spans is None:
        doc.issue_spans = doc.registry.issue_scanner.scan(doc.lower)
    context = IssueContext(
        quote=doc.lower[candidate.start : candidate.end],
        sentence="",  # read from the index (found, sentence_range, neighbour_ranges) instead
        neighbours="",
        cue=candidate.cue.word if candidate.cue is not None and candidate.kind == PARAPHRASE else "",
        speaker_party=(
            doc.registry.party_of(speaker.actor)
            if speaker.actor is not None
            else _party_phrases(doc).of_unknown_person(speaker.name)
            if speaker.is_person and not speaker.anonymous
            else side_of_unnamed(speaker.name)
        ),
        other_parties=_party_phrases(doc),
        found=doc.issue_spans,
        quote_range=(candidate.start, candidate.end),
        sentence_range=(first.start, last.end),
        neighbour_ranges=neighbours,
        topic_ranges=_topic_ranges(doc, first.paragraph),
    )
    issues = tag_issues(context, doc.registry.issue_patterns)
    return ExtractedStatement(
        kind=candidate.kind,
        quote=doc.original[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        speaker_text=speaker.text,
        speaker_name=speaker.name,
        speaker_title=speaker.title,
        actor_slug=speaker.actor.slug if speaker.actor is not None else None,
        anonymous=speaker.anonymous,
        said_on=candidate.said_on,
        said_on_source="text" if candidate.said_on is not None else "published",
        issues=issues,
        confidence=candidate.confidence,
    )
