"""When a statement with no issue cue of its own takes, or does not take, the issue of its article or paragraph."""

SANCTIONS_ARTICLE = (
    "EU prepares new sanctions on Russia\n\n"
    "The EU is drafting its 20th sanctions package, with new sanctions on the shadow fleet and on Russian banks, "
    "as sanctions pressure on Moscow grows.\n\n"
    "“{quote},” Kallas said."
)


def test_a_charge_of_stalling_does_not_take_the_articles_single_topic(run):
    statements = run(SANCTIONS_ARTICLE.format(quote="Putin is playing for time"))

    assert statements[-1].issues == {}


def test_a_statement_without_a_charge_of_stalling_still_takes_the_articles_topic(run):
    statements = run(SANCTIONS_ARTICLE.format(quote="Putin has to feel it"))

    assert set(statements[-1].issues) == {"sanctions"}


TROOPS_PARAGRAPH = (
    "EU keeps sanctions on Russia\n\n"
    "Sybiha said on Monday that Britain would lead a reassurance force in Ukraine.\n\n"
    "“{quote},” he said."
)


def test_a_meetings_mood_does_not_take_the_issue_its_paragraph_names(run):
    statements = run(TROOPS_PARAGRAPH.format(quote="Very good and productive, very businesslike"))

    assert statements[-1].issues == {}


def test_a_statement_with_no_word_on_the_mood_still_takes_the_issue_its_paragraph_names(run):
    statements = run(TROOPS_PARAGRAPH.format(quote="We are talking weeks, not months"))

    assert set(statements[-1].issues) == {"peacekeepers"}


EXCHANGE_ARTICLE = (
    "Ukraine and Russia swap prisoners of war\n\n"
    "Ukraine and Russia carried out a prisoner exchange on Friday, the latest prisoner exchange this year, "
    "and Kyiv called for an all-for-all prisoner exchange.\n\n"
    "“{quote},” Olena Koval said."
)


def test_a_familys_own_story_does_not_take_the_articles_topic(run):
    statements = run(EXCHANGE_ARTICLE.format(quote="I waited for my son for three years"))

    assert statements[-1].issues == {}


def test_a_relatives_plea_with_no_family_word_still_takes_the_articles_topic(run):
    statements = run(EXCHANGE_ARTICLE.format(quote="I will keep waiting until the last one is home"))

    assert set(statements[-1].issues) == {"prisoner-exchange"}


def test_who_mediates_the_talks_does_not_take_the_issue_its_paragraph_names(run):
    statements = run(TROOPS_PARAGRAPH.format(quote="Hungary cannot be an honest broker"))

    assert statements[-1].issues == {}
