"""The day each statement was said (`assign_dates`): its own attribution, the same remarks, the lead's event
day, an interview's intro or a readout's dated heading. `dates.py` reads the date expressions themselves."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .attribution import sentence_subject
from .candidates import DIRECT, PARAPHRASE, Candidate, Speaker
from .dates import (
    AFTER_THE_EVENT_RE,
    CONFIRMED_THE_EVENT_RE,
    EARLIER_DAY_RE,
    LATER_RE,
    SAME_DAY_RE,
    is_sentence,
    read_date,
)
from .document import BODY, POSITION, SPEECH, TURN_LABEL_RE, Document
from .lexicon import PRESENT_POSITION_CUES
from .mentions import ROLE, Mention
from .text import Sentence

# "has insisted", "had long said": a position held over time, not words of one day.
# Each alternative's first character before its lookbehind: the regex engine skips to h, ' and ’.
PERFECT_RE = re.compile(
    r"(?:h(?<![\w']h)a(?:s|ve|d)|'(?<![\w']')s|’(?<![\w']’)s)\s+(?:[a-z]+ly\s+|long\s+|also\s+|already\s+|since\s+|often\s+)?"
    r"(?:[a-z]+ed|said|told|made|spoken|written|sought|held|kept|drawn)(?![\w'])"
)
# A simple past of saying ("said", "warned that"): a perfect after it is the reported clause's tense.
SIMPLE_SAYING_RE = re.compile(
    r"(?<![\w'’])(?<!has )(?<!had )(?<!have )(?:said|says|told|warned|added)(?![\w'’])"
)
# "has insisted", "has long maintained": a held position, which a dated quote after it illustrates, not dates
HELD_POSITION_RE = re.compile(
    r"(?<![\w'’])ha(?:s|ve|d)\s+(?:[a-z]+ly\s+|long\s+)?(?:insisted|maintained|argued|demanded|opposed)(?![\w'’])"
)
LEAD_PARAGRAPHS = 2
LEAD_SPAN = 3  # body paragraphs the lead paragraphs are found among
LEAD_REACH = 10  # body paragraphs the lead's day carries to
# Anywhere in the sentence (outside quotes), these put the words at another time than the news.
OTHER_TIME_RE = re.compile(
    r"(?<![\w-])(?:last (?:year|month|spring|summer|autumn|fall|winter)|in the past|previously|years ago|"
    r"months ago|earlier this year|in (?:19|20)\d\d|at the time|back then)(?![\w-])"
)
DEMONYM_PARTIES = {
    "russian": "russia",
    "ukrainian": "ukraine",
    "american": "united-states",
    "us": "united-states",
}
DEMONYM_PARTY_RE = re.compile(
    r"(?<![\w-])(russian|ukrainian|american|us)(?= (?:and [a-z]+ )?(?:delegations?|negotiators|sides?|teams?|officials))"
)


def assign_dates(doc: Document, candidates: list[Candidate], labels: dict[int, Mention | None]) -> None:
    """The day each statement was said: its own attribution, the same remarks, else the lead's event day."""
    perfect: set[int] = set()
    interviews: set[int] = set()  # words an interview's attribution introduces: their day carries far
    earlier_occasion: set[int] = set()  # "..., Putin said at the time": dated, but not the remarks around it
    other_times: dict[int, bool] = {}  # sentence index -> another time named in it
    read: dict[tuple[int, int], tuple[str, date | None, bool]] = {}  # quotes of one sentence share a region
    attributions: dict[int, str] = {}  # candidate index -> its attribution, outside quotes
    stated = {candidate.paragraph for candidate in candidates}  # paragraphs that report words: no scene
    first_named = _first_named(doc)
    for index, candidate in enumerate(candidates):
        if candidate.region is None:
            if candidate.said_on is None and candidate.kind == DIRECT:
                candidate.said_on = _date_introducing_turn(doc, candidate)
                candidate.said_on_from_text = candidate.said_on is not None
            continue
        attribution, said_on, vague = _read_region(doc, candidate.region, read)
        if said_on is not None and (own := _own_region(candidates, index)) != candidate.region:
            attribution, said_on, vague = _read_region(doc, own, read)
        attributions[index] = attribution
        if vague and _vague_only_reported(doc, candidate):
            vague = False
        after_cue = (
            _date_after_cue(doc, candidate)
            or _date_after_subjects_verb(doc, candidate)
            or _date_in_object(doc, candidate)
        )
        if (
            EARLIER_DAY_RE.search(attribution)
            and (before := _day_before_the_one_named(doc, candidate)) is not None
        ):
            said_on, vague = before, False
        elif after_cue is not None:
            said_on, vague = after_cue, False
        elif said_on is None and (not vague or AT_THE_TIME_RE.search(attribution)):
            said_on = _date_of_introducing_sentence(doc, candidate, other_times)
            if said_on is not None and vague:
                earlier_occasion.add(index)
            if said_on is None and LATER_RE.search(attribution):
                said_on = _date_of_sentence_before(doc, candidate)
            vague = vague and said_on is None
        if said_on is None and not vague and _state_position(candidate):
            vague = True
        if said_on is None and not vague:
            said_on = _date_of_trailing_participle(doc, candidate)
        if said_on is None and not vague:
            said_on = _date_of_scene(doc, candidate, stated, first_named)
        candidate.said_on, candidate.said_on_vague = said_on, vague
        candidate.said_on_from_text = said_on is not None
        if INTERVIEW_RE.search(attribution):
            interviews.add(index)
        if said_on is None and _perfect_of_speaking(attribution):
            # not marked as from its own attribution: the day is the next sentence's, so the lead's other voices
            # are not narrowed to this speaker (`_lead_reporters`)
            candidate.said_on = _date_of_next_participle(doc, candidate)
            if candidate.said_on is None:
                perfect.add(index)
        if said_on is None and not vague:
            sentence = candidate.sentence
            other_time = _names_other_time(doc, sentence, other_times)
            candidate.said_on_vague = other_time and not _other_time_only_reported(doc, sentence, candidate)
    lead = _lead_date(doc)
    in_lead = _lead_speakers(doc) if lead is not None else set()
    reporters = _lead_reporters(doc, candidates, lead)
    if reporters:
        # "..., Ukrainian officials said on March 24": the day they spoke, not a day for everyone of their side
        in_lead = reporters | _lead_speakers(doc, people_only=True)
    # The lead's event is the top of the story; further down, articles turn to background and other days.
    body = [paragraph.index for paragraph in doc.paragraphs if doc.zones[paragraph.index] == BODY]
    lead_reach = body[min(len(body) - 1, LEAD_REACH)] if body else -1
    readout = bool(body) and lead is not None and lead == header_date(doc)
    if readout:
        lead_reach = body[-1]  # a readout under a dated heading records one conversation, to its last line
        # "The Russian side emphasised ...": the sides of the leaders whose conversation it records
        in_lead = in_lead | _parties_of(doc, in_lead)
    if lead is not None:
        # "The representative of Brazil said ...": a delegate speaks at the meeting the lead reports.
        in_lead = in_lead | {c.speaker.key for c in candidates if c.speaker is not None and _by_delegate(c)}
        _date_pointing_to_the_lead(doc, candidates, attributions, lead, lead_reach)
    live_days = _live_days(doc) if _is_live_blog(doc) else None
    # An interviewer's turns ("DER SPIEGEL: Moscow says ..."): what they report was said some other time.
    questions = {index for index, mention in labels.items() if mention is None} if lead is not None else set()
    for index, candidate in enumerate(candidates):
        if candidate.said_on is not None or candidate.speaker is None:
            continue
        if index in perfect and HELD_POSITION_RE.search(attributions.get(index, "")):
            # 'Von der Leyen has insisted the loan remains her preferred option. "...," she told lawmakers on
            # Tuesday': a position held over time, not the day of the quote that illustrates it
            continue
        candidate.said_on = _date_of_same_remarks(
            candidates,
            index,
            vague=candidate.said_on_vague,
            elsewhere=earlier_occasion,
            named_before=DEFINITE_EVENT_RE.search(attributions.get(index, "")) is not None
            or _adds_to_earlier_remarks(candidate),
            interviews=interviews,
        )
        if candidate.said_on is not None or candidate.said_on_vague or index in perfect:
            continue
        if (
            candidate.zone == BODY
            and candidate.paragraph <= lead_reach
            and _in_lead(doc, candidate.speaker, in_lead)
            and candidate.paragraph not in questions
            and not _posted_apart(attributions.get(index, ""))
            and not _told_an_outlet(doc, candidate)
        ):
            candidate.said_on = lead
        elif live_days is not None and candidate.zone == BODY:
            candidate.said_on = _live_day(doc, live_days, candidate.paragraph)  # the day the entry is written


