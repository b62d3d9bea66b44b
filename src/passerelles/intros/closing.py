"""What closing an account does to introductions (registered by ``IntrosConfig``)."""

from __future__ import annotations

import contextlib

from django.db.models import Q

from passerelles.core.errors import ActionError
from passerelles.intros import actions
from passerelles.intros.models import OPEN_STATUSES, Introduction, Preference
from passerelles.members.closing import Closing


def close_introductions(closing: Closing) -> None:
    """Withdraw consent (which cancels the open suggestions), decline what is still open
    (e.g. a request waiting for them as intermediary)."""
    user = closing.user
    pref = actions.preference_of(user)
    if pref.consent:
        pref.consent = False
        actions.do_save_preferences(pref, acting_user=user)
    still_open = Introduction.objects.filter(
        Q(member_a=user) | Q(member_b=user) | Q(intermediary=user), status__in=OPEN_STATUSES
    )
    for intro in still_open:
        # Already answered by them, or not theirs to answer yet: nothing to do.
        with contextlib.suppress(ActionError):
            actions.do_decide(intro, acting_user=user, accept=False)


def erase_introduction_texts(closing: Closing) -> None:
    """Need and message deleted from their introductions (their notices go with every
    other notice, ``members.erasure.erase_notifications``)."""
    user = closing.user
    theirs = Introduction.objects.filter(Q(member_a=user) | Q(member_b=user) | Q(intermediary=user))
    theirs.update(need="", message="")
    for preference in Preference.objects.filter(user=user):
        preference.blocked.clear()
