"""What introductions tell members: through ``notifications.notify`` (a notice now, an
e-mail once committed, as each member chose for introductions)."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from passerelles.core.links import absolute_reverse
from passerelles.core.mail import in_language_of
from passerelles.intros.models import Decision, Introduction
from passerelles.notifications.kinds import KINDS, Channel
from passerelles.notifications.models import Notification
from passerelles.notifications.notify import channels_for, notify, send_on_commit


def new_suggestions(introductions: list[Introduction]) -> None:
    """One notice per suggestion, one e-mail per member listing theirs."""
    per_user: dict = defaultdict(list)
    for intro in introductions:
        for user, other in ((intro.member_a, intro.member_b), (intro.member_b, intro.member_a)):
            per_user[user].append((other, intro))
    channels = channels_for([user.pk for user in per_user], KINDS["suggested"].topic)
    notices = []
    for user, items in per_user.items():
        if channels[user.pk] == Channel.OFF or not user.is_active:
            continue
        for other, intro in items:
            notices.append(
                Notification(
                    user=user,
                    kind="suggested",
                    params={"name": other.display_name},
                    url=intro.get_absolute_url(),
                    about=other,
                )
            )
    Notification.objects.bulk_create(notices, batch_size=500)
    first_of: dict[int, Notification] = {}
    for notice in notices:
        first_of.setdefault(notice.user_id, notice)
    for user, items in per_user.items():
        if channels[user.pk] != Channel.EMAIL or user.pk not in first_of or not user.email:
            continue
        with in_language_of(user):
            listed = [(o.display_name, i.reasons_for(user)) for o, i in items]
        send_on_commit(
            first_of[user.pk],
            "intros/email/suggestions.txt",
            {"items": listed, "url": absolute_reverse("intros:home")},
        )


def intermediary_asked(intro: Introduction) -> None:
    asker, target, via = intro.member_a, intro.member_b, intro.intermediary
    notify(
        via,
        "asked_to_introduce",
        url=intro.get_absolute_url(),
        about=asker,
        template="intros/email/intermediary.txt",
        context={"asker": asker.display_name, "target": target.display_name, **_texts(intro)},
        asker=asker.display_name,
        target=target.display_name,
    )


def _texts(intro: Introduction) -> dict:
    return {"need": intro.need, "message": intro.message}


def requested(intro: Introduction) -> None:
    """The person sought learns of the request (after the intermediary, if any)."""
    notify(
        intro.member_b,
        "requested",
        url=intro.get_absolute_url(),
        about=intro.member_a,
        asker=intro.member_a.display_name,
    )


def connected(intro: Introduction) -> None:
    """Both accepted: each gets the other's contact and a suggested first message."""
    for user, other in ((intro.member_a, intro.member_b), (intro.member_b, intro.member_a)):
        with in_language_of(user):
            context = {
                "other": other.display_name,
                "other_email": other.email,
                "reasons": intro.reasons_for(user),
                "first_message": first_message(intro, user),
            }
        notify(
            user,
            "connected",
            url=intro.get_absolute_url(),
            about=other,
            template="intros/email/connected.txt",
            context=context,
            name=other.display_name,
        )


def first_message(intro: Introduction, user) -> str:
    """A suggested first message from ``user`` to the other side."""
    other = intro.other(user)
    first_name = other.first_name or other.display_name
    me = user.display_name
    via_person = intro.intermediary if intro.intermediary_id else None
    if via_person and intro.warm and intro.intermediary_decision == Decision.ACCEPTED:
        via = _(" par l'intermédiaire de %(via)s") % {"via": via_person.display_name}
    else:
        via = ""
    return _(
        "Bonjour %(first)s,\n\nPasserelles nous a mis en relation%(via)s. J'aimerais "
        "beaucoup échanger avec vous autour d'un café ou en visio dans les prochaines "
        "semaines. Quelles sont vos disponibilités ?\n\nBien à vous,\n%(me)s"
    ) % {"first": first_name, "via": via, "me": me}


def meeting_confirmed(intro: Introduction, user) -> None:
    other = intro.other(user)
    if intro.met_confirmed_by(other):
        return
    notify(
        other,
        "meeting_confirmed",
        url=intro.get_absolute_url(),
        about=user,
        name=user.display_name,
    )
