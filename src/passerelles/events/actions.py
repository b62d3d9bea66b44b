"""State changes of events and registrations.

Each function is one named action: it checks what must hold, writes in one transaction,
and raises ``ActionError`` with a French message when the action cannot be done.
Registration and cancellation lock the event row first, so that concurrent requests are
served one after the other and the seats are never over-allocated.

Every action takes the person acting (``acting_user``), checks their authority through
``events.access`` and writes, in the same transaction, an entry of the audit log for what
the host circle's organisers would want to read: an event created, changed, moved or
cancelled, a place given back by an organiser, a seat passed on from the waitlist.
A member's own registration is not logged (the participants page lists it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.forms import BaseInlineFormSet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from passerelles.accounts.models import User
from passerelles.circles.access import bridged_circle_ids
from passerelles.circles.models import Bridge, Circle, Membership
from passerelles.core import audit
from passerelles.core.errors import ActionError
from passerelles.core.mail import language_of
from passerelles.events import access
from passerelles.events.calendars import event_calendar
from passerelles.events.models import (
    AgendaItem,
    CalendarFeed,
    Event,
    Feedback,
    Openness,
    Registration,
    RegistrationStatus,
    new_feed_token,
)
from passerelles.notifications.notify import Attachment, notify

if TYPE_CHECKING:
    from passerelles.trust.models import MeetingAttestation

__all__ = [
    "ActionError",
    "do_attest_table_mate",
    "do_cancel_event",
    "do_cancel_registration",
    "do_check_in",
    "do_create_event",
    "do_open_events_to_circle",
    "do_rate_event",
    "do_register",
    "do_register_each",
    "do_save_agenda",
    "do_update_event",
]


EVENT_CREATED = audit.verb("event.created", _l("a créé l'événement"))
EVENT_UPDATED = audit.verb("event.updated", _l("a modifié l'événement"))
EVENT_MOVED = audit.verb("event.moved", _l("a changé l'horaire de l'événement"))
AGENDA_SAVED = audit.verb("event.agenda_saved", _l("a modifié le programme de l'événement"))
EVENT_CANCELLED = audit.verb("event.cancelled", _l("a annulé l'événement"))
REGISTRATION_CANCELLED = audit.verb(
    "registration.cancelled_by_organiser", _l("a annulé l'inscription de")
)
PROMOTED = audit.verb("registration.promoted", _l("a donné une place libérée à"))
OPENED_TO_CIRCLE = audit.verb("event.opened_to_circle", _l("a ouvert l'événement au cercle relié"))

# Fields whose change the log keeps, and the words its readers see.
LOGGED_FIELDS = ("title", "starts_at", "ends_at", "place", "city", "capacity", "openness")
audit.field_labels(
    title=_l("titre"),
    starts_at=_l("début"),
    ends_at=_l("fin"),
    place=_l("lieu"),
    city=_l("ville"),
    capacity=_l("places"),
    openness=_l("ouverture"),
    status=_l("inscription"),
    open_to=_l("cercles reliés invités"),
)
audit.value_labels([*RegistrationStatus.choices, *Openness.choices])


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise ActionError(_("Seuls les responsables du cercle peuvent gérer ses événements."))


def _record(
    verb: str,
    obj: Event | Registration,
    event: Event,
    acting_user: User | None,
    *,
    subject: User | None = None,
    changes: dict[str, Any] | None = None,
) -> None:
    audit.record(
        verb,
        obj,
        acting_user=acting_user,
        subject=subject,
        circle=event.host_circle_id,
        changes=changes or {},
    )


def guest_circles(host: Circle) -> QuerySet[Circle]:
    """Circles an event of ``host`` may be opened to: those with an active bridge to it."""
    return Circle.objects.filter(pk__in=bridged_circle_ids([host.pk])).order_by("name")


def openable_events(host: Circle, guest: Circle) -> QuerySet[Event]:
    """The upcoming events of ``host`` open to the bridged circles it chooses that have not
    chosen ``guest``: what a new bridge offers to open to its partner, soonest first."""
    return (
        Event.objects.filter(
            host_circle=host,
            openness=Openness.BRIDGED,
            cancelled_at__isnull=True,
            starts_at__gt=timezone.now(),
        )
        .exclude(open_to=guest)
        .order_by("starts_at", "pk")
    )


@transaction.atomic
def do_open_events_to_circle(
    host: Circle, guest: Circle, event_ids: Iterable[int], *, acting_user: User
) -> list[Event]:
    """An admin of ``host`` opens those of its upcoming « bridged » events named by
    ``event_ids`` to ``guest`` too, a circle with an active bridge to it: ``guest`` joins
    each one's guest circles (its members may see and join them). Ids of events that are
    not ``host``'s, past, cancelled, of another openness or already open to ``guest`` are
    passed over. Returns the events opened, soonest first."""
    _refuse_unless(access.may_create_in(acting_user, host))
    if guest.pk == host.pk or guest.pk not in bridged_circle_ids([host.pk]):
        raise ActionError(_("Pas de passerelle active avec : %(names)s.") % {"names": guest.name})
    wanted = {int(pk) for pk in event_ids}
    if not wanted:
        raise ActionError(_("Cochez au moins un événement."))
    events = list(
        openable_events(host, guest)
        .filter(pk__in=wanted)
        .select_for_update()
        .select_related("host_circle")
    )
    for event in events:
        event.open_to.add(guest)
        audit.record(
            OPENED_TO_CIRCLE,
            event,
            acting_user=acting_user,
            circle=host.pk,
            other_circle=guest.pk,
            changes={"open_to": [None, guest.name]},
        )
    return events


EVENTS_OFFER_DISMISSED = audit.verb(
    "bridge.events_offer_dismissed",
    _l("ne propose plus d'ouvrir les événements du cercle au cercle relié"),
)


@transaction.atomic
def do_dismiss_events_offer(host: Circle, bridge: Bridge, *, acting_user: User) -> Bridge:
    """An admin of ``host`` answers « Ne plus proposer » to the offer of opening its coming
    « bridged » events to the other circle of ``bridge``: the offer is no longer shown to
    ``host``'s admins, on the bridges page or in e-mails. Opening an event to that circle
    by hand stays possible. Saying it again changes nothing."""
    _refuse_unless(access.may_create_in(acting_user, host))
    locked = Bridge.objects.select_for_update().get(pk=bridge.pk)
    if host.pk not in (locked.from_circle_id, locked.to_circle_id):
        raise ActionError(_("Cette passerelle ne relie pas votre cercle."))
    field = locked.events_offer_field(host)
    if getattr(locked, field) is None:
        setattr(locked, field, timezone.now())
        locked.save(update_fields=[field])
        audit.record(
            EVENTS_OFFER_DISMISSED,
            locked,
            acting_user=acting_user,
            circle=host.pk,
            other_circle=locked.other(host).pk,
            changes={"events_offer": ["shown", "dismissed"]},
        )
    return locked


def _set_open_to(event: Event, circles: Iterable[Circle] | None) -> None:
    chosen = list(circles or [])
    if event.openness != Openness.BRIDGED:
        event.open_to.clear()
        return
    allowed = bridged_circle_ids([event.host_circle_id])
    refused = [c.name for c in chosen if c.pk not in allowed]
    if refused:
        raise ActionError(
            _("Pas de passerelle active avec : %(names)s.") % {"names": ", ".join(refused)}
        )
    if not chosen:
        raise ActionError(_("Choisissez au moins un cercle relié."))
    event.open_to.set(chosen)


@transaction.atomic
def do_create_event(*, acting_user: User, open_to: Iterable[Circle] = (), **fields: Any) -> Event:
    """Create an event hosted by a circle ``acting_user`` administers."""
    event = Event(created_by=acting_user, **fields)
    if not access.may_create_in(acting_user, event.host_circle):
        raise ActionError(_("Seuls les responsables du cercle peuvent créer ses événements."))
    event.full_clean()
    event.save()
    _set_open_to(event, open_to)
    _record(EVENT_CREATED, event, event, acting_user)
    return event


def _locked_event(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("host_circle").get(pk=event.pk)


def _update(
    event: Event, acting_user: User, open_to: Iterable[Circle] | None, fields: dict[str, Any]
) -> tuple[Event, dict[str, list[Any]]]:
    """Apply ``fields`` to the locked ``event`` (the caller checked authority and records);
    returns the event as saved and what changed."""
    if event.is_cancelled:
        raise ActionError(_("Cet événement est annulé."))
    was = event.starts_at
    before = audit.snapshot(event, fields)
    for name, value in fields.items():
        setattr(event, name, value)
    event.sequence = F("sequence") + 1
    event.full_clean(exclude=["sequence"])
    event.save(update_fields=[*fields, "sequence", "updated_at"])
    event.refresh_from_db()
    if open_to is not None or event.openness != Openness.BRIDGED:
        _set_open_to(event, open_to)
    if event.starts_at != was:
        _move_agenda(event, was)
        people = list(
            event.registrations.exclude(status=RegistrationStatus.CANCELLED).select_related(
                "user__profile"
            )
        )
        _tell(people, event, "moved", was=was)
    _fill_seats(event)
    changed = audit.diff(before, event)
    return event, {
        k: [_shown(v) for v in pair] for k, pair in changed.items() if k in LOGGED_FIELDS
    }


def _shown(value: Any) -> Any:
    """A time as the log's readers read it (local, to the minute)."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    return value


