"""Reminders the day before: sent once per registration, by the command or the task."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from passerelles.events import actions
from passerelles.events.reminders import send_due_reminders
from passerelles.events.tasks import send_event_reminders
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db


def _tomorrow_evening():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(19, 0)))


def test_reminder_sent_once_to_registered_people(alice, club):
    event = make_event(alice, club, starts_at=_tomorrow_evening(), capacity=1)
    seated, waiting = members(club, 2)
    actions.do_register(event, acting_user=seated)
    actions.do_register(event, acting_user=waiting)
    later = make_event(alice, club, title="Dans une semaine")
    actions.do_register(later, acting_user=seated)
    assert send_due_reminders() == 1
    assert mail.outbox[-1].to == [seated.email]
    assert "Rappel" in mail.outbox[-1].subject
    assert "/evenements/mes-tables/" in mail.outbox[-1].body  # the personal link
    assert send_due_reminders() == 0
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1


def test_no_reminder_for_cancelled_events(alice, club, bob):
    event = make_event(alice, club, starts_at=_tomorrow_evening())
    actions.do_register(event, acting_user=bob)
    actions.do_cancel_event(event, acting_user=alice)
    mail.outbox.clear()
    assert send_due_reminders() == 0


def test_task_sends_reminders(alice, club, bob):
    event = make_event(alice, club, starts_at=_tomorrow_evening())
    actions.do_register(event, acting_user=bob)
    result = send_event_reminders.enqueue()
    assert result.return_value == 1
