"""Who may see and manage which circle: one condition per line, tested as a matrix.

Every view reaches circles through these helpers; an object a user may not see is a 404.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from passerelles.accounts.models import AnyUser
from passerelles.circles.models import (
    ADMIN_ROLES,
    Bridge,
    BridgeState,
    Circle,
    Membership,
    MembershipState,
    Role,
)
from passerelles.core.access import is_operator
from passerelles.core.request_memo import in_page_view, memoized
from passerelles.core.statements import Statement

VISIBLE_MEMBERSHIP_STATES = (
    MembershipState.INVITED,
    MembershipState.PENDING,
    MembershipState.ADMITTED,
)


def admitted_circle_ids(user: AnyUser) -> QuerySet[Membership, Any]:
    """Ids of the circles where ``user`` is an admitted member (a subquery)."""
    if not user.is_authenticated:
        return Membership.objects.none().values("circle_id")
    return Membership.objects.admitted().filter(user=user).values("circle_id")


def bridged_circle_ids(circle_ids: Iterable[int]) -> set[int]:
    """Ids of the circles bridged (active bridge) with any of ``circle_ids``."""
    bridges = Bridge.objects.filter(state=BridgeState.ACTIVE).filter(
        Q(from_circle_id__in=circle_ids) | Q(to_circle_id__in=circle_ids)
    )
    ids: set[int] = set()
    wanted = set(circle_ids)
    for from_id, to_id in bridges.values_list("from_circle_id", "to_circle_id"):
        if from_id in wanted:
            ids.add(to_id)
        if to_id in wanted:
            ids.add(from_id)
    return ids - wanted


# The two reads every page view makes about its viewer, compiled once per process
# (core.statements): 0.9 -> 0.3 ms of CPU a page view (benchmarks/README.md).
_standing_rows = Statement(
    lambda user_id: Membership.objects.filter(
        user_id=user_id, state__in=VISIBLE_MEMBERSHIP_STATES
    ).values_list("circle_id", "state", "role")
)
_bridge_rows = Statement(
    lambda circle_ids: (
        Bridge.objects.filter(state=BridgeState.ACTIVE)
        .filter(Q(from_circle_id__in=circle_ids) | Q(to_circle_id__in=circle_ids))
        .values_list("from_circle_id", "to_circle_id")
    )
)


def circle_standing(user: AnyUser) -> dict[int, tuple[str, str]]:
    """{circle id: (state, role)} of ``user``'s memberships that let them see the circle
    (invited, pending, admitted); read once per page view (``core.request_memo``), in one
    query: the visibility rules, `is_circle_admin` and `is_circle_member` of a page all
    answer from it."""
    if not user.is_authenticated:
        return {}

    def read() -> dict[int, tuple[str, str]]:
        return {c: (state, role) for c, state, role in _standing_rows(user.pk)}

    return dict(memoized(("circle_standing", user.pk), read))


def _reach(user: AnyUser) -> tuple[frozenset[int], dict[int, frozenset[int]]]:
    """(my admitted circles, {circle bridged with one of them: those of mine it is
    bridged with}); read once per page view (``core.request_memo``)."""
    if not user.is_authenticated:
        return frozenset(), {}

    def read() -> tuple[frozenset[int], dict[int, frozenset[int]]]:
        standing = circle_standing(user)
        mine = {c for c, (state, _role) in standing.items() if state == MembershipState.ADMITTED}
        return _reach_from(mine, _bridge_rows(mine))

    return memoized(("reach", user.pk), read)


def _reach_from(
    mine: Iterable[int], bridges: Iterable[tuple[int, int]]
) -> tuple[frozenset[int], dict[int, frozenset[int]]]:
    """``_reach`` from one's admitted circles and the (from, to) ids of the active bridges
    touching them."""
    mine = frozenset(mine)
    partners: dict[int, set[int]] = {}
    for from_id, to_id in bridges:
        if from_id in mine:
            partners.setdefault(to_id, set()).add(from_id)
        if to_id in mine:
            partners.setdefault(from_id, set()).add(to_id)
    return mine, {other: frozenset(own) for other, own in partners.items()}


def remember_circles(
    user: AnyUser,
    memberships: Iterable[tuple[int, str, str]],
    bridges: Iterable[tuple[int, int]],
) -> None:
    """For a page view that read them itself (the member's home, with the circles' names
    and counts): ``user``'s memberships, (circle id, state, role) of every one whatever its
    state, and the (from, to) ids of the active bridges touching their admitted circles
    (all of them). The page's visibility rules then answer from these instead of reading
    them again; outside a page view nothing is kept."""
    if not user.is_authenticated or not in_page_view():
        return
    standing = {
        circle: (state, role)
        for circle, state, role in memberships
        if state in VISIBLE_MEMBERSHIP_STATES
    }
    memoized(("circle_standing", user.pk), lambda: standing)
    mine = [c for c, (state, _role) in standing.items() if state == MembershipState.ADMITTED]
    pairs = list(bridges)
    memoized(("reach", user.pk), lambda: _reach_from(mine, pairs))


def bridge_partners(user: AnyUser) -> dict[int, frozenset[int]]:
    """{circle bridged (active bridge) with one of ``user``'s admitted circles: those of
    theirs it is bridged with}; read once per page view."""
    return dict(_reach(user)[1])


def reachable_circle_ids(user: AnyUser) -> tuple[set[int], set[int]]:
    """(my admitted circles, circles bridged with them but not mine); read once per page
    view (``core.request_memo``): the visibility rules and filters of a page all need it."""
    mine, partners = _reach(user)
    return set(mine), set(partners) - mine


def seen_circle_ids(user: AnyUser) -> set[int]:
    """Circles ``user`` sees whether listed or not: those they are invited to, asked to
    join or belong to, and those bridged with their own (a signed-in member)."""
    _mine, bridged = reachable_circle_ids(user)
    return set(circle_standing(user)) | bridged


def visible_circles(user: AnyUser) -> QuerySet[Circle]:
    """Circles this user may see: listed ones, their own (invited, pending or admitted),
    and those bridged with theirs. Their own and bridged ones are read once per page view
    and passed as ids, not as a subquery run for each circle."""
    circles = Circle.objects.all()
    if is_operator(user):
        return circles
    if not user.is_authenticated:
        return circles.filter(listed=True)
    return seen_by_member(sorted(seen_circle_ids(user)))


def seen_by_member(seen: Iterable[int]) -> QuerySet[Circle]:
    """The circles a signed-in member (not an operator) may see, given ``seen``, the ids
    of their own circles and of those bridged with them (`seen_circle_ids`): the rule of
    `visible_circles`, also built by the statements compiled once per process that read
    circles for a member (circles.queries), so that both follow this one condition."""
    return Circle.objects.filter(Q(listed=True) | Q(pk__in=seen))


def visible_circle_ids(user: AnyUser, among: set[int]) -> set[int]:
    """Those of ``among`` that `visible_circles` lets ``user`` see. One's own circles and
    those bridged with them are visible by that rule and already read for the page view:
    only the others are asked of the database (are they listed?), if any."""
    if not among:
        return set()
    if is_operator(user):
        return set(among)
    known: set[int] = set()
    if user.is_authenticated:
        known = among & seen_circle_ids(user)
    rest = among - known
    if not rest:
        return known
    return known | set(visible_circles(user).filter(pk__in=rest).values_list("pk", flat=True))


def visible_partner_ids(user: AnyUser, circle: Circle) -> set[int]:
    """Circles with an active bridge to ``circle`` that ``user`` may see: a private partner
    stays unnamed to anyone it is hidden from."""
    others = bridged_circle_ids([circle.pk])
    return set(visible_circles(user).filter(pk__in=others).values_list("pk", flat=True))


def get_circle_for_user(user: AnyUser, slug: str) -> Circle:
    return get_object_or_404(visible_circles(user), slug=slug)


# A member's membership of a circle (the circle page, its API, its members), compiled once
# per process (core.statements).
_membership = Statement(
    lambda user_id, circle_id: Membership.objects.filter(
        user_id=user_id, circle_id=circle_id
    ).order_by("pk")
)


def membership_of(user: AnyUser, circle: Circle) -> Membership | None:
    if not user.is_authenticated:
        return None
    rows = _membership.window(user.pk, circle.pk, offset=0, limit=1)
    return rows[0] if rows else None


def is_circle_admin(user: AnyUser, circle: Circle) -> bool:
    if not user.is_authenticated:
        return False
    if is_operator(user):
        return True
    state, role = circle_standing(user).get(circle.pk, ("", ""))
    return state == MembershipState.ADMITTED and role in ADMIN_ROLES


def is_circle_member(user: AnyUser, circle: Circle) -> bool:
    if not user.is_authenticated:
        return False
    state, _role = circle_standing(user).get(circle.pk, ("", ""))
    return state == MembershipState.ADMITTED


def can_see_members(user: AnyUser, circle: Circle) -> bool:
    """The member list of a circle is for its members, bridged members and operators."""
    if not user.is_authenticated:
        return False
    if is_operator(user):
        return True
    mine, bridged = reachable_circle_ids(user)
    return circle.pk in mine or circle.pk in bridged


def get_circle_for_admin(user: AnyUser, slug: str) -> Circle:
    """A circle this user administers; anything else is a 404."""
    circle = get_circle_for_user(user, slug)
    if not is_circle_admin(user, circle):
        from django.http import Http404

        raise Http404
    return circle


def may_recognise_circles(user: AnyUser | None) -> bool:
    """Recognise a circle for the platform, or withdraw it (its verified members and admins
    then seed reputation): platform operators only, never a circle's own admins."""
    return user is not None and is_operator(user)


