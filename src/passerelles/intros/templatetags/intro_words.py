"""``{% seeks name need %}``: « X cherche : « need » », without a doubled verb when the
need already says it seeks (``intros.reasons.seeks``)."""

from django import template

from passerelles.intros import reasons

register = template.Library()


@register.simple_tag
def seeks(name: str, need: str) -> str:
    return reasons.seeks(name, need)
