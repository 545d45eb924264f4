"""Direct quotes in the layouts of news pages: headings, embedded posts, interviews (invented sentences)."""


def direct(statements):
    return [(s.speaker_name, s.quote) for s in statements if s.kind == "direct"]


def test_heading_quote_names_its_speaker_after_the_colon(run):
    statements = run(
        "'We will not give up Donbas': Zelensky on the latest US proposal\n\n"
        "The Ukrainian president met his generals in Kyiv on Tuesday.\n"
    )

    assert ("Volodymyr Zelenskyy", "We will not give up Donbas") in direct(statements)


def test_heading_quote_with_a_possessive_after_the_colon_is_not_attributed(run):
    statements = run(
        "'A long road ahead of us': Zelensky's envoy in Washington\n\n"
        "The Ukrainian president met his generals in Kyiv on Tuesday.\n"
    )

    assert ("Volodymyr Zelenskyy", "A long road ahead of us") not in direct(statements)
