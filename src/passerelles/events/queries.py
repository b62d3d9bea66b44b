"""Read-side helpers for other pages (the member home)."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from passerelles.events.access import visible_events
from passerelles.events.models import Event, Registration, RegistrationStatus

SHORTCUT_BEFORE = timedelta(hours=2)  # the evening's shortcut shows from two hours before


def happening_for(user) -> list[Event]:
    """Events ``user`` has a seat at that run now or start within two hours: the home
    page offers a shortcut to their tables and programme for the evening."""
    if not user.is_authenticated:
        return []
    now = timezone.now()
    return list(
        Event.objects.filter(
            registrations__user=user,
            registrations__status=RegistrationStatus.REGISTERED,
            starts_at__lte=now + SHORTCUT_BEFORE,
            ends_at__gte=now,
            cancelled_at__isnull=True,
        ).order_by("starts_at", "pk")
    )


def upcoming_for(user, limit: int = 5) -> list[Event]:
    """Next events ``user`` may see, those they registered for first; each carries
    ``taken`` (seats taken) and ``mine`` (registered or waitlisted)."""
    if not user.is_authenticated:
        return []
    mine = Registration.objects.filter(
        event=OuterRef("pk"),
        user=user,
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
    )
    events = (
        visible_events(user)
        .filter(ends_at__gte=timezone.now(), cancelled_at__isnull=True)
        .annotate(
            mine=Exists(mine),
            taken=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.REGISTERED),
            ),
        )
        .select_related("host_circle")
        .order_by("-mine", "starts_at", "pk")
    )
    return list(events[:limit])
