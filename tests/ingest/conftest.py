"""Fixtures of the ingest tests: pure Python (run with -p no:django), loopback servers only."""

import socket
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from negotiations.ingest.fetch import FetchPolicy
from tests.servers import started_second_loopback_server, started_server


@pytest.fixture(scope="session")
def _loopback_server() -> Iterator[HTTPServer]:
    yield from started_server("127.0.0.1")


@pytest.fixture(scope="session")
def _second_loopback_server() -> Iterator[HTTPServer]:
    yield from started_second_loopback_server()


@pytest.fixture
def server(_loopback_server: HTTPServer) -> Iterator[HTTPServer]:
    """A local HTTP server on 127.0.0.1, without handlers or log at the start of each test."""
    _loopback_server.clear()
    yield _loopback_server
    _loopback_server.clear()


@pytest.fixture
def second_loopback_server(_second_loopback_server: HTTPServer) -> Iterator[HTTPServer]:
    """A local HTTP server on 127.0.0.2, so that a policy can allow it and still refuse 127.0.0.1."""
    _second_loopback_server.clear()
    yield _second_loopback_server
    _second_loopback_server.clear()


@pytest.fixture
def local_policy() -> FetchPolicy:
    """Like production, but allowed to reach the local test servers, with short timeouts."""
    return FetchPolicy(allow_private_networks=True, connect_timeout=2, read_timeout=2, timeout=5)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make any attempt to open a network connection fail the test; returns the attempts."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise AssertionError(f"unexpected network connection to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts
