"""``passerelles backup FILE``: a consistent snapshot of the database while the site runs."""

from django.core.management.base import BaseCommand, CommandError

from passerelles.jobs.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a consistent snapshot of the database (SQLite backup API or pg_dump -Fc)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")

    def handle(self, *args, file: str, **options) -> None:
        try:
            path = backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Sauvegarde écrite : {path} ({path.stat().st_size} octets)")
