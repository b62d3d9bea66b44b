"""``{% open_events_offer circle bridge %}`` and ``{% open_events_url circle bridge %}``:
the offer to open a circle's coming « bridged » events to a new partner.

The circles app sits below events and does not import it; its bridges page and its
acceptance e-mail load these tags, so the offer shows where bridges are managed.
"""

from typing import Any

from django import template

from passerelles.circles.models import Bridge, Circle
from passerelles.events import views_bridge

register = template.Library()


@register.inclusion_tag("events/_open_to_bridged.html")
def open_events_offer(circle: Circle, bridge: Bridge) -> dict[str, Any]:
    return views_bridge.offer(circle, bridge)


@register.simple_tag
def open_events_url(circle: Circle, bridge: Bridge) -> str:
    return views_bridge.offer_url(circle, bridge)
