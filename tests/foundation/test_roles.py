"""The three roles, created by a migration, and what each may do."""

import pytest
from django.contrib.auth.models import Group, User

pytestmark = pytest.mark.django_db


def user_in(group_name: str) -> User:
    user = User.objects.create_user(
        username=f"{group_name}-user", password="x", is_staff=group_name != "analyst"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_migration_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {"analyst", "editor", "admin"}


@pytest.mark.parametrize(
    ("group_name", "permission", "expected"),
    [
        ("analyst", "negotiations.view_statement", True),
        ("analyst", "negotiations.change_statement", False),
        ("analyst", "negotiations.change_source", False),
        ("editor", "negotiations.change_statement", True),
        ("editor", "negotiations.add_note", True),
        ("editor", "negotiations.add_event", True),
        ("editor", "negotiations.change_source", False),
        ("editor", "actors.change_actor", False),
        ("admin", "negotiations.change_source", True),
        ("admin", "actors.change_actor", True),
        ("admin", "negotiations.change_issue", True),
        ("admin", "auth.change_user", True),
    ],
)
def test_role_permissions(group_name, permission, expected):
    assert user_in(group_name).has_perm(permission) is expected


def test_an_admin_can_open_the_source_admin(client):
    client.force_login(user_in("admin"))

    assert client.get("/admin/negotiations/source/").status_code == 200


def test_an_editor_cannot_add_a_source_in_the_admin(client):
    client.force_login(user_in("editor"))

    assert client.get("/admin/negotiations/source/add/").status_code == 403


def test_reading_needs_an_account_unless_public_read(client, settings):
    settings.PUBLIC_READ = False

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_user_without_a_role_cannot_read(client, settings):
    settings.PUBLIC_READ = False
    client.force_login(User.objects.create_user(username="nobody", password="x"))

    assert client.get("/").status_code == 403


def test_htmx_requests_from_logged_out_users_get_a_client_redirect(client, settings):
    settings.PUBLIC_READ = False

    response = client.get("/", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/login/")


def test_login_page_renders(client):
    response = client.get("/login/")

    assert response.status_code == 200
    assert b'name="password"' in response.content
