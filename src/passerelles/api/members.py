"""Members: the signed-in member, and the directory as they may see it."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from passerelles.circles.access import admitted_circle_ids
from passerelles.circles.models import Circle
from passerelles.members.access import get_profile_for_user, visible_profiles
from passerelles.members.models import Profile

router = Router()
me_router = Router()


class ProfileOut(Schema):
    id: int
    name: str
    headline: str
    organisation: str
    city: str
    sector: str
    offers: str
    needs: str
    themes: list[str]
    skills: list[str]

    @staticmethod
    def resolve_themes(profile: Profile) -> list[str]:
        return profile.theme_list

    @staticmethod
    def resolve_skills(profile: Profile) -> list[str]:
        return [s.name for s in profile.skills.all()]


class CircleRef(Schema):
    slug: str
    name: str


class MeOut(Schema):
    email: str
    language: str
    profile: ProfileOut
    circles: list[CircleRef]


@me_router.get("", response=MeOut, summary="The signed-in member")
def me(request: HttpRequest) -> dict:
    user = request.user
    circles = Circle.objects.filter(pk__in=admitted_circle_ids(user)).order_by("name")
    return {
        "email": user.email,
        "language": user.profile.language or "fr",
        "profile": user.profile,
        "circles": list(circles),
    }


@router.get("", response=list[ProfileOut], summary="The directory")
@paginate(PageNumberPagination, page_size=50)
def directory(request: HttpRequest, q: str = "") -> object:
    """Profiles the member may see, by name; ``q`` searches names, organisations, offers."""
    profiles = visible_profiles(request.user).select_related("user").prefetch_related("skills")
    for word in q.split()[:5]:
        profiles = profiles.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(organisation__icontains=word)
            | Q(headline__icontains=word)
            | Q(offers__icontains=word)
        )
    return profiles.order_by("user__last_name", "user__first_name", "pk")


@router.get("/{profile_id}", response=ProfileOut, summary="One profile")
def profile(request: HttpRequest, profile_id: int) -> Profile:
    return get_profile_for_user(request.user, profile_id)
