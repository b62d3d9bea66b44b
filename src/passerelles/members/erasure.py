"""What closing an account does to each kind of data: deleted, anonymised or kept, and why.

``RULES`` is the written policy, one line per model and per way a row is tied to the
person; ``docs/data-rights.md`` gives it in prose and ``tests/members/test_erasure.py``
fails when a model linked to a user has no rule. The functions below apply the rules;
``members.actions.do_close_account`` calls them in one transaction.

Models of the domains above members are named by label only: each of those domains
erases what it owns in a step it registers (``members.closing``); the steps below are
members' own, and the notices' retention is applied by the scheduler (``jobs``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from passerelles.accounts.models import User
from passerelles.circles.models import (
    Circle,
    Invitation,
    MemberImport,
    Membership,
    MembershipState,
    Role,
)
from passerelles.members.closing import (
    ACCOUNT,
    ERASE,
    Closing,
    register_closing_step,
)
from passerelles.members.models import Profile, Visibility

DELETED, ANONYMISED, KEPT = "deleted", "anonymised", "kept"

# What an import row keeps about a person once their account is closed.
IMPORT_FIELDS_SCRUBBED = ("first_name", "last_name", "organisation", "city", "sector_text")


@dataclass(frozen=True)
class Rule:
    model: str
    link: str
    outcome: str
    why: str


RULES: tuple[Rule, ...] = (
    Rule(
        "accounts.User",
        "pk",
        ANONYMISED,
        "the row stays (deactivated, renamed, unusable "
        "password) so that others' records keep their shape without naming anyone",
    ),
    Rule("account.EmailAddress", "user", DELETED, "addresses identify the person"),
    Rule(
        "jobs.TaskRetry",
        "by",
        KEPT,
        "which operator retried a failed background task, kept for operations; it points "
        "at the anonymised account, which names no one",
    ),
    Rule("accounts.ApiToken", "user", DELETED, "no one may act in the person's name"),
    Rule(
        "core.AuditEntry",
        "acting_user",
        KEPT,
        "the circles' log of who did what, kept for "
        "accountability; it points at the anonymised account, which names no one",
    ),
    Rule(
        "core.AuditEntry",
        "subject_user",
        KEPT,
        "the circles' log, kept for accountability; "
        "it points at the anonymised account, which names no one",
    ),
    Rule(
        "trust.IssuedPassport",
        "user",
        KEPT,
        "revoked, so that no verifier accepts them "
        "any more; the row holds no name, only its place in the revocation list",
    ),
    Rule(
        "members.Profile",
        "user",
        ANONYMISED,
        "every field emptied, skills removed; the row stays for the account's shape",
    ),
    Rule(
        "circles.Membership",
        "user",
        ANONYMISED,
        "ended (left), role and message removed; "
        "dates kept for the circles' statistics (time to admission)",
    ),
    Rule(
        "circles.Circle",
        "created_by",
        KEPT,
        "a circle belongs to its members; circles the "
        "person owned alone are deleted, others must be handed over first",
    ),
    Rule(
        "circles.Invitation",
        "accepted_by",
        DELETED,
        "with the invitations sent to the person's address: they hold their name and address",
    ),
    Rule(
        "circles.Invitation",
        "invited_by",
        KEPT,
        "the invited person's record, not about the sender",
    ),
    Rule("circles.Bridge", "requested_by", KEPT, "a decision of a circle, recorded for it"),
    Rule("circles.Bridge", "decided_by", KEPT, "a decision of a circle, recorded for it"),
    Rule("circles.Bridge", "ended_by", KEPT, "a decision of a circle, recorded for it"),
    Rule(
        "circles.MemberImport",
        "uploaded_by",
        KEPT,
        "a circle's upload; the person's own "
        "row in any list is scrubbed (address replaced, names emptied)",
    ),
    Rule(
        "trust.Vouch",
        "voucher",
        ANONYMISED,
        "withdrawn and its text deleted: no longer counts in trust",
    ),
    Rule(
        "trust.Vouch",
        "vouchee",
        ANONYMISED,
        "withdrawn and its text deleted: the text names the person",
    ),
    Rule(
        "trust.MeetingAttestation",
        "attester",
        ANONYMISED,
        "note, opportunity and amount "
        "deleted; date and usefulness kept for the events' and circles' statistics",
    ),
    Rule(
        "trust.MeetingAttestation",
        "other",
        ANONYMISED,
        "the other person's note deleted (it may name them); the rest is the other person's record",
    ),
    Rule("trust.Endorsement", "endorser", DELETED, "evidence about a person who left"),
    Rule("trust.Endorsement", "member", DELETED, "evidence about a person who left"),
    Rule("trust.Report", "reporter", KEPT, "moderation record about another member"),
    Rule(
        "trust.Report",
        "reported",
        ANONYMISED,
        "the reason is deleted (it may name the "
        "person); the decision is kept for moderation's accountability",
    ),
    Rule("trust.Report", "reviewed_by", KEPT, "an operator's decision, kept for accountability"),
    Rule(
        "trust.MemberTrust",
        "user",
        DELETED,
        "scores about the person; trust is recomputed without them",
    ),
    Rule("intros.Preference", "user", ANONYMISED, "consent withdrawn, block list emptied"),
    Rule("intros.Preference", "blocked", KEPT, "another member's block, naming no one"),
    Rule(
        "intros.Introduction",
        "member_a",
        ANONYMISED,
        "closed if open; need and message deleted; dates kept for the introduction statistics",
    ),
    Rule(
        "intros.Introduction",
        "member_b",
        ANONYMISED,
        "closed if open; need and message deleted; dates kept for the introduction statistics",
    ),
    Rule(
        "intros.Introduction",
        "intermediary",
        ANONYMISED,
        "closed if open; need and message deleted; dates kept for the introduction statistics",
    ),
    Rule("notifications.Notification", "user", DELETED, "the person's notices"),
    Rule(
        "notifications.Notification",
        "about",
        DELETED,
        "others' notices that name the person (an organiser, a recommender, the other side "
        "of an introduction) are deleted, "
        "as are those whose names include theirs",
    ),
    Rule("notifications.NotificationSettings", "user", DELETED, "the person's own choices"),
    Rule("events.Event", "created_by", KEPT, "an event belongs to its circle"),
    Rule(
        "events.Registration",
        "user",
        KEPT,
        "places at coming events given back (the "
        "waitlist moves up); past attendance kept for the events' statistics",
    ),
    Rule(
        "events.Feedback",
        "user",
        ANONYMISED,
        "comment deleted; rating kept for the event's statistics",
    ),
    Rule("events.CalendarFeed", "user", DELETED, "a secret link of the person's"),
    Rule("discussions.Discussion", "created_by", KEPT, "a discussion holds others' replies"),
    Rule(
        "discussions.Post",
        "author",
        ANONYMISED,
        "text erased, shown as withdrawn, for the thread of others' replies",
    ),
    Rule("discussions.Post", "hidden_by", KEPT, "a moderator's decision, kept for accountability"),
    Rule(
        "admin.LogEntry",
        "user",
        KEPT,
        "operators' actions, kept for accountability; entries "
        "about the person's account no longer show their name",
    ),
)


def deleted_address(user: User) -> str:
    """The placeholder address a closed account (and its traces) carries."""
    return f"compte-supprime-{user.pk}@passerelles.invalid"


def circles_blocking_deletion(user: User) -> QuerySet[Circle]:
    """Circles ``user`` owns that still have other admitted members."""
    return Circle.objects.filter(
        memberships__user=user,
        memberships__role=Role.OWNER,
        memberships__state=MembershipState.ADMITTED,
    ).filter(
        pk__in=Circle.objects.annotate(
            admitted=Count("memberships", filter=Q(memberships__state=MembershipState.ADMITTED))
        )
        .filter(admitted__gt=1)
        .values("pk")
    )


def circles_owned_alone(user: User) -> QuerySet[Circle]:
    """Circles ``user`` owns and is the only admitted member of (deleted with the account)."""
    owned = Circle.objects.filter(
        memberships__user=user,
        memberships__role=Role.OWNER,
        memberships__state=MembershipState.ADMITTED,
    )
    return owned.exclude(pk__in=circles_blocking_deletion(user).values("pk"))


# Applying the rules ------------------------------------------------------------------------


def erase_circle_traces(closing: Closing) -> None:
    from passerelles.core.models import AuditEntry

    user, old_email, now = closing.user, closing.old_email, closing.now
    scrub_imports(old_email, deleted_address(user))
    going = list(circles_owned_alone(user).values_list("pk", flat=True))
    circles_owned_alone(user).delete()
    # The log of a circle that is gone goes with it (its events' titles may name them).
    AuditEntry.objects.filter(circle_id__in=going).delete()
    Invitation.objects.filter(Q(email__iexact=old_email) | Q(accepted_by=user)).delete()
    Membership.objects.filter(
        user=user,
        state__in=(MembershipState.ADMITTED, MembershipState.PENDING, MembershipState.INVITED),
    ).update(state=MembershipState.LEFT, ended_at=now, updated_at=now)
    Membership.objects.filter(user=user).update(role=Role.MEMBER, message="", verified=False)


def erase_notifications(closing: Closing) -> None:
    """The person's notices and settings; others' notices that name them (or a circle
    deleted with their account)."""
    import json

    user, names = closing.user, [closing.old_name, *closing.circles_going]

    from passerelles.notifications.models import Notification, NotificationSettings

    Notification.objects.filter(Q(user=user) | Q(about=user)).delete()
    for name in filter(None, (name.strip() for name in names)):
        escaped = json.dumps(name)[1:-1]  # how a JSON text may hold accented letters
        Notification.objects.filter(
            Q(params__icontains=name) | Q(params__icontains=escaped)
        ).delete()
    NotificationSettings.objects.filter(user=user).delete()


def erase_admin_log_names(closing: Closing) -> None:
    user = closing.user
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model()), object_id=str(user.pk)
    ).update(object_repr=deleted_address(user))


def erase_profile_and_account(closing: Closing) -> None:
    user = closing.user
    from allauth.account.models import EmailAddress

    from passerelles.accounts.models import ApiToken

    EmailAddress.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.skills.clear()
    for field in ("headline", "organisation", "city", "department", "sector", "offers", "needs"):
        setattr(profile, field, "")
    profile.themes = profile.languages = profile.links = profile.language = ""
    profile.visibility = Visibility.CIRCLES
    profile.save()

    user.email = deleted_address(user)
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()


def scrub_imports(email: str, placeholder: str) -> None:
    """Member lists uploaded by circle admins keep the row, not who it was."""
    email = (email or "").strip().lower()
    if not email:
        return
    for member_import in MemberImport.objects.select_for_update().filter(rows__icontains=email):
        changed = False
        for row in member_import.rows:
            if str(row.get("email", "")).strip().lower() == email:
                row["email"] = placeholder
                for field in IMPORT_FIELDS_SCRUBBED:
                    if field in row:
                        row[field] = ""
                changed = True
        if changed:
            member_import.save(update_fields=["rows"])


# Retention ---------------------------------------------------------------------------------

NOTICE_RETENTION_DAYS = 365  # notices are deleted after a year (``jobs.periodic.purge``)


def purge_old_notices(days: int = NOTICE_RETENTION_DAYS, *, now=None) -> int:
    """Delete notices older than ``days`` (read or not): a plain function for the scheduler.
    Returns how many were deleted."""
    from datetime import timedelta

    from passerelles.notifications.models import Notification

    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _per_model = Notification.objects.filter(created_at__lt=cutoff).delete()
    return deleted


# Members' own steps of closing an account (the other domains register theirs).
register_closing_step("members.circle_traces", ERASE + 10, erase_circle_traces)
register_closing_step("members.notifications", ERASE + 50, erase_notifications)
register_closing_step("members.admin_log_names", ACCOUNT + 10, erase_admin_log_names)
register_closing_step("members.profile_and_account", ACCOUNT + 20, erase_profile_and_account)
