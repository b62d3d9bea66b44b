"""Who may be asked (`access.introducible_profiles`), written for a large site, gives the
same members as the rule written plainly with `visible_profiles` and a subquery over the
consenting preferences, for every member of generated populations, and costs the same
number of queries whatever the number of members."""

import random

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Bridge, BridgeState, Membership, MembershipState
from passerelles.intros import access
from passerelles.intros.models import Preference, Scope
from passerelles.members.access import visible_profiles
from passerelles.members.models import Profile, Visibility
from passerelles.trust.models import Report
from tests.conftest import make_circle, make_user


def rule_as_written(user):
    """The rule as it was first written (the reference): visible to ``user``, consenting,
    ``user`` inside their scope, allowed to see ``user``, not blocked nor reported."""
    mine, bridged = reachable_circle_ids(user)
    near = Membership.objects.admitted().filter(circle_id__in=mine).values("user_id")
    reach = Membership.objects.admitted().filter(circle_id__in=mine | bridged).values("user_id")
    admits_user = Preference.objects.filter(consent=True).filter(
        Q(scope=Scope.ALL)
        | (Q(scope=Scope.BRIDGED) & Q(user_id__in=reach))
        | (Q(scope=Scope.CIRCLES) & Q(user_id__in=near))
    )
    profiles = (
        visible_profiles(user)
        .filter(user_id__in=admits_user.values("user_id"))
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
    own = Profile.objects.filter(user=user).values_list("visibility", flat=True).first()
    if own == Visibility.BRIDGED:
        profiles = profiles.filter(user_id__in=reach)
    elif own != Visibility.ALL:
        profiles = profiles.filter(user_id__in=near)
    return set(profiles.values_list("user_id", flat=True))


def population(seed: int, members: int = 30, circles: int = 5) -> list:
    """Members in a few circles (some in two, some in none, some pending or gone), two
    active bridges and a refused one, every visibility, consent and scope, an operator,
    inactive accounts, blocks both ways and reports both ways."""
    rng = random.Random(seed)
    owner = make_user(f"owner{seed}@example.org", "Owner", "Cercles")
    rings = [make_circle(owner, f"Cercle {seed}-{c}") for c in range(circles)]
    now = timezone.now()
    for a, b, state in ((0, 1, BridgeState.ACTIVE), (1, 2, BridgeState.ACTIVE), (3, 4, "x")):
        Bridge.objects.create(
            from_circle=rings[a],
            to_circle=rings[b],
            state=state if state != "x" else BridgeState.DECLINED,
            requested_at=now,
        )
    people = []
    for i in range(members):
        user = make_user(f"m{seed}-{i}@example.org", f"Prénom{i}", f"Nom{i}")
        for ring in rng.sample(rings, rng.choice([0, 1, 1, 2])):
            state = rng.choice([MembershipState.ADMITTED] * 4 + [MembershipState.PENDING])
            Membership.objects.create(user=user, circle=ring, state=state, requested_at=now)
        Profile.objects.filter(user=user).update(visibility=rng.choice(list(Visibility.values)))
        if rng.random() < 0.8:
            Preference.objects.update_or_create(
                user=user,
                defaults={"consent": rng.random() < 0.8, "scope": rng.choice(list(Scope.values))},
            )
        people.append(user)
    for user in rng.sample(people, 3):
        user.is_active = False
        user.save(update_fields=["is_active"])
    people[0].is_staff = True
    people[0].save(update_fields=["is_staff"])
    for _ in range(6):
        a, b = rng.sample(people, 2)
        pref, _created = Preference.objects.get_or_create(user=a)
        pref.blocked.add(b)
    for _ in range(4):
        a, b = rng.sample(people, 2)
        Report.objects.create(reporter=a, reported=b, reason="test")
    return people


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_members_as_the_rule_as_written(db, seed):
    people = population(seed)
    askable = 0
    for user in people:
        expected = rule_as_written(user)
        got = set(access.introducible_profiles(user).values_list("user_id", flat=True))
        assert got == expected, user
        askable += len(got)
    assert askable >= len(people) // 2  # the populations are not trivially empty


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as queries:
        list(access.introducible_profiles(user).values_list("user_id", flat=True))
    return len(queries)


@pytest.mark.parametrize("visibility", list(Visibility.values))
def test_queries_do_not_grow_with_the_members(db, visibility):
    small = population(4, members=8)
    large = population(5, members=40)
    counts = []
    for people in (small, large):
        asker = people[1]
        Membership.objects.filter(user=asker).delete()
        Membership.objects.create(
            user=asker,
            circle=Membership.objects.filter(user__in=people).first().circle,
            state=MembershipState.ADMITTED,
            requested_at=timezone.now(),
        )
        Profile.objects.filter(user=asker).update(visibility=visibility)
        counts.append(_queries(asker))
    assert counts[0] == counts[1] <= 5
