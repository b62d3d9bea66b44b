"""Circles recognised by the platform: who may recognise one or withdraw it, what the log
keeps, and that reputation is recomputed after the change."""

import pytest
from django.contrib.auth.models import AnonymousUser

from passerelles.circles import actions
from passerelles.circles.models import Circle
from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.trust.models import TrustState
from tests.conftest import admit, make_circle, make_user


@pytest.fixture
def newcomer_circle(charlie):
    """A circle charlie just created: not recognised."""
    return actions.do_create_circle(acting_user=charlie, name="Cercle de Charlie", kind="club")


def test_a_member_created_circle_is_not_recognised(newcomer_circle):
    assert newcomer_circle.recognised is False
    assert Circle.objects.get(pk=newcomer_circle.pk).recognised is False


def test_an_operator_created_circle_is_recognised(operator):
    circle = actions.do_create_circle(acting_user=operator, name="Cercle officiel", kind="club")
    assert Circle.objects.get(pk=circle.pk).recognised is True


def test_creating_a_circle_cannot_claim_recognition(charlie):
    circle = actions.do_create_circle(
        acting_user=charlie, name="Cercle auto-proclamé", kind="club", recognised=True
    )
    assert Circle.objects.get(pk=circle.pk).recognised is False


@pytest.mark.parametrize("who", ["anonymous", "member", "owner", "circle_admin"])
@pytest.mark.parametrize("action", ["recognise", "withdraw"])
def test_only_operators_may_recognise_or_withdraw(who, action, charlie, bob):
    circle = make_circle(charlie, "Cercle de Charlie", recognised=action == "withdraw")
    admit(bob, circle)
    admin = make_user("admin@example.org")
    membership = admit(admin, circle)
    membership.role = "admin"
    membership.save(update_fields=["role"])
    acting = {"anonymous": AnonymousUser(), "member": bob, "owner": charlie, "circle_admin": admin}
    do = actions.do_recognise_circle if action == "recognise" else actions.do_withdraw_recognition
    before = AuditEntry.objects.count()
    with pytest.raises(ActionError):
        do(circle, acting_user=acting[who])
    assert Circle.objects.get(pk=circle.pk).recognised is (action == "withdraw")
    assert AuditEntry.objects.count() == before


def test_an_operator_recognises_then_withdraws_with_the_log(newcomer_circle, operator):
    actions.do_recognise_circle(newcomer_circle, acting_user=operator)
    assert Circle.objects.get(pk=newcomer_circle.pk).recognised is True
    actions.do_withdraw_recognition(newcomer_circle, acting_user=operator)
    assert Circle.objects.get(pk=newcomer_circle.pk).recognised is False
    entries = AuditEntry.objects.filter(circle_id=newcomer_circle.pk).order_by("pk")
    last_two = [(e.verb, e.acting_user_id, e.changes) for e in entries][-2:]
    assert last_two == [
        ("circle.recognised", operator.pk, {"recognised": [False, True]}),
        ("circle.recognition_withdrawn", operator.pk, {"recognised": [True, False]}),
    ]


def test_recognising_twice_is_refused(newcomer_circle, operator):
    actions.do_recognise_circle(newcomer_circle, acting_user=operator)
    with pytest.raises(ActionError, match="déjà reconnu"):
        actions.do_recognise_circle(newcomer_circle, acting_user=operator)
    actions.do_withdraw_recognition(newcomer_circle, acting_user=operator)
    with pytest.raises(ActionError, match="n'est pas reconnu"):
        actions.do_withdraw_recognition(newcomer_circle, acting_user=operator)


def test_a_change_of_recognition_queues_a_recomputation(
    newcomer_circle, operator, django_capture_on_commit_callbacks, monkeypatch
):
    from passerelles.trust import state

    queued = []
    monkeypatch.setattr(state, "request_recompute", lambda: queued.append(1))
    version = state.get_state().version
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_recognise_circle(newcomer_circle, acting_user=operator)
    assert TrustState.objects.get().version > version
    assert queued == [1]
