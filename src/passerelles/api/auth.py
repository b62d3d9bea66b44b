"""Who is calling the API: a personal access token (``Authorization: Bearer pas_…``) for
scripts and other tools, or the browser session (with its CSRF token for writes).

A read token may only read (GET, HEAD, OPTIONS): anything else is a 403. Each token makes
at most ``API_TOKEN_RATE_PER_MINUTE`` requests a minute; past that, a 429 says when to
come back.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from passerelles.accounts.models import TokenScope
from passerelles.accounts.tokens import find_token

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class TooManyRequests(HttpError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(429, _("Trop de requêtes avec ce jeton : réessayez dans une minute."))
        self.retry_after = retry_after


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        found = find_token(token.strip())
        if found is None:
            return None
        if request.method not in SAFE_METHODS and found.scope != TokenScope.WRITE:
            raise HttpError(403, _("Ce jeton ne permet que la lecture."))
        _count_request(found.digest[:20])
        request.user = found.user
        return found.user


def _count_request(token_key: str) -> None:
    limit = getattr(settings, "API_TOKEN_RATE_PER_MINUTE", 120)
    window = int(time.time() // 60)
    key = f"api-token-rate:{token_key}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        used = cache.incr(key)
    except ValueError:  # evicted between add and incr: count this one as the first
        cache.set(key, 1, timeout=120)
        used = 1
    if used > limit:
        raise TooManyRequests(retry_after=60 - int(time.time()) % 60)
