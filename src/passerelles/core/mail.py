"""Writing to a member in their language.

A member's language is the one they last chose with the language switch (recorded on
their profile by ``core.views.set_language``); without one, the site's first language.
E-mails and anything else written to them outside their own request are composed inside
``in_language_of(user)``.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def language_of(user) -> str:
    """The language to write to ``user`` in (a code of ``settings.LANGUAGES``)."""
    available = {code for code, _name in settings.LANGUAGES}
    profile = getattr(user, "profile", None) if user is not None else None
    chosen = getattr(profile, "language", "") or ""
    return chosen if chosen in available else settings.LANGUAGE_CODE


def in_language_of(user) -> translation.override:
    """``with in_language_of(user):`` composes text in ``user``'s language."""
    return translation.override(language_of(user))
