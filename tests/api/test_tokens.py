"""Personal access tokens: made once, hashed at rest, read or write, expiring, revocable,
rate-limited; the API used as curl would (a Bearer header, no session, no CSRF)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelles.accounts.models import ApiToken
from passerelles.accounts.tokens import digest, do_create_token, do_revoke_token
from passerelles.api.main import api

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def curl():
    """A client with no session and CSRF checks on, as curl would be."""
    return Client(enforce_csrf_checks=True)


def test_the_page_shows_the_secret_once_and_keeps_only_its_hash(client, bob):
    client.force_login(bob)
    response = client.post(
        reverse("members:tokens"), {"name": "Mon script", "scope": "read", "days": "90"}
    )
    secret = response.context["secret"]
    assert secret.startswith("pas_") and secret in response.content.decode()
    token = ApiToken.objects.get(user=bob)
    assert token.digest == digest(secret) and secret not in (token.digest, token.prefix)
    again = client.get(reverse("members:tokens")).content.decode()
    assert secret not in again and token.prefix in again


def test_a_token_works_like_curl(curl, bob):
    _token, secret = do_create_token(bob, "curl", "read", 30, acting_user=bob)
    response = curl.get("/api/me", **bearer(secret))
    assert response.status_code == 200
    assert response.json()["email"] == "bob@example.org"


def test_a_read_token_may_not_write(curl, bob):
    _token, secret = do_create_token(bob, "lecture", "read", 30, acting_user=bob)
    response = curl.post(
        "/api/introductions/1/decision",
        {"accept": True},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 403
    assert "lecture" in response.json()["detail"]


def test_a_write_token_writes_without_csrf(curl, bob):
    _token, secret = do_create_token(bob, "écriture", "write", 30, acting_user=bob)
    response = curl.post(
        "/api/introductions/999999/decision",
        {"accept": True},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 404  # past authentication and CSRF: no such introduction


@pytest.mark.parametrize("state", ["revoked", "expired", "wrong", "owner_closed"])
def test_unusable_tokens_are_a_401(curl, bob, state):
    token, secret = do_create_token(bob, "x", "read", 30, acting_user=bob)
    if state == "revoked":
        do_revoke_token(token, acting_user=bob)
    elif state == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    elif state == "wrong":
        secret = secret[:-2] + "zz"
    else:
        bob.is_active = False
        bob.save()
    assert curl.get("/api/me", **bearer(secret)).status_code == 401


def test_revoking_from_the_profile(client, bob, alice):
    token, secret = do_create_token(bob, "vieux", "read", 30, acting_user=bob)
    client.force_login(alice)
    assert client.post(reverse("members:revoke_token", args=[token.pk])).status_code == 404
    client.force_login(bob)
    client.post(reverse("members:revoke_token", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Client().get("/api/me", **bearer(secret)).status_code == 401


def test_tokens_are_rate_limited(curl, bob, settings, monkeypatch):
    from types import SimpleNamespace

    from passerelles.api import auth

    # Counted per minute of the clock: the requests all fall 30 s into one minute (a minute
    # turning between the third and the fourth would start a new count).
    monkeypatch.setattr(auth, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    settings.API_TOKEN_RATE_PER_MINUTE = 3
    _token, secret = do_create_token(bob, "pressé", "read", 30, acting_user=bob)
    codes = [curl.get("/api/me", **bearer(secret)).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200]
    assert 429 in codes[3:]
    response = curl.get("/api/me", **bearer(secret))
    assert response.status_code == 429 and int(response["Retry-After"]) == 30


def test_lifetime_and_name_are_checked(bob):
    from passerelles.core.errors import ActionError

    with pytest.raises(ActionError):
        do_create_token(bob, "x", "read", 10_000, acting_user=bob)
    with pytest.raises(ActionError):
        do_create_token(bob, "   ", "read", 30, acting_user=bob)
    token, _secret = do_create_token(bob, "ok", "write", 365, acting_user=bob)
    assert token.expires_at - timezone.now() > datetime.timedelta(days=364)


def test_openapi_documents_the_errors_of_every_operation():
    schema = api.get_openapi_schema()
    assert "BearerAuth" in str(schema["components"]["securitySchemes"]) or "bearer" in str(
        schema["components"]["securitySchemes"]
    )
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = {str(code) for code in operation["responses"]}
            assert {"400", "401", "403", "404", "422"} <= codes, f"{method} {path}"


def test_the_lifetimes_are_worded_in_the_reader_s_language(client, bob, settings):
    client.force_login(bob)
    assert "90 jours" in client.get(reverse("members:tokens")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("members:tokens")).content.decode()
    assert "90 days" in english and "90 jours" not in english
