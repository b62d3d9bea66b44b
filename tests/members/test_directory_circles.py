"""The directory says who it lists (members of one's circles, of bridged circles who show
themselves beyond their circle, and those who show themselves to all), and each card names
the circle shared with the viewer, or else the bridged circle the member comes from."""

import re

from django.urls import reverse

from passerelles.members.models import Visibility
from tests.conftest import admit, make_circle, make_user

URL = reverse("members:directory")


def cards(client) -> dict[str, str]:
    page = client.get(URL).content.decode().replace("&#x27;", "'")
    found = re.findall(r'<li class="card">(.*?)</li>', page, re.S)
    return {re.search(r"<h3[^>]*><a[^>]*>([^<]+)</a>", c).group(1): c for c in found}


def test_the_subtitle_tells_the_rule(client, alice, club):
    client.force_login(alice)
    page = client.get(URL).content.decode().replace("&#x27;", "'")
    assert "les membres qui ont choisi de se montrer à tous" in page
    client.cookies["django_language"] = "en"
    assert "members who chose to show themselves to everyone" in client.get(URL).content.decode()


def test_each_card_names_the_circle_shared_with_the_viewer(
    client, alice, bob, charlie, dana, club, bridge
):
    dana.profile.visibility = Visibility.BRIDGED
    dana.profile.save()
    stranger = make_user("zoe@example.org", "Zoé", "Astre")
    make_circle(stranger, "Cercle lointain", listed=True)
    stranger.profile.visibility = Visibility.ALL
    stranger.profile.save()
    second = make_circle(alice, "Cercle des Dirigeants", listed=True)
    admit(bob, second)

    client.force_login(alice)
    shown = cards(client)
    assert (
        "Cercles en commun : Cercle des Dirigeants, Club des Entrepreneurs de Lyon"
        in (shown["Bob Durand"])
    )
    assert "Cercle relié : Anciens de l'École" in shown["Dana Roux"]
    assert "Cercle" not in shown["Zoé Astre"]  # seen because she shows herself to all
    assert "Cercle lointain" not in shown["Zoé Astre"]
    assert "en commun" not in shown["Alice Martin"]  # one's own card
    client.cookies["django_language"] = "en"
    assert "Circle in common: Anciens" not in cards(client)["Dana Roux"]
    assert "Linked circle: Anciens de l'École" in cards(client)["Dana Roux"]
