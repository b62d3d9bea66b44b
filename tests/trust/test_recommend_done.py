"""After « Recommander » on an applicant's « recommandez-moi » link the voucher lands on a
thank-you page that says where the applicant now stands (« Claire Lefèvre a maintenant
1 recommandation sur 3 »), not on the circle's page inviting her to join it."""

from django.urls import reverse

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import MembershipState
from passerelles.trust import applicants
from tests.conftest import make_user
from tests.trust.conftest import vouch

FORM = {"context": "worked_with", "strength": 2, "text": ""}


def _text(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


def test_the_voucher_is_thanked_with_the_applicant_s_progress(client, club, bob, newcomer):
    club.cooptation_vouches = 3
    club.save(update_fields=["cooptation_vouches"])
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    token = applicants.recommend_token(request)
    client.force_login(bob)
    response = client.post(reverse("trust:recommend_me", args=[token]), FORM)
    done = reverse("trust:recommend_done", args=[token])
    assert response.status_code == 302 and response.url == done
    page = _text(client.get(done))
    assert "Merci pour votre recommandation" in page
    assert "Claire Lefèvre a maintenant 1 recommandation sur 3 pour rejoindre" in page
    assert "Demander à rejoindre" not in page  # not the circle's own page

    client.cookies["django_language"] = "en"
    page = _text(client.get(done))
    assert "Claire Lefèvre now has 1 recommendation of 3 to join" in page


def test_the_vouch_that_admits_says_so_once(client, club, alice, bob, newcomer):
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    token = applicants.recommend_token(request)
    vouch(alice, newcomer)
    client.force_login(bob)
    response = client.post(reverse("trust:recommend_me", args=[token]), FORM, follow=True)
    page = _text(response)
    assert page.count("Claire Lefèvre est désormais membre") == 1
    request.refresh_from_db()
    assert request.state == MembershipState.ADMITTED
    # A member of the circle now sees her profile: the page leads there.
    assert reverse("members:detail", args=[newcomer.profile.pk]) in page


def test_only_a_voucher_reads_the_thank_you_page(client, club, bob, newcomer):
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    token = applicants.recommend_token(request)
    done = reverse("trust:recommend_done", args=[token])
    client.force_login(make_user("zoe@example.org", "Zoé", "Astre"))
    assert client.get(done).status_code == 404
    client.force_login(bob)  # may recommend, has not yet: back to the form
    assert client.get(done).url == reverse("trust:recommend_me", args=[token])
    assert client.get(done + "x").status_code in (404, 410)


def test_cancelling_the_recommendation_leads_home(client, club, bob, newcomer):
    request = circle_actions.do_request_to_join(club, acting_user=newcomer)
    token = applicants.recommend_token(request)
    client.force_login(bob)
    page = _text(client.get(reverse("trust:recommend_me", args=[token])))
    assert f'href="{reverse("pages:home")}">Annuler</a>' in page
