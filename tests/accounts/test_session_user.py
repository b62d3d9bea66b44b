"""The signed-in member read by accounts.session_user: the same outcome as Django's
``get_user`` in every case (valid session, changed password, fallback secret, inactive or
deleted account, unknown backend), the row read again at every request."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.crypto import salted_hmac

from passerelles.accounts import session_user
from passerelles.accounts.models import User

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
ALLAUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def _fields(user) -> dict:
    return {name: value for name, value in user.__dict__.items() if name != "_state"}


def _request(user: User, backend: str = MODEL_BACKEND, session_hash: str | None = None):
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = backend
    store[HASH_SESSION_KEY] = user.get_session_auth_hash() if session_hash is None else session_hash
    store.save()
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore(store.session_key)
    return request


def _both(make_request):
    """(Django's outcome, ours): the user and what became of the session, each on a
    request of its own built the same way."""
    outcomes = []
    for get_user in (auth.get_user, session_user.get_user):
        request = make_request()
        key = request.session.session_key
        user = get_user(request)
        outcomes.append(
            (
                type(user),
                _fields(user) if user.is_authenticated else None,
                request.session.session_key == key,
                dict(request.session.items()),
            )
        )
    return outcomes


@pytest.mark.parametrize("backend", [MODEL_BACKEND, ALLAUTH_BACKEND])
def test_a_valid_session_gives_the_same_user(alice, backend):
    django_outcome, ours = _both(lambda: _request(alice, backend))
    assert ours == django_outcome
    assert ours[0] is User
    user = session_user.get_user(_request(alice, backend))
    assert user._state.db == "default" and not user._state.adding
    assert user == alice and user.email == alice.email
    assert user.check_password("motdepasse-solide-42")


def test_a_changed_password_flushes_the_session(alice):
    request = lambda: _request(alice, session_hash="0" * 64)  # noqa: E731
    django_outcome, ours = _both(request)
    assert ours == django_outcome
    assert ours[0] is AnonymousUser and ours[3] == {}


def test_a_hash_from_a_fallback_secret_renews_the_session(alice, settings):
    old = "an-older-secret-key-" + "x" * 40
    settings.SECRET_KEY_FALLBACKS = [old]
    fallback_hash = salted_hmac(
        "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash",
        alice.password,
        secret=old,
        algorithm="sha256",
    ).hexdigest()
    django_outcome, ours = _both(lambda: _request(alice, session_hash=fallback_hash))
    assert ours[:3] == django_outcome[:3]
    assert ours[0] is User and ours[2] is False  # a new session key
    assert ours[3][HASH_SESSION_KEY] == alice.get_session_auth_hash()


def test_an_inactive_or_deleted_account_is_nobody(alice, bob):
    User.objects.filter(pk=alice.pk).update(is_active=False)
    assert _both(lambda: _request(alice))[1][0] is AnonymousUser
    assert _both(lambda: _request(alice))[0] == _both(lambda: _request(alice))[1]
    request = _request(bob)
    bob.delete()
    assert session_user.get_user(request).is_authenticated is False


def test_a_backend_no_longer_configured_is_nobody(alice):
    outcomes = _both(lambda: _request(alice, "django.contrib.auth.backends.RemoteUserBackend"))
    assert outcomes[1] == outcomes[0]
    assert outcomes[1][0] is AnonymousUser


def test_the_row_is_read_at_every_request_in_one_query(client, alice):
    client.force_login(alice)
    home = reverse("pages:home")
    assert client.get(home).status_code == 200
    request = _request(alice)
    with CaptureQueriesContext(connection) as queries:
        session_user.get_user(request)
    rows = [query for query in queries if '"accounts_user"' in query["sql"]]
    assert len(rows) == 1  # (the session itself is read from the database in tests)
    # A write that bypasses save() signs the account out at the next request.
    User.objects.filter(pk=alice.pk).update(is_active=False)
    assert client.get(home).status_code == 302
    User.objects.filter(pk=alice.pk).update(is_active=True, password="changed")
    assert client.get(home).status_code == 302


def test_the_middleware_is_in_place(client, alice):
    assert "passerelles.accounts.session_user.AuthenticationMiddleware" in settings.MIDDLEWARE
    client.force_login(alice)
    response = client.get(reverse("pages:home"))
    assert response.status_code == 200
    assert response.wsgi_request.user == alice


def test_the_row_is_read_by_a_statement_compiled_once(alice, bob):
    from passerelles.core.statements import _ORM

    for user in (alice, bob):
        read = session_user.read_user(user.pk)
        assert _fields(read) == _fields(User.objects.get(pk=user.pk))
    assert session_user.read_user(max(alice.pk, bob.pk) + 1000) is None
    assert session_user._user_row._shapes
    assert _ORM not in session_user._user_row._shapes.values()
