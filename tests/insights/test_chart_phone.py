"""A chart is also drawn for a phone: narrower, so its text is not shrunk to 6 px; the
quarters under its axis are thinned out when they would touch, the latest always kept."""

from passerelles.insights import charts

QUARTERS = [f"T{q} {y}" for y in (2023, 2024, 2025) for q in (1, 2, 3, 4)]


def _chart(labels):
    return charts.bar_chart(
        "c",
        "t",
        "d",
        labels,
        [charts.Series("a", [1] * len(labels)), charts.Series("b", [2] * len(labels))],
    )


def test_a_phone_drawing_beside_the_wide_one():
    chart = _chart(QUARTERS[-6:])
    assert chart["frame"]["width"] == charts.WIDTH
    assert chart["phone"]["frame"]["width"] == charts.PHONE
    assert len(chart["phone"]["bars"]) == len(chart["bars"]) == 12
    line = charts.line_chart("l", "t", "d", ["a", "b"], [charts.Series("s", [1, 2])])
    assert line["phone"]["frame"]["width"] == charts.PHONE


def test_quarters_under_the_axis_never_touch_and_the_latest_is_named():
    for count in range(1, len(QUARTERS) + 1):
        labels = QUARTERS[-count:]
        for drawing in (_chart(labels), _chart(labels)["phone"]):
            shown = drawing["x_labels"]
            assert shown[-1]["text"] == labels[-1]
            xs = [float(x["x"]) for x in shown]
            room = 7 * len(labels[-1])
            assert all(b - a >= room for a, b in zip(xs, xs[1:], strict=False))
