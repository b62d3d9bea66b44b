"""Writing to a member in their language.

A member's language is the one they last chose with the language switch (recorded on
their profile by ``core.views.set_language``); without one, the site's first language.
E-mails and anything else written to them outside their own request are composed inside
``in_language_of(user)``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def language_of(user: AbstractBaseUser | None) -> str:
    """The language to write to ``user`` in (a code of ``settings.LANGUAGES``)."""
    available = {code for code, _name in settings.LANGUAGES}
    profile = getattr(user, "profile", None) if user is not None else None
    chosen = getattr(profile, "language", "") or ""
    return chosen if chosen in available else settings.LANGUAGE_CODE


def in_language_of(user: AbstractBaseUser | None) -> translation.override:
    """``with in_language_of(user):`` composes text in ``user``'s language."""
    return translation.override(language_of(user))


def send_mail_on_commit(subject: str, template: str, context: dict[str, Any], to: str) -> None:
    """An e-mail composed now (in the caller's ``in_language_of``) and sent once the
    transaction at hand commits, never for a change that was rolled back; a failing
    mail server does not undo the change."""
    message = render_to_string(template, context)

    def send() -> None:
        send_mail(
            subject=subject,
            message=message,
            from_email=None,
            recipient_list=[to],
            fail_silently=True,
        )

    transaction.on_commit(send)
