"""Who may do what on a private circle, its memberships, bridges, profiles, events and
discussions.

Roles: anonymous, outsider, member of a bridged circle, member, circle admin, platform
admin. Anything a role may not see is a 404; login-only pages send anonymous visitors
to the login page. Every cell is one test; every change that goes through is recorded
in the audit log, with who made it, and a refused one records nothing.
"""

import pytest
from django.urls import reverse

from passerelles.circles import actions
from passerelles.circles.models import Bridge, BridgeState, Circle, Membership, MembershipState
from passerelles.core.models import AuditEntry
from passerelles.discussions import actions as discussion_actions
from passerelles.discussions.models import Discussion, Post
from passerelles.events import actions as event_actions
from passerelles.events.models import Event, Openness
from passerelles.members.models import Visibility
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event

ROLES = ["anonymous", "outsider", "bridged", "member", "admin", "operator"]
LOGIN = "login"  # expected: redirect to the login page
OK = 200
DONE = 302  # a POST that did its work (or refused politely) and redirected
NOT_FOUND = 404


@pytest.fixture
def world(db):
    """A private club bridged with an alumni association, with one person per role."""
    owner = make_user("owner@example.org", "Alice", "Martin")
    member = make_user("member@example.org", "Bob", "Durand")
    outsider = make_user("outsider@example.org", "Charlie", "Petit")
    bridged = make_user("bridged@example.org", "Dana", "Roux")
    operator = make_user("ops@example.org", "Opé", "Rateur", is_staff=True)
    other_owner = make_user("alumni-owner@example.org", "Eve", "Noir")
    colleague = make_user("colleague@example.org", "Gilles", "Blanc")
    secret = make_user("secret@example.org", "Hélène", "Gris")
    applicant = make_user("applicant@example.org", "Ines", "Vert")

    club = make_circle(owner, "Club privé", listed=False)
    alumni = make_circle(other_owner, "Anciens", listed=True)
    for person in (member, colleague, secret):
        admit(person, club)
    admit(bridged, alumni)
    secret.profile.visibility = Visibility.CIRCLES
    secret.profile.save()
    bridge = actions.do_request_bridge(club, alumni, acting_user=owner)
    actions.do_answer_bridge(bridge, acting_user=other_owner, accept=True)
    third_owner = make_user("third@example.org")
    pending_bridge = actions.do_request_bridge(
        make_circle(third_owner, "Troisième", listed=True), club, acting_user=third_owner
    )
    pending = actions.do_request_to_join(club, acting_user=applicant)
    event = make_event(owner, club, title="Dîner du club")
    # A bridge since closed: the member of the other side keeps the seat she took while it
    # was open (and sees that event), not the events she had not registered for.
    partners_owner = make_user("partners@example.org", "Paul", "Associé")
    partners = make_circle(partners_owner, "Partenaires", listed=False)
    admit(bridged, partners)
    closed = actions.do_request_bridge(club, partners, acting_user=owner)
    actions.do_answer_bridge(closed, acting_user=partners_owner, accept=True)
    held, unheld = (
        make_event(owner, club, title=title, openness=Openness.BRIDGED, open_to=[partners])
        for title in ("Rencontre partenaires", "Atelier partenaires")
    )
    event_actions.do_register(held, acting_user=bridged)
    actions.do_revoke_bridge(closed, acting_user=owner)
    discussion = discussion_actions.do_start_discussion(
        acting_user=colleague,
        title="Locaux partagés",
        axis="societe",
        circle=club,
        open_to_bridged=False,
        body="Qui cherche un bureau ?",
    )
    users = {
        "anonymous": None,
        "outsider": outsider,
        "bridged": bridged,
        "member": member,
        "admin": owner,
        "operator": operator,
    }
    return {
        "users": users,
        "club": club,
        "bridge": bridge,
        "pending_bridge": pending_bridge,
        "pending": pending,
        "colleague": colleague,
        "secret": secret,
        "colleague_membership": Membership.objects.get(circle=club, user=colleague),
        "event": event,
        "held": held,
        "unheld": unheld,
        "discussion": discussion,
        "colleague_post": discussion.posts.get(),
    }


