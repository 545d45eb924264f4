"""Which issues a statement addresses, and the speaker's stance on each issue's proposition."""

from __future__ import annotations

import bisect
import re
import re._constants as sre_constants
import re._parser as sre_parse
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from .entries import IssueStance
from .issue_lexicon import DEFAULT_LEXICON
from .lexicon import NEGATIVE_CUE_VERBS
from .regexes import regrouped
from .registry import IssuePatterns


class Hinted:
    """A regex tried only on texts that hold one of the words each of its matches contains: a scan for a few
    plain words is many times faster than a long alternation tried at every word."""

    def __init__(self, pattern: str, hints: tuple[str, ...]) -> None:
        self.regex = re.compile(pattern)
        self.hints = hints

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.regex.search(text, *bounds) if contains_any(text, self.hints) else None


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether text holds one of the words: a loop of substring tests, several times faster than a regex of
    the words (or any() over a generator) on a statement's few hundred characters."""
    for word in words:  # noqa: SIM110 - a plain loop, not any() over a generator: the point is speed
        if word in text:
            return True
    return False


# Negations flip the polarity of what they govern.
NEGATION_RE = re.compile(
    # "spare no effort", "no doubt": idioms of resolve, not a negation.
    # "Our position has not changed": the same position held, not a negation of it.
    # "within weeks, if not days": an estimate, not a negation.
    # "time is not on his side": pressure on the other side, not a negation of the pressure.
    # "we are not going to be found wanting": a pledge to do one's part, not a negation.
    r"(?<![\w'-])(?:(?<!if )not(?! changed)(?! on (?:[\w']+ )?side(?![\w-]))(?! (?:going to )?be found wanting)|no(?! (?:effort|efforts|doubt)(?![\w-]))|never(?! changed)|n't(?! changed)|cannot|without|hardly|barely|neither|nor|none|nothing|nobody|"
    r"unwilling|unable|impossible|refus\w*|reject\w*|exclud(?:e|es|ed|ing)|oppos\w*|object|objects|objected|objections?|veto\w*|block|blocks|blocked|blocking|rule out|ruled out|(?:is|are|am|was|were|be|been|voted|votes?|argued|argues|spoke|speaks|warned|warns|firmly|strongly) against|won't|can't|don't|"
    r"doesn't|didn't|isn't|aren't|wasn't|weren't|wouldn't|couldn't|shouldn't)(?![\w-])"
)
# Words that judge something bad, whatever their grammar.
NEGATIVE_RE = re.compile(
    # "The Kiev regime", "the neo-Nazi regime": a label for the other side, not a judgement on the proposition.
    r"(?<![\w'-])(?:(?<!kiev )(?<!kyiv )(?<!nazi )(?<!zelensky )(?<!zelenskyy )(?<!ukrainian )regime(?! in ki)|"
    r"neo-?nazi\w*(?! regime)|russophob\w*|bridgehead|springboard|forward base|anti-russia|(?:too )?risky|illegitimate|unacceptable|absurd\w*|nonsense|provocat\w+|"
    r"sham|farce|trap|lies|lie|lying|deceptive|dangerous|threats?|hostile|aggressive|aggression|useless|"
    r"pointless|meaningless|dead end|red lines?|non-starter|capitulation|surrender|ultimatums?|blackmail|"
    r"theft|robbery|steal\w*|illegal|unlawful|violat\w+|sabotag\w+|undermin\w+|destroy\w*|hypocri\w+|"
    r"out of the question|no way|no sense|not acceptable|too high a price|doomed|fail\w*|mistake|prolong\w*|"
    r"rearm\w*|regroup\w*|(?:safeguard|protect|defend)\w* (?:the |its |their |our )?(?:legitimate|lawful) "
    r"(?:rights and interests|interests)|destruction|legitimate (?:\w+ )?targets?|(?:treated|regarded|seen|considered) as (?:\w+ )?targets?|pretext|smokescreen|obstruct\w*|buy time|"
    r"declaration of war|danger\w*|reckless|escalat\w+|slogan|hurt\w*|(?<!reduces )(?<!reduce )(?<!reducing )(?<!minimi[sz]e )harm\w*|damag\w*|backfir\w*|"
    r"counterproductive|suicide|root causes?|playing at|retaliat\w+|lawsuits?|insufficient|inadequate|"
    r"not serious|nothing to do with|unrealistic|unworkable|fantas\w+|naive|delusion\w*|pipe dream|wishful|"
    r"utopian|impractical|destructive|(?:legal|huge|enormous|serious|big|great|major|significant|financial) risks?|"
    r"off the (?:table|agenda)|(?:is|was|remains|are|were) (?:now )?closed|"
    r"(?:tough|harsh|mirror) response|countermeasures|resum\w+ (?:\w+ )?(?:strikes|attacks|shelling|bombing|fighting)|adventur\w+|at risk|(?:receive|get|be met with|meet) "
    r"(?:a |an )?(?:\w+ )?response)(?![\w-])"
)
POSITIVE_RE = re.compile(
    r"(?<![\w'-])(?:welcom\w+|support\w*|back\w*|endors\w+|ready|readiness|willing|agreed|agree|agrees|"
    r"important|essential|crucial|vital|key|necessary|need|needs|must|should|want|wants|committed|"
    r"commitment|open to|in favou?r|good|great|nice|constructive|productive|positive|useful|hope\w*|"
    r"invit\w+|propos(?:e|es|ed|ing)|offer\w*|call\w* for|urg\w+|demand\w*|insist\w*|guarantee\w*|sign(?:s|ed|ing)?|"
    r"finali[sz]ed|100%|progress|remarkable|historic|excellent|landmark|strong|step forward|breakthrough)(?![\w-])"
)
# Explicit endorsement: outweighs a progress report ("largely finished, and the US strongly backs them").
ENDORSE_RE = Hinted(
    r"(?<![\w'-])(?:(?:strongly|fully|firmly) (?:\w+ )?|we |i )(?:back|backs|backed|support\w*|welcom\w+|endors\w+)|"
    r"(?:remarkable|historic|excellent|landmark|breakthrough)(?![\w-])",
    (
        "back",
        "support",
        "welcom",
        "endors",
        "remarkable",
        "historic",
        "excellent",
        "landmark",
        "breakthrough",
    ),
)
# "Can contingents provide guarantees? Definitely not": a question answered with a no.
ANSWERED_NO_RE = re.compile(
    r"\?[\"'”’]?\s+(?:(?:definitely|certainly|of course|absolutely|clearly|obviously|surely)\s+)?(?:not|no)\b"
)
# "... before any ceasefire is signed": the cue's issue waits on something else.
# Some short patterns below check the character before a word after its first letter ("b(?<![\w'-]b)efore" is
# "(?<![\w'-])before"): a pattern that starts with a letter lets the regex engine skip to that letter, where
# one that starts with a look-behind is tried at every position of the text.
BEFORE_CUE_RE = re.compile(
    r"(?:b(?<![\w'-]b)efore|p(?<![\w'-]p)rior to)\s+(?:any\s+|a\s+|an\s+|the\s+)?(?:\w+\s+)?$"
)
# Energy strikes: the proposition is a halt by agreement. Describing an attack is not a stance on that.
# "We have shown restraint": holding back one's own strikes is a halt too.
ENERGY_HALT_RE = re.compile(
    r"(?<![\w'-])(?:cease-?fire|truce|moratorium|halt\w*|stop\w*|pause\w*|refrain\w*|restraint|suspen\w+|ban\w*|"
    r"end to|"
    r"agree\w*|deal|arrangements?|propos\w+|offer\w*|idea|mutual\w*|reciproc\w+|not (?:to )?strike|no strikes?|"
    r"(?:will|would) not (?:strike|hit|attack))(?![\w-])"
)
ENERGY_HIT_RE = re.compile(
    r"(?:h(?<![\w'-]h)it|s(?<![\w'-]s)(?:truck|trikes?)|t(?<![\w'-]t)argeted|a(?<![\w'-]a)ttacked)(?![\w-])"
)
CONTRAST_RE = re.compile(r",\s+(?:and\s+|but\s+)?not\s+(?!only\b)|n(?<!\wn)ot only\b")
# The cue sits in the condition itself ("no ceasefire until Ukraine leaves Donbas"): the speaker wants it.
CONDITION_HEAD_RE = re.compile(
    r"(?<![\w'-])(?:if|unless|until|provided(?: that)?|on condition that|before|only after|once)\s+[^,;:]*$"
)
# The confidence of a stance read from a condition: such an issue is dropped when the statement is mainly
# about another one ("send troops ... only if the US provided a security backstop" is about the troops).
IN_CONDITION = 0.45
# "ruled out a ceasefire before Ukrainian troops leave": rejected until something else happens.
# "rejected the idea, insisting on swaps in agreed batches": what is rejected is another form; the issue named
# after the insisting is backed on the speaker's own terms.
INSISTING_ON_RE = re.compile(
    r"[,;:]\s+(?:instead\s+)?(?:insisting|insisted|demanding|proposing|preferring|calling instead)\s+(?:instead\s+)?(?:on|that)\b"
)
REJECTED_THEN_INSISTING_RE = re.compile(
    r"(?<![\w'-])(?:rejected|refused|ruled out|dismissed|turned down|opposed|declined)\b[^.;]{0,80}[,;]\s+"
    r"(?:instead\s+)?insist(?:ing|ed|s)?\s*$"
)
UNTIL_RE = re.compile(
    r"(?:b(?<![\w'-]b)efore|u(?<![\w'-]u)n(?:til|less)|w(?<![\w'-]w)hile|s(?<![\w'-]s)o long as|"
    r"a(?<![\w'-]a)s long as)(?![\w-])"
)
# "withdrawal from Donbas is an indispensable condition for the cessation of hostilities": what comes before
# is demanded, what comes after is what the demand is set for.
CONDITION_FOR_RE = Hinted(
    r"(?<![\w'-])(?:is|are|was|were|be|remains?|as) (?:an? |the )?(?:\w+ )?(?:pre)?(?:condition|requisite)s? "
    r"(?:for|of)(?![\w-])",
    (
        "condition",
        "requisite",
    ),
)
# "without (what he called) "a clear American backstop"": the journalist's aside and marks may stand between.
WITHOUT_CUE_RE = re.compile(
    r"w(?<![\w'-]w)ithout\s+(?:what (?:he|she|they|it) (?:called|calls|described as)\s+)?(?:[\w\"“‘']+\s+){0,3}[\"“‘']?$"
)
REQUIRE_RE = re.compile(r"(?<![\w'-])(?:must|only|need\w*|requires?|demand\w*|insist\w*)(?![\w-])")
RECIPROCAL_RE = re.compile(
    r"(?<![\w'-])(?:too|also|as well|the same|ready|willing|agrees?|reciproc\w+)(?![\w-])"
)
# "dismissed the offer of short truces as insufficient": the speaker wants more of it.
INSUFFICIENT_RE = Hinted(
    r"(?<![\w'-])(?:insufficient|not enough|too (?:little|short|limited|small)|half-measures?|falls? short)(?![\w-])",
    (
        "insufficient",
        "not enough",
        "too ",
        "half-measure",
        "fall",
    ),
)
# "accused Europe of trying to obstruct the peace efforts": the accuser backs what the accused harms.
ACCUSE_RE = re.compile(r"^(?:accus|blam)\w*")
VICTIM_RE = re.compile(
    r"(?<![\w'-])(?:our|my|ukraine's|kyiv's|civilians?|homes?|people|blackouts?|outages?|repairs?|restore\w*|"
    r"damage\w*|casualt\w+|killed|wounded|without (?:power|heat|electricity)|knocked out|destroyed|offline)(?![\w-])"
)
CONDITIONAL_RE = re.compile(
    r"(?<![\w'-])(?:only (?:\w+ ){0,2}(?:if|when|after|once)|unless|provided that|provided|on condition|"
    r"(?:under|with|on) (?:\w+ )?conditions?|conditions? (?:that|must|are met|attached|for (?:a|an|any|the))|"
    # "sanctions stay as long as the war goes on", "for as long as it takes": how long, not on what terms; so is
    # "as long as Russia keeps bombing" (the other side's conduct going on).
    r"as long as(?! it takes| the (?:war|fighting|aggression|occupation|conflict) (?:goes on|lasts|continues|rages))"
    r"(?! (?:[\w'-]+ ){1,3}(?:keeps?|continues?|goes on|carries on)(?![\w-]))|"
    r"in exchange|in return|reciproc\w+|must (?:also )?(?:be part of|take into account|have a say in|have a seat at)|"
    r"but (?:\w+ )?(?:wants?|wanted|insists?|insisted|demands?|demanded|needs?|needed|requires?|required)|"
    r"depends on|depending on|subject to|on (?:our|its|their) (?:own )?terms|instead|if (?:\w+ ){0,4}(?:too|"
    r"also|as well|ready|willing|agrees?|stops?|halts?|does the same)|only on(?! paper)|as soon as(?! possible)|"
    # "once there is a ceasefire", "within three months of a ceasefire": after something else has happened.
    r"once there (?:is|are|has been|have been)|within (?:\w+ ){1,2}(?:days|weeks|months) (?:of|after) (?:a|the|any) "
    r"(?:\w+ )?(?:cease-?fire|truce|deal|agreement|settlement|armistice)|"
    r"once (?:the|a|russia|ukraine|moscow|kyiv|agreements?|\w+ (?:had|have|has|is|are) been|\w+ (?:is|are|was|were) "
    r"\w+ed|(?:\w+ )?(?:\w+ )?(?:troops|forces|army|soldiers|units) (?:leave|left|withdraw\w*|pull\w* out))|after (?:a|the) (?:peace )?(?:deal|agreement|settlement|cease-?fire|truce)|"
    r"only to (?:sign|finali[sz]e|conclude|seal)|only (?:in|at) (?:moscow|kyiv|kiev|the kremlin)|"
    r"(?:after|when|until) the (?:war|fighting|hostilities) (?:ends?|is over|stops?)|"
    r"(?:when|once|until|after) the guns (?:fall|go|have fallen|have gone) silent|martial law (?:is|has been|was|had been) lifted|"
    r"(?:lifting|end) of martial law|(?:need|needs|needed|require|requires|required) (?:the )?(?:approval|consent|"
    r"ratification|backing|green light) (?:of|from)|take into account (?:the )?(?:\w+ ){0,2}interests|(?:ready|willing|prepared|open)\b[^.;]{0,40}, but not|"
    r"(?:other|some|certain|several|a number of) (?:provisions|points|elements|clauses|parts)\b[^.]{0,80}"
    r"\b(?:cannot|can't|could not|will not|won't|do not|don't) (?:accept|agree|support|like)|for the sake of|"
    r"but only|only (?:as|once|through|in the context)|"
    # "A ceasefire is possible when the causes are removed", "Elections will be possible once martial law ends"
    r"(?:is|are|was|were|be|becomes?) (?:only )?(?:possible|feasible|realistic|conceivable) (?:when|once|after|if)\b|(?:are|is|am|were|was) not (?:\w+ )?against\b[^.;]{0,80}\bbut\b|"
    r"if (?:\w+ ){0,3}(?:does not|doesn't|do not|don't|will not|won't|stops?|ceases?|observes?|respects?)|"
    r"for (?:any|the|a|this) (?:\w+ )?(?:plan|deal|agreement|ceasefire|force) to (?:work|succeed|hold)|"
    r"(?:cannot|can't|impossible to|not possible to) [^.;]{0,40}\bwhile\b|"
    # ("cannot wait until next year" is haste, not a condition)
    r"(?:out of the question|off the (?:table|agenda)|impossible|not possible|no|not|never|cannot|can't|won't)\b[^.;]{0,60}\b(?:while|(?<!wait )until|"
    r"so long as|as long as|before)\b|only (?:\w+ ){0,2}(?:make sense|be possible|happen|take place|work)|give us\b[^.;]{0,60}\band (?:we|i) will|"
    r"(?:not|never|cannot|can't|won't|don't|doesn't|wouldn't|couldn't|reject\w*|refus\w*) [^.;]{0,50}\bwithout\b|(?:must|has to|have to|had to|needs? to) be (?:well |properly |"
    r"thoroughly |carefully )?prepared(?! to)|well[- ]prepared|need(?:s|ed)? (?:serious |significant |major |some )?"
    r"(?:changes|amendments|revisions|adjustments)|must be (?:changed|amended|revised)|with (?:changes|amendments)|"
    r"reserves? (?:its|the|our|their) right|needs? (?:to be )?discuss\w*|can be discussed|share the risks?|"
    r"risks? must be covered|"
    # Burden-sharing as the term: "Belgium cannot carry the risk alone", "will not be the only one holding the bag".
    r"(?:carry|carrying|bear|bearing|shoulder\w*|hold|holding|take|taking) (?:all )?(?:the |this )?(?:risks?|burden|"
    r"liabilit(?:y|ies)|bag)\b[^.;]{0,30}\balone|alone (?:carry\w*|bear\w*|shoulder\w*|hold\w*|tak\w+) (?:the |this )?"
    r"(?:risks?|burden|liabilit(?:y|ies))|only one (?:left )?(?:holding|carrying|bearing) (?:the |this )?(?:risks?|burden|"
    r"liabilit(?:y|ies)|bag)|"
    r"(?:would|will|must|should|has to|have to|needs? to)\s+(?:have to\s+)?be\s+(?:approved|ratified|endorsed|"
    r"put to|decided by|backed by)|(?:in|by|through) a (?:national )?referendum|"
    # Timing as a term: "a summit only at the final stage", "relief at the end of the road", "to crown a finished
    # agreement", "when the conditions are ripe".
    r"(?:at|in) the (?:very |final |last )?(?:end of the (?:road|process)|final (?:stage|phase)|last stage|very end)|"
    r"(?:crown|seal|sign) a (?:finished|completed|ready) (?:\w+ )?(?:agreement|deal|text|document)|"
    r"when (?:the |all the )?(?:conditions|documents|papers) are (?:ripe|right|ready)|"
    # Scope as a term: "the moratorium applies only to facilities not used by the army", "only within the limits".
    r"(?:appl(?:y|ies|ied)|extends?|covers?) only to|only within|"
    # Linked to the rest: "could not be separated from the broader negotiations", "tied to a final settlement"
    # ("should never have been tied to anything else" unties it).
    r"(?:cannot|can't|could not|couldn't|must not|should not|will not|won't) be (?:separated|de-?coupled|"
    r"de-?linked|detached) from|(?<!been )(?:tied|linked) (?:closely )?to (?:a |the |any )?(?:\w+ )?(?:deal|"
    r"agreement|settlement|negotiations|talks|package)|(?:is|are|was|were|be|remains?) contingent (?:up)?on)"
    r"(?![\w-])"
)
# Reports on how the talks stand, which refer to the deal under discussion without naming it.
ASSESSMENT_RE = re.compile(
    r"(?<![\w'-])(?:progress|closer|(?:deal|agreement|peace) is (?:\w+ )?close|finished|far from|"
    r"remains? open|insurmountable|not (?:there|finished|done) yet|narrow(?:ed|ing)? the gaps?|gaps? (?:\w+ )?narrow\w*|distance between|one issue|work remains|nothing official|moving forward|"
    r"(?:productive|substantive|constructive) (?:\w+ )?(?:peace )?(?:talks|negotiations)|"
    r"\d+ ?(?:%|percent|per cent)|remaining issues|parameters|negotiating process)(?![\w-])"
)
# "any ceasefire must address the root causes": terms set for the issue itself (not when it is the content
# of the terms: "any settlement should include their lifting").
ANY_MUST_RE = re.compile(
    r"a(?<![\w'-]a)ny (?:[\w-]+ )?[\w-]+ (?:must|should|has to|will have to|would have to|needs? to)(?![\w-])"
)
# "would not accept a ceasefire that rewarded aggression"
# "They want us to leave Donbas, and we will not do it": after reporting the other side's demand, the speaker
# answers it.
OWN_REFUSAL_RE = re.compile(
    r"(?<![\w'-])(?:we|i)(?:'ll|'d)?\s+(?:\w+\s+)?(?:not|never|won't|wouldn't|cannot|can't|don't|do not|will not|"
    r"refuse\w*|reject\w*)(?![\w'-])"
)
# "a paper that proposes a 60-day ceasefire", "the U.S. proposal envisaged joint operation": a text's contents.
DOCUMENT_SAYS_RE = Hinted(
    r"(?<![\w'-])(?:paper|document|draft|plan|proposal|text|memorandum|framework|version)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:that |which )?(?:proposes|proposed|envisages|envisaged|envisions|envisioned|provides for|provided for|"
    r"foresees|foresaw|stipulates|stipulated|calls for|called for|(?:would )?requires?|required|sets out|set out|"
    r"(?:would )?obliges?|obliged)(?![\w-])|"
    # "under the US plan, Ukraine would give up ...": what the text would make happen.
    r"u(?<![\w'-]u)nder (?:the|a|this|that|its|their) (?:[\w.-]+ ){0,3}?(?:plan|proposal|draft|framework|"
    r"memorandum|blueprint|terms|document)s?,?\s",
    (
        "propos",
        "envis",
        "provide",
        "fores",
        "stipulat",
        "call",
        "requir",
        "set out",
        "oblige",
        "under ",
    ),
)
FORM_BEFORE_RE = re.compile(
    # "warned against a ceasefire that would let Russia regroup": the same refusal of one form.
    r"(?:(?:not|never|cannot|can't|won't|wouldn't|don't|doesn't|refuse to|reject)\s+(?:\w+\s+)?(?:accept|agree to|"
    r"sign|support|back|endorse|want)|(?<![\w'-])against)\s+(?:a|an|any)\s+(?:[\w-]+\s+)?$"
)
# A reported clause that opens with "against" ("warned against", "argued against", "lobbied against ..."): the
# speaker rejects what it names.
AGAINST_HEAD_RE = re.compile(r"against\s")
# For the issues whose proposition is a halt (the fighting, the strikes on the grid), the cue may name the harm
# itself: rejecting "strikes on power plants" or "ceasefire violations" backs the halt.
HALT_ISSUES = frozenset(["ceasefire", "energy-strikes"])
HARM_RE = re.compile(
    r"(?<![\w'-])(?:strikes?|striking|attacks?|attacking|shelling|bombing|bombardment|violations?|violating|breach\w*|"
    r"shooting|killing|bloodshed)(?![\w-])"
)
HARM_OF_RE = re.compile(r"\s+(?:on|of|against|at|targeting)\s+(?:[\w'-]+\s+){0,3}")
HALT_RE = re.compile(
    r"(?<![\w'-])(?:halt\w*|stop\w*|end|ending|pause\w*|moratorium|cease-?fire|truce|cessation|freeze|ban\w*|"
    r"no more|renounc\w+)(?![\w-])"
)
FORM_AFTER_RE = re.compile(r"\s+(?:that|which)\s")
# "ready to discuss guarantees, but not guarantees that make it a NATO member": what follows is refused.
BUT_NOT_RE = re.compile(r",\s+but not\s+(?!only\b)")
# Words on what the talks yielded. "Constructive" is the diplomats' word for a meeting's mood ("the talks were
# constructive", "a constructive atmosphere"): no report on how the deal stands.
ATMOSPHERE_RE = re.compile(r"(?<![\w'-])(?:productive|substantive|meaningful)(?![\w-])")
TALKS_RE = re.compile(r"(?<![\w'-])(?:talks|negotiations|negotiating|process|round)(?![\w-])")
CALL_RE = re.compile(r"(?<![\w'-])(?:call|conversation|phone|dinner|lunch)(?![\w-])")
# Strikes named without a target: which ones is read from the sentences around.
STRIKES_RE = re.compile(
    r"(?<![\w'-])(?:strikes?|striking|attacks?|attacking|shelling|bombing)(?![\w-])(?!\s+(?:on|against|at)\b)"
)
MEET_OTHER_LEADER = {
    "ukraine": re.compile(r"(?<![\w'-])meet\w*\s+(?:with\s+)?(?:vladimir\s+)?putin\b|putin and i\b"),
    "russia": re.compile(r"(?<![\w'-])meet\w*\s+(?:with\s+)?(?:volodymyr\s+)?zelensk\w*|zelensk\w* and i\b"),
}
# Issues whose hostile cue words side with the proposition ("illegitimate" president: hold elections).
HOSTILE_CUES_SUPPORT = frozenset(["elections"])
GENERAL_CEASEFIRE_RE = re.compile(
    r"(?<!energy )(?<!infrastructure )(?:cease-?fire|truce|armistice|fighting|hostilities|killing|bloodshed)"
)
# "100% ready", "the text is 100 per cent": a share of the work done, not "a 100 per cent tariff" (a rate).
COMPLETE_RE = Hinted(
    r"(?<![\w'-])(?:100 ?(?:%|per ?cent)(?! (?:tariffs?|dut(?:y|ies)|tax\w*|levy|rise|increase|cut|stake|share)\b)|"
    r"fully (?:agreed|ready|finali[sz]ed)|finali[sz]ed)(?![\w-])",
    (
        "100",
        "fully",
        "finali",
    ),
)
# Words by which a speaker of no side (an analyst, an outlet) takes one: what must or should happen, wishes,
# calls and judgements. Without them such a speaker reports.
SIDE_TAKING_RE = re.compile(
    r"(?<![\w'-])(?:must|should|ought|need(?:s|ed)? to|has to|have to|had better|right|wrong|mistake|good|bad|"
    r"better|worse|best|worst|only way|(?:is|are|was|were) (?:the )?(?:key|essential|vital|crucial|necessary)|"
    # Wishes and refusals are the speaker's own in the first person; "Kyiv wants", "Moscow rejected" report.
    r"(?:i|we)(?: \w+)?? (?:\w+ )?(?:want\w*|need\w*|wish\w*|hope\w*|call\w* (?:for|on)|urg\w+|demand\w*|insist\w*|"
    r"support\w*|back(?:s|ed|ing)?|endors\w+|welcom\w+|oppos\w+|reject\w*|refus\w*|veto\w*|block\w*|"
    r"condemn\w*|ready|willing)|"
    # In a paraphrase "he", "she" or "it" is most often the speaker: "the ICRC said it welcomed any step",
    # "renewed its call to allow visits" (where "Moscow wants" reports another).
    r"(?:he|she|it)(?: \w+)?? (?:welcom\w+|call\w* (?:for|on)|urg\w+|appeal\w*)|(?:its|his|her) (?:\w+ )?"
    r"(?:calls?|appeals?) (?:for|to|on))(?![\w-])"
)
WEAK_CONDITIONAL_RE = re.compile(
    # "within weeks, if not days": an estimate. "If we want peace, we need ...", "if Moscow is serious, let it
    # start here": a goal or a premise the speaker sets out, not terms on the issue.
    r"i(?<![\w'-]i)f(?![\w-])(?! not\b)(?!(?: [\w'-]+){1,3}? (?:wants?|wanted|wish\w*|thinks?|thought|believes?|"
    r"(?:is|are|was|were) (?:really |truly )?serious)(?![\w-]))"
)
# Words naming a topic of the talks: a report on it unless the statement takes a side.
TOPIC_RE = re.compile(
    r"(?<![\w'-])(?:working on|work on|negotiat\w+|talks on|focus\w*|"
    r"agenda|consideri\w*|consideration|raised|address\w*|studying|study|examin\w+|review\w*|working groups?|"
    r"take note|taken note|noted)(?![\w-])"
)
PROGRESS_RE = re.compile(
    r"(?<![\w'-])(?:close to|closer|very close|progress|no decision|not yet|too early|discuss\w*|under discussion|"
    r"(?:talk|talked|talking|spoke|spoken|speak|speaking) (?:\w+ ){0,3}?about|touched (?:up)?on|"
    r"exchang\w+ (?:of )?views|"
    r"on the table|"
    r"\d+ ?(?:%|per ?cent) (?:agreed|ready|done)|(?<!must )(?<!should )(?<!will )remains? (?:open|unresolved)|unresolved|sticking point|"
    r"(?:question|issue|matter|topic|problem) of [^,.;]{1,40}? (?:is|was|remains?) (?:the |a )?(?:key|central|"
    r"crucial|critical|decisive|fundamental|pivotal|main)|"  # "The question of Donbas is key": what matters, no side
    r"sticky point|differences|different positions|(?:far|wide|still) apart|narrow\w*|(?:most |very )?(?:difficult|sensitive|"
    r"complicated|thorny)|to be (?:settled|resolved|decided|discussed|agreed|worked out)|left (?:for|to)|"
    r"may have to|not dead|not (?:been )?discussed|nearly|almost|largely|within reach|unsettled|undecided|"
    r"stalled|deadlock\w*|not moved|stumbling block|(?:main|biggest|key|major|remaining) (?:obstacle|problem)|"
    r"(?:is|remains) (?:still )?the problem|\d+ ?(?:percent|per cent)|(?:issues|questions|points|matters|things) "
    r"(?:\w+ )?(?:left |still )?to (?:resolve|settle|be resolved|be settled|work out|be worked out)|"
    r"(?:(?<!be )no|not reach\w*|not (?:yet )?(?:found|agreed)) (?:a |any )?compromise|"
    # "they expected a compromise before the end of the week": a forecast of the talks.
    r"expect\w* (?:a |an |the )?(?:compromise|deal|agreement|decision|breakthrough)|"
    # "a deal next week was unlikely", "we will probably end up with a paragraph": how the odds stand.
    r"(?:un)?likely|probably|"
    # "the humanitarian issues are being resolved", "moving slowly but concretely": how the work goes.
    r"(?:is|are) being (?:resolved|settled|worked out|implemented)|slowly|gradually|step by step)(?![\w-])"
)
# Reports that the issue stands open, whatever negation they carry ("had not been discussed").
OPEN_RE = Hinted(
    r"(?<![\w'-])(?:not (?:yet )?(?:been )?(?:discussed|decided|settled|resolved|agreed)|no decision|not on the table|"
    r"(?:has|had|have) not moved|(?:did not|didn't|failed to) reach (?:a |any )?compromise|"
    r"no compromise (?:\w+ )?(?:was|has been|had been|is) (?:yet )?(?:reached|found|chosen)|not (?:there|finished) yet|"
    r"not yet (?:finished|agreed|settled|decided)|take note|taken note|remains? unlikely|"
    r"(?<!must )(?<!should )(?<!will )remain(?:s|ed)? (?:open|unresolved|unsettled|undecided)|(?:made |making )?(?:no|little) "
    r"(?:real )?progress|not on the agenda|(?:has|have|had) not yet \w+ed|(?:has|have|had) yet to|"
    r"(?:has|have|had) not (?:yet )?(?:received|seen)|no date (?:has |had |have )?(?:yet )?(?:been )?(?:set|fixed|agreed)|"
    r"no (?:concrete |specific |immediate |firm )?plans? (?:yet |so far |for now )?(?:for|to)|not (?:part of|on|among) (?:the )?"
    r"(?:current |ongoing |present )?(?:talks|negotiations|discussions|agenda)|"
    # "failed to narrow their differences on a ceasefire", "nobody has seriously discussed it": still open.
    r"(?:failed|unable|did not manage|didn't manage) to (?:narrow|bridge|close|resolve|overcome|settle) "
    r"(?:their |the |remaining |the remaining )?(?:differences|gaps?|disagreements?|divisions?)|"
    r"(?:nobody|no one) (?:has|had|have) (?:\w+ )?discussed)(?![\w-])",
    ("not", "n't", "failed", "unable", "no ", "remain", "progress", "yet to", "nobody", "no one"),
)
# "give up X in exchange for security guarantees": what is asked for in return is backed.
IN_RETURN_RE = re.compile(
    r"(?:in exchange for|in return for|in return,?|as a compensation for)\s+(?:\w+\s+){0,4}$"
)
# "Everything depends on whether there is real pressure on Russia": what all hangs on is wanted.
DEPENDS_ON_CUE_RE = re.compile(
    r"d(?<![\w'-]d)epends? (?:entirely |only |above all )?on (?:whether |how |what )?(?:there is |there are )?"
    r"(?:\w+\s+){0,3}$"
)
SUPPORT_CLAIM_RE = Hinted(
    r"(?<![\w'-])(?:we (?:have )?agreed|agreed to from|(?:we|i) (?:fully )?support|we are ready|i am ready|"
    r"we're ready|i'm ready|from our side|we back|we welcome|(?:is|are|was|were) (?:\w+ )?ready|"
    r"(?:leaders|sides|parties|both|they|presidents|delegations) (?:have |had )?agreed)(?![\w-])",
    (
        "agreed",
        "support",
        "ready",
        "from our side",
        "we back",
        "we welcome",
    ),
)
OTHERS_WHO = (
    r"(?<![\w'-])(?P<who>the us|the united states|washington|the americans|the (?:us|u\.s\.|american|russian|"
    r"ukrainian|european) (?:side|delegation|negotiators)|russia|moscow|the kremlin|kyiv|kiev|the (?:kiev|kyiv) (?:regime|authorities)|"
    r"ukraine|the ukrainians|the russians|europe|the europeans|they|the other side|putin|trump|zelensk\w+|"
    r"the white house|(?:some |several |many |other |most )?(?:eu |european |western )?(?:capitals|governments|"
    r"member states|officials|diplomats|allies|partners))"
)
OTHERS_WANT_RE = re.compile(
    OTHERS_WHO + r"\s+(?:(?!said\b|says\b|told\b|added\b)\w+\s+){0,2}?"
    r"(?:wants?|wanted|demands?|demanded|"
    r"is demanding|proposes?|(?:are|were|is|was) (?:preparing|planning|considering|weighing|drafting)|feared|fear|"
    r"(?:are|were|is|was|has been|had been) (?:still |also |now |again )?(?:demanding|insisting|pushing|seeking|"
    r"asking|proposing|offering|"
    r"pressing)|(?:had |has |have )?offered|offers|"
    r"proposed|insists?|insisted|is pushing|pushes|seeks?|sought|expects?|would like|is asking|asks|asked|"
    r"(?:had |has |have )?(?:floated|tabled|put forward|suggested|presented)|"
    r"told (?:\w+\s+){1,3}(?:that\s+)?(?:he|she|it|they) (?:would|will|wants?|was ready|is ready))"
    r"(?![\w-])"
)
# "the Russian side raised the question of elections, arguing that ...": the argument is the other side's.
# Tried only when one of ARGUING_THAT is in the text.
OTHERS_ARGUE_RE = re.compile(
    OTHERS_WHO + r"\s[^.;:?!]{0,120}?, (?:arguing|insisting|demanding) that(?![\w-])"
)
ARGUING_THAT = (", arguing that", ", insisting that", ", demanding that")
# "Putin rejected the proposal": the other side refusing what the speaker reports it refused. The speaker
# backs the thing refused ("Today, Putin effectively rejected the proposal for a full ceasefire").
OTHERS_REFUSE_RE = re.compile(
    r"(?<![\w'-])(?P<who>the us|the united states|washington|russia|moscow|the kremlin|kyiv|ukraine|europe|"
    r"the europeans|putin|trump|zelensk\w+|the russians|the ukrainians|the (?:russian|ukrainian) side|"
    r"the (?:kiev|kyiv) (?:regime|authorities)|the enemy)\s+(?:\w+\s+){0,3}?"
    r"(?:reject|rejected|rejects|refuse|refused|refuses|dismissed|block|blocked|blocks|violate|violated|violates|violating|broke|breaks|ignored|"
    r"ignores|sabotaged|undermined|torpedoed|derailed|used|uses|took advantage of|exploited|resumed|resumes)(?![\w-])"
)
# The texts here are lower-cased: a sentence ends at . ! ? (maybe inside closing quotes) before a space.
REFUSED_BY_OTHERS_RE = re.compile(
    r"(?<![\w'-])(?:rejected|violated|broken|ignored|blocked|sabotaged|undermined|torpedoed|derailed)\s+by\s+"
    r"(?P<who>the us|the united states|washington|russia|moscow|the kremlin|kyiv|ukraine|europe|the europeans|putin|"
    r"trump|zelensk\w+|the russians|the ukrainians|the (?:russian|ukrainian) side|the (?:kiev|kyiv) (?:regime|authorities)|"
    r"the enemy)(?![\w-])"
)
# A part of every verb OTHERS_WANT_RE and the refusal patterns can match.
WANT_VERBS = ("want", "demand", "propos", "prepar", "plann", "consider", "weigh", "draft", "fear", "insist",
              "push", "seek", "ask", "offer", "press", "sought", "expect", "would like", "told", "float",
              "tabled", "put forward", "suggest", "present")  # fmt: skip
