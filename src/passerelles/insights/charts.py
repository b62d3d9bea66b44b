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
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

WIDTH = 640
WIDE = 1100  # a chart across the page, drawn at about its displayed size
PHONE = 340  # drawn again narrower for a phone (about 310 px shown): text stays legible
HEIGHT = 270
RIGHT, TOP, BOTTOM = 16, 22, 44
PERCENT_TICKS = [0.0, 0.25, 0.5, 0.75, 1.0]
RATING_TICKS = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
PALETTE = ("series-a", "series-b", "series-c")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


class Formatter:
    """A number written in the active locale, and the smallest step its writing shows
    (``resolution``): ticks closer than that would read alike (« 0, 0, 0, 0, 1 »)."""

    def __init__(self, write: Callable[[float], str], resolution: float) -> None:
        self.write = write
        self.resolution = resolution

    def __call__(self, value: float) -> str:
        return self.write(value)


def decimal(places: int = 0, suffix: str = "") -> Formatter:
    """A formatter in the active locale: 1234.5 -> '1 234,5' in French."""

    def fmt(value: float) -> str:
        return f"{number_format(round(value, places), places, force_grouping=True)}{suffix}"

    return Formatter(fmt, 10.0**-places)


WHOLE = decimal(0)


def _percent(value: float) -> str:
    return pgettext("percentage", "%(n)s %%") % {"n": number_format(round(100 * value), 0)}


def _euros(value: float) -> str:
    return pgettext("amount in euros", "%(n)s €") % {
        "n": number_format(round(value), 0, force_grouping=True)
    }


percent = Formatter(_percent, 0.01)
"""A share in the reader's writing: « 40 % » in French, « 40% » in English."""

euros = Formatter(_euros, 1.0)
"""An amount in the reader's writing: « 1 000 € » in French, « €1,000 » in English."""


def _point_label(when: str, series: str, value: str) -> str:
    """What a bar or a dot says when pointed at: « T2 2025 — Cotisations (€) : 300 € »."""
    return _("%(when)s — %(series)s : %(value)s") % {
        "when": when,
        "series": series,
        "value": value,
    }


def nice_ticks(low: float, high: float, count: int = 5, resolution: float = 0.0) -> list[float]:
    """Round tick values covering [low, high] (about ``count`` of them, at least two), a
    step of 1, 2, 2.5 or 5 times a power of ten and a whole multiple of ``resolution``
    (1 for counts: no tick at 0.25 of a meeting)."""
    if high - low <= 1e-12 * max(1.0, abs(low), abs(high)):
        # no range, or one too narrow to step through (a subnormal one has no logarithm)
        high = low + max(1.0, resolution)
    raw = max((high - low) / max(count - 1, 1), resolution)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(
        m * magnitude
        for m in (1, 2, 2.5, 5, 10)
        if m * magnitude >= raw * (1 - 1e-9) and _multiple(m * magnitude, resolution)
    )
    first = math.floor(low / step + 1e-9)
    last = max(math.ceil(high / step - 1e-9), first + 1)
    places = max(0, 3 - math.floor(math.log10(step)))  # no 0.30000000000000004
    return [round(k * step, places) for k in range(first, last + 1)]


def _multiple(step: float, resolution: float) -> bool:
    if resolution <= 0:
        return True
    ratio = step / resolution
    return abs(ratio - round(ratio)) < 1e-6


def _ticks(low: float, high: float, fmt: Callable[[float], str]) -> list[float]:
    """Ticks whose labels all differ, also for a formatter that does not say its resolution
    (fewer, wider steps until they do)."""
    resolution = getattr(fmt, "resolution", 0.0)
    for count in (5, 4, 3, 2):
        ticks = nice_ticks(low, high, count, resolution)
        if len({fmt(t) for t in ticks}) == len(ticks):
            break
    return ticks


