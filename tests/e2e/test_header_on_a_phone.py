"""On a phone the main menu folds behind a « Menu » button: its seven links took three
lines, and the header a fifth of an 844 px screen, on every page. The button opens and
closes it, says so to screen readers, and on a desktop the links stay in the header."""

import pytest

from tests.conftest import make_user
from tests.e2e.conftest import login, screenshot
from tests.e2e.test_accessibility import PHONE, sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_menu_folds_on_a_phone(new_page, live_server):
    make_user("marie-christine@example.org", "Marie-Christine", "Delacroix-Fontaine")
    page = new_page(*PHONE)
    login(page, "marie-christine@example.org")
    page.wait_for_url("**/accueil/**")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 120, f"the header is {header['height']} px tall"
    links = page.get_by_role("navigation", name="Navigation principale")
    assert not links.is_visible()
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    assert sideways_scroll(page) == []
    screenshot(page, "menu-closed-phone")

    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    events = links.get_by_role("link", name="Événements")
    assert events.is_visible()
    screenshot(page, "menu-open-phone")
    events.click()
    page.wait_for_url("**/evenements/**")
    assert not page.get_by_role("navigation", name="Navigation principale").is_visible()


def test_the_menu_stays_open_on_a_desktop(new_page, live_server):
    make_user("claire@example.org", "Claire", "Lefèvre")
    page = new_page()
    login(page, "claire@example.org")
    page.wait_for_url("**/accueil/**")
    assert not page.get_by_role("button", name="Menu").is_visible()
    nav = page.get_by_role("navigation", name="Navigation principale")
    assert nav.get_by_role("link", name="Événements").is_visible()


def test_a_visitors_one_link_is_not_folded(new_page, live_server):
    page = new_page(*PHONE)
    page.goto("/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    nav = page.get_by_role("navigation", name="Navigation principale")
    assert nav.get_by_role("link", name="Cercles").is_visible()
