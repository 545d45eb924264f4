"""The registry: actors and issues, with their lookup indexes compiled once."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .entries import ActorEntry, IssueEntry, RoleEntry
from .issue_lexicon import DEFAULT_LEXICON, IssueLexicon
from .regexes import regrouped
from .text import fold

DEMO_DATA = Path(__file__).resolve().parent.parent / "demo" / "data"


@dataclass(frozen=True)
class NameEntry:
    actor: ActorEntry
    role: RoleEntry | None  # set for descriptors, which hold only while the role is held
    capitalised: bool  # a proper name: must be written with a capital letter to count


@dataclass(frozen=True)
class IssuePatterns:
    issue: IssueEntry
    strong: re.Pattern[str] | None
    weak: re.Pattern[str] | None
    inverse: re.Pattern[str] | None
    forward: re.Pattern[str] | None


def _trie_regex(phrases: Iterable[str]) -> str:
    """One regular expression for many literal phrases, shaped as a trie so matching never backtracks far."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True

    def render(node: dict) -> str:
        ends = "" in node
        branches = []
        for char in sorted(key for key in node if key):
            piece = r"\s+" if char == " " else ("['’]" if char == "'" else re.escape(char))
            branches.append(piece + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return render(trie)


def _spelling_variants(name: str) -> set[str]:
    """Common transliteration variants of a person's name (Zelenskyy/Zelensky/Zelenskiy, Sergey/Sergei)."""
    endings = (("yy", ("y", "iy", "yi", "ii")), ("iy", ("y", "yy", "ii")), ("ii", ("iy", "y", "yi")),
               ("ey", ("ei",)), ("ei", ("ey",)), ("iy", ("ij",)))  # fmt: skip
    variants = {name}
    words = name.split()
    for index, word in enumerate(words):
        for ending, replacements in endings:
            if len(word) > 4 and word.lower().endswith(ending):
                for replacement in replacements:
                    changed = [*words]
                    changed[index] = word[: -len(ending)] + replacement
                    variants.add(" ".join(changed))
    return variants


ABBREVIATIONS = (("US", "U.S."), ("UK", "U.K."), ("UN", "U.N."), ("EU", "E.U."))


def _abbreviation_variants(phrase: str) -> set[str]:
    """ "US special envoy" and "U.S. special envoy" name the same."""
    variants = {phrase}
    for short, dotted in ABBREVIATIONS:
        if re.search(rf"\b{short}\b", phrase):
            variants.add(re.sub(rf"\b{short}\b", dotted, phrase))
        if dotted in phrase:
            variants.add(phrase.replace(dotted, short))
    return variants


def _compile_any(patterns: Iterable[str]) -> re.Pattern[str] | None:
    patterns = [pattern for pattern in patterns if pattern]
    if not patterns:
        return None
    # Regrouped: the scanner tries these at every word start that opens one of their heads (same heads and matches).
    return regrouped(
        re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + r")(?![\w])")
    )


