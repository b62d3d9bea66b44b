"""The directory's compiled reads (members.access.directory_rows, circle_people_rows) list
exactly what `visible_profiles` lets each viewer see, in the same order, whatever the
profiles' visibility and the viewer's circles and bridges."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.circles.models import Membership
from passerelles.core.pagination import bounded_count
from passerelles.core.statements import StatementRows
from passerelles.members.access import (
    BY_NAME,
    circle_people_rows,
    directory_rows,
    visible_profiles,
)
from passerelles.members.models import Profile, Visibility
from tests.conftest import admit, make_circle, make_user

pytestmark = pytest.mark.django_db

VISIBILITIES = [Visibility.CIRCLES, Visibility.BRIDGED, Visibility.ALL]


@pytest.fixture
def people(alice, bob, charlie, dana, operator, club, alumni, bridge):
    """Nine members over three circles (two bridged), one left, one inactive."""
    others = [make_user(f"m{n}@example.org", f"Prénom{n}", f"Nom{n % 3}") for n in range(5)]
    lone = make_circle(others[0], "Cercle isolé")
    admit(others[1], club)
    admit(others[2], alumni)
    admit(others[3], lone)
    others[4].is_active = False
    others[4].save()
    admit(others[4], club)
    return [alice, bob, charlie, dana, operator, *others], [club, alumni, lone]


def _seen(profiles):
    return [(p.pk, p.user.pk, p.name) for p in profiles]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(visibilities=st.lists(st.sampled_from(VISIBILITIES), min_size=10, max_size=10))
def test_same_profiles_in_the_same_order_as_the_rule(people, visibilities):
    users, circles = people
    for user, visibility in zip(users, visibilities, strict=True):
        Profile.objects.filter(user=user).update(visibility=visibility)
    for viewer in users:
        orm = visible_profiles(viewer).select_related("user").order_by(*BY_NAME)
        rows = directory_rows(viewer)
        assert _seen(rows[0:100]) == _seen(orm)
        assert _seen(rows[2:5]) == _seen(orm[2:5])
        assert bounded_count(rows, 4) == orm.order_by()[:4].count()
        for circle in circles:
            admitted = Membership.objects.admitted().filter(circle=circle).values("user_id")
            theirs = orm.filter(user_id__in=admitted)
            assert _seen(circle_people_rows(viewer, circle.pk)[0:100]) == _seen(theirs)


def test_members_read_compiled_operators_through_the_orm(people, alice, operator):
    assert isinstance(directory_rows(alice), StatementRows)
    assert not isinstance(directory_rows(operator), StatementRows)
    assert len(directory_rows(operator)) == Profile.objects.filter(user__is_active=True).count()
