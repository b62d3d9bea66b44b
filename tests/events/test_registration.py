"""Registration rules: seats, waitlist in arrival order, deadline, openness."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from passerelles.circles import actions as circle_actions
from passerelles.core.errors import ActionError
from passerelles.events import actions
from passerelles.events.access import may_register, visible_events
from passerelles.events.models import Openness, Registration, RegistrationStatus
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db

REGISTERED = RegistrationStatus.REGISTERED
WAITLISTED = RegistrationStatus.WAITLISTED


def test_seats_then_waitlist(alice, club):
    event = make_event(alice, club, capacity=3)
    people = members(club, 5)
    statuses = [actions.do_register(event, acting_user=p).status for p in people]
    assert statuses == [REGISTERED] * 3 + [WAITLISTED] * 2


def test_cancellation_promotes_in_arrival_order(alice, club, django_capture_on_commit_callbacks):
    event = make_event(alice, club, capacity=2)
    a, b, c, d = members(club, 4)
    for person in (a, b, c, d):
        actions.do_register(event, acting_user=person)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = actions.do_cancel_registration(
            Registration.objects.get(event=event, user=a), acting_user=a
        )
    assert [r.user for r in promoted] == [c]
    assert Registration.objects.get(event=event, user=c).status == REGISTERED
    assert Registration.objects.get(event=event, user=d).status == WAITLISTED
    assert "Une place s'est libérée" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == [c.email]
    assert "Une place s'est libérée : elle est à vous pour « " in mail.outbox[-1].body
    assert "inscrit" not in mail.outbox[-1].body


def test_waitlisted_leaving_promotes_nobody(alice, club):
    event = make_event(alice, club, capacity=1)
    a, b, c = members(club, 3)
    for person in (a, b, c):
        actions.do_register(event, acting_user=person)
    assert (
        actions.do_cancel_registration(Registration.objects.get(event=event, user=b), acting_user=b)
        == []
    )
    actions.do_cancel_registration(Registration.objects.get(event=event, user=a), acting_user=a)
    assert Registration.objects.get(event=event, user=c).status == REGISTERED


def test_registering_again_after_cancelling_goes_to_the_back(alice, club):
    event = make_event(alice, club, capacity=1)
    a, b = members(club, 2)
    actions.do_register(event, acting_user=a)
    actions.do_register(event, acting_user=b)
    actions.do_cancel_registration(Registration.objects.get(event=event, user=a), acting_user=a)
    again = actions.do_register(event, acting_user=a)
    assert again.status == WAITLISTED
    assert Registration.objects.filter(event=event, user=a).count() == 1


def test_registering_twice_is_refused(alice, club, bob):
    event = make_event(alice, club)
    actions.do_register(event, acting_user=bob)
    with pytest.raises(ActionError, match="déjà une place"):
        actions.do_register(event, acting_user=bob)


def test_database_refuses_a_second_row_per_member(alice, club, bob):
    event = make_event(alice, club)
    Registration.objects.create(event=event, user=bob, status=REGISTERED)
    with pytest.raises(IntegrityError):
        Registration.objects.create(event=event, user=bob, status=WAITLISTED)


def test_deadline_passed(alice, club, bob):
    start = timezone.now() + datetime.timedelta(days=2)
    event = make_event(
        alice,
        club,
        starts_at=start,
        registration_deadline=timezone.now() - datetime.timedelta(hours=1),
    )
    with pytest.raises(ActionError, match="closes"):
        actions.do_register(event, acting_user=bob)


def test_past_and_cancelled_events_refuse(alice, club, bob):
    past = make_event(alice, club, starts_at=timezone.now() - datetime.timedelta(days=1))
    with pytest.raises(ActionError):
        actions.do_register(past, acting_user=bob)
    event = make_event(alice, club)
    actions.do_cancel_event(event, acting_user=alice)
    with pytest.raises(ActionError, match="annulé"):
        actions.do_register(event, acting_user=bob)


def test_outsider_refused(alice, club, charlie):
    event = make_event(alice, club)
    assert not may_register(charlie, event)
    with pytest.raises(ActionError, match="pas ouvert"):
        actions.do_register(event, acting_user=charlie)
    assert event not in visible_events(charlie)


def test_bridged_member_allowed_only_if_chosen(alice, club, alumni, bridge, dana):
    host_only = make_event(alice, club)
    chosen = make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni])
    assert not may_register(dana, host_only)
    registration = actions.do_register(chosen, acting_user=dana)
    assert registration.circle == alumni


def test_bridged_event_not_open_to_an_unchosen_bridged_circle(alice, club, alumni, bridge):
    third_owner = make_user("third@example.org")
    third = make_circle(third_owner, "Réseau des femmes entrepreneures")
    b = circle_actions.do_request_bridge(club, third, acting_user=alice)
    circle_actions.do_answer_bridge(b, acting_user=third_owner, accept=True)
    guest = make_user("guest@example.org")
    admit(guest, third)
    event = make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni])
    assert not may_register(guest, event)


def test_revoked_bridge_closes_the_event_to_its_guests(alice, club, alumni, bridge, dana):
    event = make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni])
    assert may_register(dana, event)
    circle_actions.do_revoke_bridge(bridge, acting_user=alice)
    assert not may_register(dana, event)


def test_only_actively_bridged_circles_can_be_invited(alice, club, alumni):
    with pytest.raises(ActionError, match="passerelle active"):
        make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni])


def test_open_to_all_members(alice, club, charlie):
    event = make_event(alice, club, openness=Openness.ALL)
    assert actions.do_register(event, acting_user=charlie).status == REGISTERED


def test_only_circle_admins_create_events(bob, club):
    with pytest.raises(ActionError, match="responsables"):
        make_event(bob, club)


def test_more_seats_promote_the_waitlist(alice, club):
    event = make_event(alice, club, capacity=1)
    a, b, c = members(club, 3)
    for person in (a, b, c):
        actions.do_register(event, acting_user=person)
    actions.do_update_event(event, acting_user=alice, capacity=2)
    assert Registration.objects.get(event=event, user=b).status == REGISTERED
    assert Registration.objects.get(event=event, user=c).status == WAITLISTED


def test_check_in_only_for_registered(alice, club):
    event = make_event(alice, club, capacity=1)
    a, b = members(club, 2)
    ra = actions.do_register(event, acting_user=a)
    rb = actions.do_register(event, acting_user=b)
    assert actions.do_check_in(ra, acting_user=alice).checked_in_at is not None
    assert actions.do_check_in(ra, present=False, acting_user=alice).checked_in_at is None
    with pytest.raises(ActionError):
        actions.do_check_in(rb, acting_user=alice)


def test_cancelling_the_event_tells_people(alice, club, bob, django_capture_on_commit_callbacks):
    event = make_event(alice, club)
    actions.do_register(event, acting_user=bob)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event = actions.do_cancel_event(event, acting_user=alice)
    assert event.is_cancelled
    assert [m.to for m in mail.outbox] == [[bob.email]]
    assert "annulé" in mail.outbox[0].subject
