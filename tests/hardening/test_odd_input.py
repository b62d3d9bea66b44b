"""Odd input is a clear 4xx, never a server error nor a database's own wording."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from passerelles.circles.imports import ImportFileError, parse_member_file
from passerelles.events.models import Event
from passerelles.intros.models import Preference
from tests.events.test_event_form import _data as event_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/evenements/calendrier/a%00b.ics",
        "/evenements/calendrier/a%00b/cercle/x.ics",
        "/membres/?q=a%00b",
        "/api/members?q=a%00",
    ],
)
def test_a_nul_byte_in_an_address_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "caractère nul" in response.content.decode()


def test_a_nul_byte_for_a_signed_in_member_too(client, bob):
    client.force_login(bob)
    response = client.get("/cercles/a%00b/")
    assert response.status_code == 400


@pytest.mark.parametrize("page", ["99999999999999999999", "0", "-1", "abc", "100001"])
def test_api_pages_out_of_range_are_a_422(client, bob, page):
    client.force_login(bob)
    response = client.get(f"/api/members?page={page}")
    assert response.status_code == 422
    assert "page" in response.content.decode()


def test_api_last_allowed_page_is_empty_not_an_error(client, bob):
    client.force_login(bob)
    response = client.get("/api/members?page=100000")
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    "capacity, message",
    [
        ("0", "Prévoyez au moins une place."),
        ("99999999999", "Le nombre de places est limité à 5000."),
    ],
)
def test_capacity_out_of_range_gets_a_french_message(client, alice, club, capacity, message):
    client.force_login(alice)
    response = client.post(reverse("events:create"), event_data(club, capacity=capacity))
    text = response.content.decode()
    assert response.status_code == 200
    assert message in text
    assert "event_has_seats" not in text
    assert not Event.objects.exists()


def test_capacity_is_bounded_in_the_model(alice, club):
    start = datetime.datetime(2031, 1, 1, 19, tzinfo=datetime.UTC)
    event = Event(
        title="Trop grand",
        axis="societe",
        format="afterwork",
        host_circle=club,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        capacity=99_999_999_999,
    )
    with pytest.raises(Exception) as excinfo:
        event.full_clean()
    assert "limité à 5000" in str(excinfo.value)


def test_no_constraint_speaks_with_its_database_name():
    """Every check and conditional unique constraint carries its own French message."""
    unnamed = []
    for model in apps.get_app_config("core").apps.get_models():
        if not model.__module__.startswith("passerelles."):
            continue
        for constraint in model._meta.constraints:
            plain_unique = (
                isinstance(constraint, models.UniqueConstraint)
                and constraint.fields
                and constraint.condition is None
            )
            if plain_unique:
                continue  # Django words these with the fields' names
            if constraint.violation_error_message == constraint.default_violation_error_message:
                unnamed.append(f"{model.__name__}.{constraint.name}")
    assert unnamed == []


def test_a_huge_csv_cell_says_what_is_too_big():
    data = b"email;nom\r\n" + b'a@example.org;"' + b"x" * 200_000 + b'"\r\n'
    with pytest.raises(ImportFileError) as excinfo:
        parse_member_file(data, "liste.csv")
    assert "cellule du fichier est trop longue" in str(excinfo.value)
    assert "ligne" in str(excinfo.value)


def test_an_oversized_form_post_says_what_is_too_big(client, bob, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    client.force_login(bob)
    response = client.post(reverse("members:edit"), {"offers": "x" * (1024 * 1024 + 10)})
    assert response.status_code == 413
    text = response.content.decode()
    assert "trop volumineux" in text
    assert "1 Mo au plus" in text


def test_an_oversized_api_post_is_a_json_413(client, bob, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client.force_login(bob)
    response = client.post(
        "/api/introductions/1/decision", "x" * 5000, content_type="application/json"
    )
    assert response.status_code == 413
    assert "trop volumineux" in response.json()["detail"]


def test_unblocking_never_tells_whether_an_account_exists(client, bob, charlie):
    client.force_login(bob)
    Preference.objects.get_or_create(user=bob)
    missing = get_user_model().objects.order_by("-pk").first().pk + 1000
    known = client.post(reverse("intros:unblock", args=[charlie.pk]), follow=True)
    unknown = client.post(reverse("intros:unblock", args=[missing]), follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