REFUSE_VERBS = ("reject", "refus", "dismiss", "block", "violat", "broke", "break", "ignor", "sabotag", "undermin",
                "torpedo", "derail", "used", "uses", "took advantage", "exploit", "resume")  # fmt: skip
DEMONYM_PARTY = {
    "the americans": "united-states",
    "the russians": "russia",
    "the ukrainians": "ukraine",
    "the us side": "united-states",
    "the u.s. side": "united-states",
    "the american side": "united-states",
    "the russian side": "russia",
    "the ukrainian side": "ukraine",
    **{
        f"the {demonym} {body}": party
        for demonym, party in (
            ("us", "united-states"),
            ("u.s.", "united-states"),
            ("american", "united-states"),
            ("russian", "russia"),
            ("ukrainian", "ukraine"),
        )
        for body in ("delegation", "negotiators")
    },
    "the kiev regime": "ukraine",
    "the kyiv regime": "ukraine",
    "the kiev authorities": "ukraine",
    "the kyiv authorities": "ukraine",
}
GROUP_RE = re.compile(r"(?:capitals|governments|member states|officials|diplomats|allies|partners)$")
# Where the next sentence of a quote starts (only match.end() is read): the stop is matched, not looked behind
# at, so the engine skips from stop to stop instead of trying every character.
SENTENCE_SPLIT_RE = re.compile(r"[.!?][\"”’'»]?\s+(?=[\w\"“‘'«])")
CLAUSE_SPLIT_RE = re.compile(
    r",\s+(?:saying|adding|but|while|whereas|although|though|insisting|arguing|noting|warning|which|who)\b|;|"
    r",?\s+because\b|"
    r",?\s+and that\b|"
    r"\s[—–]\s"
)
CLAUSE_SPLIT_RE = regrouped(CLAUSE_SPLIT_RE)  # same matches, fewer alternatives tried at each place

