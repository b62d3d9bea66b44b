"""The charts' y-axis: round ticks that cover the data, each with its own label, in the
reader's writing. Small counts (a quarter's waits or meetings) read « 0, 0, 0, 0, 1 »."""

import pytest
from django.utils import translation
from hypothesis import example, given
from hypothesis import strategies as st

from passerelles.insights import charts

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
counts = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12)
FORMATTERS = {
    "whole": charts.WHOLE,
    "two places": charts.decimal(2),
    "euros": charts.euros,
    "percent": charts.percent,
}


def _grid(numbers, fmt) -> list[str]:
    chart = charts.bar_chart(
        "c", "t", "d", [str(i) for i in numbers], [charts.Series("s", numbers)], fmt
    )
    return [t["text"] for t in chart["grid"]]


@given(low=values, high=values)
@example(low=0.0, high=5e-324)  # a subnormal range: no logarithm to step by
@example(low=1e6, high=1e6 + 1e-7)
def test_ticks_increase_and_cover_the_data(low, high):
    low, high = min(low, high), max(low, high)
    ticks = charts.nice_ticks(low, high)
    assert len(ticks) >= 2
    assert all(a < b for a, b in zip(ticks, ticks[1:], strict=False))
    slack = 1e-9 * max(1.0, abs(low), abs(high))
    assert ticks[0] <= low + slack and ticks[-1] >= high - slack
    assert len(ticks) <= 7


@pytest.mark.parametrize("name", FORMATTERS)
@given(low=values, high=values)
def test_each_tick_has_its_own_label(name, low, high):
    fmt = FORMATTERS[name]
    low, high = min(low, high), max(low, high)
    ticks = charts.nice_ticks(low, high, resolution=fmt.resolution)
    with translation.override("fr"):
        labels = [fmt(t) for t in ticks]
    assert len(set(labels)) == len(labels)


@given(counts)
def test_counts_are_ticked_on_whole_numbers(numbers):
    ticks = charts.nice_ticks(0, max(numbers), resolution=charts.WHOLE.resolution)
    assert all(t == int(t) for t in ticks)
    assert ticks[0] <= min(numbers) and ticks[-1] >= max(numbers)


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([0, 1, 0, 0], ["0", "1"]),
        ([0, 0, 0, 0], ["0", "1"]),
        ([1, 3, 2, 0], ["0", "1", "2", "3"]),
        ([2, 7, 5, 1], ["0", "2", "4", "6", "8"]),
    ],
)
def test_a_few_meetings_read_as_whole_numbers(numbers, expected):
    with translation.override("fr"):
        assert _grid(numbers, charts.WHOLE) == expected


def test_ticks_in_the_readers_language():
    with translation.override("fr"):
        assert _grid([0, 1500, 12_000], charts.WHOLE) == [
            "0",
            "5\u00a0000",
            "10\u00a0000",
            "15\u00a0000",
        ]
        assert _grid([0.1, 0.4], charts.decimal(2))[1] == "0,10"
    with translation.override("en"):
        assert _grid([0, 1500, 12_000], charts.WHOLE) == ["0", "5,000", "10,000", "15,000"]
        assert _grid([0.1, 0.4], charts.decimal(2))[1] == "0.10"


def test_a_formatter_without_resolution_still_gets_distinct_labels():
    def rounded(value: float) -> str:
        return str(round(value))

    chart = charts.bar_chart("c", "t", "d", ["a", "b"], [charts.Series("s", [0, 1])], rounded)
    labels = [t["text"] for t in chart["grid"]]
    assert len(set(labels)) == len(labels) and labels[0] == "0" and labels[-1] == "1"
