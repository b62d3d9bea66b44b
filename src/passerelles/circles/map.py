"""A drawable map of circles and their bridges: circles grouped by city, bridges as arcs."""

import math
from collections import defaultdict

WIDTH, HEIGHT = 760, 460


def circle_map(circles, bridge_pairs) -> dict:
    """Positions for an SVG picture: cities on a ring, each city's circles around it.

    ``circles`` need ``pk``, ``name``, ``city``, ``get_absolute_url`` and optionally
    ``members``; ``bridge_pairs`` are (circle id, circle id) pairs.
    """
    by_city: dict[str, list] = defaultdict(list)
    for circle in circles:
        by_city[circle.city or "—"].append(circle)
    cities = sorted(by_city)
    cx, cy = WIDTH / 2, HEIGHT / 2
    ring = min(WIDTH, HEIGHT) / 2 - 90 if len(cities) > 1 else 0
    nodes, cities_out, position = [], [], {}
    for i, city in enumerate(cities):
        angle = 2 * math.pi * i / max(len(cities), 1) - math.pi / 2
        x0, y0 = cx + ring * 1.35 * math.cos(angle), cy + ring * math.sin(angle)
        group = by_city[city]
        spread = 0 if len(group) == 1 else 28 + 6 * len(group)
        cities_out.append({"name": city, "x": round(x0), "y": round(y0 - spread - 26)})
        for j, circle in enumerate(group):
            a = 2 * math.pi * j / len(group)
            x, y = x0 + spread * math.cos(a), y0 + spread * math.sin(a)
            size = getattr(circle, "members", 10) or 1
            node = {
                "id": circle.pk,
                "name": circle.name,
                "url": circle.get_absolute_url(),
                "x": round(x),
                "y": round(y),
                "r": round(7 + 2.2 * math.sqrt(size)),
                "kind": getattr(circle, "kind", ""),
            }
            node["label_y"] = node["y"] + node["r"] + 13
            position[circle.pk] = node
            nodes.append(node)
    edges = [
        {
            "x1": position[a]["x"],
            "y1": position[a]["y"],
            "x2": position[b]["x"],
            "y2": position[b]["y"],
        }
        for a, b in bridge_pairs
        if a in position and b in position
    ]
    return {"width": WIDTH, "height": HEIGHT, "nodes": nodes, "edges": edges, "cities": cities_out}
