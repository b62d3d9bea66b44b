"""Sign-in on an event evening: everyone behind one address, one account under attack."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-solide-42"
VENUE = "203.0.113.7"  # the venue's shared Wi-Fi


def sign_in(email: str, password: str = PASSWORD, address: str = VENUE):
    client = Client(REMOTE_ADDR=address)
    return client.post(reverse("account_login"), {"login": email, "password": password})


def signed_in(response) -> bool:
    return response.status_code == 302 and "/compte/" not in response["Location"]


def test_two_hundred_sign_ins_from_one_address_pass_while_an_attacked_account_is_locked():
    target = make_user("cible@example.org")
    guests = [f"invite{i}@example.org" for i in range(200)]
    User = get_user_model()
    for email in guests:
        make_user(email)
    assert User.objects.count() == 201

    # Someone at the same venue tries passwords on one account.
    for attempt in range(5):
        assert not signed_in(sign_in(target.email, f"devine-{attempt}"))
    locked = sign_in(target.email)  # even the right password: the account is locked
    assert locked.status_code == 200
    assert "bloqué pendant 15 minutes" in locked.content.decode()

    refused = []
    for i, email in enumerate(guests):
        if i % 20 == 0:  # the attack goes on meanwhile, from the same address
            sign_in(target.email, "encore-une-devinette")
            sign_in(f"inconnu{i}@example.org", "rien")
        if not signed_in(sign_in(email)):
            refused.append(email)
    assert refused == []
    assert not signed_in(sign_in(target.email))  # still locked


def test_the_lock_is_per_account_not_per_address():
    make_user("victime@example.org")
    make_user("voisine@example.org")
    for attempt in range(5):
        sign_in("victime@example.org", f"faux-{attempt}", address="198.51.100.1")
    # From elsewhere the locked account stays locked; its neighbour signs in.
    assert not signed_in(sign_in("victime@example.org", address="192.0.2.9"))
    assert signed_in(sign_in("voisine@example.org", address="198.51.100.1"))


def test_too_many_requests_page_is_in_the_product_and_says_when_to_retry(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/10m/ip"}
    make_user("hugo@example.org")
    sign_in("hugo@example.org", "faux")
    sign_in("hugo@example.org", "faux")
    refused = sign_in("hugo@example.org")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Réessayez dans 10 minutes" in page
    assert "Passerelles" in page and 'lang="fr"' in page
    assert 590 <= int(refused["Retry-After"]) <= 600

    english = Client(REMOTE_ADDR=VENUE)
    english.cookies["django_language"] = "en"
    response = english.post(
        reverse("account_login"), {"login": "hugo@example.org", "password": "x"}
    )
    assert response.status_code == 429
    assert "Try again in 10 minutes" in response.content.decode()