def _read_region(
    doc: Document, region: tuple[int, int], read: dict[tuple[int, int], tuple[str, date | None, bool]]
) -> tuple[str, date | None, bool]:
    """The attribution text of a region, outside quotes, and the date it gives (read once per region)."""
    if region not in read:
        attribution = _outside_quotes(doc, *region)
        said_on, vague = read_date(attribution, doc.published)
        if (vague or _long_before(doc, said_on)) and (relative := RELATIVE_CLAUSE_RE.search(attribution)):
            # 'Kovalchuk, 54, whose son was captured in May 2022, told EFE': the clause's time is its own event's;
            # only that time is dropped ('praised Wednesday's talks' left alone still names no day of the words)
            rest = attribution[: relative.start()] + attribution[relative.end() :]
            if read_date(rest, doc.published) == (None, False):
                said_on, vague = None, False
        elif (
            said_on is not None
            and (relative := RELATIVE_CLAUSE_RE.search(attribution))
            and JOURNEY_IN_CLAUSE_RE.search(relative.group())
        ):
            # 'Zelensky, who flew to Paris on Wednesday evening, thanked ...': the day of the journey, not of the
            # words ('who spoke to reporters on Monday' keeps its day)
            rest = attribution[: relative.start()] + attribution[relative.end() :]
            said_on, vague = read_date(rest, doc.published)
        read[region] = (attribution, said_on, vague)
    return read[region]


# ", who was captured in 2022,", ", whose son was captured in May 2022,": a clause about the speaker, set off by
# commas, that tells another event than the words.
RELATIVE_CLAUSE_RE = re.compile(r",\s+(?:who|whose)\s[^,;]*,")
# ", who flew to Paris on Wednesday evening,": a journey before the words, on a day of its own
JOURNEY_IN_CLAUSE_RE = re.compile(r"(?<![\w-])(?:flew|travell?ed|arrived|returned|landed|drove)(?![\w-])")


def _long_before(doc: Document, said_on: date | None) -> bool:
    """A date more than a week before publication: no day of the news."""
    return said_on is not None and doc.published is not None and (doc.published - said_on).days > 7


def _own_region(candidates: list[Candidate], index: int) -> tuple[int, int]:
    """'The IAEA chief said on Wednesday that a deal was within reach, but Ukraine insisted it would never ...': the
    attribution of the second speaker starts after the first one's words; their day is not its own (a time that
    marks both clauses as another, 'Kyiv has repeatedly said ..., though Zelensky has acknowledged ...', is kept)."""
    candidate = candidates[index]
    start, end = candidate.region
    for earlier in reversed(candidates[max(0, index - 4) : index]):
        if earlier.sentence.index != candidate.sentence.index:
            break
        if (
            start < earlier.end <= candidate.start
            and earlier.speaker is not None
            and candidate.speaker is not None
            and earlier.speaker.key != candidate.speaker.key
            and (candidate.cue is None or earlier.end <= candidate.cue.start)
        ):
            return earlier.end, end
    return start, end


