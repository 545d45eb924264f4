"""The date words were said, read from the attribution around a statement."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .lexicon import MONTHS, WEEKDAYS

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# "long insisted", "long been": a position held over time; not the adjective ("after a long phone call").
_LONG_HELD = r"long(?=\s+(?:[a-z]+ed|been|said|held|sought|kept|made|told)(?![\w-]))"

DATE_RE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<weekday>(?P<last>last\s+)?(?P<wd>{_WEEKDAY}))(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?P<md_month>{_MONTH})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>\d{{4}}))?"
    rf"|(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>\d{{4}}))?"
    # "29.01.2026", "29/01/2026"; "on the 29th" (not "on the 20th sanctions package")
    rf"|(?P<num_day>\d{{1,2}})(?P<num_sep>[./])(?P<num_month>\d{{1,2}})(?P=num_sep)(?P<num_year>\d{{4}})"
    rf"|on\s+(?:the\s+)?(?P<nth>\d{{1,2}})(?:st|nd|rd|th)(?!\s+(?:of\s+)?{_MONTH})(?=\s*(?:[,.;:)]|$|(?:that|when|and|at|in|as|after|before)\s))"
    # "the day before" on its own is yesterday (state media's "nakanune"); "the day before the talks" is another
    # event's eve (vague, below)
    rf"|(?P<two_days_ago>the day before yesterday)"
    rf"|(?P<yesterday>yesterday|the day before(?!\s+(?:the|a|an|his|her|its|their|this|that)\s)|last night)"
    rf"|(?P<today>today|this morning|this afternoon|this evening|tonight|earlier today)"
    rf"|(?P<vague>(?:last|this|next|earlier this|late last|early last)\s+(?:week|weekend|month|year)|"
    # not a day: "at the weekend"; a day counted from another one the text names: "two days later", "the next day"
    rf"(?:at|over|during) the weekend|(?:a|one|two|three|four|five|several|\d+) (?:days?|weeks?) later|"
    # "A day earlier, Lavrov said ...": the day before one the text names (which `dating` reads when it can)
    rf"the (?:next|following) (?:day|morning|week)|the day before|the previous day|the day prior|"
    rf"in the past|at the time|previously|recently|{_LONG_HELD}|for (?:months|years|weeks)|in (?:{_MONTH}|\d{{4}})|"
    rf"earlier(?! on {_WEEKDAY})|months ago|weeks ago|years ago|days ago|a year ago|once|repeatedly|has long|had long)"
    rf")(?![\w-])"
)


EARLIER_DAY_RE = re.compile(r"(?<![\w-])(?:(?:a|one) day earlier|the previous day|the day prior)(?![\w-])")

# "that morning", "later the same day": the day named just before, which the engine takes to be the lead's.
SAME_DAY_RE = re.compile(r"(?<![\w-])(?:that|the same) (?:day|morning|afternoon|evening|night)(?![\w-])")

# "Speaking to reporters after the talks", "Following the conversation": the day of the event the lead reports
# (not "two days after the talks").
AFTER_THE_EVENT_RE = re.compile(
    r"(?<![\w-])(?<!days )(?<!day )(?<!weeks )(?<!week )(?<!months )"
    r"(?:after|following) the (?:talks|meeting|conversation|call|summit|session|negotiations)(?![\w-])"
)

# "The Defence Ministry confirmed the exchange in a statement": a confirmation of the event the lead reports, that
# day's news.
CONFIRMED_THE_EVENT_RE = re.compile(
    r"(?<![\w-])confirmed the (?:exchange|swap|talks|meeting|conversation|call|agreement|deal)(?![\w-])"
)

# "Tusk later wrote ...": later the same day, not "later this week" nor "years later".
LATER_RE = re.compile(
    r"(?<![\w-])(?<!no )(?<!days )(?<!weeks )(?<!months )(?<!years )later(?![\w-])(?! (?:this|that|next|in|on)\b)"
)

# "as soon as Friday", "by Monday", "until Thursday": a day ahead, or a deadline, not when words were said.
FUTURE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:next|by|until|till|as soon as|as early as|no later than|before|coming|starting|from|due)\s+(?:on\s+)?$"
)

# "the next round would take place on Monday", "he will travel to Washington on Sunday": the day of a coming event
# in the same clause, not when the words were said. "would not" is left out: "the Kremlin would not comment on
# Monday" is a refusal that day.
FUTURE_MODAL_RE = re.compile(
    r"(?<![\w'’])(?:will|shall|would(?! not)|(?:is|are|was|were) (?:expected|due|scheduled|set|slated|to)|"
    r"plans? to|planned to|intends? to)(?![\w'’])|['’]ll(?![\w'’])"
)
# A clause break or a verb of saying between the modal and the day: "Russia will respond, Peskov said on Monday".
CLAUSE_BREAK_RE = re.compile(r"[,;:.()]|(?<![\w-])(?:said|says|told|added|stated|wrote|posted)(?![\w-])")
FUTURE_LOOKBACK = 60  # characters: a clause's verb and its object ("would take place in Abu Dhabi on")


def _in_future_clause(text: str, start: int) -> bool:
    """Whether a future or modal verb rules the clause that ends at `start`."""
    window_start = max(0, start - FUTURE_LOOKBACK)
    modals = list(FUTURE_MODAL_RE.finditer(text, window_start, start))
    if not modals:
        return False  # most days: no modal before them, one look
    return CLAUSE_BREAK_RE.search(text, modals[-1].end(), start) is None


def _weekday(published: date, weekday: int, strictly_before: bool) -> date:
    days_back = (published.weekday() - weekday) % 7
    if strictly_before and days_back == 0:
        days_back = 7
    return published - timedelta(days=days_back)


def _month_day(published: date, month: int, day: int, year: str | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        found = date(published.year, month, day)
    except ValueError:
        return None
    if found > published + timedelta(days=1):
        try:
            found = date(published.year - 1, month, day)
        except ValueError:
            return None
    return found


def _numeric_date(published: date, match: re.Match[str]) -> date | None:
    """'29.01.2026', '29/01/2026': day first, as news outside the US writes it; month first ('01/29/2026') only when
    the first number cannot be a month."""
    first, second = int(match.group("num_day")), int(match.group("num_month"))
    day, month = (first, second) if second <= 12 else (second, first)
    if month > 12:
        return None
    found = _month_day(published, month, day, match.group("num_year"))
    return found if found is not None and found <= published + timedelta(days=1) else None


def _day_of_month(published: date, day: int) -> date | None:
    """'on the 29th': this month's, else last month's when this month's is still ahead."""
    month, year = published.month, published.year
    for _ in range(2):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found <= published:
            return found
        month, year = (month - 1, year) if month > 1 else (12, year - 1)
    return None


