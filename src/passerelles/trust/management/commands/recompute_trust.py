from django.core.management.base import BaseCommand

from passerelles.trust.admission import review_pending
from passerelles.trust.snapshots import recompute


class Command(BaseCommand):
    help = "Recompute trust snapshots now and admit pending applicants who pass."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Recompute even if nothing changed."
        )

    def handle(self, *args, force: bool = False, **options) -> None:
        summary = recompute(force=force)
        if summary["skipped"]:
            admitted = review_pending()
            self.stdout.write(
                f"Nothing changed since version {summary['version']}; "
                f"pending requests admitted: {len(admitted)}."
            )
            return
        self.stdout.write(
            f"Snapshot {summary['snapshot']} (version {summary['version']}): "
            f"{summary['members']} members, {summary['edges']} edges, "
            f"{summary['duration_ms']} ms; pending requests admitted: {summary['admitted']}."
        )
