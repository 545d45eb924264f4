"""Compare the positions table with what a full rebuild writes (for tests of incremental refreshes)."""

from negotiations.models import Negotiation, Position
from negotiations.services.positions import rebuild_positions

POSITION_FIELDS = (
    "negotiation_id", "actor_id", "issue_id", "scope", "reviewed_only", "valid_from", "valid_until", "stance",
    "confidence", "reviewed", "statement_id", "statement_count", "source_count", "previous_stance",
    "stance_since",
)  # fmt: skip


def position_table() -> list[tuple]:
    return sorted(Position.objects.values_list(*POSITION_FIELDS))


def rebuilt_table(negotiation: Negotiation) -> list[tuple]:
    """The table a full rebuild writes; the table as it was is put back afterwards."""
    kept = list(Position.objects.all())
    Position.objects.all().delete()
    rebuild_positions(negotiation=negotiation)
    rebuilt = position_table()
    Position.objects.all().delete()
    Position.objects.bulk_create(kept)
    return rebuilt
