"""The directory's pages read from the profiles' own copy of the names (the profiles seen by
all, then the others one sees) list what the single walk in the accounts' name order
lists, page by page, whatever the names (equal ones, accents, case) and visibilities; and
the copy follows the account's names however either row is written."""

import pytest
from django.db import transaction
from django.db.models import Max
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.accounts.models import User
from passerelles.core.statements import _ORM
from passerelles.members import access
from passerelles.members.access import BY_NAME, directory_rows, visible_profiles
from passerelles.members.actions import do_update_profile
from passerelles.members.models import Profile, Visibility
from tests.conftest import admit, make_circle, make_user

pytestmark = pytest.mark.django_db

NAMES = ["", "Martin", "martin", "Émile", "Emile", "Le Roy", "Leroy", "Ôdile", "Zoé", "d'Arc"]
VISIBILITIES = [Visibility.CIRCLES, Visibility.BRIDGED, Visibility.ALL]
# A first page (the single walk), pages read by the two parts, a slice past the end.
WINDOWS = [(0, 24), (0, 40), (3, 40), (10, 37), (24, 48), (40, 80)]


@pytest.fixture
def crowd(alice, bob, charlie, dana, club, alumni, bridge):
    """Fourteen members: two bridged circles, a circle of its own, some in none, one
    inactive."""
    others = [make_user(f"p{n}@example.org", f"P{n}", f"N{n}") for n in range(10)]
    lone = make_circle(others[0], "Cercle isolé")
    for person, circle in zip(others[1:7], [club, alumni, lone] * 2, strict=True):
        admit(person, circle)
    others[9].is_active = False
    others[9].save()
    admit(others[9], club)
    return [alice, bob, charlie, dana, *others]


def _seen(profiles):
    return [(p.pk, p.user.pk) for p in profiles]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(
        st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from(VISIBILITIES)),
        min_size=14,
        max_size=14,
    ),
    # Memberships per row past which the walk is kept: never the two parts, always them,
    # or the one or the other by the viewer's circles (3 or 6 memberships at 64 rows).
    per_row=st.sampled_from([0, 0.05, 0.1, access.MEMBERSHIPS_PER_ROW]),
)
def test_every_page_as_the_walk_in_name_order(crowd, people, per_row, monkeypatch):
    monkeypatch.setattr(access, "MEMBERSHIPS_PER_ROW", per_row)
    for user, (last, first, visibility) in zip(crowd, people, strict=True):
        User.objects.filter(pk=user.pk).update(last_name=last, first_name=first)
        Profile.objects.filter(user=user).update(visibility=visibility)
    for viewer in crowd[:-1]:
        orm = visible_profiles(viewer).select_related("user").order_by(*BY_NAME)
        rows = directory_rows(viewer)
        for start, stop in WINDOWS:
            assert _seen(rows[start:stop]) == _seen(orm[start:stop]), (viewer, start, stop)
    compiled = [access._page_profiles, *access._first_seen_by_depth.values()]
    assert all(s._shapes and _ORM not in s._shapes.values() for s in compiled)


def _copies() -> set[tuple[int, str, str]]:
    return set(Profile.objects.values_list("user_id", "sort_last_name", "sort_first_name"))


def _names() -> set[tuple[int, str, str]]:
    return set(
        User.objects.filter(profile__isnull=False).values_list("pk", "last_name", "first_name")
    )


def test_the_copy_follows_the_names_however_written(alice, bob):
    assert _copies() == _names()
    User.objects.filter(pk=alice.pk).update(last_name="Zola")  # a queryset, no signal
    bob.first_name = "Robert"
    bob.save()
    assert _copies() == _names()
    stale = Profile.objects.get(user=alice)
    User.objects.filter(pk=alice.pk).update(last_name="Abel", first_name="Anne")
    stale.headline = "written with the names read before"
    stale.save()  # every column, the copy's old values among them
    assert _copies() == _names()
    Profile.objects.filter(user=bob).update(sort_last_name="faux")
    assert _copies() == _names()
    profile = Profile.objects.get(user=bob)
    do_update_profile(profile, acting_user=bob, first_name="Bo", last_name="Bé", skills=[])
    newcomer = make_user("new@example.org", "Nina", "Neuve")
    Profile.objects.get_or_create(user=newcomer)
    assert ("Bé", "Bo") in {(last, first) for _, last, first in _copies()}
    assert _copies() == _names()


def test_a_profile_written_before_its_account_takes_its_names():
    """A load writing the profile first, its account after (the constraints checked at
    the transaction's end, no signal sent): the profile is named when its account comes."""
    with transaction.atomic():
        user_id = (User.objects.aggregate(last=Max("pk"))["last"] or 0) + 100
        Profile.objects.bulk_create([Profile(user_id=user_id, visibility=Visibility.ALL)])
        assert Profile.objects.get(user_id=user_id).sort_last_name == ""
        User.objects.bulk_create(
            [User(pk=user_id, email="tard@example.org", first_name="Téo", last_name="Tardif")]
        )
    assert ("Tardif", "Téo") in {(last, first) for _, last, first in _copies()}
    assert _copies() == _names()
