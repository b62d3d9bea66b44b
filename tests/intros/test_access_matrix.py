"""Who may reach which introductions page: one test per (view, role).

Roles: anonymous, a stranger, side A, side B, the intermediary, a platform operator.
Introductions are private to their people, even for operators (they have the admin).
"""

import pytest
from django.urls import reverse

from passerelles.intros.models import Introduction, Status
from tests.conftest import make_user
from tests.intros.conftest import member

LOGIN, OK, DONE, NOT_FOUND = "login", 200, 302, 404
ROLES = ["anonymous", "stranger", "a", "b", "intermediary", "operator"]


@pytest.fixture
def cast(db):
    a = member("a@example.org", "Anne", "A", offers="conseil export", needs="comptable")
    b = member("b@example.org", "Bruno", "B", offers="comptabilité", needs="export")
    via = make_user("via@example.org", "Victor", "Via")
    intro = Introduction.objects.create(
        member_a=a, member_b=b, status=Status.PROPOSED, reasons={"a": ["r"], "b": ["r"]}
    )
    warm = Introduction.objects.create(
        member_a=a, member_b=via, intermediary=b, warm=True, status=Status.INTERMEDIARY
    )
    users = {
        "anonymous": None,
        "stranger": make_user("s@example.org", "Sam", "S"),
        "a": a,
        "b": b,
        "intermediary": b,  # for `warm`, b is the intermediary
        "operator": make_user("ops@example.org", "Opé", "Rateur", is_staff=True),
    }
    return {"users": users, "intro": intro, "warm": warm}


def fetch(client, user, method, url, data=None):
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/compte/login/" in response.url:
        return LOGIN
    return response.status_code


EXPECTED_DETAIL = {
    "anonymous": LOGIN,
    "stranger": NOT_FOUND,
    "a": OK,
    "b": OK,
    "intermediary": OK,
    "operator": NOT_FOUND,
}


@pytest.mark.parametrize("role", ROLES)
def test_detail(client, cast, role):
    url = reverse("intros:detail", args=[cast["intro"].pk])
    expected = EXPECTED_DETAIL[role]
    if role == "intermediary":
        url = reverse("intros:detail", args=[cast["warm"].pk])
    assert fetch(client, cast["users"][role], "get", url) == expected


@pytest.mark.parametrize("role", ROLES)
def test_decide(client, cast, role):
    intro = cast["warm"] if role == "intermediary" else cast["intro"]
    expected = {**EXPECTED_DETAIL, "a": DONE, "b": DONE, "intermediary": DONE}[role]
    url = reverse("intros:decide", args=[intro.pk])
    assert fetch(client, cast["users"][role], "post", url, {"decision": "accept"}) == expected


def test_person_sought_through_an_intermediary_sees_nothing_yet(client, cast):
    via_target = cast["warm"].member_b
    url = reverse("intros:detail", args=[cast["warm"].pk])
    assert fetch(client, via_target, "get", url) == NOT_FOUND


@pytest.mark.parametrize("role", ROLES)
def test_met(client, cast, role):
    expected = {**EXPECTED_DETAIL, "a": DONE, "b": DONE, "intermediary": DONE}[role]
    url = reverse("intros:met", args=[cast["intro"].pk])
    if role == "intermediary":
        url = reverse("intros:met", args=[cast["warm"].pk])
    assert fetch(client, cast["users"][role], "post", url, {"usefulness": "4"}) == expected


@pytest.mark.parametrize("name", ["intros:home", "intros:preferences", "intros:ask"])
@pytest.mark.parametrize("role", ROLES)
def test_own_pages(client, cast, name, role):
    expected = LOGIN if role == "anonymous" else OK
    assert fetch(client, cast["users"][role], "get", reverse(name)) == expected


@pytest.mark.parametrize("role", ROLES)
def test_notices_read_is_post_only_and_login(client, cast, role):
    expected = LOGIN if role == "anonymous" else DONE
    assert fetch(client, cast["users"][role], "post", reverse("intros:notices_read")) == expected
    if role != "anonymous":
        assert fetch(client, cast["users"][role], "get", reverse("intros:notices_read")) == 405


@pytest.mark.parametrize("role", ROLES)
def test_request(client, cast, role):
    # b consents, but only a, who sees b through scope "all"... nobody shares a circle
    # here and visibility defaults to "bridged": b is introducible to no one.
    expected = LOGIN if role == "anonymous" else NOT_FOUND
    url = reverse("intros:request", args=[cast["users"]["b"].pk])
    assert fetch(client, cast["users"][role], "post", url, {"need": "x"}) == expected


@pytest.mark.parametrize("role", ROLES)
def test_block_needs_a_visible_member(client, cast, role):
    url = reverse("intros:block", args=[cast["users"]["b"].pk])
    if role == "anonymous":
        expected = LOGIN
    elif role in ("b", "intermediary", "operator"):
        expected = DONE  # oneself (a no-op) or, for operators, everyone is visible
    else:
        expected = NOT_FOUND
    assert fetch(client, cast["users"][role], "post", url) == expected
