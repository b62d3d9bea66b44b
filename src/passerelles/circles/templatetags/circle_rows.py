"""``{% map_shapes map %}`` and ``{% map_table map with_ei %}``: the circles map's loops
rendered in Python (``circles.rows``), after ``{% with_insularity %}`` has coloured it."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from passerelles.circles import rows

register = template.Library()


@register.simple_tag
def map_shapes(picture: dict[str, Any]) -> SafeString:
    return rows.map_shapes(picture)


@register.simple_tag
def map_table(picture: dict[str, Any], with_ei: bool) -> SafeString:
    return rows.map_table(picture, with_ei)
