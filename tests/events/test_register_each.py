"""Registering many people at once (the demo's seeding) gives what registering them one
after the other gives: the same seats and waitlist, circles, notices, e-mails with their
calendars, and audit entries; one person refused refuses them all."""

import pytest
from django.core import mail
from django.db import transaction

from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.events import actions
from passerelles.events.models import Registration, RegistrationStatus
from passerelles.members.models import Profile
from passerelles.notifications.models import Notification
from tests.conftest import make_user
from tests.events.conftest import members

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
