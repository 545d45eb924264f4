"""Admins' pages: sources with health, add, pause, fetch now with progress; the registry with preview."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actors.models import Alias
from negotiations.enums import SourceKind
from negotiations.models import AuditLog, Source
from tests.factories import (
    ActorFactory,
    CitationFactory,
    DocumentFactory,
    EventFactory,
    IssueFactory,
    NegotiationFactory,
    PartyFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
DEMO_FEED = Path(__file__).resolve().parents[2] / "negotiations" / "demo" / "data" / "feed.jsonl"
DEMO_ARTICLES = len(DEMO_FEED.read_text().splitlines())


@pytest.fixture(autouse=True)
def _synchronous_fetch(settings):
    settings.FETCH_NOW_IN_THREAD = False


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def negotiation():
    return NegotiationFactory(slug="talks")


def test_source_list_shows_health(admin_client, negotiation):
    source = SourceFactory(
        name="Wire",
        negotiation=negotiation,
        consecutive_failures=3,
        last_error="HTTP 503 from the server",
        last_polled_at=timezone.now() - dt.timedelta(minutes=5),
    )
    document = DocumentFactory(source=source)
    statement = StatementFactory(negotiation=negotiation)
    CitationFactory(statement=statement, document=document, start=0, end=5)
    DocumentFactory(source=source)

    body = admin_client.get(reverse("source_list")).content.decode()

    assert "Wire" in body
    assert "HTTP 503 from the server" in body
    assert "2 documents, 1 statement" in body
    assert "Fetch now" in body


def test_source_list_runs_a_bounded_number_of_queries(admin_client, django_assert_max_num_queries):
    for _ in range(15):
        DocumentFactory(source=SourceFactory())

    with django_assert_max_num_queries(12):
        admin_client.get(reverse("source_list"))


def test_add_source_refuses_a_bad_url(admin_client):
    response = admin_client.post(reverse("source_create"), {"name": "X", "kind": "rss", "url": "ftp://x"})

    assert response.status_code == 422
    assert "is not an http(s) URL" in response.content.decode()
    assert not Source.objects.exists()


def test_add_source_and_fetch_it_at_once(admin_client, negotiation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("source_create"),
            {
                "name": "Demo wire",
                "kind": SourceKind.FILE,
                "url": str(DEMO_FEED),
                "negotiation": negotiation.slug,
                "poll_interval_minutes": "30",
                "reliability": "unknown",
                "fetch_now": "on",
            },
        )

    source = Source.objects.get(name="Demo wire")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("source_edit", kwargs={"pk": source.pk}) + "?since=")
    assert source.documents.count() == DEMO_ARTICLES
    page = admin_client.get(response["Location"]).content.decode()
    assert "Fetch finished." in page
    assert AuditLog.objects.filter(action="create-source").exists()


def test_fetch_now_shows_progress_then_stops_polling(
    admin_client, negotiation, django_capture_on_commit_callbacks
):
    source = SourceFactory(kind=SourceKind.FILE, url=str(DEMO_FEED), negotiation=negotiation)

    with django_capture_on_commit_callbacks(execute=True):
        started = admin_client.post(reverse("source_fetch", kwargs={"pk": source.pk}), **HTMX)
    body = started.content.decode()
    progress_url = body.split('hx-get="')[1].split('"')[0] if 'hx-get="' in body else None

    assert started.status_code == 200
    assert "<progress" in body
    url = progress_url or reverse("source_progress", kwargs={"pk": source.pk})
    page = "http://testserver" + reverse("source_edit", kwargs={"pk": source.pk})
    finished = admin_client.get(url.replace("&amp;", "&"), HTTP_HX_CURRENT_URL=page, **HTMX)
    assert finished.status_code == 286  # htmx stops polling
    assert f'id="health-{source.pk}" hx-swap-oob="true"' in finished.content.decode()
    assert "Fetch finished." in finished.content.decode()
    assert f"{DEMO_ARTICLES} of {DEMO_ARTICLES}" in finished.content.decode()


def test_progress_polls_while_the_poll_has_not_run(admin_client):
    source = SourceFactory()
    since = (timezone.now() + dt.timedelta(seconds=1)).isoformat()

    response = admin_client.get(
        reverse("source_progress", kwargs={"pk": source.pk}), {"since": since}, **HTMX
    )

    assert response.status_code == 200
    assert 'hx-trigger="every 1s"' in response.content.decode()


def test_pause_and_resume(admin_client):
    source = SourceFactory()

    admin_client.post(reverse("source_pause", kwargs={"pk": source.pk}), {"reason": "Too noisy"})
    source.refresh_from_db()
    assert source.paused_reason == "Too noisy"

    admin_client.post(reverse("source_resume", kwargs={"pk": source.pk}))
    source.refresh_from_db()
    assert source.paused_reason == ""
    assert source.enabled


def test_edit_source(admin_client):
    source = SourceFactory(url="https://old.example.org/feed.xml")

    response = admin_client.post(
        reverse("source_edit", kwargs={"pk": source.pk}),
        {
            "name": "Renamed",
            "url": "https://new.example.org/feed.xml",
            "poll_interval_minutes": "15",
            "reliability": "public",
        },
    )

    source.refresh_from_db()
    assert response.status_code == 302
    assert (source.name, source.url, source.poll_interval_minutes, source.enabled) == (
        "Renamed",
        "https://new.example.org/feed.xml",
        15,
        False,
    )


# Registry -----------------------------------------------------------------------------------------------


def test_registry_lists_actors_and_issues(admin_client, negotiation):
    ActorFactory(name="Sergey Lavrov")
    IssueFactory(negotiation=negotiation, name="Territory")

    body = admin_client.get(reverse("registry")).content.decode()

    assert "Sergey Lavrov" in body and "Territory" in body


def test_add_alias_and_refuse_a_duplicate_spelling(admin_client):
    actor = ActorFactory(name="Volodymyr Zelensky")

    admin_client.post(reverse("registry_alias_add", kwargs={"pk": actor.pk}), {"name": "Zelenskyy"})
    admin_client.post(reverse("registry_alias_add", kwargs={"pk": actor.pk}), {"name": "ZELENSKYY"})

    assert list(Alias.objects.filter(actor=actor).values_list("name", flat=True)) == ["Zelenskyy"]


def test_actor_cannot_speak_for_itself_through_its_party(admin_client):
    russia = PartyFactory(name="Russia")
    kremlin = ActorFactory(name="Kremlin", party=russia)

    response = admin_client.post(
        reverse("registry_actor_edit", kwargs={"pk": russia.pk}),
        {"name": "Russia", "kind": "government", "party": kremlin.pk},
    )

    assert response.status_code == 422


def test_role_is_added(admin_client):
    actor = ActorFactory()

    admin_client.post(
        reverse("registry_role_add", kwargs={"pk": actor.pk}),
        {
            "title": "Foreign minister",
            "start": "2004-03-09",
            "descriptors": "the Russian foreign minister\nRussia's top diplomat",
        },
    )

    role = actor.roles.get()
    assert role.descriptors == ["the Russian foreign minister", "Russia's top diplomat"]


def test_issue_cue_preview_counts_the_difference_without_saving(admin_client, negotiation):
    ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    issue = IssueFactory(negotiation=negotiation, slug="grain", name="Grain", cues=["grain"])
    DocumentFactory(
        text="Sergey Lavrov told reporters: “We will never accept the wheat corridor on these terms.” "
        "The talks continue."
    )

    response = admin_client.post(
        reverse("registry_issue_edit", kwargs={"pk": issue.pk}),
        {
            "name": "Grain",
            "proposition": "The corridor reopens.",
            "cues": "grain\nwheat corridor",
            "preview": "1",
        },
    )

    body = response.content.decode()
    issue.refresh_from_db()
    assert "Preview on 1 stored document" in body
    assert "Tagged with this issue" in body
    assert issue.cues == ["grain"]


def test_issue_save_changes_cues_and_is_audited(admin_client, negotiation):
    issue = IssueFactory(negotiation=negotiation, cues=["grain"])

    admin_client.post(
        reverse("registry_issue_edit", kwargs={"pk": issue.pk}),
        {"name": issue.name, "proposition": issue.proposition, "cues": "grain, wheat corridor"},
    )

    issue.refresh_from_db()
    assert issue.cues == ["grain", "wheat corridor"]
    assert AuditLog.objects.get(action="edit-issue").changes["cues"] == [
        ["grain"],
        ["grain", "wheat corridor"],
    ]


def test_admin_adds_an_issue_with_a_unique_slug(admin_client, negotiation):
    IssueFactory(negotiation=negotiation, slug="grain-deal", name="Grain deal")

    response = admin_client.post(
        reverse("registry_issue_create"),
        {
            "negotiation": negotiation.slug,
            "name": "Grain deal",
            "proposition": "The deal is renewed.",
            "cues": "grain",
        },
    )

    issue = negotiation.issues.get(slug="grain-deal-2")
    assert response["Location"] == reverse("registry_issue_edit", kwargs={"pk": issue.pk})
    assert issue.cues == ["grain"]


def test_admin_sets_the_parties_of_a_negotiation(admin_client, negotiation):
    russia, ukraine = PartyFactory(name="Russia"), PartyFactory(name="Ukraine")

    admin_client.post(
        reverse("registry_parties", kwargs={"pk": negotiation.pk}), {"parties": [russia.pk, ukraine.pk]}
    )

    assert set(negotiation.parties.all()) == {russia, ukraine}
    assert AuditLog.objects.get(action="edit-parties").target_id == negotiation.pk


def test_alias_preview_shows_how_many_more_statements_the_actor_would_get(admin_client, negotiation):
    russia = PartyFactory(name="Russia", slug="russia")
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov", party=russia)
    statement = StatementFactory(negotiation=negotiation, actor=lavrov)
    document = DocumentFactory(
        text="The chief negotiator Grigory Karasin told reporters: “We will not sign anything that ignores "
        "the realities on the ground.” The talks continue."
    )
    CitationFactory(statement=statement, document=document, start=0, end=10)
    karasin = ActorFactory(name="Grigory Karasin", slug="grigory-karasin", party=russia)

    response = admin_client.get(
        reverse("registry_actor_edit", kwargs={"pk": karasin.pk}), {"try_alias": "The chief negotiator"}
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Preview on 1 stored document" in body
    assert "Attributed to this actor" in body
    assert not karasin.aliases.exists()  # a preview saves nothing


@pytest.mark.parametrize("page", ["source", "new_source", "actor", "issue", "event", "new_event", "events"])
def test_an_admin_page_opens_with_its_title_and_a_breadcrumb_above_it(admin_client, negotiation, page):
    """The way back sits in a breadcrumb above the title, as on the analyst pages, not squeezed beside it
    (where it pushed the title to the middle of the line)."""
    urls = {
        "source": reverse("source_edit", args=[SourceFactory().pk]),
        "new_source": reverse("source_create"),
        "actor": reverse("registry_actor_edit", args=[ActorFactory().pk]),
        "issue": reverse("registry_issue_edit", args=[IssueFactory(negotiation=negotiation).pk]),
        "event": reverse("review_event_edit", args=[EventFactory(negotiation=negotiation).pk]),
        "new_event": reverse("review_event_create") + "?negotiation=talks",
        "events": reverse("review_events"),
    }

    html = admin_client.get(urls[page]).content.decode()

    head = html[html.index('<div class="page-head') :]
    assert html.index('<nav class="crumbs"') < html.index('<div class="page-head')
    assert head[head.index(">") + 1 :].lstrip().startswith("<h1")
    assert "←" not in head[: head.index("</div>")]


def test_an_uploaded_file_becomes_a_file_source_and_is_read_at_once(
    admin_client, negotiation, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    articles = SimpleUploadedFile(
        "wire export.jsonl", DEMO_FEED.read_bytes(), content_type="application/json"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("source_create"),
            {
                "name": "",
                "kind": "rss",
                "url": "",
                "upload": articles,
                "negotiation": negotiation.slug,
                "fetch_now": "on",
            },
        )

    source = Source.objects.get()
    assert response.status_code == 302
    assert source.kind == SourceKind.FILE and source.name == "wire export.jsonl"
    assert Path(source.url).parent == tmp_path / "uploads"
    assert source.documents.count() == DEMO_ARTICLES


def test_an_upload_of_an_unsupported_type_is_refused_and_keeps_the_form(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    program = SimpleUploadedFile("notes.exe", b"MZ", content_type="application/octet-stream")

    response = admin_client.post(
        reverse("source_create"), {"name": "My notes", "kind": "rss", "url": "", "upload": program}
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "notes.exe: unsupported file type" in html
    assert 'value="My notes"' in html
    assert not Source.objects.exists() and not (tmp_path / "uploads").exists()


def test_the_new_source_form_offers_an_upload(admin_client):
    html = admin_client.get(reverse("source_create")).content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert '<input id="s-upload" type="file" name="upload" accept=".htm,.html,.jsonl,.txt"' in html


def test_lists_that_take_several_choices_say_how_to_choose_several(admin_client, negotiation):
    # The event form's lists are checkboxes (tests/review/test_views.py): nothing to Ctrl-click there.
    event_form = admin_client.get(reverse("review_event_create") + "?negotiation=talks").content.decode()
    assert "<select" not in event_form.split('name="participants"')[0].rsplit("<fieldset", 1)[-1]
    for url in (reverse("registry"),):
        html = admin_client.get(url).content.decode()
        tags = [chunk[: chunk.index(">")] for chunk in html.split("<select")[1:]]
        several = [tag for tag in tags if " multiple" in tag]
        assert several, url
        for tag in several:
            help_id = tag.split('aria-describedby="')[1].split('"')[0]
            assert f'<small id="{help_id}" class="muted">Ctrl-click' in html, (url, help_id)


def test_a_source_polled_a_moment_ago_says_now_not_0_minutes_ago(admin_client, negotiation):
    SourceFactory(negotiation=negotiation, last_polled_at=timezone.now(), last_success_at=timezone.now())

    body = admin_client.get(reverse("source_list")).content.decode()

    assert "0 minutes ago" not in body
    assert ">now</time>" in body


def test_a_sources_health_gives_its_times_like_the_rest_of_the_site(admin_client, negotiation):
    polled = timezone.now() - dt.timedelta(minutes=5)
    source = SourceFactory(negotiation=negotiation, last_polled_at=polled)

    body = admin_client.get(reverse("source_edit", kwargs={"pk": source.pk})).content.decode()

    assert f"{timezone.localtime(polled):%-d %b %Y, %H:%M}</time> (5\xa0minutes ago)" in body
    assert "a.m." not in body and "p.m." not in body


def test_without_javascript_a_running_fetch_reloads_its_page_until_it_is_done(admin_client):
    source = SourceFactory()
    running = {"since": (timezone.now() + dt.timedelta(seconds=1)).isoformat()}  # the poll has not run yet

    page = admin_client.get(reverse("source_edit", kwargs={"pk": source.pk}), running).content.decode()
    idle = admin_client.get(reverse("source_edit", kwargs={"pk": source.pk})).content.decode()

    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert "http-equiv" not in idle


def test_an_upload_whose_source_is_refused_is_not_kept(admin_client, negotiation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = SimpleUploadedFile("note.txt", b"Talks resumed in Geneva.", content_type="text/plain")

    response = admin_client.post(
        reverse("source_create"),
        {"name": "Note", "kind": "rss", "url": "", "upload": article, "poll_interval_minutes": "0"},
    )

    assert response.status_code == 422
    assert "at least one minute" in response.content.decode()
    assert not Source.objects.exists()
    assert list((tmp_path / "uploads").iterdir()) == []


def test_a_file_uploaded_twice_says_its_articles_were_duplicates(
    admin_client, negotiation, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path

    def upload(name: str):
        articles = SimpleUploadedFile(name, DEMO_FEED.read_bytes(), content_type="application/json")
        fields = {"name": "", "kind": "rss", "url": "", "upload": articles, "negotiation": negotiation.slug}
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(reverse("source_create"), fields | {"fetch_now": "on"})

    upload("first export.jsonl")
    response = upload("same export again.jsonl")

    page = admin_client.get(response["Location"]).content.decode()
    assert "Fetch finished." in page
    assert f"({DEMO_ARTICLES} already stored: duplicates, not counted again)" in page
    assert f"<dd>0 new, and {DEMO_ARTICLES} duplicates of articles already stored</dd>" in page
