"""Who may see which introduction and whom a member may ask to meet.

One condition per line; anything a user may not see is a 404.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from passerelles.accounts.models import AnyUser, User
from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Membership
from passerelles.intros.models import Decision, Introduction, Origin, Preference, Scope
from passerelles.members.access import visible_pairs, visible_profiles
from passerelles.members.models import Profile, Visibility


def introductions_for(user: AnyUser) -> QuerySet[Introduction]:
    """Introductions ``user`` takes part in. Through "Demander au réseau", the person
    sought through an intermediary sees nothing until the intermediary agreed, and the
    intermediary sees what they were asked to make. A round suggestion has exactly two
    parties: a trusted member on the path between them is only ever a reason."""
    if not user.is_authenticated:
        return Introduction.objects.none()
    asked_through = Q(origin=Origin.ASK) & Q(warm=True)
    return Introduction.objects.filter(
        Q(member_a=user)
        | (Q(member_b=user) & Q(origin=Origin.ROUND))
        | (Q(member_b=user) & Q(intermediary__isnull=True))
        | (Q(member_b=user) & Q(warm=False))
        | (Q(member_b=user) & Q(intermediary_decision=Decision.ACCEPTED))
        | (Q(intermediary=user) & asked_through)
    ).select_related("member_a__profile", "member_b__profile", "intermediary__profile")


def get_introduction_for_user(user: AnyUser, pk: int) -> Introduction:
    return get_object_or_404(introductions_for(user), pk=pk)


def _members_of(circle_ids: Iterable[int]) -> QuerySet[Membership, Any]:
    return Membership.objects.admitted().filter(circle_id__in=circle_ids).values("user_id")


_UNREAD: Any = object()


def asker_audience(user: User, own: str | None) -> set[int] | None:
    """Ids of the members who may see ``user``'s profile, ``own`` being its visibility
    (None: no profile): the members of their circles (and of the bridged ones when
    ``own`` is "bridged"); None when it is visible to all. Read as ids (a few hundred):
    a query filtered by them starts from them by index, where a subquery may lead the
    planner to scan every profile."""
    return _audience(*reachable_circle_ids(user), own)


def _audience(mine: set[int], bridged: set[int], own: str | None) -> set[int] | None:
    if own == Visibility.ALL:
        return None
    circles = mine | bridged if own == Visibility.BRIDGED else mine
    return set(_members_of(circles).values_list("user_id", flat=True))


def introducible_profiles(
    user: User, own: str | None = _UNREAD, audience: set[int] | None = _UNREAD
) -> QuerySet[Profile]:
    """Profiles ``user`` may ask to meet: visible to them, consenting, with ``user`` inside
    their chosen scope and allowed to see ``user``; never themselves, a blocked member, nor
    anyone ``user`` reported or who reported ``user``.

    One query, written for a large site: the members of the asker's circles (and of the
    circles bridged with them) are each read once as a set (``IN``, hashed once by
    PostgreSQL) rather than tested member by member (``EXISTS``), and consent and scope
    are read on the member's own preference row rather than in a subquery over every
    preference. The planner then starts from the few members of the asker's circles when
    the asker's own visibility limits the answers to them, and otherwise reads each
    consenting member once (at 100,000 members: from 1.2 s to about 0.1 s for an asker
    visible to all, see benchmarks/README.md). Tested equal to the rule written with
    `visible_profiles` (tests/intros/test_introducible.py). ``own``: the asker's own
    profile visibility when the caller has just read it (None: no profile); ``audience``:
    `asker_audience` when the caller has just read it, or any part of it (the members
    are then sought among those ids only)."""
    mine, bridged = reachable_circle_ids(user)
    near, reach = _members_of(mine), _members_of(mine | bridged)
    if user.is_staff:
        sees = Q()  # operators see every active profile (`visible_profiles`)
    else:  # the rule of `visible_profiles`, for members other than oneself
        sees = (
            Q(visibility=Visibility.ALL)
            | Q(user_id__in=near)
            | (Q(visibility=Visibility.BRIDGED) & Q(user_id__in=_members_of(bridged)))
        )
    pref = "user__intro_preference__"
    admits_user = Q(**{f"{pref}consent": True}) & (
        Q(**{f"{pref}scope": Scope.ALL})
        | (Q(**{f"{pref}scope": Scope.BRIDGED}) & Q(user_id__in=reach))
        | (Q(**{f"{pref}scope": Scope.CIRCLES}) & Q(user_id__in=near))
    )
    profiles = (
        Profile.objects.filter(user__is_active=True)
        .filter(sees)
        .filter(admits_user)
        .exclude(user=user)
        .exclude(
            user_id__in=Preference.blocked.through.objects.filter(preference__user=user).values(
                "user_id"
            )
        )
        .exclude(user__intro_preference__blocked=user)
        .exclude(user__reports_filed__reported=user)
        .exclude(user__reports_received__reporter=user)
    )
    if audience is _UNREAD:
        if own is _UNREAD:
            own = Profile.objects.filter(user=user).values_list("visibility", flat=True).first()
        audience = _audience(mine, bridged, own)
    if audience is not None:  # only members of the circles that may see the asker
        profiles = profiles.filter(user_id__in=sorted(audience))
    return profiles


def blockable_profiles(user: AnyUser) -> QuerySet[Profile]:
    """Profiles ``user`` may ask never to be proposed again: those they may see, and the
    other side of any introduction they were shown (a round may propose someone whose
    profile is hidden from them, with that person's consent)."""
    shown = introductions_for(user)
    return Profile.objects.filter(
        Q(pk__in=visible_profiles(user).values("pk"))
        | Q(user_id__in=shown.values("member_a_id"))
        | Q(user_id__in=shown.values("member_b_id"))
    )


def may_request(user: AnyUser) -> bool:
    """Asking for an introduction shares one's contact on acceptance: consent first."""
    if not user.is_authenticated:
        return False
    return Preference.objects.filter(user=user, consent=True).exists()


def may_introduce(intermediary: User | None, target: User | int) -> bool:
    """Whether ``intermediary`` may be asked to present someone to ``target``: they
    consented to introductions themselves and may see ``target``'s profile."""
    if intermediary is None or not intermediary.is_active:
        return False
    return (
        may_request(intermediary)
        and visible_profiles(intermediary).filter(user_id=getattr(target, "pk", target)).exists()
    )


def introducing_pairs(pairs: Iterable[tuple[User | None, int]]) -> set[tuple[int, int]]:
    """(intermediary id, target id) of the ``pairs`` for which `may_introduce` holds, in
    a fixed number of queries whatever their number."""
    active = [(i, t) for i, t in pairs if i is not None and i.is_active]
    if not active:
        return set()
    consenting = set(
        Preference.objects.filter(user_id__in={i.pk for i, _t in active}, consent=True).values_list(
            "user_id", flat=True
        )
    )
    asked = [(i, t) for i, t in active if i.pk in consenting]
    seen = visible_pairs({i.pk: i for i, _t in asked}.values(), {t for _i, t in asked})
    return {(i.pk, t) for i, t in asked if (i.pk, t) in seen}


def visible_profiles_by_user_id(user: AnyUser, user_ids: Iterable[int]) -> dict[int, Profile]:
    """{user id: profile} for those of ``user_ids`` whose profile ``user`` may see."""
    profiles = visible_profiles(user).filter(user_id__in=list(user_ids)).select_related("user")
    return {p.user_id: p for p in profiles}
