"""The passport's headline reads as a rank (« Top 10 % des membres les plus recommandés »),
not as a low score (« 10 % »), and « Cercles des recommandants » says when one voucher
counts under several circles (a vouch does not record the circle it was given from)."""

from django.urls import reverse

from passerelles.trust import queries
from passerelles.trust.snapshots import MemberStanding
from tests.conftest import admit, make_circle
from tests.trust.conftest import vouch


def _page(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("trust:passport")).content.decode().replace("&#x27;", "'")


def test_the_headline_reads_as_a_rank(client, monkeypatch, club, alice, bob):
    vouch(alice, bob)
    monkeypatch.setattr(queries, "standing_of", lambda user: MemberStanding(1.2, 0.92))
    page = _page(client, bob)
    assert "Top 10 %" in page
    assert "des membres les plus recommandés" in page
    assert "parmi les 10 %" not in page
    client.cookies["django_language"] = "en"
    page = client.get(reverse("trust:passport")).content.decode()
    assert "Top 10%" in page and "most recommended members" in page


def test_a_voucher_in_two_circles_is_said_to_count_in_each(
    client, club, bridge, alice, bob, dana, charlie
):
    other = make_circle(charlie, "Jeune Barreau", listed=True)
    admit(dana, other)
    vouch(alice, bob)
    vouch(dana, bob)  # counted under « Anciens de l'École » and « Jeune Barreau »
    passport = queries.passport(bob, bob)
    assert sum(n for _name, n in passport.by_circle) == 3 and passport.vouch_count == 2
    page = _page(client, bob)
    assert "Cercles des recommandants" in page and "Par cercle" not in page
    assert "Une personne membre de plusieurs cercles compte dans chacun." in page

    vouch(bob, alice)  # one circle: no note
    assert "compte dans chacun" not in _page(client, alice)


def test_no_confirmed_skill_is_said_in_words(client, club, bob):
    page = _page(client, bob)
    assert "Aucune pour l'instant : une compétence l'est quand un membre la confirme" in page
    client.cookies["django_language"] = "en"
    page = client.get(reverse("trust:passport")).content.decode().replace("&#x27;", "'")
    assert "None yet: a skill counts once a member confirms it on the profile." in page
