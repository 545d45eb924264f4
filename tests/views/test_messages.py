"""What an action said (django.contrib.messages) shows on whatever page comes next, from the base template."""

import pytest
from django.contrib.messages import constants
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_following_from_an_actor_page_says_so_on_that_page(analyst_client, world):
    actor_page = reverse("actor_detail", args=[world.lavrov.slug])

    response = analyst_client.post(
        reverse("follow"), {"actor": world.lavrov.slug, "next": actor_page}, follow=True
    )

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == actor_page
    assert '<li class="review-message success" role="status">You follow Sergey Lavrov.</li>' in html


def test_an_error_message_is_announced_at_once(analyst_client, world):
    response = analyst_client.post(reverse("save_filter"), {"name": "", "query": "actor=x"}, follow=True)

    assert 'role="alert">A saved filter needs a name.</li>' in response.content.decode()


def test_a_message_is_shown_once(analyst_client, world):
    analyst_client.post(reverse("follow"), {"actor": world.lavrov.slug})
    first = analyst_client.get(reverse("matrix", args=[world.negotiation.slug])).content.decode()
    second = analyst_client.get(reverse("matrix", args=[world.negotiation.slug])).content.decode()

    assert "You follow Sergey Lavrov." in first
    assert "You follow Sergey Lavrov." not in second
    assert constants.ERROR >= 40  # the base template's alert threshold
