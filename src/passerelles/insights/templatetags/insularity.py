"""``{% with_insularity map as map %}``: colour a circles map by each circle's E-I index.

The circles app draws the map and does not import insights; its template asks here."""

from django import template

from passerelles.circles.map import tone
from passerelles.insights.queries import circles_ei

register = template.Library()


@register.simple_tag
def with_insularity(picture: dict) -> dict:
    ei = circles_ei()
    for node in picture["nodes"]:
        node["ei"] = ei.get(node["id"])
        node["tone"] = tone(node["ei"])
    return picture
