from django.core.management.base import BaseCommand

from passerelles.intros.rounds import round_summary, run_round


class Command(BaseCommand):
    help = (
        "Run a round of introductions for consenting members whose frequency is due "
        "(schedule it weekly, e.g. Monday morning). Expired suggestions are closed first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--force", action="store_true", help="include every consenting member, due or not"
        )
        parser.add_argument(
            "--enqueue", action="store_true", help="run as a background task instead"
        )

    def handle(self, *args, seed=0, force=False, enqueue=False, **options):
        if enqueue:
            from passerelles.intros.tasks import run_round as task

            result = task.enqueue(seed=seed, force=force)
            self.stdout.write(f"Round queued ({result.id}).")
            return
        round_ = run_round(seed=seed, force=force)
        self.stdout.write(round_summary(round_))