# The rejecting verbs of the attribution lexicon, and "questioned", which rejects only as a stance;
# "rule" is the bare form of "rule out" after an auxiliary ("did not rule out").
NEGATIVE_CUES = NEGATIVE_CUE_VERBS | {"questioned", "rule"}
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
        "offered",
        "offers",
        "backed",
        "backs",
        "supported",
        "supports",
        "endorsed",
        "endorses",
    ]
)

# Verbs that only say that words were said: unlike "urged" or "rejected", they lend the words no side.
PLAIN_SAYING = frozenset(
    ["say", "says", "said", "saying", "tell", "tells", "told", "add", "adds", "added", "adding", "state", "states",
     "stated", "note", "notes", "noted", "noting", "according", "recalled", "explained", "wrote", "writes",
     "posted", "reported", "reports", "remarked", "commented", "mentioned", "informed"]
)  # fmt: skip

SUPPORTS, CONDITIONAL, NEUTRAL, OPPOSES = "supports", "conditional", "neutral", "opposes"

# The longest word lists above, tried on every statement: regrouped by first letter (same matches, fewer
# alternatives tried at each word; see regexes.py).
NEGATION_RE, NEGATIVE_RE, POSITIVE_RE, CONDITIONAL_RE, OTHERS_WANT_RE, OTHERS_REFUSE_RE, TOPIC_RE, PROGRESS_RE = (
    regrouped(pattern)
    for pattern in (NEGATION_RE, NEGATIVE_RE, POSITIVE_RE, CONDITIONAL_RE, OTHERS_WANT_RE, OTHERS_REFUSE_RE,
                    TOPIC_RE, PROGRESS_RE)
)  # fmt: skip


def _compile_lexicon_field(name: str) -> dict[str, re.Pattern[str]]:
    compiled = {}
    for slug, lexicon in DEFAULT_LEXICON.items():
        patterns = getattr(lexicon, name)
        if patterns:
            compiled[slug] = regrouped(
                re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w])")
            )
    return compiled


EXCLUDE = _compile_lexicon_field("exclude")
INHERENT = _compile_lexicon_field("inherent")


