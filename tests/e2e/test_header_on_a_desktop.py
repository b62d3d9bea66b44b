"""A signed-in member's header on one row from the 1120 px of the page's column up: the
French menu needed about 1280 px, so on a 1152 px window « Confiance » and the tools fell to
a second row. On a 375 px phone it still wraps without sideways scroll."""

import os
from pathlib import Path

import pytest

from tests.conftest import make_user
from tests.e2e.conftest import login
from tests.e2e.test_accessibility import PHONE, sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROWS = """() => new Set([...document.querySelectorAll(
    '.site-header .brand, .site-header .main-nav li, .site-header .header-tools > *')]
    .filter(el => el.offsetParent !== null)
    .map(el => { const r = el.getBoundingClientRect(); return Math.round(r.top + r.height / 2); })
).size"""
SHOTS = Path(os.environ.get("POLISH_SHOTS", "/nonexistent"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_members_header_fits_one_row_on_a_desktop(new_page, live_server, language):
    from passerelles.notifications.models import Notification

    user = make_user("marie-christine@example.org", "Marie-Christine", "Delacroix-Fontaine")
    for _k in range(12):  # an unread count beside the bell
        Notification.objects.create(user=user, kind="test", url="/")
    page = new_page(1152, 800)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    login(page, "marie-christine@example.org")
    page.wait_for_url("**/accueil/**")
    links = page.locator(".main-nav li")
    assert links.count() == 7, page.locator(".main-nav").inner_text()
    assert page.evaluate(ROWS) == 1, page.locator(".site-header").inner_text()
    if SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / f"header-1152-{language}.png"))
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    assert sideways_scroll(page) == []
    page.get_by_role("button", name="Menu").click()  # folded on a phone
    assert page.locator(".main-nav li").last.is_visible()
    if SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / f"header-375-{language}.png"))
