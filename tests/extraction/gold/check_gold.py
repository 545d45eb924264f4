"""Validate gold statement files (one JSON article a line) against the annotation rules.

Usage: .venv/bin/python tests/extraction/gold/check_gold.py [--stats] FILE...

Pure Python (standard library only), so it runs anywhere the repository is checked out. It checks what a
machine can check: the format, that every quote stands verbatim in the text (a direct one between quotation
marks, or as a whole paragraph of a transcript turn such as "Sergey Lavrov: ..."), the codebook slugs and stances,
canonical speaker names, and dates (ISO, not after publication, backed by a weekday, "yesterday" or a date
in the text, and every "Thursday, January 29" in the text true to the calendar). Whether a stance is right is
left to the annotator. Exit status 1 when a problem is found.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ISSUES = (
    "security-guarantees",
    "territory",
    "ceasefire",
    "energy-strikes",
    "sanctions",
    "prisoner-exchange",
    "nato-membership",
    "peacekeepers",
    "frozen-assets",
    "elections",
    "leaders-meeting",
    "peace-plan",
    "nuclear-plant",
)
STANCES = ("supports", "conditional", "neutral", "opposes")
KINDS = ("direct", "paraphrase")
ARTICLE_KEYS = {"id", "source", "published", "title", "text", "statements"}
STATEMENT_KEYS = {"speaker", "kind", "quote", "said_on", "issues", "anonymous"}
MIN_WORDS, MAX_WORDS = 500, 1000

OPENING_MARKS = "“\"«„‘'‚‹"
CLOSING_MARKS = "”\"»“‘’'›"
# A transcript turn ("Sergey Lavrov: ...", "Question (TASS): ...", "Q: ...") at the start of a paragraph gives
# the speaker's own words without quotation marks: each of its paragraphs is a direct statement whose quote is
# the whole paragraph after the label (or the whole paragraph, for the turn's later paragraphs).
_LABEL_WORD = r"(?:[A-Z][\w.'’-]*|de|von|der|van|bin|al)"
TRANSCRIPT_LABEL = re.compile(rf"[A-Z][\w.'’-]*(?: {_LABEL_WORD}){{0,4}}(?: \([^()\n]{{1,80}}\))?: ")

# Spellings that must be written in their canonical form (ANNOTATION.md, decision 9).
CANONICAL_NAMES = {
    "Volodymyr Zelenskyy": r"zelensk",
    "Sergey Lavrov": r"lavrov",
    "Dmitry Peskov": r"peskov",
    "Yuri Ushakov": r"ushakov",
    "Kirill Dmitriev": r"\bdmitri[iy]?ev\b",
    "Maria Zakharova": r"zakharova",
    "Vladimir Medinsky": r"medinsk",
    "Vladimir Putin": r"\bputin\b",
    "Rustem Umerov": r"umerov",
    "Andrii Sybiha": r"syb[iy][hg]a|sibiga",
    "Donald Trump": r"\btrump\b",
    "Marco Rubio": r"\brubio\b",
    "Steve Witkoff": r"witkoff",
    "JD Vance": r"\bvance\b",
    "Karoline Leavitt": r"leavitt",
    "Scott Bessent": r"bessent",
    "Recep Tayyip Erdoğan": r"erdo[gğ]an",
    "Kaja Kallas": r"kallas",
    "Ursula von der Leyen": r"von der leyen",
    "Mark Rutte": r"\brutte\b",
    "Emmanuel Macron": r"macron",
    "Keir Starmer": r"starmer",
    "Friedrich Merz": r"\bmerz\b",
    "Viktor Orbán": r"orb[aá]n",
    "Jean-Noël Barrot": r"barrot",
}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = "(" + "|".join(WEEKDAYS) + ")"
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:,?\s+(\d{4}))?"
WEEKDAY_MONTH_DAY = re.compile(rf"\b{_WEEKDAY},?\s+{_MONTH}\s+(\d{{1,2}})\b{_YEAR}")
WEEKDAY_DAY_MONTH = re.compile(rf"\b{_WEEKDAY},?\s+(\d{{1,2}})\s+{_MONTH}\b{_YEAR}")
TODAY_WORDS = re.compile(r"\b(today|tonight|this morning|this afternoon|this evening|earlier on)\b", re.I)
YESTERDAY_WORDS = re.compile(r"\b(yesterday|the day before|last night|overnight)\b", re.I)


def parse_iso(value: object) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: date) -> int:
    """The year of a day written without one: the latest such day not long after publication."""
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published + timedelta(days=31):
            return year
    return published.year


def check_weekday_phrases(text: str, published: date) -> list[str]:
    problems = []
    for pattern, day_group, month_group in ((WEEKDAY_MONTH_DAY, 3, 2), (WEEKDAY_DAY_MONTH, 2, 3)):
        for match in pattern.finditer(text):
            weekday, day, month = (
                match.group(1),
                int(match.group(day_group)),
                MONTHS[match.group(month_group)],
            )
            year = int(match.group(4)) if match.group(4) else infer_year(month, day, published)
            try:
                actual = date(year, month, day)
            except ValueError:
                problems.append(f"text has an impossible date: {match.group(0)!r}")
                continue
            if WEEKDAYS[actual.weekday()] != weekday:
                problems.append(
                    f"text says {match.group(0)!r} but {actual} is a {WEEKDAYS[actual.weekday()]}"
                )
    return problems


def date_is_backed_by_text(said_on: date, published: date, text: str) -> bool:
    """Whether the text gives a way to tell this date: its weekday, its day of the month, today, yesterday."""
    days_before = (published - said_on).days
    if days_before < 7 and re.search(rf"\b{WEEKDAYS[said_on.weekday()]}\b", text):
        return True
    if days_before == 0 and TODAY_WORDS.search(text):
        return True
    if days_before == 1 and YESTERDAY_WORDS.search(text):
        return True
    month_names = [name for name, number in MONTHS.items() if number == said_on.month]
    for month in month_names:
        month = re.escape(month)
        if re.search(rf"\b{month}\.?\s+{said_on.day}\b|\b{said_on.day}(st|nd|rd|th)?\s+{month}\b", text):
            return True
    return False


def spans(text: str, quote: str) -> list[tuple[int, int]]:
    found, start = [], text.find(quote)
    while start != -1:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found


def check_speaker(statement: dict) -> list[str]:
    speaker, anonymous = statement["speaker"], statement["anonymous"]
    problems = []
    if not isinstance(speaker, str) or not speaker.strip():
        return ["speaker must be a non-empty string"]
    if not isinstance(anonymous, bool):
        problems.append("anonymous must be true or false")
    elif anonymous != speaker.startswith("unnamed"):
        problems.append(f"anonymous is {str(anonymous).lower()} but speaker is {speaker!r}")
    for canonical, pattern in CANONICAL_NAMES.items():
        if speaker != canonical and re.search(pattern, speaker, re.I):
            problems.append(f"speaker {speaker!r} should be written {canonical!r}")
    return problems


def check_quote(statement: dict, text: str) -> list[str]:
    quote, kind = statement["quote"], statement["kind"]
    if not isinstance(quote, str) or not quote.strip():
        return ["quote must be a non-empty string"]
    problems = []
    if quote != quote.strip():
        problems.append(f"quote has surrounding whitespace: {quote!r}")
    if "\n" in quote:
        problems.append(f"quote runs over a paragraph break (one statement per paragraph): {quote[:60]!r}")
    found = spans(text, quote)
    if not found:
        problems.append(f"quote not found verbatim in text: {quote[:80]!r}")
    elif kind == "direct" and not any(
        (
            start > 0
            and text[start - 1] in OPENING_MARKS
            and (end == len(text) or text[end] in CLOSING_MARKS + "\n")
        )
        or is_transcript_turn(text, start, end)
        for start, end in found
    ):
        problems.append(
            f"direct quote is neither the whole text between quotation marks nor a transcript turn's paragraph: "
            f"{quote[:80]!r}"
        )
    return problems


def is_transcript_turn(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole paragraph of a transcript turn: after a label ("S.Lavrov: "), or a
    later paragraph of a labelled turn. Only texts with two or more labelled paragraphs are transcripts."""
    paragraphs = text.split("\n")
    labelled = [bool(TRANSCRIPT_LABEL.match(paragraph)) for paragraph in paragraphs]
    if sum(labelled) < 2 or (end != len(text) and text[end] != "\n"):
        return False
    first = text.rfind("\n", 0, start) + 1
    if first < start:
        return TRANSCRIPT_LABEL.fullmatch(text[first:start]) is not None
    index = text.count("\n", 0, start) - 1
    while index >= 0 and not paragraphs[index].strip():
        index -= 1
    # The paragraph before (blank lines aside) opens the turn, or is itself a later paragraph of it.
    while index >= 0 and not labelled[index]:
        index -= 1
    return index >= 0


