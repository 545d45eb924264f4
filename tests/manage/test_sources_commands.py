"""add_source and poll_sources: the command contract, the summary, the progress bar, clear errors."""

import io
import os
import subprocess
import sys
from pathlib import Path

import kombu.exceptions
import pytest
from django.core.management import CommandError, call_command

from negotiations import tasks
from negotiations.models import Document, Source, Statement
from tests.ingest.support import read_fixture
from tests.pipeline.web import serve_site

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*args: str, stdout: io.StringIO | None = None) -> str:
    out = stdout or io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


# add_source ---------------------------------------------------------------------------------------


def test_add_source_registers_a_feed(web, negotiation):
    output = run(
        "add_source",
        "--name",
        "Local Observer",
        "--kind",
        "rss",
        "--url",
        web.url_for("/feed.xml"),
        "--interval",
        "15",
    )

    source = Source.objects.get()
    assert output.startswith(f"Added source #{source.pk}: Local Observer (rss)")
    assert (source.kind, source.url, source.poll_interval_minutes) == ("rss", web.url_for("/feed.xml"), 15)
    assert source.negotiation == negotiation
    assert source.enabled and source.next_poll_at is not None


def test_add_source_registers_a_file_by_its_absolute_path(tmp_path, monkeypatch, negotiation):
    (tmp_path / "archive.jsonl").write_text("")
    monkeypatch.chdir(tmp_path)

    run("add_source", "--name", "Archive", "--kind", "file", "--url", "archive.jsonl")

    assert Source.objects.get().url == str(tmp_path / "archive.jsonl")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "rss", "--url", "ftp://example.org/feed"], r"is not an http\(s\) URL"),
        (["--kind", "rss", "--url", "http://user:secret@example.org/feed"], "user name or password"),
        (["--kind", "rss", "--url", "https://example.org/feed", "--interval", "0"], "at least one minute"),
        (["--kind", "file", "--url", "/no/such/file.jsonl"], "No file or folder at /no/such/file.jsonl"),
        (["--kind", "podcast", "--url", "https://example.org/"], "invalid choice: 'podcast'"),
        (["--kind", "rss"], "the following arguments are required: --url"),
        (["--kind", "rss", "--url", "https://example.org/feed", "--negotiation", "nope"], "No negotiation"),
    ],
)
def test_add_source_refuses_bad_input_with_a_clear_message(args, message, negotiation):
    with pytest.raises(CommandError, match=message):
        run("add_source", "--name", "Bad", *args)
    assert not Source.objects.exists()


def test_add_source_refuses_an_unsupported_file(tmp_path, negotiation):
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.7")

    with pytest.raises(CommandError, match=r"report\.pdf: unsupported file type"):
        run("add_source", "--name", "PDF", "--kind", "file", "--url", str(report))


def test_add_source_refuses_the_same_source_twice(web, negotiation):
    run("add_source", "--name", "A", "--kind", "rss", "--url", web.url_for("/feed.xml"))

    with pytest.raises(CommandError, match="is already registered, as the source “A”"):
        run("add_source", "--name", "B", "--kind", "rss", "--url", web.url_for("/feed.xml"))


def test_add_source_refuses_a_local_address_unless_allowed(settings, negotiation):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False

    with pytest.raises(CommandError, match="FETCH_ALLOW_PRIVATE_NETWORKS"):
        run("add_source", "--name", "Router", "--kind", "rss", "--url", "http://192.168.1.1/feed")


