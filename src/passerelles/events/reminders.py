"""E-mail reminders the day before an event, sent once per registration."""

import datetime

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.core.links import absolute_url
from passerelles.core.mail import in_language_of
from passerelles.events.links import tables_path
from passerelles.events.models import Registration, RegistrationStatus


def due_registrations(now: datetime.datetime):
    """Registered people of events starting between now and the end of tomorrow (Paris)."""
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    end = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.max))
    return Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminder_sent_at__isnull=True,
        event__cancelled_at__isnull=True,
        event__starts_at__gt=now,
        event__starts_at__lte=end,
    ).select_related("event", "event__host_circle", "user__profile")


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Send the reminders that are due; returns how many were sent.

    Each registration is claimed by a conditional update before its e-mail goes out, so
    two runs at the same time (cron and task) never send the same reminder twice.
    """
    now = now or timezone.now()
    sent = 0
    for registration in due_registrations(now):
        claimed = Registration.objects.filter(
            pk=registration.pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if not claimed:
            continue
        event = registration.event
        context = {
            "event": event,
            "registration": registration,
            "url": absolute_url(event.get_absolute_url()),
            "tables_url": absolute_url(tables_path(registration)),  # opens without signing in
        }
        with in_language_of(registration.user):
            send_mail(
                subject=_("[Passerelles] Rappel : « %(title)s »") % {"title": event.title},
                message=render_to_string("events/email/reminder.txt", context),
                from_email=None,
                recipient_list=[registration.user.email],
            )
        sent += 1
    return sent
