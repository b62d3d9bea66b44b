"""After the organiser cancels an evening, a guest with a seat reads that it is cancelled,
on the event page and on « Mes tables » (signed in or through the personal link), and is
no longer shown her seat, her tables or a button to free a place."""

import pytest
from django.urls import reverse

from passerelles.events import actions, links, plans
from passerelles.events.models import Registration
from tests.events.conftest import members

pytestmark = pytest.mark.django_db


@pytest.fixture
def cancelled(alice, club, event):
    people = members(club, 4, "k")
    for person in people:
        actions.do_register(event, acting_user=person)
    plans.do_generate_plan(event, acting_user=alice, table_size="2", rounds=2)
    actions.do_cancel_event(event, acting_user=alice)
    return event, people[0]


def test_the_event_page_says_cancelled_not_seat_booked(client, cancelled):
    event, guest = cancelled
    client.force_login(guest)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    place = page[page.index('id="place-title"') :]
    place = place[: place.index("</section>")]
    assert "Cet événement est annulé." in place
    assert "Place réservée" not in place
    assert "Libérer ma place" not in place
    assert "Mes tables" not in place


@pytest.mark.parametrize("by_link", [False, True])
def test_my_tables_says_cancelled_and_lists_no_table(client, cancelled, by_link):
    event, guest = cancelled
    if by_link:
        url = links.tables_path(Registration.objects.get(event=event, user=guest))
    else:
        client.force_login(guest)
        url = reverse("events:my_tables", args=[event.pk])
    page = client.get(url).content.decode()
    assert "Cet événement est annulé." in page
    assert "Tour 1 : table" not in page
    assert "Votre lien personnel" not in page  # nothing to open on the evening
