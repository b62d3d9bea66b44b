"""Figures are rounded, not cut: Django's number_format drops the decimals it does not show,
so a usefulness of 3.8 read « 3 » on its chart, a share of 99.9 % read « 99 % » and a wait
of 12.96 days « 12,9 » in the board's table; the board's table also groups thousands
(« 9 500 », « 9,500 ») while the CSV keeps plain numbers for spreadsheets."""

import datetime as dt
from dataclasses import replace

from django.utils import translation

from passerelles.insights import board, charts
from passerelles.insights.queries import Quarter, QuarterFigures


def test_chart_figures_are_rounded_in_both_languages():
    with translation.override("fr"):
        assert charts.decimal(0)(3.8) == "4"
        assert charts.decimal(1)(12.96) == "13,0"
        assert charts.percent(0.999) == "100 %"
        assert charts.euros(1999.6) == "2\u00a0000 €"
    with translation.override("en"):
        assert charts.decimal(2)(0.666) == "0.67"
        assert charts.percent(0.546) == "55%"
        assert charts.euros(1999.6) == "€2,000"


def _quarter() -> QuarterFigures:
    start = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    return QuarterFigures(
        quarter=Quarter(2026, 4, start, start + dt.timedelta(days=92)),
        members=30,
        new_internal=1,
        new_external=2,
        usefulness=3.96,
        amount_eur=9500,
        dues_eur=2700.0,
    )


def _row(rows: list[dict], title: str) -> list[str]:
    return next(r["cells"] for r in rows if r["title"].startswith(title))


def test_the_boards_table_rounds_and_groups_in_the_readers_writing():
    figures = [_quarter()]
    with translation.override("fr"):
        french = board.by_indicator(figures)
    with translation.override("en"):
        english = board.by_indicator(figures)
    assert _row(french, "Montant des opportunités") == ["9\u00a0500"]
    assert _row(english, "Opportunity value") == ["9,500"]
    assert _row(french, "Utilité moyenne") == ["4,0"]
    assert _row(french, "Liens sortants, nouveaux liens") == ["67"]
    assert _row(french, "Opportunités / cotisations") == ["3,52"]
    csv_row = board.rows(figures)[0]
    assert "9500" in csv_row and "2700" in csv_row


def test_mean_ratings_keep_their_decimal_beside_whole_gridlines():
    """The usefulness chart's dots said « 4 » for a mean of 3.8 (the board's table, 3,8)."""
    with translation.override("fr"):
        chart = charts.circle_charts(_Report([replace(_quarter(), usefulness=3.8)]))["usefulness"]
    assert [t["text"] for t in chart["grid"]] == ["0", "1", "2", "3", "4", "5"]
    assert chart["lines"][0]["points"][0]["text"] == "3,8"
    assert chart["table"]["rows"][0]["cells"][0] == "3,8"


class _Report:
    def __init__(self, quarters):
        self.quarters = quarters
