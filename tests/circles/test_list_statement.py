"""The circles list without filters, read through a compiled statement for members
(circles.queries.circle_list_rows), lists what `visible_circles` does, in the same order,
with the same member counts and the same total, for every kind of viewer."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.circles.access import visible_circles
from passerelles.circles.models import Circle
from passerelles.circles.queries import (
    LIST_ORDER,
    bridges_among,
    circle_list_rows,
    with_member_counts,
)
from tests.conftest import admit, make_circle, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(alice, bob, charlie, dana, operator, club, alumni, bridge):
    others = [make_user(f"c{n}@example.org", f"Prénom{n}", f"Nom{n}") for n in range(3)]
    circles = [club, alumni]
    for n, person in enumerate(others):
        circle = make_circle(person, f"Cercle {n}", city=["Lyon", "Paris", "Brest"][n])
        admit(charlie, circle) if n == 1 else None
        circles.append(circle)
    return [alice, bob, charlie, dana, operator, *others], circles


def _rows(circles):
    return [(c.pk, c.name, c.city, c.members) for c in circles]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(listed=st.lists(st.booleans(), min_size=5, max_size=5), per_page=st.integers(1, 4))
def test_same_circles_counts_and_pages_as_the_rule(world, listed, per_page):
    people, circles = world
    for circle, shown in zip(circles, listed, strict=True):
        Circle.objects.filter(pk=circle.pk).update(listed=shown)
    for viewer in [AnonymousUser(), *people]:
        orm = with_member_counts(visible_circles(viewer).order_by(*LIST_ORDER))
        rows = circle_list_rows(viewer)
        ours, theirs = Paginator(rows, per_page), Paginator(orm, per_page)
        assert ours.count == theirs.count
        for number in ours.page_range:
            assert _rows(ours.page(number)) == _rows(theirs.page(number))


def test_bridges_among_a_page(world, bridge):
    _people, circles = world
    ids = [c.pk for c in circles]
    assert bridges_among(ids) == [(bridge.from_circle_id, bridge.to_circle_id)]
    assert bridges_among(ids[2:]) == []
    assert bridges_among([]) == []


def test_the_page_lists_them(client, world):
    people, _circles = world
    client.force_login(people[2])
    html = client.get(reverse("circles:list")).content.decode()
    shown = circle_list_rows(people[2])[0:30]
    assert shown
    for circle in shown:
        assert escape(circle.name) in html
