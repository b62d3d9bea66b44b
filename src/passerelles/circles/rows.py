"""The circles list's rows rendered in Python (see ``core.rows``): the circles' cards,
the map's shapes and the map's table, the HTML of the template loops they replace."""

from collections.abc import Iterable
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from passerelles.circles.models import Circle
from passerelles.core.numbers import written
from passerelles.core.rows import blocktranslated, esc, joined, truncated_words, url_maker


def circle_cards(circles: Iterable[Circle]) -> SafeString:
    """One ``<li class="card">`` per circle (``members`` annotated)."""
    detail_url = url_maker("circles:detail")
    private = esc(gettext("Privé"))
    return joined(_card(circle, detail_url(circle.slug), private) for circle in circles)


def _card(circle: Circle, url: str, private: str) -> str:
    n = circle.members  # type: ignore[attr-defined] # annotated by with_member_counts
    count = blocktranslated(ngettext("%(n)s membre", "%(n)s membres", n), n=n)
    badge = f'<span class="badge">{private}</span>' if not circle.listed else ""
    return (
        '<li class="card">\n'
        f'    <h3><a href="{esc(url)}">{esc(circle.name)}</a></h3>\n'
        f'    <p class="muted small">{esc(circle.get_kind_display())} · '
        f"{esc(circle.city or '—')} · {count}</p>\n"
        f'    <p class="small">{esc(truncated_words(circle.description, 24))}</p>\n'
        f"    {badge}\n  </li>\n  "
    )


def map_shapes(picture: dict[str, Any]) -> SafeString:
    """The map's bridges, city names and circles (``circles.map.circle_map``), as SVG."""
    edges = "".join(
        f'<path class="bridge" d="{esc(e["path"])}" fill="none" stroke="#9a4d12" '
        'stroke-width="2.5" stroke-opacity=".75"/>'
        for e in picture["edges"]
    )
    cities = "".join(
        f'<text x="{esc(c["x"])}" y="{esc(c["y"])}" text-anchor="middle" font-size="15" '
        f'font-weight="700" fill="#52616a">{esc(c["name"])}'
        + (
            f'<tspan font-size="11" font-weight="400"> · {esc(c["region"])}</tspan>'
            if c["region"]
            else ""
        )
        + "</text>"
        for c in picture["cities"]
    )
    nodes = "".join(_node(n) for n in picture["nodes"])
    return joined((edges, "\n      ", cities, "\n      ", nodes))


def _node(n: dict[str, Any]) -> str:
    x = esc(n["x"])
    last = len(n["lines"]) - 1
    lines = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else 13}">{esc(line)}{" " if i < last else ""}</tspan>'
        for i, line in enumerate(n["lines"])
    )
    return (
        f'<a href="{esc(n["url"])}"><circle class="tone-{esc(n["tone"])}" cx="{x}" '
        f'cy="{esc(n["y"])}" r="{esc(n["r"])}" stroke="#fff" stroke-width="2"/>'
        f'<text x="{x}" y="{esc(n["label_y"])}" text-anchor="middle" font-size="11.5" '
        f'fill="#1d2a30">{lines}</text></a>'
    )


def map_table(picture: dict[str, Any], with_ei: bool) -> SafeString:
    """The map's table body: a row per circle, its E-I index for a member."""
    return joined(_table_row(n, with_ei) for n in picture["nodes"])


def _table_row(n: dict[str, Any], with_ei: bool) -> str:
    members = "—" if n["members"] is None else n["members"]
    row = (
        f'<tr><th scope="row"><a href="{esc(n["url"])}">{esc(n["name"])}</a></th>'
        f"<td>{esc(n['city'] or '—')}</td><td>{esc(n['region'] or '—')}</td>"
        f"<td>{esc(members)}</td><td>{esc(n['bridges'])}</td>"
    )
    if with_ei:
        ei = "—" if n["ei"] is None else written(n["ei"], 2)
        row += f"<td>{esc(ei)}</td>"
    return row + "</tr>"
