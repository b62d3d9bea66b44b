"""Bridges between circles: ask, accept or decline, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles import access, actions
from passerelles.circles.forms import BridgeProposeForm, BridgeRequestForm
from passerelles.circles.models import Bridge, BridgeState, Circle
from passerelles.core import french
from passerelles.core.errors import ActionError


def _bridge_for_admin(request: HttpRequest, slug: str, bridge_id: int) -> tuple[Circle, Bridge]:
    circle = access.get_circle_for_admin(request.user, slug)
    bridge = get_object_or_404(
        Bridge.objects.filter(Q(from_circle=circle) | Q(to_circle=circle)), pk=bridge_id
    )
    return circle, bridge


@login_required
def bridge_list(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    bridges = (
        Bridge.objects.filter(Q(from_circle=circle) | Q(to_circle=circle))
        .select_related("from_circle", "to_circle")
        .order_by("-requested_at")
    )
    linked = [
        b.other(circle).pk
        for b in bridges
        if b.state in (BridgeState.ACTIVE, BridgeState.REQUESTED)
    ]
    targets = (
        access.visible_circles(request.user)
        .exclude(pk=circle.pk)
        .exclude(pk__in=linked)
        .order_by("name")
    )
    form = BridgeRequestForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_request_bridge(
                circle,
                form.cleaned_data["target"],
                form.cleaned_data["message"],
                acting_user=request.user,
            )
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Demande de passerelle envoyée à %(name)s.")
                % {"name": form.cleaned_data["target"].name},
            )
            return redirect("circles:bridges", slug)
    context = {
        "circle": circle,
        "form": form,
        "incoming": [
            b for b in bridges if b.state == BridgeState.REQUESTED and b.to_circle_id == circle.pk
        ],
        "outgoing": [
            b for b in bridges if b.state == BridgeState.REQUESTED and b.from_circle_id == circle.pk
        ],
        "active": [b for b in bridges if b.state == BridgeState.ACTIVE],
        "past": [b for b in bridges if b.state in (BridgeState.DECLINED, BridgeState.REVOKED)],
    }
    return render(request, "circles/bridges.html", context)


def _open_partner_ids(circle: Circle) -> set[int]:
    pairs = Bridge.objects.filter(
        Q(from_circle=circle) | Q(to_circle=circle),
        state__in=[BridgeState.REQUESTED, BridgeState.ACTIVE],
    ).values_list("from_circle_id", "to_circle_id")
    return {pk for pair in pairs for pk in pair}


@login_required
def bridge_propose(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    """Propose a bridge to the circle one is looking at, from a circle one runs."""
    target = access.get_circle_for_user(request.user, slug)
    sources = (
        access.administered_circles(request.user)
        .exclude(pk=target.pk)
        .exclude(pk__in=_open_partner_ids(target))
        .order_by("name")
        .distinct()
    )
    initial = {}
    if chosen := sources.filter(slug=request.GET.get("depuis", "")).first():
        initial["from_circle"] = chosen
    form = BridgeProposeForm(request.POST or None, sources=sources, initial=initial)
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["from_circle"]
        try:
            actions.do_request_bridge(
                source, target, form.cleaned_data["message"], acting_user=request.user
            )
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Demande de passerelle envoyée à %(name)s : ses responsables sont prévenus.")
                % {"name": target.name},
            )
            return redirect("circles:bridges", source.slug)
    context = {"target": target, "form": form, "has_sources": sources.exists()}
    return render(request, "circles/bridge_propose.html", context)


@login_required
@require_POST
def bridge_answer(request: AuthedHttpRequest, slug: str, bridge_id: int) -> HttpResponse:
    circle, bridge = _bridge_for_admin(request, slug, bridge_id)
    accept = request.POST.get("answer") == "accept"
    if bridge.to_circle_id != circle.pk:
        messages.error(request, _("Seul le cercle sollicité peut répondre à cette demande."))
        return redirect("circles:bridges", slug)
    try:
        actions.do_answer_bridge(bridge, acting_user=request.user, accept=accept)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        other = bridge.other(circle).name
        if accept:
            text = _("La passerelle avec %(name)s est ouverte.") % {"name": french.le(other)}
        else:
            text = _("La demande %(de_name)s est refusée.") % {"de_name": french.de(other)}
        messages.success(request, text)
    return redirect("circles:bridges", slug)


@login_required
def bridge_revoke(request: AuthedHttpRequest, slug: str, bridge_id: int) -> HttpResponse:
    """Closing an active bridge asks first, saying what closes with it; withdrawing a
    request closes nothing and needs no confirmation."""
    circle, bridge = _bridge_for_admin(request, slug, bridge_id)
    if request.method != "POST":
        if bridge.state != BridgeState.ACTIVE:
            return redirect("circles:bridges", slug)
        context = {"circle": circle, "bridge": bridge, "other": bridge.other(circle)}
        return render(request, "circles/bridge_revoke.html", context)
    try:
        actions.do_revoke_bridge(bridge, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        other = french.le(bridge.other(circle))
        messages.success(request, _("La passerelle avec %(name)s est fermée.") % {"name": other})
    return redirect("circles:bridges", slug)
