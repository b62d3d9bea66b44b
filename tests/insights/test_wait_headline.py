"""The dashboard's wait for a first recommendation counts the applicants still waiting."""

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.circles.models import Membership, MembershipState
from passerelles.insights import queries
from passerelles.insights.pdf import key_figures
from tests.conftest import make_circle, make_user
from tests.insights.conftest import NOW, at, member, vouch

pytestmark = pytest.mark.django_db


@pytest.fixture
def club(client, monkeypatch):
    """Two applicants recommended after 3 and 5 days; three still waiting since April and
    May (56, 45 and 40 days on 15 June 2025)."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    owner = make_user("owner@example.org", "Alice", "Martin")
    club = make_circle(owner, "Club", listed=False)
    for name, days in (("bob", 3), ("carl", 5)):
        person = make_user(f"{name}@example.org", name.title(), "Durand")
        member(person, club, admitted=at(2025, 4, 10), requested=at(2025, 4, 1))
        vouch(owner, person, at(2025, 4, 1 + days))
    for name, day in (
        ("dora", at(2025, 4, 20)),
        ("emma", at(2025, 5, 1)),
        ("fred", at(2025, 5, 6)),
    ):
        Membership.objects.create(
            user=make_user(f"{name}@example.org", name.title(), "Roux"),
            circle=club,
            state=MembershipState.PENDING,
            requested_at=day,
        )
    client.force_login(owner)
    return club


def _headline(html: str) -> str:
    return html.split("Attente de la première recommandation", 1)[1].split('<div class="kpi">')[0]


def test_the_headline_counts_those_still_waiting(client, club):
    html = client.get(reverse("insights:circle", args=[club.slug])).content.decode()
    kpi = _headline(html)

    # Completed waits alone give 4 days; with three people waiting 40 to 56 days, fewer
    # than half are sure to have waited less than 56 days.
    assert "plus de 56 j" in kpi
    assert ">4 j<" not in kpi
    assert "médiane des demandes du T2 2025, attentes en cours comprises" in kpi
    assert "3 personnes encore en attente, la plus longue depuis 56 j" in kpi
    assert "Kaplan-Meier" in html  # the method note says how


def test_the_headline_in_english_and_in_the_pdf(client, club):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("insights:circle", args=[club.slug])).content.decode()
    assert "more than 56 d" in html
    assert "3 people still waiting, the longest for 56 d" in html

    report = queries.circle_report(club)
    lines = key_figures(report, queries.circle_summary(report))
    assert any(
        line.endswith(": plus de 56 jours") and "en cours comprises" in line for line in lines
    )
    assert "3 personnes encore en attente, la plus longue depuis 56 jours" in lines


def test_once_most_are_recommended_the_headline_is_a_median(client, club):
    for membership in Membership.objects.filter(circle=club, state=MembershipState.PENDING):
        vouch(
            club.created_by, membership.user, membership.requested_at + (NOW - NOW.replace(day=1))
        )
    html = client.get(reverse("insights:circle", args=[club.slug])).content.decode()
    kpi = _headline(html)
    assert ">14 j<" in kpi  # 3, 5, then three of 14 days: the median, reached
    assert "plus de" not in kpi.split("médiane des demandes", 1)[0]
    assert "Personne n'attend encore." in kpi
