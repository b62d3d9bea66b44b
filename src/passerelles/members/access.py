"""Which profiles a user may see, enforced in querysets (never in templates)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from passerelles.accounts.models import AnyUser
from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Membership
from passerelles.members.models import Profile, Visibility


def visible_profiles(user: AnyUser) -> QuerySet[Profile]:
    """Profiles ``user`` may see, each at most once.

    - their own;
    - members of their circles (any visibility);
    - members of bridged circles whose visibility is "bridged" or "all";
    - anyone whose visibility is "all" (for signed-in members);
    - everyone, for platform operators.
    """
    profiles = Profile.objects.filter(user__is_active=True)
    if not user.is_authenticated:
        return profiles.none()
    if user.is_staff:
        return profiles
    mine, bridged = reachable_circle_ids(user)
    in_my_circles = Membership.objects.admitted().filter(
        user=OuterRef("user_id"), circle_id__in=mine
    )
    in_bridged_circles = Membership.objects.admitted().filter(
        user=OuterRef("user_id"), circle_id__in=bridged
    )
    return profiles.filter(
        Q(user=user)
        | Q(visibility=Visibility.ALL)
        | Exists(in_my_circles)
        | (Q(visibility=Visibility.BRIDGED) & Exists(in_bridged_circles))
    )


def get_profile_for_user(user: AnyUser, profile_id: int) -> Profile:
    return get_object_or_404(visible_profiles(user).select_related("user"), pk=profile_id)
