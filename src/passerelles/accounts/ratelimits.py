"""The "too many requests" answer of sign-in limits, saying when to try again.

allauth counts attempts in Django's cache (shared through Redis when ``REDIS_URL`` is
set) and answers a refused request with the URLconf's ``handler429``: this view.
"""

from __future__ import annotations

import math
import time
from http import HTTPStatus

from allauth.account import app_settings
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from passerelles.core.error_pages import render_error_page

# allauth's views and the action whose limits they consume.
ACTION_OF_VIEW = {
    "account_login": "login",
    "account_signup": "signup",
    "account_reset_password": "reset_password",
    "account_reset_password_from_key": "reset_password_from_key",
    "account_change_password": "change_password",
    "account_set_password": "change_password",
    "account_email": "manage_email",
    "account_reauthenticate": "reauthenticate",
}
DEFAULT_WAIT_SECONDS = 60


def seconds_to_wait(request: HttpRequest) -> int:
    """How long until the limits this request hit let it through again (by address or
    account; a minute when it cannot be told)."""
    match = getattr(request, "resolver_match", None)
    action = ACTION_OF_VIEW.get(match.url_name if match else "")
    actions = [action] if action else list(app_settings.RATE_LIMITS)
    now, wait = time.time(), 0.0
    for name in actions:
        for rate in ratelimit.get_rates(app="allauth.account", action=name):
            if rate.per == "key" or (rate.per == "user" and not request.user.is_authenticated):
                continue
            key = ratelimit.get_cache_key(request, app="allauth.account", action=name, rate=rate)
            history = cache.get(key, [])
            if len(history) >= rate.amount:
                wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return math.ceil(wait) if wait > 0 else DEFAULT_WAIT_SECONDS


def too_many_requests(request: HttpRequest, exception=None) -> HttpResponse:
    wait = seconds_to_wait(request)
    response = render_error_page(
        request,
        "429.html",
        HTTPStatus.TOO_MANY_REQUESTS,
        {
            "wait_minutes": max(1, math.ceil(wait / 60)),
            "wait_seconds": wait,
            "retry_path": request.get_full_path(),
        },
    )
    response["Retry-After"] = str(wait)
    return response
