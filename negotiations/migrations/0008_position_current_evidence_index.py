"""A covering index for the ranking of speakers by evidence (the matrix rows, the speaker menus).

They sum statement_count over the current positions of a negotiation; with statement_count in the index,
PostgreSQL answers from the index alone instead of visiting tens of thousands of scattered rows.
PostgreSQL only (INCLUDE); like 0004 it stays outside the models' Meta.
"""

from django.db import migrations

NAME = "position_current_evidence_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON negotiations_position "
        "(negotiation_id, scope, reviewed_only, actor_id, issue_id) INCLUDE (statement_count) "
        "WHERE valid_until IS NULL"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("negotiations", "0007_position_history_indexes")]

    operations = [migrations.RunPython(create_index, drop_index)]
