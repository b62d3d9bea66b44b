"""« Examiner » on an organiser's home leads to that person's request on the members
page (every link went to the top of the list of requests, whichever the person)."""

import pytest

from passerelles.circles.actions import do_request_to_join
from tests.conftest import make_circle, make_user

pytestmark = pytest.mark.django_db


def test_examine_leads_to_the_persons_request(client):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    asks = [
        do_request_to_join(club, acting_user=make_user(f"p{k}@example.org", f"P{k}", "Nom"))
        for k in range(2)
    ]
    client.force_login(claire)
    home = client.get("/accueil/").content.decode()
    members = client.get(f"/cercles/{club.slug}/membres/").content.decode()
    for request in asks:
        assert f'/cercles/{club.slug}/membres/#demande-{request.pk}"' in home
        assert f'id="demande-{request.pk}"' in members