def get_circle_for_operator(user: AnyUser, slug: str) -> Circle:
    """Any circle, for a platform operator; anyone else gets a 404."""
    if not may_recognise_circles(user):
        from django.http import Http404

        raise Http404
    return get_object_or_404(Circle, slug=slug)


_people_filter: Callable[[Any], QuerySet[Any]] | None = None


def register_people_filter(visible_profiles: Callable[[Any], QuerySet[Any]]) -> None:
    """Which profiles a viewer may see is the members domain's rule; it registers it here
    at start-up (``members.apps``), so that circles needs not import members."""
    global _people_filter
    _people_filter = visible_profiles


def visible_members(user: AnyUser, memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """``memberships`` narrowed to the people whose profile ``user`` may see."""
    if _people_filter is None:
        return memberships.none()
    return memberships.filter(user__profile__in=_people_filter(user))


def is_owner(membership: Membership | None) -> bool:
    """The admitted member responsible for the circle (one per circle)."""
    return (
        membership is not None
        and membership.state == MembershipState.ADMITTED
        and membership.role == Role.OWNER
    )


def may_manage_members(user: AnyUser | None, circle: Circle) -> bool:
    """Admit, decline, remove, change roles, invite: the circle's owner and admins, and
    operators."""
    return user is not None and is_circle_admin(user, circle)


def may_transfer_ownership(user: AnyUser | None, circle: Circle) -> bool:
    """Hand the circle to another member: its owner, or an operator."""
    if user is None or not user.is_authenticated:
        return False
    return is_operator(user) or is_owner(membership_of(user, circle))


def may_manage_admins(user: AnyUser, circle: Circle) -> bool:
    """Name, demote or remove the circle's admins: its owner, or an operator (an admin
    manages members and moderators, not the other admins)."""
    return may_transfer_ownership(user, circle)


def may_read_log(user: AnyUser, circle: Circle) -> bool:
    """The circle's log (admissions, removals, roles, bridges): its admins, operators."""
    return is_circle_admin(user, circle)


def may_read_whole_log(user: AnyUser) -> bool:
    """Every circle's log at once: operators only."""
    return is_operator(user)


def administered_circles(user: AnyUser) -> QuerySet[Circle]:
    """Circles where ``user`` is an admitted owner or admin (none: no query at all)."""
    if not user.is_authenticated:
        return Circle.objects.none()
    ids = [
        c
        for c, (state, role) in circle_standing(user).items()
        if state == MembershipState.ADMITTED and role in ADMIN_ROLES
    ]
    return Circle.objects.filter(pk__in=sorted(ids))
