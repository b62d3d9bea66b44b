"""Server-side charts: plain geometry for the ``insights/_chart.html`` SVG template.

Each chart is a dict the template draws without computing anything: plot frame, gridlines
with their tick labels, bars or line paths, category labels, a legend, and the same figures
as a table for those who would rather read (or cannot see the picture).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 640
HEIGHT = 270
LEFT, RIGHT, TOP, BOTTOM = 60, 16, 22, 44
PALETTE = ("series-a", "series-b", "series-c")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


def decimal(places: int = 0, suffix: str = "") -> Callable[[float], str]:
    """A formatter in the active locale: 1234.5 -> '1 234,5' in French."""

    def fmt(value: float) -> str:
        return f"{number_format(value, places, force_grouping=True)}{suffix}"

    return fmt


WHOLE = decimal(0)


def percent(value: float) -> str:
    return f"{number_format(100 * value, 0)} %"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (about ``count`` of them)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value < high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _frame(labels, values, fmt, y_min, y_max) -> tuple[dict, Callable[[float], float], list]:
    present = [v for v in values if v is not None]
    low = min([*present, 0.0]) if y_min is None else y_min
    high = max(present, default=1.0) if y_max is None else y_max
    ticks = nice_ticks(low, high) if y_min is None or y_max is None else _fixed(y_min, y_max)
    bottom, top = ticks[0], ticks[-1]
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP

    def y_of(v: float) -> float:
        return round(y0 - (v - bottom) / (top - bottom) * (y0 - y1), 1)

    grid = [{"y": y_of(t), "text": fmt(t), "zero": t == 0} for t in ticks]
    frame = {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "width": WIDTH, "height": HEIGHT}
    return frame, y_of, grid


def _fixed(low: float, high: float) -> list[float]:
    return [low + (high - low) * k / 4 for k in range(5)]


def _table(labels, series: Sequence[Series], fmt) -> dict:
    return {
        "headers": [s.name for s in series],
        "rows": [
            {
                "label": label,
                "cells": [fmt(s.values[i]) if s.values[i] is not None else "—" for s in series],
            }
            for i, label in enumerate(labels)
        ],
    }


def bar_chart(
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    fmt: Callable[[float], str] = WHOLE,
) -> dict:
    """Vertical bars, grouped when there are several series (one colour each)."""
    _check(labels, series)
    everything = [v for s in series for v in s.values]
    frame, y_of, grid = _frame(labels, everything, fmt, None, None)
    slot = (frame["x1"] - frame["x0"]) / max(len(labels), 1)
    group = slot * 0.7
    width = group / len(series)
    bars, x_labels = [], []
    for i, label in enumerate(labels):
        left = frame["x0"] + slot * i + (slot - group) / 2
        x_labels.append({"x": round(frame["x0"] + slot * (i + 0.5), 1), "text": label})
        for k, s in enumerate(series):
            value = s.values[i]
            if value is None:
                continue
            top, base = y_of(max(value, 0)), y_of(min(value, 0))
            bars.append(
                {
                    "x": round(left + width * k + 1, 1),
                    "y": top,
                    "w": round(max(width - 2, 1), 1),
                    "h": round(max(base - top, 0.5), 1),
                    "cx": round(left + width * (k + 0.5), 1),
                    "ty": round(top - 5, 1),
                    "text": fmt(value),
                    "css": PALETTE[k % len(PALETTE)],
                    "label": f"{label} — {s.name} : {fmt(value)}",
                }
            )
    return {
        "kind": "bar",
        "id": chart_id,
        "title": title,
        "desc": desc,
        "frame": frame,
        "grid": grid,
        "bars": bars,
        "x_labels": x_labels,
        "legend": _legend(series),
        "table": _table(labels, series, fmt),
        "show_values": len(labels) * len(series) <= 14,
    }


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    fmt: Callable[[float], str] = WHOLE,
    y_min: float | None = None,
    y_max: float | None = None,
) -> dict:
    """Lines with a dot per value; a missing value (``None``) breaks the line."""
    _check(labels, series)
    everything = [v for s in series for v in s.values]
    frame, y_of, grid = _frame(labels, everything, fmt, y_min, y_max)
    slot = (frame["x1"] - frame["x0"]) / max(len(labels), 1)
    xs = [round(frame["x0"] + slot * (i + 0.5), 1) for i in range(len(labels))]
    lines = []
    for k, s in enumerate(series):
        points, path, pen_down = [], [], False
        for i, value in enumerate(s.values):
            if value is None:
                pen_down = False
                continue
            y = y_of(value)
            path.append(f"{'L' if pen_down else 'M'}{xs[i]},{y}")
            pen_down = True
            points.append(
                {
                    "x": xs[i],
                    "y": y,
                    "ty": round(y - 8, 1),
                    "text": fmt(value),
                    "label": f"{labels[i]} — {s.name} : {fmt(value)}",
                }
            )
        lines.append(
            {
                "name": s.name,
                "path": " ".join(path),
                "points": points,
                "css": PALETTE[k % len(PALETTE)],
            }
        )
    return {
        "kind": "line",
        "id": chart_id,
        "title": title,
        "desc": desc,
        "frame": frame,
        "grid": grid,
        "lines": lines,
        "x_labels": [{"x": x, "text": label} for x, label in zip(xs, labels, strict=True)],
        "legend": _legend(series),
        "table": _table(labels, series, fmt),
        "show_values": len(series) == 1,
    }


def _legend(series: Sequence[Series]) -> list[dict]:
    return [{"name": s.name, "css": PALETTE[k % len(PALETTE)]} for k, s in enumerate(series)]


def _check(labels, series) -> None:
    if not series:
        raise ValueError("a chart needs at least one series")
    for s in series:
        if len(s.values) != len(labels):
            raise ValueError(
                f"series {s.name!r} has {len(s.values)} values for {len(labels)} labels"
            )


def circle_charts(report) -> dict[str, dict]:
    """The pictures of a circle's dashboard, from a ``queries.CircleReport``."""
    q = report.quarters
    labels = [f.quarter.label for f in q]

    def median(w):
        return w.median if w is not None else None

    return {
        "insularity": line_chart(
            "chart-insularity",
            _("Part des liens qui sortent du cercle"),
            _(
                "Par trimestre, part des liens des membres (recommandations et rencontres "
                "attestées des deux côtés) qui relient un membre à une personne hors du cercle."
            ),
            labels,
            [
                Series(_("Liens noués dans le trimestre"), [f.share_out for f in q]),
                Series(_("Tous les liens à la fin du trimestre"), [f.share_out_to_date for f in q]),
            ],
            fmt=percent,
            y_min=0.0,
            y_max=1.0,
        ),
        "waits": bar_chart(
            "chart-waits",
            _("Attente des nouveaux venus (médiane, en jours)"),
            _(
                "Pour les demandes d'adhésion de chaque trimestre : jours médians jusqu'à la "
                "première recommandation reçue, et jusqu'à l'admission. Les personnes encore en "
                "attente sont comptées à part, dans le tableau."
            ),
            labels,
            [
                Series(_("Première recommandation"), [median(f.vouch_wait) for f in q]),
                Series(_("Admission"), [median(f.admission_wait) for f in q]),
            ],
            fmt=decimal(0),
        ),
        "meetings": bar_chart(
            "chart-meetings",
            _("Rencontres tenues"),
            _(
                "Rencontres attestées par les deux personnes, dont au moins un membre du "
                "cercle, et participants présents aux événements du cercle, par trimestre."
            ),
            labels,
            [
                Series(_("Rencontres attestées"), [f.meetings for f in q]),
                Series(_("Présents aux événements"), [f.attendance for f in q]),
            ],
        ),
        "usefulness": line_chart(
            "chart-usefulness",
            _("Utilité des rencontres et note des événements (sur 5)"),
            _(
                "Utilité moyenne que les membres donnent à leurs rencontres attestées, et note "
                "moyenne des événements du cercle, de 1 à 5, par trimestre."
            ),
            labels,
            [
                Series(_("Utilité des rencontres"), [f.usefulness for f in q]),
                Series(_("Note des événements"), [f.rating for f in q]),
            ],
            fmt=decimal(1),
            y_min=0.0,
            y_max=5.0,
        ),
        "value": bar_chart(
            "chart-value",
            _("Opportunités enregistrées et cotisations (€)"),
            _(
                "Montant des affaires que les membres ont enregistrées après une rencontre, "
                "face aux cotisations du trimestre (membres × cotisation annuelle ÷ 4)."
            ),
            labels,
            [
                Series(_("Opportunités (€)"), [f.amount_eur for f in q]),
                Series(_("Cotisations (€)"), [f.dues_eur for f in q]),
            ],
            fmt=decimal(0, " €"),
        ),
    }


def platform_charts(report) -> dict[str, dict]:
    """The pictures of the platform view, from a ``queries.PlatformReport``."""
    labels = [q.label for q, *_rest in report.waits]
    return {
        "waits": bar_chart(
            "chart-platform-waits",
            _("Temps de la confiance sur la plateforme (médiane, en jours)"),
            _(
                "Pour toutes les demandes d'adhésion de chaque trimestre, tous cercles "
                "confondus : jours médians jusqu'à la première recommandation et jusqu'à "
                "l'admission."
            ),
            labels,
            [
                Series(_("Première recommandation"), [v.median for _q, v, _a, _n in report.waits]),
                Series(_("Admission"), [a.median for _q, _v, a, _n in report.waits]),
            ],
            fmt=decimal(0),
        )
    }
