"""Conversation: a member opens a discussion on an axis for her circle and the bridged one,
a member of the bridged circle answers, a moderator hides an advert; an event gets a
comment from its page."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import Membership, Role
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_discussion_across_a_bridge_with_moderation(new_page):
    odile = make_user("odile@example.org", "Odile", "Arnaud")
    club = make_circle(odile, "Club des Entrepreneurs de Lyon", listed=True)
    olivier = make_user("olivier@example.org", "Olivier", "Besson")
    alumni = make_circle(olivier, "Alumni École de Commerce", listed=True)
    bridge = circle_actions.do_request_bridge(club, alumni, acting_user=odile)
    circle_actions.do_answer_bridge(bridge, acting_user=olivier, accept=True)
    marie = make_user("marie@example.org", "Marie", "Lefèvre")
    admit(marie, club)
    bruno = make_user("bruno@example.org", "Bruno", "Garnier")
    admit(bruno, alumni)
    Membership.objects.filter(user=odile, circle=club).update(role=Role.OWNER)
    event = make_event(odile, club, title="Petit-déjeuner du club")

    page = new_page()
    login(page, "marie@example.org")
    page.get_by_role("link", name="Discussions").first.click()
    page.get_by_role("link", name="Ouvrir une discussion").click()
    page.fill("input[name=title]", "Reprendre une entreprise : par où commencer ?")
    page.get_by_label("La transformation de la société").check()
    page.select_option("select[name=where]", label="Club des Entrepreneurs de Lyon")
    page.get_by_label("Ouverte aussi aux membres des cercles reliés").check()
    page.fill("textarea[name=body]", "Je cherche des retours d'expérience sur une reprise.")
    page.get_by_role("button", name="Publier").click()
    assert page.get_by_role("heading", name="Reprendre une entreprise").is_visible()

    other = new_page()
    login(other, "bruno@example.org")
    other.goto("/discussions/")
    other.get_by_role("link", name="Reprendre une entreprise : par où commencer ?").click()
    other.fill("textarea[name=body]", "J'ai repris une PME l'an dernier : parlons-en !")
    other.get_by_role("button", name="Publier").click()
    other.fill("textarea[name=body]", "Achetez mes formations à 9,99 € sur https://exemple.fr")
    other.get_by_role("button", name="Publier").click()
    assert other.get_by_text("Achetez mes formations").is_visible()

    moderator = new_page()
    login(moderator, "odile@example.org")
    moderator.goto(page.url)
    advert = moderator.locator("li.card", has_text="Achetez mes formations")
    advert.locator("input[name=reason]").fill("publicité")
    advert.get_by_role("button", name="Masquer").click()
    assert moderator.get_by_text("Message masqué.").is_visible()

    page.reload()
    assert page.get_by_text("parlons-en").is_visible()
    assert page.get_by_text("Message masqué par la modération.").is_visible()
    assert "Achetez mes formations" not in page.content()
    screenshot(page, "discussion")

    page.goto(event.get_absolute_url())
    page.fill("section[aria-labelledby=comments-title] textarea[name=body]", "Qui vient en vélo ?")
    page.locator("section[aria-labelledby=comments-title]").get_by_role(
        "button", name="Publier"
    ).click()
    page.goto(event.get_absolute_url())
    assert (
        page.locator("section[aria-labelledby=comments-title]")
        .get_by_text("Qui vient en vélo ?")
        .is_visible()
    )