def _perfect_of_speaking(attribution: str) -> bool:
    """'Orban has insisted that ...' holds a position over time; in 'he said Hungary had agreed only because ...'
    the perfect is the reported clause's backshift, and the words are of the news's day."""
    perfect = PERFECT_RE.search(attribution)
    return perfect is not None and SIMPLE_SAYING_RE.search(attribution, 0, perfect.start()) is None


def _state_position(candidate: Candidate) -> bool:
    """'Moscow says such a pause would let Kyiv rearm', 'Kyiv insists it will not withdraw': a state's present tense
    with no day states where it stands, not words said on the lead's day (nor the day of a live blog's entry)."""
    cue, speaker = candidate.cue, candidate.speaker
    if cue is None or speaker is None or speaker.actor is None or candidate.zone != BODY:
        return False
    actor = speaker.actor
    return actor.kind == "government" and actor.party is None and cue.word in PRESENT_POSITION_CUES


def _names_other_time(doc: Document, sentence: Sentence, known: dict[int, bool]) -> bool:
    """Whether the sentence, outside quotes, puts words at another time ("last year", "at the time")."""
    other_time = known.get(sentence.index)
    if other_time is None:
        other_time = known[sentence.index] = bool(
            OTHER_TIME_RE.search(_outside_quotes(doc, sentence.start, sentence.end))
        )
    return other_time


def _vague_only_reported(doc: Document, candidate: Candidate) -> bool:
    """'Putin said Zelensky's term had expired in May 2024 and that ... "challenged by anyone ..."': the time is
    in the reported clause, words after the verb of saying, not next to the verb ("said in May", "told
    reporters last week")."""
    cue, region = candidate.cue, candidate.region
    if cue is None or cue.kind != SPEECH or region is None or not region[0] <= cue.start < region[1]:
        return False
    if read_date(_outside_quotes(doc, region[0], cue.start), doc.published)[1]:
        return False
    near = " ".join(doc.lower[cue.end : region[1]].split()[:4])
    return not read_date(near, doc.published)[1]


def _other_time_only_reported(doc: Document, sentence: Sentence, candidate: Candidate) -> bool:
    """'Peskov said the understandings reached in Anchorage last summer remained the basis': a time inside the
    words a verb of saying reports is their content's, not the day they were said. ('Zelenskyy rejected an
    invitation last year' keeps it: there the time goes with the verb.)"""
    if candidate.kind != PARAPHRASE or candidate.cue is None or candidate.cue.kind != SPEECH:
        return False
    before = _outside_quotes(doc, sentence.start, candidate.start) if candidate.start > sentence.start else ""
    after = _outside_quotes(doc, candidate.end, sentence.end) if candidate.end < sentence.end else ""
    return not (OTHER_TIME_RE.search(before) or OTHER_TIME_RE.search(after))


def _date_pointing_to_the_lead(
    doc: Document, candidates: list[Candidate], attributions: dict[int, str], lead: date, lead_reach: int
) -> None:
    """'The Kremlin had announced that morning ...', 'Speaking to reporters after the talks, ...': near the top of
    the story, the day and the event the lead has just named. 'In its readout, the Kremlin said ...': anywhere, the
    record of the call the lead reports."""
    for index, candidate in enumerate(candidates):
        if candidate.said_on is not None or index not in attributions:
            continue
        attribution = attributions[index]
        if candidate.paragraph > lead_reach:
            if READOUT_RE.search(attribution):
                candidate.said_on, candidate.said_on_from_text = lead, True
            continue
        sentence = candidate.sentence
        if (
            SAME_DAY_RE.search(attribution)
            or AFTER_THE_EVENT_RE.search(attribution)
            or CONFIRMED_THE_EVENT_RE.search(doc.lower, sentence.start, sentence.end)
        ):
            candidate.said_on, candidate.said_on_from_text = lead, True


# "wrote on Facebook", "said in a post on X": words posted to the speaker's own followers, not said at the lead's event.
POSTED_RE = re.compile(
    r"(?<![\w-])(?:on|via)\s+(?:(?:his|her|their|its)\s+)?(?:official\s+)?(?:telegram|x|twitter|"
    r"truth social|facebook|instagram|youtube|tiktok|vkontakte|vk|threads|bluesky|linkedin|weibo|social media)(?![\w-])"
)
# "wrote on X afterwards", "Hours before the talks began, Trump wrote on Truth Social": a post timed by the event.
TIMED_BY_EVENT_RE = re.compile(r"(?<![\w-])(?:afterwards?|after|before|hours|minutes|later|then)(?![\w-])")


def _posted_apart(attribution: str) -> bool:
    """'Szijjarto wrote on Facebook that ...': a post to the speaker's own followers, some time of its own, not the
    lead's event, unless the attribution times it by the event ('wrote on X afterwards')."""
    return POSTED_RE.search(attribution) is not None and TIMED_BY_EVENT_RE.search(attribution) is None


# "told Al Jazeera", "told the Kyiv Independent": a capitalised name after "told", which may be a news outlet; not
# a crowd at the event ("told Irish journalists") nor a sitting body ("told Parliament", "told the Security Council").
TOLD_NAME_RE = re.compile(
    r"(?<![\w-])told (?:the )?(?=[A-Z])(?![A-Z][\w'’-]* (?:journalists|reporters|correspondents|press|media)(?![\w-]))"
    r"(?!(?:[A-Z][\w'’-]* )*(?:Parliament|Congress|Senate|House|Assembly|Council|Committee|Bundestag|Duma|Rada|MPs|MEPs)"
    r"(?![\w-]))"
)