def _kept(slug: str, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cue spans (relative to text) outside the issue's excluded phrases ("after a ceasefire")."""
    exclude = EXCLUDE.get(slug)
    if exclude is None or not spans:
        return spans
    excluded = [match.span() for match in exclude.finditer(text)]
    if not excluded:
        return spans
    return [(s, e) for s, e in spans if not any(start <= s and e <= end for start, end in excluded)]


@dataclass(frozen=True)
class IssueContext:
    """What the classifier reads for one statement (all lower-case, diacritics folded)."""

    quote: str  # the statement's own words
    sentence: str  # the sentence(s) around it, quote included
    neighbours: str  # the sentences before and after, for short statements with no cue of their own
    cue: str  # the cue verb of a paraphrase ("rejected"), or ""
    speaker_party: str
    other_parties: Mapping[str, str]  # phrase -> party, for "X wants ..." reports (.get is all that is used)
    # With an index of the whole article (IssueSpans), where quote, sentence and neighbours lie in it.
    found: IssueSpans | None = None
    quote_range: tuple[int, int] = (0, 0)
    sentence_range: tuple[int, int] = (0, 0)
    neighbour_ranges: tuple[tuple[int, int], ...] = ()
    # The statement's paragraph, the one before and the headline: the topic a weak cue ("guarantees") refers to.
    topic_ranges: tuple[tuple[int, int], ...] = ()


# Finding issue cues once per article. Every issue pattern starts with a word boundary, so it can only
# match where a word starts; every match starts with one of a few heads ("security guarantee" for "security
# guarantees?"), read from the parsed pattern. One regex finds the longest head at each word start, and only
# the patterns with a head that begins it are tried (``match``) there, which is many times faster than
# scanning the whole text with each of the issues' patterns. Patterns whose heads cannot be read are
# scanned in full. The longer the heads, the fewer places where a pattern is tried in vain ("ukrainian
# children", not every "ukrain...").

HEAD_SIZE = 24
MAX_HEADS = 200  # a pattern's heads stop growing when they would be more than this many
_ZERO_WIDTH = (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


MIN_HEAD = 2
SPACES = [(sre_constants.IN, [(sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)])]
DIGITS = frozenset("0123456789")


def _stuck(prefixes: frozenset[str]) -> frozenset[str] | None:
    """Where reading stops: the prefixes read so far serve as heads if they are long enough."""
    return prefixes if all(len(prefix) >= MIN_HEAD for prefix in prefixes) else None


def _chars(items: list) -> frozenset[str] | None:
    chars: set[str] = set()
    for item_op, item in items:
        if item_op == sre_constants.LITERAL:
            chars.add(chr(item))
        elif item_op == sre_constants.CATEGORY and item == sre_constants.CATEGORY_DIGIT:
            chars |= DIGITS
        else:
            return None
    return frozenset(chars) if len(chars) <= 12 else None


def _heads(ops: list, prefixes: frozenset[str], size: int) -> frozenset[str] | None:
    """Strings (``MIN_HEAD`` to ``size`` characters) one of which starts every match of ops, or None."""
    for index, (op, value) in enumerate(ops):
        if all(len(prefix) >= size for prefix in prefixes):
            break
        rest = list(ops[index + 1 :])
        if op == sre_constants.LITERAL:
            prefixes = frozenset(prefix + chr(value) for prefix in prefixes)
        elif op == sre_constants.IN:
            chars = _chars(value)
            if chars is None or len(prefixes) * len(chars) > MAX_HEADS:
                return _stuck(prefixes)
            prefixes = frozenset(prefix + char for prefix in prefixes for char in chars)
        elif op in _ZERO_WIDTH:
            continue
        elif op == sre_constants.BRANCH:
            found: set[str] = set()
            for branch in value[1]:
                heads = _heads([*branch, *rest], prefixes, size)
                if heads is None:
                    return None
                found |= heads
            return frozenset(found)
        elif op == sre_constants.SUBPATTERN:
            return _heads([*value[-1], *rest], prefixes, size)
        elif op in _REPEATS and value[0] >= 1 and list(value[2]) == SPACES:
            # "\s+" between words: one space in a head, which the heads regex reads as any run of spaces.
            prefixes = frozenset(prefix + " " for prefix in prefixes)
        elif op in _REPEATS:
            low, high, body = value
            if low >= 1 and high != 1:
                # "\d+": once through the body, then the body repeated one time less ("28-point").
                again = (op, (low - 1, high if high == sre_constants.MAXREPEAT else high - 1, body))
                return _heads([*body, again, *rest], prefixes, size)
            # Once through the body; then the rest only when the body cannot repeat.
            once = _heads([*body, *rest] if high == 1 else list(body), prefixes, size)
            if once is None:
                return None
            if low >= 1:
                return once
            skipped = _heads(rest, prefixes, size)
            return None if skipped is None else once | skipped
        else:
            return _stuck(prefixes)
    return _stuck(frozenset(prefix[:size] for prefix in prefixes))


def pattern_heads(pattern: re.Pattern[str], size: int = 4) -> frozenset[str] | None:
    """The heads of a pattern (see above), or None when they cannot be read from it."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None
    heads = _heads(list(parsed), frozenset([""]), size)
    if heads is None or not all(re.match(r"\w", head) for head in heads):
        return None
    return frozenset(head[:size] for head in heads)


KINDS = ("strong", "weak")
SPACES_RE = re.compile(r"\s+")


def _same_spacing(head: str) -> str:
    """A head as the heads regex reads it: any run of spaces is one, either apostrophe is "'"."""
    return SPACES_RE.sub(" ", head).replace("’", "'")


@dataclass
class IssueScanner:
    """Finds the strong and weak cues of every issue in an article in one pass (see above)."""

    by_head: dict[str, list[tuple[int, re.Pattern[str]]]] = field(default_factory=dict)
    heads_re: re.Pattern[str] | None = None
    by_match: dict[str, list[tuple[int, re.Pattern[str]]]] = field(default_factory=dict)
    full_scan: list[tuple[int, re.Pattern[str]]] = field(default_factory=list)
    keys: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, patterns: tuple[IssuePatterns, ...]) -> IssueScanner:
        scanner = cls()
        for issue in patterns:
            for kind in KINDS:
                pattern = getattr(issue, kind)
                if pattern is None:
                    continue
                number = len(scanner.keys)
                scanner.keys.append((issue.issue.slug, kind))
                heads = pattern_heads(pattern, HEAD_SIZE)
                if heads is None:
                    scanner.full_scan.append((number, pattern))
                    continue
                for head in heads:
                    scanner.by_head.setdefault(head, []).append((number, pattern))
        if scanner.by_head:
            from .registry import _trie_regex

            # A lookahead, so that a head spanning two words ("on ter") does not hide the heads inside it.
            scanner.heads_re = re.compile(r"(?<![\w-])(?=(" + _trie_regex(sorted(scanner.by_head)) + "))")
            # The regex finds the longest head at a place; the patterns of all heads that begin it go with it.
            by_spacing: dict[str, set[tuple[int, re.Pattern[str]]]] = {}
            for head, entries in scanner.by_head.items():
                by_spacing.setdefault(_same_spacing(head), set()).update(entries)
            for found in by_spacing:
                tried = set().union(*(by_spacing.get(found[:size], ()) for size in range(1, len(found) + 1)))
                scanner.by_match[found] = sorted(tried, key=lambda entry: entry[0])
        return scanner

    def scan(self, lower: str) -> IssueSpans:
        spans: list[list[tuple[int, int]]] = [[] for _ in self.keys]
        reached = [0] * len(self.keys)
        by_match = self.by_match
        for word in self.heads_re.finditer(lower) if self.heads_re is not None else ():
            position = word.start()
            tried = by_match.get(word.group(1))
            if tried is None:  # written with other spaces or apostrophes than the head
                tried = by_match[_same_spacing(word.group(1))]
            for number, pattern in tried:
                if position < reached[number]:
                    continue
                match = pattern.match(lower, position)
                if match is not None:
                    spans[number].append(match.span())
                    reached[number] = match.end()
        for number, pattern in self.full_scan:
            spans[number] = [match.span() for match in pattern.finditer(lower)]
        return IssueSpans(
            {key: found for key, found in zip(self.keys, spans, strict=True) if found}, text=lower
        )


@dataclass
class IssueSpans:
    """Where each issue's strong and weak cues stand in one article."""

    spans: dict[tuple[str, str], list[tuple[int, int]]]
    slugs: frozenset[str] = frozenset()
    text: str = ""  # the lower-cased article the spans index, when the scanner was given it
    _strong_counts: dict[str, int] | None = None
    # _kept_by_slug by range: the statements of a paragraph read the same topic ranges again.
    kept_by_range: dict[tuple[int, int], dict[str, list[tuple[int, int]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.slugs = frozenset(slug for slug, _ in self.spans)
        self.all = sorted(
            (start, end, slug, kind) for (slug, kind), spans in self.spans.items() for start, end in spans
        )
        self.starts = [entry[0] for entry in self.all]

    def by_slug(self, start: int, end: int, kind: str) -> dict[str, list[tuple[int, int]]]:
        """Cue spans of one kind inside [start, end), relative to start, by issue."""
        found: dict[str, list[tuple[int, int]]] = {}
        for index in range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)):
            span_start, span_end, slug, span_kind = self.all[index]
            if span_kind == kind and span_end <= end:
                found.setdefault(slug, []).append((span_start - start, span_end - start))
        return found

    def by_kind(
        self, start: int, end: int
    ) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
        """by_slug(start, end, "strong") and by_slug(start, end, "weak") in one pass over the range."""
        strong: dict[str, list[tuple[int, int]]] = {}
        weak: dict[str, list[tuple[int, int]]] = {}
        entries = self.all
        for index in range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)):
            span_start, span_end, slug, span_kind = entries[index]
            if span_end <= end:
                found = strong if span_kind == "strong" else weak
                found.setdefault(slug, []).append((span_start - start, span_end - start))
        return strong, weak

    def strong_counts(self) -> dict[str, int]:
        """How many strong cues of each issue the article holds; once per article. (Counting them outside each
        issue's excluded phrases moved no held-out figure, cost a tenth of the engine's time and took a
        development statement away, so the counts are plain.)"""
        if self._strong_counts is None:
            self._strong_counts = {
                slug: len(spans) for (slug, kind), spans in self.spans.items() if kind == "strong"
            }
        return self._strong_counts

    def mentions(self, slug: str) -> bool:
        return slug in self.slugs

    def within(self, slug: str, kind: str, start: int, end: int) -> list[tuple[int, int]]:
        """Cue spans inside [start, end), relative to start."""
        found = self.spans.get((slug, kind))
        if not found:
            return []
        first = bisect.bisect_left(found, (start, -1))
        result = []
        for span_start, span_end in found[first:]:
            if span_start >= end:
                break
            if span_end <= end:
                result.append((span_start - start, span_end - start))
        return result

    def any_within(self, slug: str, kind: str, ranges: tuple[tuple[int, int], ...]) -> bool:
        return any(self.within(slug, kind, start, end) for start, end in ranges)


def _count_outside(pattern: re.Pattern[str], text: str, excluded: list[tuple[int, int]]) -> int:
    if not excluded:
        return sum(1 for _ in pattern.finditer(text))
    count = 0
    for match in pattern.finditer(text):
        position = match.start()
        for start, end in excluded:  # a plain loop: any() over a generator costs more per match
            if start <= position < end:
                break
        else:
            count += 1
    return count


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)] if pattern is not None else []


def _strong_near(context: IssueContext, issue: IssuePatterns, slug: str, *, neighbours: bool) -> bool:
    """A strong cue of the issue in the statement's sentence (or, with neighbours, the ones around it)."""
    found = context.found
    if found is not None:
        ranges = (
            (context.sentence_range, *context.neighbour_ranges) if neighbours else (context.sentence_range,)
        )
        if not found.text or slug not in EXCLUDE:
            return found.any_within(slug, "strong", ranges)
        return any(
            _kept(slug, found.text[start:end], found.within(slug, "strong", start, end))
            for start, end in ranges
        )
    if issue.strong is None:
        return False
    return bool(
        issue.strong.search(context.sentence) or (neighbours and issue.strong.search(context.neighbours))
    )


def tag_issues(context: IssueContext, patterns: tuple[IssuePatterns, ...]) -> dict[str, IssueStance]:
    tagged: dict[str, IssueStance] = {}
    in_condition: list[str] = []
    short = len(context.quote.split(None, 13)) < 14  # no more words split than the test reads
    found = context.found
    if found is not None:
        strong_in_quote, weak_in_quote = found.by_kind(*context.quote_range)
        cued_in_sentence = (
            _nearest_issues(found, context) if short and not strong_in_quote and not weak_in_quote else {}
        )
        if short and not strong_in_quote and not weak_in_quote and not cued_in_sentence:
            cued_in_sentence = _named_again_in_sentence(found, context)
        appended = _appended_issues(found, context)
        candidates = strong_in_quote.keys() | weak_in_quote.keys() | cued_in_sentence.keys() | appended.keys()
    for issue in patterns:
        slug = issue.issue.slug
        if found is not None:
            if slug not in candidates:
                continue
            strong = _kept(slug, context.quote, strong_in_quote.get(slug, []))
            weak = [] if strong else _kept(slug, context.quote, weak_in_quote.get(slug, []))
            if not strong and not weak and slug not in cued_in_sentence and slug not in appended:
                continue
        else:
            strong = _kept(slug, context.quote, _spans(issue.strong, context.quote))
            weak = [] if strong else _kept(slug, context.quote, _spans(issue.weak, context.quote))
        if strong:
            confidence = 0.85
        elif len({context.quote[start:end] for start, end in weak}) >= 2:
            confidence = (
                0.55  # two different weak cues of one issue: "a list of prisoners for the next exchange"
            )
        elif weak and (
            (slug == "leaders-meeting" and _meets_the_other_leader(context))
            or _strong_near(context, issue, slug, neighbours=True)
        ):
            confidence = 0.6
        elif weak and found is not None and found.any_within(slug, "strong", context.topic_ranges):
            confidence = 0.5
        elif weak and found is not None and _names_again(context, found, slug, weak):
            confidence = 0.45
        elif not weak and (
            slug in cued_in_sentence
            if found is not None
            else short and _strong_near(context, issue, slug, neighbours=False)
        ):
            confidence = 0.55
        elif found is not None and slug in appended:
            confidence = APPENDED_CONFIDENCE
        else:
            confidence = 0
        if confidence == 0:
            continue
        stance, stance_confidence = decide_stance(context, issue, strong or weak)
        if stance_confidence == IN_CONDITION:
            in_condition.append(slug)
        tagged[issue.issue.slug] = IssueStance(stance, round(min(confidence, stance_confidence), 2))
    if in_condition and len(in_condition) < len(tagged):
        for slug in in_condition:
            del tagged[slug]
    if (
        not tagged
        and found is not None
        and any(issue.issue.slug == "peace-plan" for issue in patterns)
        and _assesses_talks(context)
    ):
        # "We've made a lot of progress", "a deal is close": a report on how the talks on the deal stand.
        tagged["peace-plan"] = IssueStance(NEUTRAL, 0.4)
    if "energy-strikes" in tagged and not _about_energy_halt(context.quote, context.speaker_party):
        del tagged["energy-strikes"]  # an attack described, not a halt to strikes
    if (
        "ceasefire" in tagged
        and "energy-strikes" not in tagged
        and found is not None
        and not GENERAL_CEASEFIRE_RE.search(context.quote)
        and (STRIKES_RE.search(context.quote) or "moratorium" in context.quote)
        and found.any_within("energy-strikes", "strong", (context.sentence_range, *context.neighbour_ranges))
    ):
        # "Ukraine would only stop its own strikes if Russia did the same", "restoring the moratorium", among talk
        # of the energy truce.
        tagged["energy-strikes"] = tagged.pop("ceasefire")
    if "ceasefire" in tagged and "energy-strikes" not in tagged and found is not None:
        _energy_truce_meant(tagged, context, patterns, strong_in_quote, weak_in_quote)
    if (
        "ceasefire" in tagged
        and "energy-strikes" in tagged
        and not GENERAL_CEASEFIRE_RE.search(context.quote)
    ):
        del tagged["ceasefire"]  # "a halt to strikes on energy facilities" is the energy issue only
    if "peace-plan" in tagged and len(tagged) > 1 and not NAMED_PLAN_RE.search(context.quote):
        del tagged["peace-plan"]  # "the US proposal on the plant", "the plan's hardest issue, territory"
    if len(tagged) > 1 and found is not None:
        _drop_reasons(tagged, context.quote, strong_in_quote, weak_in_quote)
    if "territory" in tagged and len(tagged) > 1 and found is not None:
        spans = strong_in_quote.get("territory", []) + weak_in_quote.get("territory", [])
        if spans and all(LOCATIVE_RE.search(context.quote, 0, start) for start, _ in spans):
            # "a vote while their soldiers stand in Kherson": where it happens, not the land question.
            del tagged["territory"]
    if not tagged and found is not None and not strong_in_quote and not weak_in_quote:
        referred = _referred_issue(found, context)
        issue = next((issue for issue in patterns if issue.issue.slug == referred), None)
        if issue is not None:
            # "Ukraine has rejected such demands": the words point back to the issue named just before.
            tagged[referred] = IssueStance(_stance_without_cue(context, issue), REFERRED_CONFIDENCE)
    if not tagged and found is not None:
        topic = None if _tells_no_issue(context.quote) else _single_topic(found, context.topic_ranges)
        issue = next((issue for issue in patterns if issue.issue.slug == topic), None)
        # A cue of the topic in the statement was set aside on purpose ("after a ceasefire", an attack told).
        if issue is not None and topic not in strong_in_quote and topic not in weak_in_quote:
            # "The money is there, and Ukraine needs it now" in an article on the frozen assets.
            tagged[topic] = IssueStance(_stance_without_cue(context, issue), TOPIC_CONFIDENCE)
    if not tagged and found is not None and not strong_in_quote:
        # A weak cue that tagged nothing ("guarantees from other member states") leaves the paragraph's issue to
        # be read, unless the cue is that issue's own, set aside on purpose ("left without power").
        _paragraph_issue(tagged, context, patterns, set_aside=weak_in_quote.keys())
    return tagged


# The statement's words end where its sentence goes on to spell them out: after a dash, a colon, or ", with",
# ", including": "had tabled a revised plan, with new wording on security guarantees", "is ready for phase two —
# a ceasefire along current lines". What follows is part of what was said, so its issues are the statement's.
APPOSITION_RE = re.compile(r"[\"”’']?\s*(?:—|–|--|:|,\s+(?:with|including|notably|such as|among them)\s)")
APPENDED_CONFIDENCE = 0.5


def _appended_issues(found: IssueSpans, context: IssueContext) -> dict[str, list[tuple[int, int]]]:
    """Strong cues by issue in the rest of the statement's sentence, when that rest spells out the statement."""
    end, sentence_end = context.quote_range[1], context.sentence_range[1]
    if end >= sentence_end or not found.text or APPOSITION_RE.match(found.text, end, sentence_end) is None:
        return {}
    return _kept_by_slug(found, end, sentence_end)


