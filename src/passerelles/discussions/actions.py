"""Writing in discussions: each action takes the person acting (``acting_user``), checks
its rule through ``discussions.access``, runs in one transaction and raises ``ActionError``
with a message shown as is. Moderation (a message hidden or restored by a moderator, a
discussion closed or reopened) is written to the audit log in the same transaction, in
the circle's log for a circle's discussion."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from passerelles.accounts.models import User
from passerelles.circles.access import is_circle_member
from passerelles.circles.models import Circle
from passerelles.core import audit
from passerelles.core.choices import Axis
from passerelles.core.errors import ActionError
from passerelles.discussions import access
from passerelles.discussions.models import BODY_MAX, TITLE_MAX, Discussion, Post
from passerelles.events.models import Event

# At most this many messages per member in this window: enough for a lively exchange,
# not for a flood.
POSTS_PER_WINDOW = 20
POST_WINDOW = timedelta(minutes=10)

POST_HIDDEN = audit.verb("post.hidden", _l("a masqué un message de"))
POST_RESTORED = audit.verb("post.restored", _l("a rétabli un message de"))
DISCUSSION_LOCKED = audit.verb("discussion.locked", _l("a clos la discussion"))
DISCUSSION_REOPENED = audit.verb("discussion.reopened", _l("a rouvert la discussion"))


def _record(
    verb: str, obj: Post | Discussion, discussion: Discussion, acting_user: User, **extra: Any
) -> None:
    subject = extra.pop("subject", None)
    audit.record(
        verb,
        obj,
        acting_user=acting_user,
        subject=subject,
        circle=discussion.circle_id,
        changes=extra,
    )


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ActionError(_("Le message est vide."))
    if len(body) > BODY_MAX:
        raise ActionError(_("Le message est limité à 4 000 caractères."))
    return body


def _check_pace(user: User, now: datetime) -> None:
    # One member's messages are counted one at a time: their user row is the lock (a no-op
    # on SQLite, whose writes are serialised anyway).
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    recent = Post.objects.filter(author=user, created_at__gte=now - POST_WINDOW).count()
    if recent >= POSTS_PER_WINDOW:
        raise ActionError(
            _("Vous avez beaucoup écrit ces dernières minutes : réessayez un peu plus tard.")
        )


def recount(discussion_ids: Iterable[int]) -> None:
    """Set each discussion's ``post_count`` from its shown posts (after bulk changes)."""
    for discussion_id in set(discussion_ids):
        shown = Post.objects.filter(discussion_id=discussion_id, hidden_at__isnull=True)
        Discussion.objects.filter(pk=discussion_id).update(post_count=shown.count())


def _add_post(user: User, discussion: Discussion, body: str, now: datetime) -> Post:
    post = Post.objects.create(discussion=discussion, author=user, body=body, created_at=now)
    Discussion.objects.filter(pk=discussion.pk).update(
        post_count=F("post_count") + 1, last_post_at=now
    )
    return post


@transaction.atomic
def do_start_discussion(
    *,
    acting_user: User,
    title: str,
    axis: str,
    circle: Circle | None,
    open_to_bridged: bool,
    body: str,
) -> Discussion:
    """A new discussion with its first message; in ``circle`` (its admitted members) or,
    with ``circle`` None, across all circles."""
    user = acting_user
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
def do_post(discussion: Discussion, body: str, *, acting_user: User) -> Post:
    user = acting_user
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
def do_comment_event(event: Event, body: str, *, acting_user: User) -> Post:
    """A comment on ``event``, in its discussion (opened with the first comment), for
    those who may join the event."""
    user = acting_user
    if event.is_cancelled:
        raise ActionError(_("Cet événement est annulé : il ne reçoit plus de commentaire."))
    if not access.may_comment(user, event):
        raise ActionError(
            _("Seules les personnes invitées à cet événement ou qui y ont une place le commentent.")
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
    return do_post(discussion, body, acting_user=user)


@transaction.atomic
def do_hide_post(post: Post, reason: str = "", *, acting_user: User) -> Post:
    """A moderator hides a message, or its author withdraws it; it is kept (and may be
    restored by a moderator) but no longer shown."""
    user = acting_user
    post = Post.objects.select_for_update().select_related("discussion", "author").get(pk=post.pk)
    own = post.author_id == user.pk
    if not own and not access.may_moderate(user, post.discussion):
        raise ActionError(_("Seuls les modérateurs masquent les messages des autres."))
    if post.hidden_at is None:
        post.hidden_at, post.hidden_by = timezone.now(), user
        # A withdrawal needs no reason: ``hidden_by`` being the author says it.
        post.hidden_reason = "" if own else (reason or "").strip()[:200]
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        Discussion.objects.filter(pk=post.discussion_id).update(post_count=F("post_count") - 1)
        if not own:
            _record(
                POST_HIDDEN,
                post,
                post.discussion,
                user,
                subject=post.author,
            )
    return post


@transaction.atomic
def do_restore_post(post: Post, *, acting_user: User) -> Post:
    user = acting_user
    post = Post.objects.select_for_update().select_related("discussion", "author").get(pk=post.pk)
    if not access.may_moderate(user, post.discussion):
        raise ActionError(_("Seuls les modérateurs rétablissent un message."))
    if post.withdrawn:
        raise ActionError(_("Un message retiré par son auteur ne peut pas être rétabli."))
    if post.hidden_at is not None:
        post.hidden_at, post.hidden_by, post.hidden_reason = None, None, ""
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        Discussion.objects.filter(pk=post.discussion_id).update(post_count=F("post_count") + 1)
        _record(POST_RESTORED, post, post.discussion, user, subject=post.author)
    return post


@transaction.atomic
def do_lock(discussion: Discussion, *, acting_user: User, locked: bool) -> Discussion:
    """A moderator closes a discussion (no more messages) or reopens it."""
    discussion = Discussion.objects.select_for_update().get(pk=discussion.pk)
    if not access.may_moderate(acting_user, discussion):
        raise ActionError(_("Seuls les modérateurs ferment ou rouvrent une discussion."))
    if (discussion.locked_at is not None) == locked:
        return discussion
    discussion.locked_at = timezone.now() if locked else None
    discussion.save(update_fields=["locked_at"])
    verb = DISCUSSION_LOCKED if locked else DISCUSSION_REOPENED
    _record(verb, discussion, discussion, acting_user)
    return discussion