def _told_an_outlet(doc: Document, candidate: Candidate) -> bool:
    """'"...," Fidan told Al Jazeera': words given to a news outlet on a day of its own, not said at the lead's event.
    A name the registry knows ('told Erdogan') or a role ('told the Foreign Minister') is someone at the event."""
    if candidate.region is None:
        return False
    start, end = candidate.region
    for match in TOLD_NAME_RE.finditer(doc.text, start, end):
        if doc.quote_at(match.start()) is not None:
            continue
        named = [
            mention for mention in doc.mentions_between(match.end(), end) if mention.start == match.end()
        ]
        if not named or (named[0].actor is None and named[0].kind != ROLE):
            return True
    return False


# "In its readout, the Kremlin said", "according to the White House readout": a record of the lead's call.
READOUT_RE = re.compile(r"(?<![\w-])readout(?![\w-])")
AT_THE_TIME_RE = re.compile(r"(?<![\w-])at the time(?![\w-])")


def _lead_reporters(doc: Document, candidates: list[Candidate], lead: date | None) -> set[str]:
    """The speakers whose own attribution in the lead carries the lead's day: the day is when they spoke,
    not an event (a meeting, talks) that the others quoted took part in."""
    if lead is None:
        return set()
    lead_paragraphs = {paragraph.index for paragraph in _lead_body(doc)}
    return {
        candidate.speaker.key
        for candidate in candidates
        if candidate.paragraph in lead_paragraphs
        and candidate.speaker is not None
        and candidate.said_on_from_text
        and candidate.said_on == lead
    }


def _date_after_cue(doc: Document, candidate: Candidate) -> date | None:
    """'Rubio, who met the team on Friday morning, had said on Thursday that ...': the day attached to the verb
    of saying wins over one in an aside before it."""
    cue, region = candidate.cue, candidate.region
    if cue is None or region is None or not region[0] <= cue.start < region[1] or cue.end >= region[1]:
        return None
    said_on, _ = read_date(_outside_quotes(doc, cue.end, region[1]), doc.published)
    return said_on


def _date_in_object(doc: Document, candidate: Candidate) -> date | None:
    """'He welcomed the outcome on Friday, saying ...', 'rejected the plan on Tuesday': after a verb that takes an
    object rather than a reported clause, a day right after the object is when the verb happened."""
    cue = candidate.cue
    if cue is None or cue.kind != POSITION or candidate.kind != PARAPHRASE or candidate.start - cue.end > 2:
        return None
    near = " ".join(_outside_quotes(doc, candidate.start, candidate.end).split()[:OBJECT_WORDS])
    if not DAY_WORD_RE.search(near) or POSSESSIVE_DAY_RE.search(near):
        return None  # "praised Wednesday's talks": the day of an event, not of the praise
    return read_date(near, doc.published)[0]


OBJECT_WORDS = 5  # "the outcome on Friday", "the proposal of the envoys on Tuesday"
POSSESSIVE_DAY_RE = re.compile(r"(?:day|night|morning|evening|afternoon)['’]s(?![\w'’-])")


def _date_after_subjects_verb(doc: Document, candidate: Candidate) -> date | None:
    """'Lavrov, who met Wang last month, said yesterday that Russia "values ...", but he added ...': the day right
    after the sentence's verb of saying, when the sentence's subject is the speaker."""
    sentence = candidate.sentence
    if candidate.speaker is None or doc.lower.find("day", sentence.start, sentence.end) < 0:
        return None
    for cue in doc.cues_between(sentence.start, sentence.end):
        if doc.quote_at(cue.start) is not None:
            continue
        if not DAY_NEXT_RE.match(doc.lower, cue.end):
            continue
        said_on, _ = read_date(doc.lower[cue.end : cue.end + 20], doc.published)
        if said_on is None:
            continue
        subject = sentence_subject(doc, _without_dateline(doc, sentence), cue.start)
        if (
            subject is not None
            and subject.mention is not None
            and _names_speaker(subject.mention, candidate.speaker)
        ):
            return said_on
        return None
    return None


DAY_WORD_RE = re.compile(r"day|night|morning|afternoon|evening|\d")
DAY_NEXT_RE = re.compile(r"\s+(?:on\s+)?(?:yesterday|today|[a-z]+day|the day before)(?![\w'’-])")


def _date_of_introducing_sentence(
    doc: Document, candidate: Candidate, other_times: dict[int, bool]
) -> date | None:
    """'Trump, speaking aboard Air Force One on Thursday, went further. "...," he told reporters': the day of
    the sentence before, in the same paragraph or a paragraph of its own right before, whose subject is the
    speaker and which quotes nobody (before its verb, when it reports words of its own)."""
    sentence = candidate.sentence
    if sentence.index == 0 or candidate.speaker is None:
        return None
    previous = doc.sentences[sentence.index - 1]
    if not _introduces(doc, previous, sentence):
        return None
    if previous.paragraph != sentence.paragraph and _names_other_time(doc, sentence, other_times):
        return None  # "Last summer, Peskov said ...": a paragraph of its own, at another time
    if not DAY_WORD_RE.search(doc.lower, previous.start, previous.end):
        return None  # no day to take: spare the search below
    # A report of its own has its content's days after the verb; an aside before the verb ("Witkoff, asked
    # about the plan on Thursday, didn't deny it.") dates the speaker's appearance.
    verbs = [
        cue
        for cue in doc.cues_between(previous.start, previous.end)
        if not _opens_aside(doc, cue.start, previous.start)
    ]
    end = verbs[0].start if verbs else previous.end
    quoted = bool(doc.quotes_between(previous.start, previous.end))
    if quoted and doc.quotes_between(previous.start, end):
        return None  # someone quoted before the verb: not a report of the subject's own
    said_on, _ = read_date(_outside_quotes(doc, previous.start, end), doc.published)
    if said_on is None:
        return None
    subject = sentence_subject(doc, previous, end)
    if subject is None or subject.mention is None:
        fits = not quoted and _pronoun_subject_fits(doc, previous, end, candidate.speaker)
    elif quoted:
        # 'The Kremlin on Wednesday welcomed what it called "belated recognition".' then its spokesman's quote:
        # the body's words and its spokesman's are one reaction
        fits = _speaks_for(subject.mention, candidate.speaker)
    else:
        fits = _names_speaker(subject.mention, candidate.speaker) or _speaks_for(
            subject.mention, candidate.speaker
        )
    return said_on if fits else None


