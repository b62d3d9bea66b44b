"""How many drawings a dashboard makes per request: a chart with figures is drawn twice,
for a desktop and for a phone (the page shows one, insights.css); a chart without any
figure is not drawn at all (both drawings were made, then neither shown: the page says
that there are no figures yet)."""

import collections

import pytest
from django.urls import reverse

from passerelles.insights import charts, queries
from tests.conftest import make_circle, make_user


@pytest.fixture
def drawings(monkeypatch):
    counts: collections.Counter = collections.Counter()
    for name in ("_bars", "_lines", "circle_charts"):
        original = getattr(charts, name)

        def counting(*args, _original=original, _name=name, **kwargs):
            counts[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(charts, name, counting)
    reports = []
    report = queries.circle_report
    monkeypatch.setattr(
        queries, "circle_report", lambda *a, **k: reports.append(1) or report(*a, **k)
    )
    counts["reports"] = 0
    return counts, reports


def test_a_new_circle_s_dashboard_draws_no_empty_chart(client, db, drawings):
    counts, reports = drawings
    alice = make_user("alice@example.org", "Alice", "Martin")
    club = make_circle(alice, "Club des Entrepreneurs de Lyon")
    client.force_login(alice)
    response = client.get(reverse("insights:circle", args=[club.slug]))
    page = response.content.decode()
    shown = [c for c in response.context["charts"].values() if not c["empty"]]
    empty = 5 - len(shown)
    assert empty >= 3 and page.count("Pas encore de chiffres sur cette période.") == empty
    assert len(reports) == 1 and counts["circle_charts"] == 1
    assert counts["_bars"] + counts["_lines"] == 2 * len(shown)  # a desktop's, a phone's
    assert page.count('id="chart-value"') == 1 and "chart chart-wide" in page


def test_a_chart_with_figures_is_drawn_once_for_each_screen():
    labels = ["T1 2026", "T2 2026"]
    bar = charts.bar_chart("b", "B", "d", labels, [charts.Series("s", [1, 2])])
    assert bar["frame"]["width"] == charts.WIDTH and bar["phone"]["frame"]["width"] == charts.PHONE
    empty = charts.line_chart("l", "L", "d", labels, [charts.Series("s", [None, None])])
    assert empty["empty"] and "frame" not in empty and "phone" not in empty
