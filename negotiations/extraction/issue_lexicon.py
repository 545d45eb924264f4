"""Default cue patterns for the issues of the Russia–Ukraine codebook, keyed by issue slug.

The registry's own cue words (issues.json) are always used; these patterns add what plain cue words cannot
say: which cues are strong enough to tag alone, which are weak (need a second cue or context), and which
phrases turn the proposition around ("lift sanctions" is the opposite of keeping them). Patterns are regular
expressions matched case-insensitively on diacritic-folded text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

UKRAINE_LEADER = r"zelensk(?:yy|y|iy|ij|i)"


@dataclass(frozen=True)
class IssueLexicon:
    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    # Phrases naming the opposite of the proposition: backing them opposes the issue.
    inverse: tuple[str, ...] = ()
    # Phrases naming the proposition as an action: backing them supports the issue.
    forward: tuple[str, ...] = field(default_factory=tuple)
    # Phrases where a cue word does not name the issue ("after a ceasefire" dates something else; "a
    # proposal for a meeting" is not the peace plan): cues inside them are dropped.
    exclude: tuple[str, ...] = ()
    # Conditions the proposition holds anyway ("peacekeepers once the fighting stops"): not a condition.
    inherent: tuple[str, ...] = ()


# "after a ceasefire", "once the fighting stops": when something else happens, not a stance on the truce.
AFTER_THE_WAR = (
    # "ready to deploy "the day after" a ceasefire is signed": a quote may close between the two.
    r"(?:after|once|following|when|post-?)[\"”’']?\s+(?:there is |there's |there will be |we have )?(?:a |the |any |an )?"
    r"(?:\w+ )?(?:cease-?fire|truce|armistice|"
    r"(?:peace )?(?:deal|agreement|settlement))(?:\s+(?:is|was|has been|had been|comes|came|takes effect)"
    r"(?:\s+(?:in place|agreed|signed|reached|declared))?)?",
    r"(?:after|once|when|until)\s+(?:the\s+)?(?:fighting|war|hostilities|guns)\s+(?:stops?|ends?|ceases?|"
    r"fall silent|(?:is|are|has|have)\s+(?:over|ended|stopped))",
    r"after the war",
    # "elections within 90 days of a ceasefire", "47 strikes since the truce took effect": a date, not a stance.
    r"within (?:\w+ ){0,2}(?:days|weeks|months|hours) (?:of|after) (?:a |the |any )?(?:\w+ )?(?:cease-?fire|truce|"
    r"(?:peace )?(?:deal|agreement|settlement))",
    r"since (?:a |the )?(?:\w+ )?(?:cease-?fire|truce|moratorium) (?:took effect|began|started|was agreed|"
    r"came into force|went into effect)",
    r"(?:day|moment|time|hour) (?:a |the |any |an )?(?:cease-?fire|truce) (?:takes effect|is signed|begins|starts)",
)


DEFAULT_LEXICON: dict[str, IssueLexicon] = {
    "security-guarantees": IssueLexicon(
        strong=(
            r"security guarantees?",
            r"guarantees? of security",
            r"security assurances?",
            r"security framework",
            r"security arrangements?",
            r"article 5",
            r"article five",
            r"backstop",
            r"security commitments?",
            r"security pact",
            r"(?:ukraine's|kyiv's) (?:future |long-term |post-?war )?security\b(?! (?:service|council|forces|chief))",
            r"(?:future|long-term|post-?war) security of ukraine",
            r"mutual defen[cs]e (?:clause|commitments?|pact|obligations?|guarantees?)",
            r"security deal",
            r"security (?:protocols?|documents?|agreements?)",
            r"guarantee\w*\s+(?:ukraine's|its|the country's|kyiv's|their|our)\s+(?:future\s+)?security",
            r"(?:protect|defend)\w*\s+ukraine\s+(?:against|from)\s+(?:a |any |another |future |new )*"
            r"(?:attack|aggression|invasion)",
            # "commits to defend Ukraine if Russia attacks again": the promise of a guarantee, told as one.
            r"(?:protect|defend)\w*\s+(?:ukraine|kyiv)\s+(?:if|should|in case|whenever)\s+(?:russia|moscow)\s+"
            r"(?:\w+\s+)?(?:attack|invade|strike)\w*",
            r"written (?:\w+ )?(?:security )?(?:commitments?|guarantees?)|commit\w* in writing",
            # "take part in guaranteeing a ceasefire", "guarantors of the peace deal": standing behind the settlement.
            r"guarantee(?:ing|s|d)? (?:a |the |any )?(?:cease-?fire|truce|peace deal|peace agreement|settlement)",
            # "one of the guarantors of a future peace settlement": an adjective or two may stand before it.
            r"guarantors? (?:of|for) (?:a |the |any )?(?:(?:future|final|lasting|eventual|possible|durable) )?"
            r"(?:cease-?fire|truce|peace|peace deal|peace agreement|peace settlement|settlement)",
            r"(?:western|american|us|u\.s\.|european|nato|allied|bilateral|legal|legally binding|binding|firm|"
            r"reliable|real|concrete|ironclad|solid|strong) guarantees?",
        ),
        weak=(r"guarantees?", r"guarantors?", r"deterren(?:ce|t)", r"deter(?:s|red|ring)?"),
        inherent=AFTER_THE_WAR,
        # A lender's backstop is not the country's security.
        exclude=(
            r"backstop (?:for|to|of) (?:the |a |this |any )?(?:\w+ )?(?:loan|bonds?|debt|lending|financing|funds?)",
        ),
    ),
    "territory": IssueLexicon(
        strong=(
            r"territorial (?:concessions?|issues?|questions?|dispute|demands?|swap|exchange|compromise)",
            r"(?:cede|ceding|ceded|give up|giving up|give away|giving away|gave away|trade away|trading away|"
            r"sign away|signing away|signed away|trade|trading|traded|swap|swapping|"
            r"surrender\w*|hand over|handing over|withdraw\w*|pull\w* out)"
            r"\b[^.;]{0,40}\b(?:territor\w+|land|donbas+|donetsk|luhansk|zaporizhzhia region|kherson|crimea|"
            r"regions?|oblasts?)",
            r"(?:leave|quit|exit|abandon)\w* (?:the )?(?:donbas+|donetsk|luhansk|crimea)",
            r"donbas+",
            r"donetsk region",
            r"(?:donetsk|luhansk) oblast",
            r"land swaps?",
            r"land for peace",
            r"(?:free|demilitari[sz]ed) (?:economic )?zone",
            r"buffer zone",
            r"line of (?:contact|control)",
            r"(?:current|existing|present) (?:front ?lines?|contact line|lines? of (?:contact|control))",
            r"(?:recogni[sz]\w+|recognition)\b[^.;]{0,40}\b(?:crimea|donbas+|donetsk|luhansk|occupied|annex\w*|"
            r"(?:as )?russian(?: (?:control|sovereignty|territory))?)",
            r"(?:russian|russia's) sovereignty over",
            r"territorial integrity",
            r"not (?:one|a single) (?:inch|metre|meter)",
            # "will not give away a single village", "the realities on the ground" (the Kremlin's word for the land
            # it holds)
            r"(?:give|gave|giving|hand|handing|trade|trading) away (?:a single |one |any |our )?(?:village|town|city|"
            r"inch|metre|meter|land)",
            r"(?:territorial |new )?realities on the ground",
            r"(?:new )?territorial realities",
            r"issue of territory",
            r"(?:issues?|questions?|matters?|differences?|disputes?) (?:of|on|over) (?:the )?territor(?:y|ies)",
            r"territor(?:y|ies) (?:remains?|remained|is|was|has|had)\b",
            r"(?:including|on|over|about) territor(?:y|ies)\b",
            r"(?:pull|withdraw)\w*\b[^.;]{0,40}\b(?:troops|soldiers|forces) (?:out|from)",
            r"territorial",
            r"redraw\w*\s+(?:the\s+)?(?:borders?|maps?|lines)",
            # "the main sticking point, territory, ...", "the key issue — territory — had not moved"
            r"(?:main|key|biggest|central|hardest|thorniest|toughest|only|last|remaining|outstanding|crucial) "
            r"(?:differences?|issues?|questions?|obstacles?|sticking points?|stumbling blocks?|problems?|hurdles?|"
            r"disagreements?)\b[^.;]{0,30}\bterritor(?:y|ies)\b",
            r"(?:change|changing|changed|shift\w*|mov\w+)\s+(?:the\s+)?borders?\s+(?:\w+\s+){0,2}by force",
        ),
        weak=(
            r"territor(?:y|ies)",
            r"front ?lines?",
            r"(?:new|current|existing|present|contact|control) lines?",
            r"\bmaps?\b",
            r"reward\w*\s+(?:the\s+)?aggress\w+",
            r"annex\w+",
            r"russian-(?:held|occupied|controlled)",
            r"fortress belt",
            r"land",
            r"crimea",
            r"occupied",
            r"borders?",
            r"regions?",
            r"concessions?",
        ),
        # "troops on the territory of Ukraine": where something stands, not the land question.
        exclude=(
            r"(?:on|in|into|to|across|from) (?:the )?(?:territory of ukraine|ukrainian (?:territory|soil))",
            r"(?:sovereignty and )?territorial integrity of all (?:countries|states|nations)",
            # ("a deal on the front line", "talks on the line of contact" are about the line itself)
            r"(?:(?<!deal )(?<!agreement )(?<!compromise )(?<!talks )on|near|at|to|away from|behind) (?:the|any) "
            r"(?:line of contact|front ?lines?|contact line)",
            # "a ceasefire along the current front line", "a freeze along the line of contact": where the truce runs,
            # not the land question.
            r"(?:cease-?fires?|truces?|freez\w*|frozen conflict|stop\w*|halt\w*|pause)[\"\u201d\u2019']?\s+(?:\w+\s+){0,3}(?:along|on|at)\s+"
            r"(?:the\s+)?(?:current\s+|existing\s+|present\s+)?(?:front ?lines?|contact line|lines? of (?:contact|control))",
            # "children taken to Russian-occupied territories": where people are, not the land question.
            r"(?:taken|deported|transferred|moved|held|living|lives|live|born|stay\w*) (?:\w+ ){0,4}(?:to|in|from) (?:the )?"
            r"(?:russian-|temporarily )?(?:occupied|held) (?:territor\w+|areas|regions)(?: had| has| have)?",
            # Battlefield news: "Russian forces occupied two villages in the Donetsk region".
            r"(?:captured|occupied|seized|took|taken|advanc\w+|attack\w*|shell\w*|struck|hit|strikes? (?:on|in)|"
            r"fighting in|battles? (?:for|in)|offensive in)\b[^.;]{0,40}\b(?:donetsk|luhansk|donbas+|zaporizhzhia|"
            r"kherson)(?: region| oblast)?",
            # Regions no side claims at the table: where something happened ("a power plant in the Kharkiv region").
            r"(?:kharkiv|sumy|kyiv|kiev|odesa|odessa|dnipropetrovsk|dnipro|chernihiv|mykolaiv|poltava|lviv|"
            r"belgorod|kursk|bryansk|rostov|krasnodar|moscow) (?:region|oblast)s?",
        ),
        inverse=(
            r"(?:along|at|on) the (?:current|existing|present) (?:front ?lines?|line of contact|contact line|lines?)",
            r"stand where we stand",
            r"territorial integrity",
            r"not (?:one|a single) (?:inch|metre|meter)",
            r"(?:return|give back|liberat\w+)\b[^.;]{0,30}\b(?:territor\w+|land|occupied)",
            r"(?:donbas+|crimea|donetsk|luhansk|kherson|zaporizhzhia)(?: region| oblast)? (?:is|was|remains|will remain"
            r"|will always be) (?:\w+ )?(?:ukraine|ukrainian)",
        ),
        forward=(
            r"(?:cede|ceding|ceded|give up|giving up|surrender\w*|hand over|handing over|withdraw\w*|leave|"
            r"leaving|pull\w* out)",
            r"(?:recogni[sz]\w+|recognition)",
        ),
    ),
    "ceasefire": IssueLexicon(
        strong=(
            r"cease-?fires?",
            r"cease fire",
            r"truces?",
            r"(?:freez\w+|froze)\s+(?:\w+\s+){0,3}(?:fighting|conflict|war|hostilities|front(?: ?line)?|line)",
            r"(?:fighting|conflict|war|front ?line|hostilities)\s+(?:\w+\s+){0,2}(?:be |being |is |was )?frozen",
            r"(?:silence|quiet) regime|regime of silence",
            r"frozen conflict",
            r"lay down (?:their |our |its )?(?:arms|weapons)",
            r"armistice",
            r"(?:halt|stop|pause|suspend|end|cease|refrain from|moratorium on)\w*\s+(?:\w+\s+){0,2}"
            r"(?:the )?(?:fighting|hostilities|attacks|strikes|shelling|bombing|firing|fire|killing)",
            r"(?:halt|stop|pause|suspend|cease)\w*\s+(?:the )?war\b",
            r"not (?:to )?(?:fire|strike|attack|shell|bomb)(?:ing)?\b",
            r"stop the (?:war|killing|bloodshed)",
            r"end the (?:killing|bloodshed)",
            r"cessation of hostilities",
            r"cessation of (?:fire|fighting|strikes|attacks)",
            r"(?:fire|firing|killings?|killing|fighting|shelling|hostilities|bloodshed) (?:must|should|has to|have to|"
            r"will|would) (?:stop|cease|end|halt)",
            r"stop(?:ping)? the (?:killing|fighting|bloodshed|shooting)",
            r"stop (?:where (?:we|they|the armies) (?:stand|are)|along the (?:current )?(?:front ?line|line of contact))",
        ),
        weak=(
            r"pause",
            r"halt",
            r"de-?escalation",
            r"(?:monitoring|observer|verification) (?:mission|mechanism)s?",
        ),
        # "guaranteeing a ceasefire" is the guarantors' issue.
        exclude=(*AFTER_THE_WAR, r"guarant\w+ (?:(?:of|for) )?(?:a |the |any )?(?:cease-?fire|truce)"),
    ),
    "energy-strikes": IssueLexicon(
        strong=(
            r"energy (?:ceasefire|truce|infrastructure|facilities|facility|sites?|targets?|grid|system)",
            r"(?:strikes?|attacks?|shelling|bombing)\s+on\s+(?:\w+\s+){0,2}(?:energy|power|electricity|"
            r"refiner\w+|oil)",
            r"(?<!nuclear )power (?:plants?|stations?|substations?|grid|infrastructure)",
            r"energy strikes?",
            r"(?:energy|power|infrastructure) (?:moratorium|pause)",
            r"moratorium on (?:\w+ ){0,3}(?:energy|power|infrastructure)",
            r"(?:refiner(?:y|ies)|energy)\b[^.;]{0,30}\bstrikes?",
        ),
        weak=(
            r"power grid",
            r"blackouts?",
            r"electricity",
            r"energy",
            r"(?:critical|civilian) infrastructure",
            r"heating",
            r"substations?",
            r"(?:gas|oil) (?:facilities|infrastructure|production|storage)",
            r"\bgrid\b",
            r"\bchps?\b|heat and power",
            # "keeping the lights on for people", "when my radiators are warm": the grid in everyday words.
            r"(?:keep|keeps|kept|keeping) the lights on",
            r"radiators?",
        ),
        inverse=(
            r"(?:struck|hit|hitting|hits|targeted|targeting|attacked|attacking|bombed|shelled)\b[^.;]{0,30}\b"
            r"(?:energy|power|grid|electricity|refiner)",
        ),
    ),
    "sanctions": IssueLexicon(
        strong=(
            r"sanctions?",
            r"(?:economic|financial) pressure",
            r"price cap",
            r"tariffs? on (?:russia\w*|buyers of russian)",
            r"shadow fleet",
            r"embargo",
            r"secondary tariffs",
            r"\d+(?:st|nd|rd|th) (?:sanctions )?package",
            r"pressure on (?:russia|moscow|the kremlin|putin)",
        ),
        weak=(
            r"tariffs?",
            r"pressure",
            r"restrictions",
            r"(?:punitive |economic |restrictive )?measures",
            r"package",
            r"blacklist\w*",
            r"\bban\b",
            r"oil (?:money|revenues?|income|exports?)",
            r"war chest",
        ),
        inverse=(
            r"(?:lift\w*|eas(?:e|ed|ing)|relief|remov\w+|drop\w*|end\w*|scrap\w*|roll\w* back|unfreez\w*|"
            r"loosen\w*|without)\b[^.;,]{0,25}\b(?:sanctions?|ban|restrictions|measures|pressure)",
            r"sanctions?(?:\s+\w+){0,2}\s+(?:relief|lifted|eased|removed|dropped|ended)",
            r"against sanctions",
            r"sanctions (?:do not|don't|did not|didn't|have not|haven't|will not|won't|are not|aren't|never) "
            r"(?:work|worked|working)",
            # "Sanctions are working, and we will not ease them."
            r"(?:lift\w*|eas(?:e|ed|ing)|remov\w+|scrap\w*|roll\w* back|loosen\w*) (?:them|it)",
        ),
        forward=(
            r"(?:new|more|further|tougher|additional|harsher|strong\w*|tighten\w*|impos\w+|increas\w+|keep\w*|"
            r"maintain\w*|extend\w*|expand\w*|ramp\w* up)\b[^.;]{0,25}\b(?:sanctions?|pressure)",
        ),
        exclude=(
            # "attacks on Russian oil refineries": the energy war, not the oil trade.
            r"russian oil (?:refiner\w*|depots?|terminals?|facilit\w*|infrastructure|installations?|sites?)",
        ),
    ),
    "prisoner-exchange": IssueLexicon(
        strong=(
            r"prisoners?(?:[- ]of[- ]war)? (?:exchanges?|swaps?)",
            r"(?:exchanges?|swaps?|return|release)\w* of (?:\w+ ){0,3}(?:prisoners|pows|captives|bodies|"
            r"children|civilians|detainees)",
            r"prisoners of war",
            r"\bpows?\b",
            r"all[- ]for[- ]all",
            r"deported children",
            r"(?:abducted|stolen|deported) (?:ukrainian )?children",
            r"captured (?:\w+ )?(?:soldiers|servicemen|troops|fighters)",
            r"humanitarian (?:issues|track|questions|matters|file)",
            r"(?:bring|brought|bringing|get|getting)\s+(?:\w+\s+){0,2}(?:back|home)\s+(?:all\s+)?(?:of\s+)?our\s+"
            r"(?:people|defenders|soldiers|guys|heroes|boys)",
            r"captives",
            r"(?:bodies|remains) of (?:\w+ ){0,4}(?:soldiers|servicemen|fallen|dead|troops|defenders)",
            r"(?:return\w*|hand\w* over|repatriat\w+|bring\w* back|brought back|releas\w+)\b[^.;]{0,40}\b(?:bodies|"
            r"prisoners|pows|captives|servicemen|captivity|children|(?:wounded |injured )?soldiers|wounded|civilians|"
            r"detainees)",
            r"(?:exchange|swap) of (?:everyone|all) for (?:everyone|all)",
            r"(?:returned|came|come|back) (?:home )?from (?:russian )?captivity",
            r"in (?:russian |ukrainian )?captivity",
            r"(?:ukrainian )?children\b[^.;]{0,40}\b(?:returned|brought back|deported|abducted|evacuated|taken)",
            r"our (?:heroes|defenders|soldiers|guys|boys|servicemen|people) (?:are|were|is) (?:back )?home",
            r"(?:bring|brought|bringing) (?:back|home) (?:every|all|each)\b",
            r"(?:bring|brought|bringing|get|getting) (?:everyone|everybody|all of them|them all) (?:back|home)",
            r"\d[\d,]* for \d[\d,]* (?:exchange|swap|format|formula)",
            r"(?:has|have|had|get|gets|got|getting|want\w*|bring|brings|brought|bringing)\s+(?:\w+\s+){0,2}"
            r"(?:child|children|kids|sons?|daughters?)\s+(?:back|home)",
            r"(?:lists?|names) of (?:\w+ ){0,3}(?:children|prisoners|pows|captives|detainees)",
            r"(?:children|kids)\b[^.;]{0,40}\b(?:held|kept|detained) in (?:russia|ukraine)",
            r"(?:reunit\w+|reunification)\b[^.;]{0,40}\b(?:children|famil\w+)",
        ),
        weak=(
            r"prisoners?",
            r"exchanges?",
            r"swaps?",
            r"humanitarian",
            r"bodies",
            r"children",
            r"captivity",
            r"deport\w+",
            r"abduct\w+",
            r"repatriat\w+",
        ),
        # An exchange is given in return by its nature: "175 soldiers came home in return for 175 Russians".
        inherent=(r"in (?:exchange|return) for",),
        # "a truce so that commanders could collect the bodies of the dead": the battlefield, not a handover.
        exclude=(
            r"(?:collect|collecting|recover|recovering|bury|burying|remove|removing) (?:the )?(?:bodies|remains)"
            r"(?: of (?:\w+ ){0,4}(?:soldiers|servicemen|fallen|dead|troops|defenders))?",
        ),
    ),
    "nato-membership": IssueLexicon(
        strong=(
            r"nato membership",
            r"(?:a|as a|become a|full) nato member(?!\s+(?:states?|countr\w+|nations?|allies))",
            r"membership (?:in|of) nato",
            r"join(?:ing)? nato",
            r"nato (?:accession|aspirations?|bid|entry|path|door|expansion|enlargement)",
            r"(?:accession|entry|admission) (?:to|into) nato",
            r"(?:enter|entering) (?:the )?nato",
            r"neutral(?:ity| status)",
            r"non-?aligned status",
            r"neutral,? (?:[\w-]+,? ){0,3}(?:and )?(?:[\w-]+ )?status",
            r"euro-?atlantic (?:integration|aspirations?|future|path|choice|course)",
            r"(?:go|going|get|getting|let|letting|bring|bringing|admit\w*)\b[^.;]{0,20}\b(?:in)?to nato",
            r"membership (?:of|in) the (?:alliance|bloc)",
            r"(?:join|joining|entry into|accession to) the alliance",
            r"nato['’]?s? (?:eastward )?(?:expansion|enlargement)",
            r"(?:future|place) (?:is |lies )?(?:in|within) (?:nato|the alliance)",
            r"(?:irreversible )?path (?:to|towards) (?:nato|membership)",
            r"(?:nato's )?open[- ]door (?:policy|principle)",
        ),
        weak=(r"\bnato\b", r"alliance", r"neutral", r"membership"),
        inverse=(
            r"neutral(?:ity| status)",
            r"non-?aligned status",
            r"neutral,? (?:[\w-]+,? ){0,3}(?:and )?(?:[\w-]+ )?status",
            r"(?:renounc\w+|renunciation|give up|giving up|abandon\w*|drop\w*|forgo\w*|forswear\w*|"
            r"(?:no|never|not) (?:\w+ )?(?:join|joining|membership|accession))\b[^.;]{0,30}\b(?:nato|membership|"
            r"alliance|bid)",
            # "an end to NATO expansion", "no further enlargement": a halt to it (expansion itself goes forward).
            r"(?:end|halt|stop|freeze|ban|no|never|against)\w* (?:to |of |on )?(?:any )?(?:further )?(?:nato['’]?s? )?"
            r"(?:eastward )?(?:expansion|enlargement)",
        ),
    ),
    "peacekeepers": IssueLexicon(
        strong=(
            r"peace-?keep\w+",
            r"reassurance force",
            r"multinational force",
            # "any European soldier in Ukraine", "7,000 British personnel": one soldier or the staff of a force.
            r"(?:foreign|european|western|british|french|nato|allied) (?:troops|forces|soldiers?|contingents?|personnel)",
            r"troops (?:in|to|on the ground in) ukraine",
            r"boots on the ground",
            r"trip-?wire(?: force)?",
            r"(?:reassurance|stabili[sz]ation|multinational|european|international) (?:force|mission|contingent)s?",
            r"(?:troops|forces|soldiers|contingents?)\b[^.;]{0,40}\b(?:after|once|following) (?:a |the |any )?"
            r"(?:cease-?fire|truce|peace deal|settlement|armistice)",
            r"coalition of the willing",
            r"deploy\w*\b[^.;]{0,30}\b(?:troops|forces|soldiers|contingents?)",
            r"military (?:presence|contingents?|hubs?)",
            r"troop (?:presence|deployments?|contributions?)",
            r"(?:troops|forces|soldiers|contingents?) (?:from|of) (?:european|nato|western|foreign|other|allied|partner) "
            r"(?:countries|states|nations|members|allies)",
            r"(?:people|troops|boots|forces|soldiers|units) on the ground",
            r"(?:foreign|western|european|nato) (?:military )?(?:intervention|presence|units|contingents?|troops|forces)",
            r"(?:units|facilities|troops|soldiers) of (?:western|european|foreign|nato) (?:countries|states)",
            r"(?:troops|forces|soldiers|contingents?|military presence)\s+(?:\w+\s+){0,3}(?:on|in) (?:ukrainian "
            r"(?:soil|territory)|the territory of ukraine)",
            r"(?:their|military|foreign|western|european) presence (?:\w+ ){0,2}(?:on|in) (?:the territory of )?ukraine",
            r"(?:send|sending|sent|deploy\w*|station\w*|commit\w*|put|putting)\s+(?:\w+\s+){0,3}(?:troops|"
            r"soldiers|forces|contingents?|personnel)\s+(?:\w+\s+){0,2}(?:to|in|into|on the ground in) ukraine",
        ),
        weak=(r"troops", r"contingents?", r"deploy\w*", r"\bboots\b", r"soldiers", r"station(?:ed|ing)"),
        inherent=AFTER_THE_WAR,
        # The warring sides' own troops are not foreign troops deployed after the war.
        exclude=(
            r"(?:ukrainian|russian|ukraine's|russia's|kyiv's|moscow's|north korean|its own|their own)\s+(?:\w+\s+)?"
            r"(?:troops|forces|soldiers|units|contingents?)",
        ),
    ),
    "frozen-assets": IssueLexicon(
        strong=(
            r"frozen (?:russian )?(?:state )?assets",
            r"(?:immobili[sz]ed|russian) (?:state |central bank |sovereign )?assets",
            r"reparations? loan",
            r"euroclear",
            r"frozen funds",
            r"(?:frozen|immobili[sz]ed) (?:\w+ ){0,2}(?:assets|funds|reserves|money)",
            r"(?:russian|russia's|moscow's) (?:frozen |immobili[sz]ed )?(?:state |central bank |sovereign )?(?:assets|reserves)",
            r"(?:central bank|sovereign) (?:assets|reserves)",
            r"reparations? (?:loans?|credit|mechanism|scheme|plan)",
            r"windfall (?:profits|proceeds)",
            r"assets of the (?:russian )?central bank",
            r"(?:confiscat\w+|seiz\w+|steal\w*|theft of|expropriat\w+)\b[^.;]{0,30}\b(?:assets|property|funds|reserves)",
            r"(?:use|using|tap\w*|mobili[sz]\w+) (?:of )?(?:the )?(?:frozen |immobili[sz]ed |russian |sovereign )*"
            r"(?:assets|reserves)",
        ),
        weak=(
            r"\bassets\b",
            r"reparations?",
            r"frozen",
            r"seiz\w+",
            r"confiscat\w+",
            r"\bproperty\b",
            r"\bloans?\b",
            r"lend\w*",
            r"(?:the )?money (?:to|for) (?:kyiv|ukraine)",
        ),
        inverse=(
            r"(?:return|unfreez\w+|releas\w+)\b[^.;]{0,20}\bassets",
            # "the frozen assets must be returned to Russia": the money goes back, not to Ukraine.
            r"(?:returned|given back|handed back|released) (?:in full )?to (?:russia|moscow|their owners?|the owners?)",
        ),
        # "a frozen conflict", "a frozen front line": the war, not the money.
        exclude=(r"frozen[\"\u201d\u2019']? (?:conflict|war|front ?lines?|lines?|fighting|hostilities)",),
    ),
    "elections": IssueLexicon(
        strong=(
            r"(?:presidential )?elections? in ukraine",
            r"ukrain(?:e|ian) (?:presidential )?elections?",
            r"presidential elections?",
            r"hold (?:an |the )?elections?",
            r"(?:new|fresh|early) elections?",
            r"election",
            r"elections",
            r"(?:ballot|polls|vote) in ukraine",
            r"presidential (?:vote|ballot|race|poll)",
            r"zelensk\w+'s legitimacy",
            r"(?:term|mandate|powers)\s+(?:\w+\s+){0,2}(?:expired|ended|run out|ran out)",
            r"expired (?:term|mandate)",
            r"(?:il)?legitimacy",
            r"(?:il)?legitimate (?:president|leader|head of state|government|authorities|partner|interlocutor)",
        ),
        weak=(r"\bvote\b", r"referendum", r"mandate", r"martial law", r"ballots?"),
    ),
    "leaders-meeting": IssueLexicon(
        strong=(
            r"putin\b[^.;]{0,60}\b(?:meet|meeting|summit|talks|sit down|face-to-face|met)\b[^.;]{0,40}\b"
            + UKRAINE_LEADER,
            UKRAINE_LEADER
            + r"\b[^.;]{0,60}\b(?:meet|meeting|summit|talks|sit down|face-to-face|met)\b[^.;]{0,40}"
            r"\bputin",
            r"(?:meet|meeting|summit|talks|face-to-face|sit down)\w*\s+(?:\w+\s+){0,3}(?:with|between)\s+"
            r"(?:\w+\s+){0,3}" + UKRAINE_LEADER,
            r"(?:putin|"
            + UKRAINE_LEADER
            + r")\s+and\s+(?:\w+\s+){0,3}(?:putin|"
            + UKRAINE_LEADER
            + r")\b[^.;]{0,80}\b(?:meet|meeting|summit|met)",
            r"(?:leaders'?|trilateral|three-way|face-to-face|direct) (?:meeting|summit|talks)",
            r"meeting of (?:the )?leaders",
            r"at the level of (?:the )?(?:leaders|heads of state|presidents)",
            r"summit (?:of|between|with) (?:the )?leaders",
            r"invit\w+\b[^.;]{0,40}\bto (?:come to |visit )?(?:moscow|kyiv|kiev)",
            UKRAINE_LEADER + r"\b[^.;]{0,20}\b(?:come|go|travel|fly) to moscow",
            r"putin\b[^.;]{0,20}\b(?:come|go|travel|fly) to (?:kyiv|kiev)",
            r"(?:meet|meeting)\s+(?:with\s+)?(?:the\s+)?russian (?:president|leader)",
            r"(?:meet|meeting)\s+(?:with\s+)?(?:the\s+)?ukrainian (?:president|leader)",
            r"(?:leaders|presidents|heads of state)\b[^.;]{0,40}\b(?:meet|meeting|summit|sit down|sit at|sit "
            r"together|get together)\b",
            r"(?:meet\w*|summit|contacts?|talks)\b[^.;]{0,30}\b(?:between|of|with|involving) (?:the )?(?:two |three )?"
            r"(?:countries'? |sides'? )?(?:leaders|presidents|heads of state)",
            r"putin\b[^.;]{0,80}\b" + UKRAINE_LEADER + r"\b[^.;]{0,60}\btogether",
            r"(?:putin[-–]"
            + UKRAINE_LEADER
            + "|"
            + UKRAINE_LEADER
            + r"[-–]putin)\s+(?:\w+\s+)?(?:meeting|summit|talks)",
            UKRAINE_LEADER + r"\b[^.;]{0,80}\bputin\b[^.;]{0,60}\btogether",
        ),
        weak=(
            r"invitation",
            r"summit",
            r"\bmeet(?:ing)?\b",
            r"meet\w*\s+(?:with\s+)?putin",
            r"face[- ]to[- ]face",
            r"(?:at the )?(?:highest|top)[- ]level",
            # "ready to host talks", "offered to host it": a venue offered for the leaders' meeting ("a host of
            # problems" is no venue).
            r"host(?:s|ed|ing)?(?! of)",
        ),
        # Rule 5: a meeting of one party's leader with Trump alone is not the leaders' meeting; nor is a
        # round of the delegations' talks.
        exclude=(
            r"(?:the |a )?(?:first|second|third|latest|technical|expert|delegation\w*)\s+"
            r"(?:\w+\s+)?(?:meeting|round|session)s?",
            r"(?:next |new |another |fresh )?rounds? of (?:[\w-]+ ){0,2}(?:talks|negotiations|meetings)",
            r"(?:meet|meeting|met|summit|talks|sit down)\w*\s+(?:in person\s+)?(?:with\s+)?(?:the\s+)?"
            r"(?:us\s+|u\.s\.\s+|american\s+)?(?:president\s+)?(?:donald\s+)?trump\b(?![^.;]{0,25}"
            r"(?:putin|zelensk|three|trilateral))",
            # "after a meeting with President Zelensky at Mar-a-Lago": when something was said, not a summit sought.
            r"(?:after|following|during|at) (?:a |an |his |her |their |the )?(?:\w+ )?(?:meeting|talks|summit) with "
            r"(?:\w+\s+){0,3}" + UKRAINE_LEADER + r"\w*",
            r"trump\s+and\s+(?:president\s+)?(?:vladimir\s+)?putin\s+(?:\w+\s+){0,2}(?:met|meet|meeting|summit|"
            r"talks|get together)",
            r"putin\s+and\s+(?:president\s+)?(?:donald\s+)?trump\s+(?:\w+\s+){0,2}(?:met|meet|meeting|summit|"
            r"talks|get together)",
        ),
    ),
    "peace-plan": IssueLexicon(
        strong=(
            r"\d+-point (?:peace )?(?:plan|framework|proposal|document)",
            r"(?:twenty|28|20|19|12)[- ]points?",
            r"(?:us|u\.s\.|american|trump's|washington's)(?:-drafted|-brokered|-backed)? (?:peace )?"
            r"(?:plans?|framework|proposals?|drafts?|formulations|ideas)",
            r"(?:us|u\.s\.|american|trump's|washington's) peace (?:efforts|initiative|push|drive)",
            r"peace (?:plan|framework|proposals?|blueprint)",
            r"draft (?:peace )?(?:agreement|deal|plan|framework)",
            r"(?:updated|revised|amended|latest) (?:peace )?(?:draft|plan|framework|proposals?|version)",
            r"draft (?:\w+ )?from (?:washington|the us|the u\.s\.|the americans|the united states)",
            r"(?:european |ukrainian |kyiv's |europe's )?counter-?(?:proposals?|plan|draft|offer)",
            r"(?:witkoff|kushner|dmitriev|witkoff-dmitriev|witkoff-kushner)(?:'s)? (?:peace )?(?:plan|draft|proposals?|framework|document)",
        ),
        weak=(r"\bplan\b", r"framework", r"proposals?", r"draft"),
        # "the US proposal for a three-way meeting", "Russia's proposal of a truce": another issue's proposal.
        exclude=(
            r"(?:(?:the )?(?:us|u\.s\.|american|trump's|washington's|russian|ukrainian|european)(?:-drafted|-brokered)?"
            r" )?(?:plans?|proposals?|idea|offer|draft) (?:for|of|to hold|to have) (?:a |an |the )?(?:[\w'-]+ ){0,2}"
            r"(?:meeting|summit|talks|call|visit|exchange|swap|cease-?fire|truce|pause|loan|force|mission)",
        ),
    ),
    "nuclear-plant": IssueLexicon(
        strong=(
            r"zaporizh(?:zh)?ia (?:nuclear|npp|power plant|plant|station)",
            r"nuclear (?:power )?(?:plant|station|facility)",
            r"\bznpp\b",
            r"enerhodar",
            r"zaporozhye (?:nuclear|npp|plant)",
        ),
        weak=(
            r"nuclear",
            r"\biaea\b",
            r"\bplant\b",
            r"\breactors?\b",
        ),
        inverse=(
            r"(?:russian|russia's|rosatom|rosatom's|moscow's) (?:control|operation|management|facility|ownership|plant)",
            r"(?:belongs?|belonged) to russia",
        ),
    ),
}
