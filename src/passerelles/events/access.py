"""Who may see, join and run which event: one condition per line, tested as a matrix.

An event someone may not see is a 404. Seeing and registering follow the same rule
(the openness chosen by the organiser); platform operators see everything but register
only where the rule lets them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from passerelles.accounts.models import AnyUser
from passerelles.circles.access import (
    admitted_circle_ids,
    bridge_partners,
    is_circle_admin,
    reachable_circle_ids,
)
from passerelles.circles.models import Bridge, BridgeState, Circle, Membership
from passerelles.core.request_memo import in_page_view
from passerelles.events.models import Event, Openness


def _active_bridge_to_host() -> QuerySet[Bridge]:
    """Subquery on the open_to through table: this guest circle is bridged with the host."""
    return Bridge.objects.filter(state=BridgeState.ACTIVE).filter(
        Q(from_circle_id=OuterRef("circle_id"), to_circle_id=OuterRef(OuterRef("host_circle_id")))
        | Q(to_circle_id=OuterRef("circle_id"), from_circle_id=OuterRef(OuterRef("host_circle_id")))
    )


def eligible_events(user: AnyUser) -> QuerySet[Event]:
    """Events the openness lets ``user`` join (no operator bypass):

    - events of a circle where they are an admitted member;
    - "bridged" events that chose one of their circles, while its bridge to the host is active;
    - events open to all members.
    """
    events = Event.objects.all()
    if not user.is_authenticated:
        return events.none()
    if in_page_view():
        return events.filter(_eligible_from_ids(user))
    mine = admitted_circle_ids(user)
    chosen_and_bridged = Event.open_to.through.objects.filter(
        event_id=OuterRef("pk"), circle_id__in=mine
    ).filter(Exists(_active_bridge_to_host()))
    return events.filter(
        Q(host_circle_id__in=mine)
        | (Q(openness=Openness.BRIDGED) & Exists(chosen_and_bridged))
        | Q(openness=Openness.ALL)
    )


def _eligible_from_ids(user: AnyUser) -> Q:
    """The rule of ``eligible_events`` from the viewer's circles and bridges read once per
    page view (ids, no nested subqueries: building and compiling those cost ~2.5 ms of
    CPU each time a page asked): a bridged event is joinable when one of the circles it
    chose is mine and bridged with its host."""
    mine, groups = eligible_ids(user)
    return eligible_rule(mine, groups)


def eligible_ids(user: AnyUser) -> tuple[list[int], list[tuple[list[int], list[int]]]]:
    """(my admitted circles, [(hosts, guests)]): the circles bridged with mine grouped by
    which of mine they are bridged with, each group's hosts and guests sorted, the groups
    in a fixed order; what `eligible_rule` reads."""
    mine, _bridged = reachable_circle_ids(user)
    hosts_by_guests: dict[frozenset[int], list[int]] = {}
    for host, guests in bridge_partners(user).items():
        hosts_by_guests.setdefault(guests, []).append(host)
    groups = sorted((sorted(hosts), sorted(guests)) for guests, hosts in hosts_by_guests.items())
    return sorted(mine), groups


def eligible_rule(
    mine: Collection[int], groups: Iterable[tuple[Collection[int], Collection[int]]]
) -> Q:
    """Events of one of ``mine``, open to all, or bridged and having chosen one of a
    group's guests (circles of mine) while hosted by one of its hosts (bridged with them)."""
    rule = Q(host_circle_id__in=mine) | Q(openness=Openness.ALL)
    chose = Event.open_to.through.objects
    for hosts, guests in groups:
        rule |= Q(
            Q(openness=Openness.BRIDGED),
            Q(host_circle_id__in=hosts),
            Exists(chose.filter(event_id=OuterRef("pk"), circle_id__in=guests)),
        )
    return rule


def visible_events(user: AnyUser) -> QuerySet[Event]:
    """Events ``user`` may see: those they may join, and all of them for operators."""
    if user.is_authenticated and user.is_staff:
        return Event.objects.all()
    return eligible_events(user)


def may_register(user: AnyUser, event: Event) -> bool:
    return eligible_events(user).filter(pk=event.pk).exists()


def registrable_user_ids(users: Iterable[AnyUser], event: Event) -> set[int]:
    """The ids of ``users`` whom the rule of ``eligible_events`` lets join ``event`` (what
    ``may_register`` says of each), in one query at most, whatever their number: the
    admitted members of the host, and of the guest circles it chose while their bridge
    to the host is active; everyone for an event open to all."""
    ids = [user.pk for user in users if user.is_authenticated]
    if event.openness == Openness.ALL:
        return set(ids)
    circles = Q(circle_id=event.host_circle_id)
    if event.openness == Openness.BRIDGED:
        host = event.host_circle_id
        bridged = Bridge.objects.filter(state=BridgeState.ACTIVE).filter(
            Q(from_circle_id=OuterRef("circle_id"), to_circle_id=host)
            | Q(to_circle_id=OuterRef("circle_id"), from_circle_id=host)
        )
        guests = Event.open_to.through.objects.filter(event_id=event.pk).filter(Exists(bridged))
        circles |= Q(circle_id__in=guests.values("circle_id"))
    admitted = Membership.objects.admitted().filter(circles, user_id__in=ids)
    return set(admitted.values_list("user_id", flat=True))


def may_register_seen(user: AnyUser, event: Event) -> bool:
    """``may_register`` for an event read through ``visible_events(user)``: everyone but
    operators sees only the events they may join, so only an operator's is asked."""
    if user.is_authenticated and not user.is_staff:
        return True
    return may_register(user, event)


def may_create_in(user: AnyUser, circle: Circle) -> bool:
    """Events of a circle are created by its admins (and platform operators)."""
    return is_circle_admin(user, circle)


def may_manage(user: AnyUser, event: Event) -> bool:
    """Changing, cancelling an event, pointing and unregistering its participants."""
    return is_circle_admin(user, event.host_circle)


def get_event_for_user(user: AnyUser, event_id: int) -> Event:
    return get_object_or_404(visible_events(user).select_related("host_circle"), pk=event_id)


def get_event_for_admin(user: AnyUser, event_id: int) -> Event:
    """An event of a circle this user administers; anything else is a 404."""
    event = get_event_for_user(user, event_id)
    if not may_manage(user, event):
        raise Http404
    return event
