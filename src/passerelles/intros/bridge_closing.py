"""What closing a bridge closes: directory visibility, open events, pending introductions.

Shown before an organiser confirms, and applied to introductions once the bridge closes
(``circles.signals.bridge_closed``): an open round suggestion that only this bridge
allowed (one side chose "my circles and bridged circles", the two share no circle and no
other bridge joins them) closes without follow-up, as if it had expired.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from passerelles.circles.models import Bridge, BridgeState, Membership
from passerelles.events.models import Event, Openness
from passerelles.intros.models import OPEN_STATUSES, Introduction, Origin, Preference, Scope, Status
from passerelles.members.models import Profile, Visibility


@dataclass
class Closing:
    hidden_profiles: int  # members whose profile only the bridge showed across
    events: list[Event]  # upcoming events of one circle open to the other
    introductions: list[Introduction]  # open suggestions only this bridge allowed


def _members(circle_id: int) -> set[int]:
    return set(
        Membership.objects.admitted().filter(circle_id=circle_id).values_list("user_id", flat=True)
    )


def _circles_of(user_ids) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for user_id, circle_id in (
        Membership.objects.admitted()
        .filter(user_id__in=user_ids)
        .values_list("user_id", "circle_id")
    ):
        out.setdefault(user_id, set()).add(circle_id)
    return out


def _reach_without(circles: set[int], bridge: Bridge) -> set[int]:
    """Circles bridged with ``circles`` once ``bridge`` is gone."""
    others = Bridge.objects.filter(state=BridgeState.ACTIVE).exclude(pk=bridge.pk)
    reached = set()
    for a, b in others.filter(
        Q(from_circle_id__in=circles) | Q(to_circle_id__in=circles)
    ).values_list("from_circle_id", "to_circle_id"):
        reached |= {a, b}
    return reached - circles


def closing(bridge: Bridge) -> Closing:
    ours, theirs = _members(bridge.from_circle_id), _members(bridge.to_circle_id)
    only = (ours - theirs) | (theirs - ours)
    hidden = Profile.objects.filter(user_id__in=only, visibility=Visibility.BRIDGED).count()
    pair = [bridge.from_circle_id, bridge.to_circle_id]
    events = list(
        Event.objects.filter(
            host_circle_id__in=pair,
            open_to__in=pair,
            openness=Openness.BRIDGED,
            starts_at__gt=timezone.now(),
            cancelled_at=None,
        )
        .distinct()
        .order_by("starts_at")
    )
    return Closing(hidden, events, introductions_only_bridged(bridge, ours, theirs))


def introductions_only_bridged(bridge: Bridge, ours=None, theirs=None) -> list[Introduction]:
    ours = _members(bridge.from_circle_id) if ours is None else ours
    theirs = _members(bridge.to_circle_id) if theirs is None else theirs
    a, b = ours - theirs, theirs - ours
    candidates = list(
        Introduction.objects.filter(origin=Origin.ROUND, status__in=OPEN_STATUSES).filter(
            Q(member_a_id__in=a, member_b_id__in=b) | Q(member_a_id__in=b, member_b_id__in=a)
        )
    )
    if not candidates:
        return []
    people = {u for i in candidates for u in (i.member_a_id, i.member_b_id)}
    circles = _circles_of(people)
    scopes = dict(Preference.objects.filter(user_id__in=people).values_list("user_id", "scope"))
    out = []
    for intro in candidates:
        x, y = circles.get(intro.member_a_id, set()), circles.get(intro.member_b_id, set())
        if x & y:
            continue
        across = bool(_reach_without(x, bridge) & y)
        if all(
            scopes.get(u) == Scope.ALL or (scopes.get(u) == Scope.BRIDGED and across)
            for u in (intro.member_a_id, intro.member_b_id)
        ):
            continue
        out.append(intro)
    return out


def close_introductions(sender, bridge: Bridge, **kwargs) -> None:
    """Receiver of ``bridge_closed``: suggestions only this bridge allowed close."""
    ids = [i.pk for i in introductions_only_bridged(bridge)]
    if ids:
        Introduction.objects.filter(pk__in=ids, status__in=OPEN_STATUSES).update(
            status=Status.EXPIRED, closed_at=timezone.now()
        )
