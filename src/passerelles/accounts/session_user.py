"""The signed-in member of each request, read from the database with a statement built once
per process rather than by the ORM at every request.

Every page and API call signed in reads its user's row (``django.contrib.auth.get_user``):
the ORM built and compiled the same ``SELECT … WHERE id = %s`` each time, 0.35 ms of the
web process's CPU out of the 0.55 ms the row cost (benchmarks/README.md). The row is still
read from the database on every request, as before: a deactivated account or a changed
password takes effect at the next request, whoever wrote it and however (a queryset
``update`` included). Nothing about the user is cached between requests.

The ``SELECT`` is a statement of ``core.statements``, as the pages' own reads: built by the
user model's default manager once per process, so a manager that filters rows its own way
is compiled with its filter.

``get_user`` follows ``django.contrib.auth.get_user`` step by step (the session's backend
must be configured, the session's hash checked against the password's, the fallback keys
tried and the session renewed, or flushed when nothing matches); it only replaces the
backend's ``get_user`` when that is ``ModelBackend``'s own (``ModelBackend`` and allauth's
backend), with the same rule: no such row, or an inactive account, is no user.
``tests/accounts/test_session_user.py`` compares the two on every case.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, load_backend
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import (
    AuthenticationMiddleware as DjangoAuthenticationMiddleware,
)
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from passerelles.core.statements import Statement

# The row's ``SELECT`` by primary key, compiled once per process (core.statements).
_user_row = Statement(lambda user_id: auth.get_user_model()._default_manager.filter(pk=user_id))


def read_user(user_id: Any) -> Any:
    """The user row ``user_id`` as a model instance (what ``_default_manager.get(pk=…)``
    gives), or None when there is no such row."""
    if type(user_id) is not int:  # another kind of key: the ORM, as Django does
        return auth.get_user_model()._default_manager.filter(pk=user_id).first()
    found = _user_row(user_id)
    return found[0] if found else None


def _backend_user(backend: Any, user_id: Any) -> Any:
    """``backend.get_user(user_id)``; ``ModelBackend``'s rule read with ``read_user``."""
    if type(backend).get_user is not ModelBackend.get_user:
        return backend.get_user(user_id)
    user = read_user(user_id)
    return user if user is not None and backend.user_can_authenticate(user) else None


def get_user(request: HttpRequest) -> Any:
    """``django.contrib.auth.get_user``, the row read by ``_backend_user``."""
    user: Any = None
    try:
        user_id = auth._get_user_session_key(request)  # type: ignore[attr-defined]
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        pass
    else:
        if backend_path in settings.AUTHENTICATION_BACKENDS:
            backend = load_backend(backend_path)
            user = _backend_user(backend, user_id)
            # Verify the session
            if hasattr(user, "get_session_auth_hash"):
                session_hash = request.session.get(HASH_SESSION_KEY)
                if not session_hash:
                    session_hash_verified = False
                else:
                    session_auth_hash = user.get_session_auth_hash()
                    session_hash_verified = constant_time_compare(session_hash, session_auth_hash)
                if not session_hash_verified:
                    # If the current secret does not verify the session, try with the
                    # fallback secrets and stop when a matching one is found.
                    if session_hash and any(
                        constant_time_compare(session_hash, fallback_auth_hash)
                        for fallback_auth_hash in user.get_session_auth_fallback_hash()
                    ):
                        request.session.cycle_key()
                        request.session[HASH_SESSION_KEY] = session_auth_hash
                    else:
                        request.session.flush()
                        user = None
    return user or AnonymousUser()


def _cached_user(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = get_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


class AuthenticationMiddleware(DjangoAuthenticationMiddleware):
    """Django's, with ``request.user`` read by ``get_user`` above (``request.auser``, for
    asynchronous views, stays Django's), and read at once rather than behind a lazy object:
    every page's header, the language middleware and nearly every view ask for it anyway,
    and each of the hundreds of lookups a page makes on a ``SimpleLazyObject`` went through
    its proxy (about 0.3 ms of CPU a page, benchmarks/README.md). A request without a
    session is anonymous without reading anything, as before."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = _cached_user(request)
