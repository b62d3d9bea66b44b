"""``passerelles scheduler``: enqueue the periodic jobs when due (run one per site).

With a cache shared through Redis it also keeps the indexes of members' texts up to date
in a thread of its own (``intros.warm``): the web processes only read them."""

from datetime import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from passerelles.intros import warm
from passerelles.jobs import schedule


class Command(BaseCommand):
    help = (
        "Enqueue periodic jobs (reminders, trust, rounds, purge, backups) when due. "
        "Safe to run twice: each period is claimed once in the database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=None, help="seconds between looks")
        parser.add_argument("--once", action="store_true", help="look once, then exit")
        parser.add_argument("--at", default=None, help="with --once: look as if at this ISO time")
        parser.add_argument(
            "--stop-with-parent", action="store_true", help="exit when the supervisor is gone"
        )

    def handle(self, *args, interval=None, once=False, at=None, stop_with_parent=False, **options):
        if once:
            now = datetime.fromisoformat(at) if at else None
            if now is not None and timezone.is_naive(now):
                now = timezone.make_aware(now)
            for run in schedule.enqueue_due(now):
                self.stdout.write(f"{run.job}: enqueued for {run.period:%Y-%m-%d %H:%M}")
            return
        if options["verbosity"]:
            self.stdout.write("Planificateur démarré (tâches périodiques).")
        keeper = warm.start_in_scheduler()
        if keeper and options["verbosity"]:
            self.stdout.write("Index des textes des membres tenus à jour ici (cache partagé).")
        try:
            schedule.run_forever(interval, stop_with_parent=stop_with_parent)
        finally:
            if keeper:
                warm.stop_in_scheduler()
