"""A new bridge opens the host's coming « bridged » events to its partner, as offered.

Events open to bridged circles name their guest circles one by one; when a bridge becomes
active, each side's admins are offered (on their circle's bridges page, and by link in the
acceptance e-mail) to open their upcoming ones to the new partner too, until they answer
« Ne plus proposer » for that bridge.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.access import get_circle_for_admin
from passerelles.circles.models import Bridge, BridgeState, Circle
from passerelles.core import french
from passerelles.core.errors import ActionError
from passerelles.events import actions


def offer(circle: Circle, bridge: Bridge) -> dict[str, Any]:
    """What the offer block shows an admin of ``circle`` about active ``bridge``: the
    partner and the events of ``circle`` that could be opened to it (none: no block)."""
    partner = bridge.other(circle)
    offered = bridge.state == BridgeState.ACTIVE and not bridge.events_offer_dismissed(circle)
    events = list(actions.openable_events(circle, partner)) if offered else []
    return {"circle": circle, "bridge": bridge, "partner": partner, "events": events}


def offer_url(circle: Circle, bridge: Bridge) -> str:
    """The absolute address of the offer for ``circle``'s admins, or "" when it has no
    event to open (what the acceptance e-mail links to)."""
    if not offer(circle, bridge)["events"]:
        return ""
    path = reverse("events:open_to_bridged", args=[circle.slug, bridge.pk])
    return settings.SITE_URL.rstrip("/") + path


def _active_bridge_of(circle: Circle, bridge_id: int) -> Bridge:
    return get_object_or_404(
        Bridge.objects.filter(Q(from_circle=circle) | Q(to_circle=circle)).select_related(
            "from_circle", "to_circle"
        ),
        pk=bridge_id,
        state=BridgeState.ACTIVE,
    )


@login_required
def open_to_bridged(request: AuthedHttpRequest, slug: str, bridge_id: int) -> HttpResponse:
    """GET: the offer on its own page (the e-mail's link); POST: open the ticked events of
    the circle ``slug`` to the partner of its active bridge ``bridge_id``, or, with
    ``dismiss``, no longer offer it. Anyone but an admin of that circle gets a 404."""
    circle = get_circle_for_admin(request.user, slug)
    bridge = _active_bridge_of(circle, bridge_id)
    partner = bridge.other(circle)
    if request.method != "POST":
        return render(request, "events/open_to_bridged.html", offer(circle, bridge))
    if "dismiss" in request.POST:
        return _dismiss(request, circle, bridge)
    ids = [int(pk) for pk in request.POST.getlist("events") if pk.isdigit()]
    try:
        opened = actions.do_open_events_to_circle(circle, partner, ids, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect("events:open_to_bridged", slug, bridge_id)
    if opened:
        messages.success(
            request,
            ngettext(
                "%(n)s événement est désormais ouvert aux membres %(de_name)s.",
                "%(n)s événements sont désormais ouverts aux membres %(de_name)s.",
                len(opened),
            )
            % {"n": len(opened), "de_name": french.de(partner.name)},
        )
    else:
        messages.info(request, _("Aucun de ces événements n'était encore à ouvrir."))
    return redirect("circles:bridges", slug)


def _dismiss(request: AuthedHttpRequest, circle: Circle, bridge: Bridge) -> HttpResponse:
    try:
        actions.do_dismiss_events_offer(circle, bridge, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.info(
            request,
            _(
                "Cette proposition ne vous sera plus faite pour %(le_name)s. Vous pouvez "
                "toujours ouvrir un événement %(a_name)s depuis sa page de modification."
            )
            % {
                "le_name": french.le(bridge.other(circle).name),
                "a_name": french.a(bridge.other(circle).name),
            },
        )
    return redirect("circles:bridges", circle.slug)
