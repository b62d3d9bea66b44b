"""What closing an account does to places at events (registered by ``EventsConfig``)."""

from __future__ import annotations

from passerelles.events import actions
from passerelles.events.models import CalendarFeed, Feedback, Registration, RegistrationStatus
from passerelles.members.closing import Closing


def release_event_places(closing: Closing) -> None:
    """Give back places at events not started yet: the waitlist moves up."""
    upcoming = Registration.objects.filter(
        user=closing.user,
        status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED),
        event__starts_at__gt=closing.now,
    ).order_by("event__starts_at", "pk")
    for registration in upcoming:
        actions.do_cancel_registration(registration, acting_user=closing.user)


def erase_event_traces(closing: Closing) -> None:
    """Comments of their ratings erased, calendar feeds gone."""
    Feedback.objects.filter(user=closing.user).update(comment="")
    CalendarFeed.objects.filter(user=closing.user).delete()
