"""The dashboard's figures on small crafted data, checked by hand."""

import datetime as dt

import pytest

from passerelles.circles.models import Membership, MembershipState
from passerelles.events.models import Event, Feedback, Registration, RegistrationStatus
from passerelles.insights import queries
from passerelles.trust.models import MeetingAttestation
from tests.conftest import make_circle, make_user
from tests.insights.conftest import NOW, at, meeting, member, vouch


def test_recent_quarters_end_with_the_current_one():
    quarters = queries.recent_quarters(6, NOW)
    assert [q.label for q in quarters] == [
        "T1 2024", "T2 2024", "T3 2024", "T4 2024", "T1 2025", "T2 2025"
    ]  # fmt: skip
    assert quarters[-1].start == at(2025, 4, 1, 0) and quarters[-1].end == at(2025, 7, 1, 0)
    assert all(a.end == b.start for a, b in zip(quarters, quarters[1:], strict=False))


@pytest.fixture
def town(db):
    """club: alice (owner), bob, carol since 2025-01-01; alumni: dana; charlie in no circle."""
    alice = make_user("alice@example.org", "Alice", "Martin")
    bob = make_user("bob@example.org", "Bob", "Durand")
    carol = make_user("carol@example.org", "Carol", "Leroy")
    dana = make_user("dana@example.org", "Dana", "Roux")
    charlie = make_user("charlie@example.org", "Charlie", "Petit")
    club = make_circle(alice, "Club", dues_eur=400)
    alumni = make_circle(dana, "Anciens")
    for person in (alice, bob, carol):
        member(person, club, at(2025, 1, 1))
    member(dana, alumni, at(2025, 1, 1))
    return {"club": club, "alumni": alumni, **locals()}


def figures(report, label):
    return next(f for f in report.quarters if f.quarter.label == label)


def test_ei_and_share_of_ties_leaving_the_circle(town):
    t = town
    meeting(t["alice"], t["carol"], dt.date(2025, 2, 10))  # T1: internal
    vouch(t["alice"], t["bob"], at(2025, 4, 5))  # T2: internal
    meeting(t["bob"], t["dana"], dt.date(2025, 5, 2))  # T2: external (alumni)
    vouch(t["carol"], t["charlie"], at(2025, 5, 20))  # T2: external (no circle)
    vouch(t["dana"], t["charlie"], at(2025, 5, 21))  # does not touch the club
    vouch(t["bob"], t["alice"], at(2025, 6, 1))  # same pair as alice -> bob: one tie
    report = queries.circle_report(t["club"], now=NOW)
    q1, q2 = figures(report, "T1 2025"), figures(report, "T2 2025")
    assert (q1.new_internal, q1.new_external) == (1, 0)
    assert q1.ei == -1.0 and q1.share_out == 0.0
    assert (q2.new_internal, q2.new_external) == (1, 2)
    assert q2.ei == pytest.approx(1 / 3) and q2.share_out == pytest.approx(2 / 3)
    assert (q2.all_internal, q2.all_external) == (2, 2)
    assert q2.share_out_to_date == pytest.approx(0.5) and q2.ei_to_date == 0.0
    # The club's first members joined on 1 January 2025: no quarter drawn before it.
    assert report.quarters[0].quarter.label == "T1 2025"


def test_a_meeting_counts_only_when_both_sides_attest(town):
    t = town
    MeetingAttestation.objects.create(
        attester=t["bob"], other=t["dana"], happened_on=dt.date(2025, 5, 2), usefulness=5
    )
    q2 = figures(queries.circle_report(t["club"], now=NOW), "T2 2025")
    assert q2.new_ties == 0 and q2.meetings == 0


def test_revoked_vouches_and_former_members_do_not_count(town):
    t = town
    row = vouch(t["alice"], t["bob"], at(2025, 4, 5))
    row.revoked_at = at(2025, 4, 6)
    row.save()
    Membership.objects.filter(user=t["carol"], circle=t["club"]).update(
        state=MembershipState.LEFT, ended_at=at(2025, 3, 1)
    )
    vouch(t["carol"], t["charlie"], at(2025, 5, 20))
    report = queries.circle_report(t["club"], now=NOW)
    q2 = figures(report, "T2 2025")
    assert q2.new_ties == 0
    assert q2.members == 2 and figures(report, "T1 2025").members == 3


