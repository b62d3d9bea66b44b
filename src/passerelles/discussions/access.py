"""Who may read, write in and moderate which discussion: one condition per line.

A discussion someone may not read is a 404. Reading and writing follow the same rule,
except that platform operators read everything (to moderate) but write only where the
rule lets them; a locked discussion takes no new message.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from passerelles.accounts.models import AnyUser
from passerelles.circles.access import admitted_circle_ids, bridged_circle_ids
from passerelles.circles.models import MODERATION_ROLES, Membership
from passerelles.discussions.models import Discussion
from passerelles.events.access import member_events
from passerelles.events.models import Event


def open_discussions(user: AnyUser) -> QuerySet[Discussion]:
    """Discussions ``user`` takes part in (no operator bypass):

    - across circles (no circle, no event): every member;
    - of a circle where they are admitted, and of a circle bridged with one of theirs
      when the discussion is open to bridged circles;
    - about an event they may join, or where they hold a place taken through one of
      their circles (``events.access.member_events``): a seat outlives the bridge that
      let one register, and so does one's say in the event's discussion.
    """
    if not user.is_authenticated:
        return Discussion.objects.none()
    mine = set(admitted_circle_ids(user).values_list("circle_id", flat=True))
    bridged = bridged_circle_ids(mine)
    return Discussion.objects.filter(
        Q(circle__isnull=True, event__isnull=True)
        | Q(event__isnull=True, circle_id__in=mine)
        | Q(event__isnull=True, open_to_bridged=True, circle_id__in=bridged)
        | Q(event__in=member_events(user).values("pk"))
    )


def visible_discussions(user: AnyUser) -> QuerySet[Discussion]:
    if user.is_authenticated and user.is_staff:
        return Discussion.objects.all()
    return open_discussions(user)


def get_discussion_for_user(user: AnyUser, pk: int) -> Discussion:
    return get_object_or_404(
        visible_discussions(user).select_related("circle", "event__host_circle"), pk=pk
    )


def may_post(user: AnyUser, discussion: Discussion) -> bool:
    return (
        discussion.locked_at is None
        and user.is_active
        and open_discussions(user).filter(pk=discussion.pk).exists()
    )


def may_comment(user: AnyUser, event: Event) -> bool:
    """Commenting on ``event`` (in its discussion, opened by the first comment): the
    people of the event, those who may join it and those who hold a place there taken
    through one of their circles, while it is not cancelled (operators: where the rule
    lets them)."""
    return (
        not event.is_cancelled
        and user.is_active
        and member_events(user).filter(pk=event.pk).exists()
    )


def may_moderate(user: AnyUser, discussion: Discussion) -> bool:
    """Platform operators, and the owners, admins and moderators of the circle in charge
    (for a discussion across circles: operators only)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    circle = discussion.moderating_circle
    return (
        circle is not None
        and Membership.objects.admitted()
        .filter(user=user, circle=circle, role__in=MODERATION_ROLES)
        .exists()
    )
