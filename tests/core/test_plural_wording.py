"""Counts read as French: « 1 recommandation reçue », « 1 mise en relation », no « (s) »."""

from django.urls import reverse

from passerelles.intros.models import Round
from passerelles.intros.rounds import round_summary
from tests.trust.conftest import vouch


def test_a_round_summary_agrees_with_its_counts():
    one = Round(introductions=1, participants=1, cross_circle=0)
    assert round_summary(one) == "1 mise en relation pour 1 participant, dont 0 entre cercles."
    many = Round(introductions=3, participants=6, cross_circle=2)
    assert round_summary(many) == "3 mises en relation pour 6 participants, dont 2 entre cercles."


def test_the_passport_says_one_recommendation_in_the_singular(client, alice, bob, club):
    vouch(bob, alice)
    client.force_login(alice)
    page = client.get(reverse("trust:passport")).content.decode()
    assert '<div class="stat-label">recommandation reçue</div>' in page
    assert '<div class="stat-label">recommandations reçues</div>' not in page
    assert "rencontre confirmée des deux côtés" in page  # none yet: singular in French