def _url(world, name):
    club = world["club"].slug
    held, unheld = world["held"].pk, world["unheld"].pk
    return {
        "circle_detail": ("get", reverse("circles:detail", args=[club])),
        "circle_members": ("get", reverse("circles:members", args=[club])),
        "circle_edit": ("get", reverse("circles:edit", args=[club])),
        "circle_invite": ("get", reverse("circles:invite", args=[club])),
        "circle_import": ("get", reverse("circles:import", args=[club])),
        "circle_export": ("get", reverse("circles:export", args=[club])),
        "circle_bridges": ("get", reverse("circles:bridges", args=[club])),
        "circle_log": ("get", reverse("circles:log", args=[club])),
        "whole_log": ("get", reverse("circles:whole_log")),
        "circle_withdraw_recognition": (
            "post",
            reverse("circles:recognise", args=[club]),
        ),
        "circle_join": ("post", reverse("circles:join", args=[club])),
        "membership_approve": (
            "post",
            reverse("circles:approve", args=[club, world["pending"].pk]),
        ),
        "membership_decline": (
            "post",
            reverse("circles:decline", args=[club, world["pending"].pk]),
        ),
        "membership_remove": (
            "post",
            reverse("circles:remove", args=[club, world["colleague_membership"].pk]),
        ),
        "membership_role": (
            "post",
            reverse("circles:role", args=[club, world["colleague_membership"].pk]),
        ),
        "membership_transfer": (
            "post",
            reverse("circles:transfer", args=[club, world["colleague_membership"].pk]),
        ),
        "bridge_propose": ("get", reverse("circles:bridge_propose", args=[club])),
        "bridge_answer": (
            "post",
            reverse("circles:bridge_answer", args=[club, world["pending_bridge"].pk]),
        ),
        "bridge_revoke": (
            "post",
            reverse("circles:bridge_revoke", args=[club, world["bridge"].pk]),
        ),
        "profile_bridged_visibility": (
            "get",
            reverse("members:detail", args=[world["colleague"].profile.pk]),
        ),
        "profile_circles_visibility": (
            "get",
            reverse("members:detail", args=[world["secret"].profile.pk]),
        ),
        "directory": ("get", reverse("members:directory")),
        "event_cancel": ("post", reverse("events:cancel", args=[world["event"].pk])),
        "event_held_after_bridge_closed": ("get", reverse("events:detail", args=[held])),
        "event_ics_held_after_bridge_closed": ("get", reverse("events:ics", args=[held])),
        "event_unregister_held_after_bridge_closed": (
            "post",
            reverse("events:unregister", args=[held]),
        ),
        "event_unheld_after_bridge_closed": ("get", reverse("events:detail", args=[unheld])),
        "discussion_lock": ("post", reverse("discussions:lock", args=[world["discussion"].pk])),
        "post_hide": ("post", reverse("discussions:hide", args=[world["colleague_post"].pk])),
    }[name]