@transaction.atomic
def do_update_event(
    event: Event, *, acting_user: User, open_to: Iterable[Circle] | None = None, **fields: Any
) -> Event:
    """Change an event; calendars see a new SEQUENCE, new seats go to the waitlist.
    Moving its start moves its programme by as much and tells everyone with a place."""
    event = _locked_event(event)
    _refuse_unless(access.may_manage(acting_user, event))
    was = event.starts_at
    event, changes = _update(event, acting_user, open_to, fields)
    verb = EVENT_MOVED if event.starts_at != was else EVENT_UPDATED
    _record(verb, event, event, acting_user, changes=changes)
    return event


def _move_agenda(event: Event, was: dt.datetime) -> None:
    """Shift every moment of the programme by as much as the start moved on the clock
    (a programme holds times of day; 19:00 stays 19:00 across a change of summer time)."""
    old = timezone.localtime(was).replace(tzinfo=None)
    delta = timezone.localtime(event.starts_at).replace(tzinfo=None) - old
    items = list(AgendaItem.objects.select_for_update().filter(event=event))
    for item in items:
        item.at = (dt.datetime.combine(old.date(), item.at) + delta).time()
    AgendaItem.objects.bulk_update(items, ["at"])


@transaction.atomic
def do_save_agenda(
    event: Event, formset: BaseInlineFormSet[Any, Any, Any], *, acting_user: User
) -> Event:
    """Save the programme edited in a valid agenda ``formset`` and give calendars a new
    SEQUENCE: all of it or nothing (a cancelled event refuses, and no item is touched)."""
    event = _locked_event(event)
    _refuse_unless(access.may_manage(acting_user, event))
    if event.is_cancelled:
        raise ActionError(_("Cet événement est annulé."))
    items = formset.save(commit=False)
    for obj in formset.deleted_objects:
        obj.delete()
    for position, item in enumerate(items):
        item.position = position
        item.save()
    event, _changes = _update(event, acting_user, None, {})
    _record(AGENDA_SAVED, event, event, acting_user)
    return event


