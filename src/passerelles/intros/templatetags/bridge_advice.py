"""``{% bridge_suggestions circle %}``: the bridge advisor on the circles' own pages.

The circles app sits below intros and does not import it; its templates load this tag,
so that the advice shows where organisers manage their bridges.
"""

from django import template

from passerelles.intros import views_bridges

register = template.Library()


@register.inclusion_tag("intros/_bridge_suggestions.html", takes_context=True)
def bridge_suggestions(context, circle, limit: int = views_bridges.SHOWN) -> dict:
    return views_bridges.advice_context(circle, context["request"].user, limit=limit)


@register.inclusion_tag("intros/_bridge_closing.html")
def bridge_closing(bridge, circle) -> dict:
    """What closing ``bridge`` closes, told to an admin of ``circle`` before confirming."""
    from passerelles.intros.bridge_closing import closing

    return {"closing": closing(bridge), "other": bridge.other(circle)}
