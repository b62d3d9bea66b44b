"""On the evening the organiser checks people in from a phone: each row's « Pointer »
button is on screen beside the name (it sat in a fourth column, off to the right of the
table's frame), the circle shows under the name, and the key figures go two by two."""

import pytest
from playwright.sync_api import expect

from passerelles.events.actions import do_register
from passerelles.events.models import EventFormat
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login
from tests.e2e.test_accessibility import PHONE, sideways_scroll
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_organiser_checks_people_in_on_a_phone(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    event = make_event(claire, club, format=EventFormat.SPEED_MEETING)
    for k in range(3):
        person = make_user(f"p{k}@example.org", f"Personne{k}", "Longuenom-Dubois")
        admit(person, club)
        do_register(event, acting_user=person)
    page = new_page(*PHONE)
    login(page, "claire@example.org")
    page.goto(f"/evenements/{event.pk}/participants/")

    buttons = page.get_by_role("button", name="Pointer")
    assert buttons.count() == 3
    for k in range(3):
        box = buttons.nth(k).bounding_box()
        assert box["x"] + box["width"] <= PHONE[0] - 16, "the button is off screen"
    circle = page.locator("tbody tr").first.locator(".narrow-only")
    assert circle.is_visible() and circle.inner_text() == club.name
    assert sideways_scroll(page) == []
    figures = page.locator(".stat-cards .card").evaluate_all(
        "cards => cards.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(figures) == 4 and figures[0] == figures[1] and figures[2] == figures[3]

    buttons.first.click()
    expect(page.get_by_text("Présent (")).to_be_visible()


def test_the_trust_passport_figures_go_two_by_two_on_a_phone(new_page, live_server):
    make_user("claire@example.org", "Claire", "Lefèvre")
    page = new_page(*PHONE)
    login(page, "claire@example.org")
    page.goto("/confiance/")
    tops = page.locator(".stat-cards .card").evaluate_all(
        "cards => cards.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(tops) == 3 and tops[0] == tops[1] < tops[2]
