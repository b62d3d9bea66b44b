"""``passerelles seed``: load the demo ecosystem (circles, members, bridges) from a seed."""

import time

from django.core.management.base import BaseCommand, CommandError

from passerelles.circles.models import Circle
from passerelles.demo import generator, loader
from passerelles.demo.logins import ensure_demo_logins


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
        report = loader.load(dataset, batch_size=options["batch_size"], progress=progress)
        ensure_demo_logins()
        if verbose:
            total = time.perf_counter() - started
            counts = report.counts
            self.stdout.write(
                self.style.SUCCESS(
                    f"Écosystème de démonstration chargé en {total:.1f} s "
                    f"(génération {generated:.1f} s) : {counts['circles']} cercles, "
                    f"{counts['users']} comptes, {counts['memberships']} adhésions, "
                    f"{counts['bridges']} passerelles, graine {seed}."
                )
            )
