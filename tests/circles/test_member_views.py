import pytest
from django.core import mail
from django.urls import reverse

from passerelles.circles import actions
from passerelles.circles.models import Invitation, Membership, MembershipState, Role
from passerelles.core.errors import ActionError


def test_admin_sees_pending_requests_and_approves(client, alice, charlie, club):
    actions.do_request_to_join(club, "Recommandée par Bob", acting_user=charlie)
    client.force_login(alice)
    text = client.get(reverse("circles:members", args=[club.slug])).content.decode()
    assert "Demandes en attente" in text and "Recommandée par Bob" in text
    membership = Membership.objects.get(user=charlie, circle=club)
    client.post(reverse("circles:approve", args=[club.slug, membership.pk]))
    membership.refresh_from_db()
    assert membership.state == MembershipState.ADMITTED


def test_member_sees_list_without_admin_tools(client, bob, club):
    client.force_login(bob)
    text = client.get(reverse("circles:members", args=[club.slug])).content.decode()
    assert "Alice Martin" in text
    assert "Demandes en attente" not in text and "Retirer" not in text


def test_role_change_and_bad_role(client, alice, bob, club):
    client.force_login(alice)
    membership = Membership.objects.get(user=bob, circle=club)
    client.post(reverse("circles:role", args=[club.slug, membership.pk]), {"role": "moderator"})
    membership.refresh_from_db()
    assert membership.role == Role.MODERATOR
    response = client.post(
        reverse("circles:role", args=[club.slug, membership.pk]), {"role": "owner"}, follow=True
    )
    assert "Rôle inconnu" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.MODERATOR


def test_only_the_owner_transfers_ownership(client, alice, bob, charlie, club):
    from tests.conftest import admit

    admit(charlie, club)
    bob_membership = Membership.objects.get(user=bob, circle=club)
    bob_membership.role = Role.ADMIN
    bob_membership.save()
    charlie_membership = Membership.objects.get(user=charlie, circle=club)
    client.force_login(bob)
    response = client.post(reverse("circles:transfer", args=[club.slug, charlie_membership.pk]))
    assert response.status_code == 404
    client.force_login(alice)
    client.post(reverse("circles:transfer", args=[club.slug, charlie_membership.pk]))
    charlie_membership.refresh_from_db()
    assert charlie_membership.role == Role.OWNER


def test_invite_sends_one_mail_per_address_and_reports_members(
    client, alice, bob, club, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("circles:invite", args=[club.slug]),
            {"emails": "a@example.org, b@example.org\nA@example.org\nbob@example.org"},
            follow=True,
        )
    text = response.content.decode()
    assert "2 invitations envoyées." in text
    assert "bob@example.org est déjà membre" in text
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert Invitation.objects.filter(circle=club).count() == 2


def test_invite_rejects_bad_addresses_and_sends_nothing(client, alice, club):
    client.force_login(alice)
    response = client.post(
        reverse("circles:invite", args=[club.slug]), {"emails": "ok@example.org\npas-une-adresse"}
    )
    assert response.status_code == 200
    assert "pas-une-adresse" in response.content.decode()
    assert not mail.outbox and not Invitation.objects.exists()


def test_invitation_link_for_visitor_then_accept(client, alice, club):
    from tests.conftest import make_user

    invitation, _ = actions.do_invite(club, "nina@example.org", acting_user=alice)
    url = reverse("circles:invitation", args=[actions.invitation_token(invitation)])
    text = client.get(url).content.decode()
    assert "Créer mon compte" in text and "nina@example.org" in text
    nina = make_user("nina@example.org", "Nina", "Leroy")
    client.force_login(nina)
    response = client.post(url)
    assert response.status_code == 302
    assert Membership.objects.get(user=nina, circle=club).state == MembershipState.ADMITTED
    assert client.get(url)["Location"] == club.get_absolute_url()  # opened again: the circle
    client.logout()
    assert client.get(url).status_code == 410


def test_invitation_opened_from_another_account_says_so_before_any_button(
    client, alice, charlie, club
):
    invitation, _ = actions.do_invite(club, "nina@example.org", acting_user=alice)
    url = reverse("circles:invitation", args=[actions.invitation_token(invitation)])
    client.force_login(charlie)
    text = client.get(url).content.decode()
    assert "Vous êtes connecté avec l'adresse <strong>" + charlie.email in text
    assert "Me déconnecter" in text and "Accepter l&#x27;invitation" not in text


def test_bad_invitation_link_is_gone(client, db):
    response = client.get(reverse("circles:invitation", args=["nimporte-quoi"]))
    assert response.status_code == 410
    assert "pas valide" in response.content.decode()


def test_accept_from_home(client, alice, charlie, club):
    invitation, _ = actions.do_invite(club, charlie.email, acting_user=alice)
    client.force_login(charlie)
    assert "vous invite" in client.get(reverse("pages:home")).content.decode()
    client.post(reverse("circles:accept_invitation_direct", args=[invitation.pk]))
    assert Membership.objects.get(user=charlie, circle=club).state == MembershipState.ADMITTED


def test_revoke_invitation(client, alice, club):
    invitation, _ = actions.do_invite(club, "x@example.org", acting_user=alice)
    client.force_login(alice)
    client.post(reverse("circles:invitation_revoke", args=[club.slug, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    token = actions.invitation_token(invitation)
    assert client.get(reverse("circles:invitation", args=[token])).status_code == 410


def test_revoked_invitation_no_longer_admits_a_registered_person(client, alice, charlie, club):
    invitation, _ = actions.do_invite(club, charlie.email, acting_user=alice)
    client.force_login(alice)
    client.post(reverse("circles:invitation_revoke", args=[club.slug, invitation.pk]))
    assert Membership.objects.get(user=charlie, circle=club).state == MembershipState.LEFT
    client.force_login(charlie)
    assert client.get(club.get_absolute_url()).status_code == 404  # private again
    response = client.post(reverse("circles:accept_invitation_direct", args=[invitation.pk]))
    assert Membership.objects.get(user=charlie, circle=club).state == MembershipState.LEFT
    assert response.status_code == 302


def test_expired_invitation_does_not_admit_through_join(alice, charlie, club, settings):
    actions.do_invite(club, charlie.email, acting_user=alice)
    settings.INVITATION_MAX_AGE_DAYS = 0
    membership = actions.do_request_to_join(club, acting_user=charlie)
    assert membership.state == MembershipState.PENDING


def test_removed_member_cannot_be_invited_back_silently(alice, bob, club):
    actions.do_remove(Membership.objects.get(user=bob, circle=club), acting_user=alice)
    with pytest.raises(ActionError, match="retiré"):
        actions.do_invite(club, bob.email, acting_user=alice)
