"""core.statements: a query compiled once per shape gives the rows the ORM gives, for any
values (ids, lists of ids of any length, empty, repeated, unknown), reads the database at
every call, and falls back to the ORM whenever its SQL cannot be reused as is."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.circles.access import VISIBLE_MEMBERSHIP_STATES, _bridge_rows, _standing_rows
from passerelles.circles.models import Bridge, BridgeState, Membership, MembershipState
from passerelles.core.statements import _ORM, Statement
from tests.conftest import admit, make_circle, make_user

pytestmark = pytest.mark.django_db


def _orm_standing(user_id):
    return Membership.objects.filter(
        user_id=user_id, state__in=VISIBLE_MEMBERSHIP_STATES
    ).values_list("circle_id", "state", "role")


def _orm_bridges(circle_ids):
    return (
        Bridge.objects.filter(state=BridgeState.ACTIVE)
        .filter(Q(from_circle_id__in=circle_ids) | Q(to_circle_id__in=circle_ids))
        .values_list("from_circle_id", "to_circle_id")
    )


@pytest.fixture
def network(alice, bob, charlie):
    """Six circles, memberships in every state, bridges in every state."""
    circles = [make_circle(alice, f"Cercle {n}") for n in range(6)]
    for n, state in enumerate(
        [MembershipState.INVITED, MembershipState.PENDING, MembershipState.ADMITTED]
    ):
        Membership.objects.create(user=charlie, circle=circles[n], state=state)
    admit(bob, circles[3])
    admit(bob, circles[4])
    now = timezone.now()
    for (a, b), state in zip(
        [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (1, 4)],
        [BridgeState.ACTIVE, BridgeState.REQUESTED, BridgeState.ACTIVE, BridgeState.ACTIVE]
        + [BridgeState.REVOKED, BridgeState.ACTIVE, BridgeState.ACTIVE],
        strict=True,
    ):
        Bridge.objects.create(
            from_circle=circles[a], to_circle=circles[b], state=state, requested_at=now
        )
    return [c.pk for c in circles]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.integers(min_value=0, max_value=8), max_size=20))
def test_same_rows_as_the_orm_for_any_list(network, picks):
    ids = [network[p] if p < len(network) else 10**9 + p for p in picks]  # unknown ids too
    assert sorted(_bridge_rows(ids)) == sorted(_orm_bridges(ids))
    assert sorted(_bridge_rows(set(ids))) == sorted(_orm_bridges(set(ids)))


def test_same_rows_as_the_orm_for_each_member(network, alice, bob, charlie, dana):
    for user_id in (alice.pk, bob.pk, charlie.pk, dana.pk, 10**9):
        assert sorted(_standing_rows(user_id)) == sorted(_orm_standing(user_id))
    assert {c for c, _state, _role in _standing_rows(charlie.pk)} == set(network[:3])


def test_compiled_once_per_shape_and_read_at_every_call(network, bob):
    built = []

    def build(circle_ids):
        built.append(list(circle_ids))
        return _orm_bridges(circle_ids)

    statement = Statement(build)
    assert sorted(statement([network[3]])) == sorted(_orm_bridges([network[3]]))
    statement([network[0]])  # another value, same shape: not built again
    statement([network[5], network[4]])  # length 2: a shape of its own
    statement([network[1], network[2], network[3]])  # 3 is sent as 4 (last value repeated)
    statement([network[1], network[2], network[3], network[4]])
    assert len(built) == 3
    Bridge.objects.filter(state=BridgeState.ACTIVE).update(state=BridgeState.REVOKED)
    with CaptureQueriesContext(connection) as run:
        assert statement([network[0]]) == []  # the database is read again, nothing kept
    assert len(run) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.integers(min_value=0, max_value=8), max_size=12))
def test_unpadded_lists_send_no_more_values_than_given(network, picks):
    statement = Statement(_orm_bridges, pad=False)
    ids = [network[p] if p < len(network) else 10**9 + p for p in picks]
    with CaptureQueriesContext(connection) as run:
        rows = statement(ids)
    assert sorted(rows) == sorted(_orm_bridges(ids))
    if run.captured_queries:  # each id at most once in each of the two IN lists
        assert run.captured_queries[0]["sql"].count(",") <= 2 * max(len(set(ids)) - 1, 0) + 1


def test_an_empty_list_reads_nothing(network):
    with CaptureQueriesContext(connection) as run:
        assert _bridge_rows([]) == []
    assert len(run) == 0


def test_values_converted_as_the_orm_converts_them(network, bob):
    statement = Statement(
        lambda user_id: Membership.objects.filter(user_id=user_id).values_list(
            "circle_id", "admitted_at", "requested_at"
        )
    )
    rows = statement(bob.pk)
    assert sorted(rows) == sorted(
        Membership.objects.filter(user_id=bob.pk).values_list(
            "circle_id", "admitted_at", "requested_at"
        )
    )
    assert rows and all(isinstance(admitted, datetime) for _c, admitted, _r in rows)


@pytest.mark.parametrize(
    "build",
    [
        # the value lands in LIMIT, not among the parameters
        lambda n: Membership.objects.values_list("circle_id").order_by("pk")[: max(n, 1)],
        # flat values, not tuples
        lambda user_id: Membership.objects.filter(user_id=user_id).values_list(
            "circle_id", flat=True
        ),
        # a value changed on its way into the SQL
        lambda n: Membership.objects.filter(pk__gt=n - 1).values_list("circle_id"),
        lambda user_id: Membership.objects.filter(user_id=abs(user_id)).values_list("circle_id"),
    ],
)
def test_what_cannot_be_reused_is_asked_of_the_orm(network, bob, build):
    statement = Statement(build)
    arg = bob.pk if build.__code__.co_varnames[0] == "user_id" else 3
    assert list(statement(arg)) == list(build(arg))
    assert list(statement._shapes.values()) == [_ORM]


def test_a_new_membership_is_seen_at_once(network, dana):
    assert _standing_rows(dana.pk) == []
    circle = make_circle(make_user("eve@example.org"), "Cercle d'Ève")
    admit(dana, circle)
    assert [c for c, _s, _r in _standing_rows(dana.pk)] == [circle.pk]


def test_none_among_the_values_is_left_to_the_orm(network):
    # the ORM reads `IN (…, NULL)` as the ids alone and `= None` as IS NULL
    ids = [network[0], None, network[3]]
    assert sorted(_bridge_rows(ids)) == sorted(_orm_bridges([network[0], network[3]]))
    memberships = Statement(
        lambda circle_id: Membership.objects.filter(circle_id=circle_id).values_list("pk")
    )
    assert memberships(None) == []


def _orm_memberships(circle_ids):
    return (
        Membership.objects.filter(circle_id__in=circle_ids)
        .select_related("circle", "user")
        .order_by("-circle_id", "pk")
    )


def _seen(memberships):
    return [(m.pk, m.state, m.circle.pk, m.circle.name, m.user.email) for m in memberships]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(min_value=0, max_value=8), max_size=10),
    offset=st.integers(min_value=0, max_value=8),
    limit=st.integers(min_value=0, max_value=8),
)
def test_models_windows_and_counts_as_the_orm(network, picks, offset, limit):
    ids = [network[p] if p < len(network) else 10**9 + p for p in picks]
    statement = Statement(_orm_memberships)
    orm = _orm_memberships(ids)
    assert _seen(statement(ids)) == _seen(orm)
    assert _seen(statement.window(ids, offset=offset, limit=limit)) == _seen(
        orm[offset : offset + limit]
    )
    assert statement.count(ids, limit=limit) == orm.order_by()[:limit].count()
    rows = statement.rows(ids)
    assert _seen(rows[offset : offset + limit]) == _seen(orm[offset : offset + limit])
    assert rows.count_upto(limit) == min(orm.count(), limit)
    assert all(shape is not _ORM for shape in statement._shapes.values())


def test_a_window_is_one_query_whatever_the_page(network):
    statement = Statement(_orm_memberships)
    statement.window(network, offset=0, limit=2)
    with CaptureQueriesContext(connection) as run:
        for offset in (1, 2, 3):
            statement.window(network, offset=offset, limit=2)
        statement.count(network, limit=3)
    assert len(run) == 4
    assert len(statement._shapes) == 2  # one SQL for every window, one for the count


def test_annotations_are_set_on_the_models(network, bob):
    from django.db.models import F

    statement = Statement(
        lambda user_id: (
            Membership.objects.filter(user_id=user_id)
            .annotate(place=F("circle__city"))
            .order_by("pk")
        )
    )
    assert [(m.pk, m.place) for m in statement(bob.pk)] == [
        (m.pk, m.circle.city) for m in Membership.objects.filter(user_id=bob.pk).order_by("pk")
    ]


def test_prefetches_and_sliced_builds_are_asked_of_the_orm(network, bob):
    prefetching = Statement(
        lambda user_id: Membership.objects.filter(user_id=user_id).prefetch_related("circle")
    )
    sliced = Statement(lambda user_id: Membership.objects.filter(user_id=user_id)[:1])
    assert [m.pk for m in prefetching(bob.pk)] == [
        m.pk for m in Membership.objects.filter(user_id=bob.pk)
    ]
    assert len(sliced(bob.pk)) == 1
    assert list(prefetching._shapes.values()) == [_ORM]
    assert list(sliced._shapes.values()) == [_ORM]


def test_rows_are_paginated_as_a_queryset(network):
    from passerelles.core.pagination import CappedPaginator

    rows = Statement(_orm_memberships).rows(network)
    orm = _orm_memberships(network)
    for cap in (2, 3, 100):
        ours, theirs = CappedPaginator(rows, 2, cap=cap), CappedPaginator(orm, 2, cap=cap)
        assert (ours.count, ours.capped, ours.num_pages) == (
            theirs.count,
            theirs.capped,
            theirs.num_pages,
        )
        for number in ours.page_range:
            assert _seen(ours.page(number).object_list) == _seen(theirs.page(number).object_list)


def test_moments_sent_as_the_orm_sends_them(network, bob):
    statement = Statement(
        lambda since, user_id: Membership.objects.filter(
            user_id=user_id, admitted_at__gte=since
        ).values_list("pk")
    )
    admitted = Membership.objects.filter(user_id=bob.pk).order_by("admitted_at")
    for since in [
        timezone.now() - timedelta(days=1),
        *admitted.values_list("admitted_at", flat=True),
    ]:
        expected = Membership.objects.filter(user_id=bob.pk, admitted_at__gte=since)
        assert sorted(statement(since, bob.pk)) == sorted(expected.values_list("pk"))
    assert timezone.now() > admitted.last().admitted_at
    assert statement(timezone.now(), bob.pk) == []
    assert _ORM not in statement._shapes.values()