ADMIN_ONLY = {
    "anonymous": LOGIN,
    "outsider": NOT_FOUND,
    "bridged": NOT_FOUND,
    "member": NOT_FOUND,
    "admin": OK,
    "operator": OK,
}
ADMIN_POST = {**ADMIN_ONLY, "admin": DONE, "operator": DONE}
OPERATOR_ONLY = {**ADMIN_ONLY, "admin": NOT_FOUND}
HOST_EVENT = {**ADMIN_ONLY, "bridged": OK, "member": OK}
EXPECTED = {
    "circle_detail": {
        "anonymous": NOT_FOUND,
        "outsider": NOT_FOUND,
        "bridged": OK,
        "member": OK,
        "admin": OK,
        "operator": OK,
    },
    "circle_members": {
        "anonymous": LOGIN,
        "outsider": NOT_FOUND,
        "bridged": OK,
        "member": OK,
        "admin": OK,
        "operator": OK,
    },
    "circle_edit": ADMIN_ONLY,
    "circle_invite": ADMIN_ONLY,
    "circle_import": ADMIN_ONLY,
    "circle_export": ADMIN_ONLY,
    "circle_bridges": ADMIN_ONLY,
    "circle_log": ADMIN_ONLY,
    "whole_log": OPERATOR_ONLY,
    "circle_withdraw_recognition": {**OPERATOR_ONLY, "operator": DONE},
    "circle_join": {
        "anonymous": LOGIN,
        "outsider": NOT_FOUND,
        "bridged": DONE,
        "member": DONE,
        "admin": DONE,
        "operator": DONE,
    },
    "membership_approve": ADMIN_POST,
    "membership_decline": ADMIN_POST,
    "membership_remove": ADMIN_POST,
    "membership_role": ADMIN_POST,
    "membership_transfer": ADMIN_POST,
    "bridge_propose": {
        "anonymous": LOGIN,
        "outsider": NOT_FOUND,
        "bridged": OK,
        "member": OK,
        "admin": OK,
        "operator": OK,
    },
    "bridge_answer": ADMIN_POST,
    "bridge_revoke": ADMIN_POST,
    "profile_bridged_visibility": {
        "anonymous": LOGIN,
        "outsider": NOT_FOUND,
        "bridged": OK,
        "member": OK,
        "admin": OK,
        "operator": OK,
    },
    "profile_circles_visibility": {
        "anonymous": LOGIN,
        "outsider": NOT_FOUND,
        "bridged": NOT_FOUND,
        "member": OK,
        "admin": OK,
        "operator": OK,
    },
    "directory": {
        "anonymous": LOGIN,
        "outsider": OK,
        "bridged": OK,
        "member": OK,
        "admin": OK,
        "operator": OK,
    },
    "event_cancel": ADMIN_POST,
    # A bridged event whose bridge closed after the bridged member took a seat there.
    "event_held_after_bridge_closed": HOST_EVENT,
    "event_ics_held_after_bridge_closed": HOST_EVENT,
    "event_unregister_held_after_bridge_closed": {
        **HOST_EVENT,
        "member": DONE,  # not registered: told so on the page
        "admin": DONE,
        "operator": DONE,
        "bridged": DONE,
    },
    "event_unheld_after_bridge_closed": {**HOST_EVENT, "bridged": NOT_FOUND},
    # A member reads the discussion, so the refusal is a message on its page.
    "discussion_lock": {**ADMIN_POST, "member": DONE},
    "post_hide": {**ADMIN_POST, "member": DONE},
}
CELLS = [(view, role) for view in EXPECTED for role in ROLES]

# What the audit log gains when a POST goes through: one entry, by the person acting.
AUDITED = {
    "membership_approve": "membership.approved",
    "membership_decline": "membership.declined",
    "membership_remove": "membership.removed",
    "membership_role": "membership.role_changed",
    "membership_transfer": "membership.ownership_transferred",
    "bridge_answer": "bridge.accepted",
    "bridge_revoke": "bridge.revoked",
    "circle_withdraw_recognition": "circle.recognition_withdrawn",
    "circle_join": "membership.requested",  # the member and the admin are already in
    "event_cancel": "event.cancelled",
    "discussion_lock": "discussion.locked",
    "post_hide": "post.hidden",
}
AUDITED_ROLES = {
    "circle_join": {"bridged", "operator"},
    "discussion_lock": {"admin", "operator"},  # a member may not moderate
    "post_hide": {"admin", "operator"},
}


