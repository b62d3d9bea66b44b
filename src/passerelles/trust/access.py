"""Who may see and act on which piece of trust: one condition per line; anything a user
may not see is a 404."""

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from passerelles.accounts.models import AnyUser, User
from passerelles.circles.access import get_circle_for_admin
from passerelles.circles.models import (
    ADMIN_ROLES,
    MODERATION_ROLES,
    Circle,
    Membership,
    MembershipState,
)
from passerelles.members.access import get_profile_for_user
from passerelles.members.models import Profile
from passerelles.trust.models import Report, Vouch

# A circle's admins see a membership request (and the applicant's trust data) only
# while it is a request the person made: pending, or declined (history). An invitation,
# a membership or a departure is not a request; it opens nothing.
APPLICANT_STATES = (MembershipState.PENDING, MembershipState.DECLINED)


def get_profile(user: AnyUser, profile_id: int) -> Profile:
    """A profile ``user`` may see (``members.access`` decides), else 404."""
    return get_profile_for_user(user, profile_id)


def get_own_vouch(user: AnyUser, vouch_id: int) -> Vouch:
    return get_object_or_404(Vouch, pk=vouch_id, voucher=user)


def moderated_circle_ids(user: User) -> QuerySet[Membership, Any]:
    return (
        Membership.objects.admitted()
        .filter(user=user, role__in=MODERATION_ROLES)
        .values("circle_id")
    )


def report_circles(reporter: User, reported: User) -> QuerySet[Circle]:
    """Circles a report by ``reporter`` about ``reported`` may be sent to: both are
    admitted members, and the reported member is not among its owner and admins (who
    appoint its moderators)."""
    admitted = Membership.objects.admitted()
    return (
        Circle.objects.filter(
            pk__in=admitted.filter(user=reporter).values("circle_id"),
        )
        .filter(pk__in=admitted.filter(user=reported).values("circle_id"))
        .exclude(pk__in=admitted.filter(user=reported, role__in=ADMIN_ROLES).values("circle_id"))
        .order_by("name")
    )


def _reported_administers_circle() -> Exists:
    return Exists(
        Membership.objects.admitted().filter(
            circle_id=OuterRef("circle_id"), user_id=OuterRef("reported_id"), role__in=ADMIN_ROLES
        )
    )


def reviewable_reports(user: AnyUser) -> QuerySet[Report]:
    """All reports for operators; for a moderator, the reports sent to a circle they
    moderate, unless the reported member administers it (now) or the report is about or
    by the moderator. Never reports about ``user`` themselves."""
    if not user.is_authenticated:
        return Report.objects.none()
    reports = Report.objects.exclude(reported=user)
    if user.is_staff:
        return reports
    return (
        reports.exclude(reporter=user)
        .filter(circle_id__in=moderated_circle_ids(user))
        .exclude(_reported_administers_circle())
    )


def can_moderate_report(user: AnyUser, report: Report) -> bool:
    return reviewable_reports(user).filter(pk=report.pk).exists()


def can_see_reporter(user: AnyUser) -> bool:
    """Who filed a report is shown to platform operators only."""
    return bool(user.is_authenticated and user.is_staff)


def get_report_for_moderator(user: AnyUser, report_id: int) -> Report:
    return get_object_or_404(
        reviewable_reports(user).select_related("reporter", "reported"), pk=report_id
    )


def get_applicant(user: AnyUser, slug: str, membership_id: int) -> Membership:
    """A membership request (pending, or declined) to a circle ``user`` administers
    (operators too), else 404: inviting someone does not open their trust data."""
    circle = get_circle_for_admin(user, slug)
    membership = (
        Membership.objects.filter(pk=membership_id, circle=circle, state__in=APPLICANT_STATES)
        .select_related("user", "user__profile", "circle")
        .first()
    )
    if membership is None:
        raise Http404
    return membership
