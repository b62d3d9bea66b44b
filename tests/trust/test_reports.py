"""Reports: filed on visible members; reviewed by the operators and by the moderators
of a circle the reporter shares with the reported member (the reporter's choice), never
by a circle the reported member administers; only operators see who reported; only
upheld reports weigh."""

import pytest
from django.urls import reverse

from passerelles.circles.models import Membership, Role
from passerelles.core.errors import ActionError
from passerelles.engine.trust import KIND_REPORT
from passerelles.trust import access, actions
from passerelles.trust.graph import collect_evidence
from passerelles.trust.models import Report, ReportStatus
from tests.conftest import admit, make_circle, make_user


@pytest.fixture
def gaelle(club):
    """A club member, who will report bob."""
    user = make_user("gaelle@example.org", "Gaëlle", "Fontaine")
    admit(user, club)
    return user


@pytest.fixture
def report(club, alice, bob, dana, bridge, gaelle):
    return actions.do_report(bob, "Propos déplacés lors d'un déjeuner.", club, acting_user=gaelle)


def _make_moderator(user, circle, role=Role.MODERATOR):
    membership = admit(user, circle)
    membership.role = role
    membership.save()
    return membership


def _report_edges():
    ev = collect_evidence()
    return list(zip(ev["src"][ev["kind"] == KIND_REPORT].tolist(), strict=True))


def test_owner_and_moderators_of_the_reported_members_circle_review(report, alice, bob, club):
    assert access.can_moderate_report(alice, report)
    moderator = Membership.objects.get(user=bob, circle=club)
    assert not access.can_moderate_report(bob, report)  # the reported member himself
    moderator.role = Role.MODERATOR
    moderator.save()
    assert not access.can_moderate_report(bob, report)


def test_moderator_of_another_circle_cannot_review(report, dana, charlie, operator):
    assert not access.can_moderate_report(dana, report)  # owns the bridged circle only
    assert not access.can_moderate_report(charlie, report)
    assert access.can_moderate_report(operator, report)
    with pytest.raises(ActionError):
        actions.do_review_report(report, acting_user=dana, uphold=True)


def test_only_upheld_reports_become_distrust(report, alice):
    assert _report_edges() == []
    actions.do_review_report(report, acting_user=alice, uphold=True, note="Vérifié.")
    assert len(_report_edges()) == 1
    with pytest.raises(ActionError, match="déjà été examiné"):
        actions.do_review_report(report, acting_user=alice, uphold=False)


def test_dismissed_report_carries_nothing(report, alice):
    actions.do_review_report(report, acting_user=alice, uphold=False)
    assert Report.objects.get().status == ReportStatus.DISMISSED
    assert _report_edges() == []


def test_cannot_report_an_invisible_member_or_oneself(club, alice, charlie):
    with pytest.raises(ActionError):
        actions.do_report(charlie, "x", acting_user=alice)
    with pytest.raises(ActionError):
        actions.do_report(alice, "x", acting_user=alice)


def test_one_open_report_at_a_time(report, gaelle, bob):
    with pytest.raises(ActionError, match="encore en cours"):
        actions.do_report(bob, "Encore.", acting_user=gaelle)


def test_a_report_without_a_circle_goes_to_the_operators_only(
    club, alice, bob, gaelle, dana, bridge, operator
):
    report = actions.do_report(bob, "Facture jamais réglée.", acting_user=gaelle)
    assert report.circle is None
    assert not access.can_moderate_report(alice, report)
    assert access.can_moderate_report(operator, report)
    # Dana sees bob through the bridge but shares no circle with him: operators only.
    report = actions.do_report(bob, "Propos déplacés.", acting_user=dana)
    assert not access.can_moderate_report(alice, report)
    with pytest.raises(ActionError, match="tous deux membres"):
        actions.do_report(alice, "x", club, acting_user=dana)


def test_the_reported_member_cannot_appoint_who_reviews(club, alice, bob, gaelle, operator):
    """Bob owns a circle gaelle also belongs to, and makes his friend its moderator:
    the friend never sees reports about bob, and that circle cannot be chosen."""
    own = make_circle(bob, "Les amis de Bob")
    admit(gaelle, own)
    friend = make_user("ami@example.org", "Ami", "De Bob")
    _make_moderator(friend, own)
    assert list(access.report_circles(gaelle, bob)) == [club]
    with pytest.raises(ActionError):
        actions.do_report(bob, "Propos déplacés.", own, acting_user=gaelle)
    report = actions.do_report(bob, "Propos déplacés.", club, acting_user=gaelle)
    assert not access.can_moderate_report(friend, report)
    assert access.can_moderate_report(alice, report)
    # Bob later becomes an admin of the club and appoints the friend there too: the
    # club no longer reviews the report; the operators still do.
    Membership.objects.filter(user=bob, circle=club).update(role=Role.ADMIN)
    _make_moderator(friend, club)
    assert not access.can_moderate_report(friend, report)
    assert not access.can_moderate_report(alice, report)
    assert access.can_moderate_report(operator, report)


def test_moderators_do_not_see_who_reported_operators_do(client, report, alice, operator):
    client.force_login(alice)
    page = client.get(reverse("trust:reports")).content.decode()
    assert "Propos déplacés" in page
    assert "Gaëlle" not in page and "gaelle@example.org" not in page
    client.force_login(operator)
    page = client.get(reverse("trust:reports")).content.decode()
    assert "Propos déplacés" in page
    assert "Gaëlle Fontaine" in page


def test_a_moderator_does_not_review_their_own_report(club, alice, bob, gaelle):
    _make_moderator(gaelle, club)
    report = actions.do_report(bob, "Propos déplacés.", club, acting_user=gaelle)
    assert not access.can_moderate_report(gaelle, report)
    assert access.can_moderate_report(alice, report)


def test_reported_member_never_sees_the_reporter(client, report, bob, gaelle):
    client.force_login(bob)
    for url in (
        reverse("trust:reports"),
        reverse("trust:passport"),
        reverse("members:detail", args=[bob.profile.pk]),
    ):
        body = client.get(url).content.decode()
        assert "Propos déplacés" not in body
        assert gaelle.email not in body and "Gaëlle" not in body
    review_url = reverse("trust:report_review", args=[report.pk])
    response = client.post(review_url, {"decision": "dismiss"})
    assert response.status_code == 404


def test_moderation_queue_and_review(client, report, alice):
    client.force_login(alice)
    page = client.get(reverse("trust:reports")).content.decode()
    assert "Propos déplacés" in page
    response = client.post(
        reverse("trust:report_review", args=[report.pk]), {"decision": "uphold", "note": "Ok"}
    )
    assert response.status_code == 302
    assert Report.objects.get().status == ReportStatus.UPHELD


def test_report_page(client, club, alice, bob):
    client.force_login(alice)
    url = reverse("trust:report", args=[bob.profile.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "Facture jamais réglée."}).status_code == 302
    report = Report.objects.get()
    assert report.reporter == alice and report.circle is None


def test_report_page_offers_the_shared_circles_only(client, club, bob, gaelle, bridge, alumni):
    client.force_login(gaelle)
    url = reverse("trust:report", args=[bob.profile.pk])
    body = client.get(url).content.decode()
    assert club.name in body and alumni.name not in body
    response = client.post(url, {"reason": "Propos déplacés.", "circle": alumni.pk})
    assert response.status_code == 400
    response = client.post(url, {"reason": "Propos déplacés.", "circle": club.pk})
    assert response.status_code == 302
    assert Report.objects.get().circle == club
