"""Read side of introductions: what a member sees on their page, at home and in the nav."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from passerelles.accounts.models import AnyUser, User
from passerelles.core.statements import Statement
from passerelles.intros.access import introductions_for
from passerelles.intros.models import (
    CLOSED_BY_SOMEONE,
    OPEN_STATUSES,
    Introduction,
    Origin,
    Preference,
)
from passerelles.intros.reasons import INTERMEDIARY_CODES
from passerelles.notifications.kinds import INTRODUCTION_KINDS
from passerelles.notifications.models import Notification

# what ``shown`` reads of an introduction's members (as ``introductions_for`` joins them)
RELATED = ("member_a__profile", "member_b__profile", "intermediary__profile")

# what ``Introduction.shown_status`` reads
STATUS_FIELDS = (
    "status",
    "expires_at",
    "member_a",
    "member_b",
    "intermediary",
    "decision_a",
    "decision_b",
    "intermediary_decision",
)


@dataclass
class Shown:
    intro: Introduction
    other: User  # the other member (for the intermediary: the asker)
    status: str
    reasons: list[str]
    as_intermediary: bool = False
    trusted_via: str = ""  # who links them by trust: a warm path, or a round's reason


@dataclass
class IntroPage:
    to_answer: list[Shown] = field(default_factory=list)
    waiting: list[Shown] = field(default_factory=list)
    connected: list[Shown] = field(default_factory=list)
    past: list[Shown] = field(default_factory=list)


def _trusted_via(intro: Introduction, side: str | None, data: list) -> str:
    """Who links them by trust: the intermediary of a warm request, or the member named in
    a round suggestion's reasons (``data``, already resolved for the viewer)."""
    if side == "intermediary":
        return ""
    if intro.warm and intro.intermediary is not None:
        return intro.intermediary.profile.name
    if intro.origin != Origin.ROUND:  # a direct request: nobody on the path was asked
        return ""
    return next(
        (r["via"] for r in data if isinstance(r, dict) and r.get("code") in INTERMEDIARY_CODES),
        "",
    )


def shown(intro: Introduction, user, now=None) -> Shown:
    side = intro.side(user)
    other = intro.member_a if side in ("b", "intermediary") else intro.member_b
    data = intro.reason_data(user)  # one look-up of the intermediaries, for both uses
    return Shown(
        intro,
        other,
        intro.shown_status(user, now),
        intro.reasons_for(user, data),
        as_intermediary=side == "intermediary",
        trusted_via=_trusted_via(intro, side, data),
    )


# The introductions page's reads, compiled once per process (core.statements) rather than
# built by the ORM at each request. ``introductions_for`` is given an unsaved user of the
# statement's id: its rule only compares columns with that id.
_taking_part = Statement(
    lambda user_id: introductions_for(User(pk=user_id)).select_related(None).values_list("pk")
)
_with_members = Statement(
    lambda ids: Introduction.objects.select_related(*RELATED).filter(pk__in=ids).order_by()
)
_own_preference = Statement(lambda user_id: Preference.objects.filter(user_id=user_id))
_notices = Statement(
    lambda user_id: Notification.objects.filter(user_id=user_id, kind__in=INTRODUCTION_KINDS)
)
_unread = Statement(
    lambda user_id: (
        Notification.objects.filter(
            user_id=user_id, kind__in=INTRODUCTION_KINDS, read_at__isnull=True
        )
        .values("user_id")
        .annotate(unread=Count("pk"))
        .values_list("unread")
    )
)


def own_preference(user: User) -> Preference | None:
    """``user``'s introduction settings, None when they have none yet."""
    found = _own_preference(user.pk)
    return found[0] if found else None


def intro_page(user, now=None) -> IntroPage:
    now = now or timezone.now()
    page = IntroPage()
    # Which introductions, newest first, on their own columns; then those, with their
    # members and profiles, by id: a member with none pays for a light query only.
    ids = [pk for (pk,) in _taking_part(user.pk)] if user.is_authenticated else []
    full = {intro.pk: intro for intro in _with_members(ids)} if ids else {}
    for intro in (full[pk] for pk in ids if pk in full):
        item = shown(intro, user, now)
        if item.status == "to_answer":
            page.to_answer.append(item)
        elif item.status == "waiting":
            page.waiting.append(item)
        elif item.status == "accepted":
            page.connected.append(item)
        else:
            page.past.append(item)
    return page


def pending_for(user, limit: int | None = None, now=None) -> list[Shown]:
    """Suggestions waiting for ``user``'s answer (for a home-page block), the first
    ``limit`` of them as the introductions page lists them. Only introductions still open
    (or closed by someone else, which stay open to the others until they would have
    expired) are read, and only those to answer are worded.

    Their status is decided on the introductions' own columns, read without the members
    and profiles; these are read (one query by id) only for the introductions kept, so
    that a member with nothing to answer pays for a light query."""
    if not user.is_authenticated:
        return []
    now = now or timezone.now()
    maybe_open = introductions_for(user).filter(status__in=[*OPEN_STATUSES, *CLOSED_BY_SOMEONE])
    kept: list[int] = []
    for intro in maybe_open.select_related(None).only(*STATUS_FIELDS):
        if intro.shown_status(user, now) == "to_answer":
            kept.append(intro.pk)
            if limit is not None and len(kept) >= limit:
                break
    if not kept:
        return []
    full = Introduction.objects.select_related(*RELATED).in_bulk(kept)  # kept: seen by user
    return [shown(full[pk], user, now) for pk in kept if pk in full]


def unread_notice_count(user: AnyUser) -> int:
    """The member's unread notices about introductions."""
    if not user.is_authenticated:
        return 0
    found = _unread(user.pk)
    return int(found[0][0]) if found else 0


def recent_notices(user: AnyUser, limit: int = 8) -> list[Notification]:
    """The member's last ``limit`` notices about introductions, newest first (all their
    notices: the notifications page)."""
    if not user.is_authenticated:
        return []
    return _notices.window(user.pk, offset=0, limit=limit)


def has_consented(user) -> bool:
    return Preference.objects.filter(user=user, consent=True).exists()
