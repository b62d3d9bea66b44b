"""``notify(user, kind, ...)``: the one way a domain tells a member something.

The in-app notice is written with the change (in the caller's transaction); the e-mail is
composed in the reader's language and leaves once the transaction commits, never for a
change rolled back. The member's choice for the kind's topic decides: e-mail and notice
(the default), notice only, or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string

from passerelles.accounts.models import User
from passerelles.core.links import absolute_reverse, absolute_url
from passerelles.core.mail import in_language_of
from passerelles.notifications.kinds import DEFAULT_CHANNEL, KINDS, Channel
from passerelles.notifications.models import Notification, NotificationSettings

GENERIC_TEMPLATE = "notifications/email/notice.txt"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def channel_for(user: User, topic: str) -> str:
    """How ``user`` wants to hear about ``topic`` (read afresh: a choice saved a moment
    ago in the same request counts)."""
    channels = (
        NotificationSettings.objects.filter(user_id=user.pk)
        .values_list("channels", flat=True)
        .first()
    )
    value = (channels or {}).get(topic)
    return value if value in Channel.values else DEFAULT_CHANNEL


def channels_for(user_ids: Iterable[int], topic: str) -> dict[int, str]:
    """How each of many members wants to hear about ``topic`` (one query)."""
    chosen = dict(
        NotificationSettings.objects.filter(user_id__in=list(user_ids)).values_list(
            "user_id", "channels"
        )
    )
    result = {}
    for user_id in user_ids:
        value = (chosen.get(user_id) or {}).get(topic)
        result[user_id] = value if value in Channel.values else DEFAULT_CHANNEL
    return result


def notify(
    user: User | None,
    kind: str,
    *,
    url: str = "",
    about: User | None = None,
    template: str = GENERIC_TEMPLATE,
    context: dict | None = None,
    attachments: Iterable[Attachment] = (),
    email: bool = True,
    **params: Any,
) -> Notification | None:
    """Tell ``user`` about ``kind`` (see ``kinds.KINDS``) with the names in ``params``.

    ``url`` is the page the notice leads to (a path); ``about`` the person it names, if
    any; ``template`` and ``context`` make the e-mail's body (composed in the reader's
    language), ``attachments`` go with it. ``email=False`` writes the notice only (for a
    caller that sends one e-mail for many notices). Returns the notice, or None when
    the member turned this topic off (or has no active account)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    if user is None or not user.is_active:
        return None
    channel = channel_for(user, KINDS[kind].topic)
    if channel == Channel.OFF:
        return None
    notice = Notification.objects.create(user=user, kind=kind, params=params, url=url, about=about)
    if email and channel == Channel.EMAIL and user.email:
        send_on_commit(notice, template, context or {}, attachments)
    return notice


def wants_email(user: User, kind: str) -> bool:
    return bool(user.email) and channel_for(user, KINDS[kind].topic) == Channel.EMAIL


def send_on_commit(
    notice: Notification, template: str, context: dict, attachments: Iterable[Attachment] = ()
) -> None:
    user = notice.user
    with in_language_of(user):
        subject = notice.subject
        values = {
            "name": user.first_name or user.email,
            "notice": notice,
            "url": absolute_url(notice.url) if notice.url else "",
            "settings_url": absolute_reverse("notifications:settings"),
            **context,
        }
        body = render_to_string(template, values).rstrip() + "\n\n"
        body += render_to_string("notifications/email/footer.txt", values)
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    transaction.on_commit(lambda: message.send(fail_silently=True))
