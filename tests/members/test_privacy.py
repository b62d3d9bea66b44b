"""The privacy page: who sees what, a full export, and account deletion."""

import json

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from passerelles.circles.models import Circle, Invitation, Membership, MembershipState
from passerelles.members.models import Profile, Skill, Visibility
from tests.conftest import make_circle

PASSWORD = "motdepasse-solide-42"


def export(client) -> dict:
    response = client.get(reverse("members:export_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)


def test_page_explains_visibility(client, bob):
    client.force_login(bob)
    html = client.get(reverse("members:privacy")).content.decode()
    assert "Mes cercles et les cercles reliés" in html
    assert "Télécharger mes données" in html
    assert "Supprimer mon compte" in html
    assert "anonymisé" in html


def test_export_contains_account_profile_memberships_invitations(client, alice, bob, club):
    profile = bob.profile
    profile.headline = "Expert-comptable"
    profile.offers = "Comptabilité"
    profile.themes = ",savoir,"
    profile.links = "https://durand.example.org"
    profile.save()
    profile.skills.add(Skill.objects.create(name="fiscalité"))
    Invitation.objects.create(
        circle=club, email="bob@example.org", invited_by=alice, sent_at=timezone.now()
    )
    Invitation.objects.create(
        circle=club, email="friend@example.org", invited_by=bob, sent_at=timezone.now()
    )
    client.force_login(bob)
    data = export(client)
    assert data["account"]["email"] == "bob@example.org"
    assert data["account"]["first_name"] == "Bob"
    assert data["email_addresses"] == [
        {"email": "bob@example.org", "verified": True, "primary": True}
    ]
    assert data["profile"]["headline"] == "Expert-comptable"
    assert data["profile"]["offers"] == "Comptabilité"
    assert data["profile"]["skills"] == ["fiscalité"]
    assert data["profile"]["themes"] == ["savoir"]
    assert data["profile"]["links"] == ["https://durand.example.org"]
    assert data["profile"]["visibility"] == Visibility.BRIDGED
    [membership] = data["memberships"]
    assert membership["circle"] == "Club des Entrepreneurs de Lyon"
    assert membership["state"] == "admitted"
    assert [i["email"] for i in data["invitations_received"]] == ["bob@example.org"]
    assert [i["email"] for i in data["invitations_sent"]] == ["friend@example.org"]


def test_export_holds_only_my_data(client, alice, bob, club):
    alice.profile.offers = "Secret d'Alice"
    alice.profile.save()
    client.force_login(bob)
    raw = client.get(reverse("members:export_data")).content.decode()
    assert "Secret d'Alice" not in raw
    assert "alice@example.org" not in raw


def test_export_requires_login(client, db):
    assert client.get(reverse("members:export_data")).status_code == 302


def test_delete_requires_post(client, bob):
    client.force_login(bob)
    assert client.get(reverse("members:delete_account")).status_code == 405


def test_delete_with_wrong_password_is_refused(client, bob, club):
    client.force_login(bob)
    response = client.post(reverse("members:delete_account"), {"password": "wrong"})
    assert response.status_code == 400
    assert "Mot de passe incorrect." in response.content.decode()
    bob.refresh_from_db()
    assert bob.is_active


def test_owner_of_circle_with_members_is_refused(client, alice, bob, club):
    client.force_login(alice)
    page = client.get(reverse("members:privacy")).content.decode()
    assert "Transmettez d'abord la responsabilité" in page
    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vous êtes responsable de « Club des Entrepreneurs de Lyon »" in html
    alice.refresh_from_db()
    assert alice.is_active
    assert alice.email == "alice@example.org"
    assert Circle.objects.filter(pk=club.pk).exists()


def test_member_deletes_account(client, alice, bob, club):
    bob.profile.headline = "Expert-comptable"
    bob.profile.offers = "Comptabilité"
    bob.profile.save()
    bob.profile.skills.add(Skill.objects.create(name="fiscalité"))
    Invitation.objects.create(
        circle=club, email="bob@example.org", invited_by=alice, sent_at=timezone.now()
    )
    client.force_login(bob)
    response = client.post(reverse("members:delete_account"), {"password": PASSWORD}, follow=True)
    assert "Votre compte est supprimé" in response.content.decode()
    assert not response.context["user"].is_authenticated

    bob = get_user_model().objects.get(pk=bob.pk)
    assert not bob.is_active
    assert not bob.has_usable_password()
    assert bob.first_name == bob.last_name == ""
    assert "bob" not in bob.email
    assert not EmailAddress.objects.filter(user=bob).exists()
    profile = Profile.objects.get(user=bob)
    assert profile.headline == profile.offers == ""
    assert profile.skills.count() == 0
    membership = Membership.objects.get(user=bob, circle=club)
    assert membership.state == MembershipState.LEFT
    assert membership.ended_at is not None
    assert not Invitation.objects.filter(email="bob@example.org").exists()


def test_deleted_member_disappears_from_directory(client, alice, bob, club):
    client.force_login(bob)
    client.post(reverse("members:delete_account"), {"password": PASSWORD})
    client.force_login(alice)
    response = client.get(reverse("members:directory"))
    assert [p.name for p in response.context["page"]] == ["Alice Martin"]
    assert client.get(reverse("members:detail", args=[bob.profile.pk])).status_code == 404


def test_deleted_member_cannot_log_in(client, bob):
    client.force_login(bob)
    client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert not client.login(email="bob@example.org", password=PASSWORD)


def test_sole_member_owner_deletes_account_and_circle(client, charlie):
    circle = make_circle(charlie, "Cercle de Charlie")
    client.force_login(charlie)
    page = client.get(reverse("members:privacy")).content.decode()
    assert "Cercle de Charlie" in page
    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not Circle.objects.filter(pk=circle.pk).exists()
    charlie.refresh_from_db()
    assert not charlie.is_active