def test_waits_are_measured_from_the_request(town):
    t = town
    eve = make_user("eve@example.org", "Eve", "Noir")
    frank = make_user("frank@example.org", "Frank", "Blanc")
    gina = make_user("gina@example.org", "Gina", "Vert")
    member(eve, t["club"], admitted=at(2025, 4, 21), requested=at(2025, 4, 1))
    vouch(t["alice"], eve, at(2025, 3, 1))  # before the request: not a wait of 0
    vouch(t["bob"], eve, at(2025, 4, 11))  # 10 days after the request
    vouch(t["carol"], eve, at(2025, 4, 15))
    Membership.objects.create(
        user=frank, circle=t["club"], state=MembershipState.PENDING, requested_at=at(2025, 6, 5)
    )
    Membership.objects.create(
        user=gina,
        circle=t["club"],
        state=MembershipState.DECLINED,
        requested_at=at(2025, 5, 1),
    )
    q2 = figures(queries.circle_report(t["club"], now=NOW), "T2 2025")
    assert q2.newcomers == 3
    assert (q2.vouch_wait.done, q2.vouch_wait.median) == (1, pytest.approx(10.0))
    assert (q2.admission_wait.done, q2.admission_wait.median) == (1, pytest.approx(20.0))
    # frank still waits (10 days so far); gina was declined: in neither figure
    assert q2.vouch_wait.waiting == 1 and q2.admission_wait.waiting == 1
    assert q2.vouch_wait.waiting_median == pytest.approx(10.0 + 2 / 24)
    q1 = figures(queries.circle_report(t["club"], now=NOW), "T1 2025")
    # bob and carol (not alice, the founder), admitted at once, never recommended since
    assert q1.newcomers == 2
    assert (q1.admission_wait.done, q1.admission_wait.median) == (2, 0.0)
    assert (q1.vouch_wait.done, q1.vouch_wait.waiting) == (0, 2)


def test_meetings_usefulness_events_and_ratings(town):
    t = town
    meeting(t["alice"], t["bob"], dt.date(2025, 4, 10), usefulness=(5, 3))
    meeting(
        t["bob"], t["dana"], dt.date(2025, 5, 10), usefulness=(4, 1), source="event", source_id=7
    )
    event = Event.objects.create(
        title="Soirée",
        axis="monde",
        format="afterwork",
        host_circle=t["club"],
        starts_at=at(2025, 5, 15, 18),
        ends_at=at(2025, 5, 15, 21),
    )
    for person, checked in ((t["alice"], True), (t["bob"], True), (t["carol"], False)):
        Registration.objects.create(
            event=event,
            user=person,
            status=RegistrationStatus.REGISTERED,
            checked_in_at=at(2025, 5, 15, 18) if checked else None,
        )
    Feedback.objects.create(event=event, user=t["alice"], rating=5)
    Feedback.objects.create(event=event, user=t["bob"], rating=4)
    q2 = figures(queries.circle_report(t["club"], now=NOW), "T2 2025")
    assert q2.meetings == 2  # one meeting inside, one with dana: each counted once
    assert q2.usefulness == pytest.approx((5 + 3 + 4) / 3)  # members' ratings only
    assert (q2.events, q2.attendance, q2.rating) == (1, 2, pytest.approx(4.5))


def test_opportunities_against_dues(town):
    t = town
    meeting(t["bob"], t["dana"], dt.date(2025, 5, 10), opportunity="business", amount_eur=1500)
    meeting(t["carol"], t["alice"], dt.date(2025, 5, 11), opportunity="referral")
    meeting(t["dana"], t["charlie"], dt.date(2025, 5, 12), opportunity="business", amount_eur=9000)
    report = queries.circle_report(t["club"], now=NOW)
    q2 = figures(report, "T2 2025")
    assert (q2.referrals, q2.business, q2.amount_eur) == (1, 1, 1500)
    assert q2.dues_eur == pytest.approx(3 * 400 / 4)
    assert q2.return_on_dues == pytest.approx(1500 / 300)
    totals = report.totals
    # T1 2025 has the same three members: dues of two quarters
    assert totals["dues_eur"] == pytest.approx(600) and totals["amount_eur"] == 1500
    assert totals["return_on_dues"] == pytest.approx(2.5)


def test_summary_reports_trends(town):
    t = town
    meeting(t["alice"], t["carol"], dt.date(2025, 2, 10))
    meeting(t["bob"], t["dana"], dt.date(2025, 5, 2))
    summary = queries.circle_summary(queries.circle_report(t["club"], now=NOW))
    share = summary["share_out"]
    assert (share.first, share.first_label, share.value, share.label) == (
        0.0,
        "T1 2025",
        1.0,
        "T2 2025",
    )
    assert share.change == 1.0


def test_platform_report_finds_brokers_and_insularity(town):
    t = town
    meeting(t["bob"], t["dana"], dt.date(2025, 5, 2))
    vouch(t["bob"], t["charlie"], at(2025, 5, 3))  # charlie in no circle: left out
    vouch(t["alice"], t["carol"], at(2025, 5, 4))
    report = queries.platform_report(now=NOW)
    by_name = {s.circle.name: s for s in report.circles}
    assert (by_name["Club"].internal, by_name["Club"].external) == (1, 2)
    assert (by_name["Anciens"].internal, by_name["Anciens"].external) == (0, 1)
    assert (report.internal, report.external) == (1, 1)
    assert [(b.name, b.cross_ties) for b in report.brokers] == [
        ("Bob Durand", 1),
        ("Dana Roux", 1),
    ]
    assert [(a.name, b.name, w) for a, b, w in report.strongest_links] == [("Anciens", "Club", 1)]
    assert len(report.waits) == 6
