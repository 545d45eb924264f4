"""Which issues a statement addresses, and the speaker's stance on each issue's proposition."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entries import IssueStance
from .registry import IssuePatterns

# Negations flip the polarity of what they govern.
NEGATION_RE = re.compile(
    r"(?<![\w'-])(?:not|no|never|n't|cannot|without|hardly|barely|neither|nor|none|nothing|nobody|"
    r"unwilling|unable|impossible|refus\w*|reject\w*|oppos\w*|against|rule out|ruled out|won't|can't|don't|"
    r"doesn't|didn't|isn't|aren't|wasn't|weren't|wouldn't|couldn't|shouldn't)(?![\w-])"
)
# Words that judge something bad, whatever their grammar.
NEGATIVE_RE = re.compile(
    r"(?<![\w'-])(?:regime|neo-?nazi\w*|russophob\w*|illegitimate|unacceptable|absurd\w*|nonsense|provocat\w+|"
    r"sham|farce|trap|lies|lie|lying|deceptive|dangerous|threats?|hostile|aggressive|aggression|useless|"
    r"pointless|meaningless|dead end|red lines?|non-starter|capitulation|surrender|ultimatums?|blackmail|"
    r"theft|robbery|steal\w*|illegal|unlawful|violat\w+|sabotag\w+|undermin\w+|destroy\w*|hypocri\w+|"
    r"out of the question|no way|no sense|not acceptable|too high a price|doomed|fail\w*|mistake)(?![\w-])"
)
POSITIVE_RE = re.compile(
    r"(?<![\w'-])(?:welcom\w+|support\w*|back\w*|endors\w+|ready|readiness|willing|agreed|agree|agrees|"
    r"important|essential|crucial|vital|key|necessary|need|needs|must|should|want|wants|committed|"
    r"commitment|open to|in favou?r|good|great|nice|constructive|productive|positive|useful|hope\w*|"
    r"invit\w+|propos\w+|offer\w*|call\w* for|urg\w+|demand\w*|insist\w*|guarantee\w*|sign\w*|"
    r"finali[sz]ed|100%|progress)(?![\w-])"
)
CONDITIONAL_RE = re.compile(
    r"(?<![\w'-])(?:only if|only when|only after|unless|provided that|provided|on condition|conditions?|"
    r"as long as|in exchange|in return|reciproc\w+|must be part of|must include|must take into account|"
    r"depends on|depending on|subject to|on (?:our|its|their) (?:own )?terms|instead|if (?:\w+ ){0,4}(?:too|"
    r"also|as well|ready|willing|agrees?|stops?|halts?|does the same)|only on|as soon as|once (?:the|a|russia|"
    r"ukraine|moscow|kyiv)|after a (?:peace )?(?:deal|agreement|settlement))(?![\w-])"
)
WEAK_CONDITIONAL_RE = re.compile(r"(?<![\w'-])if(?![\w-])")
PROGRESS_RE = re.compile(
    r"(?<![\w'-])(?:close to|closer|very close|progress|discuss\w*|under discussion|on the table|working on|"
    r"work on|negotiat\w+|talks on|focus\w*|agenda|no decision|not yet|too early|consider\w*|"
    r"\d+ ?(?:%|per ?cent) (?:agreed|ready|done)|remains? (?:open|unresolved)|unresolved|sticking point|"
    r"sticky point|differences|narrow\w*|raised|address\w*|studying|study)(?![\w-])"
)
SUPPORT_CLAIM_RE = re.compile(
    r"(?<![\w'-])(?:we (?:have )?agreed|agreed to from|(?:we|i) (?:fully )?support|we are ready|i am ready|"
    r"we're ready|i'm ready|from our side|we back|we welcome|(?:is|are|was|were) (?:\w+ )?ready)(?![\w-])"
)
OTHERS_WANT_RE = re.compile(
    r"(?<![\w'-])(?P<who>the us|the united states|washington|the americans|russia|moscow|the kremlin|kyiv|"
    r"ukraine|the ukrainians|the russians|europe|the europeans|they|the other side|putin|trump|zelensk\w+|"
    r"the white house)\s+(?:\w+\s+){0,2}?(?:wants?|wanted|demands?|demanded|is demanding|proposes?|"
    r"proposed|insists?|insisted|is pushing|pushes|seeks?|sought|expects?|would like|is asking|asks|asked)"
    r"(?![\w-])"
)
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘'])")

NEGATIVE_CUES = frozenset(
    [
        "reject",
        "rejects",
        "rejected",
        "refuse",
        "refuses",
        "refused",
        "deny",
        "denies",
        "denied",
        "dismiss",
        "dismisses",
        "dismissed",
        "condemn",
        "condemns",
        "condemned",
        "criticised",
        "criticized",
        "criticises",
        "criticizes",
        "ruled",
        "rules",
        "accuse",
        "accuses",
        "accused",
        "blamed",
        "questioned",
    ]
)
POSITIVE_CUES = frozenset(
    [
        "welcomed",
        "welcomes",
        "praised",
        "praises",
        "hailed",
        "propose",
        "proposes",
        "proposed",
        "urge",
        "urges",
        "urged",
        "demand",
        "demanded",
        "call",
        "calls",
        "called",
        "calling",
        "pledged",
        "promised",
        "vowed",
    ]
)

SUPPORTS, CONDITIONAL, NEUTRAL, OPPOSES = "supports", "conditional", "neutral", "opposes"


@dataclass(frozen=True)
class IssueContext:
    """What the classifier reads for one statement (all lower-case, diacritics folded)."""

    quote: str  # the statement's own words
    sentence: str  # the sentence(s) around it, quote included
    neighbours: str  # the sentences before and after, for short statements with no cue of their own
    cue: str  # the cue verb of a paraphrase ("rejected"), or ""
    speaker_party: str
    other_parties: dict[str, str]  # phrase -> party, for "X wants ..." reports


def _count_outside(pattern: re.Pattern[str], text: str, excluded: list[tuple[int, int]]) -> int:
    count = 0
    for match in pattern.finditer(text):
        if not any(start <= match.start() < end for start, end in excluded):
            count += 1
    return count


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)] if pattern is not None else []


def tag_issues(context: IssueContext, patterns: tuple[IssuePatterns, ...]) -> dict[str, IssueStance]:
    tagged: dict[str, IssueStance] = {}
    short = len(context.quote.split()) < 14
    for issue in patterns:
        strong = _spans(issue.strong, context.quote)
        weak = _spans(issue.weak, context.quote)
        if strong:
            confidence = 0.85
        elif weak and (
            issue.strong
            and (issue.strong.search(context.sentence) or issue.strong.search(context.neighbours))
        ):
            confidence = 0.6
        elif not weak and short and issue.strong and issue.strong.search(context.sentence):
            strong_outside = issue.strong.search(context.sentence)
            confidence = 0.55 if strong_outside else 0
        else:
            confidence = 0
        if confidence == 0:
            continue
        stance, stance_confidence = decide_stance(context, issue, strong or weak)
        tagged[issue.issue.slug] = IssueStance(stance, round(min(confidence, stance_confidence), 2))
    return tagged


def _local_text(quote: str, cue_spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence of the quote holding the issue cue, and the one after it (multi-sentence quotes)."""
    if not cue_spans or len(quote) < 240:
        return quote, cue_spans
    bounds = [0] + [match.end() for match in SENTENCE_SPLIT_RE.finditer(quote)] + [len(quote)]
    first_cue = cue_spans[0][0]
    for index in range(len(bounds) - 1):
        if bounds[index] <= first_cue < bounds[index + 1]:
            start, end = bounds[index], bounds[min(index + 2, len(bounds) - 1)]
            shifted = [(s - start, e - start) for s, e in cue_spans if start <= s < end]
            return quote[start:end], shifted
    return quote, cue_spans


