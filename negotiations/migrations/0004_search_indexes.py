"""Full-text search indexes, on PostgreSQL only (SQLite searches by substring).

The expressions are those `negotiations.selectors` builds with SearchVector, so the planner uses them.
They live outside the models' Meta because SQLite cannot create them; Django's model state is unchanged.
"""

from django.db import migrations

INDEXES = {
    "statement_search_idx": (
        "negotiations_statement",
        "to_tsvector('english'::regconfig, COALESCE(speaker_name, '') || ' ' || COALESCE(quote, ''))",
    ),
    "document_search_idx": (
        "negotiations_document",
        "to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || COALESCE(LEFT(text, 100000), ''))",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("negotiations", "0003_positions")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
