"""Circles the member may see, and the members of those whose list they may read."""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.api.members import ProfileOut, with_skill_names
from passerelles.api.pagination import CappedPagination
from passerelles.api.rows import RowSchema
from passerelles.circles import access
from passerelles.circles.models import Circle, MembershipState
from passerelles.circles.queries import (
    circles_by_name,
    partner_slugs,
    visible_circle,
    visible_circle_counted,
)
from passerelles.intros.bridge_advisor import KeeperMissing, NotReady, suggest_bridges
from passerelles.members.access import circle_people_rows

router = Router()


class CircleOut(RowSchema):
    slug: str
    name: str
    kind: str
    city: str
    description: str
    admission_policy: str
    dues_eur: int
    members: int
    recognised: bool  # recognised by the platform: its verified members anchor trust


class CircleDetailOut(CircleOut):
    my_role: str | None  # owner, admin, moderator, member; None when not admitted
    bridged_with: list[str]  # slugs of its bridged circles that the member may see


@router.get("", response=list[CircleOut], summary="Circles")
@paginate(CappedPagination, page_size=50)
def circle_list(request: AuthedHttpRequest) -> object:
    """Listed circles, the member's own, and those bridged with theirs."""
    return circles_by_name(request.user)


@router.get("/{slug}", response=CircleDetailOut, summary="One circle")
def circle_detail(request: AuthedHttpRequest, slug: str) -> Circle:
    user = request.user
    # get_circle_for_user, with its admitted members counted in the same query
    circle = visible_circle_counted(user, slug)
    membership = access.membership_of(user, circle)
    admitted = membership is not None and membership.state == MembershipState.ADMITTED
    partners = partner_slugs(circle)
    visible = access.visible_circle_ids(
        user, {pk for pk, _ in partners}
    )  # a private one stays unnamed
    # Read by CircleDetailOut beside the circle's own fields (``members`` annotated).
    circle.my_role = membership.role if membership is not None and admitted else None  # type: ignore[attr-defined]
    circle.bridged_with = [slug for pk, slug in partners if pk in visible]  # type: ignore[attr-defined]
    return circle


@router.get("/{slug}/members", response=list[ProfileOut], summary="A circle's members")
@paginate(CappedPagination, page_size=50, complete=with_skill_names)
def circle_members(request: AuthedHttpRequest, slug: str) -> object:
    """For members of the circle or of a bridged circle (and operators), as on the page."""
    circle = visible_circle(request.user, slug)
    if not access.can_see_members(request.user, circle):
        raise Http404
    return circle_people_rows(request.user, circle.pk)


class SuggestedCircleOut(Schema):
    slug: str
    name: str
    city: str


class BridgeSuggestionOut(Schema):
    circle: SuggestedCircleOut
    expected_introductions: int  # added by the bridge over the next rounds
    current_ties: int  # vouches, attested meetings and members in common today
    reasons: list[str]  # in the member's language


@router.get(
    "/{slug}/bridge-suggestions",
    response=list[BridgeSuggestionOut],
    summary="Bridges this circle could propose, best first",
)
def bridge_suggestions(request: AuthedHttpRequest, slug: str) -> list:
    """For the circle's owners and admins (403 for its other viewers, 404 for a circle
    one may not see): other circles ranked by the introductions a bridge would add,
    never one already bridged or asked."""
    circle = access.get_circle_for_user(request.user, slug)
    if not access.is_circle_admin(request.user, circle):
        raise HttpError(403, "Réservé aux responsables du cercle.")
    try:
        return suggest_bridges(circle, request.user)
    except KeeperMissing:
        raise HttpError(
            503, "Suggestions non calculées : le service du site qui s'en charge est arrêté."
        ) from None
    except NotReady:
        raise HttpError(
            503, "Suggestions en cours de calcul : réessayez dans quelques minutes."
        ) from None
