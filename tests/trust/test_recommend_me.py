"""The applicant's side: progress toward admission, the « recommandez-moi » link a member
opens to vouch, and the organiser's warning about a ring of new accounts."""

import datetime
import re
from urllib.parse import urlparse

from django.urls import reverse
from django.utils import timezone

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import AdmissionPolicy, Membership, MembershipState
from passerelles.trust import applicants
from passerelles.trust.models import Vouch
from tests.conftest import admit, make_circle, make_user
from tests.trust.conftest import vouch


def _link_on_circle_page(client, circle) -> str:
    page = client.get(circle.get_absolute_url()).content.decode()
    return re.search(r'id="recommend-link"[^>]*value="([^"]+)"', page).group(1)


def test_the_applicant_sees_progress_and_a_link_to_share(client, club, bob, newcomer):
    club.cooptation_vouches = 3
    club.save(update_fields=["cooptation_vouches"])
    circle_actions.do_request_to_join(club, "Consultante RSE.", acting_user=newcomer)
    client.force_login(newcomer)
    page = client.get(club.get_absolute_url()).content.decode()
    assert "0 recommandation sur 3" in page
    assert "Encore 3 recommandations avant votre admission." in page

    vouch(bob, newcomer)
    page = client.get(club.get_absolute_url()).content.decode()
    assert "1 recommandation sur 3" in page and "1 recommandations" not in page
    assert "Encore 2 recommandations" in page
    assert "/confiance/recommandez-moi/" in _link_on_circle_page(client, club)


def test_a_member_vouches_from_the_link_and_the_applicant_is_admitted(
    client, club, alice, bob, newcomer
):
    request = circle_actions.do_request_to_join(club, "Consultante RSE.", acting_user=newcomer)
    client.force_login(newcomer)
    link = _link_on_circle_page(client, club)
    path = urlparse(link).path

    vouch(alice, newcomer)
    client.force_login(bob)
    page = client.get(path).content.decode()
    assert "Claire Lefèvre demande à rejoindre « Club des Entrepreneurs de Lyon »" in page
    assert "Consultante RSE." in page
    response = client.post(path, {"context": "worked_with", "strength": 2, "text": ""}, follow=True)
    assert "Claire Lefèvre est désormais membre" in response.content.decode()
    request.refresh_from_db()
    assert request.state == MembershipState.ADMITTED
    assert client.get(path).status_code == 410  # answered: the link is spent


def test_only_members_of_the_circle_open_the_link(client, club, dana, newcomer):
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    path = reverse("trust:recommend_me", args=[applicants.recommend_token(request)])
    outsider = make_user("zoe@example.org", "Zoé", "Astre")
    client.force_login(outsider)
    response = client.post(path, {"context": "worked_with", "strength": 2})
    assert response.status_code == 403
    assert "Seuls les membres" in response.content.decode()
    client.force_login(newcomer)
    assert client.get(path).status_code == 403  # not one's own vouch
    assert not Vouch.objects.exists()
    assert client.get(path + "x").status_code in (404, 410)
    client.logout()
    assert client.get(path).status_code == 302  # to sign in


def test_the_organiser_sees_a_ring_of_new_accounts(client, club, alice, bob, newcomer):
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    ring = [make_user(f"r{i}@example.org", f"R{i}", "Anneau") for i in range(3)]
    for user in ring:
        user.profile.visibility = "all"
        user.profile.save()
    newcomer.profile.visibility = "all"
    newcomer.profile.save()
    for a in ring:
        for b in ring:
            if a != b and not Vouch.objects.filter(voucher=a, vouchee=b).exists():
                vouch(a, b)
        vouch(a, newcomer)
    client.force_login(alice)
    page = client.get(reverse("circles:members", args=[club.slug])).content.decode()
    assert "Recommandations à vérifier" in page
    assert "Ses 3 recommandations viennent toutes de comptes créés il y a moins de 30 jours" in page
    assert "assurez-vous que ces personnes connaissent vraiment son travail" in page

    # Old accounts are not a ring, even when they know each other.
    old = timezone.now() - datetime.timedelta(days=400)
    type(newcomer).objects.filter(pk__in=[u.pk for u in ring]).update(date_joined=old)
    page = client.get(reverse("circles:members", args=[club.slug])).content.decode()
    assert "Recommandations à vérifier" not in page
    assert Membership.objects.get(pk=request.pk).state == MembershipState.PENDING


def test_new_accounts_that_do_not_know_each_other_are_no_ring(club, newcomer):
    a, b = make_user("a@example.org"), make_user("b@example.org")
    for user in (a, b, newcomer):
        user.profile.visibility = "all"
        user.profile.save()
    vouch(a, newcomer)
    vouch(b, newcomer)
    assert applicants.vouch_ring(newcomer.pk) is None
    vouch(a, b)
    assert applicants.vouch_ring(newcomer.pk).size == 2


def test_ring_density_counts_pairs_either_way():
    pairs = {frozenset((1, 2)), frozenset((2, 3))}
    assert applicants.ring_density(pairs, [1, 2, 3]) == 2 / 3
    assert applicants.ring_density(set(), [1]) == 0.0


def test_an_applicant_to_a_trust_threshold_circle_sees_how_far_its_trust_has_come(
    client, newcomer, django_capture_on_commit_callbacks
):
    owner = make_user("seuil@example.org", "Sophie", "Seuil")
    circle = make_circle(
        owner, "Cercle à seuil", admission_policy=AdmissionPolicy.TRUST, trust_threshold=0.75
    )
    members = [owner] + [make_user(f"m{i}@example.org", f"M{i}") for i in range(4)]
    for member in members[1:]:
        admit(member, circle)
    for a in members:
        for b in members:
            if a != b:
                vouch(a, b)
    newcomer.profile.visibility = "all"
    newcomer.profile.save()
    circle_actions.do_request_to_join(circle, acting_user=newcomer)
    client.force_login(newcomer)
    page = client.get(circle.get_absolute_url()).content.decode()
    assert "Confiance du cercle : 0 % du seuil d'admission" in page
    assert "recommandation sur" not in page
    assert "/confiance/recommandez-moi/" in _link_on_circle_page(client, circle)

    with django_capture_on_commit_callbacks(execute=True):
        vouch(members[1], newcomer, strength=3)  # about two thirds of the way
    page = client.get(circle.get_absolute_url()).content.decode()
    share = int(re.search(r"Confiance du cercle : (\d+) %", page).group(1))
    assert 0 < share < 100