def test_bad_input_on_the_command_line_is_a_message_not_a_traceback():
    result = subprocess.run(
        [sys.executable, "manage.py", "add_source", "--name", "x", "--kind", "rss", "--url", "ftp://x/feed"],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert "CommandError: 'ftp://x/feed' is not an http(s) URL." in result.stderr
    assert "Traceback" not in result.stderr


# poll_sources ---------------------------------------------------------------------------------------


def test_poll_sources_sync_prints_a_clean_summary(web, negotiation):
    call_command(
        "add_source",
        "--name",
        "Observer",
        "--kind",
        "rss",
        "--url",
        serve_site(web, count=3),
        stdout=io.StringIO(),
    )

    output = run("poll_sources", "--sync")

    statements = Statement.objects.count()
    assert statements > 0
    assert output == (
        f"entries seen: 3 (new: 3); documents new: 3, duplicate: 0, failed: 0; statements extracted: {statements}\n"
    )


def test_poll_sources_sync_shows_a_progress_bar_on_a_terminal(web, negotiation):
    call_command(
        "add_source",
        "--name",
        "Observer",
        "--kind",
        "rss",
        "--url",
        serve_site(web, count=3),
        stdout=io.StringIO(),
    )
    terminal = Terminal()

    output = run("poll_sources", "--sync", stdout=terminal)

    assert "\rObserver:   0%|" in output and "/3 [" in output  # tqdm redraws the line in place
    assert output.rstrip().endswith(f"statements extracted: {Statement.objects.count()}")


def test_a_second_sync_poll_reports_nothing_new(web, negotiation):
    url = serve_site(web, count=2)
    call_command("add_source", "--name", "Observer", "--kind", "rss", "--url", url, stdout=io.StringIO())
    run("poll_sources", "--sync")

    output = run("poll_sources", "--sync", "--source", str(Source.objects.get().pk))

    assert output.startswith("entries seen: 2 (new: 0); documents new: 0, duplicate: 0, failed: 0;")
    assert Document.objects.count() == 2


def test_poll_sources_sync_reports_each_source_and_their_errors(web, negotiation):
    web.expect_request("/broken.xml").respond_with_data(
        read_fixture("feeds/malformed.xml"), content_type="application/rss+xml"
    )
    call_command(
        "add_source",
        "--name",
        "Broken",
        "--kind",
        "rss",
        "--url",
        web.url_for("/broken.xml"),
        stdout=io.StringIO(),
    )
    call_command(
        "add_source",
        "--name",
        "Observer",
        "--kind",
        "rss",
        "--url",
        serve_site(web, count=1),
        stdout=io.StringIO(),
    )

    output = run("poll_sources", "--sync")

    lines = output.splitlines()
    assert lines[0].startswith("Broken: entries seen: 0")
    assert lines[1].startswith("Observer: entries seen: 1 (new: 1); documents new: 1")
    assert lines[2].startswith("entries seen: 1 (new: 1); documents new: 1, duplicate: 0, failed: 0;")
    assert lines[3].startswith("error: Broken: Not a feed: malformed feed")


def test_poll_sources_with_nothing_due(negotiation):
    assert run("poll_sources", "--sync") == "No source is due.\n"


def test_poll_sources_refuses_an_unknown_source(negotiation):
    with pytest.raises(CommandError, match="No source with id 999"):
        run("poll_sources", "--sync", "--source", "999")
    with pytest.raises(CommandError, match="invalid int value"):
        run("poll_sources", "--source", "feed")


def test_poll_sources_queues_due_sources_for_the_workers(web, negotiation, monkeypatch):
    call_command(
        "add_source",
        "--name",
        "Observer",
        "--kind",
        "rss",
        "--url",
        web.url_for("/feed.xml"),
        stdout=io.StringIO(),
    )
    queued = []
    monkeypatch.setattr(tasks.poll_source, "delay", lambda **kwargs: queued.append(kwargs))

    assert run("poll_sources") == "Queued 1 source(s).\n"
    assert queued == [{"source_id": Source.objects.get().pk}]
    assert run("poll_sources") == "No source is due.\n"  # already queued: not twice


def test_poll_sources_says_so_when_the_broker_is_down(web, negotiation, monkeypatch):
    call_command(
        "add_source",
        "--name",
        "Observer",
        "--kind",
        "rss",
        "--url",
        web.url_for("/feed.xml"),
        stdout=io.StringIO(),
    )

    def broker_down(**kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.poll_source, "delay", broker_down)

    with pytest.raises(
        CommandError, match=r"Could not queue 1 of 1 source\(s\): the broker \(REDIS_URL\) is unreachable"
    ):
        run("poll_sources")