# "in Donbas", "in the occupied territories", "every mother in Kherson": a place where something happens.
# "in particular territorial questions", "in principle": a manner of speaking, not a place.
LOCATIVE_RE = re.compile(
    r"(?<![\w'-])in\s+(?!(?:particular|general|principle|fact|effect|short|turn|detail)\s)(?:the\s+)?(?:[\w-]+\s+)?$"
)
BECAUSE_RE = re.compile(r"(?:,\s*|\s)b(?<![\w'-]b)ecause\s")


def _drop_reasons(
    tagged: dict[str, IssueStance],
    quote: str,
    strong: dict[str, list[tuple[int, int]]],
    weak: dict[str, list[tuple[int, int]]],
) -> None:
    """ "Ukraine's wish was to join NATO, because these are real guarantees": an issue named only in the reason
    given for another is not a second issue of the statement."""
    because = BECAUSE_RE.search(quote)
    if because is None:
        return
    first_cue = {
        slug: min(start for start, _ in strong.get(slug, []) + weak.get(slug, []))
        for slug in tagged
        if strong.get(slug) or weak.get(slug)
    }
    if not any(start < because.start() for start in first_cue.values()):
        return
    for slug, start in first_cue.items():
        if start > because.start():
            del tagged[slug]


def _names_again(context: IssueContext, found: IssueSpans, slug: str, weak: list[tuple[int, int]]) -> bool:
    """A weak cue with "the" ("the plant", "the loan") or "such a", "this", "that" ("such a meeting") names again
    what the article named in full before."""
    quote = context.quote
    if not any(DEFINITE_RE.search(quote, max(0, start - 7), start) for start, _ in weak):
        return False
    return bool(found.within(slug, "strong", 0, context.quote_range[0]))


DEFINITE_RE = re.compile(r"(?<![\w'-])(?:the|such an?|this|that|these|those) $")


def _stance_without_cue(context: IssueContext, issue: IssuePatterns) -> str:
    """Words read without a cue to anchor them are a weak guide to a side: the side's known position wins,
    but a condition or a report stays one."""
    stance, _ = decide_stance(context, issue, [])
    if stance in (SUPPORTS, OPPOSES):
        return KNOWN_POSITIONS.get((context.speaker_party, issue.issue.slug), stance)
    return stance


# The plan named as such ("the 28-point plan", "the revised framework"), not as the carrier of another issue.
NAMED_PLAN_RE = re.compile(r"\d+-point|(?:twenty|twenty-eight|nineteen)[- ]point|peace plan")


# "Moscow disputes the figure", "inflated for Western audiences": a quarrel over numbers, not over the issue.
FIGURES_RE = re.compile(
    r"(?<![\w'-])(?:figures?|numbers|data|statistics|estimates?|tally|toll|inflated|exaggerated)(?![\w-])"
)
# A statement with no cue of its own is about the article's topic when the article is mostly about one issue
# and its paragraph, the one before and the headline name no other.
TOPIC_SHARE = 0.5
TOPIC_CONFIDENCE = 0.35
_RUSSIA = {"security-guarantees": OPPOSES, "territory": SUPPORTS, "sanctions": OPPOSES, "nato-membership": OPPOSES,
           "peacekeepers": OPPOSES, "frozen-assets": OPPOSES, "elections": SUPPORTS, "nuclear-plant": OPPOSES,
           "prisoner-exchange": SUPPORTS,
           # Moscow's line: no truce ahead of a settlement that removes the "root causes" (it would let Kyiv rearm).
           "ceasefire": OPPOSES}  # fmt: skip
_UKRAINE = {"security-guarantees": SUPPORTS, "territory": OPPOSES, "sanctions": SUPPORTS, "nato-membership": SUPPORTS,
            "peacekeepers": SUPPORTS, "frozen-assets": SUPPORTS, "nuclear-plant": SUPPORTS, "ceasefire": SUPPORTS,
            "energy-strikes": SUPPORTS, "prisoner-exchange": SUPPORTS}  # fmt: skip
_EUROPE = {"security-guarantees": SUPPORTS, "sanctions": SUPPORTS, "frozen-assets": SUPPORTS, "peacekeepers": SUPPORTS,
           "ceasefire": SUPPORTS, "territory": OPPOSES, "prisoner-exchange": SUPPORTS}  # fmt: skip
_HUNGARY = {"sanctions": OPPOSES, "frozen-assets": OPPOSES}
KNOWN_POSITIONS = (
    {("russia", slug): stance for slug, stance in _RUSSIA.items()}
    | {("ukraine", slug): stance for slug, stance in _UKRAINE.items()}
    | {
        (party, slug): stance
        for party in ("european-union", "united-kingdom", "germany", "france", "poland", "finland", "nato")
        for slug, stance in _EUROPE.items()
    }
    | {("hungary", slug): stance for slug, stance in _HUNGARY.items()}
)


# Words pointing back to something named before: "such demands", "this idea", "the proposal", "the deal", "it".
ANAPHOR_RE = re.compile(
    r"(?<![\w'-])(?:such|(?:this|these|those|that) (?:\w+ )?(?:idea|proposals?|plans?|offers?|issues?|questions?|"
    r"demands?|arrangements?|initiatives?|moves?|steps?|decisions?|deals?|documents?|agreements?|matters?|"
    r"options?|kind|sort|type|format|scheme|system|mechanism)|the (?:idea|proposal|plan|offer|issue|question|"
    r"demands?|arrangement|initiative|matter|scheme|mechanism|deal|agreement)|^(?:it|this)(?![\w'-])|"
    # "that" opens a pronoun's clause ("that would be a mistake") but also the reported words kept with their
    # conjunction ("[denied] that Russia had broken the deal"): only the pronoun, before its verb, points back.
    r"^that\s+(?:is|was|would|will|could|can|has|had|must|should|might|may|does|did|remains|means|makes|"
    r"sounds|looks|seems|isn't|wasn't|won't|wouldn't|doesn't|didn't|cannot|can't)|^that['’]s|"
    # "is constantly violating it", "if Russia respects it": what a pact is done to points back to the pact.
    r"(?:violat|respect|honou?r|observ|break|broke|breach|extend|uphold|abid\w* by|adher\w* to|comply\w* with)\w* it)"
    r"(?![\w'-])"
)
REFERRED_CONFIDENCE = 0.4


def _referred_issue(found: IssueSpans, context: IssueContext) -> str | None:
    """The issue named last before a statement that has no cue of its own but points back to something
    ("such demands", "the idea"): in its sentence before it, or in the sentence before."""
    if ANAPHOR_RE.search(context.quote) is None:
        return None
    sentence_start, quote_start = context.sentence_range[0], context.quote_range[0]
    ranges = [(start, end) for start, end in context.neighbour_ranges if end <= sentence_start]
    ranges.append((sentence_start, quote_start))
    last: tuple[int, str] | None = None
    for start, end in ranges:
        for slug, spans in _kept_by_slug(found, start, end).items():
            for _, span_end in spans:
                if last is None or start + span_end > last[0]:
                    last = (start + span_end, slug)
    if last is None:
        return _renamed_before(found, context, ranges)
    return last[1]


def _renamed_before(found: IssueSpans, context: IssueContext, ranges: list[tuple[int, int]]) -> str | None:
    """ "Ukraine would honour the pause, but ... it would hold only as long as ...": with no issue named in full
    just before, "it" points to a weak cue that names again ("the pause") what the article named in full. A pause
    or moratorium in a passage on the energy truce is that truce."""
    last: tuple[int, str, str] | None = None
    for start, end in ranges:
        for slug, spans in found.by_slug(start, end, "weak").items():
            for span_start, span_end in spans:
                cue_start, cue_end = start + span_start, start + span_end
                if DEFINITE_RE.search(found.text, max(start, cue_start - 7), cue_start) is None:
                    continue
                if last is None or cue_end > last[0]:
                    last = (cue_end, slug, found.text[cue_start:cue_end])
    if last is None:
        return None
    position, slug, word = last
    if not found.within(slug, "strong", 0, position):
        return None
    if (
        slug == "ceasefire"
        and word in ("pause", "moratorium")
        and found.any_within("energy-strikes", "strong", context.topic_ranges)
    ):
        return "energy-strikes"
    return slug


def _kept_by_slug(found: IssueSpans, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Strong cues in [start, end) by issue, without those inside the issue's excluded phrases ("troops after a
    ceasefire" names the troops, not the truce). Read once per range; callers do not change the result."""
    kept = found.kept_by_range.get((start, end))
    if kept is None:
        kept = found.kept_by_range[start, end] = _kept_by_slug_uncached(found, start, end)
    return kept


def _kept_by_slug_uncached(found: IssueSpans, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    named = found.by_slug(start, end, "strong")
    if not found.text:
        return named
    text = found.text[start:end]
    return {slug: kept for slug, spans in named.items() if (kept := _kept(slug, text, spans))}


# Words about the talks themselves, the war or peace in general: such a statement is about the process, and
# takes no issue from its paragraph ("we should not expect miracles from one day of talks", "no breakthrough
# until the leaders met", "the envoys travel to Moscow", "a signature by Christmas", "very good and productive",
# "cannot be an honest broker").
PROCESS_RE = re.compile(
    r"(?<![\w'-])(?:talks?|negotiat\w*|dialogue|meet\w*|contacts?|visit\w*|envoys?|round|table|peace\w*|war|"
    r"conflict|crisis|conversation|call|diplomac\w*|diplomatic|mediat\w*|atmosphere|progress|deal|agreement|"
    r"settlement|comment\w*|details|announce\w*|document|sides?|parties|met|breakthrough|memorandum|signature|"
    r"optimis\w*|travel\w*|trip|productive|constructive|businesslike|substantive|fruitful|useful|frank|cordial|"
    r"tense|broker\w*|go-between|facilitat\w*|host\w*)(?![\w-])"
)
PROCESS_RE = regrouped(PROCESS_RE)  # same matches, fewer alternatives tried at each place
# A family's own story ("she had searched for her daughter", "learned of her husband's capture"): a life told,
# not a word on the issue of the paragraph or the article.
KIN_RE = re.compile(
    r"(?<![\w'-])(?:my|her|his|their|our) (?:daughters?|sons?|husband|wife|mother|father|brother|sister|"
    r"grand(?:son|daughter|mother|father)s?|mum|mom|dad|nephew|niece|fianc[eé]e?)(?![\w-])"
)
# Stalling told ("playing for time", "slow-walking everything", "thinks he can wait us out"): a charge about the
# pace of the talks, not a word on the issue the paragraph or the article is about.
STALLING_RE = re.compile(
    r"(?<![\w'-])(?:(?:play|buy|gain)\w* (?:for )?time|(?:giv|buy)\w* (?:\w+ )?(?:more )?time|stall\w*|"
    r"slow-?walk\w*|drag\w* (?:out|(?:its|their|his|her) feet)|wait (?:us|it|them|the west|europe) out)(?![\w-])"
)
PARAGRAPH_CONFIDENCE = 0.35


def _tells_no_issue(quote: str) -> bool:
    """Figures, a charge of stalling or a family's story: such a statement takes no issue from its context."""
    return bool(FIGURES_RE.search(quote) or STALLING_RE.search(quote) or KIN_RE.search(quote))


def _paragraph_issue(
    tagged: dict[str, IssueStance],
    context: IssueContext,
    patterns: tuple[IssuePatterns, ...],
    set_aside: Collection[str] = (),
) -> None:
    """ "We are talking weeks, not months" in a paragraph on the troops: a statement with no cue of its own and no
    word about the talks or the war in general is about the one issue its paragraph names, or, in an article
    mostly on one issue, about that one."""
    found = context.found
    if (
        found is None
        or not context.topic_ranges
        or PROCESS_RE.search(context.quote)
        or _tells_no_issue(context.quote)
    ):
        return
    named = _kept_by_slug(found, *context.topic_ranges[-1])
    if not named and len(context.topic_ranges) > 1:
        # A paragraph of quotes alone names nothing: it goes on with the paragraph that set it up.
        named = _kept_by_slug(found, *context.topic_ranges[-2])
    if not named:
        return
    main = _main_issue(found)
    if main is not None:
        # "the earliest realistic date was next spring" under a paragraph on elections and the land, "he's using
        # leverage" under one on the truce, in an article mostly on elections or on sanctions: the article's main
        # issue, whatever else the paragraph names in passing.
        slug = main
    elif len(named) == 1:
        slug = next(iter(named))
    else:
        return
    issue = next((issue for issue in patterns if issue.issue.slug == slug), None)
    if issue is not None and slug not in set_aside:
        tagged[slug] = IssueStance(_stance_without_cue(context, issue), PARAGRAPH_CONFIDENCE)


def _main_issue(found: IssueSpans) -> str | None:
    """The issue named most often in the article, if it has at least half of all the strong cues and no other
    issue has as many (an article on two issues named equally often has no main one)."""
    counts = found.strong_counts()
    if not counts:
        return None
    slug, count = max(counts.items(), key=lambda item: item[1])
    if count < TOPIC_SHARE * sum(counts.values()) or list(counts.values()).count(count) > 1:
        return None
    return slug


def _single_topic(found: IssueSpans, topic_ranges: tuple[tuple[int, int], ...]) -> str | None:
    around = {slug for start, end in topic_ranges for slug in _kept_by_slug(found, start, end)}
    if len(around) != 1:
        return None
    topic = next(iter(around))
    return topic if topic == _main_issue(found) else None


def _about_energy_halt(quote: str, speaker_party: str) -> bool:
    """Halting strikes on energy is addressed, or the striking side speaks of its strikes (no victim's words).
    Russia's side speaking of hitting energy facilities is the striking side whatever it names."""
    if ENERGY_HALT_RE.search(quote) or not VICTIM_RE.search(quote):
        return True
    return speaker_party == "russia" and ENERGY_HIT_RE.search(quote) is not None


def _energy_truce_meant(
    tagged: dict[str, IssueStance],
    context: IssueContext,
    patterns: tuple[IssuePatterns, ...],
    strong_in_quote: dict[str, list[tuple[int, int]]],
    weak_in_quote: dict[str, list[tuple[int, int]]],
) -> None:
    """ "Ukraine would honour the pause", "the moratorium will cease to apply" under a paragraph or headline on the
    energy truce: a truce named only weakly, or not at all, is the one the passage is about, not a general
    ceasefire. The stance is read again for the energy issue (Russia's known line on a general truce is not
    its line on a pause of energy strikes)."""
    found = context.found
    if found is None or not found.any_within("energy-strikes", "strong", context.topic_ranges):
        return
    if GENERAL_CEASEFIRE_RE.search(context.quote):
        _energy_truce_beside_a_general_one(tagged, context, patterns)
        return
    # "a complete halt to foreign military aid": a cue other than the pause or the moratorium itself names
    # something else.
    quote = context.quote
    if any(quote[start:end] != "moratorium" for start, end in strong_in_quote.get("ceasefire", [])):
        return
    if any(quote[start:end] != "pause" for start, end in weak_in_quote.get("ceasefire", [])):
        return
    issue = next((issue for issue in patterns if issue.issue.slug == "energy-strikes"), None)
    if issue is None:
        return
    confidence = tagged.pop("ceasefire").confidence
    stance, stance_confidence = decide_stance(context, issue, [])
    tagged["energy-strikes"] = IssueStance(stance, round(min(confidence, stance_confidence), 2))


THE_TRUCE_RE = re.compile(r"t(?<![\w'-]t)he (?:pause|truce|moratorium)(?![\w-])")


def _energy_truce_beside_a_general_one(
    tagged: dict[str, IssueStance], context: IssueContext, patterns: tuple[IssuePatterns, ...]
) -> None:
    """ "He wants the pause extended into a full ceasefire" under talk of the energy truce: "the pause" is the
    energy truce, the general ceasefire a second issue."""
    if THE_TRUCE_RE.search(context.quote) is None:
        return
    issue = next((issue for issue in patterns if issue.issue.slug == "energy-strikes"), None)
    if issue is not None:
        stance, stance_confidence = decide_stance(context, issue, [])
        tagged["energy-strikes"] = IssueStance(stance, round(min(0.5, stance_confidence), 2))


def _meets_the_other_leader(context: IssueContext) -> bool:
    """ "Zelenskyy said he was ready to meet Putin": one warring party's side speaks of meeting the other's leader."""
    pattern = MEET_OTHER_LEADER.get(context.speaker_party)
    return pattern is not None and pattern.search(context.quote) is not None


BUT_AFTER_RE = re.compile(r",\s+but\s")
CONTRAST_AFTER_RE = re.compile(r",?[\"”’']?,?\s+(?:but|while|whereas|and that)\s")


# A meeting's mood, meetings in general, the war as a whole: no issue from a weak cue beside them.
MOOD_OR_WAR_RE = re.compile(r"(?<![\w'-])(?:constructive|meetings|war)(?![\w-])")


def _named_again_in_sentence(found: IssueSpans, context: IssueContext) -> dict[str, list[tuple[int, int]]]:
    """ "the force would "not be there to fight Russia" and would be stationed well behind the line": with no
    strong cue in its sentence, a short statement takes the issue of the sentence's nearest weak cue when the
    article named that issue in full before. A quarrel over figures, a meeting's mood, meetings in general and
    the war as a whole take no issue so."""
    if FIGURES_RE.search(context.quote) or MOOD_OR_WAR_RE.search(context.quote):
        return {}
    weak = _nearest_issues(found, context, kind="weak")
    return {
        slug: spans for slug, spans in weak.items() if found.within(slug, "strong", 0, context.quote_range[0])
    }


def _nearest_issues(
    found: IssueSpans, context: IssueContext, kind: str = "strong"
) -> dict[str, list[tuple[int, int]]]:
    """For a short statement with no cue of its own: the issue whose cue in the sentence (strong unless another
    kind is asked for) is nearest."""
    sentence_start, sentence_end = context.sentence_range
    # "... never objected to Ukraine joining the EU, but had always opposed its membership of NATO": the cue
    # after "but" (or after ", and that", the next reported clause) belongs to the other clause.
    contrast = (
        CONTRAST_AFTER_RE.search(found.text, context.quote_range[1], sentence_end) if found.text else None
    )
    end = contrast.start() if contrast else sentence_end
    in_sentence = found.by_slug(sentence_start, end, kind)
    if found.text:
        # "after a meeting with Zelensky" dates the words: excluded cues name no issue here either.
        sentence = found.text[sentence_start:end]
        in_sentence = {
            slug: kept for slug, spans in in_sentence.items() if (kept := _kept(slug, sentence, spans))
        }
    if len(in_sentence) < 2:
        return in_sentence
    quote_start = context.quote_range[0] - context.sentence_range[0]
    quote_end = context.quote_range[1] - context.sentence_range[0]

    def distance(spans: list[tuple[int, int]]) -> int:
        return min(max(quote_start - end, start - quote_end, 0) for start, end in spans)

    distances = {slug: distance(spans) for slug, spans in in_sentence.items()}
    nearest = min(distances.values())
    return {slug: spans for slug, spans in in_sentence.items() if distances[slug] == nearest}


def _assesses_talks(context: IssueContext) -> bool:
    """A report on how the talks stand ("a deal is close", "productive peace talks"), not on a call's mood."""
    if ASSESSMENT_RE.search(context.quote):
        return True
    if not ATMOSPHERE_RE.search(context.quote):
        return False
    found = context.found
    around = found.text[slice(*context.sentence_range)] if found is not None and found.text else context.quote
    return bool(TALKS_RE.search(around)) and not CALL_RE.search(around)


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


def _cue_sentence(
    local: str, cue_spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]], int, int]:
    """The clause of local that holds the first cue (where a negation governs the issue), the cue spans
    relative to it, and where the cue's sentence starts and ends in local."""
    if not cue_spans:
        return local, cue_spans, 0, len(local)
    bounds = [0] + [match.end() for match in SENTENCE_SPLIT_RE.finditer(local)] + [len(local)]
    first_cue = cue_spans[0][0]
    for index in range(len(bounds) - 1):
        start, end = bounds[index], bounds[index + 1]
        if start <= first_cue < end:
            sentence_start, sentence_end = start, end
            # Within the sentence, the clause of the cue: "would not send troops, saying guarantees ..."
            cuts = [start] + [m.start() for m in CLAUSE_SPLIT_RE.finditer(local, start, end)] + [end]
            for left, right in pairwise(cuts):
                if left <= first_cue < right:
                    start, end = left, right
                    break
            spans = [(s - start, e - start) for s, e in cue_spans if start <= s < end]
            return local[start:end], spans, sentence_start, sentence_end
    return local, cue_spans, 0, len(local)