def _state(world):
    """What the POST views could change, to check that refused calls changed nothing."""
    club = world["club"]
    return (
        Circle.objects.get(pk=club.pk).recognised,
        sorted(Membership.objects.filter(circle=club).values_list("user_id", "state", "role")),
        sorted(Bridge.objects.values_list("pk", "state")),
        list(Event.objects.values_list("pk", "cancelled_at")),
        list(Discussion.objects.values_list("pk", "locked_at")),
        list(Post.objects.values_list("pk", "hidden_at")),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize(("view", "role"), CELLS, ids=[f"{v}-{r}" for v, r in CELLS])
def test_matrix(client, world, view, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    method, url = _url(world, view)
    before = _state(world)
    last_entry = AuditEntry.objects.order_by("pk").values_list("pk", flat=True).last() or 0
    data = (
        {
            "role": "moderator",
            "answer": "accept",
            "locked": "1",
            "reason": "hors sujet",
            "withdraw": "1",
        }
        if method == "post"
        else None
    )
    response = getattr(client, method)(url, data)
    expected = EXPECTED[view][role]
    recorded_expected = view in AUDITED and role in AUDITED_ROLES.get(view, ROLES)
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if expected in (LOGIN, NOT_FOUND) or (expected == DONE and not recorded_expected):
        assert _state(world)[:-1] == before[:-1], "a refused request changed something"
    recorded = list(
        AuditEntry.objects.filter(pk__gt=last_entry).values_list("verb", "acting_user_id")
    )
    if expected == DONE and recorded_expected:
        assert recorded == [(AUDITED[view], user.pk)]
        entry = AuditEntry.objects.get(pk__gt=last_entry)
        assert world["club"].pk in (entry.circle_id, entry.other_circle_id)
    else:
        assert recorded == []


def test_matrix_size():
    assert len(CELLS) == 29 * 6


def test_refused_actions_keep_the_pending_request(client, world):
    client.force_login(world["users"]["member"])
    client.post(reverse("circles:approve", args=[world["club"].slug, world["pending"].pk]))
    world["pending"].refresh_from_db()
    assert world["pending"].state == MembershipState.PENDING


def test_admin_actions_take_effect(client, world):
    client.force_login(world["users"]["admin"])
    client.post(reverse("circles:approve", args=[world["club"].slug, world["pending"].pk]))
    world["pending"].refresh_from_db()
    assert world["pending"].state == MembershipState.ADMITTED
    client.post(reverse("circles:bridge_revoke", args=[world["club"].slug, world["bridge"].pk]))
    world["bridge"].refresh_from_db()
    assert world["bridge"].state == BridgeState.REVOKED


def test_directory_lists_only_visible_profiles(client, world):
    client.force_login(world["users"]["bridged"])
    text = client.get(reverse("members:directory")).content.decode()
    assert "Gilles Blanc" in text  # bridged visibility
    assert "Hélène Gris" not in text  # circles-only visibility
    client.force_login(world["users"]["outsider"])
    text = client.get(reverse("members:directory")).content.decode()
    assert "Gilles Blanc" not in text


def test_admins_read_who_admitted_removed_or_changed_whom(client, world):
    admin, operator = world["users"]["admin"], world["users"]["operator"]
    club = world["club"].slug
    client.force_login(admin)
    client.post(reverse("circles:approve", args=[club, world["pending"].pk]))
    membership = world["colleague_membership"]
    client.post(reverse("circles:role", args=[club, membership.pk]), {"role": "moderator"})
    client.post(reverse("circles:remove", args=[club, membership.pk]))
    text = client.get(reverse("circles:log", args=[club])).content.decode()
    for words in ("a admis", "Ines Vert", "a changé le rôle de", "Modérateur", "a retiré"):
        assert words in text
    assert "Gilles Blanc" in text and "Alice Martin" in text
    assert "a accepté la passerelle" in text  # bridges, seen from either circle
    client.force_login(operator)
    text = client.get(reverse("circles:whole_log")).content.decode()
    assert "Club privé" in text and "Anciens" in text and "a retiré" in text