def _frame(values, fmt, y_min, y_max, ticks=None, width=WIDTH):
    present = [v for v in values if v is not None]
    if ticks is None:
        low = min([*present, 0.0]) if y_min is None else y_min
        high = max(present, default=1.0) if y_max is None else y_max
        ticks = _ticks(low, high, fmt)
    bottom, top = ticks[0], ticks[-1]
    texts = [fmt(t) for t in ticks]
    # room for the longest tick label (about 7 px a character at 13 px)
    left = max(44, 7 * max(len(t) for t in texts) + 16)
    x0, x1, y0, y1 = left, width - RIGHT, HEIGHT - BOTTOM, TOP

    def y_of(v: float) -> float:
        return round(y0 - (v - bottom) / (top - bottom) * (y0 - y1), 1)

    grid = [
        {"y": _c(y_of(t)), "text": text, "zero": t == 0}
        for t, text in zip(ticks, texts, strict=True)
    ]
    frame = {
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "width": width,
        "height": HEIGHT,
        "tick_x": x0 - 8,
        "label_y": y0 + 20,
    }
    return frame, y_of, grid


def _c(value: float) -> str:
    """An SVG coordinate: a string, so that no locale turns its decimal point into a comma."""
    return f"{value:.1f}"


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
    width: int = WIDTH,
) -> dict:
    """Vertical bars, grouped when there are several series (one colour each).
    ``width``: of the drawing, in px at scale 1 (wider for a chart across the page); the
    ``phone`` drawing is narrower, so that its text stays legible on a small screen."""
    _check(labels, series)
    chart = {
        "kind": "bar",
        "id": chart_id,
        "empty": _empty(series),
        "wide": width > WIDTH,
        "title": title,
        "desc": desc,
        "legend": _legend(series),
        "table": _table(labels, series, fmt),
    }
    if not chart["empty"]:  # a chart without figures is not drawn: the page says so
        chart.update(_bars(labels, series, fmt, width), phone=_bars(labels, series, fmt, PHONE))
    return chart


def _bars(labels, series: Sequence[Series], fmt, width: int) -> dict:
    everything = [v for s in series for v in s.values]
    frame, y_of, grid = _frame(everything, fmt, None, None, width=width)
    slot = (frame["x1"] - frame["x0"]) / max(len(labels), 1)
    group = slot * 0.7
    bar_w = group / len(series)
    bars = []
    for i, label in enumerate(labels):
        left = frame["x0"] + slot * i + (slot - group) / 2
        for k, s in enumerate(series):
            value = s.values[i]
            if value is None:
                continue
            top, base = y_of(max(value, 0)), y_of(min(value, 0))
            bars.append(
                {
                    "x": _c(left + bar_w * k + 1),
                    "y": _c(top),
                    "w": _c(max(bar_w - 2, 1)),
                    "h": _c(max(base - top, 0.5)),
                    "cx": _c(left + bar_w * (k + 0.5)),
                    "ty": _c(top - 5),
                    "text": fmt(value),
                    "css": PALETTE[k % len(PALETTE)],
                    "label": _point_label(label, s.name, fmt(value)),
                }
            )
    xs = [frame["x0"] + slot * (i + 0.5) for i in range(len(labels))]
    return {
        "frame": frame,
        "grid": grid,
        "bars": bars,
        "x_labels": _x_labels(xs, labels, slot),
        # value labels only where they fit above their bar
        "show_values": bool(bars) and max(len(b["text"]) for b in bars) * 6.5 <= bar_w + 6,
    }


def _x_labels(xs: Sequence[float], labels: Sequence[str], slot: float) -> list[dict]:
    """The category labels, one in two (or three...) when they would touch, always
    keeping the last (the latest quarter)."""
    room = 7 * max((len(label) for label in labels), default=0) + 8
    every = max(1, math.ceil(room / slot)) if slot > 0 else 1
    last = len(labels) - 1
    return [
        {"x": _c(x), "text": label}
        for i, (x, label) in enumerate(zip(xs, labels, strict=True))
        if (last - i) % every == 0
    ]


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    fmt: Callable[[float], str] = WHOLE,
    ticks: Sequence[float] | None = None,
    tick_fmt: Callable[[float], str] | None = None,
) -> dict:
    """Lines with a dot per value; a missing value (``None``) breaks the line.
    ``ticks``: fixed gridlines (e.g. 0 to 100 %), else chosen from the values;
    ``tick_fmt``: how the gridlines are written, when not as the values (« 4 » beside
    a mean of « 3,8 »)."""
    _check(labels, series)
    chart = {
        "kind": "line",
        "id": chart_id,
        "empty": _empty(series),
        "wide": False,
        "title": title,
        "desc": desc,
        "legend": _legend(series),
        "table": _table(labels, series, fmt),
    }
    if not chart["empty"]:  # a chart without figures is not drawn: the page says so
        tick_fmt = tick_fmt or fmt
        chart.update(
            _lines(labels, series, fmt, ticks, WIDTH, tick_fmt),
            desc=_with_ties(desc, labels, series, fmt),
            phone=_lines(labels, series, fmt, ticks, PHONE, tick_fmt),
        )
    return chart


