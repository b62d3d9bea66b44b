"""Events the member may see; registering and giving one's place back."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import paginate

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.api.pagination import CappedPagination
from passerelles.api.rows import RowSchema
from passerelles.core.statements import Statement
from passerelles.events import access, actions
from passerelles.events.models import Event, Registration, RegistrationStatus
from passerelles.events.queries import rule_args, rule_of

router = Router()


class EventOut(RowSchema):
    id: int
    title: str
    axis: str
    topic: str
    format: str
    host_circle: str  # slug
    starts_at: datetime
    ends_at: datetime
    place: str
    city: str
    online_url: str
    capacity: int
    cancelled: bool
    registration_open: bool

    @staticmethod
    def resolve_host_circle(event: Event) -> str:
        return event.host_circle.slug

    @staticmethod
    def resolve_cancelled(event: Event) -> bool:
        return event.is_cancelled


# What EventOut reads (``registration_open`` and ``cancelled`` included): the rows of a
# list are built from these alone.
LIST_FIELDS = (
    "title",
    "axis",
    "topic",
    "format",
    "host_circle",
    "host_circle__slug",
    "starts_at",
    "ends_at",
    "place",
    "city",
    "online_url",
    "capacity",
    "cancelled_at",
    "registration_deadline",
)


class EventDetailOut(EventOut):
    description: str
    my_registration: str | None  # registered, waitlisted; None otherwise


class RegistrationOut(Schema):
    event: int
    status: str

    @staticmethod
    def resolve_event(registration: Registration) -> int:
        return registration.event_id


# The coming events of a member, compiled once per process and shape of their circles
# (core.statements): the events' rule was built and compiled for the page and its count.
_coming = Statement(
    lambda now, *rule: (
        Event.objects.filter(rule_of(*rule))
        .select_related("host_circle")
        .only(*LIST_FIELDS)
        .filter(ends_at__gte=now)
        .order_by("starts_at", "pk")
    )
)


@router.get("", response=list[EventOut], summary="Events")
@paginate(CappedPagination, page_size=50)
def event_list(request: AuthedHttpRequest, past: bool = False) -> object:
    """Events the member may join or holds a place at (all of them for operators): coming
    ones, soonest first, or past ones (``past=true``), latest first."""
    now = timezone.now()
    if not past and not request.user.is_staff:
        return _coming.rows(now, *rule_args(request.user))
    events = access.visible_events(request.user).select_related("host_circle").only(*LIST_FIELDS)
    if past:
        return events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    return events.filter(ends_at__gte=now).order_by("starts_at", "pk")


@router.get("/{event_id}", response=EventDetailOut, summary="One event")
def event_detail(request: AuthedHttpRequest, event_id: int) -> Event:
    event = access.get_event_for_user(request.user, event_id)
    mine = _registration(request.user, event)
    event.my_registration = mine.status if mine else None  # type: ignore[attr-defined]  # for the schema
    return event


@router.post("/{event_id}/registration", response=RegistrationOut, summary="Register")
def register(request: AuthedHttpRequest, event_id: int) -> Registration:
    """A seat, or a place on the waitlist when the seats are gone (``status`` says which)."""
    event = access.get_event_for_user(request.user, event_id)
    return actions.do_register(event, acting_user=request.user)


@router.delete("/{event_id}/registration", response=RegistrationOut, summary="Unregister")
def unregister(request: AuthedHttpRequest, event_id: int) -> Registration:
    """Give one's place back; the first of the waitlist takes it."""
    event = access.get_event_for_user(request.user, event_id)
    registration = _registration(request.user, event)
    if registration is None:
        raise Http404
    actions.do_cancel_registration(registration, acting_user=request.user)
    registration.refresh_from_db()
    return registration


def _registration(user, event: Event) -> Registration | None:
    return (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
