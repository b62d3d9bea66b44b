"""Journey 6: at the end of the quarter the organiser opens the circle's dashboard, sees the
circle opening up, newcomers trusted sooner, useful meetings and opportunities above the
dues, and exports the figures for the board."""

import datetime as dt
import itertools
from pathlib import Path

import pytest
from django.utils import timezone

from passerelles.circles.models import CircleKind, Membership, MembershipState
from passerelles.insights.queries import recent_quarters
from tests.conftest import make_circle, make_user
from tests.e2e.conftest import LABEL_ROOM, login, screenshot
from tests.insights.conftest import meeting, member, vouch

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WAITS = [95, 70, 45, 24, 9, 3]  # days to a first recommendation, quarter by quarter


def _story():
    """Six quarters of a club that opens up: more ties leave it, newcomers wait less."""
    now = timezone.now()
    quarters = recent_quarters(6, now)
    long_ago = quarters[0].start - dt.timedelta(days=200)
    alice = make_user("alice@example.org", "Alice", "Martin")
    club = make_circle(alice, "Club des Entrepreneurs de Lyon", dues_eur=360)
    dana = make_user("dana@example.org", "Dana", "Roux")
    alumni = make_circle(dana, "Anciens de l'École de Commerce", kind=CircleKind.ALUMNI)
    insiders = [alice] + [make_user(f"m{i}@example.org", f"Membre{i}", "Club") for i in range(9)]
    outsiders = [make_user(f"o{i}@example.org", f"Ancien{i}", "École") for i in range(14)]
    for person in insiders:
        member(person, club, long_ago)
    for person in outsiders:
        member(person, alumni, long_ago)
    inside_pairs = itertools.combinations(insiders, 2)
    outside_pairs = itertools.product(insiders, outsiders)
    ids = itertools.count(1)

    def when(quarter, days):
        return min(quarter.start + dt.timedelta(days=days), now - dt.timedelta(hours=1))

    for k, quarter in enumerate(quarters):
        for j in range(6 - k):  # ties inside the club
            a, b = next(inside_pairs)
            vouch(a, b, when(quarter, 5 + j))
        for j in range(k + 1):  # ties that leave it: meetings, often useful
            a, b = next(outside_pairs)
            meeting(a, b, when(quarter, 6 + j).date(), (3 + k // 2, 4), source_id=next(ids))
        amount = 250 * (k + 1) ** 2
        a, b = next(outside_pairs)
        meeting(a, b, when(quarter, 12).date(), (4, 4), source_id=next(ids),
                opportunity="business", amount_eur=amount)  # fmt: skip
        newcomer = make_user(f"n{k}@example.org", f"Nouveau{k}", "Venu")
        asked = when(quarter, 2)
        admitted = when(quarter, 2 + WAITS[k] // 2 + 5)
        Membership.objects.create(
            user=newcomer,
            circle=club,
            state=MembershipState.ADMITTED,
            requested_at=asked,
            admitted_at=max(admitted, asked),
        )
        vouch(insiders[k + 1], newcomer, max(when(quarter, 2 + WAITS[k]), asked))
    return alice, club


def test_organiser_reads_the_dashboard_and_exports_it(new_page, live_server):
    alice, club = _story()
    page = new_page(1280, 900)
    login(page, alice.email)
    page.goto(f"/tableaux-de-bord/cercle/{club.slug}/")
    assert page.get_by_role("heading", name="Tableau de bord du cercle").is_visible()
    charts = page.locator("figure.chart svg[role=img]")
    assert charts.count() == 5
    assert page.get_by_text("Part des liens qui sortent du cercle").first.is_visible()
    kpi = page.locator(".kpi").first
    assert "points" in kpi.inner_text()  # the share of ties leaving went up, with its trend
    page.locator("summary", has_text="Voir les chiffres").first.click()
    assert page.locator(".chart-data table").first.is_visible()
    page.locator("summary", has_text="Voir les chiffres").first.click()
    # The period selector shows its whole choice (« 18 mois (6 trimestres) »), not cut.
    room = page.eval_on_selector("select[name=trimestres]", LABEL_ROOM)
    assert room >= 0, f"the period's label is cut by {-room:.0f} px"
    screenshot(page, "dashboard")

    with page.expect_download() as info:
        page.get_by_role("link", name="Exporter pour le bureau (CSV)").click()
    download = info.value
    assert download.suggested_filename.startswith(f"{club.slug}-tableau-de-bord-")
    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("\ufeffTrimestre;Membres;")
    assert len(content.strip().splitlines()) == 7  # header + six quarters

    page.goto(f"/tableaux-de-bord/cercle/{club.slug}/?imprimer=1")
    assert page.locator("details.chart-data[open]").count() == 5
