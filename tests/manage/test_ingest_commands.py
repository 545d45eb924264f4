"""ingest_url and ingest_file: the same pipeline and summary as poll_sources, clear errors."""

import io
import json
import random

import pytest
from django.core.management import CommandError, call_command

from negotiations.enums import EntryState
from negotiations.models import Citation, Document, FeedEntry, Source, Statement
from tests.ingest.support import read_fixture
from tests.pipeline.helpers import article_text, write_articles
from tests.pipeline.web import HTML, article_html

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


# ingest_url ----------------------------------------------------------------------------------------


def test_ingest_url_runs_one_article_through_the_pipeline(web, negotiation):
    web.expect_request("/news/talks").respond_with_data(article_html(4), content_type=HTML)

    output = run("ingest_url", web.url_for("/news/talks"))

    statements = Statement.objects.count()
    assert statements > 0
    assert output == (
        f"entries seen: 1 (new: 1); documents new: 1, duplicate: 0, failed: 0; statements extracted: {statements}\n"
    )
    document = Document.objects.get()
    assert (document.url, document.title) == (web.url_for("/news/talks"), "Report 4 on the peace talks")
    assert Source.objects.get().kind == "page"


def test_ingest_url_twice_fetches_once(web, negotiation):
    web.expect_request("/news/talks").respond_with_data(article_html(4), content_type=HTML)
    run("ingest_url", web.url_for("/news/talks"))

    output = run("ingest_url", web.url_for("/news/talks"))

    assert output.startswith(f"Already ingested as document #{Document.objects.get().pk}: Report 4")
    assert "documents new: 0" in output
    assert [request.path for request, _ in web.log].count("/news/talks") == 1


def test_ingest_url_reports_a_failure_with_its_reason_and_can_try_again(web, negotiation):
    web.expect_oneshot_request("/news/talks").respond_with_data("gone", status=404)
    web.expect_request("/news/talks").respond_with_data(article_html(4), content_type=HTML)

    with pytest.raises(CommandError, match=r"could not be ingested: The server answered 404"):
        run("ingest_url", web.url_for("/news/talks"))
    assert FeedEntry.objects.get().state == EntryState.FAILED

    output = run("ingest_url", web.url_for("/news/talks"))

    assert "documents new: 1" in output
    assert FeedEntry.objects.get().state == EntryState.DONE


@pytest.mark.parametrize(
    ("url", "message"),
    [("file:///etc/passwd", r"not an http\(s\) URL"), ("not a url", r"not an http\(s\) URL")],
)
def test_ingest_url_refuses_what_is_not_a_web_url(url, message, negotiation):
    with pytest.raises(CommandError, match=message):
        run("ingest_url", url)


def test_ingest_url_refuses_a_page_that_is_not_html(web, negotiation):
    web.expect_request("/report.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")

    with pytest.raises(CommandError, match="Not a web page: expected an HTML page, got application/pdf"):
        run("ingest_url", web.url_for("/report.pdf"))


# ingest_file ---------------------------------------------------------------------------------------


def test_ingest_file_reads_a_jsonl_archive(tmp_path, negotiation):
    path = write_articles(tmp_path, count=4)

    output = run("ingest_file", str(path))

    statements = Citation.objects.count()  # a statement quoted in two articles counts in each
    assert output == (
        f"entries seen: 4 (new: 4); documents new: 4, duplicate: 0, failed: 0; statements extracted: {statements}\n"
    )
    document = Document.objects.get(url="https://archive.parley.invalid/article-2")
    assert document.title == "Report 2 on the peace talks"
    assert document.published_at.date().isoformat() == "2026-01-03"


def test_ingest_file_reads_an_html_page(tmp_path, negotiation):
    page = tmp_path / "geneva.html"
    page.write_bytes(read_fixture("pages/article_en.html"))

    output = run("ingest_file", str(page))

    assert "documents new: 1" in output
    document = Document.objects.get()
    assert document.title == "Delegations agree to meet again after Geneva round"
    assert not document.url.startswith("file:")


def test_ingest_file_reads_a_text_file(tmp_path, negotiation):
    note = tmp_path / "note.txt"
    note.write_text("Notes from the Geneva round\n\n" + article_text(1, random.Random(1)))

    output = run("ingest_file", str(note))

    assert "documents new: 1" in output
    assert Document.objects.get().title == "Notes from the Geneva round"


def test_ingest_file_twice_adds_nothing(tmp_path, negotiation):
    path = write_articles(tmp_path, count=2)
    run("ingest_file", str(path))

    output = run("ingest_file", str(path))

    assert output.startswith("entries seen: 2 (new: 0); documents new: 0")
    assert Document.objects.count() == 2


def test_ingest_file_reports_bad_lines_and_keeps_the_good_ones(tmp_path, negotiation):
    path = write_articles(tmp_path, count=2)
    with path.open("a") as out:
        out.write("{not json\n")
        out.write(json.dumps({"id": "no-text", "title": "Empty"}) + "\n")

    output = run("ingest_file", str(path))

    lines = output.splitlines()
    assert lines[0].startswith("entries seen: 2 (new: 2); documents new: 2, duplicate: 0, failed: 2;")
    assert (
        lines[1]
        == f"error: {path}:3: not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    )
    assert lines[2] == f'error: {path}:4: missing "text"'


def test_ingest_file_with_nothing_readable_is_an_error(tmp_path, negotiation):
    path = tmp_path / "broken.jsonl"
    path.write_text("{not json\n[1, 2]\n")

    with pytest.raises(
        CommandError,
        match=r"broken\.jsonl: Nothing readable: .*broken\.jsonl:1: not valid JSON: .* \(and 1 more\)$",
    ):
        run("ingest_file", str(path))
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.jsonl", None, "No file or folder at"),
        ("report.pdf", b"%PDF-1.7", r"report\.pdf: unsupported file type; use \.htm, \.html, \.jsonl, \.txt"),
    ],
)
def test_ingest_file_refuses_what_it_cannot_read(tmp_path, negotiation, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        run("ingest_file", str(path))


def test_ingest_file_reads_a_folder_of_files(tmp_path, negotiation):
    write_articles(tmp_path, count=2)
    (tmp_path / "geneva.html").write_bytes(read_fixture("pages/article_en.html"))
    (tmp_path / "notes.md").write_text("ignored: not a supported file type")

    output = run("ingest_file", str(tmp_path))

    assert output.startswith("entries seen: 3 (new: 3); documents new: 3, duplicate: 0, failed: 0;")
