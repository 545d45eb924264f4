"""Long alternations of words, regrouped so that the regex engine tries fewer of them at each place.

Python's regex engine tries the alternatives of a group one after the other: at every word of a text,
``(?:absurd|aggression|...|war)`` makes it look at each of its hundred words' first letters. Grouped by their
first letter, ``(?:a(?:bsurd|ggression)|...|war)``, the same words cost one look per letter. The matches are
the same: only alternatives that start with the same character can both match at one place, and their order
is kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# A character that stands for itself and is safe to move in front of a group.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ',%-")
_QUANTIFIERS = frozenset("?*+{")
GROUP_OPENING_RE = re.compile(r"\((?:\?(?:<?[=!]|:|P<\w+>))?")


def regrouped(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with its alternations grouped by first character (same matches), or itself when it is
    case-insensitive or has more than one group (moving alternatives could renumber them)."""
    source = pattern.pattern
    if pattern.flags & re.IGNORECASE or "(?i" in source or pattern.groups > 1:
        return pattern
    grouped = _regrouped_source(source)
    return re.compile(grouped, pattern.flags) if grouped != source else pattern


@functools.lru_cache(maxsize=512)
def _regrouped_source(source: str) -> str:
    """Kept: each registry built from the same issues regroups the same long patterns."""
    return _regroup_sequence(source)


def _atom_end(source: str, index: int) -> int:
    """Where the escape or character class starting at index ends (index + 1 for any other character)."""
    char = source[index]
    if char == "\\":
        return index + 2
    if char == "[":
        cursor = index + 1
        if cursor < len(source) and source[cursor] == "^":
            cursor += 1
        if cursor < len(source) and source[cursor] == "]":
            cursor += 1
        while source[cursor] != "]":
            cursor += 2 if source[cursor] == "\\" else 1
        return cursor + 1
    return index + 1


def _walk(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character from `start`, escapes and classes skipped."""
    depth, index = 0, start
    while index < len(source):
        char = source[index]
        if char in "\\[":
            index = _atom_end(source, index)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield index, char, depth
        index += 1


def _split(source: str) -> list[str]:
    """The top-level alternatives of a sequence."""
    alternatives, start = [], 0
    for index, char, depth in _walk(source):
        if char == "|" and depth == 0:
            alternatives.append(source[start:index])
            start = index + 1
    alternatives.append(source[start:])
    return alternatives


def _group_end(source: str, open_index: int) -> int:
    """The index of the parenthesis closing the group opened at open_index."""
    return next(index for index, char, depth in _walk(source, open_index) if char == ")" and depth == 0)


def _regroup_sequence(source: str) -> str:
    """A sequence of alternatives: each alternative's groups regrouped, then the alternatives themselves."""
    alternatives = [_regroup_groups(alternative) for alternative in _split(source)]
    if len(alternatives) == 1:
        return alternatives[0]
    return "|".join(_grouped_by_first_char(alternatives))


def _regroup_groups(source: str) -> str:
    """Regroups the alternatives inside every group of one alternative."""
    out, index = [], 0
    while index < len(source):
        char = source[index]
        if char in "\\[":
            end = _atom_end(source, index)
            out.append(source[index:end])
            index = end
            continue
        if char == "(":
            close = _group_end(source, index)
            opening = GROUP_OPENING_RE.match(source, index).group()
            out.append(opening + _regroup_sequence(source[index + len(opening) : close]) + ")")
            index = close + 1
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _first_char(alternative: str) -> str | None:
    """The plain character an alternative starts with, when nothing repeats or skips it."""
    if len(alternative) < 1 or alternative[0] not in _PLAIN:
        return None
    if len(alternative) > 1 and alternative[1] in _QUANTIFIERS:
        return None
    return alternative[0]


def _grouped_by_first_char(alternatives: list[str]) -> list[str]:
    """Runs of alternatives that start with a plain character, grouped by that character, order kept within."""
    result: list[str] = []
    run: dict[str, list[str]] = {}

    def flush() -> None:
        for char, members in run.items():
            if len(members) == 1:
                result.append(members[0])
            else:
                rest = _regroup_sequence("|".join(member[1:] for member in members))
                result.append(f"{char}(?:{rest})")
        run.clear()

    for alternative in (spelled for written in alternatives for spelled in _spelled_out(written)):
        char = _first_char(alternative)
        if char is None:
            flush()
            result.append(alternative)
        else:
            run.setdefault(char, []).append(alternative)
    flush()
    return result


# An alternative spelled out as more than this many is left as written.
MAX_SPELLED_OUT = 64
LOOKBEHIND_OPENINGS = ("(?<!", "(?<=")


def _spelled_out(alternative: str) -> list[str]:
    """An alternative that opens with a choice, as one alternative per choice, so that each starts with its plain
    character and can be grouped: "(?:under|on) terms" -> "under terms|on terms", "(?:too )?risky" and ",?and"
    -> "too risky|risky", ",and|and"; a lookbehind moves past the character after it: "(?<!kiev )regime" ->
    "r(?<!kiev r)egime". The engine no longer enters every such alternative at every word. Same matches, in the
    same order (a greedy "?" tries its text first); nothing with a numbered or named group is copied."""
    spelled = [alternative]
    if alternative.startswith("(?:"):
        close = _group_end(alternative, 0)
        choices, rest = _split(alternative[3:close]), alternative[close + 1 :]
        optional = rest[:1] == "?" and rest[1:2] not in ("?", "+")
        if optional:
            rest = rest[1:]
        if (optional or rest[:1] not in _QUANTIFIERS) and not _captures(rest):
            spelled = [choice + rest for choice in choices] + ([rest] if optional else [])
            spelled = [out for choice in spelled for out in _spelled_out(choice)]
    elif alternative.startswith(LOOKBEHIND_OPENINGS):
        close = _group_end(alternative, 0)
        behind, rest = alternative[: close + 1], alternative[close + 1 :]
        if not _captures(behind):
            spelled = [_moved_past_first_char(behind, choice) for choice in _spelled_out(rest)]
    elif alternative[:1] in _PLAIN and alternative[1:2] == "?" and alternative[2:3] not in ("?", "+"):
        spelled = [alternative[0] + alternative[2:], *_spelled_out(alternative[2:])]
    return spelled if len(spelled) <= MAX_SPELLED_OUT else [alternative]


def _moved_past_first_char(lookbehind: str, alternative: str) -> str:
    """ "(?<!kiev )" before "regime": "r(?<!kiev r)egime", the lookbehind taking in the character it passed."""
    char = _first_char(alternative)
    if char is None:
        return lookbehind + alternative
    inside = lookbehind[4:-1]
    if len(_split(inside)) > 1:
        inside = f"(?:{inside})"
    return f"{char}{lookbehind[:4]}{inside}{char}){alternative[1:]}"


def _captures(source: str) -> bool:
    """Whether source opens a numbered or named group (copying it would add a group)."""
    return any(char == "(" and (source[index + 1 : index + 2] != "?" or source.startswith("(?P<", index))
               for index, char, _ in _walk(source))  # fmt: skip
