"""Read-side helpers for other pages (the member home)."""

from collections.abc import Collection
from datetime import datetime, timedelta

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from passerelles.accounts.models import AnyUser, User
from passerelles.circles.models import Circle
from passerelles.core.request_memo import in_page_view
from passerelles.core.statements import Statement, StatementRows
from passerelles.events.access import (
    HELD,
    eligible_ids,
    held_event_ids,
    seen_rule,
    visible_events,
)
from passerelles.events.models import Event, Registration, RegistrationStatus, TablePlan

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


def with_seats(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """``taken``: seats taken, counted for each event shown (a subquery per row kept)
    rather than grouped over every event the filters let through; ``COUNT(*)``, which
    the (event, status, queued_at) index answers without reading the registrations."""
    registered = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.REGISTERED)
        .order_by()
        .values("event")
        .annotate(n=Count("*"))
        .values("n")
    )
    return queryset.annotate(taken=Coalesce(Subquery(registered, output_field=IntegerField()), 0))


def rule_args(user: AnyUser) -> list[int | list[int]]:
    """What a member (not an operator) sees of the events as a statement's arguments:
    their id, their admitted circles, then each group's hosts and guests
    (``events.access.eligible_ids``)."""
    assert user.pk is not None  # a member, signed in
    mine, groups = eligible_ids(user)
    return [user.pk, mine, *(ids for group in groups for ids in group)]


def rule_of(user_id: int, mine: Collection[int], *groups: Collection[int]) -> Q:
    """The events' rule (``events.access.seen_rule``) from `rule_args`."""
    return seen_rule(user_id, mine, list(zip(groups[0::2], groups[1::2], strict=True)))


# The events list without filters, read through statements compiled once per process and
# shape of the viewer's circles (core.statements): its rule was built and compiled three
# times a page (hosts offered, capped count, page), ~1.4 ms of CPU each.
_listed = Statement(
    lambda now, *rule: with_seats(
        Event.objects.filter(rule_of(*rule)).filter(ends_at__gte=now).select_related("host_circle")
    ).order_by("starts_at", "pk")
)
_hosts_listed = Statement(
    lambda now, among, *rule: (
        Circle.objects.filter(pk__in=among)
        .filter(
            pk__in=Event.objects.filter(rule_of(*rule))
            .filter(ends_at__gte=now)
            .values("host_circle_id")
        )
        .order_by("name")
        .values_list("pk", "name")
    )
)


def coming_rows(user: AnyUser, now: datetime) -> QuerySet[Event] | StatementRows:
    """Events ``user`` may see that have not ended (``now``), seats taken counted
    (``taken``), host circle selected, soonest first: the events list without filters."""
    if not user.is_authenticated or user.is_staff:
        events = visible_events(user).filter(ends_at__gte=now).select_related("host_circle")
        return with_seats(events).order_by("starts_at", "pk")
    return _listed.rows(now, *rule_args(user))


def hosts_among(user: AnyUser, now: datetime, among: Collection[int]) -> list[tuple[int, str]]:
    """(id, name) by name of those of ``among`` that host an event ``user`` may see that
    has not ended; ``among`` are circles ``user`` sees (their own and bridged ones), and
    ``user`` a member, not an operator."""
    return [(pk, name) for pk, name in _hosts_listed(now, among, *rule_args(user))]


_one_seen = Statement(
    lambda event_id, *rule: with_seats(
        Event.objects.filter(rule_of(*rule)).select_related("host_circle")
    ).filter(pk=event_id)
)


def seen_event(user: AnyUser, event_id: int) -> Event | None:
    """The event ``event_id`` if ``user`` may see it (None otherwise), host circle selected
    and seats taken counted (``taken``): an event's page. In a page view a member's read is
    compiled once per shape of their circles (core.statements)."""
    if not user.is_authenticated or user.is_staff or not in_page_view():
        events = visible_events(user).select_related("host_circle")
        return with_seats(events).filter(pk=event_id).first()
    rows = _one_seen(event_id, *rule_args(user))
    return rows[0] if rows else None


_registration = Statement(
    lambda event_id, user_id: Registration.objects.filter(event_id=event_id, user_id=user_id)
)


def one_registration(event: Event, user: User) -> Registration | None:
    """``user``'s registration for ``event`` (None if they have none), compiled once per
    process: read on every event page."""
    rows = _registration.window(event.pk, user.pk, offset=0, limit=1)
    return rows[0] if rows else None


def upcoming_for(user, limit: int = 5) -> list[Event]:
    """Next events ``user`` may see, those they registered for first; each carries
    ``taken`` (seats taken) and ``mine`` (registered or waitlisted).

    The visibility rule is built once and read by up to two queries, each of which an
    index on the start answers after a few rows: one's own next events (only when one has
    any), then the others. One query sorting « mine » first had to read, join and sort
    every upcoming event one may see (2,000 at 100,000 members: 4-5 ms of PostgreSQL's
    CPU per home page). The registrations are a subquery, never a list of ids pasted.
    """
    if not user.is_authenticated:
        return []
    now = timezone.now()
    has_mine = (
        Registration.objects.filter(user=user, status__in=HELD)
        .filter(event__ends_at__gte=now, event__cancelled_at__isnull=True)
        .exists()
    )
    return _upcoming(user, limit, now, has_mine)


