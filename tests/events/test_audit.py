"""What the host circle's log shows of its events: who changed, moved or cancelled one,
who gave back someone else's place, which seats the waitlist passed on; and that a
refused change writes nothing."""

import datetime

import pytest
from django.urls import reverse

from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.events import actions
from passerelles.events.models import Registration, RegistrationStatus
from tests.events.conftest import make_event, members


def _new_entries(since: int):
    return list(
        AuditEntry.objects.filter(pk__gt=since)
        .order_by("pk")
        .values_list("verb", "acting_user_id", "subject_user_id", "circle_id")
    )


def _last() -> int:
    return AuditEntry.objects.order_by("pk").values_list("pk", flat=True).last() or 0


def test_moving_an_event_is_one_entry_by_the_organiser(alice, club, event):
    since = _last()
    later = event.starts_at + datetime.timedelta(days=1)
    actions.do_update_event(
        event, acting_user=alice, starts_at=later, ends_at=later + datetime.timedelta(hours=3)
    )
    assert _new_entries(since) == [("event.moved", alice.pk, None, club.pk)]
    entry = AuditEntry.objects.get(pk__gt=since)
    assert set(entry.changes) == {"starts_at", "ends_at"}


def test_a_member_may_not_change_or_cancel_the_event_and_nothing_is_written(bob, event):
    since = _last()
    with pytest.raises(ActionError):
        actions.do_update_event(event, acting_user=bob, title="Autre titre")
    with pytest.raises(ActionError):
        actions.do_cancel_event(event, acting_user=bob)
    event.refresh_from_db()
    assert event.title == "Soirée speed meeting" and event.cancelled_at is None
    assert _new_entries(since) == []


def test_own_registration_and_cancellation_are_not_logged_promotion_is(alice, club):
    event = make_event(alice, club, capacity=1)
    seated, waiting = members(club, 2)
    since = _last()
    taken = actions.do_register(event, acting_user=seated)
    actions.do_register(event, acting_user=waiting)
    actions.do_cancel_registration(taken, acting_user=seated)
    assert _new_entries(since) == [("registration.promoted", None, waiting.pk, club.pk)]


def test_an_organiser_gives_back_a_place_and_the_log_names_both(alice, club, event):
    person, other = members(club, 2)
    registration = actions.do_register(event, acting_user=person)
    since = _last()
    with pytest.raises(ActionError):
        actions.do_cancel_registration(registration, acting_user=other)
    assert _new_entries(since) == []
    actions.do_cancel_registration(registration, acting_user=alice)
    assert _new_entries(since) == [
        ("registration.cancelled_by_organiser", alice.pk, person.pk, club.pk)
    ]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_the_circle_log_reads_the_event_changes(client, alice, club, event):
    actions.do_update_event(event, acting_user=alice, place="Salle des fêtes", capacity=12)
    actions.do_cancel_event(event, acting_user=alice)
    client.force_login(alice)
    text = client.get(reverse("circles:log", args=[club.slug])).content.decode()
    for words in ("a modifié l&#x27;événement", "a annulé l&#x27;événement", "Salle des fêtes"):
        assert words in text
    assert "Soirée speed meeting" in text


def test_check_in_is_for_organisers_only(alice, bob, club, event):
    registration = actions.do_register(event, acting_user=bob)
    with pytest.raises(ActionError):
        actions.do_check_in(registration, acting_user=bob)
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None
    assert actions.do_check_in(registration, acting_user=alice).checked_in_at is not None


def test_only_organisers_plan_the_tables_and_the_log_says_who(alice, bob, club, event):
    from passerelles.events import plans
    from passerelles.events.models import EventFormat

    assert event.format == EventFormat.SPEED_MEETING
    for person in members(club, 4, "t"):
        actions.do_register(event, acting_user=person)
    since = _last()
    with pytest.raises(ActionError):
        plans.do_generate_plan(event, acting_user=bob, table_size="2", rounds=2)
    assert _new_entries(since) == []
    plans.do_generate_plan(event, acting_user=alice, table_size="2", rounds=2)
    assert _new_entries(since) == [("event.plan_generated", alice.pk, None, club.pk)]