def _lines(labels, series: Sequence[Series], fmt, ticks, width: int, tick_fmt) -> dict:
    everything = [v for s in series for v in s.values]
    frame, y_of, grid = _frame(everything, tick_fmt, None, None, ticks=ticks, width=width)
    slot = (frame["x1"] - frame["x0"]) / max(len(labels), 1)
    xs = [_c(frame["x0"] + slot * (i + 0.5)) for i in range(len(labels))]
    shifts = _side_by_side(series, y_of)
    lines = []
    for k, s in enumerate(series):
        points, path, pen_down = [], [], False
        for i, value in enumerate(s.values):
            if value is None:
                pen_down = False
                continue
            y = y_of(value)
            path.append(f"{'L' if pen_down else 'M'}{xs[i]},{_c(y)}")
            pen_down = True
            points.append(
                {
                    "x": _c(float(xs[i]) + shifts.get((k, i), 0.0)),
                    "y": _c(y),
                    "ty": _c(y - 10),
                    "text": fmt(value),
                    "label": _point_label(labels[i], s.name, fmt(value)),
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
    centres = [frame["x0"] + slot * (i + 0.5) for i in range(len(labels))]
    return {
        "frame": frame,
        "grid": grid,
        "lines": lines,
        "x_labels": _x_labels(centres, labels, slot),
        "show_values": len(series) == 1,
    }


DOT_GAP = 9.0  # px between the centres of dots drawn side by side (a dot is 4 px + its ring)


def _side_by_side(series: Sequence[Series], y_of) -> dict[tuple[int, int], float]:
    """Dots of a quarter that would cover one another (equal or nearly equal values) are
    moved apart sideways, so that each series stays visible: {(series, quarter): shift}."""
    shifts: dict[tuple[int, int], float] = {}
    for i in range(len(series[0].values)):
        present = sorted(
            (y_of(s.values[i]), k) for k, s in enumerate(series) if s.values[i] is not None
        )
        group: list[int] = []
        last_y = None
        for y, k in [*present, (math.inf, -1)]:
            if last_y is not None and y - last_y >= DOT_GAP:
                for rank, member in enumerate(group):
                    if len(group) > 1:
                        shifts[(member, i)] = (rank - (len(group) - 1) / 2) * DOT_GAP
                group = []
            group.append(k)
            last_y = y
    return shifts


def _with_ties(desc: str, labels, series: Sequence[Series], fmt) -> str:
    """The description, saying where two series read the same (their dots side by side)."""
    ties = [
        label
        for i, label in enumerate(labels)
        if _has_tie([fmt(s.values[i]) for s in series if s.values[i] is not None])
    ]
    if not ties:
        return desc
    return " ".join(
        [
            desc,
            _(
                "Même valeur pour plusieurs courbes en %(quarters)s : leurs points y sont "
                "dessinés côte à côte."
            )
            % {"quarters": get_text_list(ties, _("et"))},
        ]
    )


def _has_tie(texts: list[str]) -> bool:
    return len(set(texts)) < len(texts)


def _empty(series: Sequence[Series]) -> bool:
    """No figure at all yet (a new circle): the page says so instead of a bare frame."""
    return all(v is None for s in series for v in s.values)


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
            ticks=PERCENT_TICKS,
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
            ticks=RATING_TICKS,
            tick_fmt=WHOLE,
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
            fmt=euros,
            width=WIDE,
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
