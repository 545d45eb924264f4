"""Following, shifts side by side, the personal Atom feed and the daily digest."""

import datetime as dt
from xml.etree import ElementTree

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from negotiations.models import Follow, Shift
from negotiations.services import alerts
from negotiations.services.positions import refresh_positions
from tests.factories import ActorFactory, IssueFactory, NegotiationFactory, StatementFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def shifted():
    """Lavrov opposed a ceasefire, then made it conditional: one shift."""
    negotiation = NegotiationFactory()
    ceasefire = IssueFactory(negotiation=negotiation, slug="ceasefire", name="Ceasefire")
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    StatementFactory(
        negotiation=negotiation,
        actor=lavrov,
        said_on=dt.date(2026, 1, 5),
        quote="A ceasefire now would only let Kyiv rearm.",
        stances={ceasefire: "opposes"},
    )
    StatementFactory(
        negotiation=negotiation,
        actor=lavrov,
        said_on=dt.date(2026, 1, 20),
        quote="A ceasefire is possible once the monitoring is agreed.",
        stances={ceasefire: "conditional"},
    )
    refresh_positions(pairs=[(lavrov.pk, ceasefire.pk)])
    alerts.record_shifts(pairs=[(lavrov.pk, ceasefire.pk)])
    return lavrov, ceasefire


def test_a_shift_is_recorded_with_both_statements(shifted):
    shift = Shift.objects.get()

    assert (shift.from_stance, shift.to_stance) == ("opposes", "conditional")
    assert shift.from_statement.quote.startswith("A ceasefire now")
    assert shift.to_statement.quote.startswith("A ceasefire is possible")


def test_analyst_follows_an_actor_and_sees_the_shift_side_by_side(analyst_client, analyst, shifted):
    lavrov, _ = shifted

    response = analyst_client.post(reverse("follow"), {"actor": lavrov.slug})
    page = analyst_client.get(reverse("following")).content.decode()

    assert response.status_code == 302
    assert Follow.objects.get(user=analyst).actor == lavrov
    assert "A ceasefire now would only let Kyiv rearm." in page
    assert "A ceasefire is possible once the monitoring is agreed." in page
    assert "shift-pair" in page


def test_following_twice_is_harmless_and_unfollow_removes_it(analyst_client, analyst, shifted):
    lavrov, _ = shifted
    analyst_client.post(reverse("follow"), {"actor": lavrov.slug})
    analyst_client.post(reverse("follow"), {"actor": lavrov.slug})
    assert Follow.objects.filter(user=analyst).count() == 1

    analyst_client.post(reverse("unfollow"), {"follow": Follow.objects.get().pk})

    assert not Follow.objects.exists()


def test_follow_an_issue(analyst_client, analyst, shifted):
    _, ceasefire = shifted

    analyst_client.post(reverse("follow"), {"issue": ceasefire.pk})

    assert list(alerts.followed_shifts(user=analyst)) == list(Shift.objects.all())


def test_saved_filter_is_followed(analyst_client, analyst, shifted):
    analyst_client.post(
        reverse("save_filter"),
        {"name": "Lavrov on truce", "query": "/timeline/?actor=sergey-lavrov&issue=ceasefire"},
    )

    saved = analyst.saved_filters.get()
    assert saved.query == "actor=sergey-lavrov&issue=ceasefire"
    assert list(alerts.followed_shifts(user=analyst)) == list(Shift.objects.all())


def test_personal_atom_feed_lists_followed_shifts(client, analyst, shifted):
    lavrov, _ = shifted
    alerts.follow(user=analyst, actor=lavrov)
    token = alerts.alert_settings_for(analyst).feed_token

    response = client.get(reverse("personal_feed", kwargs={"token": token}))

    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Sergey Lavrov on Ceasefire: opposes → conditional"]
    assert "monitoring is agreed" in response.content.decode()


def test_feed_token_can_be_replaced(analyst_client, analyst, client):
    old = alerts.alert_settings_for(analyst).feed_token

    analyst_client.post(reverse("new_feed_token"))

    assert client.get(reverse("personal_feed", kwargs={"token": old})).status_code == 404


def test_shift_list_page(analyst_client, shifted):
    body = analyst_client.get(reverse("shift_list")).content.decode()

    assert "Sergey Lavrov" in body and "Conditional" in body


def test_daily_digest_command_sends_the_shifts(analyst, shifted, settings):
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend", "OPTIONS": {}}
    }
    lavrov, _ = shifted
    alerts.follow(user=analyst, actor=lavrov)

    call_command("send_digests")
    call_command("send_digests")  # the second run within a day sends nothing

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [analyst.email]
    assert "opposes -> conditional" in mail.outbox[0].body


@pytest.mark.parametrize("count", [1, 15])
def test_following_page_runs_a_bounded_number_of_queries(
    analyst_client, analyst, count, django_assert_max_num_queries
):
    negotiation = NegotiationFactory()
    issue = IssueFactory(negotiation=negotiation)
    for number in range(count):
        actor = ActorFactory()
        alerts.follow(user=analyst, actor=actor)
        Shift.objects.create(
            negotiation=negotiation,
            actor=actor,
            issue=issue,
            shifted_on=dt.date(2026, 1, 1) + dt.timedelta(days=number),
            from_stance="opposes",
            to_stance="conditional",
            from_statement=StatementFactory(negotiation=negotiation, actor=actor),
            to_statement=StatementFactory(negotiation=negotiation, actor=actor),
        )

    with django_assert_max_num_queries(14):
        response = analyst_client.get(reverse("following"))

    assert response.content.decode().count('class="shift"') == count


def test_a_reader_sets_the_address_of_the_daily_digest_on_the_following_page(analyst_client, analyst):
    page = analyst_client.get(reverse("following")).content.decode()
    assert 'action="/following/digest/"' in page and 'id="digest-email"' in page

    response = analyst_client.post(reverse("set_digest"), {"email": "reader@example.org", "digest": "on"})

    analyst.refresh_from_db()
    assert response.status_code == 302
    assert analyst.email == "reader@example.org"
    assert alerts.alert_settings_for(analyst).digest_enabled
    assert (
        "A daily e-mail digest goes to reader@example.org."
        in analyst_client.get(reverse("following")).content.decode()
    )


def test_the_digest_can_be_turned_off_and_a_bad_address_is_refused(analyst_client, analyst):
    analyst_client.post(reverse("set_digest"), {"email": "reader@example.org"})  # box unticked
    assert not alerts.alert_settings_for(analyst).digest_enabled

    response = analyst_client.post(
        reverse("set_digest"), {"email": "not an address", "digest": "on"}, follow=True
    )

    analyst.refresh_from_db()
    assert analyst.email == "reader@example.org"
    assert "Enter a valid email address." in response.content.decode()