def _speaks_for(mention: Mention, speaker: Speaker) -> bool:
    """'The Kremlin on Wednesday welcomed what it called ... "...," Dmitry Peskov, Mr Putin's spokesman, said': the
    body the sentence before names speaks through the person whose title names it ("Kremlin spokesman")."""
    body, person = mention.actor, speaker.actor
    if body is None or person is None or body.kind == "person" or person.kind != "person":
        return False
    name = body.name.lower()
    titles = (title.lower() for role in person.roles for title in (role.title, *role.descriptors))
    return any(name in title and SPOKESPERSON_RE.search(title) for title in titles)


# A title of someone who speaks for a body ("Kremlin spokesman", "White House press secretary"), not of its head.
SPOKESPERSON_RE = re.compile(r"spokes|press secretary")


# "He ...", "In an interview recorded on Friday, he ...": a pronoun opening the sentence or after its opening phrase.
PRONOUN_OPENING_RE = re.compile(r"(he|she)\s+(?!(?:and|or)\b)[a-z]", re.I)
PRONOUN_AFTER_PHRASE_RE = re.compile(r",\s+(he|she)\s+(?!(?:and|or)\b)[a-z]")


def _pronoun_subject_fits(doc: Document, sentence: Sentence, end: int, speaker: Speaker) -> bool:
    """'In an interview recorded on Friday evening, he put the onus on Kyiv. "...," he said': the sentence introducing
    the quote has a pronoun for its subject, which can be the person quoted."""
    if not speaker.is_person:
        return False
    match = PRONOUN_OPENING_RE.match(doc.text, sentence.start, end) or PRONOUN_AFTER_PHRASE_RE.search(
        doc.text, sentence.start, end
    )
    if match is None:
        return False
    pronoun = match.group(1).lower()
    return speaker.gender != ("female" if pronoun == "he" else "male")


def _introduces(doc: Document, previous: Sentence, sentence: Sentence) -> bool:
    """The sentence before in the same paragraph, or a paragraph of one narrating sentence right before ('Ushakov
    made that clear early on Friday.' then '"...," Ushakov told reporters.'): news splits a quote's introduction
    into a paragraph of its own."""
    if previous.paragraph == sentence.paragraph:
        return True
    paragraph = doc.paragraphs[previous.paragraph]
    return (
        previous.paragraph == sentence.paragraph - 1
        and doc.zones[previous.paragraph] == BODY
        and previous.start <= paragraph.start + 3
    )


# "..., speaking on Tuesday.", "..., talking to reporters in Kyiv on Friday.": how the speaker said it, after the words.
TRAILING_PARTICIPLE_RE = re.compile(r"[\s”\"’']*,\s*(?:speaking|talking)(?![\w-])[^;]*")


def _date_of_trailing_participle(doc: Document, candidate: Candidate) -> date | None:
    """'Lavrov said the plan needed changes, speaking on Tuesday.': the day of the participle closing the sentence."""
    end = candidate.sentence.end
    if candidate.end >= end or not DAY_WORD_RE.search(doc.lower, candidate.end, end):
        return None
    tail = TRAILING_PARTICIPLE_RE.match(doc.lower, candidate.end, end)
    if tail is None:
        return None
    said_on, _ = read_date(_outside_quotes(doc, tail.start(), tail.end()), doc.published)
    return said_on


# "Speaking to reporters in a WhatsApp chat on Sunday, ...": a sentence opening with how the speaker spoke.
OPENING_PARTICIPLE_RE = re.compile(r"(?:speaking|talking|addressing|writing)(?![\w-])")
PARTICIPLE_REACH = (
    3  # sentences: the rest of the lead paragraph ("The offer came as ...") and the next one's first
)


def _date_of_next_participle(doc: Document, candidate: Candidate) -> date | None:
    """'Zelenskyy has said Kyiv is ready to ... .' then 'Speaking to reporters on Sunday, Zelenskyy explained the
    shift.': a sentence just after a perfect lead, with the speaker its subject, tells when the words were said."""
    sentence, speaker = candidate.sentence, candidate.speaker
    if speaker is None:
        return None
    nearby = doc.sentences[sentence.index + 1 : sentence.index + 1 + PARTICIPLE_REACH]
    following = next(
        (
            later
            for later in nearby
            if later.paragraph <= sentence.paragraph + 1
            and OPENING_PARTICIPLE_RE.match(doc.lower, later.start)
        ),
        None,
    )
    if following is None:
        return None
    named = [m for m in doc.mentions_between(following.start, following.end) if _names_speaker(m, speaker)]
    if not named:
        return None
    said_on, _ = read_date(_outside_quotes(doc, following.start, named[0].start), doc.published)
    return said_on


