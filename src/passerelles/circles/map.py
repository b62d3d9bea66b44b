"""A drawable map of circles and their bridges: one block per city, bridges as arcs."""

import math
from collections import defaultdict

WIDTH = 960
PER_LINE = 2
LINE_HEIGHT = 78
LABEL_CHARS = 22
MARGIN = 24


def circle_map(circles, bridge_pairs) -> dict:
    """Positions for an SVG picture: cities in a grid, each city's circles side by side.

    ``circles`` need ``pk``, ``name``, ``city``, ``get_absolute_url`` and optionally
    ``members``; ``bridge_pairs`` are (circle id, circle id) pairs. Bridges between two
    cities are drawn as arcs so that they do not hide the circles in between.
    """
    by_city: dict[str, list] = defaultdict(list)
    for circle in circles:
        by_city[circle.city or "—"].append(circle)
    cities = sorted(by_city, key=lambda c: (-len(by_city[c]), c))
    columns = max(1, min(3, len(cities)))
    lines = max((math.ceil(len(group) / PER_LINE) for group in by_city.values()), default=1)
    cell_height = 50 + lines * LINE_HEIGHT
    cell_width = (WIDTH - 2 * MARGIN) / columns
    rows = math.ceil(len(cities) / columns) if cities else 1
    nodes, cities_out, position = [], [], {}
    for i, city in enumerate(cities):
        col, row = i % columns, i // columns
        x0, y0 = MARGIN + col * cell_width, row * cell_height
        cities_out.append({"name": city, "x": round(x0 + cell_width / 2), "y": round(y0 + 22)})
        group = by_city[city]
        per_line = min(len(group), PER_LINE)
        for j, circle in enumerate(group):
            line, slot = divmod(j, per_line)
            in_line = min(per_line, len(group) - line * per_line)
            step = cell_width / in_line
            x = x0 + step * (slot + 0.5)
            y = y0 + 68 + line * LINE_HEIGHT
            size = getattr(circle, "members", 10) or 1
            radius = min(20, 6 + 1.3 * math.sqrt(size))
            name = circle.name
            short = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"
            node = {
                "id": circle.pk,
                "name": name,
                "label": short,
                "url": circle.get_absolute_url(),
                "x": round(x),
                "y": round(y),
                "r": round(radius),
                "label_y": round(y + radius + 13),
                "kind": getattr(circle, "kind", ""),
            }
            position[circle.pk] = node
            nodes.append(node)
    edges = []
    for a, b in bridge_pairs:
        if a not in position or b not in position:
            continue
        p, q = position[a], position[b]
        mx, my = (p["x"] + q["x"]) / 2, (p["y"] + q["y"]) / 2
        bend = 0.18 * math.hypot(q["x"] - p["x"], q["y"] - p["y"])
        edges.append(
            {"path": f"M{p['x']},{p['y']} Q{round(mx)},{round(my - bend)} {q['x']},{q['y']}"}
        )
    height = rows * cell_height + 10
    return {"width": WIDTH, "height": height, "nodes": nodes, "edges": edges, "cities": cities_out}
