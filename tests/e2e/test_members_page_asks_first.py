"""An organiser's list of members: removing someone or handing the circle over asks
first, naming the person (both happened in one click, and the hand-over cannot be undone
by the former owner), and the hand-over sits behind « Plus » instead of on every row."""

import pytest

from passerelles.circles.models import Membership, Role
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_handing_the_circle_over_asks_first(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    malik = make_user("malik@example.org", "Malik", "Benali")
    admit(malik, club)
    page = new_page()
    login(page, "claire@example.org")
    page.goto(f"/cercles/{club.slug}/membres/")
    row = page.locator("tr", has_text="Malik Benali")
    hand_over = row.get_by_role("button", name="Transmettre la responsabilité")
    assert not hand_over.is_visible()  # folded
    row.get_by_text("Plus").click()
    screenshot(page, "members-more-open")

    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    hand_over.click()
    page.wait_for_timeout(300)
    assert asked and "Malik Benali" in asked[0] and "responsable" in asked[0]
    assert Membership.objects.get(circle=club, user=malik).role != Role.OWNER

    page.once("dialog", lambda dialog: dialog.accept())
    hand_over.click()
    page.wait_for_url(f"**/cercles/{club.slug}/membres/")
    page.get_by_text("est maintenant responsable du cercle").wait_for()
    assert Membership.objects.get(circle=club, user=malik).role == Role.OWNER


def test_removing_a_member_asks_first(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    malik = make_user("malik@example.org", "Malik", "Benali")
    admit(malik, club)
    page = new_page()
    login(page, "claire@example.org")
    page.goto(f"/cercles/{club.slug}/membres/")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("tr", has_text="Malik Benali").get_by_role("button", name="Retirer").click()
    page.wait_for_timeout(300)
    assert asked == ["Retirer Malik Benali du cercle ?"]
    assert Membership.objects.get(circle=club, user=malik).state == "admitted"
