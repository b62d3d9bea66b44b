"""A circle's dashboard on a desktop: opening one chart's figures (« Voir les chiffres »)
lengthens that chart's card only; its neighbour on the row kept the same height, a blank
band of some 300 px under its legend."""

import pytest

from tests.e2e.conftest import login, screenshot
from tests.e2e.test_insights_journey import _story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BLANK_UNDER = """fig => { const box = fig.getBoundingClientRect();
    const last = fig.lastElementChild.getBoundingClientRect();
    return box.bottom - last.bottom; }"""


def test_a_chart_s_figures_open_without_a_blank_band_under_its_neighbour(new_page, live_server):
    alice, club = _story()
    page = new_page(1280, 800)
    login(page, alice.email)
    page.goto(f"/tableaux-de-bord/cercle/{club.slug}/")
    first, second = page.locator("figure.chart").nth(0), page.locator("figure.chart").nth(1)
    assert first.bounding_box()["y"] == second.bounding_box()["y"]  # side by side
    first.locator("details summary").click()
    assert first.locator("details table").is_visible()
    assert second.evaluate(BLANK_UNDER) < 30, "a blank band under the neighbour's legend"
    assert first.bounding_box()["height"] > second.bounding_box()["height"] + 100
    screenshot(page, "dashboard-figures-open")
