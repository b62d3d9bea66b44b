"""Members: the signed-in member, and the directory as they may see it."""

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.api.pagination import CappedPagination
from passerelles.api.rows import RowSchema
from passerelles.circles.access import admitted_circle_ids
from passerelles.circles.models import Circle
from passerelles.members import search
from passerelles.members.access import get_profile_for_user
from passerelles.members.forms import DirectoryFilterForm
from passerelles.members.models import Profile
from passerelles.members.rows import skill_names, with_skill_names

router = Router()
me_router = Router()


class ProfileOut(RowSchema):
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
        return skill_names(profile)  # a list's page: read by with_skill_names


class CircleRef(Schema):
    slug: str
    name: str


class MeOut(Schema):
    email: str
    language: str
    profile: ProfileOut
    circles: list[CircleRef]


@me_router.get("", response=MeOut, summary="The signed-in member")
def me(request: AuthedHttpRequest) -> dict:
    user = request.user
    circles = Circle.objects.filter(pk__in=admitted_circle_ids(user)).order_by("name")
    return {
        "email": user.email,
        "language": user.profile.language or "fr",
        "profile": user.profile,
        "circles": list(circles),
    }


class DirectoryFilters(Schema):
    q: str = ""  # words of names, headlines, organisations, offers, needs (accents folded)
    circle: str = ""  # a circle's slug
    sector: str = ""
    city: str = ""  # a town or a département number
    theme: str = ""  # one of the four axes
    skill: str = ""


@router.get("", response=list[ProfileOut], summary="The directory")
@paginate(CappedPagination, page_size=50, complete=with_skill_names)
def directory(request: AuthedHttpRequest, filters: Query[DirectoryFilters]) -> object:
    """Profiles the member may see, searched and filtered as on the directory page."""
    data = {k: v for k, v in filters.dict().items() if v}
    form = DirectoryFilterForm(request.user, data)
    if not form.is_valid():
        wrong = "; ".join(f"{field} : {errors[0]}" for field, errors in form.errors.items())
        raise HttpError(422, wrong)
    return search.directory_for(request.user, form.filters())


@router.get("/{profile_id}", response=ProfileOut, summary="One profile")
def profile(request: AuthedHttpRequest, profile_id: int) -> Profile:
    return get_profile_for_user(request.user, profile_id)
