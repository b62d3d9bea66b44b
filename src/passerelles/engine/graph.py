"""Compact directed graphs in CSR form, built from edge arrays, and id <-> index maps.

Domain apps speak in database ids; the engine speaks in contiguous indices ``0..n-1``.
:class:`IdIndex` translates between the two, :func:`validate_edges` checks edge arrays once
at the boundary, and :func:`csr_from_edges` builds a merged (duplicates summed, self-loops
dropped) ``scipy.sparse.csr_array`` whose row ``u`` lists the out-edges of ``u``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import scipy.sparse as sp

__all__ = [
    "IdIndex",
    "as_index_array",
    "csr_from_edges",
    "gather_rows",
    "validate_edges",
]

# int32 indices halve the memory of the CSR structure; larger graphs fall back to int64.
_INT32_LIMIT = np.iinfo(np.int32).max


class IdIndex:
    """Bijection between external integer ids (e.g. primary keys) and indices ``0..n-1``.

    Index ``i`` corresponds to ``ids[i]``, in the order given. Lookups are vectorised
    (binary search over a sorted copy), so mapping millions of ids costs one sort.
    """

    def __init__(self, ids: Iterable[int] | np.ndarray) -> None:
        arr = np.asarray(list(ids) if not isinstance(ids, np.ndarray) else ids)
        if arr.size == 0:
            arr = np.zeros(0, dtype=np.int64)
        if arr.ndim != 1 or not np.issubdtype(arr.dtype, np.integer):
            raise ValueError("ids must be a one-dimensional array of integers")
        arr = arr.astype(np.int64, copy=False)
        order = np.argsort(arr, kind="stable")
        sorted_ids = arr[order]
        if sorted_ids.size > 1 and np.any(sorted_ids[1:] == sorted_ids[:-1]):
            raise ValueError("ids must be unique")
        self.ids = arr
        self._sorted = sorted_ids
        self._order = order

    def __len__(self) -> int:
        return int(self.ids.size)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, int | np.integer):
            return False
        pos = np.searchsorted(self._sorted, item)
        return bool(pos < self._sorted.size and self._sorted[pos] == item)

    def index_of(self, ids: Iterable[int] | np.ndarray | int) -> np.ndarray:
        """Indices of ``ids`` (any shape); unknown ids raise ``ValueError``."""
        arr = np.asarray(ids, dtype=np.int64)
        if self._sorted.size == 0:
            if arr.size:
                raise ValueError(f"unknown ids: {arr.ravel()[:5].tolist()}")
            return np.zeros(arr.shape, dtype=np.int64)
        pos = np.minimum(np.searchsorted(self._sorted, arr), self._sorted.size - 1)
        unknown = self._sorted[pos] != arr
        if np.any(unknown):
            raise ValueError(f"unknown ids: {arr[unknown].ravel()[:5].tolist()}")
        found: np.ndarray = self._order[pos]
        return found

    def id_of(self, indices: Iterable[int] | np.ndarray | int) -> np.ndarray:
        """External ids of ``indices`` (any shape)."""
        idx = as_index_array(indices, len(self), "indices")
        ids: np.ndarray = self.ids[idx]
        return ids


def as_index_array(
    values: Iterable[int] | np.ndarray | int, num_nodes: int, name: str
) -> np.ndarray:
    """Validate node indices: integers in ``[0, num_nodes)``; returns an int64 array."""
    arr = np.asarray(values)
    if arr.size == 0:
        return np.zeros(arr.shape, dtype=np.int64)
    if not np.issubdtype(arr.dtype, np.integer):
        if (
            np.issubdtype(arr.dtype, np.floating)
            and np.all(np.isfinite(arr))
            and np.all(arr == np.round(arr))
        ):
            arr = arr.astype(np.int64)
        else:
            raise ValueError(f"{name} must be integer node indices, got dtype {arr.dtype}")
    lo, hi = int(arr.min()), int(arr.max())
    if lo < 0 or hi >= num_nodes:
        bad = lo if lo < 0 else hi
        raise ValueError(f"{name} contains index {bad} outside [0, {num_nodes})")
    return arr.astype(np.int64, copy=False)


def validate_edges(
    src: np.ndarray, dst: np.ndarray, weight: np.ndarray | None, num_nodes: int | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Check edge arrays and return ``(src, dst, weight, num_nodes)``.

    ``src`` and ``dst`` are integer arrays of shape ``(m,)``; ``weight`` is a float array
    of shape ``(m,)`` (``None`` means all ones). ``num_nodes`` defaults to ``max index + 1``.
    Raises ``ValueError`` on mismatched shapes, negative or out-of-range indices, and NaN
    or infinite weights.
    """
    src_arr = np.asarray(src)
    dst_arr = np.asarray(dst)
    if src_arr.ndim != 1 or dst_arr.ndim != 1:
        raise ValueError("src and dst must be one-dimensional arrays")
    if src_arr.shape != dst_arr.shape:
        raise ValueError(
            f"src and dst must have the same length, got {src_arr.size} and {dst_arr.size}"
        )
    m = src_arr.size
    if weight is None:
        w = np.ones(m, dtype=np.float64)
    else:
        w = np.asarray(weight, dtype=np.float64)
        if w.shape != (m,):
            raise ValueError(f"weight must have the same length as src ({m}), got {w.size}")
        if not np.all(np.isfinite(w)):
            raise ValueError("weight contains NaN or infinite values")
    if num_nodes is None:
        num_nodes = int(max(src_arr.max(initial=-1), dst_arr.max(initial=-1))) + 1 if m else 0
    if isinstance(num_nodes, bool) or not isinstance(num_nodes, int | np.integer):
        raise ValueError(f"num_nodes must be an integer, got {num_nodes!r}")
    num_nodes = int(num_nodes)
    if num_nodes < 0:
        raise ValueError(f"num_nodes must be non-negative, got {num_nodes}")
    src_idx = as_index_array(src_arr, num_nodes, "src")
    dst_idx = as_index_array(dst_arr, num_nodes, "dst")
    return src_idx, dst_idx, w, num_nodes


