"""Admission by trust (journey 3): co-optation counts vouches from members and bridged
members; a threshold circle asks the engine for its view of the applicant."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import AdmissionPolicy, Membership, MembershipState
from passerelles.members.models import Visibility
from passerelles.trust import admission
from tests.conftest import admit, make_circle, make_user
from tests.trust.conftest import vouch


@pytest.fixture
def coopt(club):
    """The club asks three vouches, bridged members' vouches count."""
    club.cooptation_vouches = 3
    club.save()
    return club


def _visible_to_all(user):
    user.profile.visibility = Visibility.ALL
    user.profile.save()
    return user


def test_two_bridged_members_and_one_member_admit_the_newcomer(
    coopt, bridge, bob, dana, erin, newcomer
):
    _visible_to_all(newcomer)
    request = circle_actions.do_request_to_join(newcomer, coopt, "Consultante à Lyon.")
    assert request.state == MembershipState.PENDING
    vouch(dana, newcomer, context="client")
    vouch(erin, newcomer, context="worked_with")
    assert Membership.objects.get(pk=request.pk).state == MembershipState.PENDING
    done = vouch(bob, newcomer, context="colleague")
    request.refresh_from_db()
    assert request.state == MembershipState.ADMITTED
    assert request.admitted_at is not None
    assert [m.pk for m in done.admitted_memberships] == [request.pk]


def test_bridged_vouches_do_not_count_when_the_circle_refuses_them(
    coopt, bridge, bob, dana, erin, newcomer
):
    coopt.accept_bridged_vouches = False
    coopt.save()
    _visible_to_all(newcomer)
    request = circle_actions.do_request_to_join(newcomer, coopt)
    for voucher in (dana, erin, bob):
        vouch(voucher, newcomer)
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING
    assert admission.review(coopt, newcomer.pk).counted == 1


def test_a_ring_of_fake_accounts_gets_nowhere(coopt, bridge):
    ring = [make_user(f"fake{i}@example.org", f"Faux{i}") for i in range(8)]
    for person in ring:
        _visible_to_all(person)
    requests = [circle_actions.do_request_to_join(person, coopt) for person in ring]
    for i, person in enumerate(ring):
        for other in ring:
            if other != person:
                vouch(person, other, strength=3)
        assert admission.review(coopt, person.pk).counted == 0, i
    assert admission.review_pending(coopt) == []
    states = set(Membership.objects.filter(pk__in=[r.pk for r in requests]).values_list("state"))
    assert states == {(MembershipState.PENDING,)}


def test_vouches_given_before_the_request_admit_at_once(coopt, bridge, bob, dana, erin, newcomer):
    _visible_to_all(newcomer)
    for voucher in (dana, erin, bob):
        vouch(voucher, newcomer)
    request = circle_actions.do_request_to_join(newcomer, coopt)
    assert request.state == MembershipState.ADMITTED
    assert Membership.objects.get(pk=request.pk).admitted_at is not None


def test_admin_policy_circles_are_left_to_the_admin(bridge, bob, dana, erin, newcomer):
    owner = make_user("owner2@example.org")
    circle = make_circle(owner, "Sur invitation", admission_policy=AdmissionPolicy.INVITATION)
    admit(bob, circle)
    _visible_to_all(newcomer)
    request = Membership.objects.create(user=newcomer, circle=circle, state=MembershipState.PENDING)
    vouch(bob, newcomer)
    assert not admission.admit_if_trusted(request)


@pytest.fixture
def threshold_circle(db):
    """A trust-threshold circle: five members who vouch for each other."""
    owner = make_user("seuil@example.org", "Sophie", "Seuil")
    circle = make_circle(
        owner, "Cercle à seuil", admission_policy=AdmissionPolicy.TRUST, trust_threshold=0.75
    )
    members = [owner] + [make_user(f"m{i}@example.org", f"M{i}") for i in range(4)]
    for m in members[1:]:
        admit(m, circle)
    for a in members:
        for b in members:
            if a != b:
                vouch(a, b)
    return circle, members


def test_threshold_circle_admits_someone_its_members_trust(threshold_circle, newcomer):
    circle, members = threshold_circle
    _visible_to_all(newcomer)
    request = circle_actions.do_request_to_join(newcomer, circle)
    vouch(members[1], newcomer, strength=3)
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING  # one vouch scores about one half
    vouch(members[2], newcomer, strength=3)
    vouch(members[3], newcomer, strength=3)
    request.refresh_from_db()
    assert request.state == MembershipState.ADMITTED


def test_threshold_circle_ignores_a_sybil_ring(threshold_circle, settings):
    settings.TRUST_MONTHLY_VOUCHES = 100
    circle, _members = threshold_circle
    ring = [make_user(f"s{i}@example.org", f"S{i}") for i in range(12)]
    for person in ring:
        _visible_to_all(person)
    target = ring[0]
    request = circle_actions.do_request_to_join(target, circle)
    for a in ring:
        for b in ring:
            if a != b:
                vouch(a, b, strength=3)
    review = admission.review(circle, target.pk)
    assert review.score == 0.0
    assert admission.review_pending(circle) == []
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING
