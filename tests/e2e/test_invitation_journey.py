"""Journey: an organiser invites someone by name; the invited person signs up from the
e-mail's link without confirming the address again and lands in the circle; the organiser
sees the pending invitation by name and sends another one again later."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from passerelles.circles.models import Invitation
from tests.conftest import make_circle, make_user
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_invited_person_signs_up_from_the_email_and_lands_in_the_circle(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    circle = make_circle(claire, "Cercle des Entrepreneurs du Rhône")
    Invitation.objects.create(
        circle=circle,
        email="paul@example.org",
        first_name="Paul",
        last_name="Girard",
        invited_by=claire,
        sent_at=timezone.now() - dt.timedelta(days=3),
    )

    # The organiser invites Nina; the pending list shows both invitations by name.
    page = new_page()
    login(page, claire.email)
    page.goto(f"/cercles/{circle.slug}/inviter/")
    page.fill("textarea[name=emails]", "nina@example.org")
    page.get_by_role("button", name="Envoyer les invitations").click()
    assert page.get_by_text("1 invitation envoyée.").is_visible()
    message = mail.outbox[-1]
    assert "Claire Lefèvre vous invite à rejoindre « Cercle des Entrepreneurs du Rhône »" in (
        message.body
    )
    assert page.get_by_text("Paul Girard").is_visible()
    screenshot(page, "invitations-pending")

    # Paul's invitation left three days ago: she sends it again.
    page.get_by_role("button", name="Renvoyer l'invitation à paul@example.org").click()
    assert page.get_by_text("L'invitation est renvoyée à paul@example.org.").is_visible()
    assert mail.outbox[-1].to == ["paul@example.org"]
    assert mail.outbox[-1].body.startswith("Bonjour Paul,")

    # Paul opens the link, finds the form filled in, chooses a password and is in.
    link = re.search(r"http://[^\s]+/cercles/invitation/[^\s]+", mail.outbox[-1].body).group(0)
    sent = len(mail.outbox)
    paul = new_page()
    paul.goto(link)
    screenshot(paul, "invitation-landing")
    paul.get_by_role("link", name="Créer mon compte").click()
    assert paul.input_value("input[name=first_name]") == "Paul"
    assert paul.input_value("input[name=last_name]") == "Girard"
    assert paul.input_value("input[name=email]") == "paul@example.org"
    screenshot(paul, "invitation-signup")
    paul.fill("input[name=password1]", "un-mot-de-passe-long-9")
    paul.fill("input[name=password2]", "un-mot-de-passe-long-9")
    paul.locator("main form button[type=submit]").last.click()
    paul.wait_for_url(re.compile(rf"/cercles/{circle.slug}/$"))
    assert paul.get_by_text("Bienvenue au Cercle des Entrepreneurs du Rhône").is_visible()
    screenshot(paul, "invitation-welcome")
    assert len(mail.outbox) == sent  # no second confirmation

    page.goto(f"/cercles/{circle.slug}/membres/")
    assert page.get_by_text("Paul Girard").first.is_visible()
    assert not page.get_by_role("button", name="Renvoyer l'invitation à paul@example.org").count()