@transaction.atomic
def do_cancel_event(event: Event, *, acting_user: User) -> Event:
    """Cancel an event: calendars show it cancelled, people with a place are told."""
    event = _locked_event(event)
    _refuse_unless(access.may_manage(acting_user, event))
    if event.is_cancelled:
        raise ActionError(_("Cet événement est déjà annulé."))
    event.cancelled_at = timezone.now()
    event.sequence += 1
    event.save(update_fields=["cancelled_at", "sequence", "updated_at"])
    people = list(
        event.registrations.exclude(status=RegistrationStatus.CANCELLED).select_related(
            "user__profile"
        )
    )
    _record(EVENT_CANCELLED, event, event, acting_user)
    _tell(people, event, "cancelled")
    return event


def _circles_of(users: Sequence[User], event: Event) -> dict[int, Circle | None]:
    """The circle through which each of ``users`` comes, by user id: the host, else the
    first by name of the guest circles they belong to, else the first of theirs."""
    mine: dict[int, set[int]] = {}
    admitted = Membership.objects.admitted().filter(user_id__in=[u.pk for u in users])
    for user_id, circle_id in admitted.values_list("user_id", "circle_id"):
        mine.setdefault(user_id, set()).add(circle_id)
    ids = {c for circles in mine.values() for c in circles}
    named = Circle.objects.filter(pk__in=ids).order_by("name", "pk")
    by_name = {circle.pk: circle for circle in named}
    guests = set(event.open_to.values_list("pk", flat=True))
    chosen: dict[int, Circle | None] = {}
    for user in users:
        own = mine.get(user.pk, set())
        if event.host_circle_id in own:
            chosen[user.pk] = event.host_circle
            continue
        ordered = [c for pk, c in by_name.items() if pk in own]
        guest = next((c for c in ordered if c.pk in guests), None)
        chosen[user.pk] = guest or next(iter(ordered), None)
    return chosen


