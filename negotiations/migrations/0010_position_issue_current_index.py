"""The issue page's ranking of speakers on one issue by evidence today, from the index alone.

0008's covering index has the issue after the actor: one issue's 2,000 current rows meant reading all
26,000 of the negotiation's (11 ms at a million statements); with the issue fourth, 2 to 4 ms.
INCLUDE is PostgreSQL's; other databases get the plain partial index.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0001_initial"),
        ("negotiations", "0009_review_and_health_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="position",
            index=models.Index(
                condition=models.Q(("valid_until__isnull", True)),
                fields=["negotiation", "scope", "reviewed_only", "issue"],
                include=("actor", "statement_count"),
                name="position_issue_current_idx",
            ),
        ),
    ]
