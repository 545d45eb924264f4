"""The review queue and its actions over HTTP: full pages, htmx fragments, refusals."""

import datetime as dt

import pytest
from django.urls import reverse

from actors.models import Alias
from negotiations.enums import ReviewState
from negotiations.models import AuditLog, Event, Note, Position, Statement
from negotiations.services import review
from negotiations.services.positions import refresh_positions
from tests.factories import (
    ActorFactory,
    CitationFactory,
    EventFactory,
    IssueFactory,
    NegotiationFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def negotiation():
    return NegotiationFactory(slug="talks")


@pytest.fixture
def territory(negotiation):
    return IssueFactory(negotiation=negotiation, slug="territory", name="Territory")


@pytest.fixture
def statement(negotiation, territory):
    statement = StatementFactory(negotiation=negotiation, stances={territory: "opposes"}, confidence=0.4)
    CitationFactory(statement=statement)
    return statement


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def post(client, name, statement, data=None, htmx=True):
    payload = {"version": statement.version} | (data or {})
    headers = HTMX if htmx else {}
    return client.post(reverse(name, kwargs={"pk": statement.pk}), payload, **headers)


# The queue ----------------------------------------------------------------------------------------------


def test_queue_lists_unreviewed_least_confident_first(editor_client, negotiation, territory):
    sure = StatementFactory(negotiation=negotiation, confidence=0.9, quote="We are sure of this.")
    unsure = StatementFactory(negotiation=negotiation, confidence=0.2, quote="We might be ready.")
    StatementFactory(negotiation=negotiation, review_state=ReviewState.ACCEPTED, quote="Already accepted.")

    response = editor_client.get(reverse("review_queue"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" in body and 'id="queue"' in body
    assert body.index("We might be ready.") < body.index("We are sure of this.")
    assert "Already accepted." not in body
    assert f'id="statement-{unsure.pk}"' in body and f'id="statement-{sure.pk}"' in body


def test_queue_fragment_for_htmx_has_no_page_around_it(editor_client, statement):
    response = editor_client.get(reverse("review_queue"), **HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert body.lstrip().startswith('<section id="queue"')


def test_queue_highlights_the_quote_in_its_paragraph(editor_client, statement):
    body = editor_client.get(reverse("review_queue")).content.decode()

    assert f"<mark>{statement.quote}</mark>" in body
    assert "told reporters" in body  # the paragraph around it


def test_queue_filters_live_in_the_url(editor_client, negotiation, territory):
    other_issue = IssueFactory(negotiation=negotiation, slug="ceasefire")
    on_territory = StatementFactory(
        negotiation=negotiation, stances={territory: "opposes"}, quote="Land first."
    )
    StatementFactory(negotiation=negotiation, stances={other_issue: "supports"}, quote="Truce now.")
    early = StatementFactory(negotiation=negotiation, said_on=dt.date(2025, 3, 1), quote="Early words.")

    by_issue = editor_client.get(reverse("review_queue"), {"issue": "territory"}).content.decode()
    by_actor = editor_client.get(reverse("review_queue"), {"actor": on_territory.actor.slug}).content.decode()
    by_date = editor_client.get(reverse("review_queue"), {"to": "2025-12-31"}).content.decode()
    garbage = editor_client.get(reverse("review_queue"), {"from": "yesterday", "source": "x", "state": "?"})

    assert "Land first." in by_issue and "Truce now." not in by_issue
    assert "Land first." in by_actor and "Truce now." not in by_actor
    assert "Early words." in by_date and "Land first." not in by_date
    assert garbage.status_code == 200
    assert early.pk


def test_queue_escapes_hostile_quotes(editor_client, negotiation):
    StatementFactory(negotiation=negotiation, quote="<script>alert(1)</script> we said")

    body = editor_client.get(reverse("review_queue")).content.decode()

    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize("rows", [1, 20])
def test_queue_runs_a_bounded_number_of_queries(
    editor_client, negotiation, territory, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        statement = StatementFactory(negotiation=negotiation, stances={territory: "neutral"})
        CitationFactory(statement=statement)

    with django_assert_max_num_queries(20):
        response = editor_client.get(reverse("review_queue"))

    assert response.status_code == 200


# Actions ------------------------------------------------------------------------------------------------


def test_accept_swaps_only_the_row(editor_client, statement):
    response = post(editor_client, "review_accept", statement)

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<article id="statement-{statement.pk}"')
    assert "<html" not in body
    assert "Accepted." in body and "Undo" in body
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.ACCEPTED


def test_accept_without_javascript_redirects_back(editor_client, statement):
    queue = reverse("review_queue") + "?issue=territory"

    response = post(editor_client, "review_accept", statement, {"next": queue}, htmx=False)

    assert response.status_code == 302
    assert response["Location"] == queue


def test_accept_refuses_an_outside_next_url(editor_client, statement):
    response = post(editor_client, "review_accept", statement, {"next": "https://evil.example/"}, htmx=False)

    assert response["Location"] == reverse("review_statement", kwargs={"pk": statement.pk})


def test_second_editor_with_a_stale_version_is_refused_with_current_values(editor_client, statement, editor):
    seen = statement.version
    review.correct_statement(statement=statement, editor=editor, version=seen, kind="paraphrase")

    response = post(editor_client, "review_reject", statement, {"version": seen, "reason": "Wrong speaker"})

    body = response.content.decode()
    assert response.status_code == 409
    assert "changed by editor while you were working on it" in body  # the latest audited change's author
    assert "Paraphrase" in body  # the current values
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.CORRECTED
    assert f'name="version" value="{statement.version}"' in body  # the editor can act on what they now see


def test_missing_version_is_refused(editor_client, statement):
    response = editor_client.post(reverse("review_accept", kwargs={"pk": statement.pk}), {}, **HTMX)

    assert response.status_code == 422
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.UNREVIEWED


def test_reject_needs_a_reason(editor_client, statement):
    response = post(editor_client, "review_reject", statement, {"reason": " "})

    assert response.status_code == 422
    assert "Say why" in response.content.decode()


def test_reject_with_reason(editor_client, statement):
    response = post(editor_client, "review_reject", statement, {"reason": "Not a quote"})

    assert response.status_code == 200
    statement.refresh_from_db()
    assert (statement.review_state, statement.rejection_reason) == (ReviewState.REJECTED, "Not a quote")


def test_note(editor_client, statement, editor):
    response = editor_client.post(
        reverse("review_note", kwargs={"pk": statement.pk}), {"text": "Check TASS"}, **HTMX
    )

    assert response.status_code == 200
    assert "Check TASS" in response.content.decode()
    assert Note.objects.get().author == editor


def test_edit_form_fragment(editor_client, statement):
    response = editor_client.get(reverse("review_row", kwargs={"pk": statement.pk}), {"edit": "1"}, **HTMX)

    body = response.content.decode()
    assert 'name="stance-territory"' in body
    assert "data-autofocus" in body


def test_correct_speaker_moves_the_matrix_cell(editor_client, statement, territory):
    other = ActorFactory(name="Dmitry Peskov")
    refresh_positions(pairs=[(statement.actor_id, territory.pk)])

    response = post(
        editor_client,
        "review_correct",
        statement,
        {
            "actor": other.pk,
            "speaker_name": "",
            "quote": statement.quote,
            "kind": "direct",
            "said_on": "2026-01-15",
            "stances_sent": "1",
            "stance-territory": "conditional",
        },
    )

    assert response.status_code == 200
    assert "Corrected." in response.content.decode()
    statement.refresh_from_db()
    assert statement.actor == other
    assert statement.review_state == ReviewState.CORRECTED
    cell = Position.objects.get(
        actor=other, issue=territory, scope="actor", valid_until=None, reviewed_only=False
    )
    assert cell.stance == "conditional"


def test_correct_with_a_quote_not_in_the_article_is_refused_and_keeps_the_form(editor_client, statement):
    response = post(editor_client, "review_correct", statement, {"quote": "Words nobody said."})

    body = response.content.decode()
    assert response.status_code == 422
    assert "copied exactly" in body
    assert "Words nobody said." in body  # the editor's text is kept
    statement.refresh_from_db()
    assert statement.version == 1


def test_correct_that_changes_nothing_says_so(editor_client, statement):
    response = post(editor_client, "review_correct", statement, {"quote": statement.quote, "kind": "direct"})

    assert "Nothing changed." in response.content.decode()
    assert not AuditLog.objects.exists()


def test_merge_two_statements(editor_client, negotiation, statement):
    keeper = StatementFactory(negotiation=negotiation)

    response = post(editor_client, "review_merge", statement, {"into": f"#{keeper.pk}"})

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.merged_into == keeper
    assert keeper.citations.count() == 1


def test_merge_into_a_missing_statement(editor_client, statement):
    response = post(editor_client, "review_merge", statement, {"into": "999999"})

    assert response.status_code == 422


def test_link_event(editor_client, negotiation, statement):
    event = EventFactory(negotiation=negotiation)

    response = post(editor_client, "review_link_event", statement, {"event": event.pk})

    assert response.status_code == 200
    assert list(statement.events.all()) == [event]


def test_unknown_speaker_becomes_a_new_actor(editor_client, negotiation):
    statement = StatementFactory(negotiation=negotiation, actor=None, speaker_text="Kirill Dmitriev")

    response = post(
        editor_client, "review_new_actor", statement, {"name": "Kirill Dmitriev", "kind": "person"}
    )

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.actor.name == "Kirill Dmitriev"


def test_unknown_speaker_becomes_an_alias_by_slug(editor_client, negotiation):
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    statement = StatementFactory(negotiation=negotiation, actor=None, speaker_text="Russia's top diplomat")

    response = post(
        editor_client, "review_alias", statement, {"actor": "sergey-lavrov", "alias": "Russia's top diplomat"}
    )

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.actor == lavrov
    assert Alias.objects.filter(actor=lavrov, name="Russia's top diplomat").exists()


# History and revert -------------------------------------------------------------------------------------


def test_statement_review_page_shows_history(editor_client, statement, editor):
    review.accept_statement(statement=statement, editor=editor, version=statement.version)

    body = editor_client.get(reverse("review_statement", kwargs={"pk": statement.pk})).content.decode()

    assert 'id="history-' in body
    assert "Revert this change" in body
    assert "accept" in body and "editor" in body


def test_history_fragment(editor_client, statement, editor):
    review.accept_statement(statement=statement, editor=editor, version=statement.version)

    response = editor_client.get(reverse("review_history", kwargs={"pk": statement.pk}), **HTMX)

    assert response.content.decode().lstrip().startswith("<section")


def test_revert_from_history(editor_client, statement, editor):
    accepted = review.accept_statement(statement=statement, editor=editor, version=statement.version)
    entry = AuditLog.objects.get()

    response = editor_client.post(
        reverse("review_revert", kwargs={"entry_pk": entry.pk}), {"version": accepted.version}, **HTMX
    )

    assert response.status_code == 200
    assert response["HX-Trigger"] == "row-stale"
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.UNREVIEWED


def test_undo_from_the_row(editor_client, statement):
    post(editor_client, "review_accept", statement)
    statement.refresh_from_db()
    entry = AuditLog.objects.get()

    response = editor_client.post(
        reverse("review_revert", kwargs={"entry_pk": entry.pk}),
        {"version": statement.version, "target": "row"},
        **HTMX,
    )

    assert response.content.decode().lstrip().startswith("<article")
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.UNREVIEWED


def test_revert_refused_when_later_changes_touched_the_field(editor_client, statement, editor):
    review.correct_statement(statement=statement, editor=editor, version=1, kind="paraphrase")
    first = AuditLog.objects.get()
    review.correct_statement(statement=statement, editor=editor, version=2, kind="direct")
    statement.refresh_from_db()

    response = editor_client.post(
        reverse("review_revert", kwargs={"entry_pk": first.pk}), {"version": statement.version}, **HTMX
    )

    assert response.status_code == 422
    assert "revert those first" in response.content.decode()


def test_reprocessing_never_changes_a_corrected_statement(editor_client, statement):
    post(editor_client, "review_correct", statement, {"kind": "paraphrase"})

    assert Statement.objects.get(pk=statement.pk).editor_touched


# Events -------------------------------------------------------------------------------------------------


def test_editor_creates_an_event(editor_client, negotiation, territory):
    actor = ActorFactory()

    response = editor_client.post(
        reverse("review_event_create"),
        {
            "negotiation": negotiation.slug,
            "title": "Talks in Istanbul",
            "kind": "talks",
            "date": "2026-02-01",
            "place": "Istanbul",
            "source_urls": "https://news.example.org/istanbul",
            "participants": [actor.pk],
            "issues": [territory.pk],
        },
    )

    event = Event.objects.get(title="Talks in Istanbul")
    assert response.status_code == 302
    assert list(event.participants.all()) == [actor]
    assert list(event.issues.all()) == [territory]
    assert event.source_urls == ["https://news.example.org/istanbul"]


def test_event_form_refuses_bad_values(editor_client, negotiation):
    response = editor_client.post(
        reverse("review_event_create"), {"negotiation": negotiation.slug, "title": "X", "date": "soon"}
    )

    assert response.status_code == 422
    assert "needs a date" in response.content.decode()


def test_event_form_lists_participants_as_checkboxes_the_ticked_first(editor_client, negotiation):
    ActorFactory(name="Aaron Early")
    chosen = ActorFactory(name="Zoe Late")
    event = EventFactory(negotiation=negotiation)
    event.participants.add(chosen)

    html = editor_client.get(reverse("review_event_edit", kwargs={"pk": event.pk})).content.decode()

    assert "<select" not in html[html.index("Participants") :]  # no Ctrl-click multi-select
    ticked = f'<input type="checkbox" name="participants" value="{chosen.pk}" checked>'
    assert ticked in html
    assert html.index(ticked) < html.index("Aaron Early")  # found without scrolling past everyone
    assert "js/picker.js" in html  # the filter box, from our own static files


def test_a_refused_event_form_keeps_the_ticked_participants(editor_client, negotiation):
    actor = ActorFactory()
    fields = {"negotiation": negotiation.slug, "title": "X", "date": "soon", "participants": [actor.pk]}

    response = editor_client.post(reverse("review_event_create"), fields)

    assert response.status_code == 422
    assert f'value="{actor.pk}" checked>' in response.content.decode()


def test_stale_event_edit_is_refused(editor_client, negotiation, editor):
    event = EventFactory(negotiation=negotiation)
    seen = event.updated_at.isoformat()
    review.update_event(event=event, editor=editor, seen_updated_at=None, place="Riyadh")

    response = editor_client.post(
        reverse("review_event_edit", kwargs={"pk": event.pk}),
        {"title": "Round two", "kind": "talks", "date": "2026-01-10", "seen_updated_at": seen},
    )

    assert response.status_code == 409
    assert "changed by someone else" in response.content.decode()
    event.refresh_from_db()
    assert event.place == "Riyadh"


def test_an_action_from_the_queue_updates_its_count_out_of_band(editor_client, statement, negotiation):
    StatementFactory(negotiation=negotiation)
    queue = "http://testserver" + reverse("review_queue")

    response = editor_client.post(
        reverse("review_accept", kwargs={"pk": statement.pk}),
        {"version": statement.version},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=queue,
    )

    body = response.content.decode()
    assert 'id="queue-count"' in body and 'hx-swap-oob="true"' in body
    assert "1 statement left to review" in body


def test_queue_count_is_capped(editor_client, negotiation, monkeypatch):
    from negotiations import selectors_review

    monkeypatch.setattr(selectors_review, "COUNT_CAP", 3)
    for _ in range(5):
        StatementFactory(negotiation=negotiation)

    body = editor_client.get(reverse("review_queue")).content.decode()

    assert "3+ statements left to review" in body


@pytest.mark.parametrize("changes", [1, 12])
def test_statement_review_page_runs_a_bounded_number_of_queries(
    editor_client, statement, editor, changes, django_assert_max_num_queries
):
    for number in range(changes):
        review.add_note(statement=statement, editor=editor, text=f"Note {number}")
        current = Statement.objects.get(pk=statement.pk)
        stance = "supports" if number % 2 else "opposes"
        review.correct_statement(
            statement=current, editor=editor, version=current.version, stances={"territory": stance}
        )

    with django_assert_max_num_queries(25):
        response = editor_client.get(reverse("review_statement", kwargs={"pk": statement.pk}))

    assert response.status_code == 200


def test_after_a_revert_the_history_offers_the_revert_of_the_revert(editor_client, statement, editor):
    review.correct_statement(statement=statement, editor=editor, version=1, kind="paraphrase")
    entry = AuditLog.objects.get()

    response = editor_client.post(
        reverse("review_revert", kwargs={"entry_pk": entry.pk}), {"version": 2}, **HTMX
    )

    body = response.content.decode()
    assert body.count("Revert this change") == 1  # the revert itself; the correction is undone already
    assert 'name="version" value="3"' in body


def test_without_javascript_an_action_in_the_queue_comes_back_to_the_filtered_queue(editor_client, statement):
    queue = reverse("review_queue") + "?issue=territory"
    page = editor_client.get(queue).content.decode()
    assert f'<input type="hidden" name="next" value="{queue}">' in page  # in the row's forms

    response = post(editor_client, "review_accept", statement, {"next": queue}, htmx=False)
    back = editor_client.get(response["Location"]).content.decode()

    assert response["Location"] == queue
    assert "Accepted." in back  # the queue says what the action did


def test_without_javascript_a_refused_action_goes_to_the_statement_page_not_the_queue(
    editor_client, statement
):
    queue = reverse("review_queue")

    response = post(editor_client, "review_accept", statement, {"next": queue, "version": 0}, htmx=False)

    assert response["Location"] == reverse("review_statement", kwargs={"pk": statement.pk})


def test_the_note_field_has_an_id_of_its_own_for_its_label(editor_client, statement):
    page = editor_client.get(reverse("review_queue")).content.decode()

    assert page.count(f'id="note-{statement.pk}"') == 1  # the panel; the field is note-text-N
    assert f'<label for="note-text-{statement.pk}">' in page


def test_the_count_updated_after_an_action_keeps_the_page_the_editor_is_on(
    editor_client, statement, negotiation, monkeypatch
):
    from negotiations import selectors_review

    monkeypatch.setattr(selectors_review, "QUEUE_PAGE_SIZE", 2)
    StatementFactory.create_batch(4, negotiation=negotiation)
    queue = "http://testserver" + reverse("review_queue") + "?page=2"

    response = editor_client.post(
        reverse("review_accept", kwargs={"pk": statement.pk}),
        {"version": statement.version},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=queue,
    )

    assert "4 statements left to review · page 2 of 2" in response.content.decode()


def test_a_refused_edit_names_the_editor_who_changed_the_statement(editor_client, statement):
    from tests.conftest import user_in

    seen = statement.version
    review.accept_statement(statement=statement, editor=user_in("editor", "maria"), version=seen)

    response = post(editor_client, "review_reject", statement, {"version": seen, "reason": "Wrong speaker"})

    assert response.status_code == 409
    assert (
        f"Statement #{statement.pk} was changed by maria while you were working on it"
        in response.content.decode()
    )
