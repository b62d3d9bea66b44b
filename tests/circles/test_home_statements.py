"""The home's reads of circles compiled once (circles.queries, core.statements) give what
the ORM gives: one's circles with their counts, their bridges, invitations (an address
matched whatever its case, never as a pattern), the week's newcomers, requests to review."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from passerelles.circles import queries
from passerelles.circles.models import (
    Bridge,
    BridgeState,
    Invitation,
    Membership,
    MembershipState,
)
from passerelles.core.statements import _ORM
from tests.conftest import admit, make_circle, make_user
from tests.core.test_home_page import busy_world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _pks(rows):
    return [row.pk for row in rows]


def test_home_reads_as_the_orm(busy_world, alice, dana):  # noqa: F811
    admin_of = Membership.objects.filter(user=busy_world, role="admin").values_list(
        "circle_id", flat=True
    )
    requester = make_user("asks@example.org", "Aline", "Rey")
    Membership.objects.create(user=requester, circle_id=admin_of[0], state=MembershipState.PENDING)
    theirs = make_circle(dana, "Voisins")
    Bridge.objects.create(
        from_circle=theirs,
        to_circle_id=admin_of[0],
        state=BridgeState.REQUESTED,
        requested_at=timezone.now(),
    )
    since = timezone.now() - timedelta(days=7)
    for user in [busy_world, alice, dana, requester]:
        assert queries._home_memberships(user.pk) == list(queries._home_memberships.build(user.pk))
        mine = [c for c, state, *_rest in queries._home_memberships(user.pk) if state == "admitted"]
        assert queries._home_bridges(mine) == list(queries._home_bridges.build(mine))
        assert queries._home_newcomers.window(mine, since, user.pk, offset=0, limit=2) == list(
            queries._home_newcomers.build(mine, since, user.pk)[:2]
        )
        assert _pks(queries._home_requests(mine)) == _pks(queries._home_requests.build(mine))
        assert _pks(queries._home_bridge_requests(mine)) == _pks(
            queries._home_bridge_requests.build(mine)
        )
    context = queries.home_context(busy_world, since=since)
    assert [r.user_id for r in context["requests_to_review"]] == [requester.pk]
    assert [b.from_circle.name for b in context["bridge_requests"]] == ["Voisins"]
    assert len(context["invitations"]) == 2  # one written in capitals
    for statement in [
        queries._home_memberships,
        queries._home_bridges,
        queries._home_newcomers,
        queries._home_requests,
        queries._home_bridge_requests,
    ]:
        assert _ORM not in statement._shapes.values()


def test_an_invitation_is_matched_by_its_address_never_as_a_pattern(alice):
    club = make_circle(alice, "Club")
    Invitation.objects.create(circle=club, email="M_E%1@Example.org", sent_at=timezone.now())
    exact = make_user("m_e%1@example.org", "Ma", "Ex")
    alike = make_user("mxex1@example.org", "Mo", "Ex")
    admit(alike, club)
    assert [i["circle"] for i in queries.home_context(exact, timezone.now())["invitations"]] == [
        "Club"
    ]
    assert queries.home_context(alike, timezone.now())["invitations"] == []
    # PostgreSQL compares UPPER() of both as given; SQLite's LIKE escapes % and _ first:
    # that rewrite leaves the shape to the ORM instead of sending the address unescaped.
    compiled = _ORM not in queries._home_invitations._shapes.values()
    assert compiled == (connection.vendor == "postgresql")


def test_the_circle_page_reads_as_the_orm(busy_world, alice, dana, operator):  # noqa: F811
    from django.http import Http404

    from passerelles.circles.access import _membership, get_circle_for_user, membership_of
    from passerelles.circles.models import Circle

    hidden = make_circle(dana, "Cercle discret", listed=False)  # no bridge to busy_world
    circles = list(Circle.objects.all())
    for user in [busy_world, alice, dana, operator]:
        for circle in circles:
            try:
                expected = get_circle_for_user(user, circle.slug)
            except Http404:
                with pytest.raises(Http404):
                    queries.visible_circle_counted(user, circle.slug)
                continue
            shown = queries.visible_circle_counted(user, circle.slug)
            assert shown.pk == expected.pk
            assert shown.members == Membership.objects.admitted().filter(circle=circle).count()
            first = Membership.objects.filter(user=user, circle=circle).first()
            mine = membership_of(user, circle)
            assert (mine.pk, mine.state) == (first.pk, first.state) if first else mine is None
    with pytest.raises(Http404):
        queries.visible_circle_counted(busy_world, hidden.slug)
    ids = [c.pk for c in circles]
    assert [(b.pk, b.from_circle.name) for b in queries.active_bridges(ids)] == [
        (b.pk, b.from_circle.name) for b in queries._active_bridges.build(ids)
    ]
    for statement in [_membership, queries._seen_circle, queries._active_bridges]:
        assert _ORM not in statement._shapes.values()


def test_the_circles_api_reads_as_the_orm(busy_world, alice, dana, operator):  # noqa: F811
    from django.db.models import Q
    from django.http import Http404

    from passerelles.circles.access import get_circle_for_user, visible_circles
    from passerelles.circles.models import Bridge, BridgeState, Circle
    from passerelles.core.pagination import bounded_count

    make_circle(dana, "Cercle discret", listed=False)
    circles = list(Circle.objects.all())
    for user in [busy_world, alice, dana, operator]:
        by_orm = queries.with_member_counts(visible_circles(user)).order_by("name", "pk")
        rows = queries.circles_by_name(user)
        for start, stop in [(0, 2), (1, 3), (0, 100), (50, 60)]:
            assert [(c.pk, c.members) for c in rows[start:stop]] == [
                (c.pk, c.members) for c in by_orm[start:stop]
            ]
        for limit in (1, 2, 1000):
            assert bounded_count(rows, limit) == bounded_count(by_orm, limit)
        for circle in circles:
            try:
                expected = get_circle_for_user(user, circle.slug)
            except Http404:
                with pytest.raises(Http404):
                    queries.visible_circle(user, circle.slug)
                continue
            assert queries.visible_circle(user, circle.slug).pk == expected.pk
    with pytest.raises(Http404):
        queries.visible_circle(alice, "aucun-cercle")
    active = Bridge.objects.filter(state=BridgeState.ACTIVE)
    for circle in circles:
        partners = Circle.objects.filter(
            Q(pk__in=active.filter(from_circle=circle).values("to_circle_id"))
            | Q(pk__in=active.filter(to_circle=circle).values("from_circle_id"))
        ).order_by("name")
        assert queries.partner_slugs(circle) == list(partners.values_list("pk", "slug"))
    assert any(queries.partner_slugs(circle) for circle in circles)
    for statement in [queries._seen_by_name, queries._seen_by_slug, queries._partner_slugs]:
        assert statement._shapes and _ORM not in statement._shapes.values()
