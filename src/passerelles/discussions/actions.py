"""Writing in discussions: each action checks its rule, runs in one transaction and
raises ``ActionError`` with a message shown as is."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.circles.access import is_circle_member
from passerelles.circles.models import Circle
from passerelles.core.choices import Axis
from passerelles.core.errors import ActionError
from passerelles.discussions import access
from passerelles.discussions.models import BODY_MAX, TITLE_MAX, Discussion, Post
from passerelles.events.access import may_register
from passerelles.events.models import Event

# At most this many messages per member in this window: enough for a lively exchange,
# not for a flood.
POSTS_PER_WINDOW = 20
POST_WINDOW = timedelta(minutes=10)


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ActionError(_("Le message est vide."))
    if len(body) > BODY_MAX:
        raise ActionError(_("Le message est limité à 4 000 caractères."))
    return body


def _check_pace(user, now) -> None:
    # One member's messages are counted one at a time: their user row is the lock (a no-op
    # on SQLite, whose writes are serialised anyway).
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    recent = Post.objects.filter(author=user, created_at__gte=now - POST_WINDOW).count()
    if recent >= POSTS_PER_WINDOW:
        raise ActionError(
            _("Vous avez beaucoup écrit ces dernières minutes : réessayez un peu plus tard.")
        )


def recount(discussion_ids) -> None:
    """Set each discussion's ``post_count`` from its shown posts (after bulk changes)."""
    for discussion_id in set(discussion_ids):
        shown = Post.objects.filter(discussion_id=discussion_id, hidden_at__isnull=True)
        Discussion.objects.filter(pk=discussion_id).update(post_count=shown.count())


def _add_post(user, discussion: Discussion, body: str, now) -> Post:
    post = Post.objects.create(discussion=discussion, author=user, body=body, created_at=now)
    Discussion.objects.filter(pk=discussion.pk).update(
        post_count=F("post_count") + 1, last_post_at=now
    )
    return post


@transaction.atomic
def do_start_discussion(
    user, *, title: str, axis: str, circle: Circle | None, open_to_bridged: bool, body: str
) -> Discussion:
    """A new discussion with its first message; in ``circle`` (its admitted members) or,
    with ``circle`` None, across all circles."""
    title = " ".join((title or "").split())
    if not title:
        raise ActionError(_("Donnez un sujet à la discussion."))
    if len(title) > TITLE_MAX:
        raise ActionError(_("Le sujet est limité à 140 caractères."))
    if axis not in Axis.values:
        raise ActionError(_("Choisissez l'un des quatre axes."))
    if circle is not None and not is_circle_member(user, circle):
        raise ActionError(_("Seuls les membres d'un cercle y ouvrent une discussion."))
    body = _clean_body(body)
    now = timezone.now()
    _check_pace(user, now)
    discussion = Discussion.objects.create(
        title=title,
        axis=axis,
        circle=circle,
        open_to_bridged=bool(open_to_bridged) and circle is not None,
        created_by=user,
        created_at=now,
        last_post_at=now,
    )
    _add_post(user, discussion, body, now)
    return discussion


@transaction.atomic
def do_post(user, discussion: Discussion, body: str) -> Post:
    locked = Discussion.objects.select_for_update().get(pk=discussion.pk)
    if locked.locked_at is not None:
        raise ActionError(_("Cette discussion est close : elle ne reçoit plus de message."))
    if not access.may_post(user, locked):
        raise ActionError(_("Vous ne participez pas à cette discussion."))
    body = _clean_body(body)
    now = timezone.now()
    _check_pace(user, now)
    return _add_post(user, locked, body, now)


@transaction.atomic
def do_comment_event(user, event: Event, body: str) -> Post:
    """A comment on ``event``, in its discussion (opened with the first comment), for
    those who may join the event."""
    if event.is_cancelled:
        raise ActionError(_("Cet événement est annulé : il ne reçoit plus de commentaire."))
    if not may_register(user, event):
        raise ActionError(
            _("Seules les personnes qui peuvent s'inscrire commentent cet événement.")
        )
    body = _clean_body(body)
    discussion, _created = Discussion.objects.get_or_create(
        event=event,
        defaults={
            "title": event.title[:TITLE_MAX],
            "axis": event.axis,
            "circle": event.host_circle,
            "created_by": user,
        },
    )
    return do_post(user, discussion, body)


@transaction.atomic
def do_hide_post(user, post: Post, reason: str = "") -> Post:
    """A moderator hides a message, or its author withdraws it; it is kept (and may be
    restored by a moderator) but no longer shown."""
    post = Post.objects.select_for_update().select_related("discussion").get(pk=post.pk)
    own = post.author_id == user.pk
    if not own and not access.may_moderate(user, post.discussion):
        raise ActionError(_("Seuls les modérateurs masquent les messages des autres."))
    if post.hidden_at is None:
        post.hidden_at, post.hidden_by = timezone.now(), user
        # A withdrawal needs no reason: ``hidden_by`` being the author says it.
        post.hidden_reason = "" if own else (reason or "").strip()[:200]
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        Discussion.objects.filter(pk=post.discussion_id).update(post_count=F("post_count") - 1)
    return post


@transaction.atomic
def do_restore_post(user, post: Post) -> Post:
    post = Post.objects.select_for_update().select_related("discussion").get(pk=post.pk)
    if not access.may_moderate(user, post.discussion):
        raise ActionError(_("Seuls les modérateurs rétablissent un message."))
    if post.withdrawn:
        raise ActionError(_("Un message retiré par son auteur ne peut pas être rétabli."))
    if post.hidden_at is not None:
        post.hidden_at, post.hidden_by, post.hidden_reason = None, None, ""
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        Discussion.objects.filter(pk=post.discussion_id).update(post_count=F("post_count") + 1)
    return post


@transaction.atomic
def do_lock(user, discussion: Discussion, *, locked: bool) -> Discussion:
    if not access.may_moderate(user, discussion):
        raise ActionError(_("Seuls les modérateurs ferment ou rouvrent une discussion."))
    discussion.locked_at = timezone.now() if locked else None
    discussion.save(update_fields=["locked_at"])
    return discussion
