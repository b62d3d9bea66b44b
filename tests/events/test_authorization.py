"""Who may do what on an event of a private club that is open to one bridged circle.

Roles: anonymous, outsider, member of the chosen bridged circle, member of a bridged
circle that was not chosen, member of the host, host admin, platform operator.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.circles import actions as circle_actions
from passerelles.events import actions, plans
from passerelles.events.models import CalendarFeed, Openness, Registration
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event

ROLES = ["anonymous", "outsider", "guest", "unchosen", "member", "admin", "operator"]
LOGIN, OK, DONE, NOT_FOUND = "login", 200, 302, 404


@pytest.fixture
def world(db):
    owner = make_user("owner@example.org", "Alice", "Martin")
    member = make_user("member@example.org", "Bob", "Durand")
    outsider = make_user("outsider@example.org", "Charlie", "Petit")
    guest = make_user("guest@example.org", "Dana", "Roux")
    unchosen = make_user("unchosen@example.org", "Eve", "Noir")
    operator = make_user("ops@example.org", "Opé", "Rateur", is_staff=True)
    club = make_circle(owner, "Club privé", listed=False)
    admit(member, club)
    guests = make_circle(make_user("g-owner@example.org"), "Anciens")
    other = make_circle(make_user("o-owner@example.org"), "Autre réseau")
    admit(guest, guests)
    admit(unchosen, other)
    for circle in (guests, other):
        bridge = circle_actions.do_request_bridge(club, circle, acting_user=owner)
        circle_actions.do_answer_bridge(bridge, acting_user=circle.created_by, accept=True)
    event = make_event(owner, club, openness=Openness.BRIDGED, open_to=[guests])
    colleague = make_user("colleague@example.org", "Gilles", "Blanc")
    admit(colleague, club)
    registration = actions.do_register(event, acting_user=colleague)
    actions.do_register(event, acting_user=member)
    plans.do_generate_plan(event, acting_user=event.created_by, table_size="2", rounds=1)
    users = {
        "anonymous": None,
        "outsider": outsider,
        "guest": guest,
        "unchosen": unchosen,
        "member": member,
        "admin": owner,
        "operator": operator,
    }
    return {"users": users, "event": event, "club": club, "registration": registration}


def _url(world, name):
    e = world["event"].pk
    return {
        "detail": ("get", reverse("events:detail", args=[e])),
        "ics": ("get", reverse("events:ics", args=[e])),
        "my_tables": ("get", reverse("events:my_tables", args=[e])),
        "debrief": ("get", reverse("events:debrief", args=[e])),
        "register": ("post", reverse("events:register", args=[e])),
        "unregister": ("post", reverse("events:unregister", args=[e])),
        "edit": ("get", reverse("events:edit", args=[e])),
        "agenda": ("get", reverse("events:agenda", args=[e])),
        "participants": ("get", reverse("events:participants", args=[e])),
        "export": ("get", reverse("events:export", args=[e])),
        "plan": ("get", reverse("events:plan", args=[e])),
        "plan_pdf": ("get", reverse("events:plan_pdf", args=[e])),
        "cancel": ("post", reverse("events:cancel", args=[e])),
        "check_in": (
            "post",
            reverse("events:check_in", args=[e, world["registration"].pk]),
        ),
    }[name]


VISIBLE = {
    "anonymous": LOGIN,
    "outsider": NOT_FOUND,
    "guest": OK,
    "unchosen": NOT_FOUND,
    "member": OK,
    "admin": OK,
    "operator": OK,
}
VISIBLE_POST = {**VISIBLE, "guest": DONE, "member": DONE, "admin": DONE, "operator": DONE}
ADMIN_ONLY = {**VISIBLE, "guest": NOT_FOUND, "member": NOT_FOUND}
ADMIN_POST = {**ADMIN_ONLY, "admin": DONE, "operator": DONE}
EXPECTED = {
    "detail": VISIBLE,
    "ics": VISIBLE,
    "my_tables": VISIBLE,
    "debrief": VISIBLE,
    "register": VISIBLE_POST,
    "unregister": VISIBLE_POST,
    "edit": ADMIN_ONLY,
    "agenda": ADMIN_ONLY,
    "participants": ADMIN_ONLY,
    "export": ADMIN_ONLY,
    "plan": ADMIN_ONLY,
    "plan_pdf": ADMIN_ONLY,
    "cancel": ADMIN_POST,
    "check_in": ADMIN_POST,
}
CELLS = [(view, role) for view in EXPECTED for role in ROLES]


def _state(world):
    event = world["event"]
    event.refresh_from_db()
    rows = Registration.objects.filter(event=event).values_list(
        "user_id", "status", "checked_in_at"
    )
    return sorted(rows, key=str), event.cancelled_at, event.sequence


@pytest.mark.parametrize(("view", "role"), CELLS, ids=[f"{v}-{r}" for v, r in CELLS])
def test_matrix(client, world, view, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    method, url = _url(world, view)
    before = _state(world)
    response = getattr(client, method)(url)
    expected = EXPECTED[view][role]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if expected in (LOGIN, NOT_FOUND):
        assert _state(world) == before, "a refused request changed something"


def test_event_list_shows_only_visible_events(client, world):
    club = world["club"]
    make_event(world["users"]["admin"], club, title="Club seulement")
    client.force_login(world["users"]["guest"])
    text = client.get(reverse("events:list")).content.decode()
    assert "Soirée speed meeting" in text
    assert "Club seulement" not in text
    client.force_login(world["users"]["outsider"])
    text = client.get(reverse("events:list")).content.decode()
    assert "Soirée speed meeting" not in text


def test_operator_sees_but_cannot_register_outside_the_openness(client, world):
    client.force_login(world["users"]["operator"])
    response = client.post(reverse("events:register", args=[world["event"].pk]), follow=True)
    assert "pas ouvert à vos cercles" in response.content.decode()


def test_feeds_need_a_valid_token(client, world):
    assert client.get(reverse("events:feed", args=["nope"])).status_code == 404
    assert client.get(reverse("events:calendar")).status_code == 302
    feed = CalendarFeed.objects.create(user=world["users"]["outsider"])
    url = reverse("events:circle_feed_token", args=[feed.token, world["club"].slug])
    assert client.get(url).status_code == 404


def test_past_event_detail_still_visible(client, world):
    event = make_event(
        world["users"]["admin"],
        world["club"],
        starts_at=timezone.now() - datetime.timedelta(days=2),
    )
    client.force_login(world["users"]["member"])
    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 200