class Registry:
    """Actors and issues the engine resolves names and cue words against."""

    def __init__(self, actors: Iterable[ActorEntry], issues: Iterable[IssueEntry]) -> None:
        self.actors = tuple(actors)
        self.issues = tuple(issues)
        self.by_slug = {actor.slug: actor for actor in self.actors}
        self.issue_by_slug = {issue.slug: issue for issue in self.issues}
        self._names: dict[str, list[NameEntry]] = {}
        # (matched phrase, capitalised, day) -> (actors, descriptor only) or None; filled by mentions.py.
        self.resolved_names: dict[tuple[str, bool, date | None], tuple[list[ActorEntry], bool] | None] = {}
        self._index_actors()
        phrases = sorted(self._names, key=len, reverse=True)
        self.mention_re = (
            re.compile(r"(?<![\w'’-])(?:" + _trie_regex(phrases) + r")(?![\w])") if phrases else None
        )
        self.issue_patterns = tuple(self._compile_issue(issue) for issue in self.issues)
        from .issues import IssueScanner  # issues.py reads IssuePatterns from this module

        self.issue_scanner = IssueScanner.build(self.issue_patterns)

    # Loading

    @classmethod
    def from_demo_data(cls, path: str | Path | None = None) -> Registry:
        folder = Path(path) if path else DEMO_DATA
        actors = json.loads((folder / "actors.json").read_text(encoding="utf-8"))
        issues = json.loads((folder / "issues.json").read_text(encoding="utf-8"))
        return cls(
            (actor_from_dict(actor) for actor in actors),
            (issue_from_dict(issue) for issue in issues),
        )

    # Names

    def _add_name(self, phrase: str, entry: NameEntry) -> None:
        for variant in _abbreviation_variants(phrase):
            self._add_one_name(variant, entry)

    def _add_one_name(self, phrase: str, entry: NameEntry) -> None:
        key = " ".join(fold(phrase).lower().split())
        if len(key) < 2:
            return
        entries = self._names.setdefault(key, [])
        for index, existing in enumerate(entries):
            if existing.actor.slug == entry.actor.slug and existing.role == entry.role:
                if existing.capitalised and not entry.capitalised:
                    # "von der Leyen" and "Von der Leyen": a spelling in lower case lets the name be one
                    # whichever of them came first (the order of a set's items changes from run to run).
                    entries[index] = entry
                return
        entries.append(entry)

    def _index_actors(self) -> None:
        surnames: dict[str, list[ActorEntry]] = {}
        for actor in self.actors:
            names = {actor.name, *actor.aliases}
            if actor.is_person:
                names = {variant for name in names for variant in _spelling_variants(name)}
                surname = actor.name.split()[-1]
                if len(surname) > 3 and surname[0].isupper():
                    surnames.setdefault(fold(surname).lower(), []).append(actor)
            if not actor.is_person:  # "the Elysee Palace", "the Kremlin": the article belongs to the name
                names |= {"the " + name for name in names if not name.lower().startswith("the ")}
            for name in names:
                self._add_name(name, NameEntry(actor, None, capitalised=name[:1].isupper()))
            for role in actor.roles:
                for descriptor in role.descriptors:
                    self._add_name(descriptor, NameEntry(actor, role, capitalised=False))
        for surname, actors in surnames.items():
            if len(actors) == 1 and surname not in self._names:
                self._add_name(surname, NameEntry(actors[0], None, capitalised=True))

    def names_for(self, phrase: str) -> list[NameEntry]:
        found = self._names.get(phrase)  # already a key (folded, lower case, single spaces): the usual case
        if found is not None:
            return found
        return self._names.get(" ".join(fold(phrase).lower().split()), [])

    def resolve(self, phrase: str, on: date | None = None) -> list[ActorEntry]:
        """Actors a phrase may name on a date: names always, descriptors only while the role is held."""
        found = []
        for entry in self.names_for(phrase):
            if entry.role is not None and on is not None and not entry.role.held_on(on):
                continue
            if entry.actor not in found:
                found.append(entry.actor)
        return found

    def party_of(self, actor: ActorEntry) -> str:
        return actor.party or actor.slug

    # Issues

    def _compile_issue(self, issue: IssueEntry) -> IssuePatterns:
        lexicon = DEFAULT_LEXICON.get(issue.slug, IssueLexicon())
        weak_re = _compile_any(lexicon.weak)
        strong = list(lexicon.strong)
        weak = list(lexicon.weak)
        for cue in issue.cues:
            literal = re.escape(" ".join(fold(cue).lower().split())).replace(r"\ ", r"\s+")
            if weak_re is not None and weak_re.fullmatch(fold(cue).lower()):
                weak.append(literal)
            else:
                strong.append(literal)
        return IssuePatterns(
            issue=issue,
            strong=_compile_any(strong),
            weak=_compile_any(weak),
            inverse=_compile_any(lexicon.inverse),
            forward=_compile_any(lexicon.forward),
        )


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def actor_from_dict(data: dict) -> ActorEntry:
    roles = tuple(
        RoleEntry(
            title=role.get("title", ""),
            start=_parse_date(role.get("start")),
            end=_parse_date(role.get("end")),
            descriptors=tuple(role.get("descriptors", ())),
        )
        for role in data.get("roles", ())
    )
    return ActorEntry(
        slug=data["slug"],
        name=data["name"],
        kind=data.get("kind", "person"),
        party=data.get("party"),
        gender=data.get("gender", "") or "",
        aliases=tuple(data.get("aliases", ())),
        roles=roles,
    )


def issue_from_dict(data: dict) -> IssueEntry:
    return IssueEntry(
        slug=data["slug"],
        name=data.get("name", data["slug"]),
        proposition=data.get("proposition", ""),
        cues=tuple(data.get("cues", ())),
        parent=data.get("parent"),
    )
