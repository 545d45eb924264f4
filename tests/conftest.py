"""Shared fixtures: users in each role, and a headless Chromium page for the browser tests."""

import importlib
import os
import shutil
from collections.abc import Iterator

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, User

from tests.factories import UserFactory

ROLES = ("analyst", "editor", "admin")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def ensure_roles() -> None:
    """The groups come from migration 0002_roles; a transactional test's flush removes them, so recreate."""
    if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
        roles_migration = importlib.import_module("negotiations.migrations.0002_roles")
        roles_migration.create_roles(django_apps, None)


def user_in(role: str, username: str) -> User:
    ensure_roles()
    return UserFactory(username=username, groups=[role])


@pytest.fixture
def analyst(db) -> User:
    return user_in("analyst", "analyst")


@pytest.fixture
def editor(db) -> User:
    return user_in("editor", "editor")


@pytest.fixture
def admin_user(db) -> User:
    """An admin by role (the "admin" group), not a Django superuser."""
    return user_in("admin", "admin")


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


# Browser tests -----------------------------------------------------------------------------------------


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def log_in(context, live_server, user: User) -> None:
    """Give a browser context the session cookie of `user` (no login form to drive)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    executable = chromium_path()
    if not executable:
        pytest.skip("Chromium is not installed: run `make browser` (apt-get install chromium).")
    # Playwright's sync API keeps an event loop running in this thread; the ORM calls made by the tests
    # themselves (creating data) are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server) -> Iterator:
    """A page that may only talk to the live server: any other request fails the test (no CDN)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    blocked: list[str] = []

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(live_server.url) or url.startswith(("data:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", guard)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert not blocked, f"the page requested other hosts: {blocked}"
    assert not errors, f"the page logged errors: {errors}"
