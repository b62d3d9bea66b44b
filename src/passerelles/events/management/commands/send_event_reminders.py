from django.core.management.base import BaseCommand

from passerelles.events.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "Send e-mail reminders for events starting tomorrow (once per registration); "
        "links point at SITE_URL."
    )

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder{'' if sent == 1 else 's'} sent.")
