"""The header's and footer's links, reversed once per process rather than a dozen
``{% url %}`` on every page (0.2 ms of server CPU each page).

Addresses do not depend on the language (no translated paths); they depend on the script
prefix the site is served under and the URL configuration, which make the key.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

NAMES = {
    "home": "pages:home",
    "landing": "pages:landing",
    "circles": "circles:list",
    "directory": "members:directory",
    "events": "events:list",
    "intros": "intros:home",
    "discussions": "discussions:list",
    "passport": "trust:passport",
    "set_language": "set_language",
    "notifications": "notifications:list",
    "profile_edit": "members:edit",
    "privacy": "members:privacy",
    "notification_settings": "notifications:settings",
    "tokens": "members:tokens",
    "email": "account_email",
    "password": "account_change_password",
    "admin": "admin:index",
    "logout": "account_logout",
    "login": "account_login",
    "signup": "account_signup",
}

_kept: dict[tuple[str, object], dict[str, str]] = {}


def links() -> dict[str, str]:
    """Name → address; "" for a page this configuration lacks (as ``{% url … as x %}``)."""
    key = (get_script_prefix(), get_urlconf())
    found = _kept.get(key)
    if found is None:
        found = {}
        for short, name in NAMES.items():
            try:
                found[short] = reverse(name)
            except NoReverseMatch:
                found[short] = ""
        _kept[key] = found
    return found


def site_links(request: HttpRequest) -> dict[str, dict[str, str]]:
    """Context processor: ``site_links.home``, ``site_links.circles``… (a name no view
    uses: a profile page's own ``links``, the member's web links, once hid these)."""
    return {"site_links": links()}
