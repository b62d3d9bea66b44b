"""Requests as views receive them, typed for the checker.

Every request passes through django-htmx's middleware (``request.htmx``); one behind
``login_required`` also has a signed-in member as its user, never the anonymous one.
A view behind ``login_required`` takes an ``AuthedHttpRequest``; others keep
``HttpRequest`` (or ``HtmxHttpRequest`` when they read ``request.htmx``).
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from passerelles.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class AuthedHttpRequest(HtmxHttpRequest):
    user: User
