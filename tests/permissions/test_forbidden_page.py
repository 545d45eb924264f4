"""A logged-in user who lacks a role sees a page in the site's layout that says what to do, not a bare
"403 Forbidden"."""

from django.urls import reverse


def test_forbidden_page_keeps_the_site_layout_and_says_why(client, analyst):
    client.force_login(analyst)

    response = client.get(reverse("review_queue"))

    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="site-header"' in page  # the navigation, so the user can go on from here
    assert "Your account (analyst) cannot open this page" in page
    assert "ask an administrator" in page.lower()
    assert f"{reverse('login')}?next=/review/" in page