NEGATION_BEFORE, NEGATION_AFTER = 80, 50
# A relative clause right after the cue has a verb of its own: its negation is not the cue's predicate.
RELATIVE_AFTER_RE = re.compile(r"\s+(?:that|which|who|whom|whose)\s")


def _negations(clause: str, spans: list[tuple[int, int]]) -> int:
    if spans:
        # A negation governs the issue from a few words before it, or as the predicate just after it.
        start, end = max(0, spans[0][0] - NEGATION_BEFORE), spans[0][1] + NEGATION_AFTER
        start = max(start, _next_verb_phrase(clause, spans[0][0]))
        if (relative := RELATIVE_AFTER_RE.match(clause, spans[0][1])) is not None:
            end = relative.start()  # "land that does not belong to me": the relative clause's own verb
        # Matches starting before the window's end, read on the whole clause: a look-ahead ("not going to be
        # found wanting") sees past the window.
        count = 0
        for match in NEGATION_RE.finditer(clause, start):
            position = match.start()
            if position >= end:
                break  # matches come in text order: the rest of the clause holds none in the window
            if not any(s <= position < e for s, e in spans):
                count += 1
    else:
        count = _sentence_negations(clause)
    # "a ceasefire now, not in a month": a not after the cue, in a contrast, governs something else.
    cue_end = spans[0][1] if spans else len(clause)
    count -= sum(1 for match in CONTRAST_RE.finditer(clause) if match.start() >= cue_end)
    if count > 1 and "neither" in clause and " nor " in clause:
        count -= clause.count(" nor ")  # "neither the president nor the parliament can": one negation
    return count


def _sentence_negations(text: str) -> int:
    """Negations of words with no cue, sentence by sentence: "Nobody asked us. Nobody ever asks us." says no
    twice rather than cancelling itself; within a sentence two negations still cancel ("not without")."""
    bounds = [0] + [match.end() for match in SENTENCE_SPLIT_RE.finditer(text)] + [len(text)]
    counts = [len(NEGATION_RE.findall(text, start, end)) for start, end in pairwise(bounds)]
    return 1 if any(count % 2 for count in counts) else sum(counts)


# "would not recognise the annexation and would insist on guarantees": a second verb phrase with its own modal.
NEXT_VERB_PHRASE_RE = re.compile(
    r"\s(?:and|but)\s+(?:would|will|must|should|shall|can|could|wants?|wanted|insist\w*|demand\w*|call\w* for|"
    r"ask\w*|urg\w+)(?![\w-])"
)


def _next_verb_phrase(clause: str, cue_start: int) -> int:
    """Where the verb phrase holding the cue starts, when a coordinated one stands before it: a negation before
    that point governs the other verb."""
    start = 0
    for match in NEXT_VERB_PHRASE_RE.finditer(clause, 0, cue_start):
        start = match.start()
    return start


AFTER_CLAUSE_RE = re.compile(r",|;|\s(?:and|but)\s")
# "X should come last, not first", "the last card we play, not the first": X is put off to the end.
LAST_NOT_FIRST_RE = re.compile(
    r"(?<![\w'-])(?:last|final)(?![\w'-])[^.;!?]{0,40}?,\s+(?:and\s+)?not\s+(?:the\s+)?(?:first|opening)(?![\w'-])"
)


def _liberation_by_russia(phrase: str, speaker_party: str) -> bool:
    """ "The liberation of the territories of Donbas remains our objective": in Moscow's words the land is taken,
    not given back to Ukraine."""
    return speaker_party == "russia" and phrase.startswith("liberat")


def _inverse_stance(local: str, issue: IssuePatterns, speaker_party: str = "") -> str | None:
    """The stance when the statement names the opposite of the proposition ("lift sanctions")."""
    if issue.inverse is None:
        return None
    match = issue.inverse.search(local)
    if match is None or _liberation_by_russia(match.group(), speaker_party):
        return None
    before = local[max(0, match.start() - 40) : match.start()]
    # What is said of the opposite ends with its clause ("a Russian facility, and its status is not ...").
    after = AFTER_CLAUSE_RE.split(local[match.end() : match.end() + 50], maxsplit=1)[0]
    # "will not lift sanctions", "sanctions relief is out of the question": against the opposite.
    if NEGATION_RE.search(before) or NEGATIVE_RE.search(after) or NEGATION_RE.search(after[:25]):
        return SUPPORTS
    if LAST_NOT_FIRST_RE.search(local, match.end(), match.end() + 80):
        return SUPPORTS  # "relief should be the last step, not the first": the opposite put off, the proposition kept
    return OPPOSES


