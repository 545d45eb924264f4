"""Actor resolution: aliases, transliterations, diacritics, titles, surnames, offices held on a date."""

from datetime import date

import pytest

from negotiations.extraction import extract
from negotiations.extraction.text import fold


@pytest.mark.parametrize("name", ["Zelenskyy", "Zelensky", "Zelenskiy", "Volodymyr Zelensky"])
def test_transliterations_resolve_to_one_actor(run, name):
    statement = run(f"“We need real guarantees,” {name} said.")[0]

    assert statement.actor_slug == "volodymyr-zelenskyy"


def test_sergei_is_sergey(run):
    assert run("“The West is lying,” Sergei Lavrov said.")[0].speaker_name == "Sergey Lavrov"


def test_diacritics_do_not_matter(run):
    assert run("“We will host the talks,” Erdogan said.")[0].speaker_name == "Recep Tayyip Erdoğan"
    assert run("“We will host the talks,” Erdoğan said.")[0].speaker_name == "Recep Tayyip Erdoğan"


def test_fold_keeps_offsets():
    text = "Erdoğan’s «plan»"

    assert len(fold(text)) == len(text)
    assert fold(text) == "Erdogan's «plan»"


def test_title_and_name_are_one_mention(run):
    statement = run("Russian Foreign Minister Sergey Lavrov said the plan was unacceptable.")[0]

    assert statement.speaker_name == "Sergey Lavrov"
    assert "Foreign Minister" in statement.speaker_title


def test_possessive_descriptor_resolves_by_role(run):
    statement = run("“This is not a serious offer,” Russia’s top diplomat said.")[0]

    assert statement.speaker_name == "Sergey Lavrov"


def test_surname_alone_after_a_full_mention_of_an_unknown_person(run):
    text = (
        "Finnish envoy Mikko Virtanen arrived in Geneva on Monday.\n\n"
        "“Both sides want a humanitarian corridor,” Virtanen said."
    )

    assert run(text)[0].speaker_name == "Mikko Virtanen"


def test_office_is_resolved_on_the_publication_date(run):
    text = "“We stand with Ukraine for as long as it takes,” the US secretary of state said."

    assert run(text, published=date(2024, 6, 1))[0].speaker_name == "Antony Blinken"
    assert run(text, published=date(2026, 1, 30))[0].speaker_name == "Marco Rubio"


def test_role_noun_refers_back_to_the_person_holding_it(run):
    text = (
        "Russian Foreign Minister Sergey Lavrov met his Turkish counterpart on Monday.\n\n"
        "“Moscow does not need a pause,” the minister said."
    )

    assert run(text)[0].speaker_name == "Sergey Lavrov"


def test_institution_referred_to_by_its_kind(registry):
    from negotiations.extraction import ActorEntry, Registry

    ministry = ActorEntry(slug="russian-defence-ministry", name="Russian Defence Ministry", kind="organisation",
                          party="russia", aliases=("Russia's Defence Ministry",))  # fmt: skip
    with_ministry = Registry((*registry.actors, ministry), registry.issues)
    text = "The Russian Defence Ministry said 157 servicemen had returned. The ministry said they were in Belarus."
    statements = extract_with(with_ministry, text)

    assert [s.speaker_name for s in statements] == ["Russian Defence Ministry"] * 2


def test_institution_name_with_the_is_one_mention(run):
    statement = run("The White House said in a statement that the call had been productive.")[0]

    assert (statement.speaker_name, statement.quote) == ("White House", "the call had been productive")


def test_dotted_abbreviation_in_a_descriptor(run):
    text = "“We have largely finished the protocols,” the U.S. secretary of state told journalists."

    assert run(text)[0].speaker_name == "Marco Rubio"


def extract_with(registry, text):
    from negotiations.extraction import extract

    return extract(text, published=date(2026, 1, 30), registry=registry)


def test_a_body_named_after_a_known_place_is_that_body(run):
    statements = run("The US European Command said the two militaries had agreed to resume their dialogue.")

    assert [(s.speaker_name, s.actor_slug) for s in statements] == [("US European Command", None)]


def test_the_president_of_a_country_is_its_president_not_the_last_president_named(run):
    text = (
        "Trump asked Putin about a possible meeting with Volodymyr Zelenskyy. The President of Russia reiterated "
        "that such contacts were possible at the final stage."
    )

    statement = run(text)[0]

    assert (statement.speaker_name, statement.quote) == (
        "Vladimir Putin",
        "such contacts were possible at the final stage",
    )


