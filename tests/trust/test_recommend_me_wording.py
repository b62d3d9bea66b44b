"""The page a member opens from an applicant's « recommandez-moi » link gives the count so
far in plain words: « Pour l'instant : 0 recommandation sur 3 » (it said « Déjà 0
recommandation sur 3 »), « So far: 1 recommendation of 3 » in English."""

from urllib.parse import urlparse

from passerelles.circles import actions as circle_actions
from tests.trust.conftest import vouch
from tests.trust.test_recommend_me import _link_on_circle_page


def test_the_count_so_far_reads_well(client, club, alice, bob, newcomer):
    club.cooptation_vouches = 3
    club.save(update_fields=["cooptation_vouches"])
    circle_actions.do_request_to_join(club, "Consultante RSE.", acting_user=newcomer)
    client.force_login(newcomer)
    path = urlparse(_link_on_circle_page(client, club)).path
    client.force_login(bob)
    page = client.get(path).content.decode().replace("&#x27;", "'")
    assert "Pour l'instant : 0 recommandation sur 3." in page and "Déjà" not in page
    vouch(alice, newcomer)
    client.cookies["django_language"] = "en"
    assert "So far: 1 recommendation of 3." in client.get(path).content.decode()
