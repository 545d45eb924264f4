"""extract_file and evaluate_extraction, with the demo registry loaded into the test database."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from actors.models import Actor
from negotiations.models import Statement
from negotiations.services.demo import SeedReport, load_registry

ARTICLE = {
    "id": "a1",
    "published": "2026-01-30",
    "text": (
        "Lavrov rejects guarantees\n\n"
        "Russian Foreign Minister Sergey Lavrov on Thursday rejected the security guarantees agreed by the "
        "United States and Ukraine.\n\n"
        "“These are guarantees for the regime in Kyiv, not for peace,” he told reporters."
    ),
}
GOLD = ARTICLE | {
    "statements": [
        {"speaker": "Sergey Lavrov", "kind": "paraphrase",
         "quote": "the security guarantees agreed by the United States and Ukraine", "said_on": "2026-01-29",
         "issues": {"security-guarantees": "opposes"}, "anonymous": False},
        {"speaker": "Sergey Lavrov", "kind": "direct",
         "quote": "These are guarantees for the regime in Kyiv, not for peace,", "said_on": "2026-01-29",
         "issues": {"security-guarantees": "opposes"}, "anonymous": False},
    ]
}  # fmt: skip


@pytest.fixture
def demo_registry(db):
    return load_registry(report=SeedReport())


def write_jsonl(path, *articles):
    path.write_text("".join(json.dumps(article, ensure_ascii=False) + "\n" for article in articles), "utf-8")
    return path


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_extract_file_writes_one_line_per_article_in_the_gold_format(demo_registry, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLE)
    output = tmp_path / "out.jsonl"

    call_command("extract_file", str(source), output=str(output))

    [prediction] = read_jsonl(output)
    assert prediction["id"] == "a1"
    assert [(s["speaker"], s["kind"]) for s in prediction["statements"]] == [
        ("Sergey Lavrov", "paraphrase"),
        ("Sergey Lavrov", "direct"),
    ]
    first = prediction["statements"][0]
    assert first["actor"] == "sergey-lavrov"
    assert ARTICLE["text"][first["start"] : first["end"]] == first["quote"]
    assert first["said_on"] == "2026-01-29"


def test_extract_file_writes_to_standard_output_for_a_dash(demo_registry, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLE)
    stdout = io.StringIO()

    call_command("extract_file", str(source), output="-", stdout=stdout)

    [line] = stdout.getvalue().splitlines()
    assert json.loads(line)["id"] == "a1"
    assert not (tmp_path / "-").exists()


def test_extract_file_does_not_write_to_the_database(demo_registry, tmp_path):
    actors = Actor.objects.count()
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLE)

    call_command("extract_file", str(source), output=str(tmp_path / "out.jsonl"))

    assert Statement.objects.count() == 0
    assert Actor.objects.count() == actors


def test_extract_file_needs_a_negotiation(db, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLE)

    with pytest.raises(CommandError, match="seed_demo"):
        call_command("extract_file", str(source), output=str(tmp_path / "out.jsonl"))


def test_extract_file_reports_a_bad_line(demo_registry, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("{not json\n", "utf-8")

    with pytest.raises(CommandError, match=r"line|JSON"):
        call_command("extract_file", str(source), output=str(tmp_path / "out.jsonl"))


def test_evaluate_extraction_extracts_and_scores_as_json(demo_registry, tmp_path, capsys):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)

    call_command("evaluate_extraction", str(gold), as_json=True)

    scores = json.loads(capsys.readouterr().out)
    assert scores["all"]["f1"] == 1.0
    assert scores["speaker"]["accuracy"] == 1.0
    assert scores["said_on"]["accuracy"] == 1.0


def test_evaluate_extraction_scores_a_predictions_file_without_a_registry(db, tmp_path, capsys):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    predictions = write_jsonl(tmp_path / "pred.jsonl", {"id": "a1", "statements": GOLD["statements"][:1]})

    call_command("evaluate_extraction", str(gold), predictions=str(predictions), as_json=True)

    scores = json.loads(capsys.readouterr().out)
    assert scores["all"]["recall"] == 0.5
    assert scores["all"]["precision"] == 1.0


def test_evaluate_extraction_prints_a_report_and_errors(demo_registry, tmp_path, capsys):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    predictions = write_jsonl(tmp_path / "pred.jsonl", {"id": "a1", "statements": GOLD["statements"][:1]})

    call_command("evaluate_extraction", str(gold), predictions=str(predictions), errors=True)

    out = capsys.readouterr().out
    assert "MISS" in out
    assert "paraphrase" in out and "speaker accuracy" in out
