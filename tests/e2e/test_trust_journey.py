"""Journey 3: a newcomer is trusted in days; a ring of fake accounts gets nowhere."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import CircleKind, Membership, MembershipState
from passerelles.members.models import Skill, Visibility
from passerelles.trust import actions as trust_actions
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _vouch_in_browser(page, profile_pk: int, context: str, text: str) -> None:
    page.goto(f"/membres/{profile_pk}/")
    page.get_by_role("link", name="Recommander").click()
    page.get_by_label(context, exact=True).check()
    page.get_by_label("Je recommande vivement").check()
    page.fill("textarea[name=text]", text)
    page.get_by_role("button", name="Recommander").click()


def test_newcomer_is_admitted_by_vouches_and_shows_her_passport(new_page, live_server):
    alice = make_user("alice@example.org", "Alice", "Martin")
    paul = make_user("paul@example.org", "Paul", "Moreau")
    club = make_circle(alice, "Club des Entrepreneurs de Lyon", listed=True, cooptation_vouches=3)
    admit(paul, club)
    dana = make_user("dana@example.org", "Dana", "Roux")
    erin = make_user("erin@example.org", "Erin", "Blanc")
    alumni = make_circle(dana, "Anciens de l'École de Commerce", kind=CircleKind.ALUMNI)
    admit(erin, alumni)
    bridge = circle_actions.do_request_bridge(club, alumni, acting_user=alice)
    circle_actions.do_answer_bridge(bridge, acting_user=dana, accept=True)
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    profile = claire.profile
    profile.headline = "Consultante RSE, installée à Lyon depuis septembre"
    profile.visibility = Visibility.ALL
    profile.save()
    profile.skills.add(Skill.objects.create(name="bilan carbone"))

    # Claire asks to join the co-optation club.
    claire_page = new_page()
    login(claire_page, claire.email)
    claire_page.goto(f"/cercles/{club.slug}/")
    claire_page.fill("textarea[name=message]", "Consultante RSE, je viens d'arriver à Lyon.")
    claire_page.get_by_role("button", name="Demander à rejoindre").click()
    request = Membership.objects.get(user=claire, circle=club)
    assert request.state == MembershipState.PENDING
    # She sees how far she is, and a link to send to members who know her.
    assert claire_page.get_by_text("0 recommandation sur 3").is_visible()
    recommend_link = claire_page.locator("#recommend-link").input_value()
    assert "/confiance/recommandez-moi/" in recommend_link
    screenshot(claire_page, "applicant-progress")

    # Two members of the bridged alumni association who know her work vouch for her.
    dana_page = new_page()
    login(dana_page, dana.email)
    _vouch_in_browser(dana_page, profile.pk, "Client", "Elle a mené notre bilan carbone.")
    assert dana_page.get_by_text("Votre recommandation est enregistrée.").is_visible()
    trust_actions.do_vouch(
        claire, acting_user=erin, context="worked_with", strength=3, text="Mission RSE."
    )
    request.refresh_from_db()
    assert request.state == MembershipState.PENDING

    claire_page.reload()
    assert claire_page.get_by_text("2 recommandations sur 3").is_visible()
    assert claire_page.get_by_text("Au moins une doit venir d'un membre du cercle.").is_visible()

    # A member of the club opens the link she sent him: the third vouch admits her at once.
    paul_page = new_page()
    login(paul_page, paul.email)
    paul_page.goto(recommend_link)
    assert paul_page.get_by_text("Claire Lefèvre demande à rejoindre").is_visible()
    screenshot(paul_page, "recommend-me")
    paul_page.get_by_label("A travaillé avec", exact=True).check()
    paul_page.get_by_label("Je recommande vivement").check()
    paul_page.fill("textarea[name=text]", "Un audit impeccable.")
    paul_page.get_by_role("button", name="Recommander").click()
    assert paul_page.get_by_text("Claire Lefèvre est désormais membre de").is_visible()
    assert paul_page.get_by_role("heading", name="Merci pour votre recommandation").is_visible()
    screenshot(paul_page, "recommend-done")
    request.refresh_from_db()
    assert request.state == MembershipState.ADMITTED
    assert request.admitted_at is not None

    # The club's owner sees why to trust her, from her own circle's point of view.
    alice_page = new_page()
    login(alice_page, alice.email)
    alice_page.goto(f"/membres/{profile.pk}/")
    panel = alice_page.locator(".trust-panel")
    assert panel.get_by_text("Pourquoi faire confiance ?").is_visible()
    assert panel.get_by_text(
        "Recommandation de Paul Moreau (votre cercle), qui a travaillé avec Claire Lefèvre"
    ).is_visible()
    screenshot(alice_page, "profile-trust")

    # Her passport shows what she received, by context and by circle.
    claire_page.goto("/confiance/")
    assert claire_page.get_by_role("heading", name="Mon passeport de confiance").is_visible()
    assert claire_page.get_by_text("Anciens de l'École de Commerce").first.is_visible()
    assert claire_page.get_by_text("Un audit impeccable.").is_visible()
    screenshot(claire_page, "trust-passport")


def test_a_ring_of_fake_accounts_gets_nowhere(new_page, live_server, settings):
    settings.TRUST_MONTHLY_VOUCHES = 50
    owner = make_user("owner@example.org", "Odile", "Garnier")
    club = make_circle(owner, "Cercle des Dirigeants", listed=True, cooptation_vouches=2)
    ring = [make_user(f"faux{i}@example.org", "Faux", f"Compte {i}") for i in range(6)]
    for fake in ring:
        fake.profile.visibility = Visibility.ALL
        fake.profile.save()
        circle_actions.do_request_to_join(club, acting_user=fake)
    for fake in ring:
        for other in ring:
            if other != fake and (fake, other) != (ring[1], ring[0]):
                trust_actions.do_vouch(other, acting_user=fake, context="worked_with", strength=3)
    page = new_page()
    login(page, ring[1].email)
    _vouch_in_browser(page, ring[0].profile.pk, "Collègue", "Confiance totale.")
    assert page.get_by_text("Votre recommandation est enregistrée.").is_visible()
    assert set(Membership.objects.filter(circle=club, user__in=ring).values_list("state")) == {
        (MembershipState.PENDING,)
    }

    # The organiser's list of requests says, for each, where the vouches come from.
    owner_page = new_page()
    login(owner_page, owner.email)
    owner_page.goto(f"/cercles/{club.slug}/membres/")
    assert owner_page.get_by_text("Recommandations à vérifier").count() == len(ring)
    assert owner_page.get_by_text(
        "Ses 5 recommandations viennent toutes de comptes créés il y a moins de 30 jours"
    ).first.is_visible()
    screenshot(owner_page, "pending-ring")
