"""Two series of a line chart with the same value: one dot would hide the other. They are
drawn side by side, and the chart's description says where."""

from django.utils import translation

from passerelles.insights import charts

QUARTERS = ["T1 2025", "T2 2025", "T3 2025"]


def _shares(new, to_date) -> dict:
    with translation.override("fr"):
        return charts.line_chart(
            "c",
            "Part des liens",
            "Par trimestre.",
            QUARTERS,
            [charts.Series("nouveaux", new), charts.Series("à date", to_date)],
            fmt=charts.percent,
            ticks=charts.PERCENT_TICKS,
        )


def _dots(drawing, quarter: int) -> list[tuple[float, float]]:
    label = QUARTERS[quarter]
    return [
        (float(p["x"]), float(p["y"]))
        for line in drawing["lines"]
        for p in line["points"]
        if p["label"].startswith(label)
    ]


def test_equal_values_are_drawn_side_by_side_and_said():
    chart = _shares([0.4, 0.5, 0.3], [0.1, 0.5, 0.3])
    for drawing in (chart, chart["phone"]):
        (xa, ya), (xb, yb) = _dots(drawing, 1)
        assert ya == yb and xb - xa >= charts.DOT_GAP  # both visible, same height
        (xa, _), (xb, _) = _dots(drawing, 0)
        assert xa == xb  # far apart in height: in line with their quarter
    assert chart["desc"].startswith("Par trimestre. ")
    assert "en T2 2025 et T3 2025 : leurs points" in chart["desc"]
    assert "T1 2025" not in chart["desc"]


def test_no_word_about_ties_when_there_are_none():
    chart = _shares([0.4, 0.9, 0.2], [0.1, 0.5, 0.6])
    assert chart["desc"] == "Par trimestre."
    new, to_date = (line["points"] for line in chart["lines"])
    assert [p["x"] for p in new] == [p["x"] for p in to_date]


def test_the_tie_is_said_in_english_too():
    with translation.override("en"):
        chart = charts.line_chart(
            "c", "t", "d", QUARTERS[:1], [charts.Series("a", [2]), charts.Series("b", [2])]
        )
    assert "side by side" in chart["desc"]
