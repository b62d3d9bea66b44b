"""In a page view, the events' rule reads the viewer's circles and bridges as ids (read
once for the page) instead of nested subqueries: it must let through exactly the events
the subquery rule lets through, for every kind of member, openness and bridge state."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from passerelles.api import events as api_events
from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Bridge, BridgeState, Circle, Membership, MembershipState
from passerelles.core import request_memo
from passerelles.core.pagination import bounded_count
from passerelles.core.statements import _ORM
from passerelles.events import queries
from passerelles.events.access import eligible_events
from passerelles.events.models import Event, Openness, Registration, RegistrationStatus
from passerelles.events.queries import coming_rows, hosts_among, with_seats
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def _in_page_view(user) -> set[int]:
    token = request_memo._memo.set({})  # as RequestMemoMiddleware opens it for a GET
    try:
        return set(eligible_events(user).values_list("pk", flat=True))
    finally:
        request_memo._memo.reset(token)


def _network():
    """Four circles, bridges in every state, events of every openness choosing various
    guests; nine viewers of every kind."""
    owner = make_user("owner@example.org", "Odile", "Hôte")
    a, b, c, d = (make_circle(owner, name) for name in ("Alpha", "Bêta", "Gamma", "Delta"))
    now = timezone.now()
    for left, right, state in [
        (a, b, BridgeState.ACTIVE),
        (c, a, BridgeState.ACTIVE),
        (b, c, BridgeState.REVOKED),
        (c, d, BridgeState.ACTIVE),
        (b, d, BridgeState.REQUESTED),
    ]:
        Bridge.objects.create(from_circle=left, to_circle=right, state=state, requested_at=now)
    circles = (a, b, c, d)
    for host in circles:
        for openness in Openness.values:
            for chosen in [(), (a,), (b,), (c, d), circles]:
                event = make_event(owner, host, title=f"{host.name} {openness} {len(chosen)}")
                Event.objects.filter(pk=event.pk).update(openness=openness)
                event.open_to.set([g for g in chosen if g != host])

    def member(email, admitted=(), pending=()):
        user = make_user(email)
        for circle in admitted:
            admit(user, circle)
        for circle in pending:
            Membership.objects.create(user=user, circle=circle, state=MembershipState.PENDING)
        return user

    viewers = [
        member("a@example.org", [a]),
        member("b@example.org", [b], pending=[c]),
        member("cd@example.org", [c, d]),
        member("d@example.org", [d]),
        member("bd@example.org", [b, d]),  # Gamma bridged with Delta, not with Bêta
        member("none@example.org", pending=[a]),
        member("all@example.org", circles),
        make_user("ops@example.org", is_staff=True),
        owner,
    ]
    return viewers


def test_the_page_view_rule_lets_through_exactly_the_same_events():
    viewers = _network()
    seen_some_bridged = False
    for viewer in viewers:
        expected = set(eligible_events(viewer).values_list("pk", flat=True))
        assert _in_page_view(viewer) == expected, viewer.email
        bridged = Event.objects.filter(pk__in=expected, openness=Openness.BRIDGED)
        seen_some_bridged |= bridged.exclude(host_circle__memberships__user=viewer).exists()
    assert seen_some_bridged  # the bridged branch was exercised, not only one's own circles


def test_in_a_page_view_the_rule_costs_no_query_once_the_circles_are_read(alice, club):
    make_event(alice, club, openness=Openness.ALL)
    token = request_memo._memo.set({})
    try:
        list(eligible_events(alice))  # reads alice's circles and bridges for the page
        with CaptureQueriesContext(connection) as run:
            assert len(list(eligible_events(alice))) == 1
    finally:
        request_memo._memo.reset(token)
    assert len(run) == 1  # the events themselves


def test_the_compiled_list_reads_exactly_what_the_rule_lets_through():
    viewers = _network()
    past = list(Event.objects.order_by("pk").values_list("pk", flat=True))[::7]
    Event.objects.filter(pk__in=past).update(
        ends_at=timezone.now() - timedelta(hours=1), starts_at=timezone.now() - timedelta(hours=3)
    )
    now = timezone.now()
    for viewer in viewers:
        expected = with_seats(
            eligible_events(viewer).filter(ends_at__gte=now).select_related("host_circle")
        ).order_by("starts_at", "pk")
        if viewer.is_staff:
            expected = with_seats(Event.objects.filter(ends_at__gte=now)).order_by(
                "starts_at", "pk"
            )
        rows = coming_rows(viewer, now)
        seen = [(e.pk, e.taken, e.host_circle.name) for e in rows[0:500]]
        assert seen == [(e.pk, e.taken, e.host_circle.name) for e in expected], viewer.email
        assert [e.pk for e in rows[3:9]] == [e.pk for e in expected[3:9]]
        assert bounded_count(rows, 5) == min(expected.count(), 5)
        if viewer.is_staff:
            continue
        api_rows = api_events._coming.rows(now, *queries.rule_args(viewer))
        assert [(e.pk, e.host_circle.slug) for e in api_rows[0:500]] == [
            (e.pk, e.host_circle.slug) for e in expected
        ]
        mine, bridged = reachable_circle_ids(viewer)
        hosts = Circle.objects.filter(
            pk__in=mine | bridged, events__in=expected.values("pk")
        ).distinct()
        assert hosts_among(viewer, now, mine | bridged) == list(
            hosts.order_by("name").values_list("pk", "name")
        )
    compiled = [*queries._listed._shapes.values(), *queries._hosts_listed._shapes.values()]
    assert compiled and _ORM not in compiled  # read through the compiled SQL, not the ORM


def test_the_compiled_next_events_of_the_home_are_the_rules(alice):
    viewers = [v for v in _network() if not v.is_staff]
    events = list(Event.objects.order_by("pk"))
    for n, viewer in enumerate(viewers):  # seats held, waited for or given back, here and there
        for event in events[n::5][:4]:
            status = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED][n % 2]
            Registration.objects.create(event=event, user=viewer, status=status)
        Registration.objects.create(
            event=events[n + 1], user=viewer, status=RegistrationStatus.CANCELLED
        )
    Event.objects.filter(pk=events[5].pk).update(cancelled_at=timezone.now())
    now = timezone.now()
    for viewer in viewers:
        held = Registration.objects.filter(user=viewer, status__in=queries.HELD)
        coming = with_seats(
            eligible_events(viewer)
            .filter(ends_at__gte=now, cancelled_at__isnull=True)
            .select_related("host_circle")
        ).order_by("starts_at", "pk")
        for limit in (1, 4, 40):
            for has_mine in (False, True):
                expected = []
                rest = coming
                if has_mine:
                    own = coming.filter(pk__in=held.values("event_id"))[:limit]
                    expected = [(e.pk, e.taken, True) for e in own]
                    rest = coming.exclude(pk__in=held.values("event_id"))
                expected += [(e.pk, e.taken, False) for e in rest[: limit - len(expected)]]
                seen = queries._upcoming_compiled(viewer, limit, now, has_mine)
                assert [(e.pk, e.taken, e.mine) for e in seen] == expected, viewer.email


def test_an_events_page_reads_it_when_the_rule_lets_it_through():
    viewers = _network()
    events = list(Event.objects.order_by("pk").values_list("pk", flat=True))
    for viewer in viewers:
        expected = dict(with_seats(eligible_events(viewer)).values_list("pk", "taken"))
        if viewer.is_staff:
            expected = dict(with_seats(Event.objects.all()).values_list("pk", "taken"))
        token = request_memo._memo.set({})  # a page view, as RequestMemoMiddleware opens it
        try:
            for pk in [*events, 10**9]:
                event = queries.seen_event(viewer, pk)
                seen = None if event is None else (event.taken, event.host_circle.pk)
                theirs = Event.objects.filter(pk=pk).values_list("host_circle_id", flat=True)
                assert seen == ((expected[pk], theirs[0]) if pk in expected else None), viewer.email
        finally:
            request_memo._memo.reset(token)
    assert _ORM not in queries._one_seen._shapes.values()
