"""Read-side helpers for other pages (the member home)."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from passerelles.events.access import visible_events
from passerelles.events.models import Event, Registration, RegistrationStatus


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
