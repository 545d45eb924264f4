"""Helpers shared by the ingest tests."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def read_fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def read_text_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