@transaction.atomic
def do_register(event: Event, *, acting_user: User) -> Registration:
    """``acting_user`` takes a seat, or a place on the waitlist when the seats are gone."""
    return do_register_each(event, acting_users=[acting_user])[0]


@transaction.atomic
def do_register_each(event: Event, *, acting_users: Sequence[User]) -> list[Registration]:
    """Each of ``acting_users``, in turn, takes a seat or a place on the waitlist, as
    `do_register` one after the other would (the demo's seeding): the event is locked and
    read once, everyone's right to register is checked at once, and the calendar sent with
    their notices is rendered once per language. All or nothing: one person refused
    (not eligible, already registered) refuses them all."""
    users = list(acting_users)
    event = _locked_event(event)
    if event.is_cancelled:
        raise ActionError(_("Cet événement est annulé."))
    if not event.registration_open:
        raise ActionError(_("Les inscriptions à cet événement sont closes."))
    if not {user.pk for user in users} <= access.registrable_user_ids(users, event):
        raise ActionError(_("Cet événement n'est pas ouvert à vos cercles."))
    known = {r.user_id: r for r in Registration.objects.filter(event=event, user__in=users)}
    taken = event.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    circles = _circles_of(users, event)
    registrations = []
    for user in users:
        registration = known.get(user.pk)
        if registration and registration.status != RegistrationStatus.CANCELLED:
            raise ActionError(_("Vous avez déjà une place à cet événement."))
        seated = taken < event.capacity
        taken += seated
        registration = registration or Registration(event=event, user=user)
        registration.status = (
            RegistrationStatus.REGISTERED if seated else RegistrationStatus.WAITLISTED
        )
        registration.circle = circles[user.pk]
        registration.queued_at = timezone.now()
        registration.promoted_at = None
        registration.cancelled_at = None
        registration.checked_in_at = None
        registration.reminder_sent_at = None
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as exc:  # a double click that slipped past the lock
            raise ActionError(_("Vous avez déjà une place à cet événement.")) from exc
        known[user.pk] = registration
        registrations.append(registration)
    calendars: dict[str, bytes] = {}
    for status, told in groupby(registrations, key=lambda r: r.status):
        _tell(list(told), event, status, calendars=calendars)
    return registrations


@transaction.atomic
def do_cancel_registration(registration: Registration, *, acting_user: User) -> list[Registration]:
    """Give a place back (the person, or an organiser for them); the first people of the
    waitlist take the free seats.

    Returns the registrations promoted from the waitlist.
    """
    event = _locked_event(Event(pk=registration.event_id))
    registration = Registration.objects.select_related("user").get(pk=registration.pk)
    own = registration.user_id == acting_user.pk
    if not own and not access.may_manage(acting_user, event):
        raise ActionError(_("Seuls les responsables du cercle annulent l'inscription d'un autre."))
    if registration.status == RegistrationStatus.CANCELLED:
        raise ActionError(_("Cette inscription est déjà annulée."))
    if event.has_started:
        raise ActionError(_("L'événement a déjà commencé."))
    before = registration.status
    seated = before == RegistrationStatus.REGISTERED and event.has_rounds
    plan_was_current = seated and _plans().plan_is_current(event)
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if not own:
        _record(
            REGISTRATION_CANCELLED,
            registration,
            event,
            acting_user,
            subject=registration.user,
            changes={"status": [before, registration.status]},
        )
    promoted = _fill_seats(event, tell=False)
    plan = None
    if plan_was_current and promoted:
        plan = _plans().do_hand_on_seat(
            event, leaver=registration, newcomer=promoted[0], acting_user=acting_user
        )
    if plan is not None:
        seats = _plans().seats_of(plan, promoted[0].user)
        _tell(promoted[:1], event, "promoted", seats=seats)
        _tell(promoted[1:], event, "promoted")
        _tell_organisers(event, "seat_handed_on", acting_user, registration, promoted[0], seats)
    else:
        _tell(promoted, event, "promoted")
        if plan_was_current and not _plans().plan_is_current(event):
            _tell_organisers(event, "plan_outdated", acting_user, registration)
    return promoted


