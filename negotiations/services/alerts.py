"""Stance shifts, follows and what users are told about them (their Atom feed, the daily digest).

A shift is read off the table of positions (`services.positions`): an actor's own cell changes stance on
the day a statement with another stance decides it. `record_shifts` keeps the `Shift` rows of some cells
in step with their positions; call it right after `refresh_positions` with the same pairs.
"""

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from actors.models import Actor
from negotiations.models import (
    AlertSettings,
    Follow,
    Issue,
    Negotiation,
    Position,
    PositionScope,
    SavedFilter,
    Shift,
)

logger = logging.getLogger(__name__)

FEED_LENGTH = 50
DIGEST_LENGTH = 100
DIGEST_INTERVAL = dt.timedelta(hours=20)  # a daily job that runs a little early still sends once a day


# Detecting shifts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftPoint:
    shifted_on: dt.date
    from_stance: str
    to_stance: str
    from_statement_id: int | None
    to_statement_id: int | None


def shift_points(positions: Iterable[Position]) -> list[ShiftPoint]:
    """The days one cell's stance changed, from its position rows in date order."""
    points, previous = [], None
    for position in positions:
        if previous is not None and position.stance != previous.stance:
            points.append(
                ShiftPoint(
                    shifted_on=position.valid_from,
                    from_stance=previous.stance,
                    to_stance=position.stance,
                    from_statement_id=previous.statement_id,
                    to_statement_id=position.statement_id,
                )
            )
        previous = position
    return points


def _actor_positions(cells: Q) -> dict[tuple[int, int], list[Position]]:
    rows = (
        Position.objects.filter(cells, scope=PositionScope.ACTOR, reviewed_only=False)
        .order_by("actor_id", "issue_id", "valid_from")
        .only("actor_id", "issue_id", "negotiation_id", "valid_from", "stance", "statement_id")
    )
    grouped: dict[tuple[int, int], list[Position]] = defaultdict(list)
    for row in rows:
        grouped[(row.actor_id, row.issue_id)].append(row)
    return grouped


@transaction.atomic
def record_shifts(*, pairs: Iterable[tuple[int, int]]) -> int:
    """Make the shifts of these (actor_id, issue_id) cells match their positions; returns how many new
    shifts were recorded. Idempotent: shifts that still hold keep their row and detection time."""
    pairs = {(int(actor_id), int(issue_id)) for actor_id, issue_id in pairs}
    if not pairs:
        return 0
    actor_ids = {actor_id for actor_id, _ in pairs}
    issue_ids = {issue_id for _, issue_id in pairs}
    positions = _actor_positions(Q(actor_id__in=actor_ids, issue_id__in=issue_ids))
    existing = defaultdict(dict)
    for shift in Shift.objects.select_for_update().filter(actor_id__in=actor_ids, issue_id__in=issue_ids):
        existing[(shift.actor_id, shift.issue_id)][shift.shifted_on] = shift
    created = 0
    for pair in pairs:
        rows = positions.get(pair, [])
        negotiation_id = rows[0].negotiation_id if rows else None
        created += _sync_cell(pair, negotiation_id, shift_points(rows), existing.get(pair, {}))
    return created


def _sync_cell(
    pair: tuple[int, int],
    negotiation_id: int | None,
    points: list[ShiftPoint],
    existing: dict[dt.date, Shift],
) -> int:
    actor_id, issue_id = pair
    wanted = {point.shifted_on: point for point in points}
    stale = [shift.pk for day, shift in existing.items() if day not in wanted]
    Shift.objects.filter(pk__in=stale).delete()
    created = 0
    for day, point in wanted.items():
        values = {
            "from_stance": point.from_stance,
            "to_stance": point.to_stance,
            "from_statement_id": point.from_statement_id,
            "to_statement_id": point.to_statement_id,
        }
        shift = existing.get(day)
        if shift is None:
            try:
                with transaction.atomic():
                    Shift.objects.create(
                        negotiation_id=negotiation_id,
                        actor_id=actor_id,
                        issue_id=issue_id,
                        shifted_on=day,
                        **values,
                    )
                created += 1
            except IntegrityError:
                Shift.objects.filter(actor_id=actor_id, issue_id=issue_id, shifted_on=day).update(**values)
        elif any(getattr(shift, field) != value for field, value in values.items()):
            Shift.objects.filter(pk=shift.pk).update(**values, updated_at=timezone.now())
    return created