# The events one holds a place at that have not ended, compiled once per process
# (core.statements), with the status held (``held``).
_held_not_ended = Statement(
    lambda user_id, now: (
        Event.objects.filter(
            registrations__user_id=user_id,
            registrations__status__in=HELD,
            ends_at__gte=now,
            cancelled_at__isnull=True,
        )
        .annotate(held=F("registrations__status"))
        .order_by("starts_at", "pk")
    )
)


def home_events(user, limit: int = 4) -> tuple[list[Event], list[Event]]:
    """``(upcoming_for(user, limit), happening_for(user))`` for the member's home, one
    query fewer: the events one holds a seat or a waitlist place at that have not ended
    are read once (a member's own few), and tell both whether to look for one's own next
    events and which run now or start within two hours."""
    if not user.is_authenticated:
        return [], []
    now = timezone.now()
    mine: list[Event] = _held_not_ended(user.pk, now)
    happening = [
        event
        for event in mine
        if event.held == RegistrationStatus.REGISTERED  # type: ignore[attr-defined]
        and event.starts_at <= now + SHORTCUT_BEFORE
    ]
    return _upcoming(user, limit, now, bool(mine)), happening


def _upcoming(user, limit: int, now, has_mine: bool) -> list[Event]:
    if not user.is_staff and in_page_view():  # the viewer's circles read once for the page
        return _upcoming_compiled(user, limit, now, has_mine)
    registered = Registration.objects.filter(user=user, status__in=HELD)
    upcoming = with_seats(
        visible_events(user)
        .filter(ends_at__gte=now, cancelled_at__isnull=True)
        .select_related("host_circle")
        .order_by("starts_at", "pk")
    )
    events: list[Event] = []
    if has_mine:
        mine_ids = registered.values("event_id")
        events = list(upcoming.filter(pk__in=mine_ids)[:limit])
        for event in events:
            event.mine = True  # type: ignore[attr-defined]
        if len(events) < limit:
            upcoming = upcoming.exclude(pk__in=mine_ids)
    if len(events) < limit:
        others = list(upcoming[: limit - len(events)])
        for event in others:
            event.mine = False  # type: ignore[attr-defined]
        events += others
    return events


def _next(now: datetime, events: Q) -> QuerySet[Event]:
    return with_seats(
        Event.objects.filter(events)
        .filter(ends_at__gte=now, cancelled_at__isnull=True)
        .select_related("host_circle")
    ).order_by("starts_at", "pk")


# A member's next events on the home page, compiled once per process and shape of their
# circles (core.statements): one's own, the others, or all when one holds no seat.
_next_mine = Statement(
    lambda now, user_id, *rule: _next(now, rule_of(*rule)).filter(pk__in=held_event_ids(user_id))
)
_next_others = Statement(
    lambda now, user_id, *rule: _next(now, rule_of(*rule)).exclude(pk__in=held_event_ids(user_id))
)
_next_any = Statement(lambda now, *rule: _next(now, rule_of(*rule)))


def _upcoming_compiled(user, limit: int, now, has_mine: bool) -> list[Event]:
    """`_upcoming` for a member (not an operator), through the statements above."""
    rule = rule_args(user)
    events: list[Event] = []
    if has_mine:
        events = _next_mine.window(now, user.pk, *rule, offset=0, limit=limit)
        for event in events:
            event.mine = True  # type: ignore[attr-defined]
        others = _next_others.window(now, user.pk, *rule, offset=0, limit=limit - len(events))
    else:
        others = _next_any.window(now, *rule, offset=0, limit=limit)
    for event in others:
        event.mine = False  # type: ignore[attr-defined]
    return events + others


def seats_taken(event: Event) -> int:
    """Seats held now (the waitlist excluded)."""
    return event.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def has_table_plan(event: Event) -> bool:
    """Whether the event's table plan has been drawn (its tables, not only its settings)."""
    return TablePlan.objects.filter(event=event).exclude(tables=[]).exists()


def has_waitlist(event: Event) -> bool:
    """Whether someone waits for a seat (a seat freed goes to them at once)."""
    return Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).exists()


def waitlist_position(registration: Registration | None) -> int | None:
    """1 for the first on the waitlist (arrival order, as promotions go); None for anyone
    not waiting."""
    if registration is None or registration.status != RegistrationStatus.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=RegistrationStatus.WAITLISTED,
            queued_at__lte=registration.queued_at,
        )
        .exclude(queued_at=registration.queued_at, pk__gt=registration.pk)
        .count()
    )
