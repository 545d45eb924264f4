"""A small registry written for the tests, so they do not depend on the demo data files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from negotiations.extraction import Registry, extract
from negotiations.extraction.registry import actor_from_dict, issue_from_dict

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = (REPO_ROOT / "../shared").resolve()
PUBLISHED = date(2026, 1, 30)  # a Friday


def _person(slug, name, party, gender, aliases=(), roles=()):
    return {"slug": slug, "name": name, "kind": "person", "party": party, "gender": gender,
            "aliases": list(aliases), "roles": list(roles)}  # fmt: skip


def _role(title, start, end=None, descriptors=()):
    return {"title": title, "start": start, "end": end, "descriptors": list(descriptors)}


ACTORS = [
    {"slug": "russia", "name": "Russia", "kind": "government", "party": None,
     "aliases": ["Moscow", "Russian Federation", "the Russian government"]},
    {"slug": "ukraine", "name": "Ukraine", "kind": "government", "party": None,
     "aliases": ["Kyiv", "Kiev", "the Ukrainian government"]},
    {"slug": "united-states", "name": "United States", "kind": "government", "party": None,
     "aliases": ["Washington", "the US", "the U.S.", "the United States", "the Trump administration"]},
    {"slug": "european-union", "name": "European Union", "kind": "bloc", "party": None,
     "aliases": ["the EU", "Brussels", "the European Union"]},
    {"slug": "kremlin", "name": "Kremlin", "kind": "organisation", "party": "russia", "aliases": ["the Kremlin"]},
    {"slug": "white-house", "name": "White House", "kind": "organisation", "party": "united-states",
     "aliases": ["the White House"]},
    _person("vladimir-putin", "Vladimir Putin", "russia", "male", ["Putin", "Vladimir Vladimirovich Putin"],
            [_role("President of Russia", "2012-05-07", None, ["Russian President", "the Russian president",
                                                               "Russia's president", "the Russian leader"])]),
    _person("sergey-lavrov", "Sergey Lavrov", "russia", "male", ["Sergei Lavrov", "Lavrov"],
            [_role("Minister of Foreign Affairs of Russia", "2004-03-09", None,
                   ["Russian Foreign Minister", "Russia's foreign minister", "Russia's top diplomat",
                    "the Russian foreign minister", "Moscow's top diplomat"])]),
    _person("dmitry-peskov", "Dmitry Peskov", "russia", "male", ["Dmitri Peskov", "Peskov"],
            [_role("Kremlin press secretary", "2012-05-22", None,
                   ["Kremlin spokesman", "the Kremlin spokesman", "Kremlin spokesperson",
                    "Putin's spokesman", "the Kremlin's spokesman"])]),
    _person("maria-zakharova", "Maria Zakharova", "russia", "female", ["Zakharova"],
            [_role("Spokeswoman of the Russian Foreign Ministry", "2015-08-10", None,
                   ["Russian Foreign Ministry spokeswoman", "foreign ministry spokeswoman"])]),
    _person("yuri-ushakov", "Yuri Ushakov", "russia", "male", ["Yury Ushakov", "Ushakov"],
            [_role("Foreign policy aide to the President of Russia", "2012-05-21", None,
                   ["Kremlin aide", "Putin's foreign policy aide", "Kremlin foreign policy aide"])]),
    _person("kirill-dmitriev", "Kirill Dmitriev", "russia", "male", ["Dmitriev"],
            [_role("Special envoy for economic cooperation", "2025-02-23", None, ["Kremlin envoy", "Putin's envoy"])]),
    _person("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "ukraine", "male",
            ["Zelenskyy", "Zelensky", "Zelenskiy", "Volodymyr Zelensky", "Volodymyr Zelenskiy"],
            [_role("President of Ukraine", "2019-05-20", None, ["Ukrainian President", "the Ukrainian president",
                                                                "Ukraine's president", "the Ukrainian leader"])]),
    _person("andrii-sybiha", "Andrii Sybiha", "ukraine", "male", ["Andriy Sybiha", "Sybiha"],
            [_role("Minister of Foreign Affairs of Ukraine", "2024-09-05", None,
                   ["Ukrainian Foreign Minister", "Ukraine's foreign minister", "Ukraine's top diplomat"])]),
    _person("rustem-umerov", "Rustem Umerov", "ukraine", "male", ["Umerov"],
            [_role("Secretary of the National Security and Defense Council", "2025-07-17", None,
                   ["Ukraine's chief negotiator", "Ukraine's top negotiator"])]),
    _person("donald-trump", "Donald Trump", "united-states", "male", ["Trump", "Donald J. Trump"],
            [_role("President of the United States", "2025-01-20", None,
                   ["US President", "U.S. President", "the US president", "the American president"])]),
    _person("marco-rubio", "Marco Rubio", "united-states", "male", ["Rubio"],
            [_role("United States Secretary of State", "2025-01-21", None,
                   ["US Secretary of State", "U.S. Secretary of State", "the US secretary of state",
                    "the secretary of state", "America's top diplomat"])]),
    _person("antony-blinken", "Antony Blinken", "united-states", "male", ["Blinken"],
            [_role("United States Secretary of State", "2021-01-26", "2025-01-20",
                   ["US Secretary of State", "the US secretary of state", "the secretary of state"])]),
    _person("steve-witkoff", "Steve Witkoff", "united-states", "male", ["Witkoff", "Steven Witkoff"],
            [_role("US special envoy", "2025-01-20", None, ["US special envoy", "Trump's envoy",
                                                           "the US envoy", "White House envoy"])]),
    _person("jd-vance", "JD Vance", "united-states", "male", ["J.D. Vance", "Vance"],
            [_role("Vice President of the United States", "2025-01-20", None, ["US Vice President"])]),
    _person("karoline-leavitt", "Karoline Leavitt", "united-states", "female", ["Leavitt"],
            [_role("White House Press Secretary", "2025-01-20", None, ["White House press secretary"])]),
    _person("kaja-kallas", "Kaja Kallas", "european-union", "female", ["Kallas"],
            [_role("High Representative of the EU", "2024-12-01", None, ["EU foreign policy chief",
                                                                        "the EU's top diplomat"])]),
    _person("emmanuel-macron", "Emmanuel Macron", "france", "male", ["Macron"],
            [_role("President of France", "2017-05-14", None, ["French President", "the French president"])]),
    _person("viktor-orban", "Viktor Orbán", "hungary", "male", ["Orbán", "Orban", "Viktor Orban"],
            [_role("Prime Minister of Hungary", "2010-05-29", None, ["Hungarian Prime Minister"])]),
    _person("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "turkey", "male",
            ["Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Tayyip Erdogan"],
            [_role("President of Turkey", "2014-08-28", None, ["Turkish President", "the Turkish president"])]),
]  # fmt: skip

ISSUES = [
    {"slug": "security-guarantees", "name": "Security guarantees",
     "proposition": "Ukraine receives binding security guarantees from Western partners.",
     "cues": ["security guarantees", "guarantees", "security framework", "Article 5"]},
    {"slug": "territory", "name": "Territory", "proposition": "Ukraine gives up land it holds.",
     "cues": ["territory", "Donbas", "territorial concessions", "cede"]},
    {"slug": "ceasefire", "name": "Ceasefire", "proposition": "The fighting stops now.",
     "cues": ["ceasefire", "truce"]},
    {"slug": "energy-strikes", "name": "Energy strikes", "proposition": "Strikes on energy are halted.",
     "cues": ["energy infrastructure", "energy ceasefire"]},
    {"slug": "sanctions", "name": "Sanctions", "proposition": "Sanctions on Russia are kept or increased.",
     "cues": ["sanctions"]},
    {"slug": "prisoner-exchange", "name": "Prisoner exchange", "proposition": "Prisoners are exchanged.",
     "cues": ["prisoner exchange", "prisoners of war"]},
    {"slug": "nato-membership", "name": "NATO membership", "proposition": "Ukraine may join NATO.",
     "cues": ["NATO membership", "join NATO"]},
    {"slug": "peacekeepers", "name": "Peacekeepers", "proposition": "European troops deploy after the war.",
     "cues": ["peacekeepers", "reassurance force"]},
    {"slug": "frozen-assets", "name": "Frozen assets", "proposition": "Frozen Russian assets are used.",
     "cues": ["frozen assets"]},
    {"slug": "elections", "name": "Elections", "proposition": "Ukraine holds elections.", "cues": ["elections"]},
    {"slug": "leaders-meeting", "name": "Leaders' meeting", "proposition": "The leaders meet directly.",
     "cues": ["leaders' meeting", "summit"]},
    {"slug": "peace-plan", "name": "Peace plan", "proposition": "The US framework is the basis for a deal.",
     "cues": ["peace plan", "28-point plan"]},
    {"slug": "nuclear-plant", "name": "Nuclear plant", "proposition": "Zaporizhzhia plant returns to Ukraine.",
     "cues": ["Zaporizhzhia nuclear power plant"]},
]  # fmt: skip


def build_registry() -> Registry:
    return Registry(
        (actor_from_dict(actor) for actor in ACTORS), (issue_from_dict(issue) for issue in ISSUES)
    )


@pytest.fixture(scope="session")
def demo_registry() -> Registry:
    """The registry of the demo data, which the gold files are scored with."""
    return Registry.from_demo_data()


@pytest.fixture(scope="session")
def registry() -> Registry:
    return build_registry()


@pytest.fixture
def run(registry):
    """Extract from a text written for the test, published on Friday 30 January 2026."""

    def run(text: str, published: date = PUBLISHED):
        return extract(text, published=published, registry=registry)

    return run
