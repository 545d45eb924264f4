"""Load the demo negotiation (Russia–Ukraine) from `negotiations/demo/data/`, idempotently.

A second run changes nothing: rows are matched on their natural keys and saved only when a
value differs, and the demo feed is ingested once, through the same pipeline as any file source.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.db import transaction

from actors.models import Actor, Alias, Role, normalize_name
from negotiations.enums import Reliability, SourceKind
from negotiations.models import Event, Issue, Negotiation, Source
from negotiations.services import alerts, pipeline
from negotiations.services import sources as source_services

DATA_DIR = Path(__file__).resolve().parent.parent / "demo" / "data"
DEMO_PASSWORD = "parley-demo"
DEMO_FEED_NAME = "Parley demo feed"


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    feed: pipeline.PipelineSummary | None = None

    def count(self, kind: str, created: bool, changed: bool) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1
        elif changed:
            self.updated[kind] = self.updated.get(kind, 0) + 1

    @property
    def changed_anything(self) -> bool:
        feed_changed = bool(self.feed and (self.feed.entries_new or self.feed.documents_new))
        return bool(self.created or self.updated or feed_changed)

    def as_text(self) -> str:
        def fmt(counts: dict[str, int]) -> str:
            return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "nothing"

        lines = [f"created: {fmt(self.created)}", f"updated: {fmt(self.updated)}"]
        if self.feed is not None:
            lines.append("demo feed: " + self.feed.as_text().replace("\n", "; "))
        return "\n".join(lines)


def _read_json(name: str, data_dir: Path):
    return json.loads((data_dir / name).read_text(encoding="utf-8"))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _sync(model, lookup: dict, values: dict) -> tuple[object, bool, bool]:
    """get_or_create that also updates, saving only when a value really changed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True, False
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save()
    return obj, False, bool(changed)


def _sync_m2m(manager, wanted: list) -> bool:
    current = set(manager.values_list("pk", flat=True))
    target = {obj.pk for obj in wanted}
    if current != target:
        manager.set(wanted)
        return True
    return False


@transaction.atomic
def load_registry(*, data_dir: Path = DATA_DIR, report: SeedReport) -> Negotiation:
    actors_by_slug: dict[str, Actor] = {}
    for spec in _read_json("actors.json", data_dir):
        party = actors_by_slug.get(spec.get("party") or "") or (
            Actor.objects.filter(slug=spec["party"]).first() if spec.get("party") else None
        )
        actor, created, changed = _sync(
            Actor,
            {"slug": spec["slug"]},
            {
                "name": spec["name"],
                "kind": spec["kind"],
                "party": party,
                "gender": spec.get("gender", ""),
                "description": spec.get("description", ""),
            },
        )
        report.count("actors", created, changed)
        actors_by_slug[actor.slug] = actor
        known = set(actor.aliases.values_list("normalized", flat=True))
        for name in spec.get("aliases", []):
            if normalize_name(name) not in known and normalize_name(name) != normalize_name(actor.name):
                Alias.objects.create(actor=actor, name=name)
                known.add(normalize_name(name))
                report.count("aliases", True, False)
        for role in spec.get("roles", []):
            _, created, changed = _sync(
                Role,
                {"actor": actor, "title": role["title"], "start": _date(role.get("start"))},
                {"end": _date(role.get("end")), "descriptors": list(role.get("descriptors", []))},
            )
            report.count("roles", created, changed)

    spec = _read_json("negotiation.json", data_dir)
    negotiation, created, changed = _sync(
        Negotiation,
        {"slug": spec["slug"]},
        {
            "name": spec["name"],
            "description": spec.get("description", ""),
            "started_on": _date(spec.get("started_on")),
        },
    )
    report.count("negotiations", created, changed)
    if _sync_m2m(
        negotiation.parties,
        [actors_by_slug[slug] for slug in spec.get("parties", []) if slug in actors_by_slug],
    ):
        report.count("negotiation parties", False, True)

    issues_by_slug: dict[str, Issue] = {}
    for position, spec in enumerate(_read_json("issues.json", data_dir)):
        issue, created, changed = _sync(
            Issue,
            {"negotiation": negotiation, "slug": spec["slug"]},
            {
                "name": spec["name"],
                "proposition": spec["proposition"],
                "cues": list(spec.get("cues", [])),
                "parent": issues_by_slug.get(spec.get("parent") or ""),
                "position": position,
            },
        )
        report.count("issues", created, changed)
        issues_by_slug[issue.slug] = issue

    for spec in _read_json("events.json", data_dir):
        event, created, changed = _sync(
            Event,
            {"negotiation": negotiation, "slug": spec["slug"]},
            {
                "date": _date(spec["date"]),
                "end_date": _date(spec.get("end_date")),
                "kind": spec["kind"],
                "title": spec["title"],
                "place": spec.get("place", ""),
                "description": spec.get("description", ""),
                "source_urls": list(spec.get("sources", [])),
            },
        )
        participants = [
            actors_by_slug[slug] for slug in spec.get("participants", []) if slug in actors_by_slug
        ]
        event_issues = [issues_by_slug[slug] for slug in spec.get("issues", []) if slug in issues_by_slug]
        m2m_changed = _sync_m2m(event.participants, participants) | _sync_m2m(event.issues, event_issues)
        report.count("events", created, changed or (m2m_changed and not created))
    return negotiation


def ingest_demo_feed(
    *, negotiation: Negotiation, data_dir: Path = DATA_DIR, refresh: bool = False
) -> pipeline.PipelineSummary:
    path = str((data_dir / "feed.jsonl").resolve())
    source = Source.objects.filter(kind=SourceKind.FILE, url=path).first()
    if source is None:
        source = source_services.create_source(
            name=DEMO_FEED_NAME,
            kind=SourceKind.FILE,
            url=path,
            interval_minutes=24 * 60,
            negotiation=negotiation,
            reliability=Reliability.UNKNOWN,
        )
    elif source.last_success_at and not refresh:
        return pipeline.PipelineSummary()
    return pipeline.run_source_sync(source=source)


def create_demo_users(*, report: SeedReport) -> None:
    for username in ("admin", "editor", "analyst"):
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username=username, password=DEMO_PASSWORD, is_staff=username != "analyst"
        )
        user.groups.add(Group.objects.get(name=username))
        report.count("users", True, False)


def seed_demo(
    *, data_dir: Path = DATA_DIR, demo_users: bool = False, refresh_feed: bool = False
) -> SeedReport:
    report = SeedReport()
    negotiation = load_registry(data_dir=data_dir, report=report)
    if demo_users:
        create_demo_users(report=report)
    report.feed = ingest_demo_feed(negotiation=negotiation, data_dir=data_dir, refresh=refresh_feed)
    # A database seeded before the pipeline recorded shifts has none: backfill them (a no-op after).
    if shifts := alerts.record_all_shifts(negotiation=negotiation):
        report.created["shifts"] = report.created.get("shifts", 0) + shifts
    return report