def _date_of_scene(
    doc: Document,
    candidate: Candidate,
    stated: set[int],
    first_named: dict[str, int],
) -> date | None:
    """'In London, thousands marched to Parliament Square on Saturday.' then 'Olena Kravets, a nurse, said ...': a
    paragraph of narration setting a dated scene, then a voice the article has not named before, speaking there."""
    index = candidate.paragraph - 1
    speaker = candidate.speaker
    if index < 0 or speaker is None or candidate.zone != BODY or doc.zones[index] != BODY:
        return None
    first = doc.sentence_at(doc.paragraphs[candidate.paragraph].start)
    if candidate.sentence.index != first.index:
        return None  # the scene leads into the paragraph's first sentence
    scene = doc.paragraphs[index]
    if first_named.get(_naming_key(speaker), scene.end) < scene.end:
        return None  # someone named before: the scene is not where the article introduces them
    if index in stated:
        return None  # a report of its own, not a scene (slogans and "as reported" may be there)
    if not DAY_WORD_RE.search(doc.lower, scene.start, scene.end):
        return None
    if ACCORDING_TO_RE.search(doc.lower, scene.start, scene.end):
        return None  # 'According to a poll published on Monday, ...': a source's finding, not a scene with people
    said_on, vague = read_date(doc.lower[scene.start : scene.end], doc.published)
    if said_on is None or vague or doc.published is None or not 0 <= (doc.published - said_on).days <= 7:
        return None
    return said_on


ACCORDING_TO_RE = re.compile(r"(?<![\w-])according to(?![\w-])")


def _naming_key(who: Speaker | Mention) -> str:
    """What _names_speaker compares: the actor, else the name."""
    return f"actor:{who.actor.slug}" if who.actor is not None else f"name:{who.name.lower()}"


def _first_named(doc: Document) -> dict[str, int]:
    """Where the article first names each actor or person (one pass over the mentions)."""
    first: dict[str, int] = {}
    for mention in doc.mentions:
        first.setdefault(_naming_key(mention), mention.start)
    return first


def _date_of_sentence_before(doc: Document, candidate: Candidate) -> date | None:
    """'Macron and Tusk discussed it by phone on Thursday. Tusk later wrote on X that ...': the day of the sentence
    before, in the same paragraph, that names the speaker."""
    sentence = candidate.sentence
    if sentence.index == 0 or candidate.speaker is None:
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph or not any(
        _names_speaker(mention, candidate.speaker)
        for mention in doc.mentions_between(previous.start, previous.end)
    ):
        return None
    said_on, _ = read_date(_outside_quotes(doc, previous.start, previous.end), doc.published)
    return said_on


def _day_before_the_one_named(doc: Document, candidate: Candidate) -> date | None:
    """'Zelensky said on Tuesday that ... A day earlier, Sybiha said ...': the day before the one the sentence before
    names, in the same paragraph (else no day we can tell: `read_date` has read it as vague)."""
    sentence = candidate.sentence
    if sentence.index == 0:
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    named, _ = read_date(_outside_quotes(doc, previous.start, previous.end), doc.published)
    return named - timedelta(days=1) if named is not None else None


def _date_introducing_turn(doc: Document, candidate: Candidate) -> date | None:
    """A broadcast transcript's soundbite: 'Witkoff was in the room. He spoke to reporters on Saturday.' then
    '(SOUNDBITE OF ARCHIVED RECORDING)' then 'STEVE WITKOFF: ...' was said that day."""
    paragraph = doc.paragraphs[candidate.paragraph]
    label = TURN_LABEL_RE.match(doc.text, paragraph.start, paragraph.end)
    if label is None or label.end() != candidate.start or candidate.speaker is None:
        return None
    index = candidate.paragraph - 1
    while index >= 0 and STAGE_DIRECTION_RE.fullmatch(
        doc.text, doc.paragraphs[index].start, doc.paragraphs[index].end
    ):
        index -= 1
    if index < 0 or index == candidate.paragraph - 1:
        return None  # no stage direction between: a host's question, or the same turn going on
    before = doc.paragraphs[index]
    last = doc.sentence_at(before.end - 1)
    if doc.quotes_between(last.start, last.end) or doc.cues_between(last.start, last.end):
        return None  # a report of its own: its days are its content's
    # The speaker named in it, or just before it opens with a pronoun: "Witkoff was in the room. He spoke ..."
    start = last.start
    if PRONOUN_START_RE.match(doc.text, last.start) and last.index > 0:
        start = max(before.start, doc.sentences[last.index - 1].start)
    if not any(
        _names_speaker(mention, candidate.speaker) for mention in doc.mentions_between(start, last.end)
    ):
        return None
    said_on, _ = read_date(doc.lower[last.start : last.end], doc.published)
    return said_on


PRONOUN_START_RE = re.compile(r"(?:He|She|They)\s")
STAGE_DIRECTION_RE = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")


def _opens_aside(doc: Document, start: int, sentence_start: int = -1) -> bool:
    """'Witkoff, asked about the plan on Thursday, ...', 'Speaking in Beijing on Wednesday, he ...': a participle
    after a comma or opening the sentence, not the sentence's verb."""
    return (
        doc.text[max(0, start - 2) : start] == ", " or start == sentence_start
    ) and ASIDE_PARTICIPLE_RE.match(doc.lower, start) is not None


ASIDE_PARTICIPLE_RE = re.compile(
    r"(?:asked|pressed|questioned|speaking|talking|responding|commenting)(?![\w-])"
)


def _names_speaker(mention: Mention, speaker: Speaker) -> bool:
    if mention.actor is not None:
        return speaker.actor is not None and mention.actor.slug == speaker.actor.slug
    return mention.name.lower() == speaker.name.lower()


