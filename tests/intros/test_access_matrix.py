"""Who may reach which introductions page: one test per (view, role).

Roles: anonymous, a stranger, side A, side B, the intermediary, a platform operator.
Introductions are private to their people, even for operators (they have the admin).
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.intros.models import Introduction, Origin, Status
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
        origin=Origin.ASK,
        member_a=a,
        member_b=via,
        intermediary=b,
        warm=True,
        status=Status.INTERMEDIARY,
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
    # A complete form, so that only access decides the answer (a refused form says 400).
    data = {"usefulness": "4", "happened_on": timezone.localdate().isoformat()}
    assert fetch(client, cast["users"][role], "post", url, data) == expected


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
def test_block_needs_a_visible_member_or_an_introduction(client, cast, role):
    # a cannot see b's profile but was proposed to meet b: a may block b.
    url = reverse("intros:block", args=[cast["users"]["b"].pk])
    if role == "anonymous":
        expected = LOGIN
    elif role in ("a", "b", "intermediary", "operator"):
        expected = DONE  # a's suggestion, oneself (a no-op), operators see everyone
    else:
        expected = NOT_FOUND
    assert fetch(client, cast["users"][role], "post", url) == expected


# --- Round suggestions with a trusted member on the path -------------------------------
# The intermediary of a warm path is a reason, never a party: A and B open and answer the
# suggestion, the intermediary can open nothing and is never told about it.

ROUND_ROLES = ["a", "b", "intermediary", "stranger"]


@pytest.fixture
def round_cast(world):
    from passerelles.intros.rounds import run_round
    from tests.intros.conftest import vouch

    odile = world["owners"][0]
    vouch(world["marc"], odile)
    vouch(odile, world["sophie"])
    run_round(force=True)
    intro = Introduction.objects.get(
        member_a__in=[world["marc"], world["sophie"]], member_b__in=[world["marc"], world["sophie"]]
    )
    users = {
        "a": intro.member_a,
        "b": intro.member_b,
        "intermediary": odile,
        "stranger": make_user("s@example.org", "Sam", "S"),
    }
    return {"intro": intro, "users": users}


EXPECTED_ROUND_DETAIL = {"a": OK, "b": OK, "intermediary": NOT_FOUND, "stranger": NOT_FOUND}


@pytest.mark.parametrize("role", ROUND_ROLES)
def test_round_with_intermediary_detail(client, round_cast, role):
    url = reverse("intros:detail", args=[round_cast["intro"].pk])
    assert fetch(client, round_cast["users"][role], "get", url) == EXPECTED_ROUND_DETAIL[role]


@pytest.mark.parametrize("role", ROUND_ROLES)
def test_round_with_intermediary_decide(client, round_cast, role):
    intro = round_cast["intro"]
    expected = {**EXPECTED_ROUND_DETAIL, "a": DONE, "b": DONE}[role]
    url = reverse("intros:decide", args=[intro.pk])
    assert fetch(client, round_cast["users"][role], "post", url, {"decision": "accept"}) == expected
    intro.refresh_from_db()
    if role in ("a", "b"):
        assert intro.decision_of(round_cast["users"][role]) == "accepted"
    else:
        assert intro.decision_a == intro.decision_b == intro.intermediary_decision == ""


@pytest.mark.parametrize("role", ROUND_ROLES)
def test_round_with_intermediary_met(client, round_cast, role):
    expected = {**EXPECTED_ROUND_DETAIL, "a": DONE, "b": DONE}[role]
    url = reverse("intros:met", args=[round_cast["intro"].pk])
    data = {"usefulness": "4", "happened_on": timezone.localdate().isoformat()}
    assert fetch(client, round_cast["users"][role], "post", url, data) == expected


@pytest.mark.parametrize("role", ROUND_ROLES)
def test_round_with_intermediary_home_and_notices(client, round_cast, role):
    user, intro = round_cast["users"][role], round_cast["intro"]
    client.force_login(user)
    page = client.get(reverse("intros:home")).content.decode()
    detail = reverse("intros:detail", args=[intro.pk])
    party = role in ("a", "b")
    assert (detail in page) == party
    assert user.notifications.filter(url=intro.get_absolute_url()).exists() == party
    if not party:
        assert "souhaite rencontrer" not in page


def test_round_with_intermediary_both_sides_can_connect(client, round_cast):
    intro = round_cast["intro"]
    for role in ("a", "b"):
        client.force_login(round_cast["users"][role])
        client.post(reverse("intros:decide", args=[intro.pk]), {"decision": "accept"})
    intro.refresh_from_db()
    assert intro.status == Status.ACCEPTED


def test_round_suggestion_stored_with_an_intermediary_is_migrated(db):
    """Suggestions stored before the fix (round, warm, intermediary) become two-party."""
    from importlib import import_module
    from unittest import mock

    from django.apps import apps

    a = member("a@example.org", "Anne", "A")
    b = member("b@example.org", "Bruno", "B")
    via = make_user("via@example.org", "Victor", "Via")
    old = Introduction.objects.create(
        origin=Origin.ROUND, member_a=a, member_b=b, intermediary=via, warm=True
    )
    migration = import_module(
        "passerelles.intros.migrations.0002_round_suggestions_have_two_parties"
    )

    class Today:
        """Today's models; the notices it also cleaned have since moved to notifications
        (intros 0007), so their part is a stand-in."""

        def get_model(self, app_label, name):
            return mock.MagicMock() if name == "Notice" else apps.get_model(app_label, name)

    migration.forwards(Today(), None)
    old.refresh_from_db()
    assert (old.intermediary, old.warm, old.components["via"]) == (None, False, via.pk)
