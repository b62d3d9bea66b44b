"""`visible_circle_ids` answers as `visible_circles` does for the circles asked about,
asking the database only for those not already known to be one's own or bridged."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from passerelles.circles.access import visible_circle_ids, visible_circles
from passerelles.circles.models import Circle, Membership, MembershipState
from passerelles.core import request_memo
from tests.conftest import make_circle

pytestmark = pytest.mark.django_db


def test_same_circles_as_the_rule_for_every_kind_of_viewer(
    alice, bob, charlie, dana, operator, club, alumni, bridge
):
    hidden = make_circle(charlie, "Cercle privé de Charlie", listed=False)
    far = make_circle(charlie, "Cercle privé lointain", listed=False)
    Membership.objects.create(user=dana, circle=far, state=MembershipState.PENDING)
    everything = set(Circle.objects.values_list("pk", flat=True))
    assert hidden.pk in everything
    for viewer in (AnonymousUser(), alice, bob, charlie, dana, operator):
        for among in (everything, {club.pk}, {hidden.pk, far.pk}, set()):
            expected = set(
                visible_circles(viewer).filter(pk__in=among).values_list("pk", flat=True)
            )
            assert visible_circle_ids(viewer, among) == expected, (viewer, among)


def test_own_and_bridged_circles_need_no_query_once_read(bob, club, alumni, bridge):
    token = request_memo._memo.set({})  # a page view, as RequestMemoMiddleware opens it
    try:
        visible_circle_ids(bob, {club.pk})  # reads bob's circles for the page view
        with CaptureQueriesContext(connection) as run:
            assert visible_circle_ids(bob, {club.pk, alumni.pk}) == {club.pk, alumni.pk}
    finally:
        request_memo._memo.reset(token)
    assert len(run) == 0
