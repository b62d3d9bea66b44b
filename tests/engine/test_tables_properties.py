"""Table plans: constructions, cyclic designs and invariants checked by property tests."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.tables import (
    _greedy,
    _Search,
    _TabuRun,
    circle_encounters,
    plan_quality,
    plan_tables,
    random_plan,
    table_sizes,
)
from passerelles.engine.tables_cyclic import (
    Shape,
    _backtrack,
    _BaseSearch,
    cyclic_design,
    cyclic_options,
    cyclic_shapes,
    develop,
)
from passerelles.engine.tables_design import max_design_rounds, resolvable_design


def brute_repeats(plan: np.ndarray) -> int:
    """Sum over pairs of (meetings - 1), counted pair by pair."""
    rounds, n = plan.shape
    total = 0
    for i, j in itertools.combinations(range(n), 2):
        met = sum(1 for r in range(rounds) if plan[r, i] >= 0 and plan[r, i] == plan[r, j])
        total += max(met - 1, 0)
    return total


# ----------------------------------------------------------------------------- designs


@pytest.mark.parametrize(
    ("k", "s", "rounds"),
    [(9, 3, 13), (6, 6, 3), (10, 5, 5), (10, 3, 5), (8, 6, 8), (4, 2, 7), (9, 5, 9)],
)
def test_constructions_reach_their_rounds_without_repeats(k, s, rounds):
    assert max_design_rounds(k, s) >= rounds
    plan = resolvable_design(k, s, rounds)
    assert plan.shape == (rounds, k * s)
    for row in plan:
        assert np.bincount(row, minlength=k).tolist() == [s] * k
    assert brute_repeats(plan) == 0


def test_cyclic_options_split_people_into_orbits_and_fixed_points():
    assert cyclic_options(5, 3, 7) == [(2, 1)]
    assert cyclic_options(8, 4, 10) == [(3, 2)]
    assert all(10 * c + f == 30 and f <= 6 for c, f in cyclic_options(6, 5, 10))


def test_shapes_give_the_rounds_asked():
    for g, s, rounds in [(7, 3, 10), (6, 5, 6), (8, 4, 10), (10, 6, 7), (5, 3, 7)]:
        shapes = cyclic_shapes(g, s, rounds)
        assert shapes
        assert all(shape.rounds == rounds for shape in shapes)
        assert all(shape.m * shape.c + shape.f == g * s for shape in shapes)


def test_developed_rounds_are_translates_of_the_base_round():
    base = np.array([0, 0, 1, 1, 2, 2, 0])  # Z_3 x {0, 1} plus one fixed point
    plan = develop(base, Shape(m=3, c=2, f=1))
    assert plan.shape == (3, 7)
    np.testing.assert_array_equal(plan[0], base)
    # (x, i) sits in round t where (x - t, i) sits in the base round; the fixed point stays
    assert plan[1, 1] == base[0] and plan[1, 3] == base[5] and plan[2, 6] == base[6]


def test_invariant_rounds_seat_one_person_of_each_row_per_table():
    shape = Shape(m=3, c=3, extra=1)  # Z_3 x {0, 1, 2}
    plan = develop(np.repeat(np.arange(3), 3), shape, offsets=np.array([[0, 1, 2]]))
    # table t holds (t, 0), (t + 1, 1), (t + 2, 2)
    last = plan[-1].reshape(3, 3)
    assert last[0].tolist() == [0, 1, 2] and last[1].tolist() == [2, 0, 1]


@settings(max_examples=30, deadline=None)
@given(
    case=st.sampled_from([(3, 3, 4), (4, 3, 4), (5, 3, 7), (6, 3, 8), (6, 4, 7), (7, 3, 10)]),
    seed=st.integers(0, 10**6),
    moves=st.lists(st.tuples(st.integers(0, 10**3), st.integers(0, 10**3)), max_size=8),
)
def test_cyclic_search_counts_the_repeats_of_the_developed_plan(case, seed, moves):
    g, s, rounds = case
    n = g * s
    rng = np.random.default_rng(seed)
    for shape in cyclic_shapes(g, s, rounds):
        search = _BaseSearch(g, s, shape, rng)
        for u, v in moves:
            u, v = u % n, v % n
            if shape.extra and u % 2:
                predicted = search.offset_deltas()
                r, i, value = np.unravel_index(v % predicted.size, predicted.shape)
                if np.isfinite(predicted[r, i, value]):
                    expected = search.cost + predicted[r, i, value]
                    search.shift(int(r), int(i), int(value))
                    assert search.cost == expected
            elif search.bases[v % shape.bases, u] != search.bases[v % shape.bases, v]:
                search.j = v % shape.bases  # moves act on one base round
                expected = search.cost + search.deltas(np.array([u]))[0, v]
                search.swap(u, v)
                assert search.cost == expected
        assert search.cost == brute_repeats(search.plan())


def test_cyclic_search_finds_kirkman_schoolgirls():
    plan = cyclic_design(5, 3, 7, np.random.default_rng(0), deadline=float("inf"))
    assert plan is not None
    assert plan.shape == (7, 15)
    assert brute_repeats(plan) == 0


def test_cyclic_search_with_invariant_rounds_finds_a_kirkman_triple_system_of_21():
    plan = cyclic_design(
        7, 3, 10, np.random.default_rng(0), deadline=float("inf"), max_iterations=20_000
    )
    assert plan is not None
    assert brute_repeats(plan) == 0


def test_depth_first_search_finds_a_base_round_or_gives_up():
    shape = Shape(m=7, c=3, f=3)  # 6 tables of 4 for 7 rounds: Z_7 x 3 rows + 3 fixed
    found = None
    for seed in range(5):
        found = _backtrack(6, 4, shape, np.random.default_rng(seed), float("inf"), 20_000)
        if found is not None:
            break
    assert found is not None
    assert brute_repeats(develop(found, shape)) == 0
    assert _backtrack(6, 4, shape, np.random.default_rng(0), float("inf"), 1) is None


def test_cyclic_search_gives_up_within_its_iterations():
    # 6 tables of 6 for 4 rounds would be a pair of orthogonal Latin squares of order 6
    plan = cyclic_design(
        6, 6, 4, np.random.default_rng(0), deadline=float("inf"), max_iterations=50
    )
    assert plan is None


# ----------------------------------------------------------------------------- invariants


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 14),
    size=st.integers(2, 5),
    rounds=st.integers(1, 4),
    seed=st.integers(0, 1000),
)
def test_repeats_are_counted_pair_by_pair(n, size, rounds, seed):
    plan = random_plan(n, size, rounds, seed=seed)
    plan[0, 0] = -1  # someone absent from a round is not counted there
    quality = plan_quality(plan)
    assert quality.repeats == brute_repeats(plan)


@settings(max_examples=20, deadline=None)
@given(
    n=st.integers(2, 30),
    size=st.integers(2, 6),
    rounds=st.integers(1, 6),
    seed=st.integers(0, 50),
)
def test_every_participant_seated_once_per_round_within_table_sizes(n, size, rounds, seed):
    plan = plan_tables(n, size, rounds, seed=seed, time_limit=5.0, max_iterations=150)
    sizes = table_sizes(n, size)
    assert plan.shape == (rounds, n)
    assert sizes.max() <= max(size, 3) and sizes.max() - sizes.min() <= 1
    assert sizes.max() <= size or (size == 2 and n % 2 == 1)  # a trio only for odd pairs
    assert sizes.min() >= 2  # nobody sits alone
    for row in plan:  # one table per person and round, each table at its planned size
        assert row.min() >= 0
        assert np.bincount(row, minlength=sizes.size).tolist() == sizes.tolist()


@settings(max_examples=6, deadline=None)
@given(
    shape=st.sampled_from([(12, 3, 5), (18, 3, 4), (20, 4, 4), (15, 4, 3), (24, 6, 3)]),
    seed=st.integers(0, 100),
)
def test_deterministic_for_a_seed_when_the_iterations_stop_the_search(shape, seed):
    n, size, rounds = shape
    groups = np.arange(n) % 3
    first = plan_tables(n, size, rounds, groups, seed=seed, time_limit=60.0, max_iterations=120)
    again = plan_tables(n, size, rounds, groups, seed=seed, time_limit=60.0, max_iterations=120)
    np.testing.assert_array_equal(first, again)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 1000), cuts=st.lists(st.integers(1, 60), min_size=1, max_size=6))
def test_a_tabu_run_given_its_swaps_in_slices_moves_as_one_long_run(seed, cuts):
    # the portfolio gives its searches turns of a few swaps: resuming must not change them
    sizes = np.full(5, 3)
    rounds, n = 8, 15  # past the 7 rounds of a KTS(15): repeats remain, the run goes on
    zeros = np.zeros((n, n), dtype=np.int64)
    target = (0, 0, 0, 0, 0)

    def fresh() -> _TabuRun:
        rng = np.random.default_rng(seed)
        start = _greedy(sizes, rounds, zeros.copy(), None, zeros, None, rng)
        return _TabuRun(_Search(start, sizes, zeros, None, zeros, None, rng), 10**9)

    total = sum(cuts)
    whole, sliced = fresh(), fresh()
    assert whole.run(target, float("inf"), total) == total
    for cut in cuts:
        assert sliced.run(target, float("inf"), cut) == cut
    np.testing.assert_array_equal(whole.search.P, sliced.search.P)
    np.testing.assert_array_equal(whole.best_plan, sliced.best_plan)
    assert whole.best == sliced.best
    assert plan_quality(sliced.best_plan).repeats == sliced.best[1]
    for row in sliced.best_plan:  # every round still seats everybody, 3 per table
        assert (np.bincount(row, minlength=5) == 3).all()


def test_search_goes_on_after_a_stall_while_repeats_remain():
    # 6 tables of 3 for 7 rounds: no construction here; a single tabu run with a short
    # patience stalls, the restarts within the same iterations reach zero
    plan = plan_tables(18, 3, 7, time_limit=60.0, patience=50, max_iterations=20_000)
    assert plan_quality(plan).repeats == 0


# ----------------------------------------------------------------------------- mixing


def test_circle_encounters_against_the_even_spread_bound():
    groups = np.array([0, 0, 0, 0, 1, 1, 2, 2])
    together = np.array([[0, 0, 0, 0, 1, 1, 1, 1]])  # circle 0 alone at table 0
    spread = np.array([[0, 0, 1, 1, 0, 1, 0, 1]])
    share, floor = circle_encounters(together, groups)
    assert share == pytest.approx((6 + 1 + 1) / 12)
    # even spread: circle 0 two and two (2 encounters), circles 1 and 2 split (0)
    assert floor == pytest.approx(2 / 12)
    assert circle_encounters(spread, groups) == pytest.approx((2 / 12, 2 / 12))


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(2, 20),
    size=st.integers(2, 5),
    n_groups=st.integers(1, 5),
    seed=st.integers(0, 1000),
)
def test_circle_encounters_never_below_the_bound(n, size, n_groups, seed):
    rng = np.random.default_rng(seed)
    groups = rng.integers(0, n_groups, n)
    plan = random_plan(n, size, 2, seed=seed)
    share, floor = circle_encounters(plan, groups)
    assert 0.0 <= floor <= share <= 1.0


def test_skewed_circles_spread_as_evenly_as_possible():
    rng = np.random.default_rng(11)
    weights = 1 / np.arange(1, 9) ** 1.3
    groups = rng.choice(8, 96, p=weights / weights.sum())
    plan = plan_tables(96, 6, 3, groups, time_limit=10.0, max_iterations=3000)
    share, floor = circle_encounters(plan, groups)
    assert plan_quality(plan).repeats == 0
    assert share == pytest.approx(floor)
