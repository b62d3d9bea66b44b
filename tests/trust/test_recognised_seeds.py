"""Reputation is seeded only in circles the platform recognises: a Sybil who creates a
circle owns it, but anchors nothing until an operator recognises it."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import Membership
from passerelles.trust import graph as trust_graph
from passerelles.trust import snapshots
from passerelles.trust.models import MemberTrust
from tests.conftest import admit, make_user
from tests.trust.conftest import vouch


@pytest.fixture
def sybil_ring(db, club, alice, bob):
    """A Sybil creates a circle, verifies two fake members, and they all vouch for each
    other; the Sybil also joined alice's club, where bob was fooled into vouching for it."""
    sybil = make_user("sybil@example.org", "Sam", "Sybil")
    admit(sybil, club)
    circle = circle_actions.do_create_circle(acting_user=sybil, name="Cercle Sybil", kind="club")
    fakes = [make_user(f"fake{i}@example.org") for i in range(2)]
    for fake in fakes:
        admit(fake, circle)
    Membership.objects.filter(circle=circle, user__in=fakes).update(verified=True)
    ring = [sybil, *fakes]
    for a in ring:
        for b in ring:
            if a != b:
                vouch(a, b, strength=3)
    vouch(alice, bob)
    vouch(bob, alice)
    vouch(bob, sybil, strength=1)
    return circle, ring


def test_a_sybil_who_creates_a_circle_is_not_a_seed(sybil_ring, alice):
    circle, ring = sybil_ring
    seeds = set(trust_graph.reputation_seeds())
    assert alice.pk in seeds
    assert seeds.isdisjoint(u.pk for u in ring)


def test_recognition_makes_its_admins_and_verified_members_seeds(sybil_ring, operator):
    circle, ring = sybil_ring
    circle_actions.do_recognise_circle(circle, acting_user=operator)
    assert {u.pk for u in ring} <= set(trust_graph.reputation_seeds())
    circle_actions.do_withdraw_recognition(circle, acting_user=operator)
    assert set(trust_graph.reputation_seeds()).isdisjoint(u.pk for u in ring)


def test_an_unrecognised_ring_gains_no_more_than_its_attack_edge_gives(sybil_ring, operator):
    """Unrecognised, the ring holds only what flows over bob's weak vouch; recognised, it
    is seeded and holds far more."""
    circle, ring = sybil_ring

    def ring_mass() -> float:
        snapshot = snapshots.write_snapshot(version=0)
        scores = MemberTrust.objects.filter(snapshot=snapshot)
        total = sum(s.reputation for s in scores)
        return sum(s.reputation for s in scores if s.user_id in {u.pk for u in ring}) / total

    unrecognised = ring_mass()
    circle_actions.do_recognise_circle(circle, acting_user=operator)
    recognised = ring_mass()
    assert recognised > 2 * unrecognised
