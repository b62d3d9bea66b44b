"""Absolute links for what leaves the site (e-mails, calendar files, exports).

They are built from ``settings.SITE_URL`` and the URL configuration alone, the same in a
request, a background task or a scheduled command; without ``SITE_URL`` (which
``check --deploy`` warns about) they stay relative.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """``path`` (starting with ``/``) on the site's public address."""
    return f"{(settings.SITE_URL or '').rstrip('/')}{path}"


def absolute_reverse(viewname: str, *args: Any, **kwargs: Any) -> str:
    """The absolute address of a named view: ``absolute_reverse("events:detail", 3)``."""
    return absolute_url(reverse(viewname, args=args or None, kwargs=kwargs or None))
