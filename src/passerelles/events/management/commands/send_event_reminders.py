from django.core.management.base import BaseCommand

from passerelles.events.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send e-mail reminders for events starting tomorrow (once per registration)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="", help="e.g. https://passerelles.example")

    def handle(self, *args, base_url="", **options):
        sent = send_due_reminders(base_url=base_url)
        self.stdout.write(f"{sent} reminder(s) sent.")