def test_a_first_name_shaped_like_a_demonym_stays_in_the_name(run):
    text = "Ivan Petrenko, a Ukrainian lawmaker, said Kyiv would not hold elections during martial law."

    assert run(text)[0].speaker_name == "Ivan Petrenko"


def test_the_diplomat_can_be_the_foreign_ministry_spokeswoman(run):
    text = "Maria Zakharova spoke to reporters on Friday. The diplomat said the sanctions would fail."

    assert [s.speaker_name for s in run(text)] == ["Maria Zakharova"]


def test_the_diplomat_with_nobody_to_refer_to_is_left_unresolved(run):
    assert run("The diplomat said the sanctions would fail.") == []


def test_a_retired_generals_rank_is_his_title(run):
    text = '"Too small to fight and too big to hide," said Retired Major General Alastair Greaves.'

    assert run(text)[0].speaker_name == "Alastair Greaves"


def test_a_family_name_written_first_refers_back_to_the_full_name(run):
    text = "Foreign ministry spokesperson Lin Jian said China supports peace. Lin said China would keep its role."

    assert [s.speaker_name for s in run(text)] == ["Lin Jian", "Lin Jian"]


def test_a_body_keeps_its_national_adjective(run):
    statement = run("The European Commission said all options remained on the table.")[0]

    assert statement.speaker_name == "European Commission"


def test_a_body_named_of_a_known_place(run):
    statement = run("The Bank of Russia said it had filed a lawsuit against Euroclear in a Moscow court.")[0]

    assert (statement.speaker_name, statement.actor_slug) == ("Bank of Russia", None)


@pytest.mark.parametrize(
    "spellings", [("Von der Leyen", "von der Leyen"), ("von der Leyen", "Von der Leyen")]
)
def test_a_name_with_a_lower_case_spelling_may_be_written_in_lower_case_whatever_the_order(spellings):
    from negotiations.extraction import Registry
    from negotiations.extraction.registry import NameEntry, actor_from_dict

    actor = actor_from_dict({"slug": "ursula-von-der-leyen", "name": "Ursula von der Leyen", "kind": "person",
                             "party": "european-union", "gender": "female", "aliases": [], "roles": []})  # fmt: skip
    registry = Registry([], [])
    for spelling in spellings:  # the order a set of aliases happens to give
        registry._add_one_name(spelling, NameEntry(actor, None, capitalised=spelling[:1].isupper()))

    assert [entry.capitalised for entry in registry.names_for("von der leyen")] == [False]


@pytest.mark.parametrize("title", ["Sen.", "Gov.", "Lt. Gen."])
def test_an_abbreviated_title_in_an_appositive_is_no_name(run, title):
    text = f"The bill's sponsor, {title} Marta Lindqvist, has warned that buyers of Russian oil will face tariffs."

    assert run(text)[0].speaker_name == "Marta Lindqvist"


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Sen. Ann Berg, R-Ohio, said", ["R-Ohio"]),
        ("Rep. Tom Lake (D-N.Y.) said", ["D-N.Y."]),
        ("a World War I-era rule (I-Vt.)", ["I-Vt."]),
        ("the R-Ohio sponsor, D-Ill and (R-Ohio", []),  # no comma or bracket both sides
    ],
)
def test_party_labels_need_a_comma_or_bracket_before_and_after(text, labels):
    from negotiations.extraction.mentions import PARTY_LABEL_RE

    assert PARTY_LABEL_RE.findall(text) == labels


def test_a_party_and_state_in_brackets_start_no_name(run):
    text = "The bill's sponsor, Sen. Marta Lindqvist (R-S.C.), has warned that buyers of Russian oil will face tariffs."

    assert run(text)[0].speaker_name == "Marta Lindqvist"


def test_sir_and_a_first_name_is_the_knight_named_before(demo_registry):
    text = (
        "“We will not abandon Ukraine,” Sir Keir Starmer said on Tuesday.\n\n"
        "Speaking in Downing Street, Sir Keir added: “Our commitment is rock solid.”"
    )

    statements = extract(text, published=date(2026, 1, 30), registry=demo_registry)

    assert [s.speaker_name for s in statements] == ["Keir Starmer", "Keir Starmer"]


def test_a_role_under_a_person_named_by_title_is_its_holder(run):
    text = "“The Kyiv regime wants publicity,” the Russian president's spokesman told TASS."

    assert run(text)[0].speaker_name == "Dmitry Peskov"


def test_an_embassy_keeps_its_demonym(run):
    statements = run(
        "In a statement, the Hungarian Embassy in Washington said the threat would not change its position."
    )

    assert statements[0].speaker_name == "Hungarian Embassy"
