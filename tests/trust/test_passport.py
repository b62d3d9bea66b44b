"""The trust passport: what a member received, by context and circle."""

from django.urls import reverse

from passerelles.members.models import Visibility
from passerelles.trust import queries
from tests.conftest import admit, make_circle, make_user
from tests.trust.conftest import vouch


def test_passport_counts_by_context_and_circle(club, bridge, alice, bob, dana, erin):
    vouch(alice, bob, context="client", text="Très réactif.")
    vouch(dana, bob, context="worked_with")
    vouch(erin, bob, context="worked_with")
    p = queries.passport(bob, alice)
    assert p.vouch_count == 3
    assert dict(p.by_context) == {"A travaillé avec": 2, "Client": 1}
    assert dict(p.by_circle) == {"Anciens de l'École": 2, "Club des Entrepreneurs de Lyon": 1}
    assert [c.circle for c in p.circles] == [club]


def test_passport_hides_people_and_circles_the_viewer_cannot_see(club, alice, bob, charlie):
    secret = make_circle(charlie, "Cercle secret", listed=False)
    stranger = make_user("stranger@example.org", "Sam", "Secret")
    admit(stranger, secret)
    admit(bob, secret)
    stranger.profile.visibility = Visibility.CIRCLES
    stranger.profile.save()
    vouch(stranger, bob, context="colleague")
    p = queries.passport(bob, alice)
    assert [v.voucher_name for v in p.vouches] == ["Un membre de Passerelles"]
    assert p.vouches[0].voucher_profile_id is None
    assert dict(p.by_circle) == {"Autres cercles": 1}


def test_own_passport_page_lists_given_vouches_and_budget(client, club, alice, bob):
    vouch(alice, bob)
    client.force_login(alice)
    body = client.get(reverse("trust:passport")).content.decode()
    assert "Mon passeport de confiance" in body
    assert "Il vous reste 9 recommandations sur 10" in body
    assert "Bob Durand" in body


def test_passport_of_someone_else(client, club, alice, bob):
    vouch(alice, bob, text="Un associé fiable.")
    client.force_login(alice)
    body = client.get(reverse("trust:passport_of", args=[bob.profile.pk])).content.decode()
    assert "Passeport de confiance de Bob Durand" in body
    assert "Un associé fiable." in body
    own = client.get(reverse("trust:passport_of", args=[alice.profile.pk]))
    assert own.status_code == 302


def test_passport_of_an_invisible_member_is_404(client, club, alice, charlie):
    client.force_login(charlie)
    assert client.get(reverse("trust:passport_of", args=[bob_id(club)])).status_code == 404


def bob_id(club):
    return club.memberships.exclude(role="owner").get().user.profile.pk
