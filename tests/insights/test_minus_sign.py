"""A closed circle's E-I index read « -0,60 » (a hyphen) beside a scale « de −1 à +1 »: the
pages and the PDF write one minus sign (U+2212), the CSV keeps the hyphen spreadsheets read.
The board's titles say « (%) » once, not « Liens sortants (nouveaux) (%) »."""

import datetime as dt

from django.utils import translation

from passerelles.insights import board
from passerelles.insights.queries import Quarter, QuarterFigures


def _closed_quarter() -> QuarterFigures:
    start = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    return QuarterFigures(
        quarter=Quarter(2026, 4, start, start + dt.timedelta(days=92)),
        members=12,
        new_internal=4,
        new_external=1,
    )


def _row(rows: list[dict], title: str) -> list[str]:
    return next(r["cells"] for r in rows if r["title"].startswith(title))


def test_a_negative_index_reads_with_a_minus_sign_and_the_csv_keeps_the_hyphen():
    figures = [_closed_quarter()]
    with translation.override("fr"):
        page = board.by_indicator(figures)
    with translation.override("en"):
        english = board.by_indicator(figures)
    assert _row(page, "Ouverture, indice E-I (nouveaux liens)") == ["\u22120,60"]
    assert _row(english, "Openness")[0] == "\u22120.60"
    csv_row = dict(zip(board.headers(), board.rows(figures)[0], strict=True))
    assert csv_row["Ouverture, indice E-I (nouveaux liens)"] == "-0,60"


def test_each_title_has_one_pair_of_brackets():
    with translation.override("fr"):
        titles = board.headers()
    assert "Liens sortants, nouveaux liens (%)" in titles
    assert all(t.count("(") <= 1 for t in titles)
