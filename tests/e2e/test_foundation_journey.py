"""Journey: an organiser signs up, creates a circle, invites, and opens a bridge."""

import re

import pytest
from django.core import mail

from passerelles.circles.models import BridgeState, CircleKind
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _link_in_last_mail(pattern: str) -> str:
    match = re.search(pattern, mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)


def test_organiser_brings_a_circle_and_opens_a_bridge(new_page, live_server):
    # Another circle already exists, with its own owner and a member.
    dana = make_user("dana@example.org", "Dana", "Roux")
    eve = make_user("eve@example.org", "Eve", "Noir")
    alumni = make_circle(dana, "Anciens de l'École de Commerce", kind=CircleKind.ALUMNI)
    admit(eve, alumni)
    bob = make_user("bob@example.org", "Bob", "Durand")

    # A visitor discovers Passerelles and signs up.
    page = new_page()
    page.goto("/")
    screenshot(page, "landing")
    page.get_by_role("link", name="Rejoindre Passerelles").click()
    page.fill("input[name=first_name]", "Claire")
    page.fill("input[name=last_name]", "Lefèvre")
    page.fill("input[name=email]", "claire@example.org")
    page.fill("input[name=password1]", "un-mot-de-passe-long-9")
    page.fill("input[name=password2]", "un-mot-de-passe-long-9")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/compte/confirm-email/"))

    # She verifies her e-mail address from the message she received.
    confirm = _link_in_last_mail(r"http://[^\s]+/compte/confirm-email/[^\s]+")
    page.goto(confirm)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accueil/"))
    assert page.get_by_role("heading", name="Bonjour Claire").is_visible()

    # She creates her business club.
    page.get_by_role("link", name="Créer un cercle").first.click()
    page.fill("input[name=name]", "Club des Entrepreneurs de la Croix-Rousse")
    page.select_option("select[name=kind]", "club")
    page.fill("textarea[name=description]", "Un club d'affaires de quartier, déjeuner mensuel.")
    page.fill("input[name=city]", "Lyon")
    page.fill("input[name=department]", "69")
    page.fill("input[name=dues_eur]", "240")
    page.check("input[name=sector_choices][value=C]")
    # Only the setting of the chosen admission rule shows: a number of recommendations
    # for cooptation (the default), a trust threshold for admission by trust.
    coopt, threshold = page.locator("#id_cooptation_vouches"), page.locator("#id_trust_threshold")
    assert coopt.is_visible() and not threshold.is_visible()
    page.select_option("select[name=admission_policy]", "trust")
    assert threshold.is_visible() and not coopt.is_visible()
    page.select_option("select[name=admission_policy]", "open")
    assert not threshold.is_visible() and not coopt.is_visible()
    page.select_option("select[name=admission_policy]", "cooptation")
    page.get_by_role("button", name="Créer le cercle").click()
    page.wait_for_url(re.compile(r"/cercles/club-des-entrepreneurs"))
    assert page.get_by_role(
        "heading", name="Club des Entrepreneurs de la Croix-Rousse"
    ).is_visible()

    # She invites Bob, who accepts from the link in his e-mail.
    page.get_by_role("link", name="Inviter").first.click()
    page.fill("textarea[name=emails]", "bob@example.org")
    page.get_by_role("button", name="Envoyer les invitations").click()
    assert page.get_by_text("1 invitation envoyée.").is_visible()
    invitation = _link_in_last_mail(r"http://[^\s]+/cercles/invitation/[^\s]+")
    bob_page = new_page()
    login(bob_page, bob.email)
    bob_page.goto(invitation)
    bob_page.get_by_role("button", name="Accepter l'invitation").click()
    assert bob_page.get_by_text("Bienvenue au Club des Entrepreneurs").is_visible()

    # She asks the alumni association for a bridge; Dana accepts it.
    page.goto("/cercles/club-des-entrepreneurs-de-la-croix-rousse/passerelles/")
    page.select_option("select[name=target]", label=alumni.name)
    page.fill("textarea[name=message]", "Nos membres auraient beaucoup à se dire.")
    page.get_by_role("button", name="Envoyer la demande").click()
    assert page.get_by_text("Demande de passerelle envoyée").is_visible()

    dana_page = new_page()
    login(dana_page, dana.email)
    dana_page.goto("/accueil/")
    dana_page.get_by_role("link", name="Répondre").click()
    dana_page.get_by_role("button", name="Accepter").click()
    assert dana_page.get_by_text("La passerelle avec le Club des Entrepreneurs").is_visible()
    assert alumni.bridges_received.get().state == BridgeState.ACTIVE

    # Eve, a member of the bridged circle, now finds Claire in the directory.
    eve_page = new_page()
    login(eve_page, eve.email)
    eve_page.goto("/membres/")
    assert eve_page.get_by_text("Claire Lefèvre").first.is_visible()
    assert eve_page.get_by_text("Cercle relié : Club des Entrepreneurs").first.is_visible()
    screenshot(eve_page, "directory")
    eve_page.get_by_text("Claire Lefèvre").first.click()
    assert eve_page.get_by_role("heading", name="Claire Lefèvre").is_visible()

    # The organiser's home and circle page, as she sees them now.
    page.goto("/accueil/")
    screenshot(page, "member-home")
    page.goto("/cercles/club-des-entrepreneurs-de-la-croix-rousse/")
    screenshot(page, "circle")
    page.goto("/cercles/")
    screenshot(page, "circles-map")


