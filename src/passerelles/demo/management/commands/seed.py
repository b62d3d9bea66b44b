"""``passerelles seed``: load the demo ecosystem from a seed.

Circles, members, memberships and bridges; then, unless ``--no-activity`` (the default
above 5,000 members), its activity: trust evidence and snapshot, events, introductions
(see ``passerelles.demo.activity``). Everything is written in one transaction.
"""

import argparse
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from passerelles.circles.models import Circle
from passerelles.demo import activity, generator, loader
from passerelles.demo.logins import ensure_demo_logins, lock_demo_logins

ACTIVITY_MAX_MEMBERS = 5000  # above, activity is off by default (the benchmark path)
QUIET_MAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = "Load the demo ecosystem: circles in French cities, members, memberships, bridges."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--members", type=int, default=600, help="Members (default 600).")
        parser.add_argument("--circles", type=int, default=14, help="Circles (default 14).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Delete the existing demo data (demo users and their circles) first.",
        )
        parser.add_argument("--batch-size", type=int, default=loader.BATCH_SIZE)
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Say what is being built, step by step, as it starts.",
        )
        parser.add_argument(
            "--activity",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=(
                "Also write trust evidence, events and introductions "
                f"(default: on up to {ACTIVITY_MAX_MEMBERS} members)."
            ),
        )

    def handle(self, *args, **options) -> None:
        members, circles, seed = options["members"], options["circles"], options["seed"]
        verbose = options["verbosity"] > 0
        if options["clear"]:
            removed = loader.clear_demo_data()
            if verbose:
                self.stdout.write(f"Données de démonstration supprimées ({removed} comptes).")
        if Circle.objects.exists():
            if options["clear"]:
                raise CommandError(
                    "La base contient des cercles qui ne viennent pas de la démonstration : "
                    "rien n'a été chargé, pour ne pas les mêler aux données fictives."
                )
            raise CommandError(
                "La base contient déjà des cercles : rien n'a été chargé. "
                "Relancez avec --clear pour remplacer les données de démonstration."
            )
        if loader.demo_users().exclude(email__in=loader.DEMO_EMAILS).exists():
            loader.clear_demo_data()  # leftovers of an earlier demo whose circles are gone
        try:
            started = time.perf_counter()
            dataset = generator.generate(members=members, circles=circles, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        generated = time.perf_counter() - started
        progress = self.stdout.write if options["verbosity"] > 1 else None
        announce = self._announce if options["progress"] else None
        with_activity = options["activity"]
        if with_activity is None:
            with_activity = members <= ACTIVITY_MAX_MEMBERS
        lived: dict[str, int] = {}
        # The demo's actions would mail everyone (suggestions, promotions): not while seeding.
        with override_settings(EMAIL_BACKEND=QUIET_MAIL), transaction.atomic():
            if announce:
                announce(
                    f"{members} membres, {circles} cercles, leurs adhésions et leurs passerelles…"
                )
            report = loader.load(dataset, batch_size=options["batch_size"], progress=progress)
            if with_activity:
                lived = activity.load_activity(
                    dataset, report, progress=progress, announce=announce
                )
        if announce:
            announce("Index de la base de données…")
        loader.analyze_tables()
        ensure_demo_logins()
        if not (settings.DEBUG or getattr(settings, "TESTING", False)):
            password = lock_demo_logins()
            self.stdout.write(
                "Hors mode démonstration, les comptes de démonstration ont reçu un mot de "
                f"passe aléatoire : {password}"
            )
        if verbose:
            total = time.perf_counter() - started
            counts = report.counts
            line = (
                f"Écosystème de démonstration chargé en {total:.1f} s "
                f"(génération {generated:.1f} s) : {counts['circles']} cercles, "
                f"{counts['users']} comptes, {counts['memberships']} adhésions, "
                f"{counts['bridges']} passerelles"
            )
            if lived:
                line += (
                    f", {lived['vouches']} recommandations, {lived['meetings']} rencontres "
                    f"attestées, {lived['endorsements']} compétences confirmées, "
                    f"{lived['events']} événements ({lived['registrations']} inscriptions), "
                    f"{lived['suggestions']} suggestions de mise en relation"
                )
            self.stdout.write(self.style.SUCCESS(f"{line}, graine {seed}."))

    def _announce(self, what: str) -> None:
        """One line as a step starts, shown at once (the demo's console)."""
        self.stdout.write(f"  · {what}")
        self.stdout.flush()
