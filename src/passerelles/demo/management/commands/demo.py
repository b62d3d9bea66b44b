"""``passerelles demo``: a local Passerelles with a demo ecosystem, in one command.

Besides the web server it starts, supervises and stops a task worker and the scheduler,
so that e-mails (shown in this console) and trust recomputations happen within seconds.
"""

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
        call_command("migrate", interactive=False, verbosity=0)
        if not Circle.objects.exists():
            self.stdout.write("Chargement de l'écosystème de démonstration…")
            call_command("seed", seed=seed, verbosity=0)
        from passerelles.demo.logins import DEMO_LOGINS, ensure_demo_logins

        ensure_demo_logins()
        url = f"http://{addrport}/"
        self.stdout.write(self.style.SUCCESS(f"\nPasserelles est prêt : {url}\n"))
        self.stdout.write("Comptes de démonstration :")
        for role, email, password in DEMO_LOGINS:
            self.stdout.write(f"  {role:<26} {email:<40} mot de passe : {password}")
        self.stdout.write(f"Base de données : {settings.DATABASES['default']['NAME']}")
        self.stdout.write("Les e-mails envoyés s'affichent ici.\n")
        if no_serve:
            return
        from passerelles.core import supervisor

        self.stdout.flush()
        code = supervisor.run(
            [
                ("web", supervisor.command("runserver", addrport, "--noreload")),
                ("worker", supervisor.worker_command(interval=0.5, verbosity=0)),
                ("scheduler", supervisor.scheduler_command()),
            ],
            out=self.stdout,
        )
        if code:
            raise SystemExit(code)
