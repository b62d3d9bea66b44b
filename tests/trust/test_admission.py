"""Admission by trust (journey 3): co-optation counts vouches from members and bridged
members; a threshold circle asks the engine for its view of the applicant."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

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
    request = circle_actions.do_request_to_join(coopt, "Consultante à Lyon.", acting_user=newcomer)
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
    request = circle_actions.do_request_to_join(coopt, acting_user=newcomer)
    for voucher in (dana, erin, bob):
        vouch(voucher, newcomer)
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING
    assert admission.review(coopt, newcomer.pk).counted == 1


def test_a_ring_of_fake_accounts_gets_nowhere(coopt, bridge):
    ring = [make_user(f"fake{i}@example.org", f"Faux{i}") for i in range(8)]
    for person in ring:
        _visible_to_all(person)
    requests = [circle_actions.do_request_to_join(coopt, acting_user=person) for person in ring]
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
    request = circle_actions.do_request_to_join(coopt, acting_user=newcomer)
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


def test_threshold_circle_admits_someone_its_members_trust(
    threshold_circle, newcomer, django_capture_on_commit_callbacks
):
    """Threshold circles are reviewed by the recomputation that follows the commit."""
    circle, members = threshold_circle
    _visible_to_all(newcomer)
    request = circle_actions.do_request_to_join(circle, acting_user=newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        vouch(members[1], newcomer, strength=3)
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING  # one vouch scores about one half
    for member in members[2:4]:
        with django_capture_on_commit_callbacks(execute=True):
            vouch(member, newcomer, strength=3)
    request.refresh_from_db()
    assert request.state == MembershipState.ADMITTED


def test_a_vouch_builds_no_graph_inside_its_transaction(
    threshold_circle, newcomer, monkeypatch, django_capture_on_commit_callbacks
):
    from passerelles.trust import graph as trust_graph

    circle, members = threshold_circle
    _visible_to_all(newcomer)
    circle_actions.do_request_to_join(circle, acting_user=newcomer)
    built = []
    real_build = trust_graph.build_graph

    def counting_build(*args, **kwargs):
        built.append(transaction.get_connection().in_atomic_block)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(trust_graph, "build_graph", counting_build)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        vouch(members[1], newcomer, strength=3)
    assert built == []  # nothing inside do_vouch
    assert callbacks  # the recomputation is requested once the vouch commits


def test_threshold_circle_ignores_a_sybil_ring(threshold_circle, settings):
    settings.TRUST_MONTHLY_VOUCHES = 100
    circle, _members = threshold_circle
    ring = [make_user(f"s{i}@example.org", f"S{i}") for i in range(12)]
    for person in ring:
        _visible_to_all(person)
    target = ring[0]
    request = circle_actions.do_request_to_join(circle, acting_user=target)
    for a in ring:
        for b in ring:
            if a != b:
                vouch(a, b, strength=3)
    review = admission.review(circle, target.pk)
    assert review.score == 0.0
    assert admission.review_pending(circle) == []
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING


# --- Bridged vouches: only from established members, and one from the circle itself ---


def _bridged_member(circle, email, *, days_ago=0, verified=False):
    user = make_user(email, email.split("@")[0].capitalize())
    membership = admit(user, circle)
    membership.admitted_at = timezone.now() - datetime.timedelta(days=days_ago)
    membership.verified = verified
    membership.save()
    return user


@pytest.fixture
def open_bridged(coopt, alice):
    """An open circle bridged with the club: anyone joins it at once."""
    owner = make_user("ouvert@example.org", "Ouvert", "Proprio")
    circle = make_circle(owner, "Cercle ouvert", admission_policy=AdmissionPolicy.OPEN)
    bridge = circle_actions.do_request_bridge(coopt, circle, acting_user=alice)
    circle_actions.do_answer_bridge(bridge, acting_user=owner, accept=True)
    return circle


def test_throwaway_accounts_of_an_open_bridged_circle_do_not_count(
    coopt, open_bridged, bob, newcomer, settings
):
    settings.TRUST_MONTHLY_VOUCHES = 50
    _visible_to_all(newcomer)
    request = circle_actions.do_request_to_join(coopt, acting_user=newcomer)
    throwaways = []
    for i in range(3):
        fake = make_user(f"jetable{i}@example.org", f"Jetable{i}")
        circle_actions.do_request_to_join(open_bridged, acting_user=fake)  # admitted at once
        throwaways.append(fake)
    # Even long-standing (unverified) members of an open circle do not count.
    throwaways.append(_bridged_member(open_bridged, "ancien@example.org", days_ago=400))
    for fake in throwaways:
        vouch(fake, newcomer, strength=3)
    vouch(bob, newcomer)
    view = admission.review(coopt, newcomer.pk)
    assert len(view.from_bridged) == 4 and view.counted == 1
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING


def test_recent_members_of_a_bridged_circle_count_after_the_tenure(
    coopt, bridge, alumni, bob, newcomer, settings
):
    bridge.decided_at = timezone.now() - datetime.timedelta(days=60)
    bridge.save(update_fields=["decided_at"])
    _visible_to_all(newcomer)
    request = circle_actions.do_request_to_join(coopt, acting_user=newcomer)
    # Admitted after the bridge, a week ago: not yet.
    recent = [_bridged_member(alumni, f"recent{i}@example.org", days_ago=7) for i in range(2)]
    for person in recent:
        vouch(person, newcomer)
    vouch(bob, newcomer)
    assert admission.review(coopt, newcomer.pk).counted == 1
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING
    settings.TRUST_BRIDGED_MIN_DAYS = 5
    assert admission.review(coopt, newcomer.pk).counted == 3
    assert [m.pk for m in admission.review_pending(coopt)] == [request.pk]


def test_verified_and_pre_bridge_members_of_a_bridged_circle_count(
    coopt, alice, alumni, dana, bob, newcomer
):
    before = _bridged_member(alumni, "avant@example.org")  # joined before the bridge
    bridge = circle_actions.do_request_bridge(coopt, alumni, acting_user=alice)
    circle_actions.do_answer_bridge(bridge, acting_user=dana, accept=True)
    verified = _bridged_member(alumni, "verifie@example.org", verified=True)
    after = _bridged_member(alumni, "apres@example.org")  # joined after, today
    _visible_to_all(newcomer)
    for person in (before, verified, after):
        vouch(person, newcomer)
    view = admission.review(coopt, newcomer.pk)
    assert {v.voucher_id for v in view.counted_bridged} == {before.pk, verified.pk}
    assert view.counted == 2


def test_bridged_vouches_alone_never_admit(coopt, bridge, alumni, dana, erin, newcomer):
    """At least one counted vouch must come from the circle's own members."""
    old = _bridged_member(alumni, "ancienne@example.org", days_ago=200)
    _visible_to_all(newcomer)
    request = circle_actions.do_request_to_join(coopt, acting_user=newcomer)
    for person in (dana, erin, old):
        vouch(person, newcomer)
    view = admission.review(coopt, newcomer.pk)
    assert view.counted == 3 and not view.passes
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING
