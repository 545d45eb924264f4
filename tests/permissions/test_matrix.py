"""Who may do what: every editor, admin and alerts endpoint, for every role, GET and POST, htmx or not.

Analysts read; editors review, annotate and manage events; admins manage sources and the registry (users and
roles stay in the Django admin). Anonymous users are sent to log in (htmx: a client-side redirect), a
logged-in user without the permission gets 403, and a POST without a CSRF token is refused with 403.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from negotiations.enums import SourceKind
from negotiations.models import AuditLog, Statement
from negotiations.services import review
from tests.conftest import user_in
from tests.factories import (
    ActorFactory,
    AliasFactory,
    CitationFactory,
    EventFactory,
    IssueFactory,
    NegotiationFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "analyst", "editor", "admin")
RANK = {"anonymous": 0, "reader": 1, "analyst": 1, "editor": 2, "admin": 3}
NOTE_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "ingest" / "files" / "note.txt"


@dataclass(frozen=True)
class Endpoint:
    name: str
    kwargs: str  # which object of the world fills the URL: "statement", "entry", ...
    method: str
    needs: str  # "reader", "editor" or "admin"
    data: tuple = ()

    def __str__(self) -> str:
        return f"{self.method} {self.name}"


E, A, R = "editor", "admin", "reader"
ENDPOINTS = [
    # Review (editors)
    Endpoint("review_queue", "", "GET", E),
    Endpoint("review_statement", "statement", "GET", E),
    Endpoint("review_row", "statement", "GET", E),
    Endpoint("review_history", "statement", "GET", E),
    Endpoint("review_accept", "statement", "POST", E, (("version", "1"),)),
    Endpoint("review_reject", "statement", "POST", E, (("version", "1"), ("reason", "Wrong"))),
    Endpoint("review_note", "statement", "POST", E, (("text", "A note"),)),
    Endpoint("review_correct", "statement", "POST", E, (("version", "1"), ("kind", "paraphrase"))),
    Endpoint("review_merge", "statement", "POST", E, (("version", "1"), ("into", "0"))),
    Endpoint("review_link_event", "statement", "POST", E, (("version", "1"), ("event", "0"))),
    Endpoint("review_new_actor", "statement", "POST", E, (("version", "1"), ("name", ""))),
    Endpoint("review_alias", "statement", "POST", E, (("version", "1"), ("actor", ""))),
    Endpoint("review_revert", "entry", "POST", E, (("version", "0"),)),
    Endpoint("review_events", "", "GET", E),
    Endpoint("review_event_create", "", "GET", E),
    Endpoint("review_event_create", "", "POST", E, (("title", ""),)),
    Endpoint("review_event_edit", "event", "GET", E),
    Endpoint("review_event_edit", "event", "POST", E, (("title", ""),)),
    # Sources and registry (admins)
    Endpoint("source_list", "", "GET", A),
    Endpoint("source_create", "", "GET", A),
    Endpoint("source_create", "", "POST", A, (("kind", "rss"), ("url", "not a url"))),
    Endpoint("source_edit", "source", "GET", A),
    Endpoint("source_edit", "source", "POST", A, (("url", "not a url"),)),
    Endpoint("source_pause", "source", "POST", A),
    Endpoint("source_resume", "source", "POST", A),
    Endpoint("source_fetch", "source", "POST", A),
    Endpoint("source_progress", "source", "GET", A),
    Endpoint("registry", "", "GET", A),
    Endpoint("registry_actor_create", "", "POST", A, (("name", ""),)),
    Endpoint("registry_actor_edit", "actor", "GET", A),
    Endpoint("registry_actor_edit", "actor", "POST", A, (("name", ""),)),
    Endpoint("registry_alias_add", "actor", "POST", A, (("name", ""),)),
    Endpoint("registry_alias_delete", "alias", "POST", A),
    Endpoint("registry_role_add", "actor", "POST", A, (("title", ""),)),
    Endpoint("registry_issue_create", "", "POST", A, (("name", ""),)),
    Endpoint("registry_parties", "negotiation", "POST", A),
    Endpoint("registry_issue_edit", "issue", "GET", A),
    Endpoint("registry_issue_edit", "issue", "POST", A, (("name", ""),)),
    # Alerts (anyone who may read, with an account)
    Endpoint("following", "", "GET", R),
    Endpoint("follow", "", "POST", R, (("actor", "nobody-at-all"),)),
    Endpoint("unfollow", "", "POST", R, (("follow", "0"),)),
    Endpoint("save_filter", "", "POST", R, (("name", ""),)),
    Endpoint("new_feed_token", "", "POST", R),
    Endpoint("set_digest", "", "POST", R, (("email", "not an address"),)),
    Endpoint("shift_list", "", "GET", R),
]
POSTS = [endpoint for endpoint in ENDPOINTS if endpoint.method == "POST"]


@pytest.fixture(autouse=True)
def _fast(settings):
    settings.PUBLIC_READ = False
    settings.FETCH_NOW_IN_THREAD = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> dict:
    negotiation = NegotiationFactory()
    issue = IssueFactory(negotiation=negotiation)
    statement = StatementFactory(negotiation=negotiation, stances={issue: "opposes"})
    CitationFactory(statement=statement)
    actor = ActorFactory()
    editor = user_in("editor", "history-editor")
    review.add_note(statement=statement, editor=editor, text="So it has a history.")
    Statement.objects.filter(pk=statement.pk).update(version=1)
    return {
        "statement": statement,
        "entry": AuditLog.objects.get(),
        "event": EventFactory(negotiation=negotiation),
        "source": SourceFactory(kind=SourceKind.FILE, url=str(NOTE_FILE), negotiation=negotiation),
        "actor": actor,
        "alias": AliasFactory(actor=actor),
        "issue": issue,
        "negotiation": negotiation,
    }


def url_of(endpoint: Endpoint, world: dict) -> str:
    if not endpoint.kwargs:
        return reverse(endpoint.name)
    key = "entry_pk" if endpoint.kwargs == "entry" else "pk"
    return reverse(endpoint.name, kwargs={key: world[endpoint.kwargs].pk})


def client_for(role: str, *, csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    if role != "anonymous":
        client.force_login(user_in(role, f"{role}-user"))
    return client


def call(client: Client, endpoint: Endpoint, world: dict, *, htmx: bool):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    url = url_of(endpoint, world)
    if endpoint.method == "GET":
        return client.get(url, **headers)
    return client.post(url, dict(endpoint.data), **headers)


def is_login_redirect(response) -> bool:
    location = response.get("HX-Redirect") or response.get("Location") or ""
    return location.startswith(reverse("login"))


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_role_matrix(endpoint: Endpoint, role: str, htmx: bool, world) -> None:
    response = call(client_for(role), endpoint, world, htmx=htmx)

    if role == "anonymous":
        assert is_login_redirect(response), (response.status_code, response.headers)
    elif RANK[role] < RANK[endpoint.needs]:
        assert response.status_code == 403
    else:
        assert response.status_code not in (403, 405, 500)
        assert not is_login_redirect(response)


@pytest.mark.parametrize("endpoint", POSTS, ids=str)
def test_post_without_csrf_token_is_refused(endpoint: Endpoint, world) -> None:
    client = client_for("admin", csrf=True)
    versions = Statement.objects.values_list("version", flat=True)
    before = (list(versions), AuditLog.objects.count())

    response = call(client, endpoint, world, htmx=True)

    assert response.status_code == 403
    assert (list(versions), AuditLog.objects.count()) == before


POST_ONLY = [e for e in POSTS if not any(g.name == e.name and g.method == "GET" for g in ENDPOINTS)]


@pytest.mark.parametrize("endpoint", POST_ONLY, ids=str)
def test_post_endpoints_refuse_get(endpoint: Endpoint, world) -> None:
    response = client_for("admin").get(url_of(endpoint, world))

    assert response.status_code == 405


def test_post_with_csrf_token_is_accepted(world) -> None:
    client = client_for("editor", csrf=True)
    client.get(reverse("review_queue"))
    token = client.cookies["csrftoken"].value
    statement = world["statement"]

    response = client.post(
        reverse("review_accept", kwargs={"pk": statement.pk}),
        {"version": 1},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=token,
    )

    assert response.status_code == 200


def test_anonymous_reader_with_public_read_still_logs_in_to_follow(settings, world) -> None:
    settings.PUBLIC_READ = True

    shifts = Client().get(reverse("shift_list"))
    following = Client().get(reverse("following"))

    assert shifts.status_code == 200
    assert is_login_redirect(following)


def test_public_read_never_opens_the_editor_pages(settings, world) -> None:
    settings.PUBLIC_READ = True

    assert is_login_redirect(Client().get(reverse("review_queue")))
    assert is_login_redirect(Client().get(reverse("source_list")))


def test_personal_feed_needs_its_token_not_a_session(world) -> None:
    from negotiations.services.alerts import alert_settings_for

    token = alert_settings_for(user_in("analyst", "reader")).feed_token

    good = Client().get(reverse("personal_feed", kwargs={"token": token}))
    bad = Client().get(reverse("personal_feed", kwargs={"token": "guessed-token"}))

    assert good.status_code == 200
    assert bad.status_code == 404
