import re

import pytest
from django.core import mail

from passerelles.circles import actions
from passerelles.circles.models import (
    AdmissionPolicy,
    BridgeState,
    Invitation,
    Membership,
    MembershipState,
    Role,
)
from passerelles.core.errors import ActionError
from tests.conftest import make_circle, make_user


def test_creator_becomes_owner_admitted_with_dates(alice):
    circle = make_circle(alice, "Réseau Entreprendre Lyon")
    membership = Membership.objects.get(circle=circle, user=alice)
    assert membership.role == Role.OWNER
    assert membership.state == MembershipState.ADMITTED
    assert membership.admitted_at is not None
    assert circle.slug == "reseau-entreprendre-lyon"


def test_slugs_stay_unique(alice, bob):
    first = make_circle(alice, "Club Export")
    second = make_circle(bob, "Club Export")
    assert first.slug != second.slug


def test_open_circle_admits_at_once(alice, charlie):
    circle = make_circle(alice, "Afterwork ouvert", admission_policy=AdmissionPolicy.OPEN)
    membership = actions.do_request_to_join(circle, acting_user=charlie)
    assert membership.state == MembershipState.ADMITTED
    assert membership.requested_at and membership.admitted_at


def test_cooptation_circle_puts_request_in_review(club, charlie):
    membership = actions.do_request_to_join(club, "Je viens d'arriver à Lyon.", acting_user=charlie)
    assert membership.state == MembershipState.PENDING
    assert membership.admitted_at is None
    with pytest.raises(ActionError, match="déjà en cours"):
        actions.do_request_to_join(club, acting_user=charlie)


def test_invitation_only_circle_refuses_requests(alice, charlie):
    circle = make_circle(alice, "Cercle fermé", admission_policy=AdmissionPolicy.INVITATION)
    with pytest.raises(ActionError, match="invitation"):
        actions.do_request_to_join(circle, acting_user=charlie)
    assert not Membership.objects.filter(user=charlie, circle=circle).exists()


def test_approve_and_decline(club, alice, charlie, dana):
    pending = actions.do_request_to_join(club, acting_user=charlie)
    actions.do_approve(pending, acting_user=alice)
    pending.refresh_from_db()
    assert pending.state == MembershipState.ADMITTED and pending.admitted_at
    other = actions.do_request_to_join(club, acting_user=dana)
    actions.do_decline(other, acting_user=alice)
    other.refresh_from_db()
    assert other.state == MembershipState.DECLINED
    with pytest.raises(ActionError):
        actions.do_approve(other, acting_user=alice)
    # A declined person may ask again later.
    again = actions.do_request_to_join(club, acting_user=dana)
    assert again.state == MembershipState.PENDING


def test_owner_cannot_leave_before_transferring(club, alice, bob):
    owner = Membership.objects.get(circle=club, user=alice)
    with pytest.raises(ActionError, match="Transférez"):
        actions.do_leave(owner, acting_user=alice)
    bob_membership = Membership.objects.get(circle=club, user=bob)
    actions.do_transfer_ownership(bob_membership, acting_user=alice)
    owner.refresh_from_db()
    bob_membership.refresh_from_db()
    assert bob_membership.role == Role.OWNER and owner.role == Role.ADMIN
    actions.do_leave(owner, acting_user=alice)
    owner.refresh_from_db()
    assert owner.state == MembershipState.LEFT and owner.ended_at


def test_removed_member_cannot_rejoin_by_asking(club, alice, bob):
    membership = Membership.objects.get(circle=club, user=bob)
    actions.do_remove(membership, acting_user=alice)
    with pytest.raises(ActionError, match="mis fin à votre adhésion"):
        actions.do_request_to_join(club, acting_user=bob)


def test_owner_cannot_be_removed_or_demoted(club, alice):
    owner = Membership.objects.get(circle=club, user=alice)
    with pytest.raises(ActionError):
        actions.do_remove(owner, acting_user=alice)
    with pytest.raises(ActionError):
        actions.do_change_role(owner, Role.MEMBER, acting_user=alice)


def test_invite_new_person_then_accept(club, alice):
    invitation, created = actions.do_invite(club, "Nouvelle@Example.org ", acting_user=alice)
    assert created and invitation.email == "nouvelle@example.org"
    again, created_again = actions.do_invite(club, "nouvelle@example.org", acting_user=alice)
    assert again.pk == invitation.pk and not created_again
    actions.send_invitation(invitation)
    assert len(mail.outbox) == 1
    token = re.search(r"/cercles/invitation/([^/\s]+)/", mail.outbox[0].body).group(1)
    newcomer = make_user("nouvelle@example.org", "Nina", "Leroy")
    membership = actions.do_accept_invitation(
        actions.read_invitation_token(token), acting_user=newcomer
    )
    assert membership.state == MembershipState.ADMITTED
    assert membership.invited_at is not None
    with pytest.raises(ActionError, match="déjà été acceptée"):
        actions.read_invitation_token(token)


def test_invitation_for_someone_else_is_refused(club, alice, charlie):
    invitation, _ = actions.do_invite(club, "quelquun@example.org", acting_user=alice)
    with pytest.raises(ActionError, match="quelquun@example.org"):
        actions.do_accept_invitation(invitation, acting_user=charlie)


def test_invitation_link_expires_and_cannot_be_forged(club, alice, settings, charlie):
    invitation, _ = actions.do_invite(club, "charlie@example.org", acting_user=alice)
    token = actions.invitation_token(invitation)
    with pytest.raises(ActionError, match="pas valide"):
        actions.read_invitation_token(token[:-2] + "xx")
    settings.INVITATION_MAX_AGE_DAYS = -1
    with pytest.raises(ActionError, match="expiré"):
        actions.read_invitation_token(token)


def test_inviting_an_existing_user_marks_membership_invited(club, alice, charlie):
    actions.do_invite(club, charlie.email, acting_user=alice)
    assert Membership.objects.get(circle=club, user=charlie).state == MembershipState.INVITED
    # An invited person who asks to join is admitted at once.
    assert actions.do_request_to_join(club, acting_user=charlie).state == MembershipState.ADMITTED


def test_inviting_a_member_is_refused(club, alice, bob):
    with pytest.raises(ActionError, match="déjà membre"):
        actions.do_invite(club, bob.email, acting_user=alice)
    assert not Invitation.objects.filter(email=bob.email).exists()


def test_bridge_lifecycle(club, alumni, alice, dana):
    bridge = actions.do_request_bridge(
        club, alumni, "Nos membres se croisent déjà.", acting_user=alice
    )
    assert bridge.state == BridgeState.REQUESTED
    with pytest.raises(ActionError, match="déjà en cours"):
        actions.do_request_bridge(alumni, club, acting_user=dana)
    actions.do_answer_bridge(bridge, acting_user=dana, accept=True)
    bridge.refresh_from_db()
    assert bridge.state == BridgeState.ACTIVE and bridge.decided_at
    with pytest.raises(ActionError, match="déjà reliés"):
        actions.do_request_bridge(club, alumni, acting_user=alice)
    actions.do_revoke_bridge(bridge, acting_user=dana)
    bridge.refresh_from_db()
    assert bridge.state == BridgeState.REVOKED and bridge.ended_by == dana
    # Once revoked, a new bridge can be asked for.
    assert actions.do_request_bridge(alumni, club, acting_user=dana).state == BridgeState.REQUESTED


def test_circle_cannot_bridge_itself(club, alice):
    with pytest.raises(ActionError):
        actions.do_request_bridge(club, club, acting_user=alice)