def check_statement(statement: object, article: dict, published: date | None) -> list[str]:
    if not isinstance(statement, dict):
        return ["statement must be an object"]
    missing, extra = STATEMENT_KEYS - statement.keys(), statement.keys() - STATEMENT_KEYS
    if missing or extra:
        return [f"statement keys: missing {sorted(missing)}, unexpected {sorted(extra)}"]
    problems = check_speaker(statement)
    if statement["kind"] not in KINDS:
        problems.append(f"kind {statement['kind']!r} is not one of {KINDS}")
    else:
        problems += check_quote(statement, article["text"])
    issues = statement["issues"]
    if not isinstance(issues, dict):
        problems.append("issues must be an object (slug -> stance)")
    else:
        for slug, stance in issues.items():
            if slug not in ISSUES:
                problems.append(f"unknown issue slug {slug!r}")
            if stance not in STANCES:
                problems.append(f"issue {slug!r} has unknown stance {stance!r}")
    said_on = statement["said_on"]
    if said_on is not None:
        day = parse_iso(said_on)
        if day is None:
            problems.append(f"said_on {said_on!r} is not an ISO date (YYYY-MM-DD) or null")
        elif published is not None:
            if day > published:
                problems.append(f"said_on {said_on} is after publication ({published})")
            elif not date_is_backed_by_text(day, published, article["text"]):
                problems.append(
                    f"said_on {said_on}: the text names neither its weekday, its date nor 'yesterday'"
                )
    if problems:
        where = f"statement {statement.get('speaker')!r} / {str(statement.get('quote'))[:40]!r}"
        problems = [f"{where}: {problem}" for problem in problems]
    return problems


