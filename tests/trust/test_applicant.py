"""The admin's view of an applicant: vouches by origin, score against the threshold."""

from django.urls import reverse

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import Membership, MembershipState
from passerelles.members.models import Visibility
from tests.trust.conftest import vouch


def test_admin_sees_vouches_by_origin_and_the_rule(
    client, club, bridge, alice, bob, dana, newcomer
):
    newcomer.profile.visibility = Visibility.ALL
    newcomer.profile.save()
    request = circle_actions.do_request_to_join(club, "Consultante RSE.", acting_user=newcomer)
    vouch(dana, newcomer, context="client", text="Mission réussie.")
    client.force_login(alice)
    response = client.get(reverse("trust:applicant", args=[club.slug, request.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Candidature de Claire Lefèvre" in body
    assert "1 / 2" in body
    assert "Mission réussie." in body
    assert "Ne passe pas encore" in body


def test_members_and_other_circles_admins_get_404(client, club, bridge, bob, dana, newcomer):
    newcomer.profile.visibility = Visibility.ALL
    newcomer.profile.save()
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    url = reverse("trust:applicant", args=[club.slug, request.pk])
    for user in (bob, dana, newcomer):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_inviting_someone_does_not_open_their_trust_data(client, club, alice, charlie):
    """An owner who invites a stranger's e-mail gets no window on them: the invitation
    creates a membership, but not a request."""
    charlie.profile.visibility = Visibility.CIRCLES
    charlie.profile.headline = "Directeur discret"
    charlie.profile.save()
    circle_actions.do_invite(club, charlie.email, acting_user=alice)
    invited = Membership.objects.get(circle=club, user=charlie)
    assert invited.state == MembershipState.INVITED
    client.force_login(alice)
    response = client.get(reverse("trust:applicant", args=[club.slug, invited.pk]))
    assert response.status_code == 404
    assert "Directeur discret" not in response.content.decode()


def test_a_declined_request_stays_readable_and_wording_is_french(client, club, alice, newcomer):
    newcomer.profile.visibility = Visibility.ALL
    newcomer.profile.save()
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    circle_actions.do_decline(request, acting_user=alice)
    client.force_login(alice)
    response = client.get(reverse("trust:applicant", args=[club.slug, request.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "cooptation" in body and "co-optation" not in body


def test_an_applicant_who_shows_their_profile_only_to_their_circles_leads_to_no_404(
    client, club, alice, newcomer
):
    """The admin's view of an applicant links to the profile and the passport only when
    the admin may open them; otherwise it says why (both links led to « page introuvable »)."""
    newcomer.profile.visibility = Visibility.CIRCLES
    newcomer.profile.save()
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    client.force_login(alice)
    body = client.get(reverse("trust:applicant", args=[club.slug, request.pk])).content.decode()
    for url in (
        reverse("trust:passport_of", args=[newcomer.profile.pk]),
        reverse("members:detail", args=[newcomer.profile.pk]),
    ):
        assert client.get(url).status_code == 404
        assert f'href="{url}"' not in body
    assert "vous les verrez une fois sa demande acceptée" in body
