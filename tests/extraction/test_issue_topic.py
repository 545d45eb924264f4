"""A statement's issue from the article's single topic, and a side's known position when no word takes a side."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


ASSETS_ARTICLE = (
    "EU leaders split over frozen Russian assets\n\n"
    "The plan to fund Ukraine from frozen Russian assets held at Euroclear stalled again on Thursday, "
    "as Belgium asked for guarantees on the frozen assets.\n\n"
    "“The money is there and Ukraine needs it now,” Zelenskyy said."
)


def test_a_statement_with_no_cue_takes_the_single_topic_of_its_article(run):
    assert stances(run(ASSETS_ARTICLE))[-1] == {"frozen-assets": "supports"}


def test_the_known_position_of_the_speakers_side_decides_a_topic_statement(run):
    text = ASSETS_ARTICLE.replace("Zelenskyy said", "Peskov said")

    assert stances(run(text))[-1] == {"frozen-assets": "opposes"}


def test_no_topic_is_taken_when_the_paragraphs_name_several_issues(run):
    text = (
        "Talks in Geneva\n\n"
        "Envoys discussed a ceasefire, security guarantees and sanctions relief on Thursday.\n\n"
        "“The money is there and Ukraine needs it now,” Zelenskyy said."
    )

    assert stances(run(text))[-1] == {}


def test_with_no_word_taking_a_side_the_sides_known_position_is_read(run):
    text = "“Security guarantees for Ukraine are a matter for the sides,” Lavrov said."

    assert stances(run(text)) == [{"security-guarantees": "opposes"}]


def test_a_speaker_of_no_known_side_taking_no_side_reports(run):
    text = "“Security guarantees for Ukraine are a matter for the sides,” said Marta Levchenko, an analyst in Kyiv."

    assert stances(run(text)) == [{"security-guarantees": "neutral"}]


def test_a_quarrel_over_figures_does_not_take_the_articles_topic(run):
    text = (
        "Ukraine wants an all-for-all prisoner exchange, Zelenskyy said on Friday. He said the next prisoner "
        "exchange would bring home 500 soldiers.\n\n"
        "Kyiv says 20,000 children have been deported. Peskov said the figure was inflated for Western audiences."
    )

    assert run(text)[-1].issues == {}


TROOPS_PARAGRAPH = (
    "EU keeps sanctions on Russia\n\n"
    "Sybiha said on Monday that Britain would lead a reassurance force in Ukraine. “{quote},” he said."
)


def test_a_statement_with_no_cue_takes_the_one_issue_its_paragraph_names(run):
    text = TROOPS_PARAGRAPH.format(quote="We are talking weeks, not months")

    assert list(stances(run(text))[-1]) == ["peacekeepers"]


def test_a_paragraph_of_quotes_alone_takes_the_issue_of_the_paragraph_before(run):
    text = (
        "EU keeps sanctions on Russia\n\n"
        "Sybiha said on Monday that Britain would lead a reassurance force in Ukraine.\n\n"
        "“We are talking weeks, not months,” he said."
    )

    assert list(stances(run(text))[-1]) == ["peacekeepers"]


def test_of_several_issues_in_the_paragraph_the_articles_main_one_is_taken(run):
    text = (
        "Kyiv weighs a presidential election timetable\n\n"
        "Ukraine could hold a presidential election next year, officials said. A new election law is being "
        "drafted.\n\n"
        "Stefanchuk said a presidential election could not be held while the territorial dispute over Donbas "
        "went on.\n\n"
        "“Next spring is the earliest realistic date,” Stefanchuk told reporters."
    )

    assert list(stances(run(text))[-1]) == ["elections"]


def test_in_an_article_mostly_on_one_issue_another_named_in_passing_in_the_paragraph_is_not_taken(run):
    text = (
        "EU readies new sanctions on Russia\n\n"
        "The EU will adopt new sanctions on Russian oil on Monday, officials said. The sanctions target the "
        "shadow fleet, and further sanctions are planned.\n\n"
        "Kallas said talks on a ceasefire had stalled. “We will not blink first,” she said."
    )

    assert list(stances(run(text))[-1]) == ["sanctions"]


def test_a_weak_cue_that_tags_nothing_leaves_the_paragraphs_issue_to_be_read(run):
    text = (
        "EU keeps sanctions on Russia\n\n"
        "Belgium said on Monday it would block the reparations loan from frozen Russian assets. "
        "“We will not sign off without cast-iron guarantees from other member states,” De Wever said."
    )

    assert list(stances(run(text))[-1]) == ["frozen-assets"]


def test_a_weak_cue_of_the_paragraphs_issue_set_aside_in_the_statement_is_not_taken_back(run):
    text = (
        "EU keeps sanctions on Russia\n\n"
        "Zelenskyy said on Monday that Russia had again hit power plants in the east. Kharkiv governor Oleh "
        "Syniehubov said two substations were damaged and households were left without power."
    )

    assert stances(run(text))[-1] == {}


def test_words_about_the_talks_take_no_issue_from_their_paragraph(run):
    text = TROOPS_PARAGRAPH.format(quote="We should not expect miracles from one day of talks")

    assert stances(run(text))[-1] == {}


def test_a_breakthrough_or_a_trip_is_about_the_talks_and_takes_no_issue_from_its_paragraph(run):
    for quote in ("We do not expect a breakthrough this month", "The envoys will travel to Moscow next week"):
        text = TROOPS_PARAGRAPH.format(quote=quote)

        assert stances(run(text))[-1] == {}, quote


def test_a_truce_named_only_as_the_time_of_something_else_is_not_a_second_topic(run):
    text = (
        "British troops could deploy weeks after a ceasefire\n\n"
        "Britain would send troops to Ukraine after a ceasefire, Healey told reporters. European troops would "
        "follow after a truce, he said.\n\n"
        "“The clock starts that day,” Sybiha said."
    )

    assert stances(run(text))[-1] == {"peacekeepers": "supports"}


# A short fragment with no cue of its own takes the issue of a weak cue in its sentence named in full before

PEACEKEEPERS_NAMED = (
    "Leaders weigh sanctions and a peacekeeping force\n\n"
    "European leaders discussed new sanctions on Russian banks and a price cap on oil, and sending peacekeepers "
    "to Ukraine.\n\n"
)
FRAGMENT = (
    'Macron said the force would "never go near the front" and would be stationed in the west of the country.'
)


def test_a_fragment_takes_the_issue_of_a_weak_cue_in_its_sentence_named_in_full_before(run):
    assert list(stances(run(PEACEKEEPERS_NAMED + FRAGMENT))[0]) == ["peacekeepers"]


def test_a_weak_cue_in_the_sentence_never_named_in_full_gives_the_fragment_no_issue(run):
    text = "Talks in Geneva\n\nEnvoys met on Thursday.\n\n" + FRAGMENT

    assert stances(run(text))[0] == {}


def test_a_meetings_mood_takes_no_issue_from_a_weak_cue_in_its_sentence(run):
    text = (
        PEACEKEEPERS_NAMED
        + 'Macron called the session on where the troops would be stationed "constructive and frank."'
    )

    assert "peacekeepers" not in stances(run(text))[0]
