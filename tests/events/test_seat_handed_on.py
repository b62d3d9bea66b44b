"""A guest with a seat gives it back after the table plan is made: the first person of the
waitlist takes her seat in every round (same table each round), so the plan keeps zero
repeats and stays current; the newcomer and the organiser are told her tables. When
nobody takes the seat, the plan is « plus à jour » and the organiser is told once."""

from collections import Counter
from itertools import combinations

import pytest
from django.urls import reverse

from passerelles.core.models import AuditEntry
from passerelles.events import actions, plans
from passerelles.events.models import Registration, RegistrationStatus, TablePlan
from passerelles.notifications.models import Notification
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db


def _repeats(plan) -> int:
    met = Counter()
    for row in plan.tables:
        tables: dict[int, list[int]] = {}
        for uid, t in zip(plan.participants, row, strict=True):
            if t >= 0:
                tables.setdefault(t, []).append(uid)
        for seated in tables.values():
            met.update(frozenset(p) for p in combinations(seated, 2))
    return sum(n - 1 for n in met.values() if n > 1)


def _mates(plan, user_id) -> list[set[int]]:
    i = plan.participants.index(user_id)
    return [
        {uid for uid, t in zip(plan.participants, row, strict=True) if t == row[i]} - {user_id}
        for row in plan.tables
    ]


def _notices(user, kind):
    return list(Notification.objects.filter(user=user, kind=kind))


def _mails(outbox, user):
    return [m for m in outbox if m.to == [user.email]]


@pytest.fixture
def full_evening(alice, club):
    """Twelve guests seated at four tables of three for three rounds, two on the waitlist."""
    event = make_event(alice, club, capacity=12)
    guests = members(club, 14, "g")
    for guest in guests:
        actions.do_register(event, acting_user=guest)
    plan = plans.do_generate_plan(event, acting_user=alice, table_size="3", rounds=3)
    assert _repeats(plan) == 0 and plan.quality["repeats"] == 0
    return event, guests[:12], guests[12:]


def _registration(event, user):
    return Registration.objects.get(event=event, user=user)


def test_the_first_waiting_takes_the_freed_seat_at_the_same_tables(
    client, alice, full_evening, mailoutbox, django_capture_on_commit_callbacks
):
    event, seated, waiting = full_evening
    leaver, newcomer = seated[4], waiting[0]
    before = TablePlan.objects.get(event=event)
    tables = [row[before.participants.index(leaver.pk)] for row in before.tables]
    mates = _mates(before, leaver.pk)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = actions.do_cancel_registration(_registration(event, leaver), acting_user=leaver)
    assert [r.user_id for r in promoted] == [newcomer.pk]
    assert _registration(event, waiting[1]).status == RegistrationStatus.WAITLISTED
    plan = TablePlan.objects.get(event=event)
    assert leaver.pk not in plan.participants
    assert [row[plan.participants.index(newcomer.pk)] for row in plan.tables] == tables
    assert _mates(plan, newcomer.pk) == mates  # exactly whom the leaver would have met
    assert _repeats(plan) == 0 and plan.quality["repeats"] == 0
    assert not plans.changes_since(plan)

    client.force_login(alice)
    page = client.get(reverse("events:plan", args=[event.pk])).content.decode()
    assert "plus à jour" not in page
    assert newcomer.get_full_name() in page and leaver.get_full_name() not in page

    told = _mails(mailoutbox, newcomer)[-1]
    assert "Une place s'est libérée" in told.subject
    for r, t in enumerate(tables, start=1):
        assert f"Tour {r} : table {t + 1}" in told.body
    assert reverse("events:my_tables", args=[event.pk]) in told.body
    first = next(line for line in told.body.splitlines() if line.startswith("- Tour 1 : "))
    assert ", avec " in first
    assert all(u.get_full_name() in first for u in seated if u.pk in mates[0])
    client.force_login(newcomer)
    mine = client.get(reverse("events:my_tables", args=[event.pk])).content.decode()
    assert f"Tour 1 : table {tables[0] + 1}" in mine

    (notice,) = _notices(alice, "seat_handed_on")
    assert newcomer.get_full_name() in notice.shown and leaver.get_full_name() in notice.shown
    organiser_mail = _mails(mailoutbox, alice)[-1]
    assert "prend la place de" in organiser_mail.subject
    assert f"Tour 3 : table {tables[2] + 1}" in organiser_mail.body
    assert not _notices(alice, "plan_outdated")

    entry = AuditEntry.objects.get(verb="event.seat_handed_on")
    assert (entry.acting_user, entry.subject_user) == (leaver, newcomer)
    assert entry.changes == {"tables": [t + 1 for t in tables]}


def test_an_organiser_giving_a_place_back_hands_the_seat_on_too(alice, full_evening):
    event, seated, waiting = full_evening
    actions.do_cancel_registration(_registration(event, seated[0]), acting_user=alice)
    plan = TablePlan.objects.get(event=event)
    assert waiting[0].pk in plan.participants and not plans.changes_since(plan)
    entry = AuditEntry.objects.get(verb="event.seat_handed_on")
    assert entry.acting_user == alice
    assert not _notices(alice, "seat_handed_on")  # she did it herself


def test_a_seat_nobody_takes_makes_the_plan_stale_and_the_organiser_is_told_once(
    client, alice, full_evening, mailoutbox, django_capture_on_commit_callbacks
):
    event, seated, waiting = full_evening
    for person in waiting:
        actions.do_cancel_registration(_registration(event, person), acting_user=person)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_cancel_registration(_registration(event, seated[1]), acting_user=seated[1])
        actions.do_cancel_registration(_registration(event, seated[2]), acting_user=seated[2])
    plan = TablePlan.objects.get(event=event)
    assert len(plans.changes_since(plan).left) == 2
    (notice,) = _notices(alice, "plan_outdated")
    assert notice.url == reverse("events:plan", args=[event.pk])
    (mail,) = [m for m in _mails(mailoutbox, alice) if "Plan de table à refaire" in m.subject]
    assert "Refaire le plan" in mail.body
    assert reverse("events:plan", args=[event.pk]) in mail.body
    client.force_login(alice)
    page = client.get(reverse("events:plan", args=[event.pk])).content.decode()
    assert "Le plan n'est plus à jour" in page


def test_the_organiser_and_the_newcomer_read_it_in_english(
    alice, full_evening, mailoutbox, django_capture_on_commit_callbacks
):
    from django.utils import translation

    event, seated, waiting = full_evening
    for person in (alice, waiting[0]):
        person.profile.language = "en"
        person.profile.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_cancel_registration(_registration(event, seated[3]), acting_user=seated[3])
    (notice,) = _notices(alice, "seat_handed_on")
    with translation.override("en"):
        assert "takes the seat of" in notice.shown
    organiser_mail = _mails(mailoutbox, alice)[-1]
    assert "takes the seat of" in organiser_mail.subject
    assert "the tables where G12 Nom12 sits:" in organiser_mail.body
    assert "Round 3: table" in organiser_mail.body
    assert "Round 1: table" in _mails(mailoutbox, waiting[0])[-1].body
    actions.do_cancel_registration(_registration(event, seated[4]), acting_user=seated[4])
    with django_capture_on_commit_callbacks(execute=True):  # the waitlist is empty now
        actions.do_cancel_registration(_registration(event, seated[5]), acting_user=seated[5])
    stale = _mails(mailoutbox, alice)[-1]
    assert stale.subject == "[Passerelles] Table plan to redo: “Soirée speed meeting”"
    assert "Make the plan again" in stale.body and "nobody is on the waiting list" in stale.body
