"""Loopback HTTP servers for the tests that fetch: 127.0.0.1, and 127.0.0.2 as a second, "other" host."""

import socket
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer


def started_server(host: str = "127.0.0.1") -> Iterator[HTTPServer]:
    server = HTTPServer(host=host, port=0, threaded=True)
    server.start()
    yield server
    server.stop()


def started_second_loopback_server() -> Iterator[HTTPServer]:
    """A server on 127.0.0.2; the test is skipped where that address is not routed to loopback."""
    probe = socket.socket()
    try:
        probe.bind(("127.0.0.2", 0))
    except OSError:
        pytest.skip("127.0.0.2 is not routed to the loopback interface on this system")
    finally:
        probe.close()
    yield from started_server("127.0.0.2")
