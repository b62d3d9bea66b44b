"""Themed discussions: inside a circle (optionally open to its bridged circles), across
all circles, or about an event; posts that moderators can hide (never delete)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles.circles.models import Circle
from passerelles.core.choices import Axis
from passerelles.events.models import Event

TITLE_MAX = 140
BODY_MAX = 4000


class Discussion(models.Model):
    title = models.CharField(_("sujet"), max_length=TITLE_MAX)
    axis = models.CharField(_("axe"), max_length=10, choices=Axis.choices)
    # No circle and no event: a discussion across circles, open to every member.
    circle = models.ForeignKey(
        Circle, null=True, blank=True, on_delete=models.CASCADE, related_name="discussions"
    )
    open_to_bridged = models.BooleanField(
        _("ouverte aux cercles reliés"),
        default=False,
        help_text=_("Les membres des cercles reliés au vôtre par une passerelle y participent."),
    )
    event = models.OneToOneField(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="discussion"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)
    post_count = models.PositiveIntegerField(default=0)  # posts not hidden
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_post_at"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discussions:detail", args=[self.pk])

    @property
    def audit_label(self) -> str:
        """What the circle's log shows of the discussion."""
        return self.title

    @property
    def subject(self) -> str:
        """The title shown: an event's discussion follows the event's current title."""
        return self.event.title if self.event is not None else self.title

    @property
    def theme(self) -> str:
        """The axis shown (code): an event's discussion follows the event's axis."""
        return self.event.axis if self.event is not None else self.axis

    @property
    def theme_label(self) -> str:
        return str(Axis(self.theme).label)

    @property
    def moderating_circle(self) -> Circle | None:
        """The circle whose moderators look after it (the event's host for an event)."""
        return self.event.host_circle if self.event is not None else self.circle


class Post(models.Model):
    discussion = models.ForeignKey(Discussion, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_posts"
    )
    body = models.TextField(_("message"), max_length=BODY_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["author", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def audit_label(self) -> str:
        return self.discussion.title

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def withdrawn(self) -> bool:
        """Withdrawn by its author (or erased with their account): for good."""
        return self.hidden_at is not None and self.hidden_by_id == self.author_id
