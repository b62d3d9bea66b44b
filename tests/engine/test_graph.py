"""Tests for the compact graph helpers (no Django, no database)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.graph import (
    IdIndex,
    as_index_array,
    csr_from_edges,
    gather_rows,
    validate_edges,
)


def test_id_index_round_trip():
    index = IdIndex([42, 7, 1000])
    assert len(index) == 3
    assert index.index_of([7, 1000, 42]).tolist() == [1, 2, 0]
    assert index.id_of([0, 2]).tolist() == [42, 1000]
    assert 7 in index and 8 not in index and "7" not in index


def test_id_index_rejects_unknown_and_duplicate_ids():
    index = IdIndex(np.array([3, 1, 2]))
    with pytest.raises(ValueError, match="unknown ids"):
        index.index_of([4])
    with pytest.raises(ValueError, match="unique"):
        IdIndex([1, 2, 1])
    with pytest.raises(ValueError, match="unknown ids"):
        IdIndex([]).index_of([1])
    with pytest.raises(ValueError, match="outside"):
        index.id_of([3])


def test_as_index_array_validates():
    assert as_index_array([0, 2], 3, "x").dtype == np.int64
    assert as_index_array(np.array([1.0]), 3, "x").tolist() == [1]
    with pytest.raises(ValueError, match="outside"):
        as_index_array([-1], 3, "x")
    with pytest.raises(ValueError, match="outside"):
        as_index_array([3], 3, "x")
    with pytest.raises(ValueError, match="integer"):
        as_index_array([0.5], 3, "x")


def test_validate_edges_errors():
    with pytest.raises(ValueError, match="same length"):
        validate_edges(np.array([0, 1]), np.array([1]), None, 3)
    with pytest.raises(ValueError, match="weight must have the same length"):
        validate_edges(np.array([0]), np.array([1]), np.array([1.0, 2.0]), 3)
    with pytest.raises(ValueError, match="NaN"):
        validate_edges(np.array([0]), np.array([1]), np.array([np.nan]), 3)
    with pytest.raises(ValueError, match="NaN or infinite"):
        validate_edges(np.array([0]), np.array([1]), np.array([np.inf]), 3)
    with pytest.raises(ValueError, match="outside"):
        validate_edges(np.array([0]), np.array([5]), None, 3)
    with pytest.raises(ValueError, match="num_nodes"):
        validate_edges(np.array([0]), np.array([1]), None, -1)
    src, dst, w, n = validate_edges(np.array([0, 4]), np.array([1, 2]), None, None)
    assert n == 5 and w.tolist() == [1.0, 1.0]
    assert validate_edges(np.array([], dtype=int), np.array([], dtype=int), None, None)[3] == 0


def test_csr_merges_duplicates_and_drops_self_loops():
    src = np.array([0, 0, 1, 2, 2])
    dst = np.array([1, 1, 1, 0, 0])
    w = np.array([1.0, 0.5, 3.0, 1.0, -1.0])
    mat = csr_from_edges(src, dst, w, 3)
    assert mat.toarray().tolist() == [[0, 1.5, 0], [0, 0, 0], [0, 0, 0]]
    assert mat.nnz == 1


def test_gather_rows():
    indptr = np.array([0, 2, 2, 5])
    positions, owner = gather_rows(indptr, np.array([2, 0, 1]))
    assert positions.tolist() == [2, 3, 4, 0, 1]
    assert owner.tolist() == [0, 0, 0, 1, 1]
    positions, owner = gather_rows(indptr, np.array([1]))
    assert positions.size == 0 and owner.size == 0


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.floats(-2, 2)), max_size=30))
def test_csr_matches_dense_sum(edges):
    n = 6
    dense = np.zeros((n, n))
    for u, v, w in edges:
        if u != v:
            dense[u, v] += w
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    w = np.array([e[2] for e in edges], dtype=np.float64)
    mat = csr_from_edges(src, dst, w, n)
    np.testing.assert_allclose(mat.toarray(), dense, atol=1e-12)
    assert not np.any(mat.data == 0)


def test_csr_from_edges_can_keep_explicit_zeros():
    src = np.array([0, 1, 1, 2])
    dst = np.array([0, 2, 2, 0])
    w = np.array([1.0, 0.5, -0.5, 2.0])
    kept = csr_from_edges(src, dst, w, 3, drop_zeros=False)
    dropped = csr_from_edges(src, dst, w, 3)
    assert kept.nnz == 3 and dropped.nnz == 1
    np.testing.assert_array_equal(kept.toarray(), dropped.toarray())
