"""Seats hold under real concurrency (PostgreSQL, one connection per thread).

CI runs: DATABASE_URL=postgres://root@127.0.0.1:5432/test uv run pytest -m "not e2e"
"""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.utils import timezone

from passerelles.circles.models import Membership, MembershipState
from passerelles.core.errors import ActionError
from passerelles.events import actions
from passerelles.events.models import Event, Registration, RegistrationStatus
from tests.conftest import make_circle, make_user
from tests.events.conftest import make_event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL for real row locks between connections "
        "(set DATABASE_URL=postgres://...)",
    ),
]

WORKERS = 40  # connections at once; PostgreSQL allows 100 by default


def _crowd(circle, count: int) -> list[int]:
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(email=f"p{i}@example.org", first_name=f"P{i}", last_name="Foule")
            for i in range(count)
        ]
    )
    Membership.objects.bulk_create(
        [Membership(user=u, circle=circle, state=MembershipState.ADMITTED) for u in users]
    )
    return [u.pk for u in users]


def _run_at_once(function, items):
    """Run ``function(item)`` for every item from WORKERS threads released together."""
    barrier = threading.Barrier(min(WORKERS, len(items)))
    started = threading.local()

    def call(item):
        if not getattr(started, "done", False):
            started.done = True
            barrier.wait(timeout=30)
        try:
            return function(item)
        except ActionError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(call, items))
        # Each worker thread closes its own connection before the test database is dropped.
        barrier_close = threading.Barrier(WORKERS)

        def closer(_):
            barrier_close.wait(timeout=30)
            connections.close_all()

        list(pool.map(closer, range(WORKERS)))
    return results


def test_200_simultaneous_registrations_for_50_seats():
    owner = make_user("owner@example.org")
    circle = make_circle(owner, "Grand club")
    event = make_event(owner, circle, capacity=50)
    ids = _crowd(circle, 200)
    User = get_user_model()

    def register(user_id):
        return actions.do_register(
            Event(pk=event.pk), acting_user=User.objects.get(pk=user_id)
        ).status

    results = _run_at_once(register, ids)
    assert results.count(RegistrationStatus.REGISTERED) == 50
    assert results.count(RegistrationStatus.WAITLISTED) == 150
    counts = Registration.objects.filter(event=event)
    assert counts.filter(status=RegistrationStatus.REGISTERED).count() == 50
    assert counts.filter(status=RegistrationStatus.WAITLISTED).count() == 150
    # The waitlist order is the order in which seats were refused.
    registered_last = counts.filter(status=RegistrationStatus.REGISTERED).latest("queued_at")
    waitlisted_first = counts.filter(status=RegistrationStatus.WAITLISTED).earliest("queued_at")
    assert registered_last.queued_at <= waitlisted_first.queued_at


def test_simultaneous_cancellations_promote_exactly_as_many():
    owner = make_user("owner@example.org")
    circle = make_circle(owner, "Grand club")
    event = make_event(owner, circle, capacity=50)
    ids = _crowd(circle, 120)
    User = get_user_model()
    start = timezone.now()
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user_id=user_id,
            circle=circle,
            status=RegistrationStatus.REGISTERED if i < 50 else RegistrationStatus.WAITLISTED,
            queued_at=start - datetime.timedelta(seconds=len(ids) - i),
        )
        for i, user_id in enumerate(ids)
    )
    leaving = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)[:30]
    )
    first_waiting = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED)
        .order_by("queued_at", "pk")
        .values_list("user_id", flat=True)[:30]
    )
    # Half of the crowd leaves while newcomers arrive, all at the same moment.
    newcomers = _crowd_more(circle, 20)

    def act(item):
        kind, pk = item
        if kind == "cancel":
            registration = Registration.objects.select_related("user").get(pk=pk)
            return actions.do_cancel_registration(registration, acting_user=registration.user)
        return actions.do_register(Event(pk=event.pk), acting_user=User.objects.get(pk=pk))

    items = [("cancel", r.pk) for r in leaving] + [("join", pk) for pk in newcomers]
    _run_at_once(act, items)
    registered = Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
    assert registered.count() == 50
    promoted = set(registered.filter(promoted_at__isnull=False).values_list("user_id", flat=True))
    assert promoted == set(first_waiting)
    assert not registered.filter(user_id__in=newcomers).exists()


def _crowd_more(circle, count: int) -> list[int]:
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(email=f"late{i}@example.org", first_name=f"L{i}") for i in range(count)]
    )
    Membership.objects.bulk_create(
        [Membership(user=u, circle=circle, state=MembershipState.ADMITTED) for u in users]
    )
    return [u.pk for u in users]
