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

from passerelles.core.errors import ActionError
from passerelles.members import erasure
from passerelles.members.erasure import deleted_address

__all__ = ["ActionError", "deleted_address", "do_close_account", "do_keep_language"]


@transaction.atomic
def do_close_account(user) -> None:
    """Erase what identifies ``user``, stop what runs in their name, close the account.

    Each kind of data is deleted, anonymised or kept as ``members.erasure.RULES`` says.
    The user row remains (deactivated, renamed, unusable password) so that circle
    statistics and other members' records keep their shape without naming anyone.
    The caller has checked the password and that no circle depends on them.
    """
    if erasure.circles_blocking_deletion(user).exists():
        raise ActionError(
            _("Transmettez d'abord la responsabilité de vos cercles, puis supprimez votre compte.")
        )
    now = timezone.now()
    old_email, old_name = user.email, user.get_full_name()
    circles_going = list(erasure.circles_owned_alone(user).values_list("name", flat=True))
    _close_introductions(user)
    _release_event_places(user, now)
    _erase_discussion_posts(user, now)
    erasure.erase_circle_traces(user, old_email, now)
    erasure.erase_trust_evidence(user, now)
    erasure.erase_introduction_texts(user, old_name)
    erasure.erase_event_traces(user)
    erasure.erase_notifications(user, [old_name, *circles_going])
    erasure.erase_admin_log_names(user)
    erasure.erase_profile_and_account(user)


def _close_introductions(user) -> None:
    """Withdraw consent (which cancels the open suggestions), decline what is still open
    (e.g. a request waiting for ``user`` as intermediary), and drop the notices."""
    from passerelles.intros.actions import do_decide, do_save_preferences, preference_of
    from passerelles.intros.models import OPEN_STATUSES, Introduction

    pref = preference_of(user)
    if pref.consent:
        pref.consent = False
        do_save_preferences(pref, acting_user=user)
    still_open = Introduction.objects.filter(
        Q(member_a=user) | Q(member_b=user) | Q(intermediary=user), status__in=OPEN_STATUSES
    )
    for intro in still_open:
        # Already answered by them, or not theirs to answer yet: nothing to do.
        with contextlib.suppress(ActionError):
            do_decide(intro, acting_user=user, accept=False)


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
    from passerelles.events.models import Registration, RegistrationStatus

    upcoming = Registration.objects.filter(
        user=user,
        status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED),
        event__starts_at__gt=now,
    ).order_by("event__starts_at", "pk")
    for registration in upcoming:
        do_cancel_registration(registration, acting_user=user)


def do_keep_language(user, code: str) -> bool:
    """Keep ``code`` on ``user``'s profile, for what is written to them later (e-mails);
    False, and nothing written, when the site does not offer that language."""
    from django.conf import settings

    from passerelles.members.models import Profile

    if code not in dict(settings.LANGUAGES):
        return False
    Profile.objects.filter(user=user).exclude(language=code).update(language=code)
    return True
