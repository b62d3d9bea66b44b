"""A profile page shows what a member chose to show, to those allowed to see it."""

from django.urls import reverse

from passerelles.members.models import Skill, Visibility
from tests.conftest import make_circle


def url(user) -> str:
    return reverse("members:detail", args=[user.profile.pk])


def fill(user):
    profile = user.profile
    profile.headline = "Experte en export"
    profile.organisation = "Roux Conseil"
    profile.city = "Villeurbanne"
    profile.department = "69"
    profile.sector = "M"
    profile.offers = "Ouvrir le marché allemand"
    profile.needs = "Un atelier de mécanique"
    profile.themes = ",monde,savoir,"
    profile.languages = ",fr,de,"
    profile.links = "https://roux.example.org/\njavascript:alert(1)\nftp://files.example.org"
    profile.save()
    profile.skills.add(Skill.objects.create(name="export"), Skill.objects.create(name="douane"))
    return profile


def test_own_profile(client, charlie):
    client.force_login(charlie)
    response = client.get(url(charlie))
    assert response.status_code == 200
    assert "Modifier mon profil" in response.content.decode()


def test_member_of_my_circle(client, alice, bob, club):
    client.force_login(alice)
    assert client.get(url(bob)).status_code == 200


def test_outsider_is_404(client, alice, charlie, club):
    client.force_login(alice)
    assert client.get(url(charlie)).status_code == 404


def test_unknown_profile_is_404(client, alice):
    client.force_login(alice)
    assert client.get(reverse("members:detail", args=[99999])).status_code == 404


def test_bridged_member_visible_when_bridged(client, alice, dana, bridge):
    dana.profile.visibility = Visibility.BRIDGED
    dana.profile.save()
    client.force_login(alice)
    assert client.get(url(dana)).status_code == 200


def test_bridged_member_hidden_when_circles_only(client, alice, dana, bridge):
    dana.profile.visibility = Visibility.CIRCLES
    dana.profile.save()
    client.force_login(alice)
    assert client.get(url(dana)).status_code == 404


def test_visible_to_all(client, charlie, dana):
    dana.profile.visibility = Visibility.ALL
    dana.profile.save()
    client.force_login(charlie)
    assert client.get(url(dana)).status_code == 200


def test_anonymous_is_sent_to_login(client, bob):
    assert client.get(url(bob)).status_code == 302


def test_shows_profile_content(client, alice, dana, bridge):
    fill(dana)
    client.force_login(alice)
    html = client.get(url(dana)).content.decode()
    for text in [
        "Dana Roux",
        ">DR<",
        "Experte en export",
        "Roux Conseil",
        "Villeurbanne (69)",
        "Activités spécialisées, scientifiques et techniques",
        "Ouvrir le marché allemand",
        "Un atelier de mécanique",
        "export",
        "douane",
        "badge-axis-monde",
        "La contemplation du monde",
        "L&#x27;expérience et la connaissance",
        "Français, Allemand",
    ]:
        assert text in html, text


def test_only_http_links_are_rendered(client, alice, dana, bridge):
    fill(dana)
    client.force_login(alice)
    html = client.get(url(dana)).content.decode()
    assert 'href="https://roux.example.org/"' in html
    assert 'rel="nofollow noopener noreferrer"' in html
    assert "javascript:" not in html
    assert "ftp://" not in html


def test_text_is_escaped(client, alice, bob, club):
    bob.profile.offers = "<script>alert('x')</script>"
    bob.profile.save()
    client.force_login(alice)
    html = client.get(url(bob)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_lists_circles_the_viewer_may_see(client, alice, dana, bridge, club, alumni):
    secret = make_circle(dana, "Cercle privé de Dana", listed=False)
    client.force_login(alice)
    html = client.get(url(dana)).content.decode()
    assert "Anciens de l&#x27;École" in html
    assert "Cercle privé de Dana" not in html
    assert secret.name not in html


def test_has_places_for_trust_panel_and_actions(client, alice, bob, club):
    client.force_login(alice)
    response = client.get(url(bob))
    used = [t.name for t in response.templates]
    assert "members/_trust_panel.html" in used
    assert "members/_profile_actions.html" in used
