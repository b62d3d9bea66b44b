"""``passerelles demo``: a local Passerelles with a demo ecosystem, in one command.

Besides the web server it starts, supervises and stops a task worker and the scheduler,
so that e-mails (shown in this console) and trust recomputations happen within seconds.
"""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from passerelles.circles.models import Circle


class Command(BaseCommand):
    help = "Create the local database, load the demo ecosystem if empty, and serve it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Prepare, do not serve.")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, addrport: str, no_serve: bool, seed: int, **options) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        self.stdout.write("Préparation de la base de données…")
        self.stdout.flush()
        call_command("migrate", interactive=False, verbosity=0)
        if not Circle.objects.exists():
            # A first start builds the whole ecosystem (minutes on a small machine): each
            # step says what it builds as it starts, so that one knows it is working.
            self.stdout.write(
                "Chargement de l'écosystème de démonstration (quelques minutes, une fois) :"
            )
            self.stdout.flush()
            call_command("seed", seed=seed, verbosity=0, progress=True, stdout=self.stdout)
        from passerelles.demo.logins import DEMO_LOGINS, ensure_demo_logins

        ensure_demo_logins()
        url = f"{local_site(addrport)}/"
        self.stdout.write("\nComptes de démonstration :")
        for role, email, password in DEMO_LOGINS:
            self.stdout.write(f"  {role:<26} {email:<40} mot de passe : {password}")
        self.stdout.write(f"Base de données : {settings.DATABASES['default']['NAME']}")
        self.stdout.write("Les e-mails envoyés s'affichent ici.\n")
        if no_serve:
            self.stdout.write(
                self.style.SUCCESS("Base de démonstration prête (--no-serve : rien n'est servi).")
            )
            return
        from passerelles.core import supervisor

        if not os.environ.get("SITE_URL"):
            # Links in e-mails sent by the worker and the scheduler (invitations of an
            # import, reminders) lead to this server, not to the default port.
            os.environ["SITE_URL"] = settings.SITE_URL = local_site(addrport)
        self.stdout.write(f"Démarrage du site sur {url} …")
        # The server builds the indexes of members' texts at start-up, in the background.
        os.environ.setdefault("PASSERELLES_WARM_AT_START", "1")
        self.stdout.flush()
        host, port = urlsplit(url).hostname or "127.0.0.1", urlsplit(url).port or 8000
        ready = self.style.SUCCESS(f"\nPasserelles est prêt : {url}  (Ctrl+C pour arrêter)\n")
        code = supervisor.run(
            [
                # The checks ran with migrate above; the server starts without repeating them.
                ("web", supervisor.command("runserver", addrport, "--noreload", "--skip-checks")),
                ("worker", supervisor.worker_command(interval=0.5, verbosity=0)),
                ("scheduler", supervisor.scheduler_command()),
            ],
            out=self.stdout,
            ready=((host, port), ready),
        )
        if code:
            raise SystemExit(code)


def local_site(addrport: str) -> str:
    """The address a person on this machine opens for runserver's ``addrport``
    ("8107", "0.0.0.0:8107", "127.0.0.1:8107")."""
    host, _sep, port = addrport.rpartition(":")
    if host in ("", "0.0.0.0", "[::]"):
        host = "127.0.0.1"
    return f"http://{host}:{port}"
