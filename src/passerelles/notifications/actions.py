"""A member's own changes: how they are told, which notices they have read."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from passerelles.accounts.models import User
from passerelles.core import audit
from passerelles.core.errors import ActionError
from passerelles.notifications.kinds import TOPIC_KEYS, Channel
from passerelles.notifications.models import Notification, NotificationSettings

PREFERENCES_CHANGED = audit.verb(
    "notifications.preferences_changed", _l("a changé ses réglages de notifications")
)


def _refuse_unless_self(user: User, acting_user: User | None) -> None:
    if acting_user is None or acting_user.pk != user.pk:
        raise ActionError(_("Vous ne pouvez changer que vos propres notifications."))


@transaction.atomic
def do_set_preferences(
    user: User, channels: dict[str, str], weekly_digest: bool, *, acting_user: User
) -> NotificationSettings:
    """Save how ``user`` wants to be told, per topic, and the weekly summary choice."""
    _refuse_unless_self(user, acting_user)
    unknown = set(channels) - set(TOPIC_KEYS)
    if unknown or any(value not in Channel.values for value in channels.values()):
        raise ActionError(_("Ce choix de notification n'existe pas."))
    NotificationSettings.objects.get_or_create(user=user)
    row = NotificationSettings.objects.select_for_update().get(user=user)
    before = {"channels": row.all_channels(), "weekly_digest": row.weekly_digest}
    row.channels = {**row.all_channels(), **channels}
    row.weekly_digest = bool(weekly_digest)
    row.save(update_fields=["channels", "weekly_digest", "updated_at"])
    after = {"channels": row.all_channels(), "weekly_digest": row.weekly_digest}
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changes:
        audit.record(
            PREFERENCES_CHANGED, row, acting_user=acting_user, subject=user, changes=changes
        )
    return row


def do_mark_read(user: User, notice_ids: Iterable[int] | None = None, *, acting_user: User) -> int:
    """Mark ``user``'s notices read (all unread ones, or those of ``notice_ids``)."""
    _refuse_unless_self(user, acting_user)
    notices = Notification.objects.filter(user=user, read_at__isnull=True)
    if notice_ids is not None:
        notices = notices.filter(pk__in=list(notice_ids))
    return notices.update(read_at=timezone.now())
