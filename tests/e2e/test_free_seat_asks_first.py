"""« Libérer ma place » on a full event asks first, saying the seat goes to the first
person waiting (one mis-tap on a phone gave it away at once)."""

import pytest

from passerelles.events import actions
from passerelles.events.models import Registration, RegistrationStatus
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_freeing_a_seat_people_wait_for_asks_first(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    malik, nora = make_user("malik@example.org", "Malik", "Benali"), make_user("nora@example.org")
    for person in (malik, nora):
        admit(person, club)
    event = make_event(claire, club, capacity=1, title="Speed meeting de la Croix-Rousse")
    actions.do_register(event, acting_user=malik)
    actions.do_register(event, acting_user=nora)
    page = new_page(width=390, height=844)
    login(page, "malik@example.org")
    page.goto(f"/evenements/{event.pk}/")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Libérer ma place").click()
    page.wait_for_timeout(300)
    assert asked and "première personne de la liste d'attente" in asked[0]
    assert Registration.objects.get(event=event, user=malik).status == RegistrationStatus.REGISTERED
    screenshot(page, "event-free-seat-asks")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Libérer ma place").click()
    page.get_by_text("Votre place est libérée").wait_for()
    assert Registration.objects.get(event=event, user=nora).status == RegistrationStatus.REGISTERED
