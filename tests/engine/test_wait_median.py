"""The median of waits some of which are still running (Kaplan-Meier)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.network import kaplan_meier_median, wait_stats


def test_with_every_wait_over_it_is_the_ordinary_median():
    assert kaplan_meier_median([5, 1, 3, 2, 4], [True] * 5) == (3.0, True)


def test_open_waits_count_as_at_least_their_length():
    # 10 days over, one still waiting after 10: half are sure to have waited 10 days or less.
    assert kaplan_meier_median([10, 10], [True, False]) == (10.0, True)
    # One over after 5 days, two still waiting after 20 and 30: never half, so "more than 30".
    assert kaplan_meier_median([5, 20, 30], [True, False, False]) == (30.0, False)
    # A textbook case: S(2)=5/6, S(4)=5/6*3/4=0.625 (3 censored), S(5)=0.625*2/3 < 0.5.
    durations = [2, 3, 4, 5, 6, 7]
    assert kaplan_meier_median(durations, [True, False, True, True, False, True]) == (5.0, True)


def test_no_wait_and_bad_input():
    assert kaplan_meier_median([], []) == (None, False)
    with pytest.raises(ValueError):
        kaplan_meier_median([1, 2], [True])
    with pytest.raises(ValueError):
        kaplan_meier_median([-1], [True])


def test_wait_stats_gives_both_medians_and_the_longest_open_wait():
    # Over after 3 and 5 days; three still waiting since days 0, 10 and 20 (now = 40).
    stats = wait_stats([0, 0, 0, 10, 20], [3, 5, np.nan, np.nan, np.nan], now=40)
    assert stats.median == pytest.approx(4.0)  # the completed waits only
    assert (stats.median_all, stats.median_all_above) == (40.0, True)
    assert stats.waiting == 3 and stats.waiting_longest == 40.0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 1000, allow_nan=False), st.booleans()), min_size=1, max_size=40)
)
def test_never_below_the_median_of_the_waits_as_they_stand(rows):
    """An open wait can only grow: the estimate is at least the median of the lengths so
    far, and at most the longest of them unless it says "more than"."""
    d = np.array([r[0] for r in rows])
    seen = np.array([r[1] for r in rows])
    median, reached = kaplan_meier_median(d, seen)
    assert median is not None and median <= d.max()
    if reached:
        assert seen.any() and median in set(d[seen].tolist())
    else:
        assert median == d.max()
