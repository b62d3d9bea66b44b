"""Tests for insularity, brokerage and waiting times (no Django, no database)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.network import (
    betweenness,
    circle_graph,
    circle_ties,
    ei_index,
    external_share,
    member_brokerage,
    overall_ties,
    per_period_mean,
    per_period_sum,
    period_of,
    wait_stats,
)

# Two circles: members 0, 1, 2 in circle 0; 3, 4 in circle 1; member 2 in both; 5 in none.
MEMBERS = [0, 1, 2, 2, 3, 4]
CIRCLES = [0, 0, 0, 1, 1, 1]


def test_ei_index_known_values():
    assert ei_index(3, 1) == pytest.approx(-0.5)
    assert ei_index(0, 4) == pytest.approx(1.0)
    assert ei_index([2, 0], [2, 0]).tolist()[0] == 0.0
    assert math.isnan(ei_index([2, 0], [2, 0]).tolist()[1])
    assert external_share(3, 1) == pytest.approx(0.25)


def test_ei_index_rejects_bad_counts():
    with pytest.raises(ValueError, match="non-negative"):
        ei_index(-1, 2)
    with pytest.raises(ValueError, match="same shape"):
        ei_index([1, 2], [1])


def test_circle_ties_counts_internal_and_external():
    # 0-1 internal to circle 0; 3-4 internal to 1; 1-3 crosses; 2-3 internal to circle 1
    # (2 belongs to both) and external to circle 0; 0-5 leaves circle 0.
    src = [0, 3, 1, 2, 0]
    dst = [1, 4, 3, 3, 5]
    ties = circle_ties(src, dst, MEMBERS, CIRCLES, 6, 2)
    assert ties.internal.tolist() == [1, 2]
    assert ties.external.tolist() == [3, 1]
    assert ties.ei.tolist() == pytest.approx([0.5, -1 / 3])
    assert ties.share_out.tolist() == pytest.approx([0.75, 1 / 3])


def test_overall_ties_share_a_circle_or_not():
    src = [0, 3, 1, 2, 0]
    dst = [1, 4, 3, 3, 5]
    # 0-1, 3-4, 2-3 share a circle; 1-3 does not; 0-5 is left out (5 in no circle).
    assert overall_ties(src, dst, MEMBERS, CIRCLES, 6, 2) == (3, 1)


def test_member_brokerage_and_circle_graph():
    src = [0, 1, 1]
    dst = [4, 3, 4]
    cross, reached = member_brokerage(src, dst, MEMBERS, CIRCLES, 6, 2)
    assert cross.tolist() == [1, 2, 0, 1, 2, 0]
    assert reached.tolist() == [1, 1, 0, 1, 1, 0]
    graph = circle_graph(src, dst, MEMBERS, CIRCLES, 6, 2)
    # one shared member (2) plus three cross ties
    assert graph.tolist() == [[0, 4], [4, 0]]


def test_betweenness_path_and_star():
    path = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]])
    assert betweenness(path).tolist() == pytest.approx([0.0, 1.0, 0.0])
    star = np.zeros((5, 5), dtype=int)
    star[0, 1:] = star[1:, 0] = 1
    assert betweenness(star).tolist() == pytest.approx([1.0, 0, 0, 0, 0])
    assert betweenness(np.zeros((2, 2))).tolist() == [0.0, 0.0]


def test_betweenness_counts_split_shortest_paths():
    # a square 0-1-2-3-0: between 0 and 2 there are two paths, via 1 and via 3.
    square = np.array([[0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0]])
    # each node carries half of one opposite pair, out of 3 pairs of other nodes
    assert betweenness(square).tolist() == pytest.approx([1 / 6] * 4)


def test_betweenness_validates():
    with pytest.raises(ValueError, match="square"):
        betweenness(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="symmetric"):
        betweenness(np.array([[0, 1], [0, 0]]))


def test_ties_validate_inputs():
    with pytest.raises(ValueError, match="same length"):
        circle_ties([0, 1], [1], MEMBERS, CIRCLES, 6, 2)
    with pytest.raises(ValueError, match="different members"):
        circle_ties([1], [1], MEMBERS, CIRCLES, 6, 2)
    with pytest.raises(ValueError, match=r"src must lie in \[0, 6\)"):
        circle_ties([7], [1], MEMBERS, CIRCLES, 6, 2)
    with pytest.raises(ValueError, match="circles must lie"):
        circle_ties([0], [1], [0], [5], 6, 2)
    with pytest.raises(ValueError, match="integers"):
        circle_ties([0.5], [1.0], MEMBERS, CIRCLES, 6, 2)


def test_wait_stats_keeps_the_waiting_apart():
    start = [0, 0, 10, 10, 20]
    end = [4, 8, 12, np.nan, np.nan]
    stats = wait_stats(start, end, now=30)
    assert (stats.done, stats.waiting) == (3, 2)
    assert stats.median == pytest.approx(4.0)
    assert stats.q1 == pytest.approx(3.0) and stats.q3 == pytest.approx(6.0)
    assert stats.waiting_median == pytest.approx(15.0)
    empty = wait_stats([], [], now=0)
    assert (empty.done, empty.median, empty.waiting, empty.waiting_median) == (0, None, 0, None)
    with pytest.raises(ValueError, match="before start"):
        wait_stats([5], [1], now=10)
    with pytest.raises(ValueError, match="finite"):
        wait_stats([np.nan], [1], now=10)


def test_periods():
    bounds = [0, 10, 20, 30]
    assert period_of([-1, 0, 9.9, 10, 29, 30], bounds).tolist() == [-1, 0, 0, 1, 2, -1]
    assert per_period_sum([1, 2, 15, 40], [1, 2, 3, 100], bounds).tolist() == [3, 3, 0]
    means = per_period_mean([1, 2, 15], [1, 2, 3], bounds)
    assert means[:2].tolist() == [1.5, 3.0] and math.isnan(means[2])
    with pytest.raises(ValueError, match="increasing"):
        period_of([1], [0, 0])


@st.composite
def networks(draw):
    n_members = draw(st.integers(2, 12))
    n_circles = draw(st.integers(1, 4))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n_members - 1), st.integers(0, n_circles - 1)),
            min_size=1,
            max_size=30,
        )
    )
    ties = draw(
        st.lists(
            st.tuples(st.integers(0, n_members - 1), st.integers(0, n_members - 1)).filter(
                lambda t: t[0] != t[1]
            ),
            max_size=40,
        )
    )
    members, circles = (list(x) for x in zip(*pairs, strict=True))
    src = [a for a, _ in ties]
    dst = [b for _, b in ties]
    return n_members, n_circles, members, circles, src, dst


@settings(max_examples=80, deadline=None)
@given(networks())
def test_ei_lies_in_bounds_and_counts_add_up(net):
    n_members, n_circles, members, circles, src, dst = net
    ties = circle_ties(src, dst, members, circles, n_members, n_circles)
    ei = ties.ei
    finite = ei[~np.isnan(ei)]
    assert np.all((finite >= -1) & (finite <= 1))
    assert np.all(ties.internal + ties.external <= len(src))
    internal, external = overall_ties(src, dst, members, circles, n_members, n_circles)
    assert internal + external <= len(src)


@settings(max_examples=60, deadline=None)
@given(networks(), st.randoms(use_true_random=False))
def test_relabelling_members_and_circles_changes_nothing(net, rnd):
    n_members, n_circles, members, circles, src, dst = net
    pm = list(range(n_members))
    pc = list(range(n_circles))
    rnd.shuffle(pm)
    rnd.shuffle(pc)
    base = circle_ties(src, dst, members, circles, n_members, n_circles)
    moved = circle_ties(
        [pm[s] for s in dst],  # also swaps the ends: ties are undirected
        [pm[d] for d in src],
        [pm[m] for m in members],
        [pc[c] for c in circles],
        n_members,
        n_circles,
    )
    order = np.array(pc)
    assert moved.internal[order].tolist() == base.internal.tolist()
    assert moved.external[order].tolist() == base.external.tolist()
    g = circle_graph(src, dst, members, circles, n_members, n_circles)
    g2 = circle_graph(
        [pm[s] for s in src],
        [pm[d] for d in dst],
        [pm[m] for m in members],
        [pc[c] for c in circles],
        n_members,
        n_circles,
    )
    assert g2[np.ix_(order, order)].tolist() == g.tolist()
    assert np.allclose(betweenness(g2)[order], betweenness(g))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.data())
def test_betweenness_in_unit_interval(n, data):
    upper = data.draw(st.lists(st.booleans(), min_size=n * n, max_size=n * n))
    w = np.array(upper, dtype=int).reshape(n, n)
    w = np.triu(w, 1)
    w = w + w.T
    b = betweenness(w)
    assert b.shape == (n,)
    assert np.all((b >= -1e-12) & (b <= 1 + 1e-12))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 100), st.one_of(st.none(), st.floats(0, 50))), max_size=30))
def test_wait_stats_counts_everyone_once(rows):
    start = [s for s, _ in rows]
    end = [np.nan if w is None else s + w for s, w in rows]
    stats = wait_stats(start, end, now=200)
    assert stats.done + stats.waiting == len(rows)
    if stats.done:
        assert stats.q1 <= stats.median <= stats.q3