def record_all_shifts(*, negotiation: Negotiation) -> int:
    """Every cell of a negotiation, one issue at a time (after `rebuild_positions`, or as a nightly check)."""
    created = 0
    for issue_id in negotiation.issues.values_list("pk", flat=True):
        actor_ids = (
            Position.objects.filter(issue_id=issue_id, scope=PositionScope.ACTOR, reviewed_only=False)
            .values_list("actor_id", flat=True)
            .distinct()
        )
        created += record_shifts(pairs=[(actor_id, issue_id) for actor_id in actor_ids])
        stale = Shift.objects.filter(issue_id=issue_id).exclude(actor_id__in=actor_ids)
        stale.delete()
    return created


# Follows and saved filters ---------------------------------------------------------------------------


def alert_settings_for(user: User) -> AlertSettings:
    settings_row, _ = AlertSettings.objects.get_or_create(user=user)
    return settings_row


@transaction.atomic
def follow(
    *,
    user: User,
    actor: Actor | None = None,
    issue: Issue | None = None,
    saved_filter: SavedFilter | None = None,
) -> Follow:
    """Follow one thing; following it again changes nothing."""
    if [actor, issue, saved_filter].count(None) != 2:
        raise ValueError("Follow exactly one actor, issue or saved filter.")
    if saved_filter is not None and saved_filter.user_id != user.pk:
        raise PermissionError("A saved filter can be followed only by its owner.")
    alert_settings_for(user)
    target = {"actor": actor} if actor else {"issue": issue} if issue else {"saved_filter": saved_filter}
    existing = Follow.objects.filter(user=user, **target).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Follow.objects.create(user=user, **target)
    except IntegrityError:  # a double click from two tabs
        return Follow.objects.get(user=user, **target)


def unfollow(
    *,
    user: User,
    actor: Actor | None = None,
    issue: Issue | None = None,
    saved_filter: SavedFilter | None = None,
) -> None:
    target = {"actor": actor} if actor else {"issue": issue} if issue else {"saved_filter": saved_filter}
    Follow.objects.filter(user=user, **target).delete()


@transaction.atomic
def save_filter(*, user: User, name: str, query: str, negotiation: Negotiation | None = None) -> SavedFilter:
    """Save (or overwrite, by name) a timeline filter, and follow it."""
    name = name.strip()[:120]
    if not name:
        raise ValueError("A saved filter needs a name.")
    saved, _ = SavedFilter.objects.update_or_create(
        user=user, name=name, defaults={"query": query.lstrip("?")[:1000], "negotiation": negotiation}
    )
    follow(user=user, saved_filter=saved)
    return saved


def regenerate_feed_token(*, user: User) -> AlertSettings:
    """A new private feed address; the old one stops working (for a leaked link)."""
    from negotiations.models.review import new_feed_token

    settings_row = alert_settings_for(user)
    settings_row.feed_token = new_feed_token()
    settings_row.save(update_fields=["feed_token"])
    return settings_row


@transaction.atomic
def set_digest(*, user: User, email: str, enabled: bool) -> AlertSettings:
    """Where the daily digest goes, and whether it is sent; an address that is not one is refused."""
    email = email.strip()
    if email:
        validate_email(email)
    elif enabled:
        raise ValidationError("The daily digest needs an e-mail address.")
    if user.email != email:
        user.email = email
        user.save(update_fields=["email"])
    settings_row = alert_settings_for(user)
    settings_row.digest_enabled = enabled
    settings_row.save(update_fields=["digest_enabled"])
    return settings_row


# What a user is told ---------------------------------------------------------------------------------


def _speaking_for(actor_ids: set[int]) -> Q:
    """The actors and everyone speaking for them, down three levels (the matrix's own limit)."""
    return (
        Q(actor_id__in=actor_ids) | Q(actor__party_id__in=actor_ids) | Q(actor__party__party_id__in=actor_ids)
    )


