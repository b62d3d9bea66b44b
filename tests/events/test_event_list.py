import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_circle
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def test_filters(client, alice, club, bob):
    make_event(alice, club, title="Tendances", axis="monde", format="conference")
    make_event(alice, club, title="Erreurs utiles", axis="savoir", city="Villeurbanne")
    client.force_login(bob)
    url = reverse("events:list")
    text = client.get(url, {"axis": "savoir"}).content.decode()
    assert "Erreurs utiles" in text and "Tendances" not in text
    text = client.get(url, {"format": "conference"}).content.decode()
    assert "Tendances" in text and "Erreurs utiles" not in text
    text = client.get(url, {"city": "villeur"}).content.decode()
    assert "Erreurs utiles" in text and "Tendances" not in text


def test_circle_filter_and_past_events_hidden(client, alice, club, bob):
    other = make_circle(alice, "Second cercle")
    make_event(alice, club, title="Au club")
    make_event(alice, other, title="Ailleurs")
    make_event(alice, club, title="Passé", starts_at=timezone.now() - datetime.timedelta(days=3))
    client.force_login(alice)
    text = client.get(reverse("events:list"), {"circle": club.pk}).content.decode()
    assert "Au club" in text and "Ailleurs" not in text and "Passé" not in text


@pytest.mark.parametrize("circle", ["²", "٣", "12a", "-1", "9" * 30])
def test_a_circle_filter_that_is_not_a_circle_number_is_refused_not_a_crash(
    client, alice, club, bob, circle
):
    make_event(alice, club, title="Au club")
    client.force_login(bob)
    page = client.get(reverse("events:list"), {"circle": circle})
    assert page.status_code == 200
    assert "Au club" in page.content.decode()


def test_create_button_only_for_organisers(client, bob, club, alice):
    client.force_login(bob)
    assert reverse("events:create") not in client.get(reverse("events:list")).content.decode()
    client.force_login(alice)
    assert reverse("events:create") in client.get(reverse("events:list")).content.decode()


def test_filter_fields_follow_the_data_the_language_and_the_circles_offered(
    client, alice, club, bob, charlie
):
    """The fields' HTML is kept per process: never another member's circles, another
    language's words or another query's values."""
    make_event(alice, club, title="Tendances")
    url = reverse("events:list")
    client.force_login(bob)
    page = client.get(url, {"city": "Lyon"}).content.decode()
    assert f'<option value="{club.pk}">{club.name}</option>' in page
    assert 'name="city" value="Lyon"' in page
    page = client.get(url, {"city": "Paris"}).content.decode()
    assert 'name="city" value="Paris"' in page and 'value="Lyon"' not in page
    client.force_login(charlie)  # not a member of the club
    page = client.get(url, {"city": "Paris"}).content.decode()
    assert f'<option value="{club.pk}">' not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url, {"city": "Paris"}).content.decode()
    assert '<label for="id_axis">Theme:</label>' in page and "Axe" not in page
