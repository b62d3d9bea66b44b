"""Tables of two with an odd number of guests: one trio, nobody seated alone."""

import pytest
from django.urls import reverse

from passerelles.events import actions
from passerelles.events.models import TablePlan
from tests.events.conftest import members

pytestmark = pytest.mark.django_db


def test_pairs_for_three_guests_make_one_trio_and_nobody_sits_alone(client, event, club, alice):
    event.capacity = 10
    event.save()
    guests = members(club, 3)
    for person in guests:
        actions.do_register(event, acting_user=person)
    client.force_login(alice)
    client.post(reverse("events:plan", args=[event.pk]), {"table_size": "2", "rounds": "2"})
    assert TablePlan.objects.filter(event=event).exists()
    for guest in guests:
        client.force_login(guest)
        page = client.get(reverse("events:my_tables", args=[event.pk])).content.decode()
        assert "Tour 1 : table 1" in page and "Tour 2 : table 1" in page
        assert "table 2" not in page
        assert "Personne d'autre" not in page
        others = [g for g in guests if g != guest]
        assert all(other.get_full_name() in page for other in others)
