"""A drawable map of circles and their bridges: cities grouped by region, full names.

Names are wrapped over several lines, never cut (two circles whose names begin alike
stay apart); cities of one region sit side by side; bridges between two cities are arcs
so that they do not hide the circles in between. A circle's openness (its E-I index,
when the caller knows it) colours its disc.
"""

from __future__ import annotations

import functools
import math
import textwrap
import unicodedata
from collections import defaultdict

from passerelles.circles.regions import region_code, region_name

WIDTH = 960
PER_LINE = 2
LABEL_CHARS = 20  # per line of a wrapped name
LABEL_LINE = 13  # px between lines of a name
MARGIN = 24


def wrap_name(name: str, width: int = LABEL_CHARS) -> list[str]:
    """The whole name over lines of about ``width`` characters (a longer word stays
    whole on its own line)."""
    return list(_wrapped(name, width))


@functools.lru_cache(maxsize=4096)
def _wrapped(name: str, width: int) -> tuple[str, ...]:
    """``textwrap`` costs some 50 µs a name: each circle's is wrapped once per process."""
    return tuple(
        textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False) or [name]
    )


def _plain(text: str) -> str:
    """Sort key without accents ("Île" among the I's)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def tone(ei: float | None) -> str:
    """Plain-words class of an E-I index: closed (most ties stay inside), mixed, open."""
    if ei is None:
        return "none"
    if ei >= 0:
        return "open"
    return "mixed" if ei >= -0.5 else "closed"


def circle_map(circles, bridge_pairs, ei: dict | None = None, url_of=None) -> dict:
    """Positions for an SVG picture: cities in a grid (by region), circles side by side.

    ``circles`` need ``pk``, ``name``, ``city``, ``get_absolute_url`` and optionally
    ``members`` and ``department``; ``bridge_pairs`` are (circle id, circle id) pairs;
    ``ei`` maps circle ids to their E-I index (None when unknown); ``url_of(circle)``,
    when given, stands for ``get_absolute_url`` (a reverse per circle otherwise).
    """
    ei = ei or {}
    by_city: dict[str, list] = defaultdict(list)
    region_of: dict[str, str] = {}
    for circle in circles:
        city = circle.city or "—"
        by_city[city].append(circle)
        code = region_code(getattr(circle, "department", "") or "")
        if code and city not in region_of:
            region_of[city] = code
    cities = sorted(
        by_city,
        key=lambda c: (_plain(region_name(region_of.get(c, ""))) or "~", -len(by_city[c]), c),
    )
    columns = max(1, min(3, len(cities)))
    lines_of = {c.name: wrap_name(c.name) for c in circles}
    cell_width = (WIDTH - 2 * MARGIN) / columns
    # each row of cities as tall as its own circles need (no blank band under a short row)
    tops, line_heights, bottom = [], [], 0
    for first in range(0, len(cities), columns):
        groups = [by_city[c] for c in cities[first : first + columns]]
        lines = max(math.ceil(len(group) / PER_LINE) for group in groups)
        name_lines = max(len(lines_of[c.name]) for group in groups for c in group)
        line_height = 56 + LABEL_LINE * name_lines
        tops.append(bottom)
        line_heights.append(line_height)
        bottom += 60 + lines * line_height
    nodes, cities_out, position = [], [], {}
    for i, city in enumerate(cities):
        col, row = i % columns, i // columns
        x0, y0 = MARGIN + col * cell_width, tops[row]
        line_height = line_heights[row]
        cities_out.append(
            {
                "name": city,
                "region": region_name(region_of.get(city, "")),
                "x": round(x0 + cell_width / 2),
                "y": round(y0 + 22),
            }
        )
        region = cities_out[-1]["region"]
        group = sorted(by_city[city], key=lambda c: c.name)
        per_line = min(len(group), PER_LINE)
        for j, circle in enumerate(group):
            line, slot = divmod(j, per_line)
            in_line = min(per_line, len(group) - line * per_line)
            step = cell_width / in_line
            x = x0 + step * (slot + 0.5)
            y = y0 + 78 + line * line_height
            size = getattr(circle, "members", 10) or 1
            radius = min(20, 6 + 1.3 * math.sqrt(size))
            index = ei.get(circle.pk)
            node = {
                "id": circle.pk,
                "name": circle.name,
                "label": circle.name,
                "lines": lines_of[circle.name],
                "city": circle.city,
                "region": region,  # its city's, for the map's table
                "members": getattr(circle, "members", None),
                "url": url_of(circle) if url_of else circle.get_absolute_url(),
                "x": round(x),
                "y": round(y),
                "r": round(radius),
                "label_y": round(y + radius + 13),
                "kind": getattr(circle, "kind", ""),
                "ei": index,
                "tone": tone(index) if index is not None or ei else "plain",
                "bridges": 0,
            }
            position[circle.pk] = node
            nodes.append(node)
    edges = []
    for a, b in bridge_pairs:
        if a not in position or b not in position:
            continue
        p, q = position[a], position[b]
        p["bridges"] += 1
        q["bridges"] += 1
        mx, my = (p["x"] + q["x"]) / 2, (p["y"] + q["y"]) / 2
        dx, dy = q["x"] - p["x"], q["y"] - p["y"]
        length = math.hypot(dx, dy) or 1.0
        # Bow sideways (perpendicular to the line); within a city, far enough to clear
        # the names written under the discs in between.
        same_city = p["city"] == q["city"]
        bend = max(0.9 * length, 130) if same_city else 0.18 * length
        nx, ny = dy / length, -dx / length
        if ny > 0 or (ny == 0 and nx < 0):
            nx, ny = -nx, -ny
        cx, cy = round(mx + bend * nx), round(my + bend * ny)
        edges.append(
            {
                "path": f"M{p['x']},{p['y']} Q{cx},{cy} {q['x']},{q['y']}",
                "between": (p["name"], q["name"]),
            }
        )
    height = (bottom or 60 + 56 + LABEL_LINE) + 10
    return {"width": WIDTH, "height": height, "nodes": nodes, "edges": edges, "cities": cities_out}
