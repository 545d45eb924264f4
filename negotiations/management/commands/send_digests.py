from django.core.management.base import BaseCommand

from negotiations.services import alerts


class Command(BaseCommand):
    help = (
        "Send each user who follows something the stance shifts detected since their last digest "
        "(run daily, e.g. from cron or Celery beat; the console e-mail backend prints them)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--record-shifts",
            action="store_true",
            help="First bring the shift records of every negotiation up to date.",
        )

    def handle(self, *args, record_shifts: bool, **options) -> None:
        if record_shifts:
            from negotiations.models import Negotiation

            for negotiation in Negotiation.objects.all():
                created = alerts.record_all_shifts(negotiation=negotiation)
                self.stdout.write(f"{negotiation}: {created} new shift(s) recorded.")
        sent = alerts.send_digests()
        self.stdout.write(f"{sent} digest(s) sent.")
