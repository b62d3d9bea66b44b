"""Which profiles a user may see, enforced in querysets (never in templates)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from django.db import connections
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.lookups import Exact
from django.shortcuts import get_object_or_404

from passerelles.accounts.models import AnyUser, User
from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Bridge, BridgeState, Membership
from passerelles.core.statements import Statement, StatementRows
from passerelles.members.everyone import seen_by_everyone
from passerelles.members.models import Profile, Visibility


def visible_profiles(user: AnyUser) -> QuerySet[Profile]:
    """Profiles ``user`` may see, each at most once.

    - their own;
    - members of their circles (any visibility);
    - members of bridged circles whose visibility is "bridged" or "all";
    - anyone whose visibility is "all" (for signed-in members);
    - everyone, for platform operators.
    """
    profiles = Profile.objects.filter(user__is_active=True)
    if not user.is_authenticated:
        return profiles.none()
    if user.is_staff:
        return profiles
    mine, bridged = reachable_circle_ids(user)
    return profiles.filter(_seen_by(user.pk, mine, bridged))


def _seen_by(user_id: int, mine: Collection[int], bridged: Collection[int]) -> Q:
    """The rule of `visible_profiles` for a member (not an operator) whose admitted circles
    are ``mine`` and the circles bridged with them ``bridged``.

    Both circle conditions are asked of the profile's memberships in one ``EXISTS``: one
    index probe per profile that is neither the viewer's nor seen by all, where an
    ``EXISTS`` each probed twice (the directory's page 5 at 100,000 members, timed by hand
    in psql: 3.3-3.6 ms against 3.9-4.7 ms; ``IN (subquery)`` is planned as a sort of every
    visible profile, 116-142 ms; ``= ANY(ARRAY(subquery))`` grows with the circles' size)."""
    shown_to_bridges = Exact(OuterRef("visibility"), Value(Visibility.BRIDGED.value))
    in_circles_seen = Membership.objects.admitted().filter(
        Q(circle_id__in=mine) | (Q(circle_id__in=bridged) & shown_to_bridges),
        user=OuterRef("user_id"),
    )
    return Q(user_id=user_id) | Q(visibility=Visibility.ALL) | Q(Exists(in_circles_seen))


BY_NAME = ("user__last_name", "user__first_name", "pk")

# The directory's rows without filters (the directory, its API) and a circle's member
# list (its API), read through statements compiled once per process (core.statements):
# the rule's two EXISTS were built and compiled twice a page (capped count and page),
# ~4 ms of CPU a page view at 100,000 members (benchmarks/README.md).
_directory = Statement(
    lambda user_id, mine, bridged: (
        Profile.objects.filter(user__is_active=True)
        .filter(_seen_by(user_id, mine, bridged))
        .select_related("user")
        .order_by(*BY_NAME)
    )
)
_circle_people = Statement(
    lambda user_id, mine, bridged, circle_id: (
        Profile.objects.filter(user__is_active=True)
        .filter(_seen_by(user_id, mine, bridged))
        .filter(
            user_id__in=Membership.objects.admitted().filter(circle_id=circle_id).values("user_id")
        )
        .select_related("user")
        .order_by(*BY_NAME)
    )
)


_seen_among = Statement(
    lambda user_id, mine, bridged, among: (
        Profile.objects.filter(user__is_active=True)
        .filter(_seen_by(user_id, mine, bridged))
        .filter(user_id__in=among)
        .values_list("user_id")
    )
)


def visible_user_ids(user: AnyUser, among: Collection[int]) -> set[int]:
    """Those of the users ``among`` whose profile ``user`` may see (`visible_profiles`)."""
    if not among or not user.is_authenticated:
        return set()
    if user.is_staff:
        seen = visible_profiles(user).filter(user_id__in=among)
        return set(seen.values_list("user_id", flat=True))
    mine, bridged = reachable_circle_ids(user)
    return {user_id for (user_id,) in _seen_among(user.pk, mine, bridged, among)}


# A page of the directory for a member, read in two parts: the profiles seen by all, in
# name order from the index of their visibility and names (``Profile.sort_last_name``:
# the account's names, copied by the database), and the others one sees (one's circles',
# the bridged circles' when shown to bridges, one's own), found from the circles'
# memberships; each part no further than the page's end, the page cut from both. Walking
# the accounts in name order and keeping the profiles one sees read ~810 of them to show
# page 5 (120 rows) at 100,000 members, 16 % of profiles being seen by all.
DIRECTORY_KEY = ("sort_last_name", "sort_first_name", "id")  # BY_NAME, on the profile's row
# Rows before a page's end where the single walk is kept: on the first page it reads
# about as much (its 24 rows among the first ~150 accounts), without the circles' part.
_SHALLOWEST, _DEEPEST = 32, 4096
# The circles' part reads every admitted membership of one's circles and bridged circles
# (~36 µs each at 100,000 members), the walk ~0.2 ms per row before the page's end, and
# less when one's circles are large (more of the accounts walked are seen): the two parts
# are read while those memberships number no more than this many per row of the depth,
# counted first (one query more, no further than that bound). Circles of 5,000-15,000
# members at 100,000: page 5 by the walk 13-17 ms, by the two parts 190-440 ms.
MEMBERSHIPS_PER_ROW = 4


def _first_seen(
    user_id: int, mine: list[int], bridged: list[int], depth: int
) -> QuerySet[Profile, Any]:
    """The ids (with their keys) of the first ``depth`` profiles `_seen_by` the member in
    the directory's order; each part reads ``depth`` rows at most."""
    active = Profile.objects.filter(user__is_active=True).values_list(*DIRECTORY_KEY)
    others = active.exclude(visibility=Visibility.ALL)
    if mine:  # one's own profile is among one's circles' members
        theirs = Membership.objects.admitted().filter(circle_id__in=[*mine, *bridged])
        others = others.filter(user_id__in=theirs.values("user_id"))
        others = others.filter(_seen_by(user_id, mine, bridged))
    else:
        others = others.filter(user_id=user_id)
    parts = [active.filter(visibility=Visibility.ALL), others]
    if connections[parts[0].db].features.supports_slicing_ordering_in_compound:
        parts = [part.order_by(*DIRECTORY_KEY)[:depth] for part in parts]
    # (SQLite: each part whole, its compound statements taking no LIMIT of their own)
    return parts[0].union(*parts[1:], all=True).order_by(*DIRECTORY_KEY)


_first_seen_by_depth: dict[int, Statement] = {}
_page_profiles = Statement(
    lambda ids: Profile.objects.filter(pk__in=ids).select_related("user").order_by(*BY_NAME),
    pad=False,
)


def _crowded(mine: Collection[int], bridged: Collection[int], depth: int) -> bool:
    """Whether one's circles and bridged circles hold more admitted memberships than the
    two parts should read for ``depth`` rows (counted no further than that bound)."""
    bound = int(depth * MEMBERSHIPS_PER_ROW)
    if not mine:  # one's own profile alone
        return False
    theirs = Membership.objects.admitted().filter(circle_id__in=[*mine, *bridged])
    return theirs.values("pk")[: bound + 1].count() > bound


def _directory_page(
    user_id: int, mine: Collection[int], bridged: Collection[int], start: int, stop: int
) -> list[Profile]:
    """`directory_rows`' ``[start:stop]`` for a member."""
    depth = 1 << max(5, (stop - 1).bit_length())  # compiled for 32, 64, … rows
    if depth <= _SHALLOWEST or depth > _DEEPEST or _crowded(mine, bridged, depth):
        return _directory.window(user_id, mine, bridged, offset=start, limit=stop - start)
    statement = _first_seen_by_depth.get(depth)
    if statement is None:
        statement = _first_seen_by_depth[depth] = Statement(
            lambda user_id, mine, bridged: _first_seen(user_id, mine, bridged, depth)
        )
    window = statement.window(user_id, mine, bridged, offset=start, limit=stop - start)
    ids = [row[-1] for row in window]  # (names, id)
    return _page_profiles(ids) if ids else []


class _DirectoryRows(StatementRows):
    """The directory's rows for a member: a page read by `_directory_page`, counted as
    the statement counts them, unless the profiles every member sees reach the count's
    limit alone (members.everyone)."""

    def __getitem__(self, index: slice) -> list[Any]:
        start, stop = self.bounds(index)
        if stop <= start:
            return []
        user_id, mine, bridged = self.args
        return _directory_page(user_id, mine, bridged, start, stop)  # type: ignore[arg-type]  # the rule's arguments

    def count_upto(self, limit: int) -> int:
        floor = seen_by_everyone(limit)
        if floor is not None and floor >= limit:
            return limit
        return super().count_upto(limit)


def directory_rows(user: AnyUser) -> QuerySet[Profile] | StatementRows:
    """`visible_profiles(user)` with their users, by name: what the directory lists when
    no filter is chosen, sliced and counted (``core.pagination``) as a queryset is."""
    if not user.is_authenticated or user.is_staff:
        return visible_profiles(user).select_related("user").order_by(*BY_NAME)
    mine, bridged = reachable_circle_ids(user)
    return _DirectoryRows(_directory, (user.pk, mine, bridged))


def circle_people_rows(user: AnyUser, circle_id: int) -> QuerySet[Profile] | StatementRows:
    """The admitted members of a circle whose profile ``user`` may see, with their users,
    by name (the circle's member list, for those `can_see_members` lets read it)."""
    if not user.is_authenticated or user.is_staff:
        admitted = Membership.objects.admitted().filter(circle_id=circle_id).values("user_id")
        return (
            visible_profiles(user)
            .filter(user_id__in=admitted)
            .select_related("user")
            .order_by(*BY_NAME)
        )
    mine, bridged = reachable_circle_ids(user)
    return _circle_people.rows(user.pk, mine, bridged, circle_id)


def visible_pairs(viewers: Iterable[User], user_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(viewer id, user id) for each of ``user_ids`` whose profile a viewer may see: the
    rule of `visible_profiles` for many viewers at once, in three queries whatever their
    number (memberships, bridges, profiles), for pages that ask it of each of a list."""
    viewers = [v for v in viewers if v.is_authenticated]
    targets = set(user_ids)
    if not viewers or not targets:
        return set()
    shown = dict(
        Profile.objects.filter(user_id__in=targets, user__is_active=True).values_list(
            "user_id", "visibility"
        )
    )
    circles: defaultdict[int, set[int]] = defaultdict(set)
    people = {v.pk for v in viewers} | set(shown)
    for user_id, circle_id in (
        Membership.objects.admitted().filter(user_id__in=people).values_list("user_id", "circle_id")
    ):
        circles[user_id].add(circle_id)
    theirs = set().union(*(circles[v.pk] for v in viewers))
    links: defaultdict[int, set[int]] = defaultdict(set)
    for a, b in (
        Bridge.objects.filter(state=BridgeState.ACTIVE)
        .filter(Q(from_circle_id__in=theirs) | Q(to_circle_id__in=theirs))
        .values_list("from_circle_id", "to_circle_id")
    ):
        links[a].add(b)
        links[b].add(a)
    pairs = set()
    for viewer in viewers:
        mine = circles[viewer.pk]
        bridged = set().union(*(links[c] for c in mine)) - mine
        for user_id, visibility in shown.items():
            if (
                viewer.is_staff
                or user_id == viewer.pk
                or visibility == Visibility.ALL
                or circles[user_id] & mine
                or (visibility == Visibility.BRIDGED and circles[user_id] & bridged)
            ):
                pairs.add((viewer.pk, user_id))
    return pairs


def get_profile_for_user(user: AnyUser, profile_id: int) -> Profile:
    return get_object_or_404(visible_profiles(user).select_related("user"), pk=profile_id)
