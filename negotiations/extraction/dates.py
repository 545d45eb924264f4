"""The date words were said, read from the attribution around a statement."""

from __future__ import annotations

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
    rf"|(?P<yesterday>yesterday|the day before|last night)"
    rf"|(?P<today>today|this morning|this afternoon|this evening|tonight|earlier today)"
    rf"|(?P<vague>(?:last|this|next|earlier this|late last|early last)\s+(?:week|weekend|month|year)|"
    rf"in the past|at the time|previously|recently|{_LONG_HELD}|for (?:months|years|weeks)|in (?:{_MONTH}|\d{{4}})|"
    rf"earlier(?! on {_WEEKDAY})|months ago|weeks ago|years ago|days ago|a year ago|once|repeatedly|has long|had long)"
    rf")(?![\w-])"
)


# "that morning", "later the same day": the day named just before, which the engine takes to be the lead's.
SAME_DAY_RE = re.compile(r"(?<![\w-])(?:that|the same) (?:day|morning|afternoon|evening|night)(?![\w-])")

# "Speaking to reporters after the talks", "Following the conversation": the day of the event the lead reports.
AFTER_THE_EVENT_RE = re.compile(
    r"(?<![\w-])(?:after|following) the (?:talks|meeting|conversation|call|summit|session|negotiations)(?![\w-])"
)

# "Tusk later wrote ...": later the same day, not "later this week" nor "years later".
LATER_RE = re.compile(
    r"(?<![\w-])(?<!no )(?<!days )(?<!weeks )(?<!months )(?<!years )later(?![\w-])(?! (?:this|that|next|in|on)\b)"
)

# "as soon as Friday", "by Monday", "until Thursday": a day ahead, or a deadline, not when words were said.
FUTURE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:next|by|until|till|as soon as|as early as|no later than|before|coming|starting|from|due)\s+(?:on\s+)?$"
)


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


def read_date(text: str, published: date | None) -> tuple[date | None, bool]:
    """The first date expression of an attribution text: (date, vague) where vague means "said some other time"."""
    if published is None:
        return None, False
    for match in DATE_RE.finditer(text):
        if FUTURE_BEFORE_RE.search(text, max(0, match.start() - 20), match.start()):
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
