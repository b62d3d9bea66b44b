"""The header's unread count is kept in the cache, and every way a member's notices
change shows at once on the next page: a notice written, several written in bulk, one
opened, all marked read, notices deleted (one, by a queryset, by closing an account)."""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from passerelles.notifications.models import Notification
from passerelles.notifications.notify import notify
from passerelles.notifications.queries import unread_count
from passerelles.notifications.unread import unread_key

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared(monkeypatch):
    """The count is kept only in a cache every process shares; the tests' memory cache
    stands for it here (the case without one is tested last)."""
    monkeypatch.setattr("passerelles.notifications.unread.shared_cache", lambda: True)


def tell(user, title="Atelier export"):
    return notify(user, "registered", url="/evenements/1/", title=title)


def badge(client) -> int:
    """The count the header shows on a page (0: no badge)."""
    page = client.get(reverse("circles:list")).content.decode()
    marker = '<span class="badge badge-warn">'
    if marker not in page:
        return 0
    return int(page.split(marker, 1)[1].split("<", 1)[0])


def test_the_count_is_read_once_then_kept(client, bob, django_assert_num_queries):
    from django.core.cache import cache

    tell(bob)
    assert unread_count(bob) == 1
    assert cache.get(unread_key(bob.pk)) == 1
    with django_assert_num_queries(0):
        assert unread_count(bob) == 1


def test_every_change_shows_on_the_next_page(client, alice, bob):
    client.force_login(bob)
    assert badge(client) == 0
    first = tell(bob)
    assert badge(client) == 1
    Notification.objects.bulk_create(
        [Notification(user=bob, kind="registered", params={"title": t}) for t in "ab"]
    )
    assert badge(client) == 3
    client.get(reverse("notifications:open", args=[first.pk]))  # opening one reads it
    assert badge(client) == 2
    tell(alice)  # someone else's notice changes nothing of bob's
    assert badge(client) == 2
    Notification.objects.filter(user=bob, params__title="a").update(read_at=timezone.now())
    assert badge(client) == 1
    client.post(reverse("notifications:mark_all_read"))
    assert badge(client) == 0
    tell(bob)
    tell(bob)
    assert badge(client) == 2
    Notification.objects.filter(user=bob, read_at__isnull=True).first().delete()
    assert badge(client) == 1
    Notification.objects.filter(user=bob).delete()
    assert badge(client) == 0


def test_a_change_inside_a_transaction_shows_once_committed(client, bob):
    """A page read while the notice is being written must not keep the old count."""
    client.force_login(bob)
    assert badge(client) == 0
    with transaction.atomic():
        tell(bob)
        assert unread_count(bob) == 1  # the writer sees its own notice
    assert badge(client) == 1


def test_moving_notices_to_someone_else_counts_for_both(client, alice, bob):
    tell(bob)
    assert (unread_count(alice), unread_count(bob)) == (0, 1)
    Notification.objects.filter(user=bob).update(user=alice)
    assert (unread_count(alice), unread_count(bob)) == (1, 0)


def test_the_intro_notices_read_from_the_introductions_page(client, bob):
    from passerelles.intros.actions import do_mark_notices_read

    notify(bob, "suggested", url="/mises-en-relation/1/", name="Sophie Lambert")
    client.force_login(bob)
    assert badge(client) == 1
    do_mark_notices_read(acting_user=bob)
    assert badge(client) == 0


def test_without_a_shared_cache_the_count_is_read_each_time(client, bob, monkeypatch):
    """Without Redis another process (the task worker) may write a notice: nothing is kept."""
    from django.core.cache import cache

    monkeypatch.setattr("passerelles.notifications.unread.shared_cache", lambda: False)
    tell(bob)
    assert unread_count(bob) == 1
    assert cache.get(unread_key(bob.pk)) is None
    Notification.objects.create(user=bob, kind="registered", params={"title": "b"})
    assert unread_count(bob) == 2