def decide_stance(
    context: IssueContext, issue: IssuePatterns, cue_spans: list[tuple[int, int]]
) -> tuple[str, float]:
    # The longest cue is the most specific mention of the issue: the clause around it carries the stance.
    cue_spans = sorted(cue_spans, key=lambda span: span[0] - span[1])
    local, cue_spans = _local_text(context.quote, cue_spans)
    if (
        _reports_others(_frame(context, local), context)
        and not NEGATIVE_RE.search(local)
        and not OWN_REFUSAL_RE.search(local)
    ):
        return (
            NEUTRAL,
            0.6,
        )  # "Moscow was demanding that Ukraine hand over Donbas" (unless judged: "unrealistic")
    if _others_refuse(local, context):
        return (NEUTRAL, 0.5) if CONDUCT_REPORT_RE.search(local) else (SUPPORTS, 0.55)
    if DOCUMENT_SAYS_RE.search(_frame(context, local)):
        return NEUTRAL, 0.55  # "a two-page paper that proposes a 60-day ceasefire": what a text holds
    firm = KNOWN_POSITIONS.get((context.speaker_party, issue.issue.slug)) if FIRM_RE.search(local) else None
    if firm is not None:
        return firm, 0.55  # "there can be no compromise on the plant": the side holds to its own position
    if issue.issue.slug == "elections" and _denies_the_mandate(local, context):
        return SUPPORTS, 0.55  # "Zelenskyy's term has expired and he cannot sign anything": a call for a vote
    if _condition_follows(context) and not JUDGED_BAD_RE.search(local):
        # "Moscow could accept guarantees", as long as they exclude NATO troops; but "hardly capable of ensuring
        # security" if they keep the regime, or "unacceptable" unless ..., stays a refusal.
        return CONDITIONAL, 0.55
    if _last_in_sequence(local, cue_spans):
        return CONDITIONAL, 0.55
    clause, clause_spans, sentence_start, _ = _cue_sentence(local, cue_spans)
    # Conditions stated in the cue's sentence or after it ("Elections are fine. But not while ...").
    sentence = local[sentence_start:]
    if clause_spans and IN_RETURN_RE.search(clause, 0, clause_spans[0][0]):
        return SUPPORTS, 0.6  # "... in exchange for legally binding security guarantees"
    if clause_spans and DEPENDS_ON_CUE_RE.search(clause, 0, clause_spans[0][0]):
        return SUPPORTS, 0.55  # "everything depends on real pressure on Russia"
    if clause_spans and _asked_for_in_return(clause, clause_spans[0][0]):
        return SUPPORTS, 0.55  # "Give us a ceasefire, and we will hold elections": the ceasefire is wanted
    if (
        OPEN_RE.search(clause)
        and (issue.inverse is None or not issue.inverse.search(clause))
        and not _kept_off_the_agenda(clause, context)
    ):
        return (
            NEUTRAL,
            0.55,
        )  # "had not been discussed", "no decision yet" (but "relief is not on the agenda")
    if clause_spans and BEFORE_CUE_RE.search(clause, 0, clause_spans[0][0]):
        return CONDITIONAL, 0.55  # "we need the troops in place before any ceasefire is signed"
    if (
        clause_spans
        and WITHOUT_CUE_RE.search(clause, 0, clause_spans[0][0])
        and sum(1 for match in NEGATION_RE.finditer(sentence) if match.group() != "without") > 0
    ):
        return (
            SUPPORTS,
            0.5,
        )  # "without resolving the territorial issue, there is no hope": the issue is required
    cue_word = context.cue.split()[0] if context.cue else ""
    condition = CONDITION_HEAD_RE.search(clause, 0, clause_spans[0][0]) if clause_spans else None
    if (
        condition is not None
        and condition.start() > 0
        and _threatened_unless(clause, condition, clause_spans)
    ):
        return (
            SUPPORTS,
            0.5,
        )  # "new sanctions if Putin does not agree to a ceasefire": the ceasefire is demanded
    if (
        condition is not None
        and condition.start() > 0
        and not RECIPROCAL_RE.search(clause, condition.start())
        and not NEGATION_RE.search(clause, condition.start(), clause_spans[0][0])
    ):
        main = clause[: condition.start()]
        if _ruled_out_until(main, condition.group()):
            return (
                SUPPORTS,
                0.5,
            )  # "a ceasefire is off the table until Ukraine leaves Donetsk": the demand is backed
        if NEGATIVE_RE.search(main) and not NEGATION_RE.search(main):
            return OPPOSES, 0.5  # "could face lawsuits if the assets were seized": the feared condition
        if NEGATION_RE.search(main) or cue_word in NEGATIVE_CUES:
            # "no ceasefire until Ukraine leaves the Donbas": the Donbas demand is backed.
            return SUPPORTS, 0.5
        if REQUIRE_RE.search(main):
            return SUPPORTS, IN_CONDITION  # "troops only if the US provided a backstop": about the troops
    demand = CONDITION_FOR_RE.search(local)
    if demand is not None and cue_spans and cue_spans[0][1] <= demand.start():
        # "withdrawal from Donbas is a condition for a ceasefire": the demand ("neutral status": its opposite).
        inverse = issue.inverse is not None and issue.inverse.search(local, 0, demand.start()) is not None
        # "would never accept the withdrawal as a precondition": the demand refused.
        refused = NEGATION_RE.search(local, max(0, cue_spans[0][0] - 40), cue_spans[0][0]) is not None
        return (OPPOSES if inverse != refused else SUPPORTS), 0.55
    if demand is not None and cue_spans and cue_spans[0][0] >= demand.end():
        return CONDITIONAL, 0.55  # "... as a condition for any ceasefire": the ceasefire, on those terms
    negations = _negations(clause, clause_spans)
    # "legitimate targets" may be a cue and still hostile; "an illegitimate president" calls for elections.
    # "agreed to exchange prisoners, but failed to narrow their differences": a judgement after ", but" is
    # on the other clause, unless that clause names the issue again.
    but = BUT_AFTER_RE.search(local, cue_spans[0][1]) if cue_spans else None
    if but is not None and any(start >= but.start() for start, _ in cue_spans):
        but = None
    negative = _count_outside(
        NEGATIVE_RE,
        local[: but.start()] if but else local,
        (cue_spans if issue.issue.slug in HOSTILE_CUES_SUPPORT else []) + _concessions(local),
    )
    positive = _count_outside(POSITIVE_RE, local, cue_spans)
    inherent = INHERENT.get(issue.issue.slug)
    conditional_text = inherent.sub(" ", sentence) if inherent is not None else sentence
    if cue_word in POSITIVE_CUES:
        conditional_text = conditional_text.removeprefix("instead ")  # "proposed instead that ...": backed
    if INSUFFICIENT_RE.search(clause) and not negations:
        return SUPPORTS, 0.55
    if ACCUSE_RE.match(cue_word) or ACCUSE_RE.match(local):
        return SUPPORTS, 0.5
    any_must = [match.span() for match in ANY_MUST_RE.finditer(local)]  # "any X must ..."
    rejecting = cue_word in NEGATIVE_CUES or (
        local is context.quote and AGAINST_HEAD_RE.match(local) is not None
    )
    if _open_to(clause, clause_spans) or _refusal_denied(context, local, cue_word):
        return CONDITIONAL, 0.55  # "did not rule out easing some measures", "not against discussing it"
    if clause_spans and _rejects_one_form(clause, clause_spans[0]):
        return (
            CONDITIONAL,
            0.55,
        )  # "would not accept a ceasefire that rewarded aggression": other forms would do
    if cue_word in NEGATIVE_CUES and clause_spans and UNTIL_RE.search(clause, clause_spans[0][1]):
        return CONDITIONAL, 0.55  # "ruled out a ceasefire before Ukrainian troops leave Donbas"
    if cue_word.startswith("insist") and local is context.quote:
        frame = _frame(context, local)
        before = frame[: len(frame) - len(local)].rstrip()
        if before.endswith(" on"):
            before = before[:-3]
        if REJECTED_THEN_INSISTING_RE.search(before):
            return CONDITIONAL, 0.55  # "rejected the idea, insisting on swaps in agreed batches"
    if cue_word in NEGATIVE_CUES and cue_spans:
        insisting = INSISTING_ON_RE.search(local, 0, cue_spans[0][0])
        if insisting is not None and not NEGATION_RE.search(local, insisting.end(), cue_spans[0][0]):
            return CONDITIONAL, 0.55  # "rejected the idea, insisting on swaps in agreed batches"
    if rejecting:
        # "rejected ...": whatever conditions the rejected thing names; "condemned strikes on the grid": the halt
        polarity = 1 if _names_harm(issue.issue.slug, local, cue_spans) else -1
    elif ANSWERED_NO_RE.search(local):
        polarity = -1  # "Can they provide guarantees? Definitely not."
    elif COMPLETE_RE.search(local) and not negations:
        return SUPPORTS, 0.6  # "100% ready", "fully agreed": done, not a progress report
    elif clause_spans and _refused_after_but_not(clause, clause_spans):
        polarity = -1
    elif _demanded_in_terms(any_must, cue_spans) and not negative:
        # "any agreement must take into account the will of the people in Crimea, Donbass" ("must exclude": against)
        polarity = -1 if negations % 2 else 1
    elif (
        _sets_terms(any_must, cue_spans)
        or CONDITIONAL_RE.search(conditional_text)
        or (WEAK_CONDITIONAL_RE.search(conditional_text) and not negations and not negative)
    ):
        if (
            context.speaker_party in IMPARTIAL
            and not _takes_a_side(local, cue_word)
            and not CONDITIONAL_RE.search(conditional_text)
        ):
            return NEUTRAL, 0.5  # an analyst's "if the waiver comes, the market will shrug": a forecast
        return CONDITIONAL, 0.6
    elif cue_word in POSITIVE_CUES and not negations:
        polarity = 1  # "called for strong sanctions, saying Moscow was not serious"
    else:
        polarity = -1 if negations % 2 else 1
        if (
            negative
            and negative >= positive
            and not _judges_the_other_side(context, issue, polarity, local, cue_spans)
        ):
            polarity = -1
        claim = SUPPORT_CLAIM_RE.search(local) or ENDORSE_RE.search(local)
        if polarity > 0 and not claim and PROGRESS_RE.search(local) and (not positive or not negative):
            return NEUTRAL, 0.55 if not positive else 0.5
        if polarity > 0 and not claim and not positive and not negative and TOPIC_RE.search(local):
            return NEUTRAL, 0.5
    inverse = _inverse_stance(local, issue, context.speaker_party)
    if inverse is not None and not rejecting:
        return inverse, 0.6
    if inverse is not None:
        polarity = -polarity
    if not (negations or negative or positive or (cue_word and cue_word not in PLAIN_SAYING)):
        if COUNTED_HARM_RE.search(local):
            return (
                NEUTRAL,
                0.5,
            )  # "Russia had launched more than 1,200 drones at the grid": a tally, no side taken
        return _no_side_taken(context, issue.issue.slug, polarity), 0.5
    if context.speaker_party in IMPARTIAL and not _takes_a_side(local, cue_word):
        return NEUTRAL, 0.5  # an analyst or an outlet telling how things stand
    return (SUPPORTS if polarity > 0 else OPPOSES), 0.7


NOT_ON_AGENDA_RE = re.compile(r"n(?<![\w'-]n)ot (?:yet )?on the agenda(?! (?:of|at|in) )")


# A judging word predicated of the issue: "using the assets was too risky", "sanctions would be a mistake".
JUDGED_AFTER_CUE_RE = re.compile(
    r"^[^,.;!?]{0,30}?(?<![\w'-])(?:is|was|are|were|be|been|remains?|seems?|looks?)\s"
)
JUDGING_BEFORE = 25  # "a dangerous ceasefire": the judging word as the issue's adjective


def _judges_the_other_side(
    context: IssueContext, issue: IssuePatterns, polarity: int, local: str, cue_spans: list[tuple[int, int]]
) -> bool:
    """Judging words that do not qualify the issue, in the words of a side that backs it, fall on the other
    side's conduct ("Putin does not respect agreements ... every violation must have a price, and that price is
    sanctions"): the side still wants what it always wants ("using the assets is too risky" still judges them)."""
    if polarity < 0 or KNOWN_POSITIONS.get((context.speaker_party, issue.issue.slug)) != SUPPORTS:
        return False
    if not cue_spans:
        return True
    cue_start, cue_end = cue_spans[0]
    if NEGATIVE_RE.search(local, max(0, cue_start - JUDGING_BEFORE), cue_start):
        return False
    predicate = JUDGED_AFTER_CUE_RE.match(local[cue_end:])
    return (
        predicate is None
        or NEGATIVE_RE.search(local, cue_end + predicate.end(), cue_end + predicate.end() + 40) is None
    )


def _kept_off_the_agenda(clause: str, context: IssueContext) -> bool:
    """ "A meeting is not on the agenda", said by a side: the side keeps it off, a refusal, where an outlet or an
    analyst saying it tells how the talks stand."""
    return context.speaker_party not in IMPARTIAL and NOT_ON_AGENDA_RE.search(clause) is not None


UNTIL_HEAD_RE = re.compile(r"(?:until|unless|before)\s")
# "First a ceasefire, then guarantees, then elections", "First the delegations must finish their work. Only then can
# one talk about a meeting": a sequence the speaker sets out.
PRESCRIBED_FIRST_RE = re.compile(
    r"(?<![\w'-])(?:must|has to|have to|needs? to|should)\s[^.;!?]{0,60}?(?<![\w'-])first(?![\w'-])(?!\s+(?:step|time))"
)
FIRST_THEN_RE = re.compile(r"f(?<![\w'-]f)irst\b[^?!]{0,160}?[,.;]\s*(?:and\s+)?(?:only\s+)?then(?![\w'-])")
THEN_RE = re.compile(r"[,.;]\s*(?:and\s+)?(?:only\s+)?then(?![\w'-])")


def _last_in_sequence(local: str, cue_spans: list[tuple[int, int]]) -> bool:
    """ "First a ceasefire, then guarantees, then elections": the last step waits on the ones before it, a
    condition, where the first steps are what the speaker demands."""
    if not cue_spans:
        # "The documents must be worked out first": what must come first is not the issue, which waits on it.
        return PRESCRIBED_FIRST_RE.search(local) is not None
    cue_start, cue_end = cue_spans[0]
    sequence = FIRST_THEN_RE.search(local, 0, cue_start)
    return sequence is not None and THEN_RE.search(local, cue_end) is None


# "if Putin does not agree to", "if Moscow refuses": the condition is the other party failing to do something.
FAILS_TO_RE = re.compile(
    r"(?:does not|doesn't|do not|don't|did not|didn't|will not|won't|refuses? to|refused to|fails? to|failed to)\s+"
    r"(?:\w+\s+){0,3}$"
)


def _threatened_unless(clause: str, condition: re.Match[str], clause_spans: list[tuple[int, int]]) -> bool:
    """ "Sanctions if Putin does not agree to a ceasefire": what the other party is punished for not doing is what
    the speaker demands."""
    if not condition.group().startswith("if "):
        return False
    return FAILS_TO_RE.search(clause, condition.start(), clause_spans[0][0]) is not None


# "We kept the truce despite every provocation": what is overcome is named, not judged.
CONCESSION_RE = re.compile(
    r"(?:d(?<![\w'-]d)espite|i(?<![\w'-]i)n spite of|n(?<![\w'-]n)otwithstanding)\s[^,.;:!?]*"
)


def _concessions(local: str) -> list[tuple[int, int]]:
    if "despite" not in local and "spite of" not in local and "notwithstanding" not in local:
        return []
    return [match.span() for match in CONCESSION_RE.finditer(local)]


def _ruled_out_until(main: str, condition: str) -> bool:
    """ "X is off the table until Y", "X is unacceptable unless Y": refusing something until a condition is met
    demands the condition, where a fear "if Y" ("could face lawsuits if the assets were seized") opposes it."""
    return UNTIL_HEAD_RE.match(condition) is not None and NEGATIVE_RE.search(main) is not None


def _takes_a_side(text: str, cue_word: str) -> bool:
    """The words say what should happen or judge it, rather than tell what happened or is expected; a verb
    of calling or rejecting ("urged", "rejected") takes a side by itself."""
    if cue_word in POSITIVE_CUES or cue_word in NEGATIVE_CUES:
        return True
    return bool(SIDE_TAKING_RE.search(text) or NEGATIVE_RE.search(text))


# An unnamed source speaks for the side its description names ("a senior Ukrainian official", "a source close
# to the Kremlin"); "Western officials" or "people familiar with the talks" name no side.
UNNAMED_SIDES = (
    ("ukraine", re.compile(r"(?<![\w-])(?:ukrainian|ukraine's|kyiv|kiev|zelensk\w*)(?![\w-])")),
    ("russia", re.compile(r"(?<![\w-])(?:russian|russia's|kremlin|moscow|putin's)(?![\w-])")),
    (
        "united-states",
        re.compile(
            r"(?<![\w-])(?:us|u\.s\.|american|white house|(?:trump )?administration|state department|pentagon|"
            r"washington)(?![\w-])"
        ),
    ),
    ("european-union", re.compile(r"(?<![\w-])(?:eu|european|brussels)(?![\w-])")),
)


# Speakers of no side, and bodies that keep out of the sides (the UN, the nuclear watchdog, the Red Cross).
IMPARTIAL = frozenset(["", "united-nations", "iaea", "icrc"])


def side_of_unnamed(description: str) -> str:
    """The party an anonymous speaker's name ("unnamed ...") names first, or "" (see UNNAMED_SIDES)."""
    lower = description.lower()
    if not lower.startswith("unnamed "):
        return ""  # a person or body the registry does not know: its side is not in its name
    found = [(match.start(), party) for party, pattern in UNNAMED_SIDES if (match := pattern.search(lower))]
    if found:
        return min(found)[1]
    # "a resident of Kramatorsk", "a woman in her 60s": a private person speaks for themselves, named or not.
    return PRIVATE if PRIVATE_ROLE_RE.search(lower) and not COMMENTATOR_RE.search(lower) else ""


# Unnamed people quoted as themselves rather than for a body or from inside the talks.
PRIVATE_ROLE_RE = re.compile(
    r"^unnamed (?:(?:elderly|young|local|displaced) )?(?:residents?|locals|villagers|wom[ae]n|m[ae]n|teachers?|"
    r"soldiers?|servicem[ae]n|mothers?|fathers?|wi(?:fe|ves)|widows?|relatives|parents|pensioners?|farmers?|"
    r"workers?|refugees?|evacuees?|volunteers?|veterans?|students?)(?![\w-])"
)


# A person the registry does not know is read from how the article introduces them: a commentator keeps to no
# side; the holder of a state's office speaks for that state; anyone else (a resident, a soldier, a prisoner's
# mother) speaks for themselves, so their words take a side as a party's do.
PRIVATE = "private-person"
COMMENTATOR_RE = re.compile(
    r"(?<![\w'-])(?:analysts?|experts?|research\w*|fellow|professor|economist|specialist|consultant|scholar|"
    r"historian|commentator|pollster|sociologist|political scientist|strategist|think[- ]tank|institute|university|"
    r"academy|lecturer|journalist|correspondent|editor|blogger|observer|lawyer|attorney|"
    # A retired officer quoted on the war speaks as a military analyst.
    r"retired (?:\w+ ){0,2}(?:general|colonel|admiral|officer|commander))(?![\w-])"
)
STATE_ADJECTIVES = {
    "russia": ("russian", "russia's", "kremlin"), "ukraine": ("ukrainian", "ukraine's"),
    "united-states": ("american", "u.s.", "us", "america's"), "united-kingdom": ("british", "uk", "britain's"),
    "france": ("french", "france's"), "germany": ("german", "germany's"), "poland": ("polish", "poland's"),
    "finland": ("finnish", "finland's"), "italy": ("italian", "italy's"), "spain": ("spanish", "spain's"),
    "ireland": ("irish", "ireland's"), "hungary": ("hungarian", "hungary's"), "belgium": ("belgian", "belgium's"),
    "netherlands": ("dutch",), "sweden": ("swedish", "sweden's"), "denmark": ("danish", "denmark's"),
    "estonia": ("estonian", "estonia's"), "latvia": ("latvian", "latvia's"), "lithuania": ("lithuanian",
    "lithuania's"), "slovakia": ("slovak", "slovakia's"), "czechia": ("czech",), "turkey": ("turkish", "turkey's"),
    "china": ("chinese", "china's"), "belarus": ("belarusian", "belarus's"), "european-union": ("eu", "european"),
}  # fmt: skip
SIDE_OF_ADJECTIVE = {
    adjective: state for state, adjectives in STATE_ADJECTIVES.items() for adjective in adjectives
}
OFFICE_RE = re.compile(
    r"(?<![\w'-])(?P<state>"
    + "|".join(re.escape(adjective) for adjective in sorted(SIDE_OF_ADJECTIVE, key=len, reverse=True))
    + r")(?:-[\w]+)?\s+(?:[\w'-]+\s+){0,3}?(?:minister|president|premier|commissioner|ombuds(?:man|woman|person)|"
    r"head|governor|mayor|official|diplomat|ambassador|envoy|lawmaker|deputy|senator|spokes(?:man|woman|person)|"
    r"chancellor|secretary|leader|chief|adviser|advisor|negotiator|general|commander)(?![\w-])"
)


