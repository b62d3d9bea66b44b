"""The event page shows its topic once: not again under a title that already says it,
and with a capital letter when it stands on its own line."""

import pytest
from django.urls import reverse

from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def _page(client, user, event) -> str:
    client.force_login(user)
    return client.get(reverse("events:detail", args=[event.pk])).content.decode()


def test_topic_already_in_the_title_is_not_repeated(client, alice, club):
    event = make_event(
        alice,
        club,
        title="Speed meeting : la transformation de la société",
        topic="la transformation de la société",
    )
    page = _page(client, alice, event)
    assert '<p class="muted u-mt--0_6">' not in page


def test_topic_on_its_own_line_starts_with_a_capital(client, alice, club):
    event = make_event(alice, club, title="Soirée de rentrée", topic="l'export en Afrique")
    page = _page(client, alice, event)
    assert '<p class="muted u-mt--0_6">L&#x27;export en Afrique</p>' in page
