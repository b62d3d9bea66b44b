"""Who may see and act on which piece of trust: one condition per line; anything a user
may not see is a 404."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from passerelles.circles.access import get_circle_for_admin
from passerelles.circles.models import MODERATION_ROLES, Membership, MembershipState
from passerelles.members.access import get_profile_for_user
from passerelles.members.models import Profile
from passerelles.trust.models import Report, Vouch


def get_profile(user, profile_id: int) -> Profile:
    """A profile ``user`` may see (``members.access`` decides), else 404."""
    return get_profile_for_user(user, profile_id)


def get_own_vouch(user, vouch_id: int) -> Vouch:
    return get_object_or_404(Vouch, pk=vouch_id, voucher=user)


def moderated_circle_ids(user) -> QuerySet:
    return Membership.objects.filter(
        user=user, state=MembershipState.ADMITTED, role__in=MODERATION_ROLES
    ).values("circle_id")


def reviewable_reports(user) -> QuerySet[Report]:
    """Reports about members of circles ``user`` moderates (all, for operators); never
    reports about ``user`` themselves."""
    if not user.is_authenticated:
        return Report.objects.none()
    reports = Report.objects.exclude(reported=user)
    if user.is_staff:
        return reports
    in_moderated = Membership.objects.filter(
        circle_id__in=moderated_circle_ids(user), state=MembershipState.ADMITTED
    ).values("user_id")
    return reports.filter(reported_id__in=in_moderated)


def can_moderate_report(user, report: Report) -> bool:
    return reviewable_reports(user).filter(pk=report.pk).exists()


def get_report_for_moderator(user, report_id: int) -> Report:
    return get_object_or_404(
        reviewable_reports(user).select_related("reporter", "reported"), pk=report_id
    )


def get_applicant(user, slug: str, membership_id: int) -> Membership:
    """A membership request of a circle ``user`` administers (operators too), else 404."""
    circle = get_circle_for_admin(user, slug)
    membership = (
        Membership.objects.filter(pk=membership_id, circle=circle)
        .select_related("user", "user__profile", "circle")
        .first()
    )
    if membership is None:
        raise Http404
    return membership
