"""The member's introductions, as the introductions page shows them, and their answer."""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema
from ninja.pagination import paginate

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.api.pagination import BoundedPagination
from passerelles.intros import access, actions, queries
from passerelles.intros.models import SHOWN_LABELS

router = Router()


class PersonOut(Schema):
    profile_id: int
    name: str
    headline: str
    organisation: str
    city: str


class IntroductionOut(Schema):
    id: int
    status: str  # to_answer, waiting, accepted, met, expired, declined, cancelled
    status_label: str
    created_at: datetime
    other: PersonOut  # for an intermediary: the member who asks, by name only
    as_intermediary: bool  # asked to introduce the other person to someone
    target: str | None  # for an intermediary: whom they would introduce them to (name)
    reasons: list[str]  # worded in the member's language
    trusted_via: str
    contact_email: str | None  # once both have accepted


class DecisionIn(Schema):
    accept: bool


def _out(item: queries.Shown) -> dict:
    """Only what the member may know, as the page shows it: someone else's decline never
    shows (``status`` is the one they see); contact details once both accepted; to an
    intermediary, the two people by name only."""
    profile = item.other.profile
    connected = item.intro.connected and not item.as_intermediary
    card = {"headline": "", "organisation": "", "city": ""}
    if not item.as_intermediary:
        card = {k: getattr(profile, k) for k in card}
    return {
        "id": item.intro.pk,
        "status": item.status,
        "status_label": str(SHOWN_LABELS.get(item.status, item.status)),
        "created_at": item.intro.created_at,
        "other": {"profile_id": profile.pk, "name": profile.name, **card},
        "as_intermediary": item.as_intermediary,
        "target": item.intro.member_b.profile.name if item.as_intermediary else None,
        "reasons": [str(r) for r in item.reasons],
        "trusted_via": item.trusted_via,
        "contact_email": item.other.email if connected else None,
    }


@router.get("", response=list[IntroductionOut], summary="My introductions")
@paginate(BoundedPagination, page_size=50)
def introduction_list(request: AuthedHttpRequest) -> object:
    """Newest first: suggestions to answer, waiting, accepted and past ones."""
    intros = access.introductions_for(request.user).select_related(
        "member_a__profile", "member_b__profile"
    )
    return _Shown(intros, request.user)


class _Shown:
    """The member's introductions, worded only for the page asked for (a lazy sequence
    for the paginator: counting and slicing stay in the database)."""

    def __init__(self, intros, user) -> None:
        self.intros, self.user = intros, user

    def __len__(self) -> int:
        return self.intros.count()

    def __getitem__(self, page: slice) -> list[dict]:
        return [_out(queries.shown(intro, self.user)) for intro in self.intros[page]]


@router.get("/{intro_id}", response=IntroductionOut, summary="One introduction")
def introduction_detail(request: AuthedHttpRequest, intro_id: int) -> dict:
    intro = access.get_introduction_for_user(request.user, intro_id)
    return _out(queries.shown(intro, request.user))


@router.post("/{intro_id}/decision", response=IntroductionOut, summary="Accept or decline")
def decide(request: AuthedHttpRequest, intro_id: int, decision: DecisionIn) -> dict:
    """A decline is never shown to the other side and the pair is never proposed again;
    when both accept, each gets the other's contact (here and by e-mail)."""
    intro = access.get_introduction_for_user(request.user, intro_id)
    intro = actions.do_decide(intro, acting_user=request.user, accept=decision.accept)
    return _out(queries.shown(intro, request.user))
