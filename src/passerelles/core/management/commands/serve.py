"""``passerelles serve``: the production setup (gunicorn + whitenoise) from the environment."""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, collect static files and serve with gunicorn (settings from env)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default=os.environ.get("BIND", "0.0.0.0:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "3")))
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args, bind: str, workers: int, no_migrate: bool, **options) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        if not no_migrate:
            call_command("migrate", interactive=False)
        call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            "gunicorn",
            "passerelles.config.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
        ]
        self.stdout.write(f"Passerelles sert sur http://{bind}/")
        os.execvp(sys.executable, [sys.executable, "-m", *argv])
