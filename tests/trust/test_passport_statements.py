"""The passport's and the home's reads compiled once (core.statements) give what the ORM
gives for every member: vouches received and given, circles, meetings (confirmed or
waiting), opportunities, endorsements, signed passports, the home's own figures; and which
vouchers' profiles a viewer may see follows the visibility rule, whatever the profiles'
visibility."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.core.statements import _ORM
from passerelles.members.access import visible_pairs, visible_profiles, visible_user_ids
from passerelles.members.models import Profile, Skill, Visibility
from passerelles.pages import views as pages
from passerelles.trust import queries
from passerelles.trust.models import (
    Endorsement,
    IssuedPassport,
    MeetingAttestation,
    MeetingSource,
    Opportunity,
)
from tests.trust.conftest import vouch

pytestmark = pytest.mark.django_db


def _meet(attester, other, source_id=None, usefulness=3, opportunity=Opportunity.NONE, days=1):
    return MeetingAttestation.objects.create(
        attester=attester,
        other=other,
        source=MeetingSource.DIRECT if source_id is None else MeetingSource.EVENT,
        source_id=source_id,
        happened_on=timezone.localdate() - datetime.timedelta(days=days),
        usefulness=usefulness,
        opportunity=opportunity,
    )


@pytest.fixture
def network(alice, bob, charlie, dana, operator, club, alumni, bridge, erin):
    """Vouches both ways, meetings confirmed and not, opportunities, endorsements and
    signed passports among five members over two bridged circles."""
    vouch(alice, bob)
    vouch(dana, bob, strength=3)
    vouch(bob, alice, context="client")
    vouch(erin, alice)
    _meet(alice, bob, usefulness=4)
    _meet(bob, alice, usefulness=2)  # confirmed: same source, no id
    _meet(dana, bob, source_id=7, opportunity=Opportunity.REFERRAL)  # waits for bob
    _meet(erin, bob, source_id=8, days=3)
    _meet(bob, erin, source_id=8, opportunity=Opportunity.BUSINESS)
    python, design = Skill.objects.create(name="python"), Skill.objects.create(name="design")
    for endorser, skill in [(alice, python), (dana, python), (erin, design)]:
        Endorsement.objects.create(endorser=endorser, member=bob, skill=skill)
    now = timezone.now()
    for n in range(3):
        IssuedPassport.objects.create(
            user=bob,
            jti=f"00000000-0000-0000-0000-00000000000{n}",
            status_index=n,
            issued_at=now - datetime.timedelta(days=n),
            expires_at=now + datetime.timedelta(days=365),
        )
    return [alice, bob, charlie, dana, operator, erin]


def _vouches(vouches):
    rows = []
    for v in vouches:
        profile = getattr(v.voucher, "profile", None)
        rows.append((v.pk, v.voucher_id, v.vouchee_id, profile.pk if profile else None))
    return rows


def _compiled(*statements):
    return all(_ORM not in s._shapes.values() for s in statements)


def test_passport_reads_as_the_orm(network):
    ids = [u.pk for u in network]
    for user in network:
        assert _vouches(queries._received(user.pk)) == _vouches(queries._received.build(user.pk))
        assert [(v.pk, v.vouchee.profile.pk) for v in queries.vouches_given_list(user)] == [
            (v.pk, v.vouchee.profile.pk) for v in queries.vouches_given(user)
        ]
        assert [(m.pk, m.circle.name) for m in queries._member_circles(user.pk)] == [
            (m.pk, m.circle.name) for m in queries._member_circles.build(user.pk)
        ]
        assert sorted(queries._meeting_rows(user.pk)) == sorted(
            queries._meeting_rows.build(user.pk)
        )
        assert queries._endorsements(user.pk) == list(queries._endorsements.build(user.pk))
        waiting = list(queries.meetings_to_confirm(user))
        assert queries.count_meetings_to_confirm(user) == len(waiting)
        assert [m.pk for m in queries.first_meetings_to_confirm(user, 1)] == [
            m.pk for m in waiting[:1]
        ]
        recorded = list(queries.recorded_opportunities([user]))
        assert [(m.pk, m.mutual) for m in queries.first_recorded_opportunities(user, 20)] == [
            (m.pk, m.mutual) for m in recorded
        ]
        issued = list(IssuedPassport.objects.filter(user=user)[:2])
        assert [p.pk for p in queries.issued_passports(user, limit=2)] == [p.pk for p in issued]
        assert pages._figures(user.pk) == list(pages._figures.build(user.pk))
    assert sorted(queries._circles_of(ids)) == sorted(queries._circles_of.build(ids))
    assert _compiled(
        queries._received,
        queries._given,
        queries._member_circles,
        queries._meeting_rows,
        queries._to_confirm,
        queries._opportunities_of,
        queries._issued,
        queries._circles_of,
        queries._endorsements,
        pages._figures,
    )


def test_what_waits_for_a_member_on_their_home_and_passport(network, alice, bob, erin):
    shown = queries.passport(bob, bob)
    assert [v.vouch.voucher_id for v in shown.vouches] == [network[3].pk, alice.pk]
    assert shown.meetings == 2  # with alice (no source id) and erin (event 8)
    assert shown.unconfirmed == 1 and queries.count_meetings_to_confirm(bob) == 1
    assert shown.opportunities == 1
    assert shown.endorsements == [("python", 2), ("design", 1)]
    assert pages._own_figures(bob)[1:] == (2, 1)
    assert pages._own_figures(erin)[1:] == (0, 0)


VISIBILITIES = [Visibility.CIRCLES, Visibility.BRIDGED, Visibility.ALL]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(visibilities=st.lists(st.sampled_from(VISIBILITIES), min_size=6, max_size=6))
def test_the_vouchers_a_viewer_may_see_follow_the_rule(network, visibilities):
    for user, visibility in zip(network, visibilities, strict=True):
        Profile.objects.filter(user=user).update(visibility=visibility)
    ids = [u.pk for u in network]
    for viewer in network:
        rule = {user_id for _viewer, user_id in visible_pairs([viewer], ids)}
        assert visible_user_ids(viewer, ids) == rule
        assert set(visible_profiles(viewer).values_list("user_id", flat=True)) == rule
        assert visible_user_ids(viewer, ids[:2]) == rule & set(ids[:2])
    assert visible_user_ids(network[0], []) == set()


def test_ones_own_profile_is_read_compiled_and_made_when_missing(alice, bob):
    from passerelles.accounts.models import User
    from passerelles.members import actions

    fresh = User.objects.get(pk=alice.pk)  # its profile not read yet
    assert actions.do_ensure_profile(acting_user=fresh).pk == alice.profile.pk
    assert fresh.profile.user is fresh
    assert _compiled(actions._own_profile)
    Profile.objects.filter(user=bob).delete()  # an account written in bulk, without one
    made = actions.do_ensure_profile(acting_user=User.objects.get(pk=bob.pk))
    assert made.user_id == bob.pk and Profile.objects.filter(user=bob).count() == 1


def test_the_vouches_left_and_the_standing_read_as_the_orm(network, settings):
    """What is left of the month's vouches and the member's standing, compiled once, give
    what the ORM gives: before any snapshot (no standing), after one, whatever the budget
    and the moment (a month with vouches, the next one without)."""
    from passerelles.trust import actions, snapshots
    from passerelles.trust.models import MemberTrust, Vouch

    def by_orm_left(user, now):
        used = Vouch.objects.filter(voucher=user, created_at__gte=actions._month_start(now))
        return max(0, actions.monthly_budget() - used.count())

    def by_orm_standing(user):
        row = (
            MemberTrust.objects.filter(snapshot_id=snapshots.current_snapshot_id(), user=user)
            .only("reputation", "percentile")
            .first()
        )
        return snapshots.MemberStanding(row.reputation, row.percentile) if row else None

    now = timezone.now()
    later = now + datetime.timedelta(days=40)
    for budget in (0, 1, 2, 10):
        settings.TRUST_MONTHLY_VOUCHES = budget
        for user in network:
            for moment in (now, later):
                left = actions.vouches_left_this_month(user, moment)
                assert left == by_orm_left(user, moment)
    assert [actions.vouches_left_this_month(u, now) for u in network[:3]] == [9, 9, 10]
    assert [snapshots.standing_of(u) for u in network] == [None] * len(network)
    snapshots.recompute()
    standings = [snapshots.standing_of(u) for u in network]
    assert standings == [by_orm_standing(u) for u in network]
    assert any(s is not None and s.reputation > 0 for s in standings)
    assert _compiled(actions._given_since, snapshots._standing)
    assert actions._given_since._shapes and snapshots._standing._shapes
