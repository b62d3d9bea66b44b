"""Cyclic table plans with a second symmetry (exact cover over orbits of tables)."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.tables import plan_quality, plan_tables
from passerelles.engine.tables_cyclic import Shape, cyclic_shapes, develop
from passerelles.engine.tables_symmetric import _orbit_rows, symmetric_design, symmetries


def brute_repeats(plan: np.ndarray) -> int:
    """Sum over pairs of (meetings - 1), counted pair by pair."""
    rounds, n = plan.shape
    total = 0
    for i, j in itertools.combinations(range(n), 2):
        met = sum(1 for r in range(rounds) if plan[r, i] == plan[r, j])
        total += max(met - 1, 0)
    return total


def assert_partitions(plan: np.ndarray, g: int, s: int) -> None:
    """Every round seats everybody once, at g tables of exactly s people."""
    assert plan.shape[1] == g * s
    for row in plan:
        assert row.min() >= 0
        assert np.bincount(row, minlength=g).tolist() == [s] * g


SHAPES = [Shape(13, 3, 1), Shape(11, 3, 3), Shape(7, 3, 3), Shape(9, 3, 1), Shape(10, 3, 2)]


@settings(max_examples=25, deadline=None)
@given(shape=st.sampled_from(SHAPES), pick=st.integers(0, 10**6))
def test_each_symmetry_maps_translates_to_translates(shape, pick):
    # phi must send round 0 to itself and permute the other rounds, so that a base round
    # invariant under phi still develops into partitions: phi tau phi^-1 is a translation
    options = list(symmetries(shape))
    _, phi = options[pick % len(options)]
    n = shape.m * shape.c + shape.f
    assert sorted(phi.tolist()) == list(range(n))
    idx = np.arange(n)
    moving = idx < shape.m * shape.c
    tau = idx.copy()
    tau[moving] = (idx[moving] // shape.m) * shape.m + (idx[moving] % shape.m + 1) % shape.m
    inverse = np.argsort(phi)
    conjugate = phi[tau[inverse]]
    powers = [idx]
    for _ in range(shape.m - 1):
        powers.append(tau[powers[-1]])
    assert any(np.array_equal(conjugate, p) for p in powers)


@settings(max_examples=10, deadline=None)
@given(
    case=st.sampled_from([(6, 4, 7), (9, 4, 11), (7, 4, 9), (8, 3, 11)]), pick=st.integers(0, 99)
)
def test_orbits_of_tables_are_invariant_and_repeat_free(case, pick):
    g, s, rounds = case
    shape = next(sh for sh in cyclic_shapes(g, s, rounds) if sh.bases == 1 and not sh.extra)
    options = list(symmetries(shape))
    _, phi = options[pick % len(options)]
    found = _orbit_rows(g, s, shape, phi)
    if found is None:
        return
    people, pairs, used = found
    for pts, ors in zip(people[:200], pairs[:200], strict=True):
        assert pts.size % s == 0 and np.unique(pts).size == pts.size
        assert np.unique(ors).size == ors.size and np.isin(ors, used).all()
        tables = {frozenset(b.tolist()) for b in pts.reshape(-1, s)}
        assert {frozenset(phi[list(t)].tolist()) for t in tables} == tables


@settings(max_examples=8, deadline=None)
@given(
    case=st.sampled_from([(6, 4, 6), (6, 4, 7), (7, 4, 9), (9, 4, 10), (9, 4, 11), (8, 3, 11)]),
    seed=st.integers(0, 10**6),
)
def test_symmetric_designs_are_partitions_without_repeats(case, seed):
    g, s, rounds = case
    most = (g * s - 1) // (s - 1)
    plan = symmetric_design(
        g, s, rounds, np.random.default_rng(seed), float("inf"), up_to=most, passes=30
    )
    assert plan is not None
    assert plan.shape == (rounds, g * s)
    assert_partitions(plan, g, s)
    assert brute_repeats(plan) == 0
    assert plan_quality(plan).repeats == 0


def test_resolvable_design_of_forty_people_at_tables_of_four():
    # RBIBD(40, 4, 1): 10 tables of 4 for 13 rounds, everybody meets everybody once
    plan = symmetric_design(10, 4, 13, np.random.default_rng(0), float("inf"), passes=30)
    assert plan is not None
    assert_partitions(plan, 10, 4)
    assert brute_repeats(plan) == 0
    met = np.zeros((40, 40), dtype=int)
    for row in plan:
        met += row[:, None] == row[None, :]
    assert (met[~np.eye(40, dtype=bool)] == 1).all()


def test_no_design_when_no_shape_fits_and_the_search_gives_up():
    assert symmetric_design(7, 3, 10, np.random.default_rng(0), float("inf")) is None  # no shape
    assert symmetric_design(6, 6, 4, np.random.default_rng(0), float("inf"), passes=1) is None


def test_plan_tables_reaches_the_known_maxima_of_tables_of_four():
    for g, rounds in ((9, 11), (10, 13)):
        plan = plan_tables(g * 4, 4, rounds, time_limit=60.0)
        assert_partitions(plan, g, 4)
        assert plan_quality(plan).repeats == 0


def test_developed_base_round_from_exact_cover_matches_develop():
    shape = Shape(11, 3, 3)
    plan = symmetric_design(9, 4, 11, np.random.default_rng(1), float("inf"), passes=30)
    assert plan is not None
    # round t is round 0 translated by t: (x, i) sits where (x - t, i) sat
    base = plan[0]
    np.testing.assert_array_equal(develop(base, shape), plan)


@settings(max_examples=6, deadline=None)
@given(case=st.sampled_from([(5, 3, 6), (7, 3, 9), (8, 3, 10)]), seed=st.integers(0, 10**6))
def test_designs_from_several_base_rounds_are_partitions_without_repeats(case, seed):
    g, s, rounds = case
    plan = symmetric_design(
        g, s, rounds, np.random.default_rng(seed), float("inf"), passes=30, several_bases=True
    )
    assert plan is not None
    assert plan.shape == (rounds, g * s)
    assert_partitions(plan, g, s)
    assert brute_repeats(plan) == 0
