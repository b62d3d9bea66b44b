"""A member opens an event from a phone: the place to register comes right after what,
when and where (it sat under the whole programme and the discussion, a long scroll away),
and on a wide screen it stays beside them, at the top of its own column."""

import datetime

import pytest

from passerelles.discussions.actions import do_comment_event
from passerelles.events.models import AgendaItem
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.e2e.test_accessibility import PHONE, sideways_scroll
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _long_event(description: str = "Une soirée pour se rencontrer. " * 8):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    member = make_user("malik@example.org", "Malik", "Benali")
    admit(member, club)
    event = make_event(claire, club, description=description)
    for k in range(6):
        AgendaItem.objects.create(
            event=event,
            position=k,
            at=datetime.time(19, 10 * k),
            title=f"Séquence {k + 1}",
            prompt="Qu'est-ce qui vous a fait changer d'avis cette année ?",
        )
    for _ in range(3):
        do_comment_event(event, "Qui vient de Villeurbanne ? " * 6, acting_user=claire)
    return event


def _top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_the_place_comes_before_the_programme_on_a_phone(new_page, live_server):
    event = _long_event()
    page = new_page(*PHONE)
    login(page, "malik@example.org")
    page.goto(f"/evenements/{event.pk}/")
    register = page.get_by_role("button", name="S'inscrire")
    facts = _top(page, ".event-facts")
    programme = _top(page, "#agenda-title")
    assert facts < register.bounding_box()["y"] < programme
    assert register.bounding_box()["y"] < 2 * PHONE[1], "a long scroll to register"
    assert sideways_scroll(page) == []
    screenshot(page, "event-on-a-phone")

    # Focus follows the same order: the button comes before the programme's first link.
    order = page.evaluate(
        """() => {
            const button = [...document.querySelectorAll('button')]
                .find(b => b.textContent.includes("S'inscrire"));
            const agenda = document.getElementById('agenda-title');
            return button.compareDocumentPosition(agenda) & Node.DOCUMENT_POSITION_FOLLOWING;
        }"""
    )
    assert order


def test_the_place_stays_beside_the_event_on_a_wide_screen(new_page, live_server):
    event = _long_event(description="Une soirée.")
    page = new_page()
    login(page, "claire@example.org")  # the organiser: her column is longer than the facts
    page.goto(f"/evenements/{event.pk}/")
    about = page.locator(".event-about").bounding_box()
    place = page.locator("#place-title").bounding_box()
    more = page.locator(".event-more").bounding_box()
    assert place["x"] > about["x"] + about["width"], "the place is not in its own column"
    assert abs(place["y"] - about["y"]) < 40, "the place does not start at the top"
    # The programme follows the event's facts in the first column, with no gap the height
    # of the place card between them.
    assert more["x"] == about["x"]
    side = page.locator(".event-side").bounding_box()
    assert side["height"] > about["height"]
    assert 0 < more["y"] - (about["y"] + about["height"]) < 40
    screenshot(page, "event-organiser-wide")
