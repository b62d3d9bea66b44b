"""Journey 2 on a phone: a bridge is accepted, the page offers to open the host's coming
events « open to chosen bridged circles » to the new partner, the admin opens them, and a
member of the partner circle finds the event and registers (a 404 before)."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.events.models import Openness, Registration, RegistrationStatus
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_accept_offer_open_then_the_partner_member_registers(new_page, live_server):
    sylvie = make_user("sylvie@example.org", "Sylvie", "Garnier")
    helene = make_user("helene@example.org", "Hélène", "Morel")
    claire = make_user("claire@example.org", "Claire", "Dubois")
    anne = make_user("anne@example.org", "Anne", "Roy")
    femmes = make_circle(sylvie, "Femmes Entrepreneures Loire-Atlantique", city="Nantes")
    erdre = make_circle(helene, "Club des Dirigeants de l'Erdre", city="Nantes")
    ancien = make_circle(anne, "Réseau des Anciens de Nantes", city="Nantes")
    admit(claire, erdre)
    first = circle_actions.do_request_bridge(femmes, ancien, acting_user=sylvie)
    circle_actions.do_answer_bridge(first, acting_user=anne, accept=True)
    event = make_event(
        sylvie,
        femmes,
        title="Dirigeant et équilibre de vie",
        openness=Openness.BRIDGED,
        open_to=[ancien],
        city="Nantes",
    )
    circle_actions.do_request_bridge(erdre, femmes, acting_user=helene)

    member = new_page(width=390, height=844)
    login(member, "claire@example.org")
    assert member.goto(f"/evenements/{event.pk}/").status == 404

    admin = new_page(width=390, height=844)
    login(admin, "sylvie@example.org")
    admin.goto(f"/cercles/{femmes.slug}/passerelles/")
    admin.get_by_role("button", name="Accepter").click()
    offer = admin.get_by_role(
        "heading",
        name="Ouvrir aussi votre événement à venir (ouvert aux cercles reliés choisis) "
        "au Club des Dirigeants de l'Erdre",
    )
    offer.wait_for()
    box = admin.get_by_role("checkbox", name="Dirigeant et équilibre de vie")
    assert box.is_checked()
    screenshot(admin, "bridge-offer-open-events-phone")
    admin.get_by_role("button", name="Ouvrir l'événement coché au Club des Dirigeants").click()
    admin.get_by_text(
        "1 événement est désormais ouvert aux membres du Club des Dirigeants"
    ).wait_for()
    assert admin.get_by_role("checkbox", name="Dirigeant et équilibre de vie").count() == 0
    screenshot(admin, "bridge-offer-done-phone")

    member.goto("/evenements/")
    member.get_by_role("link", name="Dirigeant et équilibre de vie").first.click()
    member.get_by_role("button", name="S'inscrire").click()
    member.get_by_text("Votre place est réservée").wait_for()
    screenshot(member, "bridge-partner-member-registered-phone")
    registration = Registration.objects.get(event=event, user=claire)
    assert registration.status == RegistrationStatus.REGISTERED
