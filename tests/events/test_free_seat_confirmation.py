"""« Libérer ma place » asks first (``data-confirm``, read by site.js), saying where the
seat goes when people wait for it; without JavaScript the form posts as before."""

import html
import re

import pytest
from django.urls import reverse

from passerelles.events import actions
from passerelles.events.models import Registration, RegistrationStatus
from tests.conftest import admit, make_user
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

TO_THE_WAITLIST = "Elle ira aussitôt à la première personne de la liste d'attente."


def _question(page: str, action: str) -> str | None:
    """The data-confirm question of the form posting to ``action``."""
    for form in re.findall(r"<form [^>]*>", page):
        if f'action="{action}"' in form:
            found = re.search(r'data-confirm="([^"]*)"', form)
            return html.unescape(found.group(1)) if found else None
    raise AssertionError(f"no form posting to {action}")


@pytest.fixture
def full(alice, club, bob):
    """One seat, bob's; charlie waits for it."""
    charlie = make_user("charlie2@example.org", "Charlie", "Attente")
    admit(charlie, club)
    event = make_event(alice, club, capacity=1)
    actions.do_register(event, acting_user=bob)
    actions.do_register(event, acting_user=charlie)
    return event, charlie


def test_freeing_a_seat_that_people_wait_for_says_who_gets_it(client, bob, full):
    event, _charlie = full
    client.force_login(bob)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    question = _question(page, reverse("events:unregister", args=[event.pk]))
    assert question is not None and question.startswith("Libérer votre place ?")
    assert TO_THE_WAITLIST in question


def test_freeing_a_seat_nobody_waits_for_still_asks(client, alice, club, bob):
    event = make_event(alice, club)
    actions.do_register(event, acting_user=bob)
    client.force_login(bob)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    question = _question(page, reverse("events:unregister", args=[event.pk]))
    assert question == "Libérer votre place ?"


def test_leaving_the_waitlist_asks_too(client, full):
    event, charlie = full
    client.force_login(charlie)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    question = _question(page, reverse("events:unregister", args=[event.pk]))
    assert question == "Quitter la liste d'attente ? Vous y perdrez votre rang."


def test_without_javascript_the_form_frees_the_seat(client, bob, full):
    event, charlie = full
    client.force_login(bob)
    client.post(reverse("events:unregister", args=[event.pk]))
    status = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert status == {
        bob.pk: RegistrationStatus.CANCELLED,
        charlie.pk: RegistrationStatus.REGISTERED,
    }