def decide_stance(
    context: IssueContext, issue: IssuePatterns, cue_spans: list[tuple[int, int]]
) -> tuple[str, float]:
    local, cue_spans = _local_text(context.quote, cue_spans)
    if _reports_others(local, context):
        return NEUTRAL, 0.6
    negations = _count_outside(NEGATION_RE, local, cue_spans)
    negative = _count_outside(NEGATIVE_RE, local, cue_spans)
    positive = _count_outside(POSITIVE_RE, local, cue_spans)
    cue_word = context.cue.split()[0] if context.cue else ""
    if CONDITIONAL_RE.search(local) or (WEAK_CONDITIONAL_RE.search(local) and not negations and not negative):
        return CONDITIONAL, 0.6
    if cue_word in NEGATIVE_CUES:
        polarity = -1
    else:
        polarity = -1 if negations % 2 else 1
        if negative > positive:
            polarity = -1
        if polarity > 0 and not positive and PROGRESS_RE.search(local) and not SUPPORT_CLAIM_RE.search(local):
            return NEUTRAL, 0.55
        if polarity > 0 and PROGRESS_RE.search(local) and not SUPPORT_CLAIM_RE.search(local) and not negative:
            return NEUTRAL, 0.5
    if issue.inverse is not None and issue.inverse.search(local):
        polarity = -polarity
    confidence = 0.7 if (negations or negative or positive or cue_word) else 0.5
    return (SUPPORTS if polarity > 0 else OPPOSES), confidence


def _reports_others(local: str, context: IssueContext) -> bool:
    for match in OTHERS_WANT_RE.finditer(local):
        who = match.group("who")
        party = context.other_parties.get(who, "")
        if who in ("they", "the other side") or (party and party != context.speaker_party):
            return True
    return False
