"""A member who seeks two things is not given two people for the same one."""

import numpy as np
from scipy import sparse

from passerelles.intros.diversity import diversify

# Topics: 0 = export, 1 = part-time finance director, 2 = web, 3 = recruiting.
NEEDS = sparse.csr_matrix(
    np.array(
        [
            [0.7, 0.7, 0, 0],  # 0 seeks export and a finance director
            [0, 0, 1.0, 0],  # 1, 2 (export advisers) seek a website
            [0, 0, 1.0, 0],
            [0, 0, 0, 1.0],  # 3 (finance director) seeks a recruiter
            [0, 0, 1.0, 0],  # 4 seeks a website too
        ]
    )
)
OFFERS = sparse.csr_matrix(
    np.array(
        [
            [0, 0, 1.0, 0],  # 0 builds websites
            [1.0, 0, 0, 0],
            [1.0, 0, 0, 0],
            [0, 1.0, 0, 0],
            [0, 0, 0, 1.0],  # 4 recruits
        ]
    )
)


def comp_for(pairs_scores):
    rows = np.array([a for (a, b), _ in pairs_scores])
    cols = np.array([b for (a, b), _ in pairs_scores])
    ab = np.array([float(NEEDS[a].multiply(OFFERS[b]).sum()) for (a, b), _ in pairs_scores])
    ba = np.array([float(NEEDS[b].multiply(OFFERS[a]).sum()) for (a, b), _ in pairs_scores])
    total = np.array([s for _, s in pairs_scores])
    return {"rows": rows, "cols": cols, "total": total, "relevance_ab": ab, "relevance_ba": ba}


def test_a_redundant_suggestion_is_swapped_for_one_answering_another_need():
    comp = comp_for([((0, 1), 0.6), ((0, 2), 0.5), ((0, 3), 0.45), ((3, 4), 0.5), ((2, 4), 0.35)])
    capacity = np.array([2, 1, 1, 1, 1])
    planned = np.array([[0, 1], [0, 2], [3, 4]])  # 0 gets two export advisers; 3 is full
    result = {tuple(p) for p in diversify(planned, comp, capacity, NEEDS, OFFERS).tolist()}
    assert result == {(0, 1), (0, 3), (2, 4)}  # 4 takes the second adviser: nobody loses
    used = np.bincount(np.array(sorted(result)).ravel(), minlength=5)
    assert (used <= capacity).all()


def test_nothing_changes_when_the_swap_loses_too_much():
    comp = comp_for([((0, 1), 0.6), ((0, 2), 0.5), ((0, 3), 0.2), ((3, 4), 0.9), ((2, 4), 0.1)])
    capacity = np.array([2, 1, 1, 1, 1])
    planned = np.array([[0, 1], [0, 2], [3, 4]])
    assert diversify(planned, comp, capacity, NEEDS, OFFERS).tolist() == planned.tolist()


def test_a_candidate_with_room_left_replaces_the_redundant_one_who_keeps_another():
    comp = comp_for([((0, 1), 0.6), ((0, 2), 0.5), ((0, 3), 0.45), ((2, 4), 0.3)])
    capacity = np.array([2, 1, 2, 1, 1])
    planned = np.array([[0, 1], [0, 2], [2, 4]])
    result = {tuple(p) for p in diversify(planned, comp, capacity, NEEDS, OFFERS).tolist()}
    assert result == {(0, 1), (0, 3), (2, 4)}


def test_nobody_is_left_without_a_suggestion_to_spread_another_one():
    # 2 has no other suggestion: dropping (0, 2) for 3, who has room, would leave 2 with none.
    comp = comp_for([((0, 1), 0.6), ((0, 2), 0.5), ((0, 3), 0.45)])
    capacity = np.array([2, 1, 1, 1, 1])
    planned = np.array([[0, 1], [0, 2]])
    assert diversify(planned, comp, capacity, NEEDS, OFFERS).tolist() == planned.tolist()


def test_an_excluded_pair_is_never_used_for_a_swap():
    # 4 and 2 met before: their pair is a candidate with no score, so no swap through it.
    comp = comp_for([((0, 1), 0.6), ((0, 2), 0.5), ((0, 3), 0.9), ((3, 4), 0.5), ((2, 4), 0.0)])
    capacity = np.array([2, 1, 1, 1, 1])
    planned = np.array([[0, 1], [0, 2], [3, 4]])
    assert diversify(planned, comp, capacity, NEEDS, OFFERS).tolist() == planned.tolist()
