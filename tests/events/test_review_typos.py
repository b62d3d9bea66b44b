"""Slips an organiser or a guest makes are answered with what went wrong: a new event
starting in the past, fewer seats than are booked, a number of rounds out of range, a
feedback comment too long."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from passerelles.events import actions
from passerelles.events.models import Event
from tests.events.conftest import members
from tests.events.test_debrief import past_evening  # noqa: F401 (a fixture)
from tests.events.test_event_form import _data

pytestmark = pytest.mark.django_db


def test_a_new_event_in_the_past_is_refused(client, alice, club):
    client.force_login(alice)
    response = client.post(
        reverse("events:create"),
        _data(
            club,
            starts_at="2025-01-10T18:30",
            ends_at="2025-01-10T21:00",
            registration_deadline="",
        ),
    )
    assert response.status_code == 200
    assert "Ce début est déjà passé : vérifiez la date, l&#x27;année comprise." in (
        response.content.decode()
    )
    assert not Event.objects.exists()


def test_seats_cannot_go_below_those_booked(client, alice, club, event):
    for person in members(club, 3, "b"):
        actions.do_register(event, acting_user=person)
    client.force_login(alice)
    data = _data(club, title=event.title, capacity="1", registration_deadline="")
    start = event.starts_at.astimezone().strftime("%Y-%m-%dT%H:%M")
    data.update(starts_at=start, ends_at=event.ends_at.astimezone().strftime("%Y-%m-%dT%H:%M"))
    response = client.post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 places sont déjà prises : le nombre de places ne peut pas descendre en dessous." in (
        page
    )
    event.refresh_from_db()
    assert event.capacity == 10


@pytest.mark.parametrize("rounds", ["0", "500"])
def test_rounds_out_of_range_are_said(client, alice, club, event, rounds):
    client.force_login(alice)
    response = client.post(
        reverse("events:plan", args=[event.pk]), {"table_size": "4", "rounds": rounds}
    )
    page = response.content.decode()
    assert "errorlist" in page
    assert "Assurez-vous que cette valeur est" in page


def test_a_too_long_comment_is_said_not_a_missing_rating(client, past_evening):  # noqa: F811
    event, people = past_evening
    client.force_login(people[0])
    response = client.post(
        reverse("events:rate", args=[event.pk]), {"rating": "4", "comment": "x" * 2100}
    )
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["Votre commentaire dépasse 2000 caractères (2100) : raccourcissez-le."]
