"""A newcomer who asks to join a co-optation circle copies, in one click, the link to send
to the members who know her (it showed in a field too narrow to read, with no way to copy
it but selecting it by hand on a phone)."""

import pytest
from playwright.sync_api import expect

from tests.conftest import make_circle, make_user
from tests.e2e.conftest import login
from tests.e2e.test_accessibility import PHONE, sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_newcomer_copies_her_recommendation_link(new_page, live_server):
    alice = make_user("alice@example.org", "Alice", "Martin")
    club = make_circle(alice, "Club des Entrepreneurs de Lyon", listed=True, cooptation_vouches=3)
    make_user("claire@example.org", "Claire", "Lefèvre")
    page = new_page(*PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    login(page, "claire@example.org")
    page.goto(f"/cercles/{club.slug}/")
    page.get_by_role("button", name="Demander à rejoindre").click()

    page.get_by_role("button", name="Copier le lien").click()
    expect(page.get_by_role("button", name="Lien copié")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#recommend-link").input_value()
    assert "/confiance/recommandez-moi/" in copied
    assert sideways_scroll(page) == []