def test_organiser_follows_a_suggested_bridge_and_the_other_accepts(new_page, live_server):
    """Journey 2, extended: the advisor's suggestions (appearing on the open page once
    computed), a proposal from one of them, the e-mail to the other organiser, one-click
    acceptance, a confirmed closing, the map."""
    from django.core.cache import cache

    from tests.intros.test_bridge_advisor import scene as build_scene

    cache.clear()
    world = build_scene.__wrapped__(None)
    finance = world["finance"]
    finance_owner = finance.created_by

    page = new_page()
    login(page, world["owner"].email)
    page.goto(f"/cercles/{world['club'].slug}/passerelles/")
    page.evaluate("window.sameVisit = true")
    suggestions = page.locator(".bridge-suggestion")
    suggestions.first.wait_for(timeout=60_000)  # computed off the request, then fetched
    assert page.evaluate("window.sameVisit === true")  # they came without a reload
    assert suggestions.count() >= 2
    first = suggestions.first
    assert finance.name in first.inner_text()
    assert "de vos membres cherchent ce que" in first.inner_text()
    screenshot(page, "bridge-suggestions")
    first.get_by_role("link", name="Proposer une passerelle").click()
    page.wait_for_url(re.compile(r"/proposer-une-passerelle/"))
    page.fill("textarea[name=message]", "Vos membres ont ce que les nôtres cherchent.")
    page.get_by_role("button", name="Envoyer la demande").click()
    assert page.get_by_text("ses responsables sont prévenus").is_visible()

    # The finance network's organiser is told by e-mail and accepts in one click.
    assert mail.outbox[-1].to == [finance_owner.email]
    link = _link_in_last_mail(r"http://[^\s]+/passerelles/")
    other = new_page()
    login(other, finance_owner.email)
    other.goto(link)
    other.get_by_role("button", name="Accepter").click()
    assert other.get_by_text("est ouverte").is_visible()
    assert finance.bridges_received.get().state == BridgeState.ACTIVE
    assert mail.outbox[-1].to == [world["owner"].email]  # the asker hears back

    # Closing asks first and says what closes; she keeps it.
    page.goto(f"/cercles/{world['club'].slug}/passerelles/")
    page.get_by_role("link", name="Fermer la passerelle").click()
    assert page.get_by_text("Voici ce qui se ferme avec elle").is_visible()
    screenshot(page, "bridge-closing")
    page.get_by_role("link", name="Garder la passerelle").click()
    assert finance.bridges_received.get().state == BridgeState.ACTIVE

    # The map reads: whole names, the bridge drawn, the table beside it.
    page.goto("/cercles/")
    assert page.locator("svg path.bridge").count() == 1
    assert page.locator("svg").get_by_role("link", name=finance.name).count() == 1
    page.get_by_text("La carte sous forme de tableau").click()
    assert page.get_by_role("table").get_by_text(finance.name).is_visible()
    screenshot(page, "circles-map-read")
