"""Named actions on a member's own account.

``do_close_account`` closes and anonymises an account in one transaction, and stops
everything still running on the member's behalf (introductions, places at events,
calendar feeds), so that nobody can reach a deleted address afterwards. Each domain
contributes its own step (``members.closing``); members imports none of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from passerelles.accounts.models import User
from passerelles.core import audit
from passerelles.core.errors import ActionError
from passerelles.core.statements import Statement
from passerelles.members import erasure
from passerelles.members.closing import Closing, closing_steps
from passerelles.members.erasure import deleted_address
from passerelles.members.models import Profile, Skill

__all__ = ["ActionError", "deleted_address", "do_close_account", "do_keep_language"]


ACCOUNT_CLOSED = audit.verb("account.closed", _l("a fermé son compte"))


@transaction.atomic
def do_close_account(user: User, *, acting_user: User) -> None:
    """Erase what identifies ``user``, stop what runs in their name, close the account.

    Each kind of data is deleted, anonymised or kept as ``members.erasure.RULES`` says,
    by the steps each domain registers (``members.closing``), in one transaction.
    The user row remains (deactivated, renamed, unusable password) so that circle
    statistics and other members' records keep their shape without naming anyone.
    The caller has checked the password and that no circle depends on them.
    """
    if acting_user.pk != user.pk:  # operators deactivate; only the person erases
        raise ActionError(_("Seule la personne elle-même ferme son compte."))
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()  # one closing
    if erasure.circles_blocking_deletion(user).exists():
        raise ActionError(
            _("Transmettez d'abord la responsabilité de vos cercles, puis supprimez votre compte.")
        )
    closing = Closing(
        user=user,
        old_email=user.email,
        old_name=user.get_full_name(),
        now=timezone.now(),
        circles_going=list(erasure.circles_owned_alone(user).values_list("name", flat=True)),
    )
    # Written first, so that the entry points at the account it anonymises (no name).
    audit.record(ACCOUNT_CLOSED, user, acting_user=user, subject=user)
    for _name, step in closing_steps():
        step(closing)


# One's own profile, compiled once per process (core.statements): the ORM built the query
# of ``user.profile`` on each page that shows it (the passport, one's profile and privacy).
_own_profile = Statement(lambda user_id: Profile.objects.filter(user_id=user_id))


def do_ensure_profile(*, acting_user: User) -> Profile:
    """The signed-in member's own profile. Every account gets one when it is created; an
    account written in bulk (an import of an older database) gets it here, on first use."""
    related = User.profile.related  # the reverse one-to-one
    if related.is_cached(acting_user):  # read with the user (once per request)
        cached = related.get_cached_value(acting_user)
        if isinstance(cached, Profile):
            return cached
    else:
        rows: list[Profile] = _own_profile(acting_user.pk)
        if rows:
            acting_user.profile = rows[0]
            return rows[0]
    profile, _created = Profile.objects.get_or_create(user=acting_user)
    acting_user.profile = profile
    return profile


@transaction.atomic
def do_update_profile(
    profile: Profile,
    *,
    acting_user: User,
    first_name: str,
    last_name: str,
    skills: Iterable[str],
    **fields: Any,
) -> Profile:
    """A member edits their own profile: name, profile fields and skills together."""
    profile = Profile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if profile.user_id != acting_user.pk:
        raise ActionError(_("Vous ne pouvez modifier que votre propre profil."))
    user = profile.user
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save(update_fields=[*fields, "updated_at"])
    profile.skills.set([Skill.objects.get_or_create(name=tag)[0] for tag in skills])
    acting_user.first_name, acting_user.last_name = user.first_name, user.last_name
    return profile


def do_keep_language(code: str, *, acting_user: User) -> bool:
    """Keep ``code`` on ``acting_user``'s profile, for what is written to them later
    (e-mails); False, and nothing written, when the site does not offer that language."""
    if code not in dict(settings.LANGUAGES):
        return False
    Profile.objects.filter(user=acting_user).exclude(language=code).update(language=code)
    return True
