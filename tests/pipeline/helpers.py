"""Small registries and article files for pipeline tests, written for the project."""

import datetime as dt
import json
import random
from pathlib import Path

from actors.models import Actor, Alias, Role
from negotiations.models import Issue, Negotiation

FILLER_WORDS = [
    "delegation",
    "capital",
    "winter",
    "agenda",
    "officials",
    "region",
    "border",
    "meeting",
    "document",
    "envoy",
    "talks",
    "week",
    "plan",
    "corridor",
    "summit",
    "port",
    "grain",
    "energy",
    "grid",
    "city",
    "village",
    "convoy",
    "report",
    "council",
    "parliament",
    "budget",
    "loan",
    "harbour",
    "railway",
    "bridge",
    "airport",
    "frontier",
    "coast",
    "valley",
    "river",
    "district",
    "market",
    "bank",
    "reserve",
    "factory",
    "harvest",
    "school",
    "hospital",
]

SPEAKERS = [
    (
        "Kremlin spokesman Dmitry Peskov",
        "ceasefire",
        "Russia is not ready for a ceasefire before a settlement",
    ),
    (
        "Ukrainian President Volodymyr Zelenskyy",
        "security-guarantees",
        "Ukraine needs binding security guarantees",
    ),
    ("Russian Foreign Minister Sergey Lavrov", "territory", "the territorial question is closed for Moscow"),
]


def make_registry_rows() -> Negotiation:
    negotiation, _ = Negotiation.objects.get_or_create(
        slug="russia-ukraine",
        defaults={"name": "Russia–Ukraine peace talks", "started_on": dt.date(2025, 2, 12)},
    )
    russia, _ = Actor.objects.get_or_create(slug="russia", defaults={"name": "Russia", "kind": "government"})
    ukraine, _ = Actor.objects.get_or_create(
        slug="ukraine", defaults={"name": "Ukraine", "kind": "government"}
    )
    kremlin, _ = Actor.objects.get_or_create(
        slug="kremlin", defaults={"name": "Kremlin", "kind": "organisation", "party": russia}
    )
    people = [
        ("dmitry-peskov", "Dmitry Peskov", kremlin, "Kremlin spokesman", ["Peskov"]),
        (
            "volodymyr-zelenskyy",
            "Volodymyr Zelenskyy",
            ukraine,
            "President of Ukraine",
            ["Zelensky", "Zelenskiy"],
        ),
        (
            "sergey-lavrov",
            "Sergey Lavrov",
            russia,
            "Minister of Foreign Affairs of Russia",
            ["Sergei Lavrov", "Lavrov"],
        ),
    ]
    for slug, name, party, title, aliases in people:
        actor, created = Actor.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": "person", "party": party, "gender": "male"}
        )
        if created:
            for alias in aliases:
                Alias.objects.create(actor=actor, name=alias)
            Role.objects.create(actor=actor, title=title, start=dt.date(2000, 1, 1), descriptors=[title])
    for position, (slug, name, cues) in enumerate(
        [
            ("ceasefire", "Ceasefire", ["ceasefire", "truce"]),
            ("security-guarantees", "Security guarantees", ["security guarantees"]),
            ("territory", "Territory", ["territory", "territorial", "Donbas"]),
        ]
    ):
        Issue.objects.get_or_create(
            negotiation=negotiation,
            slug=slug,
            defaults={
                "name": name,
                "proposition": f"{name} as part of a settlement.",
                "cues": cues,
                "position": position,
            },
        )
    return negotiation


def article_text(number: int, rng: random.Random) -> str:
    speaker, _, claim = SPEAKERS[number % len(SPEAKERS)]
    filler = " ".join(rng.choice(FILLER_WORDS) for _ in range(120))
    return (
        f"Report {number} on the peace talks\n\n"
        f"{speaker} said on Tuesday that {claim}.\n\n"
        f"“We have said it many times and we repeat it today, in report {number},” he told reporters.\n\n"
        f"{filler.capitalize()}."
    )


def write_articles(folder: Path, *, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            record = {
                "id": f"article-{number}",
                "url": f"https://archive.parley.invalid/article-{number}",
                "title": f"Report {number} on the peace talks",
                "published": (dt.date(2026, 1, 1) + dt.timedelta(days=number % 28)).isoformat(),
                "text": article_text(number, rng),
            }
            out.write(json.dumps(record) + "\n")
    return path