def check_overlaps(statements: list[dict], text: str) -> list[str]:
    """Two statements on the same words (each found once) mean the words were annotated twice."""
    located = []
    for statement in statements:
        quote = statement.get("quote")
        if isinstance(quote, str) and quote and len(found := spans(text, quote)) == 1:
            located.append((found[0], quote))
    problems = []
    for index, ((start, end), quote) in enumerate(located):
        for (other_start, other_end), other in located[index + 1 :]:
            if start < other_end and other_start < end:
                problems.append(f"statements overlap in the text: {quote[:40]!r} and {other[:40]!r}")
    return problems


def check_article(article: object) -> list[str]:
    if not isinstance(article, dict):
        return ["line must hold a JSON object"]
    missing, extra = ARTICLE_KEYS - article.keys(), article.keys() - ARTICLE_KEYS
    if missing or extra:
        return [f"article keys: missing {sorted(missing)}, unexpected {sorted(extra)}"]
    problems = []
    for key in ("id", "source", "title", "text"):
        if not isinstance(article[key], str) or not article[key].strip():
            problems.append(f"{key} must be a non-empty string")
    if problems:
        return problems
    published = parse_iso(article["published"])
    if published is None:
        problems.append(f"published {article['published']!r} is not an ISO date")
    if not article["text"].startswith(article["title"]):
        problems.append("text must start with the headline (title)")
    words = len(article["text"].split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        problems.append(f"text has {words} words, expected {MIN_WORDS}-{MAX_WORDS}")
    if published is not None:
        problems += check_weekday_phrases(article["text"], published)
    statements = article["statements"]
    if not isinstance(statements, list):
        return [*problems, "statements must be a list"]
    for statement in statements:
        problems += check_statement(statement, article, published)
    pairs = Counter((s.get("speaker"), s.get("quote")) for s in statements if isinstance(s, dict))
    problems += [
        f"duplicate statement {speaker!r} / {quote!r}" for (speaker, quote), n in pairs.items() if n > 1
    ]
    problems += check_overlaps([s for s in statements if isinstance(s, dict)], article["text"])
    return problems


def read_articles(path: Path) -> tuple[list[dict], list[str]]:
    articles, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            problems.append(f"{path}:{number}: blank line")
            continue
        try:
            article = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path}:{number}: not JSON: {error}")
            continue
        label = article.get("id", "?") if isinstance(article, dict) else "?"
        problems += [f"{path}:{number} {label}: {problem}" for problem in check_article(article)]
        articles.append(article)
    return articles, problems


def check_files(paths: list[Path]) -> list[str]:
    """All problems found in the files, ids and texts checked for uniqueness across them."""
    problems, ids, texts = [], Counter(), Counter()
    for path in paths:
        articles, file_problems = read_articles(path)
        problems += file_problems
        for article in articles:
            if isinstance(article, dict):
                ids[article.get("id")] += 1
                texts[article.get("text")] += 1
    problems += [f"id {article_id!r} is used {n} times" for article_id, n in ids.items() if n > 1]
    problems += [f"the same text appears {n} times" for n in texts.values() if n > 1]
    return problems


def statistics(paths: list[Path]) -> str:
    """Counts by kind and the issue x stance pairs covered, for the README and reviews."""
    lines = []
    for path in paths:
        articles, _ = read_articles(path)
        statements = [s for a in articles for s in a["statements"]]
        kinds = Counter(s["kind"] for s in statements)
        pairs = Counter((slug, stance) for s in statements for slug, stance in s["issues"].items())
        lines.append(
            f"{path}: {len(articles)} articles, {len(statements)} statements "
            f"({kinds['direct']} direct, {kinds['paraphrase']} paraphrase), "
            f"{sum(s['anonymous'] for s in statements)} anonymous, "
            f"{sum(s['said_on'] is not None for s in statements)} dated, "
            f"{sum(not s['issues'] for s in statements)} without issue"
        )
        for slug in ISSUES:
            cells = "  ".join(f"{stance[:4]} {pairs[slug, stance]:2d}" for stance in STANCES)
            lines.append(f"  {slug:20s} {cells}")
        missing = [f"{slug}/{stance}" for slug in ISSUES for stance in STANCES if not pairs[slug, stance]]
        lines.append(f"  not covered: {', '.join(missing) or 'none'}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    show_stats = "--stats" in argv
    paths = [Path(arg) for arg in argv if arg != "--stats"]
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems = check_files(paths)
    for problem in problems:
        print(problem)
    if show_stats and not problems:
        print(statistics(paths))
    print(f"{len(problems)} problem(s) in {len(paths)} file(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