# Cached: the dating rules read the same attribution or paragraph again for each statement near it (about
# four reads in five repeat one, in the benchmark's articles); the answer depends only on the text and day.
@functools.lru_cache(maxsize=4096)
def read_date(text: str, published: date | None) -> tuple[date | None, bool]:
    """The first date expression of an attribution text: (date, vague) where vague means "said some other time"."""
    if published is None:
        return None, False
    for match in DATE_RE.finditer(text):
        if FUTURE_BEFORE_RE.search(text, max(0, match.start() - 20), match.start()):
            continue
        if not (
            match.group("vague")
            or match.group("yesterday")
            or match.group("two_days_ago")
            or match.group("today")
        ) and _in_future_clause(text, match.start()):
            continue
        if match.group("weekday"):
            weekday = WEEKDAYS[match.group("wd")]
            return _weekday(published, weekday, bool(match.group("last"))), False
        if match.group("md_month"):
            month = MONTHS[match.group("md_month")]
            found = _month_day(published, month, int(match.group("md_day")), match.group("md_year"))
            if found is not None and found <= published + timedelta(days=1):
                return found, False
            continue
        if match.group("dm_month"):
            month = MONTHS[match.group("dm_month")]
            found = _month_day(published, month, int(match.group("dm_day")), match.group("dm_year"))
            if found is not None and found <= published + timedelta(days=1):
                return found, False
            continue
        if match.group("num_day"):
            found = _numeric_date(published, match)
            if found is not None:
                return found, False
            continue
        if match.group("nth"):
            found = _day_of_month(published, int(match.group("nth")))
            if found is not None:
                return found, False
            continue
        if match.group("two_days_ago"):
            return published - timedelta(days=2), False
        if match.group("yesterday"):
            return published - timedelta(days=1), False
        if match.group("today"):
            return published, False
        if match.group("vague"):
            return None, True
    return None, False


def is_sentence(line: str) -> bool:
    """A paragraph ending as a sentence ends; a dek under the headline ("Kyiv asks ...; analysts see ...") does not,
    so it is no lead."""
    return line.rstrip().rstrip("\"”’'»)")[-1:] in ".!?:…"