def _plans() -> Any:
    from passerelles.events import plans  # the engine's arrays load with the plans

    return plans


def _organisers(event: Event) -> list[User]:
    """Who hears about the event's plan: its author while they manage the host circle,
    else the circle's admins."""
    author = event.created_by
    if author is not None and author.is_active and access.may_manage(author, event):
        return [author]
    from passerelles.circles.actions import circle_admins

    return list(circle_admins(event.host_circle).order_by("pk"))


def _tell_organisers(
    event: Event,
    kind: str,
    acting_user: User,
    leaver: Registration,
    newcomer: Registration | None = None,
    seats: Sequence[Any] = (),
) -> None:
    """Tell the organisers (not the one who acted) that a freed seat was handed on in the
    plan (``seat_handed_on``) or left empty, the plan to redo (``plan_outdated``)."""
    url = reverse("events:plan", args=[event.pk])
    names: dict[str, Any] = {
        "title": event.title,
        "leaver": leaver.user.get_full_name() or leaver.user.email,
    }
    if newcomer is not None:
        names["name"] = newcomer.user.get_full_name() or newcomer.user.email
    for organiser in _organisers(event):
        if organiser.pk == acting_user.pk:
            continue
        notify(
            organiser,
            kind,
            url=url,
            template=f"events/email/{kind}.txt",
            context={
                "event": event,
                "seats": seats,
                "leaver": names["leaver"],
                "newcomer": names.get("name", ""),
            },
            **names,
        )