def side_of_described(description: str) -> str:
    """The side of a person the registry does not know, from the words that introduce them (lower-case)."""
    if COMMENTATOR_RE.search(description):
        return ""
    office = OFFICE_RE.search(description)
    return SIDE_OF_ADJECTIVE[office.group("state")] if office is not None else PRIVATE


# Refusing to compromise on an issue holds to the side's own position on it, whichever way that goes.
FIRM_RE = Hinted(
    r"(?<![\w'-])(?:be no compromises?|not compromise|never compromise|won't compromise|no compromises? (?:on|over|"
    r"about|when it comes to))(?![\w'-])",
    ("compromise",),
)
# Denying the Ukrainian leader's mandate ("his term has expired", "an illegitimate president") calls for a vote,
# whatever else the sentence refuses.
DENIED_MANDATE_RE = Hinted(
    r"(?<![\w'-])(?:illegitima\w+|not (?:a |the )?legitimate|no longer legitimate|lost (?:his |its )?legitimacy|"
    r"lacks? (?:\w+ )?legitimacy|legitimacy (?:is |was )?(?:in question|questionable|doubtful)|(?:term|mandate|powers)"
    r"\s+(?:\w+\s+){0,2}(?:expired|ended|run out|ran out)|expired (?:term|mandate)|"
    r"(?:not|never|cannot|can't) (?:[\w'’]+ ){0,4}(?:powers|term|mandate) (?:\w+ ){0,2}(?:be )?(?:extended|prolonged))"
    r"(?![\w'-])",
    ("legitima", "expired", "ended", "run out", "ran out", "extended", "prolonged"),
)


def _denies_the_mandate(local: str, context: IssueContext) -> bool:
    return context.speaker_party != "ukraine" and DENIED_MANDATE_RE.search(local) is not None


# A condition the sentence sets right after the reported words: "..., as long as they exclude NATO troops".
CONDITION_AFTER_RE = re.compile(
    # The speech tag of a split quote may stand between: "We are ready," he said, "if Russia stops too."
    r"[\"”’']?\s*,?\s*(?:[\"”’']?\s*(?:[\w.-]+\s+){1,3}(?:said|says|added|adds|told \w+)\s*,\s*[\"“‘']?)?"
    r"(?:but\s+)?(?:only\s+)?(?:if|unless|provided|as long as|so long as|on condition|"
    r"in exchange for|in return for|subject to|once)(?![\w'-])"
)
CONDITION_AFTER_RE = regrouped(CONDITION_AFTER_RE)  # same matches, fewer alternatives tried at each place


# "Russia was ready for a ceasefire, but the root causes had to be addressed first": readiness with terms.
TERMS_AFTER_RE = re.compile(
    r"[\"”’']?\s*,?\s*but\b[^.;]{0,80}?(?<![\w'-])(?:(?:must|has to|have to|had to|need(?:s|ed)? to)\b"
    r"[^.;]{0,50}?\b(?:first|beforehand)|conditions?|nuances|provided|unless)(?![\w'-])"
)


JUDGED_BAD_RE = re.compile(rf"{NEGATIVE_RE.pattern}|(?<![\w'-])(?:hardly|barely|scarcely)(?![\w'-])")


def _condition_follows(context: IssueContext) -> bool:
    """The words of the statement end where its sentence goes on with a condition on them, or with terms
    set after a "but" (when the words themselves refuse nothing)."""
    found = context.found
    if found is None or not found.text:
        return False
    end, sentence_end = context.quote_range[1], context.sentence_range[1]
    if end >= sentence_end:
        return False
    if CONDITION_AFTER_RE.match(found.text, end, sentence_end) is not None:
        return True
    return TERMS_AFTER_RE.match(found.text, end, sentence_end) is not None and not NEGATION_RE.search(
        context.quote
    )


def _no_side_taken(context: IssueContext, slug: str, polarity: int) -> str:
    """No word of the statement takes a side: the side's known position; a speaker of no known side (an analyst,
    an unnamed source) reports; else the implicit support the gold reads."""
    known = KNOWN_POSITIONS.get((context.speaker_party, slug))
    if known is not None:
        return known
    if context.speaker_party in IMPARTIAL:
        return NEUTRAL
    return SUPPORTS if polarity > 0 else OPPOSES


# "Give us a ceasefire and security, and we will ...": what the speaker asks for in return for an offer.
GIVE_US_RE = re.compile(r"g(?<![\w'-]g)ive (?:us|me)\s(?P<ask>[^.;]{0,60}?)\band (?:we|i)(?: will|'ll)\s")


def _asked_for_in_return(clause: str, cue_start: int) -> bool:
    if "give " not in clause:
        return False  # the regex need not run
    match = GIVE_US_RE.search(clause)
    return match is not None and match.start("ask") <= cue_start < match.end("ask")


def _sets_terms(any_must: list[tuple[int, int]], cue_spans: list[tuple[int, int]]) -> bool:
    """The issue is the subject of a demand on it: "any ceasefire must address the root causes"."""
    return any(start <= cue < end for start, end in any_must for cue, _ in cue_spans)


# Openness said by denying a refusal ("does not rule out", "did not reject", "not against"): a guarded yes.
OPEN_TO_RE = Hinted(
    r"(?:(?<![\w'-])(?:not|never)|n't|n’t)\s+(?:\w+\s+)?[\"“‘']?(?:rul(?:e|es|ed|ing) out|exclud(?:e|es|ed|ing)|reject(?:s|ed|ing)?|against|"
    r"opposed to|objec(?:t|ts|ted|ting) to)(?![\w'-])",
    ("rul", "exclud", "reject", "against", "opposed", "object"),
)


def _open_to(clause: str, clause_spans: list[tuple[int, int]]) -> bool:
    """The clause denies refusing what it then names: "Moscow was not against discussing the assets"."""
    return bool(clause_spans) and OPEN_TO_RE.search(clause, 0, clause_spans[0][0]) is not None


NEGATED_LEAD_RE = re.compile(r"(?:(?<![\w'-])(?:not|never|cannot)|n't|n’t)\s+(?:\w+\s+)?$")


def _refusal_denied(context: IssueContext, local: str, cue_word: str) -> bool:
    """A rejecting cue the sentence negates: "Rubio didn't rule out easing some measures"."""
    if cue_word not in NEGATIVE_CUES:
        return False
    frame = _frame(context, local)
    lead = frame[: len(frame) - len(local)].rstrip()
    if not lead.endswith(context.cue):
        return False
    cue_start = len(lead) - len(context.cue)
    return NEGATED_LEAD_RE.search(lead, max(0, cue_start - 30), cue_start) is not None


def _names_harm(slug: str, local: str, cue_spans: list[tuple[int, int]]) -> bool:
    """The cue of a halt issue names the harm itself, just before it or within it ("attacks on the grid",
    "ceasefire violations"): what a rejecting speaker wants stopped."""
    if slug not in HALT_ISSUES or not cue_spans:
        return False
    start, end = cue_spans[0]
    if local[end : end + 1] == " " and HARM_RE.match(local, end + 1) is not None:
        return True  # "ceasefire violations", "grid attacks": the harm done to the halt
    harm = HARM_RE.search(local, max(0, start - 40), end)
    # The harm heads the cue's own noun phrase ("attacks on the power grid"), not a word of another clause.
    if harm is None or (harm.end() < start and HARM_OF_RE.fullmatch(local, harm.end(), start) is None):
        return False
    # "dismissed calls for a halt to strikes on the grid": the halt is named, so the proposition itself.
    return HALT_RE.search(local, max(0, harm.start() - 30), harm.start()) is None


def _rejects_one_form(clause: str, cue: tuple[int, int]) -> bool:
    """ "not accept a ceasefire that rewarded aggression": the cue is refused only as its relative clause shapes it."""
    return (
        FORM_AFTER_RE.match(clause, cue[1]) is not None
        and FORM_BEFORE_RE.search(clause, 0, cue[0]) is not None
    )


def _refused_after_but_not(clause: str, clause_spans: list[tuple[int, int]]) -> bool:
    """The cue comes after a ", but not" in its clause: the speaker refuses that form of it."""
    match = BUT_NOT_RE.search(clause, 0, clause_spans[0][0])
    return match is not None and match.end() <= clause_spans[0][0]


def _demanded_in_terms(any_must: list[tuple[int, int]], cue_spans: list[tuple[int, int]]) -> bool:
    """The issue is what terms set for something else demand: "any agreement must reflect the realities"."""
    if not cue_spans:
        return False
    first = min(start for start, _ in cue_spans)
    return any(end <= first for _, end in any_must)


# A tally of attacks or deportations told as a fact: "had launched more than 1,200 drones", "at least 19,500 children
# have been deported", "had recorded 47 strikes".
COUNTED_HARM_RE = Hinted(
    r"(?:had|have|has) (?:been )?(?:\w+ )?(?:launched|fired|recorded|registered|counted|documented|carried out|"
    r"deported|abducted|forcibly transferred|transferred|killed|wounded)\b[^.;]{0,60}?\d|\d[\d,.]* (?:\w+ ){0,3}"
    r"(?:had|have|has) been (?:\w+ )?(?:deported|abducted|transferred|killed|wounded|launched|fired|recorded)",
    ("launched", "fired", "recorded", "registered", "counted", "documented", "carried out", "deported", "abducted",
     "transferred", "killed", "wounded"),
)  # fmt: skip
# "The moratorium had been repeatedly violated by Kyiv": a record of the other side's conduct, told as a fact
# rather than as a call for the thing it harms (but "Russia continued to block the return of children" backs it).
CONDUCT_REPORT_RE = re.compile(
    r"(?<![\w'-])(?:repeatedly|again and again|time and again|constantly|systematically|"
    r"(?:had|has|have) (?:been )?(?:\w+ )?(?:recorded|documented|registered|counted))(?![\w-])"
)


def _others_refuse(local: str, context: IssueContext) -> bool:
    if not contains_any(local, REFUSE_VERBS):
        return False  # no verb of refusing: the long regexes need not run
    for match in (*OTHERS_REFUSE_RE.finditer(local), *REFUSED_BY_OTHERS_RE.finditer(local)):
        who = match.group("who")
        party = context.other_parties.get(who, "") or DEMONYM_PARTY.get(who, "")
        if who == "the enemy" or (party and context.speaker_party and party != context.speaker_party):
            return True
    return False


def _frame(context: IssueContext, local: str) -> str:
    """The statement with the words that introduce it in its sentence ("Moscow was demanding that ...")."""
    found = context.found
    if found is None or not found.text or local is not context.quote:
        return local
    start = context.sentence_range[0]
    if not 0 <= context.quote_range[0] - start < 400:
        return local
    return found.text[start : context.quote_range[1]]


HYPOTHESIS_BEFORE_RE = re.compile(r"(?:i(?<![\w'-]i)f|w(?<![\w'-]w)hether|u(?<![\w'-]u)nless)\s+$")


def _reports_others(local: str, context: IssueContext) -> bool:
    if contains_any(local, ARGUING_THAT) and _other_side_named(
        OTHERS_ARGUE_RE.finditer(local), local, context
    ):
        return True
    if not contains_any(local, WANT_VERBS):
        return False  # no verb of wanting or proposing: the long regex need not run
    if _other_side_named(OTHERS_WANT_RE.finditer(local), local, context):
        return True
    return _named_other_wants(local, context)


def _other_side_named(matches: Iterator[re.Match[str]], local: str, context: IssueContext) -> bool:
    """Whether one of the matches reports what another side wants (not a premise: "if Moscow wants ...")."""
    for match in matches:
        if HYPOTHESIS_BEFORE_RE.search(local, max(0, match.start() - 9), match.start()):
            continue  # "if Moscow wants to show it is serious, let it ...": a premise, not a report of a demand
        who = match.group("who")
        party = context.other_parties.get(who, "") or DEMONYM_PARTY.get(who, "")
        if (
            who in ("they", "the other side")
            or GROUP_RE.search(who)
            or (party and party != context.speaker_party)
        ):
            return True
    return False


# "Witkoff had proposed that ...", "Lavrov demanded ...": a person of another side, known to the registry.
NAMED_WANTS_VERB_RE = re.compile(
    r"(?:w(?<![\w'-]w)ant(?:s|ed)?|d(?<![\w'-]d)emand(?:s|ed|ing)|p(?<![\w'-]p)ropos(?:es|ed|ing)|"
    r"i(?<![\w'-]i)nsist(?:s|ed|ing)|s(?<![\w'-]s)(?:eeks|ought|uggested)|o(?<![\w'-]o)ffered|"
    r"f(?<![\w'-]f)loated|t(?<![\w'-]t)abled|(?:p(?<![\w'-]p)ushed|a(?<![\w'-]a)sked) for)(?![\w'-])"
)
NAMED_WANTS_VERB_RE = regrouped(NAMED_WANTS_VERB_RE)  # same matches, fewer alternatives tried at each place
NAMED_WANTER_RE = re.compile(
    r"(?:(?P<first>[a-z][\w'.-]*)\s+)?(?P<last>[a-z][\w'.-]*)\s+"
    r"(?:(?:has|had|have|is|was|repeatedly|still|also|now|again|reportedly)\s+){0,2}$"
)


def _named_other_wants(local: str, context: IssueContext) -> bool:
    if not context.speaker_party:
        return False
    for verb in NAMED_WANTS_VERB_RE.finditer(local):
        wanter = NAMED_WANTER_RE.search(local, max(0, verb.start() - 50), verb.start())
        if wanter is None or HYPOTHESIS_BEFORE_RE.search(
            local, max(0, wanter.start("last") - 9), wanter.start("last")
        ):
            continue
        first, last = wanter.group("first"), wanter.group("last")
        for who in (f"{first} {last}", last) if first else (last,):
            party = context.other_parties.get(who, "")
            if party:
                if party != context.speaker_party:
                    return True
                break
    return False
