"""The operators' log of trust: who recommended, withdrew a recommendation, reported or
reviewed a report, about whom; never in a circle's log (a circle's admins would learn who
reported whom), and nothing for a refused action."""

import pytest
from django.urls import reverse

from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.trust import actions
from tests.conftest import admit, make_user


def _since(pk: int):
    return list(
        AuditEntry.objects.filter(pk__gt=pk)
        .order_by("pk")
        .values_list("verb", "acting_user_id", "subject_user_id", "circle_id")
    )


def _last() -> int:
    return AuditEntry.objects.order_by("pk").values_list("pk", flat=True).last() or 0


def test_a_vouch_its_update_and_its_withdrawal_are_one_entry_each(alice, bob, club):
    start = _last()
    vouch = actions.do_vouch(bob, acting_user=alice, context="worked_with", strength=2)
    actions.do_vouch(bob, acting_user=alice, context="worked_with", strength=3)
    actions.do_revoke_vouch(vouch, acting_user=alice)
    assert _since(start) == [
        ("vouch.given", alice.pk, bob.pk, None),
        ("vouch.updated", alice.pk, bob.pk, None),
        ("vouch.revoked", alice.pk, bob.pk, None),
    ]
    assert AuditEntry.objects.filter(verb="vouch.updated").get().changes == {"strength": [2, 3]}


def test_refused_trust_actions_write_nothing(alice, bob, club):
    vouch = actions.do_vouch(bob, acting_user=alice, context="worked_with", strength=2)
    start = _last()
    with pytest.raises(ActionError):
        actions.do_revoke_vouch(vouch, acting_user=bob)
    with pytest.raises(ActionError):
        actions.do_vouch(alice, acting_user=alice, context="worked_with", strength=2)
    with pytest.raises(ActionError):
        actions.do_report(alice, "", acting_user=bob)
    assert _since(start) == []


def test_a_report_and_its_review_stay_out_of_the_circle_log(client, alice, bob, club, operator):
    gaelle = make_user("gaelle@example.org", "Gaëlle", "Fontaine")
    admit(gaelle, club)
    start = _last()
    report = actions.do_report(bob, "Propos déplacés.", club, acting_user=gaelle)
    with pytest.raises(ActionError):  # not a moderator of the club
        actions.do_review_report(report, acting_user=gaelle, uphold=True)
    actions.do_review_report(report, acting_user=operator, uphold=True)
    assert _since(start) == [
        ("report.filed", gaelle.pk, bob.pk, None),
        ("report.upheld", operator.pk, bob.pk, None),
    ]
    client.force_login(alice)
    text = client.get(reverse("circles:log", args=[club.slug])).content.decode()
    assert "a signalé" not in text and "Gaëlle" not in text
    client.force_login(operator)
    text = client.get(reverse("circles:whole_log")).content.decode()
    assert "a signalé" in text and "a retenu le signalement sur" in text
