"""Two bridged circles, an unrelated one, and the discussions they can hold."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import Membership, Role
from passerelles.discussions.actions import do_start_discussion
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event


@pytest.fixture
def town(db):
    owner = make_user("owner@example.org", "Odile", "Arnaud")
    club = make_circle(owner, "Club Industrie Rhône", listed=True)
    alumni_owner = make_user("alumni-owner@example.org", "Olivier", "Besson")
    alumni = make_circle(alumni_owner, "Alumni Lyon", listed=True)
    bridge = circle_actions.do_request_bridge(club, alumni, acting_user=owner)
    circle_actions.do_answer_bridge(bridge, acting_user=alumni_owner, accept=True)
    far_owner = make_user("far-owner@example.org", "Fanny", "Loin")
    far = make_circle(far_owner, "Cercle de Brest", listed=True)
    users = {
        "anonymous": None,
        "outsider": make_user("outsider@example.org", "Oscar", "Dehors"),
        "bridged": make_user("bridged@example.org", "Bruno", "Relié"),
        "member": make_user("member@example.org", "Marie", "Membre"),
        "moderator": make_user("moderator@example.org", "Mona", "Modo"),
        "operator": make_user("ops@example.org", "Opé", "Rateur", is_staff=True),
    }
    admit(users["outsider"], far)
    admit(users["bridged"], alumni)
    admit(users["member"], club)
    admit(users["moderator"], club)
    Membership.objects.filter(user=users["moderator"], circle=club).update(role=Role.MODERATOR)

    def start(circle, open_to_bridged=False, title="Sujet"):
        return do_start_discussion(
            acting_user=owner,
            title=title,
            axis="societe",
            circle=circle,
            open_to_bridged=open_to_bridged,
            body="Premier message",
        )

    discussions = {
        "club": start(club),
        "club+bridged": start(club, open_to_bridged=True),
        "everyone": start(None),
    }
    event = make_event(owner, club, title="Soirée du club")
    return {
        "club": club,
        "alumni": alumni,
        "far": far,
        "owner": owner,
        "users": users,
        "discussions": discussions,
        "event": event,
    }
