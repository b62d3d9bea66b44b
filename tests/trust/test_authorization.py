"""Who may use which trust page: anonymous, outsider, bridged member, member, circle
admin, platform operator (the world of tests/test_authorization_matrix.py). Anything a
role may not see is a 404; every cell is one test."""

import pytest
from django.urls import reverse

from passerelles.circles.models import Membership, MembershipState
from passerelles.members.models import Visibility
from passerelles.trust import actions
from passerelles.trust.models import Endorsement, Report, Vouch
from tests.conftest import make_user
from tests.test_authorization_matrix import DONE, LOGIN, NOT_FOUND, OK, ROLES
from tests.test_authorization_matrix import world as base_world

world = base_world  # the shared fixture, reused as is


@pytest.fixture
def trust_world(world):  # noqa: F811
    from passerelles.members.models import Skill

    colleague = world["colleague"]
    skill = Skill.objects.create(name="négociation")
    colleague.profile.skills.add(skill)
    member = world["users"]["member"]
    world["report"] = actions.do_report(
        colleague, "Retards répétés.", world["club"], acting_user=member
    )
    world["skill"] = skill
    # Memberships of the club that are not requests: their trust data stays closed to
    # the club's admins (inviting someone's e-mail must not open it).
    club = world["club"]
    world["invited"] = Membership.objects.create(
        circle=club, user=_visible("invited@example.org"), state=MembershipState.INVITED
    )
    world["left"] = Membership.objects.create(
        circle=club, user=_visible("left@example.org"), state=MembershipState.LEFT
    )
    world["declined"] = Membership.objects.create(
        circle=club, user=_visible("declined@example.org"), state=MembershipState.DECLINED
    )
    return world


def _visible(email):
    """Someone who shows their profile to nobody outside their circles."""
    user = make_user(email, "Victime", "Discrète")
    user.profile.visibility = Visibility.CIRCLES
    user.profile.save()
    return user


def _url(w, name):
    colleague = w["colleague"].profile.pk
    secret = w["secret"].profile.pk
    return {
        "passport": ("get", reverse("trust:passport")),
        "passport_of": ("get", reverse("trust:passport_of", args=[colleague])),
        "passport_of_secret": ("get", reverse("trust:passport_of", args=[secret])),
        "vouch_form": ("get", reverse("trust:vouch", args=[colleague])),
        "vouch": ("post", reverse("trust:vouch", args=[colleague])),
        "vouch_secret": ("post", reverse("trust:vouch", args=[secret])),
        "attest": ("post", reverse("trust:attest", args=[colleague])),
        "endorse": ("post", reverse("trust:endorse", args=[colleague, w["skill"].pk])),
        "report_form": ("get", reverse("trust:report", args=[colleague])),
        "reports": ("get", reverse("trust:reports")),
        "report_review": ("post", reverse("trust:report_review", args=[w["report"].pk])),
        "applicant": ("get", reverse("trust:applicant", args=[w["club"].slug, w["pending"].pk])),
        "applicant_declined": _applicant(w, w["declined"]),
        "applicant_invited": _applicant(w, w["invited"]),
        "applicant_admitted": _applicant(w, w["colleague_membership"]),
        "applicant_left": _applicant(w, w["left"]),
    }[name]


def _applicant(w, membership):
    return ("get", reverse("trust:applicant", args=[w["club"].slug, membership.pk]))


EVERYONE = dict.fromkeys(ROLES, OK) | {"anonymous": LOGIN}
VISIBLE_BRIDGED = {
    "anonymous": LOGIN,
    "outsider": NOT_FOUND,
    "bridged": OK,
    "member": OK,
    "admin": OK,
    "operator": OK,
}
POST_VISIBLE_BRIDGED = {k: (DONE if v == OK else v) for k, v in VISIBLE_BRIDGED.items()}
CIRCLE_ONLY_POST = {**POST_VISIBLE_BRIDGED, "bridged": NOT_FOUND}
ADMIN_ONLY = {
    "anonymous": LOGIN,
    "outsider": NOT_FOUND,
    "bridged": NOT_FOUND,
    "member": NOT_FOUND,
    "admin": OK,
    "operator": OK,
}
EXPECTED = {
    "passport": EVERYONE,
    "passport_of": VISIBLE_BRIDGED,
    "passport_of_secret": {**VISIBLE_BRIDGED, "bridged": NOT_FOUND},
    "vouch_form": VISIBLE_BRIDGED,
    "vouch": POST_VISIBLE_BRIDGED,
    "vouch_secret": CIRCLE_ONLY_POST,
    "attest": POST_VISIBLE_BRIDGED,
    "endorse": POST_VISIBLE_BRIDGED,
    "report_form": VISIBLE_BRIDGED,
    "reports": EVERYONE,
    "report_review": {**ADMIN_ONLY, "admin": DONE, "operator": DONE},
    "applicant": ADMIN_ONLY,
    "applicant_declined": ADMIN_ONLY,  # a request the person made, kept for history
    "applicant_invited": {**ADMIN_ONLY, "admin": NOT_FOUND, "operator": NOT_FOUND},
    "applicant_admitted": {**ADMIN_ONLY, "admin": NOT_FOUND, "operator": NOT_FOUND},
    "applicant_left": {**ADMIN_ONLY, "admin": NOT_FOUND, "operator": NOT_FOUND},
}
CELLS = [(view, role) for view in EXPECTED for role in ROLES]
POST_DATA = {
    "context": "worked_with",
    "strength": "2",
    "happened_on": "2025-01-15",
    "usefulness": "4",
    "source": "direct",
    "decision": "uphold",
}


def _evidence():
    return (
        Vouch.objects.count(),
        Endorsement.objects.count(),
        list(Report.objects.values("status")),
    )


@pytest.mark.parametrize(("view", "role"), CELLS, ids=[f"{v}-{r}" for v, r in CELLS])
def test_matrix(client, trust_world, view, role):
    user = trust_world["users"][role]
    if user is not None:
        client.force_login(user)
    method, url = _url(trust_world, view)
    before = _evidence()
    response = getattr(client, method)(url, POST_DATA if method == "post" else None)
    expected = EXPECTED[view][role]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if expected in (LOGIN, NOT_FOUND):
        assert _evidence() == before
