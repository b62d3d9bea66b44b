"""What-if simulation: deterministic per seed; bridges and introductions open circles."""

import numpy as np
import pytest

from passerelles.engine.simulate import Assumptions, World, greedy_round, simulate


def two_circles(bridged: bool, n_per: int = 30) -> World:
    """Two circles of ``n_per`` members, ties only inside, candidates across."""
    n = 2 * n_per
    members = np.arange(n)
    rng = np.random.default_rng(0)
    inside = [(i, j) for i in range(n_per) for j in range(i + 1, n_per) if rng.random() < 0.1]
    ties = np.array(inside + [(i + n_per, j + n_per) for i, j in inside])
    rows = np.repeat(np.arange(n_per), 3)
    cols = n_per + rng.integers(0, n_per, rows.size)
    return World(
        n=n,
        c=2,
        mem_member=members,
        mem_circle=(members >= n_per).astype(np.int64),
        ties=ties,
        rows=rows,
        cols=cols,
        score=rng.random(rows.size),
        allowed=np.full(rows.size, bridged),
        capacity=np.full(n, 1),
        bridges=np.array([[0, 1]]) if bridged else np.empty((0, 2), dtype=np.int64),
        vouched=np.zeros(n, dtype=bool),
        waited_days=np.full(n, 10.0),
    )


def test_same_seed_same_months():
    first = simulate(two_circles(True), 6, seed=4)
    again = simulate(two_circles(True), 6, seed=4)
    assert first.ei == again.ei
    assert first.introductions == again.introductions
    assert np.array_equal(first.circle_ei, again.circle_ei, equal_nan=True)
    assert len(first.ei) == 7 and len(first.introductions) == 6


def test_a_bridge_and_introductions_open_the_circles():
    closed = simulate(two_circles(False), 6, seed=1)
    opened = simulate(two_circles(True), 6, seed=1)
    assert closed.ei[0] == opened.ei[0] == -1.0
    assert closed.ei[-1] == -1.0  # nothing ever crosses without a bridge
    assert opened.ei[-1] > -1.0
    assert sum(closed.introductions) == 0 < sum(opened.introductions)


def test_without_introductions_only_events_make_ties():
    series = simulate(two_circles(True), 4, seed=2, introductions=False)
    assert series.introductions == [0, 0, 0, 0]
    quiet = Assumptions(events_per_circle=0.0)
    none = simulate(two_circles(True), 4, seed=2, introductions=False, assumptions=quiet)
    assert none.meetings == [0, 0, 0, 0]


def test_greedy_round_respects_capacity():
    rows, cols = np.array([0, 0, 1, 2]), np.array([1, 2, 2, 3])
    chosen = greedy_round(rows, cols, np.array([0.9, 0.8, 0.7, 0.1]), np.array([1, 1, 1, 1]))
    assert chosen.tolist() == [0, 3]


def test_bad_input_is_refused():
    world = two_circles(True)
    with pytest.raises(ValueError):
        simulate(world, -1)
    with pytest.raises(ValueError):
        World(**{**world.__dict__, "capacity": np.ones(3)})