def _fill_seats(event: Event, *, tell: bool = True) -> list[Registration]:
    """Promote the waitlist in arrival order while seats are free (event row locked);
    each promotion is logged as the rule's doing; the promoted are told unless the
    caller tells them (``tell=False``)."""
    if event.is_cancelled:
        return []
    taken = event.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    free = event.capacity - taken
    if free <= 0:
        return []
    promoted = list(
        event.registrations.filter(status=RegistrationStatus.WAITLISTED)
        .select_related("user__profile")
        .order_by("queued_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _record(
            PROMOTED,
            registration,
            event,
            None,
            subject=registration.user,
            changes={"status": [RegistrationStatus.WAITLISTED, RegistrationStatus.REGISTERED]},
        )
    if promoted and tell:
        _tell(promoted, event, "promoted")
    return promoted


@transaction.atomic
def do_check_in(
    registration: Registration, present: bool = True, *, acting_user: User
) -> Registration:
    """An organiser marks someone present (or not) on the day (not logged: the
    participants page shows it)."""
    registration = (
        Registration.objects.select_for_update()
        .select_related("event", "event__host_circle")
        .get(pk=registration.pk)
    )
    _refuse_unless(access.may_manage(acting_user, registration.event))
    if registration.status != RegistrationStatus.REGISTERED:
        raise ActionError(_("Seules les personnes inscrites peuvent être pointées."))
    registration.checked_in_at = timezone.now() if present else None
    registration.save(update_fields=["checked_in_at"])
    return registration


def _attended(user: User, event: Event) -> Registration:
    registration = Registration.objects.filter(
        event=event, user=user, status=RegistrationStatus.REGISTERED
    ).first()
    if registration is None:
        raise ActionError(_("Vous n'étiez pas inscrit à cet événement."))
    if not event.has_started:
        raise ActionError(_("L'événement n'a pas encore eu lieu."))
    return registration


@transaction.atomic
def do_rate_event(event: Event, rating: int, comment: str = "", *, acting_user: User) -> Feedback:
    """A participant rates the event (again: the new rating replaces the first)."""
    _attended(acting_user, event)
    if not 1 <= int(rating) <= 5:
        raise ActionError(_("La note va de 1 à 5."))
    feedback, _created = Feedback.objects.select_for_update().update_or_create(
        event=event, user=acting_user, defaults={"rating": rating, "comment": comment}
    )
    return feedback


def feed_of(user: User) -> CalendarFeed:
    """``user``'s personal calendar feed (made the first time it is asked for)."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def do_renew_feed(*, acting_user: User) -> CalendarFeed:
    """A new secret address for ``acting_user``'s feed; the old one stops working at once."""
    feed = CalendarFeed.objects.select_for_update().filter(user=acting_user).first()
    if feed is None:
        return CalendarFeed.objects.create(user=acting_user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed


def attested_mates(user: User, event: Event) -> dict[int, int]:
    """Table-mates ``user`` already attested for this event: user id -> usefulness."""
    from passerelles.trust.models import MeetingAttestation

    return dict(
        MeetingAttestation.objects.filter(
            attester=user, source="event", source_id=event.pk
        ).values_list("other_id", "usefulness")
    )


def do_attest_table_mate(
    event: Event, other: User, usefulness: int, *, acting_user: User
) -> MeetingAttestation:
    """Confirm a meeting with a table-mate (again: update its usefulness); feeds trust."""
    from passerelles.events.plans import table_mates
    from passerelles.trust.actions import do_attest_meeting

    _attended(acting_user, event)
    if other.pk not in {mate.pk for mate, _rounds in table_mates(event, acting_user)}:
        raise ActionError(_("Cette personne n'était pas à votre table."))
    if not 1 <= int(usefulness) <= 5:
        raise ActionError(_("L'utilité va de 1 à 5."))
    return do_attest_meeting(
        other,
        acting_user=acting_user,
        usefulness=int(usefulness),
        happened_on=timezone.localtime(event.starts_at).date(),
        source="event",
        source_id=event.pk,
    )


NOTICE_KINDS = {  # what happened to a place -> the notice, its e-mail, and the .ics?
    "registered": ("registered", "events/email/registered.txt", True),
    "waitlisted": ("waitlisted", "events/email/waitlisted.txt", False),
    "promoted": ("promoted", "events/email/promoted.txt", True),
    "moved": ("event_moved", "events/email/moved.txt", True),
    "cancelled": ("event_cancelled", "events/email/cancelled.txt", True),
    "kept": ("place_kept", "events/email/place_kept.txt", False),
}


def tell_places_kept(bridge: Bridge) -> int:
    """Receiver of ``bridge_closed``: members of either circle who hold a place at an
    upcoming event of the other, taken through the bridge, are told that it stays
    theirs (the event no longer takes their circle's registrations). How many were told."""
    told = 0
    one, other = bridge.from_circle_id, bridge.to_circle_id
    for host_id, guest_id in ((one, other), (other, one)):
        events = Event.objects.filter(
            host_circle_id=host_id,
            openness=Openness.BRIDGED,
            cancelled_at__isnull=True,
            starts_at__gt=timezone.now(),
        )
        for event in events:
            members = Membership.objects.admitted().filter(circle_id=guest_id)
            held = list(
                event.registrations.filter(circle_id=guest_id, status__in=access.HELD)
                .filter(user_id__in=members.values("user_id"))
                .select_related("user")
                .order_by("pk")
            )
            _tell(held, event, "kept")
            told += len(held)
    return told


def _tell(
    registrations: list[Registration],
    event: Event,
    what: str,
    was: dt.datetime | None = None,
    *,
    calendars: dict[str, bytes] | None = None,
    seats: Sequence[Any] = (),
) -> None:
    """Tell people what happened to their place (registered, waitlisted, promoted, event
    moved or cancelled): a notice now, an e-mail in their language once committed, with
    the event's .ics where their calendar should change (rendered once per language, and
    kept in ``calendars`` for the caller's next call about the same event as it is).
    ``seats``: the tables per round of someone promoted into the plan, whose notice then
    leads to « Mes tables »."""
    kind, template, with_ics = NOTICE_KINDS[what]
    calendars = {} if calendars is None else calendars
    for registration in registrations:
        attachments: tuple[Attachment, ...] = ()
        if with_ics:
            language = language_of(registration.user)
            if language not in calendars:
                with translation.override(language):
                    calendars[language] = event_calendar(event, settings.SITE_URL)
            ics = calendars[language]
            attachments = (Attachment(f"evenement-{event.pk}.ics", ics, "text/calendar"),)
        url = event.get_absolute_url()
        if seats:
            url = reverse("events:my_tables", args=[event.pk])
        notify(
            registration.user,
            kind,
            url=url,
            template=template,
            context={"event": event, "registration": registration, "was": was, "seats": seats},
            attachments=attachments,
            title=event.title,
        )
