"""Rendered fragments of the heaviest analyst pages, cached until the data behind them changes.

A fragment's key holds everything its HTML depends on: the release that rendered it (`deploy_key`: a
deploy with new templates or code never serves the old HTML), the data version (`selectors.data_version`,
read along with a query the view makes anyway), the page's inputs (the query string, the date) and the rows
the view loaded before rendering (the issues and parties, so a renamed issue is a new key). Nothing in these
fragments depends on the user, and none holds a CSRF token or a CSP nonce (base.html has those).
"""

import hashlib
from collections.abc import Callable, Iterable
from functools import cache as once
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from actors.models import Actor
from negotiations.extraction import EXTRACTOR_VERSION
from negotiations.models import Issue

FRAGMENT_SECONDS = 600  # bounds anything the version misses (see selectors.data_version)


def issue_fields(issues: Iterable[Issue]) -> list[tuple]:
    """What the fragments show of issues: part of their keys."""
    return [(issue.pk, issue.slug, issue.name, issue.proposition, issue.position) for issue in issues]


def actor_fields(actors: Iterable[Actor]) -> list[tuple]:
    """What the fragments show of parties and subjects: part of their keys."""
    return [(actor.pk, actor.slug, actor.name, actor.kind, actor.party_id) for actor in actors]


# What renders the fragments: a change to any of these files is a new release of the HTML.
RENDERING_CODE = ("templates", "negotiations/views", "negotiations/templatetags", "actors/views.py")


@once
def deploy_key() -> str:
    """The release of the code that renders fragments: the package and extractor versions, DEPLOY_ID from
    the settings, and a digest of the templates and view code (a release that forgot to bump a version
    still gets new keys). Computed once per process: about a hundred small files."""
    try:
        package = version("parley")
    except PackageNotFoundError:
        package = "unknown"
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for root in RENDERING_CODE:
        path = base / root
        for file in sorted(path.rglob("*") if path.is_dir() else [path]):
            if file.is_file() and file.suffix in (".html", ".txt", ".py"):
                digest.update(str(file.relative_to(base)).encode() + b"\0" + file.read_bytes())
    return f"{package}:{EXTRACTOR_VERSION}:{settings.DEPLOY_ID}:{digest.hexdigest()[:16]}"


def cached_fragment(name: str, *, version: str, inputs: Iterable, render: Callable[[], str]) -> SafeString:
    """The HTML `render()` returns, from the cache when nothing it depends on changed since."""
    digest = hashlib.sha256(repr([deploy_key(), version, *inputs]).encode()).hexdigest()
    key = f"parley:fragment:{name}:{digest}"
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # rendered by our templates, which escaped every value
