"""Who may read what through the JSON API: the same world and roles as the pages' matrix.

Anonymous callers get 401 everywhere; what a role may not see is a 404, as on the pages.
"""

import pytest

from passerelles.events.models import Openness
from passerelles.intros import bridge_advisor
from passerelles.intros.models import Introduction, Origin
from tests.events.conftest import make_event
from tests.test_authorization_matrix import ROLES, world  # noqa: F401 (the shared world)

OK, UNAUTHORIZED, FORBIDDEN, NOT_FOUND = 200, 401, 403, 404
SIGNED_IN = {role: OK for role in ROLES} | {"anonymous": UNAUTHORIZED}
EXPECTED = {
    "me": SIGNED_IN,
    "circles": SIGNED_IN,
    "directory": SIGNED_IN,
    "events": SIGNED_IN,
    "introductions": SIGNED_IN,
    "circle_detail": SIGNED_IN | {"outsider": NOT_FOUND},
    "circle_members": SIGNED_IN | {"outsider": NOT_FOUND},
    "bridge_suggestions": SIGNED_IN
    | {"outsider": NOT_FOUND, "bridged": FORBIDDEN, "member": FORBIDDEN},
    "profile_bridged_visibility": SIGNED_IN | {"outsider": NOT_FOUND},
    "profile_circles_visibility": SIGNED_IN | {"outsider": NOT_FOUND, "bridged": NOT_FOUND},
    "club_event": SIGNED_IN | {"outsider": NOT_FOUND, "bridged": NOT_FOUND},
    "member_introduction": {role: NOT_FOUND for role in ROLES}
    | {"anonymous": UNAUTHORIZED, "member": OK},
}
CELLS = [(name, role) for name in EXPECTED for role in ROLES]


@pytest.fixture
def urls(world):  # noqa: F811
    club = world["club"]
    # The club's bridge advice as its background thread would have left it (a request
    # asks for it and is answered 503 meanwhile; a thread would not see the test's data).
    bridge_advisor.compute(club.pk)
    owner = club.memberships.get(role="owner").user
    event = make_event(owner, club, openness=Openness.HOST)
    member = world["users"]["member"]
    intro = Introduction.objects.create(
        origin=Origin.ROUND, member_a=member, member_b=world["colleague"], reasons={}
    )
    return {
        "me": "/api/me",
        "circles": "/api/circles",
        "directory": "/api/members",
        "events": "/api/events",
        "introductions": "/api/introductions",
        "circle_detail": f"/api/circles/{club.slug}",
        "circle_members": f"/api/circles/{club.slug}/members",
        "bridge_suggestions": f"/api/circles/{club.slug}/bridge-suggestions",
        "profile_bridged_visibility": f"/api/members/{world['colleague'].profile.pk}",
        "profile_circles_visibility": f"/api/members/{world['secret'].profile.pk}",
        "club_event": f"/api/events/{event.pk}",
        "member_introduction": f"/api/introductions/{intro.pk}",
    }


@pytest.mark.parametrize(("name", "role"), CELLS)
def test_api_matrix(client, world, urls, name, role):  # noqa: F811
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    response = client.get(urls[name])
    assert response.status_code == EXPECTED[name][role], response.content
    assert response["Content-Type"].startswith("application/json")
