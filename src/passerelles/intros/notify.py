"""In-app notices (written with the change) and e-mails (sent once it is committed)."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from passerelles.core.links import absolute_reverse, absolute_url
from passerelles.core.mail import in_language_of, send_mail_on_commit
from passerelles.intros.models import Decision, Introduction, Notice


def notice(user, kind: str, introduction: Introduction | None = None, **names: str) -> Notice:
    """An in-app notice of ``kind`` (see ``NOTICE_TEXTS``), worded when read."""
    return Notice.objects.create(user=user, kind=kind, params=names, introduction=introduction)


def new_suggestions(introductions: list[Introduction]) -> None:
    """One notice per suggestion, one e-mail per member listing theirs."""
    per_user: dict = defaultdict(list)
    notices = []
    for intro in introductions:
        for user, other in ((intro.member_a, intro.member_b), (intro.member_b, intro.member_a)):
            notices.append(
                Notice(
                    user=user,
                    kind="suggested",
                    params={"name": other.display_name},
                    introduction=intro,
                )
            )
            per_user[user].append((other, intro))
    Notice.objects.bulk_create(notices, batch_size=500)
    for user, items in per_user.items():
        with in_language_of(user):
            send_mail_on_commit(
                _("Vos nouvelles suggestions de mise en relation"),
                "intros/email/suggestions.txt",
                {
                    "name": user.display_name,
                    "items": [(o.display_name, i.reasons_for(user)) for o, i in items],
                    "url": absolute_reverse("intros:home"),
                },
                user.email,
            )


def intermediary_asked(intro: Introduction) -> None:
    asker, target, via = intro.member_a, intro.member_b, intro.intermediary
    assert via is not None  # asked only on an introduction through someone
    notice(via, "asked_to_introduce", intro, asker=asker.display_name, target=target.display_name)
    with in_language_of(via):
        send_mail_on_commit(
            _("%(asker)s vous demande une présentation") % {"asker": asker.display_name},
            "intros/email/intermediary.txt",
            {
                "name": via.display_name,
                "asker": asker.display_name,
                "target": target.display_name,
                "need": intro.need,
                "message": intro.message,
                "url": absolute_url(intro.get_absolute_url()),
            },
            via.email,
        )


def requested(intro: Introduction) -> None:
    """The person sought learns of the request (after the intermediary, if any)."""
    notice(intro.member_b, "requested", intro, asker=intro.member_a.display_name)


def connected(intro: Introduction) -> None:
    """Both accepted: each gets the other's contact and a suggested first message."""
    for user, other in ((intro.member_a, intro.member_b), (intro.member_b, intro.member_a)):
        notice(user, "connected", intro, name=other.display_name)
        with in_language_of(user):
            send_mail_on_commit(
                _("Mise en relation : %(name)s a accepté") % {"name": other.display_name},
                "intros/email/connected.txt",
                {
                    "name": user.display_name,
                    "other": other.display_name,
                    "other_email": other.email,
                    "reasons": intro.reasons_for(user),
                    "first_message": first_message(intro, user),
                    "url": absolute_url(intro.get_absolute_url()),
                },
                user.email,
            )


def first_message(intro: Introduction, user) -> str:
    """A suggested first message from ``user`` to the other side."""
    other = intro.other(user)
    first_name = other.first_name or other.display_name
    me = user.display_name
    if (
        intro.warm
        and intro.intermediary_decision == Decision.ACCEPTED
        and intro.intermediary is not None
    ):
        via = _(" par l'intermédiaire de %(via)s") % {"via": intro.intermediary.display_name}
    else:
        via = ""
    return _(
        "Bonjour %(first)s,\n\nPasserelles nous a mis en relation%(via)s et nous avons tous "
        "deux accepté. Je serais ravi(e) d'échanger avec vous autour d'un café ou en visio "
        "dans les prochaines semaines. Quelles sont vos disponibilités ?\n\nBien à vous,\n%(me)s"
    ) % {"first": first_name, "via": via, "me": me}


def meeting_confirmed(intro: Introduction, user) -> None:
    other = intro.other(user)
    if intro.met_confirmed_by(other):
        return
    notice(other, "meeting_confirmed", intro, name=user.display_name)
