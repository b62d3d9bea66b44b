"""A circle just created: its dashboard says there are no figures yet where a chart has
none at all (it drew an empty frame with an axis from 0 to 1), in French and in English."""

from django.urls import reverse

from passerelles.insights import charts
from tests.conftest import make_circle, make_user


def test_a_chart_without_any_figure_is_empty():
    nothing = charts.bar_chart("c", "t", "d", ["T1", "T2"], [charts.Series("s", [None, None])])
    zeros = charts.bar_chart("c", "t", "d", ["T1", "T2"], [charts.Series("s", [0, None])])
    assert nothing["empty"] and not zeros["empty"]


def test_a_new_circles_dashboard_says_it_has_no_figures_yet(client, db):
    alice = make_user("alice@example.org", "Alice", "Martin")
    club = make_circle(alice, "Club Tout Neuf")
    client.force_login(alice)
    url = reverse("insights:circle", args=[club.slug])
    html = client.get(url).content.decode()
    waits = html.split('id="chart-waits"', 1)[1].split("</figure>", 1)[0]
    assert "Pas encore de chiffres sur cette période." in waits
    assert "<svg" not in waits
    assert "Voir les chiffres" in waits  # the table is still there, with its dashes
    meetings = html.split('id="chart-meetings"', 1)[1].split("</figure>", 1)[0]
    assert "<svg" in meetings  # none held is a figure: a flat chart at 0
    client.cookies["django_language"] = "en"
    assert "No figures for this period yet." in client.get(url).content.decode()
