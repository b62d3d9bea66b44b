"""iCalendar files and feeds: stable UID, growing SEQUENCE, cancellations, secret URLs."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from passerelles.events import actions
from passerelles.events.calendars import event_calendar
from passerelles.events.models import CalendarFeed, Openness
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def _vevents(body: bytes):
    return [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]


def test_ics_uid_is_stable_and_sequence_grows(alice, club, event):
    first = _vevents(event_calendar(event))[0]
    assert str(first["uid"]) == f"event-{event.pk}@passerelles"
    assert int(first["sequence"]) == 0
    assert str(first["status"]) == "CONFIRMED"
    event = actions.do_update_event(event, acting_user=alice, title="Nouveau titre")
    second = _vevents(event_calendar(event))[0]
    assert str(second["uid"]) == str(first["uid"])
    assert int(second["sequence"]) == 1
    assert str(second["summary"]) == "Nouveau titre"
    assert second.decoded("dtstart") == event.starts_at.replace(microsecond=0)


def test_cancelled_event_is_sent_cancelled(alice, club, event):
    event = actions.do_cancel_event(event, acting_user=alice)
    item = _vevents(event_calendar(event))[0]
    assert str(item["status"]) == "CANCELLED"
    assert int(item["sequence"]) == 1


def test_event_ics_view(client, bob, event):
    client.force_login(bob)
    response = client.get(reverse("events:ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    item = _vevents(response.content)[0]
    assert str(item["url"]).endswith(f"/evenements/{event.pk}/")


def test_personal_feed_lists_my_events_and_is_revocable(client, bob, event, alice, club):
    other = make_event(alice, club, title="Pas pour Bob")
    actions.do_register(event, acting_user=bob)
    client.force_login(bob)
    client.get(reverse("events:calendar"))
    token = CalendarFeed.objects.get(user=bob).token
    client.logout()
    response = client.get(reverse("events:feed", args=[token]))
    assert response.status_code == 200
    uids = [str(e["uid"]) for e in _vevents(response.content)]
    assert uids == [event.uid]
    assert other.uid not in uids
    client.force_login(bob)
    client.post(reverse("events:regenerate_feed"))
    client.logout()
    assert client.get(reverse("events:feed", args=[token])).status_code == 404
    new_token = CalendarFeed.objects.get(user=bob).token
    assert new_token != token
    assert client.get(reverse("events:feed", args=[new_token])).status_code == 200


def test_cancelled_event_stays_in_the_feed_as_cancelled(client, bob, alice, event):
    actions.do_register(event, acting_user=bob)
    actions.do_cancel_event(event, acting_user=alice)
    feed = CalendarFeed.objects.create(user=bob)
    items = _vevents(client.get(reverse("events:feed", args=[feed.token])).content)
    assert [str(e["status"]) for e in items] == ["CANCELLED"]


def test_circle_feed_for_those_who_may_see_the_circle(client, alice, club, bob, charlie, dana):
    make_event(alice, club, title="Réservé au club")
    client.force_login(bob)
    response = client.get(reverse("events:circle_feed", args=[club.slug]))
    assert [str(e["summary"]) for e in _vevents(response.content)] == ["Réservé au club"]
    client.force_login(charlie)
    assert client.get(reverse("events:circle_feed", args=[club.slug])).status_code == 404


def test_circle_feed_with_token_shows_only_what_its_owner_may_see(
    client, alice, club, alumni, bridge, dana
):
    make_event(alice, club, title="Club seulement")
    make_event(alice, club, title="Ouvert aux anciens", openness=Openness.BRIDGED, open_to=[alumni])
    feed = CalendarFeed.objects.create(user=dana)
    response = client.get(reverse("events:circle_feed_token", args=[feed.token, club.slug]))
    assert [str(e["summary"]) for e in _vevents(response.content)] == ["Ouvert aux anciens"]
