"""Partial indexes on the positions table for the reads that look at stance changes only.

- position_change_idx: the days a cell's stance changed (stance_since = valid_from), per actor and scope:
  the actor page's chart (selectors.stance_runs), compare's distance over time and the issue page's party
  history (selectors._stance_changes).
- position_shift_idx: the newest shifts on an issue (the issue page's "Recent shifts").

Plain SQL that SQLite and PostgreSQL both accept; like 0004 they stay outside the models' Meta, so the model
state is unchanged. Without them PostgreSQL filters every history row of the issue or actor (the planner
cannot estimate stance_since = valid_from and picks the foreign-key index).
"""

from django.db import migrations

INDEXES = {
    "position_change_idx": (
        "(actor_id, scope, reviewed_only, issue_id, valid_from) WHERE stance_since = valid_from"
    ),
    "position_shift_idx": (
        "(issue_id, scope, reviewed_only, valid_from DESC) "
        "WHERE stance_since = valid_from AND previous_stance <> ''"
    ),
}


class Migration(migrations.Migration):
    dependencies = [("negotiations", "0006_claim_tokens")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON negotiations_position {definition}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, definition in INDEXES.items()
    ]
