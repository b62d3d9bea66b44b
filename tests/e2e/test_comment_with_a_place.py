"""A member who took a seat at another circle's evening through a bridge asks a question
in its discussion, from the event's page, after the bridge has closed: the page offers
the form (it offered none, and its « Voir la discussion » led to a missing page), the
message shows in the discussion, which takes her replies."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.discussions.actions import do_comment_event
from passerelles.events import actions
from passerelles.events.models import Openness
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_seat_taken_through_a_bridge_lets_one_comment(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de Lyon")
    dana = make_user("dana@example.org", "Dana", "Roux")
    alumni = make_circle(dana, "Anciens de l'École de Commerce")
    bridge = circle_actions.do_request_bridge(club, alumni, acting_user=claire)
    circle_actions.do_answer_bridge(bridge, acting_user=dana, accept=True)
    nora = make_user("nora@example.org", "Nora", "Benali")
    admit(nora, alumni)
    event = make_event(
        claire, club, title="Speed meeting export", openness=Openness.BRIDGED, open_to=[alumni]
    )
    actions.do_register(event, acting_user=nora)
    do_comment_event(event, "Le programme arrive demain.", acting_user=claire)
    circle_actions.do_revoke_bridge(bridge, acting_user=claire)

    page = new_page(width=390, height=844)
    login(page, "nora@example.org")
    page.goto(f"/evenements/{event.pk}/")
    page.get_by_text("Place réservée").wait_for()
    page.get_by_label("Message").fill("Quelqu'un part de la Part-Dieu ? Je propose un covoiturage.")
    page.get_by_role("button", name="Publier").click()
    page.get_by_text("Je propose un covoiturage.").wait_for()
    assert "/discussions/" in page.url
    page.get_by_role("heading", name="Répondre").wait_for()
    screenshot(page, "event-comment-through-a-closed-bridge")

    page.goto(f"/evenements/{event.pk}/")
    page.get_by_role("link", name="Voir la discussion (2 messages)").click()
    page.get_by_text("Le programme arrive demain.").wait_for()
