import datetime
import zoneinfo

import pytest
from django.urls import reverse

from passerelles.events.models import Event

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _data(circle, **extra):
    data = {
        "title": "Speed meeting des passerelles",
        "axis": "societe",
        "topic": "Créer de l'impact ensemble",
        "format": "speed_meeting",
        "description": "Quatre tours de tables.",
        "host_circle": circle.pk,
        "openness": "host",
        "place": "Halle Tony Garnier",
        "city": "Lyon",
        "starts_at": "2031-06-12T19:00",
        "ends_at": "2031-06-12T22:00",
        "capacity": "60",
        "registration_deadline": "2031-06-11T12:00",
        "price_eur": "15",
    }
    data.update(extra)
    return data


def test_create_in_paris_time(client, alice, club):
    client.force_login(alice)
    response = client.post(reverse("events:create"), _data(club))
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:agenda", args=[event.pk])
    assert event.starts_at == datetime.datetime(2031, 6, 12, 19, 0, tzinfo=PARIS)
    assert event.created_by == alice
    assert str(event.price_eur) == "15.00"


def test_end_must_follow_start(client, alice, club):
    client.force_login(alice)
    response = client.post(reverse("events:create"), _data(club, ends_at="2031-06-12T18:00"))
    assert "La fin doit suivre le début." in response.content.decode()
    assert not Event.objects.exists()


def test_deadline_before_start_and_place_needed(client, alice, club):
    client.force_login(alice)
    response = client.post(
        reverse("events:create"),
        _data(club, registration_deadline="2031-06-13T12:00", place=""),
    )
    text = response.content.decode()
    assert "La clôture des inscriptions doit précéder le début." in text
    assert "Indiquez un lieu ou un lien de visio." in text


def test_bridged_openness_offers_only_bridged_circles(client, alice, club, alumni, bridge):
    client.force_login(alice)
    page = client.get(reverse("events:create")).content.decode()
    assert alumni.name.replace("'", "&#x27;") in page
    response = client.post(
        reverse("events:create"), _data(club, openness="bridged", open_to=[alumni.pk])
    )
    assert response.status_code == 302
    assert list(Event.objects.get().open_to.all()) == [alumni]


def test_bridged_openness_needs_a_circle(client, alice, club, alumni, bridge):
    client.force_login(alice)
    response = client.post(reverse("events:create"), _data(club, openness="bridged"))
    assert "Choisissez au moins un cercle relié." in response.content.decode()


def test_not_bridged_circle_is_refused(client, alice, club, alumni):
    client.force_login(alice)
    response = client.post(
        reverse("events:create"), _data(club, openness="bridged", open_to=[alumni.pk])
    )
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_members_cannot_create(client, bob, club):
    client.force_login(bob)
    response = client.get(reverse("events:create"))
    assert response.status_code == 302
    response = client.post(reverse("events:create"), _data(club))
    assert not Event.objects.exists()


def test_edit_bumps_the_sequence(client, alice, club):
    client.force_login(alice)
    client.post(reverse("events:create"), _data(club))
    event = Event.objects.get()
    data = _data(club, title="Nouveau titre")
    response = client.post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Nouveau titre"
    assert event.sequence == 1


def test_visio_needs_a_link(client, alice, club):
    client.force_login(alice)
    response = client.post(reverse("events:create"), _data(club, format="visio", place=""))
    assert "Indiquez le lien de la visio." in response.content.decode()
