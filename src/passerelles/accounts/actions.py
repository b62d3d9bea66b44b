"""Named actions on the user row itself (the rest of a member's account lives in members)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from passerelles.accounts.models import User
from passerelles.core.errors import ActionError


@transaction.atomic
def do_set_name(user: User, first_name: str, last_name: str, *, acting_user: User) -> User:
    """The name other members see, given at sign-up by the person themselves."""
    if acting_user.pk != user.pk:
        raise ActionError(_("Vous ne pouvez changer que votre propre nom."))
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    return user
