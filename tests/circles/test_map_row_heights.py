"""The circles map: each row of cities is as tall as its own circles need. Every row took
the height of the tallest (a city with many circles, a name over three lines), leaving a
blank band under the rows of one or two circles."""

from types import SimpleNamespace

from passerelles.circles.map import LABEL_LINE, circle_map

LONG = "Association des Anciens Élèves de l'École Supérieure de Commerce de Lyon"


def _circle(pk, name, city):
    return SimpleNamespace(pk=pk, name=name, city=city, get_absolute_url=lambda: f"/c/{pk}/")


def _blank_under_each_row(picture) -> list[float]:
    """Per row of cities, the px between its lowest name and the next row (or the end)."""
    tops = sorted({c["y"] - 22 for c in picture["cities"]}) + [picture["height"] - 10]
    gaps = []
    for top, next_top in zip(tops, tops[1:], strict=False):
        lowest = max(
            n["label_y"] + LABEL_LINE * (len(n["lines"]) - 1)
            for n in picture["nodes"]
            if top <= n["y"] < next_top
        )
        gaps.append(next_top - lowest)
    return gaps


def test_no_blank_band_under_a_short_row():
    crowded = [_circle(k, f"{LONG} {k}", "Lyon") for k in range(1, 7)]  # 3 lines of 2
    single = [_circle(10 + k, f"Club {k}", city) for k, city in enumerate(["A", "B", "C", "D"])]
    picture = circle_map([*crowded, *single], [])
    gaps = _blank_under_each_row(picture)
    assert len(gaps) == 2
    assert all(0 < gap <= 40 for gap in gaps), gaps  # room for the names, no band
    names = {n["id"]: n for n in picture["nodes"]}
    assert names[1]["lines"][0].startswith("Association")  # names still whole


def test_an_empty_map_keeps_a_small_frame():
    assert 0 < circle_map([], [])["height"] < 200
