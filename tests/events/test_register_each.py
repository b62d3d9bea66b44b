"""Registering many people at once (the demo's seeding) gives what registering them one
after the other gives: the same seats and waitlist, circles, notices, e-mails with their
calendars, and audit entries; one person refused refuses them all."""

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from passerelles.circles import actions as c_actions
from passerelles.circles.models import Bridge
from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.events import access, actions
from passerelles.events.models import Openness, Registration, RegistrationStatus
from passerelles.members.models import Profile
from passerelles.notifications.models import Notification
from tests.conftest import make_circle, make_user
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db


class Undo(Exception):
    pass


def outcome(event, register, capture) -> dict:
    """What registering does, seen by the people and the organisers, then undone."""
    mail.outbox.clear()
    seen: dict = {}
    try:
        with transaction.atomic():
            with capture(execute=True):
                register()
            seen["registrations"] = list(
                Registration.objects.filter(event=event)
                .order_by("queued_at", "pk")
                .values_list("user__email", "status", "circle__name", "promoted_at")
            )
            seen["notices"] = list(
                Notification.objects.order_by("pk").values_list("user__email", "kind", "url")
            )
            seen["audit"] = list(
                AuditEntry.objects.order_by("pk").values_list("verb", "object_id", "changes")
            )
            seen["emails"] = [
                (m.to, m.subject, m.body, [(a[0], a[1], a[2]) for a in m.attachments])
                for m in mail.outbox
            ]
            raise Undo
    except Undo:
        pass
    return seen


def test_many_at_once_as_one_after_the_other(
    alice, club, alumni, dana, bridged_event, django_capture_on_commit_callbacks
):
    event = bridged_event
    event.capacity = 3
    event.save(update_fields=["capacity"])
    hosts = members(club, 3)
    guests = members(alumni, 2, prefix="g")
    Profile.objects.filter(user=guests[0]).update(language="en")  # a calendar in English
    gone = hosts[2]
    actions.do_cancel_registration(actions.do_register(event, acting_user=gone), acting_user=gone)
    people = [guests[0], hosts[0], gone, hosts[1], guests[1]]  # 3 seats, 2 waitlisted
    people = [type(p).objects.get(pk=p.pk) for p in people]  # nothing read beforehand

    def one_by_one():
        for person in people:
            actions.do_register(event, acting_user=person)

    def at_once():
        actions.do_register_each(event, acting_users=people)

    before = outcome(event, one_by_one, django_capture_on_commit_callbacks)
    after = outcome(event, at_once, django_capture_on_commit_callbacks)
    assert after == before
    statuses = [status for _email, status, _c, _p in before["registrations"]]
    assert statuses.count(RegistrationStatus.WAITLISTED) == 2
    assert {c for _e, _s, c, _p in before["registrations"]} == {club.name, alumni.name}
    calendars = [a for _to, _s, _b, attached in before["emails"] for a in attached]
    assert len(calendars) == 3 and len({c[1] for c in calendars}) == 2  # French, English


def test_one_person_refused_refuses_them_all(alice, club, event):
    ok = members(club, 2)
    outsider = make_user("dehors@example.org", "Hors", "Cercle")
    with pytest.raises(ActionError):
        actions.do_register_each(event, acting_users=[ok[0], outsider, ok[1]])
    assert not Registration.objects.filter(event=event).exists()
    actions.do_register(event, acting_user=ok[0])
    with pytest.raises(ActionError, match="déjà une place"):
        actions.do_register_each(event, acting_users=[ok[1], ok[0]])
    assert list(Registration.objects.filter(event=event).values_list("user", flat=True)) == [
        ok[0].pk
    ]


def _eligibility_reads(event, people) -> int:
    """Queries of ``do_register_each`` that read memberships to check who may register
    (the circle each person comes through is read once, whatever their number)."""
    with CaptureQueriesContext(connection) as queries:
        try:
            with transaction.atomic():
                actions.do_register_each(event, acting_users=people)
                raise Undo
        except Undo:
            pass
    return sum('"circles_membership"' in q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize("openness", [Openness.HOST, Openness.BRIDGED, Openness.ALL])
def test_who_may_register_is_read_in_a_bounded_number_of_queries(
    alice, club, alumni, bridge, openness
):
    event = make_event(alice, club, openness=openness, open_to=[alumni], capacity=50)
    people = members(club, 4) + members(alumni, 4, prefix="g")
    if openness == Openness.HOST:
        people = people[:4]
    few = _eligibility_reads(event, people[:2])
    assert _eligibility_reads(event, people) == few <= 2


def test_many_are_checked_as_each_one_is(
    alice, bob, charlie, club, alumni, bridge, dana, operator, django_assert_max_num_queries
):
    """``registrable_user_ids`` says of many people what ``may_register`` says of each."""
    choir = make_circle(charlie, "Chorale")
    c_actions.do_answer_bridge(
        c_actions.do_request_bridge(club, choir, acting_user=alice),
        acting_user=charlie,
        accept=True,
    )
    guest, pending = members(alumni, 1, prefix="g")[0], make_user("p@example.org", "P", "Q")
    c_actions.do_request_to_join(alumni, acting_user=pending)  # not admitted
    people = [alice, bob, charlie, dana, operator, guest, pending]
    events = [
        make_event(alice, club, openness=Openness.HOST),
        make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni]),
        make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni, choir]),
        make_event(alice, club, openness=Openness.ALL),
        make_event(dana, alumni, openness=Openness.BRIDGED, open_to=[club]),
    ]
    c_actions.do_revoke_bridge(
        Bridge.objects.get(from_circle=club, to_circle=choir), acting_user=alice
    )
    for event in events:
        with django_assert_max_num_queries(1):
            registrable = access.registrable_user_ids(people, event)
        assert registrable == {p.pk for p in people if access.may_register(p, event)}
