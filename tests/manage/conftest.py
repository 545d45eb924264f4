"""The command tests use the pipeline tests' local web site and registry."""

from tests.pipeline.conftest import negotiation
from tests.pipeline.web import _second_web_server, _web_server, second_web, web

__all__ = ["_second_web_server", "_web_server", "negotiation", "second_web", "web"]
