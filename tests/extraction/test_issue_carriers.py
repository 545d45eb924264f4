"""A proposal or a plan that carries another issue is about that issue."""


def stances(statements):
    return [{slug: issue.stance for slug, issue in s.issues.items()} for s in statements]


def test_a_us_proposal_on_the_plant_is_about_the_plant(run):
    text = "Umerov said the latest American proposals envisaged joint operation of the Zaporizhzhia nuclear plant."

    assert list(stances(run(text))[0]) == ["nuclear-plant"]


def test_the_plan_named_as_such_stays_beside_the_other_issue(run):
    text = "Zelenskyy said the 28-point plan would have forced Ukraine to give up the Donbas."

    assert set(stances(run(text))[0]) == {"territory", "peace-plan"}


def test_a_region_no_side_claims_is_a_place_not_the_land_question(run):
    text = (
        "Shmyhal said a thermal power plant in the Kharkiv region had been knocked out overnight, "
        "while Moscow kept up its demand for the Donbas."
    )

    assert "territory" not in stances(run(text))[0]


# Words that point back to an issue named just before


def test_such_demands_point_back_to_the_issue_of_the_sentence_before(run):
    text = (
        "Moscow wants Kyiv to hand over the rest of the Donbas. "
        "Zelenskyy said Ukraine had always rejected such demands."
    )

    assert stances(run(text))[-1] == {"territory": "opposes"}


def test_the_deal_points_back_to_the_issue_of_the_sentence_before(run):
    text = (
        "Talks in Geneva\n\n"
        "Envoys discussed sanctions and a prisoner exchange. Kyiv and Moscow agreed last month to a moratorium "
        "on strikes on energy facilities. Peskov said Russia had kept the deal."
    )

    assert list(stances(run(text))[-1]) == ["energy-strikes"]


def test_it_points_back_to_the_pause_named_again_as_the_energy_truce(run):
    text = (
        "Envoys weigh sanctions relief and a pause in strikes on power plants\n\n"
        "Washington has offered to ease sanctions on Russian banks. Both governments announced a pause in attacks "
        "on the energy grid from Monday. Officials in Kyiv spoke to reporters on Tuesday. Sybiha said Ukraine would keep to the pause, and warned that it would last only while Moscow did."
    )

    assert list(stances(run(text))[-1]) == ["energy-strikes"]


def test_what_a_pact_is_done_to_points_back_to_the_pact(run):
    text = (
        "Envoys met again in Riyadh on Monday.\n\n"
        "Kyiv and Moscow agreed last month to a moratorium on strikes on energy facilities. "
        "“Moscow keeps breaking it, night after night,” Sybiha said."
    )

    assert list(stances(run(text))[-1]) == ["energy-strikes"]


def test_a_statement_pointing_back_at_nothing_named_has_no_issue(run):
    text = "The weather in Geneva was cold. Zelenskyy said such meetings were always long."

    assert stances(run(text))[-1] == {}


# A weak cue with "the" names again what the article named in full


def test_the_plant_names_again_the_nuclear_plant_named_before(run):
    text = (
        "Russian forces have held the Zaporizhzhia nuclear plant since March 2022.\n\n"
        "Talks resumed in Geneva on Tuesday.\n\n"
        "Zelenskyy said the United States had proposed running the plant jointly with Ukraine and Russia."
    )

    assert list(stances(run(text))[-1]) == ["nuclear-plant"]


def test_a_plant_never_named_in_full_is_no_issue(run):
    text = "Shmyhal said repairs at the plant in Kharkiv would take weeks."

    assert stances(run(text)) == [{}]


def test_such_a_weak_cue_names_again_what_the_article_named_in_full(run):
    text = (
        "EU weighs new sanctions on Russia\n\n"
        "Erdogan said on Monday that Putin and Zelenskyy could meet in Istanbul.\n\n"
        "The Turkish leader spoke after a cabinet session in Ankara. Officials gave no date.\n\n"
        "The weather in Moscow was cold. Peskov said Moscow saw no grounds for such a meeting yet."
    )

    assert list(stances(run(text))[-1]) == ["leaders-meeting"]
