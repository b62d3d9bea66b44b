"""French wording around a circle's name and amounts: « Passerelles du Club des
Entrepreneurs de Lyon » (it read « de Club »), « Bienvenue au Club … », dues « 1 200 € »
(it read « 1200 € »), and one's own profile « Vous n'êtes membre d'aucun cercle. »."""

from django.urls import reverse

from tests.conftest import make_user


def _text(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


def test_the_bridges_page_names_the_club_with_its_article(client, alice, club):
    client.force_login(alice)
    page = _text(client.get(reverse("circles:bridges", args=[club.slug])))
    assert "Passerelles du Club des Entrepreneurs de Lyon" in page
    assert "Passerelles de Club" not in page


def test_dues_are_grouped_by_thousands(client, alice, club):
    club.dues_eur = 1200
    club.save(update_fields=["dues_eur"])
    client.force_login(alice)
    page = _text(client.get(club.get_absolute_url()))
    assert "1\xa0200 €" in page and "1200 €" not in page
    client.cookies["django_language"] = "en"
    assert "€1,200" in _text(client.get(club.get_absolute_url()))


def test_one_s_own_profile_without_circles(client, db):
    loner = make_user("seul@example.org", "Sam", "Seul")
    client.force_login(loner)
    page = _text(client.get(reverse("members:detail", args=[loner.profile.pk])))
    assert "Vous n'êtes membre d'aucun cercle." in page
    assert "Aucun cercle que vous puissiez voir" not in page
    client.cookies["django_language"] = "en"
    page = _text(client.get(reverse("members:detail", args=[loner.profile.pk])))
    assert "You are not a member of any circle." in page
