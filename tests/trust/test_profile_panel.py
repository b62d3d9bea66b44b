"""Trust on the profile page: a level from the viewer's point of view, and why."""

import pytest
from django.urls import reverse

from passerelles.members.models import Skill
from passerelles.trust.explain import read_trust
from passerelles.trust.models import Endorsement
from tests.conftest import admit, make_user
from tests.trust.conftest import vouch


@pytest.fixture
def paul(club):
    user = make_user("paul@example.org", "Paul", "Moreau")
    admit(user, club)
    return user


def test_unknown_when_nobody_the_viewer_trusts_vouched(club, alice, bob):
    reading = read_trust(alice, bob.pk)
    assert reading.level == "unknown"
    assert reading.label == "Confiance inconnue"
    assert reading.explanations == []


def test_member_of_my_circle_explains_why(club, bridge, alice, paul, erin):
    vouch(paul, erin, context="worked_with")
    reading = read_trust(alice, erin.pk)  # alice has vouched for nobody: her circles speak
    assert reading.from_circles
    assert reading.level != "unknown"
    sentences = [e.sentence for e in reading.explanations]
    assert "Recommandation de Paul Moreau (votre cercle), qui a travaillé avec Erin Blanc" in (
        sentences
    )


def test_engine_paths_from_the_viewer(club, bridge, alice, paul, erin):
    vouch(alice, paul, context="colleague")
    vouch(paul, erin, context="client")
    reading = read_trust(alice, erin.pk)
    assert not reading.from_circles
    assert reading.level == "established"  # a friend of a friend
    assert read_trust(alice, paul.pk).level == "strong"
    first = reading.explanations[0]
    assert first.sentence.startswith("Recommandation de Paul Moreau (votre cercle)")
    assert first.chain == ["Vous", "Paul Moreau", "Erin Blanc"]


def test_people_the_viewer_cannot_see_are_not_named(club, alice, paul, charlie):
    vouch(alice, paul)
    # charlie is outside every circle; paul vouches for him after charlie makes himself visible
    charlie.profile.visibility = "all"
    charlie.profile.save()
    hidden = make_user("hidden@example.org", "Hugo", "Cache")
    hidden.profile.visibility = "circles"
    hidden.profile.save()
    vouch(paul, charlie)
    reading = read_trust(alice, charlie.pk)
    assert all("Hugo" not in e.sentence for e in reading.explanations)


def test_profile_page_shows_badge_reasons_and_actions(client, club, alice, bob, paul):
    skill = Skill.objects.create(name="comptabilité")
    bob.profile.skills.add(skill)
    vouch(paul, bob, context="worked_with")
    client.force_login(alice)
    body = client.get(reverse("members:detail", args=[bob.profile.pk])).content.decode()
    assert "Pourquoi faire confiance ?" in body
    assert "Recommandation de Paul Moreau (votre cercle), qui a travaillé avec Bob Durand" in body
    assert 'data-trust-level="' in body
    assert reverse("trust:vouch", args=[bob.profile.pk]) in body
    assert reverse("trust:endorse", args=[bob.profile.pk, skill.pk]) in body


def test_own_profile_links_to_the_passport(client, club, alice):
    client.force_login(alice)
    body = client.get(reverse("members:detail", args=[alice.profile.pk])).content.decode()
    assert reverse("trust:passport") in body
    assert "Pourquoi faire confiance ?" not in body


def test_endorse_and_withdraw(client, club, alice, bob):
    skill = Skill.objects.create(name="export")
    bob.profile.skills.add(skill)
    client.force_login(alice)
    url = reverse("trust:endorse", args=[bob.profile.pk, skill.pk])
    assert client.post(url).status_code == 302
    assert Endorsement.objects.filter(endorser=alice, member=bob, skill=skill).exists()
    client.post(url, {"withdraw": "1"})
    assert not Endorsement.objects.exists()


def test_cannot_endorse_a_skill_not_on_the_profile(client, club, alice, bob):
    skill = Skill.objects.create(name="plomberie")
    client.force_login(alice)
    response = client.post(reverse("trust:endorse", args=[bob.profile.pk, skill.pk]))
    assert response.status_code == 404


def test_evidence_reached_by_two_paths_is_told_once(club, bridge, alice, bob, paul, erin):
    vouch(alice, paul, context="colleague")
    vouch(alice, bob, context="colleague")
    vouch(paul, erin, context="client")
    vouch(bob, erin, context="client")
    dana_friend = make_user("tom@example.org", "Tom", "Vidal")
    admit(dana_friend, club)
    vouch(erin, dana_friend, context="worked_with")
    sentences = [e.sentence for e in read_trust(alice, dana_friend.pk).explanations]
    assert len(sentences) == len(set(sentences))
    assert any(s.startswith("Recommandation de Erin Blanc") for s in sentences)
