"""A circle created this week: its dashboard starts with this quarter, and says it is too
early to weigh opportunities against dues."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.circles.models import Circle
from passerelles.insights import queries
from tests.conftest import admit, make_circle, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_club(client):
    owner = make_user("claire@example.org", "Claire", "Marchand")
    club = make_circle(owner, "Club de l'Erdre", listed=False, dues_eur=350)
    admit(make_user("jean@example.org", "Jean", "Dupont"), club)
    client.force_login(owner)
    return club


def test_a_new_circles_dashboard_starts_with_the_quarter_it_was_created(client, new_club):
    html = client.get(reverse("insights:circle", args=[new_club.slug])).content.decode()

    board = html.split('id="board-title"', 1)[1].split("</table>", 1)[0]
    assert board.count('<th scope="col">T') == 1
    assert "cumulé sur les" not in html
    assert "× 0,0" not in html
    assert "Trop tôt pour comparer : aucune opportunité enregistrée" in html


def test_the_first_quarters_dues_count_from_the_circles_start(new_club):
    now = timezone.now()
    report = queries.circle_report(new_club, now=now)
    [quarter] = report.quarters
    full = 2 * 350 / 4
    assert 0 <= quarter.dues_eur < full * 0.05  # an hour old, not a full quarter of dues
    assert report.young


def test_an_older_circle_keeps_its_quarters_and_full_dues(new_club):
    a_year_ago = timezone.now() - dt.timedelta(days=600)
    Circle.objects.filter(pk=new_club.pk).update(created_at=a_year_ago)
    new_club.refresh_from_db()
    new_club.memberships.update(requested_at=a_year_ago, admitted_at=a_year_ago)
    report = queries.circle_report(new_club)
    assert len(report.quarters) == 6 and not report.young
    assert report.quarters[-2].dues_eur == pytest.approx(2 * 350 / 4)
