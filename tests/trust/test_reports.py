"""Reports: filed on visible members, reviewed by moderators of their circles only;
the reported member never learns who reported; only upheld reports weigh."""

import pytest
from django.urls import reverse

from passerelles.circles.actions import ActionError
from passerelles.circles.models import Membership, Role
from passerelles.engine.trust import KIND_REPORT
from passerelles.trust import access, actions
from passerelles.trust.graph import collect_evidence
from passerelles.trust.models import Report, ReportStatus


@pytest.fixture
def report(club, alice, bob, dana, bridge):
    return actions.do_report(dana, bob, "Propos déplacés lors d'un déjeuner.")


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
        actions.do_review_report(dana, report, uphold=True)


def test_only_upheld_reports_become_distrust(report, alice):
    assert _report_edges() == []
    actions.do_review_report(alice, report, uphold=True, note="Vérifié.")
    assert len(_report_edges()) == 1
    with pytest.raises(ActionError, match="déjà été examiné"):
        actions.do_review_report(alice, report, uphold=False)


def test_dismissed_report_carries_nothing(report, alice):
    actions.do_review_report(alice, report, uphold=False)
    assert Report.objects.get().status == ReportStatus.DISMISSED
    assert _report_edges() == []


def test_cannot_report_an_invisible_member_or_oneself(club, alice, charlie):
    with pytest.raises(ActionError):
        actions.do_report(alice, charlie, "x")
    with pytest.raises(ActionError):
        actions.do_report(alice, alice, "x")


def test_one_open_report_at_a_time(report, dana, bob):
    with pytest.raises(ActionError, match="encore en cours"):
        actions.do_report(dana, bob, "Encore.")


def test_reported_member_never_sees_the_reporter(client, report, bob, dana):
    client.force_login(bob)
    for url in (
        reverse("trust:reports"),
        reverse("trust:passport"),
        reverse("members:detail", args=[bob.profile.pk]),
    ):
        body = client.get(url).content.decode()
        assert "Propos déplacés" not in body
        assert dana.email not in body and "Dana" not in body
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
    assert Report.objects.get().reporter == alice
