"""``passerelles simulate``: months of rounds, events and vouches, with and without a change."""

import math

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from passerelles.circles.models import Circle
from passerelles.insights import simulation


def _fmt(x: float, digits: int = 2) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:+.{digits}f}"


def _days(x: float) -> str:
    return "—" if math.isnan(x) else f"{x:.0f}"


class Command(BaseCommand):
    help = (
        "Replay months of introduction rounds, events and recommendations on the current "
        "data, as things are and with the chosen bridges (or without introductions), and "
        "print month by month the E-I index, the wait for a first recommendation and the "
        "introductions made. Deterministic for a seed; assumptions in docs/simulation.md."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--months", type=int, default=12)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--with-bridge",
            nargs=2,
            action="append",
            default=[],
            metavar=("A", "B"),
            help="two circle slugs to bridge in the simulation (repeatable)",
        )
        parser.add_argument("--without-introductions", action="store_true")

    def handle(self, *args, months: int, seed: int, with_bridge, without_introductions, **o):
        if not 1 <= months <= 120:
            raise CommandError("--months doit être entre 1 et 120.")
        pairs = []
        for a, b in with_bridge:
            found = {c.slug: c for c in Circle.objects.filter(slug__in=[a, b])}
            missing = [s for s in (a, b) if s not in found]
            if missing:
                raise CommandError(f"Cercle inconnu : {', '.join(missing)}")
            if a == b:
                raise CommandError("Une passerelle relie deux cercles différents.")
            pairs.append((found[a], found[b]))
        outcome = simulation.run(
            months, seed=seed, with_bridges=pairs, introductions=not without_introductions
        )
        change = []
        if pairs:
            change.append("avec " + ", ".join(f"{a.name} ↔ {b.name}" for a, b in pairs))
        if without_introductions:
            change.append("sans mises en relation")
        label = " et ".join(change) or "sans changement"
        self.stdout.write(f"Simulation sur {months} mois, graine {seed} : aujourd'hui / {label}")
        head = ["mois", "E-I aujourd'hui", "E-I changé"]
        for circle in outcome.circles:
            head += [f"E-I {circle.name} (auj.)", "(changé)"]
        head += ["mises en relation (auj./changé)", "attente 1re reco., jours (auj./changé)"]
        self.stdout.write(" | ".join(head))
        today, changed = outcome.today, outcome.changed
        assert today.circle_ei is not None and changed.circle_ei is not None  # always run
        for m in range(months + 1):
            row = [str(m), _fmt(today.ei[m]), _fmt(changed.ei[m])]
            for col in outcome.circle_columns:
                row += [_fmt(today.circle_ei[m, col]), _fmt(changed.circle_ei[m, col])]
            if m == 0:
                row += ["—", "—"]
            else:
                row += [
                    f"{today.introductions[m - 1]} / {changed.introductions[m - 1]}",
                    f"{_days(today.wait_days[m - 1])} / {_days(changed.wait_days[m - 1])}",
                ]
            self.stdout.write(" | ".join(row))
        total_t, total_c = int(np.sum(today.introductions)), int(np.sum(changed.introductions))
        self.stdout.write(
            f"Au bout de {months} mois : E-I {_fmt(today.ei[-1])} aujourd'hui, "
            f"{_fmt(changed.ei[-1])} {label} ; {total_t} / {total_c} mises en relation."
        )
