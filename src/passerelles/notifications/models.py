"""In-app notices and each member's choice of how to be told."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles.notifications.kinds import DEFAULT_CHANNEL, KINDS, TOPIC_KEYS, Channel, worded
from passerelles.notifications.unread import NotificationQuerySet, forget_unread


class Notification(models.Model):
    """One notice shown in Passerelles: a kind and the names it was written with, worded
    when read in the reader's language, and the page it leads to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    # The person the notice names (an applicant's recommender, the other side of an
    # introduction): their closing the account deletes it.
    about = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    # Every write drops the owner's cached unread count (notifications/unread.py).
    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["user", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.shown

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().save(*args, **kwargs)
        forget_unread([self.user_id])

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        owner = self.user_id
        done = super().delete(*args, **kwargs)
        forget_unread([owner])
        return done

    @property
    def shown(self) -> str:
        """The notice in the active language."""
        kind = KINDS.get(self.kind)
        return worded(kind.text, self.params) if kind else ""

    @property
    def subject(self) -> str:
        kind = KINDS.get(self.kind)
        return worded(kind.subject, self.params) if kind else ""

    @property
    def topic(self) -> str:
        kind = KINDS.get(self.kind)
        return kind.topic if kind else ""


class NotificationSettings(models.Model):
    """How a member wants to be told, per topic (a missing topic: by e-mail), and whether
    they want the weekly summary."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    channels = models.JSONField(default=dict, blank=True)
    weekly_digest = models.BooleanField(_("résumé de la semaine par e-mail"), default=False)
    # The ISO week ("2026-W49") of the last summary sent: the lock that sends one a week.
    digest_week = models.CharField(max_length=8, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("réglages des notifications")
        verbose_name_plural = _("réglages des notifications")

    def __str__(self) -> str:
        return str(self.user)

    def channel(self, topic: str) -> str:
        value = (self.channels or {}).get(topic)
        return value if value in Channel.values else DEFAULT_CHANNEL

    def all_channels(self) -> dict[str, str]:
        return {topic: self.channel(topic) for topic in TOPIC_KEYS}
