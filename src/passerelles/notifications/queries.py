"""What the pages read: a member's notices and their unread count."""

from __future__ import annotations

from django.db.models import QuerySet

from passerelles.notifications.models import Notification
from passerelles.notifications.unread import cached_unread


def unread_count(user) -> int:
    """Unread notices of ``user``: kept in the cache until one of them changes."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return cached_unread(  # the query is only built when the cache lacks the count
        user.pk, lambda: Notification.objects.filter(user=user, read_at__isnull=True).count()
    )


def notices_of(user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)