def _lead_body(doc: Document) -> list:
    """The first body paragraphs, datelines ("ISTANBUL", "MOSCOW, Feb 20 /TASS/") and deks aside."""
    lead = []
    seen = 0  # body paragraphs passed: a short quote paragraph skipped does not bring a later voice into the lead
    for paragraph in doc.paragraphs:
        if doc.zones[paragraph.index] != BODY:
            continue
        seen += 1
        if seen > LEAD_SPAN:
            break
        if doc.text.count(" ", paragraph.start, paragraph.end) >= 8 and is_sentence(
            doc.text[paragraph.start : paragraph.end]
        ):
            lead.append(paragraph)
            if len(lead) == LEAD_PARAGRAPHS:
                break
    return lead


def _lead_speakers(doc: Document, *, people_only: bool = False) -> set[str]:
    """Who the lead names: the people, bodies and parties ("Russian and Ukrainian delegations") at its event."""
    keys = set()
    for paragraph in _lead_body(doc):
        for mention in doc.mentions_between(paragraph.start, paragraph.end):
            if people_only:
                if mention.is_person:
                    keys.add(mention.actor.slug if mention.actor is not None else mention.name.lower())
            elif mention.actor is not None:
                keys.add(mention.actor.slug)
            elif mention.kind != ROLE:
                keys.add(mention.name.lower())
        if people_only:
            continue
        for match in DEMONYM_PARTY_RE.finditer(doc.lower, paragraph.start, paragraph.end):
            keys.add(DEMONYM_PARTIES[match.group(1)])
    return keys


def _parties_of(doc: Document, keys: set[str]) -> set[str]:
    """The parties of the actors among the keys ("vladimir-putin" -> "russia")."""
    return {
        doc.registry.party_of(actor) for key in keys if (actor := doc.registry.by_slug.get(key)) is not None
    }


def _by_delegate(candidate: Candidate) -> bool:
    slot = candidate.slot
    return slot is not None and slot.mention is not None and slot.mention.delegate


def _in_lead(doc: Document, speaker: Speaker, keys: set[str]) -> bool:
    """The speaker, or someone of a party the lead names ("Russian and Ukrainian delegations met")."""
    if speaker.key in keys:
        return True
    return speaker.actor is not None and doc.registry.party_of(speaker.actor) in keys


# "20:40 GMT – Zelenskyy: ...", a time stamp on its own line ("1h ago 14:05 GMT"), or a roundup's post opening with
# its time ("10:15 Zelensky said ...").
LIVE_ENTRY_RE = re.compile(
    r"(?:\d+\s*(?:h|m|min|mins|hours?|minutes?)\s+ago\s+)?"
    r"\d{1,2}[:.]\d{2}\s*(?:(?:GMT|BST|CET|CEST|EET|UTC|ET|EST|MSK|local time)\b)?\s*(?:[–—-]|$|(?<=\s)(?=[A-Z\"“‘]))"
)


def _is_live_blog(doc: Document) -> bool:
    """Entries headed by a time ("20:40 GMT – Zelenskyy: ...")."""
    entries = sum(
        1 for paragraph in doc.paragraphs if LIVE_ENTRY_RE.match(doc.text, paragraph.start, paragraph.end)
    )
    return entries >= 2


# "Thursday, January 29", "29 January 2026": a line heading one day's entries of a live page running over days.
DAY_HEADING_RE = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+[a-z]{3,9}|[a-z]{3,9}\.?\s+\d{1,2})(?:,?\s+\d{4})?\.?"
)


def _live_days(doc: Document) -> list[tuple[int, date]]:
    """A live page's day headings, in page order: (paragraph index, day)."""
    days = []
    for paragraph in doc.paragraphs:
        line = doc.lower[paragraph.start : paragraph.end].strip()
        if len(line) <= 30 and DAY_HEADING_RE.fullmatch(line):
            day, _ = read_date(line, doc.published)
            if day is not None:
                days.append((paragraph.index, day))
    return days


def _live_day(doc: Document, days: list[tuple[int, date]], paragraph: int) -> date | None:
    """The day of the heading an entry sits under, else the page's own."""
    under = [day for index, day in days if index < paragraph]
    return under[-1] if under else doc.published


def _lead_date(doc: Document) -> date | None:
    """The day of the event the article reports, when its first body paragraphs name it."""
    any_vague = False
    for paragraph in _lead_body(doc):
        said_on, vague = read_date(_outside_quotes(doc, paragraph.start, paragraph.end), doc.published)
        if said_on is not None and doc.published is not None and 0 <= (doc.published - said_on).days <= 7:
            return said_on  # a day named in the lead beats a dek's background ("made public last month")
        any_vague = any_vague or vague
    if any_vague:
        return None
    return header_date(doc)  # a readout's dated heading: "May 5, 2026, 19:20, The Kremlin, Moscow"


# "VIENNA/KYIV, Feb 26 (Reuters) -", "MOSCOW, February 20. /TASS/.", "(ANSA) - ROME, JUN 19 -": the filing date,
# not when words were said.
DATELINE_DATE_RE = re.compile(
    r"(?:\(\w+\)\s*[-–—]\s*)?[a-z/ ,.'-]{2,60},\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"(?:\s*\(\w+\)|\s*\.?\s*/\w+/)?"
)


def _without_dateline(doc: Document, sentence: Sentence) -> Sentence:
    """'VIENNA/KYIV, Feb 26 (Reuters) - The head of ... said': the sentence after its dateline, whose places are not
    its subject."""
    dateline = DATELINE_DATE_RE.match(doc.lower, sentence.start, sentence.end)
    return sentence if dateline is None else sentence._replace(start=dateline.end())


def _outside_quotes(doc: Document, start: int, end: int) -> str:
    # Kept on the document: the rules read the same paragraph or attribution again for each statement near it.
    memo = doc.outside_quotes
    text = memo.get((start, end))
    if text is None:
        text = memo[start, end] = _without_quotes(doc, start, end)
    return text


