"""Personal access tokens: made, found and revoked (the API's ``Authorization: Bearer``).

A token is ``pas_`` and 43 random URL-safe characters (256 bits from ``secrets``); only its
SHA-256 digest is stored, so a copy of the database gives no usable token. A fast hash is
right here: the secret is random, not a password that could be guessed.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.accounts.models import ApiToken, TokenScope
from passerelles.core.errors import ActionError

PREFIX = "pas_"
LIFETIMES_DAYS = (30, 90, 365)
MAX_ACTIVE_TOKENS = 10


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@transaction.atomic
def do_create_token(user, name: str, scope: str, days: int, *, acting_user) -> tuple[ApiToken, str]:
    """A new token for ``user`` and its secret, which is never shown again."""
    if acting_user.pk != user.pk:
        raise ActionError(_("Seul le titulaire du compte crée ses jetons."))
    name = " ".join((name or "").split())[:60]
    if not name:
        raise ActionError(_("Donnez un nom au jeton, par exemple l'outil qui l'utilisera."))
    if scope not in TokenScope.values:
        raise ActionError(_("Droits inconnus."))
    if days not in LIFETIMES_DAYS:
        raise ActionError(_("Choisissez une durée de 30, 90 ou 365 jours."))
    active = usable_tokens(user).select_for_update().count()
    if active >= MAX_ACTIVE_TOKENS:
        raise ActionError(
            _("Vous avez déjà %(n)d jetons actifs : révoquez-en un d'abord.")
            % {"n": MAX_ACTIVE_TOKENS}
        )
    secret = PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[: len(PREFIX) + 4],
        digest=digest(secret),
        scope=scope,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return token, secret


@transaction.atomic
def do_revoke_token(token: ApiToken, *, acting_user) -> ApiToken:
    if acting_user.pk != token.user_id and not acting_user.is_staff:
        raise ActionError(_("Ce jeton n'est pas le vôtre."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def usable_tokens(user):
    return ApiToken.objects.filter(
        user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


def find_token(secret: str) -> ApiToken | None:
    """The usable token with this secret (its owner active), else None."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(secret), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
