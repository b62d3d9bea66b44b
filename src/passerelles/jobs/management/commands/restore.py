"""``passerelles restore FILE``: load a snapshot into the configured, empty, database."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from passerelles.jobs.backup import BackupError, restore
from passerelles.members.everyone import forget_everyone


class Command(BaseCommand):
    help = "Restore a snapshot made by `passerelles backup` into an empty database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")

    def handle(self, *args, file: str, **options) -> None:
        try:
            restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        forget_everyone()  # a number kept for the database replaced
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
        self.stdout.write(f"Restauré : {len(tables)} tables depuis {file}")
