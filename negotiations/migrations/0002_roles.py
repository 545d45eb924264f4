"""Create the three roles as groups with their model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ_MODELS = {
    "actors": ["actor", "alias", "role"],
    "negotiations": [
        "negotiation", "issue", "event", "source", "feedentry", "document",
        "statement", "statementissue", "citation", "note", "auditlog",
    ],
}
EDITOR_CHANGES = {
    "negotiations": {
        "statement": ["change"],
        "statementissue": ["add", "change", "delete"],
        "citation": ["change"],
        "note": ["add", "change"],
        "event": ["add", "change", "delete"],
    },
}
ADMIN_CHANGES = {
    "actors": {model: ["add", "change", "delete"] for model in ["actor", "alias", "role"]},
    "negotiations": {
        model: ["add", "change", "delete"]
        for model in ["negotiation", "issue", "source", "feedentry", "document"]
    },
    "auth": {"user": ["add", "change", "delete", "view"], "group": ["view"]},
}


def codenames(app_label, models_to_actions):
    return [(app_label, f"{action}_{model}") for model, actions in models_to_actions.items() for action in actions]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        found = []
        for app_label, codename in pairs:
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        return found

    read = [(app, f"view_{model}") for app, models in READ_MODELS.items() for model in models]
    editor = read + [pair for app, spec in EDITOR_CHANGES.items() for pair in codenames(app, spec)]
    admin = editor + [pair for app, spec in ADMIN_CHANGES.items() for pair in codenames(app, spec)]

    for name, pairs in (("analyst", read), ("editor", editor), ("admin", admin)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions(pairs))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["analyst", "editor", "admin"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("negotiations", "0001_initial"),
        ("actors", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