def saved_filter_shifts(saved: SavedFilter) -> Q:
    """The shifts a saved timeline filter matches: actor, party, issue (slugs) and stance keys."""
    wanted = Q()
    if saved.negotiation_id:
        wanted &= Q(negotiation_id=saved.negotiation_id)
    if actors := saved.values("actor"):
        wanted &= Q(actor__slug__in=actors)
    if parties := saved.values("party"):
        wanted &= (
            Q(actor__slug__in=parties)
            | Q(actor__party__slug__in=parties)
            | Q(actor__party__party__slug__in=parties)
        )
    if issues := saved.values("issue"):
        wanted &= Q(issue__slug__in=issues)
    if stances := saved.values("stance"):
        wanted &= Q(to_stance__in=stances) | Q(from_stance__in=stances)
    return wanted


def followed_shifts(*, user: User) -> QuerySet[Shift]:
    """Shifts of what the user follows (an actor brings the actors speaking for it), newest first."""
    follows = list(Follow.objects.filter(user=user).select_related("saved_filter"))
    wanted = Q(pk__in=[])
    actor_ids = {follow.actor_id for follow in follows if follow.actor_id}
    issue_ids = {follow.issue_id for follow in follows if follow.issue_id}
    if actor_ids:
        wanted |= _speaking_for(actor_ids)
    if issue_ids:
        wanted |= Q(issue_id__in=issue_ids)
    for follow_row in follows:
        if follow_row.saved_filter_id:
            wanted |= saved_filter_shifts(follow_row.saved_filter)
    return shifts_with_statements(Shift.objects.filter(wanted))


def shifts_with_statements(shifts: QuerySet[Shift]) -> QuerySet[Shift]:
    return shifts.select_related("actor", "issue", "negotiation", "from_statement", "to_statement").order_by(
        "-shifted_on", "-id"
    )


def user_for_feed_token(token: str) -> User | None:
    settings_row = (
        AlertSettings.objects.select_related("user").filter(feed_token=token, user__is_active=True).first()
        if token
        else None
    )
    return settings_row.user if settings_row else None


# The daily digest ------------------------------------------------------------------------------------


def _claim_digest(settings_row: AlertSettings, now: dt.datetime) -> bool:
    """Only one worker sends a user's digest: the one whose conditional update wins."""
    claimed = AlertSettings.objects.filter(
        pk=settings_row.pk, last_digest_at=settings_row.last_digest_at
    ).update(last_digest_at=now)
    return claimed == 1


def send_digest(*, settings_row: AlertSettings, now: dt.datetime | None = None) -> bool:
    """Send one user's digest of the shifts detected since the last one; True when an e-mail went out."""
    now = now or timezone.now()
    user = settings_row.user
    previous = settings_row.last_digest_at
    if previous and now - previous < DIGEST_INTERVAL:
        return False
    if not _claim_digest(settings_row, now):
        return False
    since = previous or now - dt.timedelta(days=1)
    shifts = list(
        followed_shifts(user=user).filter(detected_at__gt=since, detected_at__lte=now)[:DIGEST_LENGTH]
    )
    if not shifts:
        return False
    context = {"user": user, "shifts": shifts, "since": since, "site_url": getattr(settings, "SITE_URL", "")}
    message = EmailMultiAlternatives(
        subject=f"Parley: {len(shifts)} stance shift{'s' if len(shifts) != 1 else ''} in what you follow",
        body=render_to_string("alerts/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(render_to_string("alerts/digest.html", context), "text/html")
    try:
        message.send()
    except Exception:
        # Give the shifts back to the next run rather than lose them.
        AlertSettings.objects.filter(pk=settings_row.pk, last_digest_at=now).update(last_digest_at=previous)
        raise
    return True


def send_digests(*, now: dt.datetime | None = None) -> int:
    """Every user who follows something and has an e-mail address; returns how many e-mails were sent."""
    now = now or timezone.now()
    sent = 0
    candidates = (
        AlertSettings.objects.select_related("user")
        .filter(digest_enabled=True, user__is_active=True, user__follows__isnull=False)
        .exclude(user__email="")
        .distinct()
    )
    for settings_row in candidates:
        try:
            sent += send_digest(settings_row=settings_row, now=now)
        except Exception:
            logger.exception("digest for %s failed", settings_row.user)
    return sent
