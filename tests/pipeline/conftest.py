"""Fixtures of the pipeline tests: the local web site and the registry extraction needs."""

import pytest

from tests.pipeline.helpers import make_registry_rows
from tests.pipeline.web import _second_web_server, _web_server, second_web, web

__all__ = ["_second_web_server", "_web_server", "second_web", "web"]


@pytest.fixture
def negotiation(db):
    """The Russia–Ukraine negotiation with a few actors and issues, so extraction finds statements."""
    return make_registry_rows()
