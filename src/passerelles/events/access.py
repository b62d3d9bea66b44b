"""Who may see, join and run which event: one condition per line, tested as a matrix.

An event someone may not see is a 404. Registering follows the openness chosen by the
organiser; seeing follows it too, and a seat or a waitlist place taken through one of
one's circles keeps its event in sight while one belongs to that circle: closing a
bridge (or the organiser dropping a guest circle) stops new registrations from the other
circle, those taken stay valid, so their holders must still find the date, the calendar
and the button that frees the seat; someone who left or was removed from the circle they
came through no longer sees it. Platform operators see everything but register only
where the rule lets them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

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
from passerelles.events.models import Event, Openness, Registration, RegistrationStatus

HELD = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)  # a place one holds


def _bridged_with(host_id: int, circle_ref: OuterRef) -> QuerySet[Bridge]:
    """Subquery: an active bridge joins the circle ``circle_ref`` and the host."""
    return Bridge.objects.filter(state=BridgeState.ACTIVE).filter(
        Q(from_circle_id=circle_ref, to_circle_id=host_id)
        | Q(to_circle_id=circle_ref, from_circle_id=host_id)
    )


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
    if not user.is_authenticated:
        return Event.objects.none()
    return Event.objects.filter(_eligible(user))


def _eligible(user: AnyUser) -> Q:
    """The rule of ``eligible_events`` for an authenticated ``user``."""
    if in_page_view():
        return _eligible_from_ids(user)
    mine = admitted_circle_ids(user)
    chosen_and_bridged = Event.open_to.through.objects.filter(
        event_id=OuterRef("pk"), circle_id__in=mine
    ).filter(Exists(_active_bridge_to_host()))
    return (
        Q(host_circle_id__in=mine)
        | (Q(openness=Openness.BRIDGED) & Exists(chosen_and_bridged))
        | Q(openness=Openness.ALL)
    )


def held_event_ids(user_id: int) -> QuerySet[Registration, Any]:
    """Subquery: the events where this person holds a seat or a waitlist place."""
    return Registration.objects.filter(user_id=user_id, status__in=HELD).values("event_id")


def _held_through_my_circles(user_id: int) -> Q:
    """Events where this person holds a place taken through a circle they still belong
    to, whatever became since of the bridge that let them register."""
    admitted = Membership.objects.admitted().filter(
        user_id=user_id, circle_id=OuterRef("circle_id")
    )
    return Q(pk__in=held_event_ids(user_id).filter(Exists(admitted)))


def seen_rule(
    user_id: int,
    mine: Collection[int],
    groups: Iterable[tuple[Collection[int], Collection[int]]],
) -> Q:
    """What a member (not an operator) sees: the events `eligible_rule` lets them join,
    and those where they hold a place taken through a circle they belong to."""
    return eligible_rule(mine, groups) | _held_through_my_circles(user_id)


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
    """Events ``user`` may see:

    - all of them for operators;
    - those they may join (``eligible_events``);
    - those where they hold a seat or a waitlist place taken through one of their
      circles, even once the bridge that let them register has closed.
    """
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_staff:
        return Event.objects.all()
    return member_events(user)


def member_events(user: AnyUser) -> QuerySet[Event]:
    """Events ``user`` is one of the people of (no operator bypass): those they may join
    (``eligible_events``) and those where they hold a seat or a waitlist place taken
    through one of their circles, even once the bridge that let them register has
    closed. What a member sees; who may comment on an event."""
    if not user.is_authenticated:
        return Event.objects.none()
    if in_page_view():
        return Event.objects.filter(seen_rule(user.pk, *eligible_ids(user)))
    return Event.objects.filter(_eligible(user) | _held_through_my_circles(user.pk))


def takes_part_seen(user: AnyUser, event: Event) -> bool:
    """Whether ``user``, who sees ``event`` (read through ``visible_events``), is one of
    its people (``member_events``) rather than an operator looking on: a member who sees
    an event always is, so only operators are asked."""
    if user.is_authenticated and not user.is_staff:
        return True
    return member_events(user).filter(pk=event.pk).exists()


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
        bridged = _bridged_with(event.host_circle_id, OuterRef("circle_id"))
        guests = Event.open_to.through.objects.filter(event_id=event.pk).filter(Exists(bridged))
        circles |= Q(circle_id__in=guests.values("circle_id"))
    admitted = Membership.objects.admitted().filter(circles, user_id__in=ids)
    return set(admitted.values_list("user_id", flat=True))


def may_register_seen(user: AnyUser, event: Event, registration: Registration | None) -> bool:
    """``may_register`` for an event read through ``visible_events(user)``, ``registration``
    being theirs (or None): a member holding no place there sees it only if they may
    join it, so only operators and holders of a place are asked."""
    holds = registration is not None and registration.status in HELD
    if user.is_authenticated and not user.is_staff and not holds:
        return True
    return may_register(user, event)


def bridged_guests(event: Event) -> QuerySet[Circle]:
    """The circles ``event`` chose that are still bridged with its host: those whose
    members may register, which « Ouvert à » names."""
    return event.open_to.filter(Exists(_bridged_with(event.host_circle_id, OuterRef("pk"))))


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
