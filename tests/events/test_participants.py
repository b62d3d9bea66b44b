import csv
import io

import pytest
from django.urls import reverse

from passerelles.events import actions
from passerelles.events.models import Registration

pytestmark = pytest.mark.django_db


def test_check_in_from_the_list(client, alice, bob, event):
    registration = actions.do_register(event, acting_user=bob)
    client.force_login(alice)
    page = client.get(reverse("events:participants", args=[event.pk])).content.decode()
    assert "Bob Durand" in page
    client.post(reverse("events:check_in", args=[event.pk, registration.pk]), {"present": "1"})
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    client.post(reverse("events:check_in", args=[event.pk, registration.pk]), {"present": "0"})
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_of_another_event_is_404(client, alice, bob, event, club):
    from tests.events.conftest import make_event

    other = make_event(alice, club)
    registration = actions.do_register(other, acting_user=bob)
    client.force_login(alice)
    response = client.post(reverse("events:check_in", args=[event.pk, registration.pk]))
    assert response.status_code == 404


def test_export_csv(client, alice, bob, event):
    bob.first_name = "=HYPERLINK(1)"
    bob.save()
    actions.do_register(event, acting_user=bob)
    client.force_login(alice)
    response = client.get(reverse("events:export", args=[event.pk]))
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert rows[0][:3] == ["Prénom", "Nom", "E-mail"]
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][5] == "Inscrit"


def test_register_and_unregister_views(client, bob, event):
    client.force_login(bob)
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert "Votre place est réservée" in response.content.decode()
    response = client.post(reverse("events:unregister", args=[event.pk]), follow=True)
    assert "Votre place est libérée" in response.content.decode()
    assert Registration.objects.get(user=bob).status == "cancelled"


def test_waitlist_position_shown(client, alice, club, bob):
    from tests.events.conftest import make_event, members

    event = make_event(alice, club, capacity=1)
    first, second = members(club, 2)
    actions.do_register(event, acting_user=first)
    actions.do_register(event, acting_user=second)
    actions.do_register(event, acting_user=bob)
    client.force_login(bob)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "attente : n° 2" in page
