"""The dashboards on a phone. The circle's charts are drawn for a small screen: their
numbers and quarters read at a legible size (the desktop drawing, shrunk, wrote them in
6 px) and the quarters under the axis do not run into each other; on a desktop the wide
drawing shows. The platform's tables say what they list above their scrolling frame (the
sentence, a caption as wide as the table, was cut at the screen's edge). The platform's
map writes each circle's whole name over lines, no two names overlapping (they ran into
each other on one line), and on a phone keeps a legible size, scrolling in its frame."""

import pytest

from tests.conftest import make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.e2e.test_insights_journey import _story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXT_BOXES = """svg => [...svg.querySelectorAll('text')]
    .filter(t => t.getClientRects().length)
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent, left: r.left, right: r.right, height: r.height,
                        axis: !!t.closest('.x-labels')}; })"""


def _charts(page) -> list[list[dict]]:
    return page.eval_on_selector_all(
        "figure.chart svg.chart-picture", f"svgs => svgs.map({TEXT_BOXES})"
    )


def test_charts_read_on_a_phone(new_page, live_server):
    alice, club = _story()
    page = new_page(375, 812)
    login(page, alice.email)
    page.goto(f"/tableaux-de-bord/cercle/{club.slug}/")
    charts = _charts(page)
    assert len(charts) == 5
    for texts in charts:
        assert texts, "a chart shows no text"
        small = [t["text"] for t in texts if t["height"] < 11]
        assert not small, f"written too small on a phone: {small}"
        quarters = [t for t in texts if t["axis"]]
        assert quarters, "a chart names no quarter"
        for left, right in zip(quarters, quarters[1:], strict=False):
            assert left["right"] < right["left"], (left["text"], right["text"])
    screenshot(page, "dashboard-phone")

    desktop = new_page(1280, 900)
    login(desktop, alice.email)
    desktop.goto(f"/tableaux-de-bord/cercle/{club.slug}/")
    assert desktop.locator("svg.at-full").first.is_visible()
    assert not desktop.locator("svg.at-phone").first.is_visible()


def test_platform_tables_say_what_they_list_on_a_phone(new_page, live_server):
    operator = make_user("ops@example.org", "Opé", "Rateur", is_staff=True)
    for name in ("Club des Entrepreneurs de Lyon", "Réseau Recommandation Lyon Vaise"):
        make_circle(operator, name)
    page = new_page(375, 812)
    login(page, operator.email)
    page.goto("/tableaux-de-bord/plateforme/")
    tables = page.locator("section[aria-labelledby=circles-title] table")
    assert tables.count() == 3
    for k in range(3):
        lead = page.locator(f"#{tables.nth(k).get_attribute('aria-labelledby')}")
        box = lead.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, lead.inner_text()
    assert tables.first.get_attribute("aria-labelledby") == "circles-brokerage-caption"
    screenshot(page, "platform-phone")


MAP_NAMES = """svg => [...svg.querySelectorAll('a text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            height: r.height / t.querySelectorAll('tspan').length}; })"""


def _overlap(a: dict, b: dict) -> bool:
    return not (
        a["right"] <= b["left"]
        or b["right"] <= a["left"]
        or a["bottom"] <= b["top"]
        or b["bottom"] <= a["top"]
    )


def test_the_platform_map_names_every_circle_legibly(new_page, live_server):
    operator = make_user("ops@example.org", "Opé", "Rateur", is_staff=True)
    for name, city in (
        ("Alumni École de Commerce Nord", "Lille"),
        ("Club Commerce & Centre-ville Lille", "Lille"),
        ("Alumni École de Commerce Rhône", "Lyon"),
        ("Club des Entrepreneurs de Lyon", "Lyon"),
        ("Femmes Entrepreneures Rhône", "Lyon"),
        ("Réseau Recommandation Marseille Prado", "Marseille"),
    ):
        make_circle(operator, name, city=city)
    for width, height in ((1280, 900), (375, 812)):
        page = new_page(width, height)
        login(page, operator.email)
        page.goto("/tableaux-de-bord/plateforme/")
        names = page.eval_on_selector(".map svg", MAP_NAMES)
        assert len(names) == 6
        for i, a in enumerate(names):
            assert min(b["height"] for b in names) >= 10, f"{width}px: names too small"
            for b in names[i + 1 :]:
                assert not _overlap(a, b), (width, a["text"], b["text"])
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"platform-map-{width}")


def test_the_figures_table_keeps_its_labels_beside_the_values_on_a_phone(new_page, live_server):
    """The board's label column alone was wider than the phone (367 px of 358): the values
    were never beside their label. Labels now wrap in a column that stays put while the
    quarters scroll sideways under it."""
    alice, club = _story()
    page = new_page(390, 844)
    login(page, alice.email)
    page.goto(f"/tableaux-de-bord/cercle/{club.slug}/")
    frame = page.locator("section[aria-labelledby=board-title] .table-wrap")
    frame.scroll_into_view_if_needed()
    label = frame.locator("tbody th").first
    value = frame.locator("tbody tr").first.locator("td").first
    assert label.bounding_box()["width"] <= 390 / 2
    assert value.bounding_box()["x"] + value.bounding_box()["width"] <= 390  # beside it
    frame.evaluate("e => e.scrollLeft = e.scrollWidth")
    last = frame.locator("tbody tr").first.locator("td").last
    assert label.bounding_box()["x"] == pytest.approx(frame.bounding_box()["x"], abs=2)
    assert last.bounding_box()["x"] >= label.bounding_box()["x"] + label.bounding_box()["width"] - 1
    screenshot(page, "dashboard-table-phone")
