"""Each actor's counted statements today, kept in a table of its own: the ranking of the matrix rows and of
the speaker menus read it instead of summing every current cell of the negotiation at request time (26,000
index entries at a million statements, about 10 ms per page). Filled here from the positions table;
`services.positions` keeps it up to date from then on.
"""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor) -> None:
    position = apps.get_model("negotiations", "Position")
    actor_evidence = apps.get_model("negotiations", "ActorEvidence")
    totals = (
        position.objects.filter(scope="actor", valid_until__isnull=True)
        .values_list("negotiation_id", "actor_id", "reviewed_only")
        .annotate(total=models.Sum("statement_count"))
        .order_by()
    )
    actor_evidence.objects.bulk_create(
        (
            actor_evidence(
                negotiation_id=negotiation_id,
                actor_id=actor_id,
                reviewed_only=reviewed_only,
                statement_count=total,
            )
            for negotiation_id, actor_id, reviewed_only, total in totals.iterator()
        ),
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0001_initial"),
        ("negotiations", "0011_position_change_stance_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActorEvidence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("reviewed_only", models.BooleanField(default=False)),
                (
                    "statement_count",
                    models.PositiveIntegerField(
                        help_text="Counted statements today, one per issue each takes a stance on."
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="evidence", to="actors.actor"
                    ),
                ),
                (
                    "negotiation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="actor_evidence",
                        to="negotiations.negotiation",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["negotiation", "reviewed_only", "-statement_count"], name="actor_evidence_rank_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("negotiation", "reviewed_only", "actor"), name="actor_evidence_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
