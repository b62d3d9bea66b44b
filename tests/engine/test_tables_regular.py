"""Table plans invariant under a group acting regularly on the people (exact cover over
orbits of flags)."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.tables import plan_quality, plan_tables
from passerelles.engine.tables_regular import (
    _Cover,
    _draws,
    _Group,
    regular_design,
    regular_options,
)


def assert_partitions(plan: np.ndarray, g: int, s: int) -> None:
    """Every round seats everybody once, at g tables of exactly s people."""
    assert plan.shape[1] == g * s
    for row in plan:
        assert row.min() >= 0
        assert np.bincount(row, minlength=g).tolist() == [s] * g


def meetings(plan: np.ndarray) -> np.ndarray:
    """How often each pair shares a table, counted pair by pair."""
    n = plan.shape[1]
    met = np.zeros((n, n), dtype=int)
    for row in plan:
        met += row[:, None] == row[None, :]
    np.fill_diagonal(met, 0)
    return met


def test_options_fit_the_people_and_the_rounds():
    # 32 people: Z_4 x Z_4 on two rows; 8 translates of a base round and 2 invariant rounds
    assert regular_options(8, 4, 10) == [(4, 8, 2)]
    for a, k, e in regular_options(8, 4, 10):
        assert 2 * a * a == 32 and k + e == 10 and (a * a) % k == 0 and e <= 2
    assert regular_options(7, 4, 9) == []  # 28 people are not 2 a^2


@settings(max_examples=15, deadline=None)
@given(case=st.sampled_from([(4, 8, 2), (3, 3, 1), (3, 9, 0)]), seed=st.integers(0, 10**6))
def test_drawn_parameters_give_groups_acting_on_people_and_rounds(case, seed):
    # the elements are closed under composition (people and rounds together) and number
    # 2 a^2: the group acts regularly on the people
    a, k, e = case
    draws = _draws(a, k, e, np.random.default_rng(seed))
    assert draws
    kernel, mat, t, v = draws[0]
    group = _Group(a, kernel, e, mat, t, v)
    assert group.k == k and group.closed()
    elements = {(p.tobytes(), r.tobytes()) for p, r in zip(group.people, group.rounds, strict=True)}
    assert len(elements) == 2 * a * a
    for p, r in zip(group.people, group.rounds, strict=True):
        for q, w in zip(group.people, group.rounds, strict=True):
            assert (p[q].tobytes(), r[w].tobytes()) in elements
    # regular on the people: exactly one element sends person 0 to each person
    assert sorted(group.people[:, 0].tolist()) == list(range(2 * a * a))


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_plans_of_the_exact_cover_are_partitions_without_repeats(seed):
    # whatever group is drawn, a plan the exact cover returns seats everybody once per
    # round at full tables and seats no pair together twice
    rng = np.random.default_rng(seed)
    blocks = np.array(list(itertools.combinations(range(32), 4)), dtype=np.int64)
    for kernel, mat, t, v in _draws(4, 8, 2, rng)[:4]:
        group = _Group(4, kernel, 2, mat, t, v)
        plan = _Cover(group, 4, blocks).search(rng, float("inf"), 3000)
        if plan is not None:
            assert plan.shape == (10, 32)
            assert_partitions(plan, 8, 4)
            assert meetings(plan).max() <= 1


def test_thirty_two_people_at_tables_of_four_for_ten_rounds():
    # 8-4-10: everybody meets 30 of the 31 others once; the pairs who never meet form a
    # perfect matching (a resolvable group divisible design of type 2^16)
    for seed in (0, 1):
        plan = regular_design(8, 4, 10, np.random.default_rng(seed), float("inf"))
        assert plan is not None, "no design found"
        assert_partitions(plan, 8, 4)
        met = meetings(plan)
        assert met.max() == 1
        assert (met.sum(1) == 30).all()
        assert plan_quality(plan).repeats == 0


def test_plan_tables_reaches_eight_tables_of_four_for_ten_rounds_without_repeats():
    plan = plan_tables(32, 4, 10, seed=0, time_limit=10.0)
    assert plan_quality(plan).repeats == 0


def test_no_design_when_the_people_do_not_fit():
    assert regular_design(7, 4, 9, np.random.default_rng(0), float("inf")) is None
    assert regular_design(8, 2, 10, np.random.default_rng(0), float("inf")) is None
    # 50 people at tables of 5: too many candidate tables to enumerate, left to the others
    assert regular_design(10, 5, 6, np.random.default_rng(0), float("inf")) is None
