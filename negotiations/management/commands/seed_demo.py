from django.core.management.base import BaseCommand

from negotiations.services.demo import seed_demo


class Command(BaseCommand):
    help = "Load the Russia–Ukraine demo negotiation and ingest the demo feed (safe to run again)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--demo-users", action="store_true", help="Create admin/editor/analyst demo logins."
        )
        parser.add_argument("--refresh-feed", action="store_true", help="Poll the demo feed again.")

    def handle(self, *args, demo_users: bool, refresh_feed: bool, **options) -> None:
        report = seed_demo(demo_users=demo_users, refresh_feed=refresh_feed)
        self.stdout.write(report.as_text())
        if not report.changed_anything:
            self.stdout.write("The demo data was already loaded: nothing changed.")
