"""Long alternations of words, regrouped so that the regex engine tries fewer of them at each place.

Python's regex engine tries the alternatives of a group one after the other: at every word of a text,
``(?:absurd|aggression|...|war)`` makes it look at each of its hundred words' first letters. Grouped by their
first letter, ``(?:a(?:bsurd|ggression)|...|war)``, the same words cost one look per letter. The matches are
the same: only alternatives that start with the same character can both match at one place, and their order
is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A character that stands for itself and is safe to move in front of a group.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ',%-")
_QUANTIFIERS = frozenset("?*+{")


def regrouped(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with its alternations grouped by first character (same matches), or itself when it is
    case-insensitive or has more than one group (moving alternatives could renumber them)."""
    source = pattern.pattern
    if pattern.flags & re.IGNORECASE or "(?i" in source or pattern.groups > 1:
        return pattern
    grouped = _regroup_sequence(source)
    return re.compile(grouped, pattern.flags) if grouped != source else pattern


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
            opening = re.match(r"\((?:\?(?:<?[=!]|:|P<\w+>))?", source[index:]).group()
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

    for alternative in alternatives:
        char = _first_char(alternative)
        if char is None:
            flush()
            result.append(alternative)
        else:
            run.setdefault(char, []).append(alternative)
    flush()
    return result
