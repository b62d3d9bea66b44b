"""The home's « reliés à N autres cercles » counts from the bridges it lists (one query
less), exactly as ``bridged_circle_ids`` counts them."""

import random

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.circles.access import bridged_circle_ids
from passerelles.circles.models import Bridge, BridgeState
from passerelles.circles.queries import active_bridges, bridged_ids
from tests.conftest import admit, make_circle, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("seed", range(5))
def test_the_count_from_the_listed_bridges_is_the_bridged_circles(seed):
    rng = random.Random(seed)
    owner = make_user("owner@example.org", "Odile", "Arnaud")
    circles = [make_circle(owner, f"Cercle {k}") for k in range(7)]
    for a in circles:
        for b in circles:
            if a.pk < b.pk and rng.random() < 0.4:
                pair = (a, b) if rng.random() < 0.5 else (b, a)
                Bridge.objects.create(
                    from_circle=pair[0],
                    to_circle=pair[1],
                    state=rng.choice(BridgeState.values),
                    requested_at=timezone.now(),
                )
    for size in range(4):
        ids = [c.pk for c in rng.sample(circles, size)]
        assert bridged_ids(active_bridges(ids), ids) == bridged_circle_ids(ids)


def test_the_home_says_how_many_circles_are_bridged(client):
    bob = make_user("bob@example.org", "Bob", "Durand")
    owner = make_user("owner@example.org", "Odile", "Arnaud")
    now = timezone.now()
    mine, other, third = (make_circle(owner, name) for name in ("Club", "Réseau", "Ordre"))
    admit(bob, mine)
    Bridge.objects.create(
        from_circle=mine, to_circle=other, state=BridgeState.ACTIVE, requested_at=now
    )
    Bridge.objects.create(
        from_circle=third, to_circle=mine, state=BridgeState.ACTIVE, requested_at=now
    )
    client.force_login(bob)
    page = client.get(reverse("pages:home")).content.decode()
    assert "Vos cercles sont reliés à 2 autres cercles." in page
