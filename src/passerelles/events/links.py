"""The personal "Mes tables" link: a participant's tables without signing in.

The link carries the registration and its ``tables_link_version``, signed with the
site's key. It shows that participant's tables of that event and nothing else, and stops
working when the participant revokes it (the version moves on) or gives their place back.
"""

from __future__ import annotations

from django.core import signing
from django.db.models import F
from django.urls import reverse

from passerelles.events.models import Registration, RegistrationStatus

SALT = "passerelles.events.my-tables"
MAX_AGE_DAYS = 120


def tables_token(registration: Registration) -> str:
    return signing.dumps([registration.pk, registration.tables_link_version], salt=SALT)


def tables_path(registration: Registration) -> str:
    return reverse("events:my_tables_link", args=[tables_token(registration)])


def registration_from_token(token: str) -> Registration | None:
    """The registration behind a valid, unrevoked link, or None (forged, old, revoked)."""
    try:
        pk, version = signing.loads(token, salt=SALT, max_age=MAX_AGE_DAYS * 86400)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        Registration.objects.filter(
            pk=pk, tables_link_version=version, status=RegistrationStatus.REGISTERED
        )
        .select_related("event", "user")
        .first()
    )


def do_revoke_tables_link(registration: Registration, *, acting_user) -> Registration:
    """Invalidate every link sent so far; the participant gets a new one."""
    if acting_user.pk != registration.user_id:
        raise PermissionError("only the participant revokes their link")
    Registration.objects.filter(pk=registration.pk).update(
        tables_link_version=F("tables_link_version") + 1
    )
    registration.refresh_from_db(fields=["tables_link_version"])
    return registration
