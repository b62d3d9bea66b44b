"""``{% bridge_suggestions circle %}``: the bridge advisor on the circles' own pages.

The circles app sits below intros and does not import it; its templates load this tag,
so that the advice shows where organisers manage their bridges.
"""

from django import template

from passerelles.intros.bridge_advisor import KeeperMissing, NotReady, suggest_bridges

register = template.Library()


@register.inclusion_tag("intros/_bridge_suggestions.html", takes_context=True)
def bridge_suggestions(context, circle, limit: int = 5) -> dict:
    request = context["request"]
    try:
        suggestions = suggest_bridges(circle, request.user, limit=limit)
    except KeeperMissing:  # no scheduler runs on a large site: said as it is
        return {"circle": circle, "suggestions": [], "keeper_missing": True}
    except NotReady:  # computed in the background on a large site: said, not waited for
        return {"circle": circle, "suggestions": [], "preparing": True}
    return {"circle": circle, "suggestions": suggestions}


@register.inclusion_tag("intros/_bridge_closing.html")
def bridge_closing(bridge, circle) -> dict:
    """What closing ``bridge`` closes, told to an admin of ``circle`` before confirming."""
    from passerelles.intros.bridge_closing import closing

    return {"closing": closing(bridge), "other": bridge.other(circle)}