def _without_quotes(doc: Document, start: int, end: int) -> str:
    paragraph = doc.paragraphs[doc.sentence_at(start).paragraph]
    if start == paragraph.start and (dateline := DATELINE_DATE_RE.match(doc.lower, start, end)) is not None:
        start = dateline.end()
    pieces = []
    cursor = start
    for quote in doc.quotes_between(start, end):
        pieces.append(doc.lower[cursor : quote.open])
        cursor = max(cursor, quote.close + 1)
    pieces.append(doc.lower[cursor:end])
    return " ".join(pieces)


# Paragraphs back: news tells one set of remarks in a block, then turns to other voices and days.
REMARKS_REACH = 4
# "In an interview with ...", "Speaking to The Telegraph ...": words given to the article's authors, not to a
# crowd of reporters at one briefing.
INTERVIEW_RE = re.compile(
    r"(?<![\w-])(?:interview|(?:speaking|talking) to (?!reporters|journalists|(?:the )?(?:press|media|crowd)\b))"
)
# "Macron also said at the press conference that ...": the occasion named before, however far back.
DEFINITE_EVENT_RE = re.compile(
    r"(?<![\w-])(?:at|during|in) the (?:press conference|news conference|briefing|summit|meeting|forum|interview)"
    r"(?![\w-])"
)


def _adds_to_earlier_remarks(candidate: Candidate) -> bool:
    """'..., Thune added.' far down the story: more of the remarks the speaker was quoted from before."""
    return candidate.cue is not None and candidate.cue.word == "added"


def _date_of_same_remarks(
    candidates: list[Candidate],
    index: int,
    *,
    vague: bool = False,
    elsewhere: set[int] | frozenset[int] = frozenset(),
    named_before: bool = False,
    interviews: set[int] | frozenset[int] = frozenset(),
) -> date | None:
    """A date given once for a set of remarks carries to the other statements from them; not from words a later
    sentence recalls from another occasion ('Putin reiterated ... "...," Putin said at the time'). An interview
    given to the article's authors ('Speaking to The Telegraph on Tuesday, ...', `interviews`) is the story's
    thread: its day carries to the speaker's words however far down."""
    if vague:
        return None  # "has repeatedly said ...": another time, whatever day the next quote of theirs has
    candidate = candidates[index]
    key = candidate.speaker.key if candidate.speaker else ""
    # The same paragraph, or the first statement of the next body paragraph: 'Zelensky accused Moscow of ...'
    # then '"...," Zelensky said on Tuesday.'
    reach = candidate.paragraph + (1 if candidate.zone == BODY else 0)
    for offset, later in enumerate(candidates[index + 1 : index + 12], index + 1):
        if later.paragraph > reach:
            break
        if offset in elsewhere:
            continue
        if later.speaker is not None and later.speaker.key == key and later.said_on_from_text:
            return later.said_on
        if later.paragraph != candidate.paragraph:
            break
    for offset in range(index - 1, max(0, index - 40) - 1, -1):
        earlier = candidates[offset]
        far = earlier.paragraph < candidate.paragraph - REMARKS_REACH and not named_before
        if far and not interviews:
            break
        if earlier.speaker is not None and earlier.speaker.key == key:
            if far and offset in interviews and earlier.said_on is not None:
                return earlier.said_on  # the interview's day, from its attribution or its lead
            if earlier.said_on_from_text and not far:
                return earlier.said_on
            if earlier.said_on_vague or (far and earlier.said_on_from_text):
                return None  # past the reach, only an interview's day carries
    return None


def intro_date(doc: Document, first_turn: int) -> date | None:
    """The day an interview's scene-setting intro gives ("It is Friday afternoon, and he has just ..."): the
    turns after it were said that day."""
    for paragraph in _lead_body(doc):
        if paragraph.index >= first_turn:
            break
        said_on, _ = read_date(_outside_quotes(doc, paragraph.start, paragraph.end), doc.published)
        if said_on is not None and doc.published is not None and 0 <= (doc.published - said_on).days <= 7:
            return said_on
    return _interview_note_date(doc)


# "This interview was conducted in Kyiv on Wednesday and has been edited for length.": the editor's note, often
# after the last answer.
INTERVIEW_NOTE_RE = re.compile(
    r"(?:this|the) (?:interview|conversation) (?:was|has been) (?:conducted|recorded|held|given)"
    r"|(?:this|the) (?:interview|conversation) took place"
)


def _interview_note_date(doc: Document) -> date | None:
    """The day an interview's closing note gives: its last two paragraphs."""
    for paragraph in doc.paragraphs[-2:]:
        if INTERVIEW_NOTE_RE.search(doc.lower, paragraph.start, paragraph.end):
            said_on, _ = read_date(doc.lower[paragraph.start : paragraph.end], doc.published)
            if said_on is not None and doc.published is not None and 0 <= (doc.published - said_on).days <= 7:
                return said_on
    return None


FULL_DATE_RE = re.compile(r"(?<![\w-])(?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9},? \d{4})(?![\w-])")
STAMP_RE = re.compile(r"(?<![\w-])(?:updated|published|posted|modified)(?![\w-])")


def header_date(doc: Document) -> date | None:
    """A heading line dated in full ("..., Moscow, June 2, 2026", "May 5, 2026, 19:20, The Kremlin"): the day of
    the event a transcript or a readout records. A page's own time stamp ("Last Updated: ...") is not."""
    for paragraph in doc.paragraphs[:4]:
        if doc.zones[paragraph.index] == BODY:
            break
        line = doc.lower[paragraph.start : paragraph.end]
        if FULL_DATE_RE.search(line) and not STAMP_RE.search(line):
            said_on, _ = read_date(line, doc.published)
            if said_on is not None and doc.published is not None and 0 <= (doc.published - said_on).days <= 7:
                return said_on
    return None