def csr_from_edges(
    src: np.ndarray,
    dst: np.ndarray,
    weight: np.ndarray,
    num_nodes: int,
    *,
    drop_zeros: bool = True,
) -> sp.csr_array:
    """Merged ``(num_nodes, num_nodes)`` CSR: duplicate edges summed, self-loops and zeros
    dropped, column indices sorted within each row. Inputs must be validated already.

    With ``drop_zeros=False`` self-loops and cancelled pairs stay as explicit zeros, for a
    caller that filters the entries anyway (it saves a pass over the matrix).
    Built by scipy's COO -> CSR conversion: a counting sort by row (O(m)) and a sort of
    each row's few columns, cheaper than sorting all the edges."""
    index_dtype = np.int32 if num_nodes < _INT32_LIMIT and src.size < _INT32_LIMIT else np.int64
    # Zeroing self-loops costs one pass; eliminate_zeros below then removes them with the
    # entries whose duplicates cancelled out (a vouch and an equal report).
    w = np.where(src == dst, 0.0, weight)
    mat = sp.csr_array(
        (w, (src.astype(index_dtype, copy=False), dst.astype(index_dtype, copy=False))),
        shape=(num_nodes, num_nodes),
    )
    mat.sum_duplicates()
    if drop_zeros:
        mat.eliminate_zeros()
    return mat


def gather_rows(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of all CSR entries of ``rows`` and the row (as position in ``rows``) each
    belongs to, vectorised: ``(positions (k,), owner (k,))`` with ``k`` the total degree."""
    starts = indptr[rows].astype(np.int64, copy=False)
    counts = indptr[rows + 1].astype(np.int64, copy=False) - starts
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(rows.size, dtype=np.int64), counts)
    # Position of each entry = its row start + its rank inside the row.
    offsets = np.cumsum(counts) - counts
    positions = np.arange(total, dtype=np.int64) - offsets[owner] + starts[owner]
    return positions, owner
