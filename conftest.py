"""Suite-wide set-up. Tests run tasks in-process even when REDIS_URL is set; the worker tests
(marked `worker`) start a real Celery worker instead."""

import pytest


@pytest.fixture(autouse=True)
def _tasks_in_process(request, settings):
    from config.celery import app

    # Tests fetch from local servers on 127.0.0.1; the refusal tests turn this off again.
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = True
    settings.FETCH_MIN_DOMAIN_INTERVAL_SECONDS = 0
    # Real hashers cost a third of a second per user; tests create hundreds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    if request.node.get_closest_marker("worker"):
        yield
        return
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
