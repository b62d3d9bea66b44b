"""The number of profiles every member sees (members.everyone), a floor of the directory's
capped count: the count stays the rule's own whatever the writes between two pages."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.core.pagination import bounded_count
from passerelles.members import everyone
from passerelles.members.access import directory_rows, visible_profiles
from passerelles.members.models import Profile, Visibility
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

VISIBILITIES = [Visibility.CIRCLES, Visibility.BRIDGED, Visibility.ALL]


@pytest.fixture
def shared(monkeypatch):
    """As with Redis: one cache for every process."""
    monkeypatch.setattr(everyone, "shared_cache", lambda: True)


@pytest.fixture
def people(alice, bob, charlie, dana, operator, club, alumni, bridge):
    others = [make_user(f"m{n}@example.org", f"Prénom{n}", f"Nom{n}") for n in range(4)]
    return [alice, bob, charlie, dana, operator, *others]


def _counts(viewers, limits=range(1, 12)):
    return [bounded_count(directory_rows(v), limit) for v in viewers for limit in limits]


def _rule_counts(viewers, limits=range(1, 12)):
    return [visible_profiles(v).order_by()[:limit].count() for v in viewers for limit in limits]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    visibilities=st.lists(st.sampled_from(VISIBILITIES), min_size=9, max_size=9),
    inactive=st.sets(st.integers(0, 8), max_size=3),
)
def test_the_count_is_the_rules_whatever_was_kept(shared, people, visibilities, inactive):
    for n, (user, visibility) in enumerate(zip(people, visibilities, strict=True)):
        Profile.objects.filter(user=user).update(visibility=visibility)  # through a queryset
        user.is_active = n not in inactive
        user.save()
    assert _counts(people) == _rule_counts(people)


def _generation():
    return cache.get(everyone.GENERATION_KEY)


def test_each_write_drops_the_kept_number(shared, people):
    Profile.objects.update(visibility=Visibility.ALL)
    viewer = people[0]
    assert _counts([viewer]) == _rule_counts([viewer])
    kept = _generation()
    assert kept is not None and cache.get(everyone.EVERYONE_KEY)[0] == kept

    profile = Profile.objects.get(user=people[1])  # one by one
    profile.visibility = Visibility.CIRCLES
    profile.save()
    assert _generation() != kept
    assert _counts([viewer]) == _rule_counts([viewer])

    kept = _generation()
    people[2].is_active = False  # an account closed
    people[2].save(update_fields=["is_active"])
    assert _generation() != kept
    assert _counts([viewer]) == _rule_counts([viewer])

    kept = _generation()
    people[3].save(update_fields=["last_login"])  # a sign-in changes nothing here
    Profile.objects.filter(user=people[3]).update(language="en")  # nor its language
    Profile.objects.filter(pk=-1).update(visibility=Visibility.ALL)  # nor no row
    profile.save(update_fields=["headline"])
    assert _generation() == kept

    people[4].delete()  # an account removed, its profile with it
    assert _generation() != kept
    assert _counts([viewer]) == _rule_counts([viewer])

    kept = _generation()
    make_user("new@example.org", "Nouveau", "Membre")  # a profile created
    assert _generation() != kept
    assert _counts([viewer]) == _rule_counts([viewer])


def test_kept_up_to_the_largest_limit_asked(shared, people):
    Profile.objects.update(visibility=Visibility.ALL)
    assert everyone.seen_by_everyone(3) == 3
    assert cache.get(everyone.EVERYONE_KEY)[1:] == (3, 3)
    assert everyone.seen_by_everyone(2) == 2  # from the cache
    assert everyone.seen_by_everyone(50) == len(people)  # counted again, exact
    assert everyone.seen_by_everyone(40) == len(people)  # exact: from the cache


def test_a_count_begun_before_a_write_is_not_kept_past_it(shared, people, monkeypatch):
    """A page counts, a write commits and drops the number, then the page keeps what it
    counted before the write: the next page must not use it."""
    Profile.objects.update(visibility=Visibility.ALL)

    class Racing:  # the write commits between the page's count and its keeping it
        def __getattr__(self, name):
            return getattr(cache, name)

        def set(self, key, value, *args):
            if key == everyone.EVERYONE_KEY:
                Profile.objects.filter(user=people[0]).update(visibility=Visibility.CIRCLES)
            return cache.set(key, value, *args)

    monkeypatch.setattr(everyone, "cache", Racing())
    assert everyone.seen_by_everyone(50) == len(people)  # counted before the write
    monkeypatch.setattr(everyone, "cache", cache)
    assert everyone.seen_by_everyone(50) == len(people) - 1
    viewer = people[1]
    assert _counts([viewer], [len(people) - 1, len(people)]) == _rule_counts(
        [viewer], [len(people) - 1, len(people)]
    )


class _Down:
    """A cache that cannot be reached."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache down")

        return fail


def test_a_cache_down_costs_the_saving_only(shared, people, monkeypatch):
    monkeypatch.setattr(everyone, "cache", _Down())
    assert everyone.seen_by_everyone(3) is None
    profile = Profile.objects.get(user=people[1])
    profile.visibility = Visibility.ALL
    profile.save()  # the write goes through
    Profile.objects.update(visibility=Visibility.ALL)
    people[2].is_active = False
    people[2].save()
    assert _counts(people) == _rule_counts(people)


def test_without_a_shared_cache_nothing_is_kept(people, monkeypatch):
    monkeypatch.setattr(everyone, "shared_cache", lambda: False)  # also when run with Redis
    assert everyone.seen_by_everyone(3) is None
    assert cache.get(everyone.EVERYONE_KEY) is None


def test_deleting_many_accounts_drops_the_number_once(shared, people, monkeypatch):
    drops = []
    monkeypatch.setattr(everyone, "_new_generation", lambda: drops.append(1))
    Profile.objects.update(visibility=Visibility.ALL)
    drops.clear()
    extra = [make_user(f"x{n}@example.org", "Prénom", f"Nom{n}") for n in range(30)]
    assert _counts(people[:1]) == _rule_counts(people[:1])  # a number kept, then:
    drops.clear()
    type(extra[0]).objects.filter(pk__in=[u.pk for u in extra]).delete()
    assert len(drops) == 1  # at once (not twice per account); again at the commit


def test_a_count_between_two_writes_of_one_transaction_is_dropped_again(shared, people):
    Profile.objects.update(visibility=Visibility.ALL)
    assert _counts(people) == _rule_counts(people)  # counted inside this transaction
    kept = _generation()
    Profile.objects.filter(user=people[0]).update(visibility=Visibility.CIRCLES)
    assert _generation() != kept
    assert _counts(people) == _rule_counts(people)
