"""The member's home reads its circles and bridges once: what it leaves for the page's
visibility rules is what those rules would have read themselves."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from passerelles.circles import access
from passerelles.circles.models import Bridge, BridgeState, Membership, MembershipState, Role
from passerelles.circles.queries import home_context
from passerelles.core import request_memo
from tests.conftest import make_circle, make_user

pytestmark = pytest.mark.django_db


def test_what_the_home_leaves_is_what_the_rules_read(
    alice, bob, charlie, dana, club, alumni, bridge
):
    others = [make_circle(charlie, f"Cercle {n}") for n in range(6)]
    states = [
        MembershipState.INVITED,
        MembershipState.PENDING,
        MembershipState.DECLINED,
        MembershipState.LEFT,
        MembershipState.REMOVED,
        MembershipState.ADMITTED,
    ]
    for circle, state in zip(others, states, strict=True):
        Membership.objects.create(user=bob, circle=circle, state=state, role=Role.MEMBER)
    for circle, state in [
        (others[0], BridgeState.ACTIVE),  # with a circle bob is only invited to
        (others[1], BridgeState.REQUESTED),
        (others[2], BridgeState.REVOKED),
        (others[3], BridgeState.ACTIVE),
    ]:
        Bridge.objects.create(
            from_circle=club, to_circle=circle, state=state, requested_at=timezone.now()
        )
    Bridge.objects.create(
        from_circle=others[5],
        to_circle=alumni,
        state=BridgeState.ACTIVE,
        requested_at=timezone.now(),
    )
    since = timezone.now() - datetime.timedelta(days=7)
    for user in (alice, bob, charlie, dana, make_user("nouveau@exemple.fr")):
        token = request_memo._memo.set({})  # a page view, as RequestMemoMiddleware opens it
        try:
            home_context(user, since)
            with CaptureQueriesContext(connection) as run:
                standing = access.circle_standing(user)
                reach = access._reach(user)
            assert len(run) == 0, user
        finally:
            request_memo._memo.reset(token)
        assert standing == access.circle_standing(user), user  # read afresh: no page view
        assert reach == access._reach(user), user
