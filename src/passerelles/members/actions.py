"""Named actions on a member's own account.

``do_close_account`` closes and anonymises an account in one transaction, and stops
everything still running on the member's behalf (introductions, places at events,
calendar feeds), so that nobody can reach a deleted address afterwards.
"""

from __future__ import annotations

import contextlib

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.circles.models import Invitation, MemberImport, Membership, MembershipState, Role
from passerelles.core.errors import ActionError
from passerelles.members.models import Profile, Visibility

__all__ = ["ActionError", "deleted_address", "do_close_account", "do_keep_language"]

# What an import row keeps about a person once their account is closed.
IMPORT_FIELDS_SCRUBBED = ("first_name", "last_name", "organisation", "city", "sector_text")


def deleted_address(user) -> str:
    """The placeholder address a closed account (and its traces) carries."""
    return f"compte-supprime-{user.pk}@passerelles.invalid"


@transaction.atomic
def do_close_account(user) -> None:
    """Erase what identifies ``user``, stop what runs in their name, close the account.

    The user row remains (deactivated, renamed, unusable password) so that circle
    statistics and other members' records keep their shape without naming anyone.
    The caller has checked the password and that no circle depends on them.
    """
    from allauth.account.models import EmailAddress

    from passerelles.members.forms import circles_blocking_deletion, circles_owned_alone

    if circles_blocking_deletion(user).exists():
        raise ActionError(
            _("Transmettez d'abord la responsabilité de vos cercles, puis supprimez votre compte.")
        )
    now = timezone.now()
    old_email = user.email
    _close_introductions(user)
    _release_event_places(user, now)
    _erase_discussion_posts(user, now)
    _scrub_imports(old_email, deleted_address(user))

    circles_owned_alone(user).delete()
    Invitation.objects.filter(email__iexact=old_email).delete()
    Membership.objects.filter(
        user=user,
        state__in=(MembershipState.ADMITTED, MembershipState.PENDING, MembershipState.INVITED),
    ).update(state=MembershipState.LEFT, ended_at=now, updated_at=now)
    Membership.objects.filter(user=user).update(role=Role.MEMBER, message="", verified=False)
    EmailAddress.objects.filter(user=user).delete()

    profile, _created = Profile.objects.get_or_create(user=user)
    profile.skills.clear()
    for field in ("headline", "organisation", "city", "department", "sector", "offers", "needs"):
        setattr(profile, field, "")
    profile.themes = profile.languages = profile.links = ""
    profile.visibility = Visibility.CIRCLES
    profile.save()

    user.email = deleted_address(user)
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()


def _close_introductions(user) -> None:
    """Withdraw consent (which cancels the open suggestions), decline what is still open
    (e.g. a request waiting for ``user`` as intermediary), and drop the notices."""
    from passerelles.intros.actions import do_decide, do_save_preferences, preference_of
    from passerelles.intros.models import OPEN_STATUSES, Introduction, Notice

    pref = preference_of(user)
    if pref.consent:
        pref.consent = False
        do_save_preferences(user, pref)
    still_open = Introduction.objects.filter(
        Q(member_a=user) | Q(member_b=user) | Q(intermediary=user), status__in=OPEN_STATUSES
    )
    for intro in still_open:
        # Already answered by them, or not theirs to answer yet: nothing to do.
        with contextlib.suppress(ActionError):
            do_decide(user, intro, accept=False)
    Notice.objects.filter(user=user).delete()


def _erase_discussion_posts(user, now) -> None:
    """Their messages are erased (the text may name them or others) and shown as withdrawn;
    discussions they started stay, for the others' replies."""
    from passerelles.discussions.actions import recount
    from passerelles.discussions.models import Post

    posts = Post.objects.filter(author=user)
    touched = list(posts.values_list("discussion_id", flat=True).distinct())
    posts.update(body="", hidden_reason="", hidden_at=now, hidden_by=user)
    recount(touched)


def _release_event_places(user, now) -> None:
    """Give back places at events not started yet: the waitlist moves up; no more feed."""
    from passerelles.events.actions import do_cancel_registration
    from passerelles.events.models import CalendarFeed, Registration, RegistrationStatus

    upcoming = Registration.objects.filter(
        user=user,
        status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED),
        event__starts_at__gt=now,
    ).order_by("event__starts_at", "pk")
    for registration in upcoming:
        do_cancel_registration(registration)
    CalendarFeed.objects.filter(user=user).delete()


def _scrub_imports(email: str, placeholder: str) -> None:
    """Member lists uploaded by circle admins keep the row, not who it was."""
    email = (email or "").strip().lower()
    if not email:
        return
    for member_import in MemberImport.objects.select_for_update().filter(rows__icontains=email):
        changed = False
        for row in member_import.rows:
            if str(row.get("email", "")).strip().lower() == email:
                row["email"] = placeholder
                for field in IMPORT_FIELDS_SCRUBBED:
                    if field in row:
                        row[field] = ""
                changed = True
        if changed:
            member_import.save(update_fields=["rows"])


def do_keep_language(user, code: str) -> bool:
    """Keep ``code`` on ``user``'s profile, for what is written to them later (e-mails);
    False, and nothing written, when the site does not offer that language."""
    from django.conf import settings

    if code not in dict(settings.LANGUAGES):
        return False
    Profile.objects.filter(user=user).exclude(language=code).update(language=code)
    return True
