"""Pair scores, candidate pairs and introduction rounds.

Members are rows 0..n-1 of aligned arrays (`MemberArrays`). The pipeline of a round is::

    rows, cols = candidate_pairs(members.needs, members.offers, k=50, available=capacity > 0)
    comp = pair_components(members, rows, cols)           # named parts, sum == total
    scores = scores_matrix(n, rows, cols, comp["total"])  # symmetric (n, n), >0 = allowed
    pairs = plan_round(scores, capacity, seed=0)          # (m, 2) introductions
    explain_pair({k: v[e] for k, v in comp.items()}, ...) # French reasons of one pair

`round_scores` runs the first three steps. Nothing here imports Django or networkx.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from passerelles.engine.reasons import explain_pair, pair_reasons
from passerelles.engine.text import PostingRows

# A scipy sparse matrix or a dense array: scipy ships no type information, so such a
# value is typed Any; the docstrings give the shapes.
Rows = Any

__all__ = [
    "COMPONENTS",
    "DEFAULT_WEIGHTS",
    "MemberArrays",
    "candidate_pairs",
    "pair_components",
    "scores_matrix",
    "round_scores",
    "plan_round",
    "total_score",
    "explain_pair",
    "pair_reasons",
    "ask_network",
    "ask_ranking",
    "AskRanking",
    "place_levels",
    "levels_of_places",
    "AskPlaces",
]

# Names of the weighted parts of a pair score; they sum to "total".
COMPONENTS = (
    "relevance",
    "reciprocity",
    "themes",
    "novelty",
    "cross_sector",
    "trust",
    "priority",
    "proximity",
)

DEFAULT_WEIGHTS: dict[str, float] = {
    # max(r_ab, r_ba): at least one of the two finds what they seek.
    "relevance": 0.35,
    # sqrt(r_ab * r_ba): both find it; a geometric mean is 0 unless both directions count.
    "reciprocity": 0.25,
    # Jaccard overlap of the four axes of interest.
    "themes": 0.08,
    # No circle in common: the point of the platform is to open circles. Grows with the
    # pair's relevance (see NOVELTY_FULL_AT), so at most this much.
    "novelty": 0.36,
    # Different sectors.
    "cross_sector": 0.05,
    # Direct trust either way, or a trusted intermediary (discounted, see below).
    "trust": 0.12,
    # Fairness: mean of the two members' priority (e.g. 1 if left out last round), grown
    # with the pair's relevance (see PRIORITY_FULL_AT). One member left out adds up to 0.4,
    # more than the novelty bonus can: they come first among relevant pairs.
    "priority": 0.8,
    # Meeting someone new is easier near home: same city in full, same region half;
    # distance does not count when both accept to meet remotely. Only for pairs with no
    # circle in common (members of one circle meet at its gatherings), and grown with the
    # pair's relevance (see PRIORITY_FULL_AT): nearness ranks relevant pairs, never makes one.
    "proximity": 0.1,
}
# Place levels of a pair (``pair_components``' "place"): how the two can meet.
FAR, SAME_REGION, SAME_CITY, REMOTE = 0, 1, 2, 3
PROXIMITY_OF_LEVEL = np.array([0.0, 0.5, 1.0, 1.0])
INTERMEDIARY_DISCOUNT = 0.8  # a warm introduction through someone is worth less than a tie
# Relevance (either way) from which "no circle in common" counts in full. Below it the
# bonus is 0.6 x relevance: a pair across circles then weighs about 2.7 times its relevance
# term (0.35), enough to prefer a stranger of comparable relevance to someone of one's own
# circle, never enough to lift a barely relevant stranger (0.12) above a relevant member
# of one's circle (0.35); that needs the ratio below 0.67.
NOVELTY_FULL_AT = 0.6
# Relevance from which a left-out member's priority counts in full: below it, a barely
# relevant pair (0.12) cannot take someone's slot from a relevant one (0.5).
PRIORITY_FULL_AT = 0.5
MIN_RELEVANCE = 0.05  # below this in both directions, the bonuses alone never justify a pair
_PAIR_CHUNK = 65536


@dataclass
class MemberArrays:
    """Aligned member data, one row per member (n members).

    needs, offers: (n, d) unit rows, sparse or dense, same space (see `text.RelevanceModel`).
    circles: (n, c) sparse 0/1 membership. sector: (n,) int.
    themes: (n, 4) bool interests on the four axes, or None.
    organisation: (n,) int, -1 when unknown; exclude_colleagues: (n,) bool.
    trust: (n, n) sparse, trust[a, b] in [0, 1] = how much a trusts b (from the trust engine).
    excluded: (n, n) sparse, nonzero (either orientation) = never pair: already introduced
        or met, declined before, blocked.
    priority: (n,) float >= 0, fairness bonus (members left out last round first).
    city, region: (n,) int codes of where each member is, -1 when unknown.
    remote: (n,) bool, the member accepts to meet at a distance (video, phone).
    """

    needs: sparse.spmatrix | np.ndarray
    offers: sparse.spmatrix | np.ndarray
    circles: sparse.spmatrix | None = None
    sector: np.ndarray | None = None
    themes: np.ndarray | None = None
    organisation: np.ndarray | None = None
    exclude_colleagues: np.ndarray | None = None
    trust: sparse.spmatrix | None = None
    excluded: sparse.spmatrix | None = None
    priority: np.ndarray | None = None
    city: np.ndarray | None = None
    region: np.ndarray | None = None
    remote: np.ndarray | None = None

    @property
    def n(self) -> int:
        return int(self.needs.shape[0])


def _dense(rows: Rows) -> np.ndarray:
    """``rows`` as a dense array, whether sparse or array-like."""
    dense: np.ndarray = rows.toarray() if sparse.issparse(rows) else np.asarray(rows)
    return dense


def _rowwise_dot(a: Rows, b: Rows, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """a[rows[e]] . b[cols[e]] for each pair e, chunked so memory stays bounded."""
    out = np.empty(rows.shape[0], dtype=np.float64)
    for s in range(0, rows.shape[0], _PAIR_CHUNK):
        r, c = rows[s : s + _PAIR_CHUNK], cols[s : s + _PAIR_CHUNK]
        if sparse.issparse(a):
            prod = a[r].multiply(b[c]).sum(axis=1)
            out[s : s + _PAIR_CHUNK] = np.asarray(prod).ravel()
        else:
            out[s : s + _PAIR_CHUNK] = np.einsum("ij,ij->i", a[r], b[c])
    return out


def _pair_lookup(matrix: sparse.spmatrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """matrix[rows[e], cols[e]] as a dense float array."""
    m = sparse.csr_matrix(matrix)
    out = np.empty(rows.shape[0], dtype=np.float64)
    for s in range(0, rows.shape[0], _PAIR_CHUNK):
        r, c = rows[s : s + _PAIR_CHUNK], cols[s : s + _PAIR_CHUNK]
        out[s : s + _PAIR_CHUNK] = np.asarray(m[r, c]).ravel()
    return out


def _intermediary(
    trust: sparse.spmatrix, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best warm path a -> k -> b: max_k trust[a, k] * trust[k, b], both orientations.

    Returns (strength (m,), intermediary index (m,), -1 when there is none, and
    forward (m,) bool: True when the path runs a -> k -> b, i.e. a trusts k).
    """
    t = sparse.csr_matrix(trust)
    tt = sparse.csr_matrix(t.T)
    strength = np.zeros(rows.shape[0])
    via = np.full(rows.shape[0], -1, dtype=np.int64)
    forward = np.ones(rows.shape[0], dtype=bool)
    for s in range(0, rows.shape[0], _PAIR_CHUNK):
        r, c = rows[s : s + _PAIR_CHUNK], cols[s : s + _PAIR_CHUNK]
        for is_forward, (a, b) in ((True, (r, c)), (False, (c, r))):
            paths = sparse.csr_matrix(t[a].multiply(tt[b]))  # (chunk, n): a trusts k, k trusts b
            best = np.asarray(paths.max(axis=1).toarray()).ravel()
            arg = np.asarray(paths.argmax(axis=1)).ravel()
            better = best > strength[s : s + _PAIR_CHUNK]
            strength[s : s + _PAIR_CHUNK][better] = best[better]
            via[s : s + _PAIR_CHUNK][better] = arg[better]
            forward[s : s + _PAIR_CHUNK][better] = is_forward
    return strength, via, forward


def pair_components(
    members: MemberArrays,
    rows: np.ndarray,
    cols: np.ndarray,
    weights: Mapping[str, float] | None = None,
) -> dict[str, np.ndarray]:
    """Score candidate pairs (rows[e], cols[e]), e < m, with named components.

    Returns a dict of (m,) arrays: each name in `COMPONENTS` (already weighted), "total"
    (their sum; 0 with every component 0 when the pair is not allowed), "allowed" (bool),
    raw "relevance_ab" (a's needs vs b's offers) and "relevance_ba", "shared_circles"
    (count), "direct_trust", "intermediary" (member index or -1) and
    "intermediary_forward" (bool: the path runs rows[e] -> intermediary -> cols[e]).
    """
    w = dict(DEFAULT_WEIGHTS)
    if weights:
        unknown = set(weights) - set(COMPONENTS)
        if unknown:
            raise ValueError(f"unknown weight names: {sorted(unknown)}")
        w.update(weights)
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    if rows.shape != cols.shape or rows.ndim != 1:
        raise ValueError("rows and cols must be 1-d arrays of the same length")
    n = members.n
    if rows.size and (min(rows.min(), cols.min()) < 0 or max(rows.max(), cols.max()) >= n):
        raise ValueError(f"pair indices must be in [0, {n})")
    m = rows.shape[0]

    r_ab = np.clip(_rowwise_dot(members.needs, members.offers, rows, cols), 0.0, 1.0)
    r_ba = np.clip(_rowwise_dot(members.needs, members.offers, cols, rows), 0.0, 1.0)
    out: dict[str, np.ndarray] = {"relevance_ab": r_ab, "relevance_ba": r_ba}
    out["relevance"] = w["relevance"] * np.maximum(r_ab, r_ba)
    out["reciprocity"] = w["reciprocity"] * np.sqrt(r_ab * r_ba)

    if members.themes is not None:
        th = np.asarray(members.themes, dtype=bool)
        inter = (th[rows] & th[cols]).sum(axis=1)
        union = (th[rows] | th[cols]).sum(axis=1)
        out["themes"] = w["themes"] * np.divide(inter, union, out=np.zeros(m), where=union > 0)
    else:
        out["themes"] = np.zeros(m)

    if members.circles is not None:
        shared = _rowwise_dot(sparse.csr_matrix(members.circles), members.circles, rows, cols)
    else:
        shared = np.zeros(m)
    out["shared_circles"] = shared.round().astype(np.int64)
    # A circle in common is no reason to meet, nor is its absence alone: the bonus grows
    # with the pair's relevance and counts in full from NOVELTY_FULL_AT, so that a barely
    # relevant stranger never outranks someone who has what one seeks in one's own circle.
    best = np.maximum(r_ab, r_ba)
    out["novelty"] = w["novelty"] * (shared == 0) * np.minimum(1.0, best / NOVELTY_FULL_AT)

    if members.sector is not None:
        sector = np.asarray(members.sector)
        out["cross_sector"] = w["cross_sector"] * (sector[rows] != sector[cols])
    else:
        out["cross_sector"] = np.zeros(m)

    if members.trust is not None:
        direct = np.maximum(
            _pair_lookup(members.trust, rows, cols), _pair_lookup(members.trust, cols, rows)
        )
        warm, via, forward = _intermediary(members.trust, rows, cols)
        warm = INTERMEDIARY_DISCOUNT * warm
        via = np.where(warm > direct, via, -1)
        out["trust"] = w["trust"] * np.clip(np.maximum(direct, warm), 0.0, 1.0)
    else:
        direct, via = np.zeros(m), np.full(m, -1, dtype=np.int64)
        forward = np.ones(m, dtype=bool)
        out["trust"] = np.zeros(m)
    out["direct_trust"] = direct
    out["intermediary"] = via
    out["intermediary_forward"] = forward  # rows[e] trusts the intermediary (else cols[e])

    if members.priority is not None:
        pr = np.asarray(members.priority, dtype=float)
        grown = np.minimum(1.0, best / PRIORITY_FULL_AT)
        out["priority"] = w["priority"] * (pr[rows] + pr[cols]) / 2 * grown
    else:
        out["priority"] = np.zeros(m)

    place = place_levels(members, rows, cols)
    out["place"] = place
    near = PROXIMITY_OF_LEVEL[place] * (shared == 0)
    out["proximity"] = w["proximity"] * near * np.minimum(1.0, best / PRIORITY_FULL_AT)

    allowed = (rows != cols) & (np.maximum(r_ab, r_ba) >= MIN_RELEVANCE)
    if members.excluded is not None:
        ex = _pair_lookup(members.excluded, rows, cols) + _pair_lookup(members.excluded, cols, rows)
        allowed &= ex == 0
    if members.organisation is not None:
        org = np.asarray(members.organisation)
        same_org = (org[rows] == org[cols]) & (org[rows] >= 0)
        if members.exclude_colleagues is not None:
            no_colleagues = np.asarray(members.exclude_colleagues, dtype=bool)
            allowed &= ~(same_org & (no_colleagues[rows] | no_colleagues[cols]))
    for name in COMPONENTS:
        out[name] = np.where(allowed, out[name], 0.0)
    out["total"] = sum((out[name] for name in COMPONENTS), np.zeros(allowed.shape))
    out["allowed"] = allowed & (out["total"] > 0)
    return out


def place_levels(members: MemberArrays, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """(m,) int, how each pair can meet: SAME_CITY; else REMOTE when both accept to meet at
    a distance (then how far does not matter); else SAME_REGION; else FAR (also when a
    place is unknown)."""
    return levels_of_places(members.city, members.region, members.remote, rows, cols)


def levels_of_places(
    city: np.ndarray | None,
    region: np.ndarray | None,
    remote: np.ndarray | None,
    rows: np.ndarray,
    cols: np.ndarray,
) -> np.ndarray:
    """``place_levels`` on bare (n,) arrays: city and region codes (-1 unknown), remote."""
    level = np.full(len(rows), FAR, dtype=np.int64)
    for codes, value in ((region, SAME_REGION), (city, SAME_CITY)):
        if codes is not None:
            codes = np.asarray(codes)
            level[(codes[rows] == codes[cols]) & (codes[rows] >= 0)] = value
    if remote is not None:
        accepts = np.asarray(remote, dtype=bool)
        level[accepts[rows] & accepts[cols] & (level != SAME_CITY)] = REMOTE
    return level


def _as_dense_vectors(
    needs: Rows, offers: Rows, dim: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Project sparse needs/offers to `dim` dense dimensions (truncated SVD), float32."""
    if not sparse.issparse(needs):
        return np.asarray(needs, dtype=np.float32), np.asarray(offers, dtype=np.float32)
    from sklearn.decomposition import TruncatedSVD

    stacked = sparse.vstack([needs, offers], format="csr")
    dim = max(1, min(dim, stacked.shape[1] - 1))
    svd = TruncatedSVD(n_components=dim, random_state=seed, algorithm="randomized", n_iter=4)
    svd.fit(stacked[np.random.default_rng(seed).permutation(stacked.shape[0])[:50000]])
    return (
        svd.transform(needs).astype(np.float32),
        svd.transform(offers).astype(np.float32),
    )


def _top_k_rows(block: np.ndarray, k: int) -> np.ndarray:
    """Column indices of the k largest entries of each row of a dense block."""
    if k >= block.shape[1]:
        return np.broadcast_to(np.arange(block.shape[1]), block.shape).copy()
    return np.argpartition(block, block.shape[1] - k, axis=1)[:, -k:]


def _unique_pairs(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    key = np.sort(lo[keep].astype(np.int64) * n + hi[keep])
    if key.size:  # sort + neighbour test: np.unique hashes first, ~10x slower at 5M keys
        key = key[np.concatenate([[True], key[1:] != key[:-1]])]
    return key // n, key % n


def candidate_pairs(
    needs: sparse.spmatrix | np.ndarray,
    offers: sparse.spmatrix | np.ndarray,
    k: int = 50,
    *,
    available: np.ndarray | None = None,
    method: str = "auto",
    chunk_size: int = 1024,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Top-k partners of each member by r_ab + r_ba, without a dense n x n matrix.

    needs, offers: (n, d). Returns unique unordered pairs (rows < cols), (m,) each, with
    m <= n * k. method "exact" scores every pair in chunks of `chunk_size` rows (sparse
    products then argpartition): right for n up to ~20k. "ivf" projects to 64 dense
    dimensions and searches only the nearest k-means clusters (approximate, for 100k).
    "auto" picks "exact" below 20,000 available members.
    """
    n = needs.shape[0]
    if offers.shape != needs.shape:
        raise ValueError(f"needs {needs.shape} and offers {offers.shape} must have one shape")
    if k < 1:
        raise ValueError("k must be at least 1")
    ids = np.arange(n) if available is None else np.flatnonzero(np.asarray(available, bool))
    if ids.size < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    needs, offers = needs[ids], offers[ids]
    if method == "auto":
        method = "exact" if ids.size <= 20000 else "ivf"
    if method == "exact":
        src, dst = _candidates_exact(needs, offers, k, chunk_size)
    elif method == "ivf":
        src, dst = _candidates_ivf(needs, offers, k, seed)
    else:
        raise ValueError(f"unknown method {method!r}: use 'auto', 'exact' or 'ivf'")
    rows, cols = _unique_pairs(ids[src], ids[dst], n)
    return rows, cols


def _candidates_exact(
    needs: Rows, offers: Rows, k: int, chunk_size: int
) -> tuple[np.ndarray, np.ndarray]:
    n = needs.shape[0]
    k = min(k, n - 1)
    needs_t, offers_t = needs.T, offers.T
    if sparse.issparse(needs):
        needs_t, offers_t = sparse.csc_matrix(needs_t), sparse.csc_matrix(offers_t)
    src: list[np.ndarray] = []
    dst: list[np.ndarray] = []
    for s in range(0, n, chunk_size):
        e = min(n, s + chunk_size)
        block = needs[s:e] @ offers_t + offers[s:e] @ needs_t  # r_ab + r_ba, (chunk, n)
        block = block.toarray() if sparse.issparse(block) else np.asarray(block)
        block = block.astype(np.float32, copy=False)
        block[np.arange(e - s), np.arange(s, e)] = -np.inf
        top = _top_k_rows(block, k)
        src.append(np.repeat(np.arange(s, e), top.shape[1]))
        dst.append(top.ravel())
    return np.concatenate(src), np.concatenate(dst)


def _candidates_ivf(
    needs: Rows, offers: Rows, k: int, seed: int, nprobe: int = 6
) -> tuple[np.ndarray, np.ndarray]:
    """Inverted-file search: cluster the targets, probe the nearest clusters per group.

    Score(a, b) = r_ab + r_ba = x_a . y_b with x = [need, offer] and y = [offer, need].
    Queries are grouped by their best cluster and each group scans the `nprobe` clusters
    nearest to its mean query, so the work is blocks of dense products, not n x n.
    """
    from sklearn.cluster import MiniBatchKMeans

    nd, od = _as_dense_vectors(needs, offers, 64, seed)
    x = np.hstack([nd, od])
    y = np.hstack([od, nd])
    n = x.shape[0]
    n_clusters = int(np.clip(np.sqrt(n) * 1.0, 8, 1024))
    km = MiniBatchKMeans(
        n_clusters=n_clusters, random_state=seed, batch_size=4096, n_init=1, max_iter=20
    )
    # float64 for k-means: scikit-learn's float32 distances upcast chunk by chunk, which
    # made the k-means++ seeding alone take ~20 s at 100k members.
    target_cluster = km.fit_predict(y.astype(np.float64))
    centroids = km.cluster_centers_.astype(np.float32)
    members_of = np.argsort(target_cluster, kind="stable")
    bounds = np.searchsorted(target_cluster[members_of], np.arange(n_clusters + 1))
    query_group = np.concatenate(
        [np.argmax(x[s : s + 8192] @ centroids.T, axis=1) for s in range(0, n, 8192)]
    )
    src, dst = [], []
    where = np.full(n, -1, dtype=np.int64)
    for g in range(n_clusters):
        queries = np.flatnonzero(query_group == g)
        if queries.size == 0:
            continue
        probe = _top_k_rows((x[queries].mean(axis=0) @ centroids.T)[None, :], nprobe)[0]
        pool = np.concatenate([members_of[bounds[c] : bounds[c + 1]] for c in probe])
        where[pool] = np.arange(pool.size)
        pool_y = y[pool].T.copy()
        for s in range(0, queries.size, 2048):
            q = queries[s : s + 2048]
            block = x[q] @ pool_y
            at = where[q]  # a query inside the pool must not pick itself
            own = (at >= 0) & (at < pool.size)
            own[own] = pool[at[own]] == q[own]
            block[np.flatnonzero(own), at[own]] = -np.inf
            top = _top_k_rows(block, min(k, pool.size - 1))
            src.append(np.repeat(q, top.shape[1]))
            dst.append(pool[top].ravel())
    return np.concatenate(src), np.concatenate(dst)


def scores_matrix(
    n: int, rows: np.ndarray, cols: np.ndarray, total: np.ndarray
) -> sparse.csr_matrix:
    """Symmetric (n, n) CSR matrix of pair totals; non-positive totals are dropped."""
    keep = (np.asarray(total) > 0) & (rows != cols)
    r, c, v = rows[keep], cols[keep], np.asarray(total, dtype=np.float64)[keep]
    m = sparse.coo_matrix(
        (np.concatenate([v, v]), (np.concatenate([r, c]), np.concatenate([c, r]))), shape=(n, n)
    ).tocsr()
    m.sum_duplicates()
    return m


def round_scores(
    members: MemberArrays,
    capacity: np.ndarray,
    *,
    k: int = 50,
    weights: Mapping[str, float] | None = None,
    method: str = "auto",
    seed: int = 0,
) -> tuple[sparse.csr_matrix, dict[str, np.ndarray]]:
    """Candidates, components and the (n, n) score matrix for `plan_round`.

    Only members with capacity > 0 take part. Returns (scores, components) where
    components has the keys of `pair_components` plus "rows" and "cols".
    """
    capacity = _check_capacity(capacity, members.n)
    rows, cols = candidate_pairs(
        members.needs, members.offers, k, available=capacity > 0, method=method, seed=seed
    )
    comp = pair_components(members, rows, cols, weights)
    comp["rows"], comp["cols"] = rows, cols
    return scores_matrix(members.n, rows, cols, comp["total"]), comp


def _check_capacity(capacity: ArrayLike, n: int) -> np.ndarray:
    cap = np.asarray(capacity)
    if cap.shape != (n,):
        raise ValueError(f"capacity must have shape ({n},), got {cap.shape}")
    fractional = cap.size and not np.issubdtype(cap.dtype, np.integer)
    if fractional and (not np.all(np.isfinite(cap)) or np.any(cap != np.round(cap))):
        raise ValueError("capacity must hold whole numbers (introductions per member)")
    cap = cap.astype(np.int64)
    if np.any(cap < 0):
        raise ValueError("capacity must be non-negative (0 = no consent or unavailable)")
    return cap


def _edges(
    scores: Rows, capacity: ArrayLike, priority: ArrayLike | None
) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Validated upper-triangle edges (u < v) with positive weight and free endpoints."""
    if not (sparse.issparse(scores) or isinstance(scores, np.ndarray)):
        raise ValueError("scores must be a scipy.sparse matrix or a numpy array")
    if scores.ndim != 2 or scores.shape[0] != scores.shape[1]:
        raise ValueError(f"scores must be a square (n, n) matrix, got shape {scores.shape}")
    n = int(scores.shape[0])
    s = sparse.csr_matrix(scores, dtype=np.float64)
    if not np.all(np.isfinite(s.data)):
        raise ValueError("scores contain NaN or infinite values")
    diff = abs(s - s.T)
    if diff.nnz and diff.max() > 1e-9 * max(1.0, abs(s).max()):
        raise ValueError("scores must be symmetric: scores[a, b] == scores[b, a]")
    cap = _check_capacity(capacity, n)
    upper = sparse.triu(s, k=1).tocoo()
    u, v, w = upper.row.astype(np.int64), upper.col.astype(np.int64), upper.data
    keep = (w > 0) & (cap[u] > 0) & (cap[v] > 0)
    u, v, w = u[keep], v[keep], w[keep]
    if priority is not None:
        pr = np.asarray(priority, dtype=np.float64)
        if pr.shape != (n,) or not np.all(np.isfinite(pr)) or np.any(pr < 0):
            raise ValueError(f"priority must be a finite non-negative array of shape ({n},)")
        w = w + pr[u] + pr[v]
    return n, u, v, w, cap


def plan_round(
    scores: sparse.spmatrix | np.ndarray,
    capacity: np.ndarray,
    seed: int = 0,
    *,
    priority: np.ndarray | None = None,
    exact_max_edges: int = 4000,
    time_limit: float = 50.0,
    price_iterations: int = 200,
    search_limit: float | None = None,
) -> np.ndarray:
    """Choose a round of introductions maximising the total score (weighted b-matching).

    scores: (n, n) symmetric, entries > 0 are allowed pairs (zero/absent/negative: never).
    capacity: (n,) int >= 0, introductions each member accepts this round (0 = none).
    priority: optional (n,) bonus added to every allowed pair of a member (fairness:
        members left out last round first). Returns int64 (m, 2) pairs, a < b, sorted.

    Exact (integer program, HiGHS) up to `exact_max_edges` allowed pairs. Above, prices
    from the LP dual (`price_iterations` subgradient steps on each member's best pairs)
    order a greedy pass by reduced score (score minus both members' prices), then local
    search (add a pair, dropping at most the weakest pair of each end, while the total
    grows) for at most `search_limit` seconds (default: `time_limit`). Small pools also
    keep the plain greedy start when it ends better. Deterministic for a seed.
    """
    n, u, v, w, cap = _edges(scores, capacity, priority)
    if u.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    start = time.monotonic()
    rng = np.random.default_rng(seed)
    tie = rng.random(w.size)
    search = time_limit if search_limit is None else search_limit
    chosen = None
    if price_iterations > 0:
        y, _ = _dual_prices(n, u, v, w, cap, price_iterations)
        chosen = _greedy_order(n, u, v, cap, np.lexsort((tie, -(w - y[u] - y[v]))))
        chosen = _local_search(n, u, v, w, cap, chosen, deadline=start + search)
    if chosen is None or u.size <= exact_max_edges:
        plain = _greedy(n, u, v, w, cap, rng)
        plain = _local_search(n, u, v, w, cap, plain, deadline=time.monotonic() + search)
        if chosen is None or w[plain].sum() > w[chosen].sum():
            chosen = plain
    if u.size <= exact_max_edges:
        exact = _exact(n, u, v, w, cap, time_limit)
        if exact is not None and w[exact].sum() >= w[chosen].sum():
            chosen = exact
    pairs = np.stack([u[chosen], v[chosen]], axis=1)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def _rank_at(vertex: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Rank of each edge among the edges of `vertex[e]`, heaviest first (0 = best)."""
    order = np.lexsort((-w, vertex))
    sorted_vertex = vertex[order]
    first = np.searchsorted(sorted_vertex, sorted_vertex)
    rank = np.empty(w.size, dtype=np.int64)
    rank[order] = np.arange(w.size) - first
    return rank


def _dual_prices(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    w: np.ndarray,
    cap: np.ndarray,
    iterations: int,
    extra: int = 8,
) -> tuple[np.ndarray, float]:
    """Member prices y >= 0 from subgradient descent on the dual of the b-matching LP.

    Dual: min sum_v cap_v y_v + sum_e max(0, w_e - y_u - y_v). Any y >= 0 gives an upper
    bound on the LP relaxation (weak duality). Steps run on the pairs ranked within
    cap + `extra` of either end, plus every pair found with a positive reduced score at a
    refresh (every 25 steps), so each step is a few vectorised passes over a fraction of
    the pairs. Returns (prices, dual bound over *all* edges for the best prices).
    """
    rank = _rank_at(np.concatenate([u, v]), np.concatenate([w, w]))  # over all its pairs
    rank_u, rank_v = rank[: w.size], rank[w.size :]
    keep = (rank_u < cap[u] + extra) | (rank_v < cap[v] + extra)
    ku, kv, kw = u[keep], v[keep], w[keep]
    capf = cap.astype(np.float64)
    # Start from half the best pair each member would give up (its (cap+1)-th best):
    # the price at which its last place is contested.
    y = np.zeros(n)
    y[u[rank_u == cap[u]]] += 0.5 * w[rank_u == cap[u]]
    y[v[rank_v == cap[v]]] += 0.5 * w[rank_v == cap[v]]
    best, best_y = np.inf, y
    step0 = 0.2 * float(np.median(kw))
    r = np.empty(kw.size)
    for it in range(iterations):
        if it and it % 25 == 0:  # let pairs priced out of the kept set back in
            keep |= w - y[u] - y[v] > 0
            ku, kv, kw = u[keep], v[keep], w[keep]
            r = np.empty(kw.size)
        np.subtract(kw, y[ku], out=r)
        r -= y[kv]
        np.maximum(r, 0.0, out=r)
        if it % 5 == 0 or it == iterations - 1:
            dual = capf @ y + r.sum()
            if dual < best:
                best, best_y = dual, y.copy()
        pos = (r > 0).astype(np.float64)
        excess = np.bincount(ku, pos, minlength=n) + np.bincount(kv, pos, minlength=n) - capf
        step = step0 / (1 + it) ** 0.6
        y = np.maximum(0.0, y + step * np.clip(excess, -3, 3) / 3)
    r = w - best_y[u] - best_y[v]
    return best_y, float(capf @ best_y + r[r > 0].sum())


def _greedy_order(
    n: int, u: np.ndarray, v: np.ndarray, cap: np.ndarray, order: np.ndarray
) -> np.ndarray:
    """Take edges in `order` while both ends have room; boolean mask of chosen edges."""
    load = [0] * n
    capl = cap.tolist()
    picked: list[int] = []
    for e, a, b in zip(order.tolist(), u[order].tolist(), v[order].tolist(), strict=True):
        if load[a] < capl[a] and load[b] < capl[b]:
            load[a] += 1
            load[b] += 1
            picked.append(e)
    chosen = np.zeros(u.size, dtype=bool)
    chosen[picked] = True
    return chosen


def total_score(scores: sparse.spmatrix | np.ndarray, pairs: np.ndarray) -> float:
    """Sum of scores[a, b] over chosen pairs (m, 2)."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if pairs.size == 0:
        return 0.0
    return float(np.asarray(sparse.csr_matrix(scores)[pairs[:, 0], pairs[:, 1]]).sum())


def _greedy(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    w: np.ndarray,
    cap: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Heaviest pairs first, ties in a seeded random order; boolean mask of chosen edges."""
    return _greedy_order(n, u, v, cap, np.lexsort((rng.random(w.size), -w)))


def _best_per_vertex(
    vertex: np.ndarray, weight: np.ndarray, edge: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """For each vertex, the largest weight and its edge among (vertex, weight, edge)."""
    best_w = np.zeros(n)
    best_e = np.full(n, -1, dtype=np.int64)
    if vertex.size:
        order = np.lexsort((edge, -weight, vertex))
        vertex, weight, edge = vertex[order], weight[order], edge[order]
        first = np.ones(vertex.size, dtype=bool)
        first[1:] = vertex[1:] != vertex[:-1]
        best_w[vertex[first]] = weight[first]
        best_e[vertex[first]] = edge[first]
    return best_w, best_e


def _local_search(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    w: np.ndarray,
    cap: np.ndarray,
    chosen: np.ndarray,
    deadline: float,
    max_rounds: int = 500,
) -> np.ndarray:
    """Improve a b-matching with short augmenting moves while the total grows.

    Move: add a free pair (a, b); at each full end x, drop the pair (x, y) that costs
    least, where dropping frees y, which may at once take its best pair (y, z) towards a
    member z with room (an alternating path of length up to 5). Each round prices every
    unchosen pair in one vectorised step, then applies the best non-overlapping moves (no
    member touched twice in a round), until no move gains or the deadline passes.
    """
    chosen = chosen.copy()
    eps = 1e-12 * max(1.0, float(w.max()))
    ul, vl = u.tolist(), v.tolist()
    for _ in range(max_rounds):
        if time.monotonic() > deadline:
            break
        load = np.bincount(u[chosen], minlength=n) + np.bincount(v[chosen], minlength=n)
        free = load < cap
        full = ~free
        # refill[y]: best unchosen pair (y, z) with room at z, taken if y loses a pair.
        open_uv = ~chosen & free[v]
        open_vu = ~chosen & free[u]
        refill_w, refill_e = _best_per_vertex(
            np.concatenate([u[open_uv], v[open_vu]]),
            np.concatenate([w[open_uv], w[open_vu]]),
            np.concatenate([np.flatnonzero(open_uv), np.flatnonzero(open_vu)]),
            n,
        )
        # Dropping chosen pair (x, y) at x costs w(x, y) minus what y regains.
        idx = np.flatnonzero(chosen)
        x_end = np.concatenate([u[idx], v[idx]])
        y_end = np.concatenate([v[idx], u[idx]])
        drop_cost = w[np.concatenate([idx, idx])] - refill_w[y_end]
        neg_w, drop_e = _best_per_vertex(x_end, -drop_cost, np.concatenate([idx, idx]), n)
        cost = np.where(full, -neg_w, 0.0)
        gain = w - cost[u] - cost[v]
        gain[chosen] = 0.0
        cand = np.flatnonzero(gain > eps)
        if cand.size == 0:
            break
        cand = cand[np.argsort(-gain[cand], kind="stable")]
        lock = np.zeros(n, dtype=bool).tolist()
        fulll = full.tolist()
        drop_el, refill_el = drop_e.tolist(), refill_e.tolist()
        add, drop = [], []
        for e in cand.tolist():
            a, b = ul[e], vl[e]
            touched = [a, b]
            move_add, move_drop = [e], []
            for x in (a, b):
                if not fulll[x]:
                    continue
                d = drop_el[x]
                y = ul[d] if vl[d] == x else vl[d]
                touched.append(y)
                move_drop.append(d)
                r = refill_el[y]
                if r >= 0:
                    z = ul[r] if vl[r] == y else vl[r]
                    touched.append(z)
                    move_add.append(r)
            if len(set(touched)) != len(touched) or any(lock[t] for t in touched):
                continue
            for t in touched:
                lock[t] = True
            add += move_add
            drop += move_drop
        if not add:
            break
        chosen[drop] = False
        chosen[add] = True
    return chosen


def _exact(
    n: int, u: np.ndarray, v: np.ndarray, w: np.ndarray, cap: np.ndarray, time_limit: float
) -> np.ndarray | None:
    """Integer program: max w.x, each member in at most cap pairs, x binary (HiGHS)."""
    m = u.size
    incidence = sparse.csr_matrix(
        (np.ones(2 * m), (np.concatenate([u, v]), np.concatenate([np.arange(m)] * 2))),
        shape=(n, m),
    )
    res = milp(
        c=-w,
        constraints=LinearConstraint(incidence, ub=cap.astype(float)),
        integrality=np.ones(m),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "disp": False},
    )
    if res.x is None:
        return None
    chosen: np.ndarray = res.x > 0.5
    return chosen


# ---------------------------------------------------------------------- ask the network

# Relevance comes first; nearness (same city in full, same region half, or both accepting
# to meet at a distance) reorders comparably relevant answers, as in rounds: 0.1 is worth
# a relevance gap of 0.13, and is grown with relevance (see PRIORITY_FULL_AT).
ASK_WEIGHTS = {"relevance": 0.75, "trust": 0.15, "novelty": 0.10, "proximity": 0.1}
# Nearness of someone of one's own circle, as a share of a stranger's: enough to put the
# nearer of two comparably relevant members of one's circles first (rounds do not need it:
# they never propose one's own circle), never enough to put them before a stranger as
# relevant (at most 0.05 against novelty's 0.10).
ASK_OWN_CIRCLE_NEARNESS = 0.5
ASK_COMPONENTS = ("relevance", "trust", "novelty", "proximity")


@dataclass(frozen=True)
class AskPlaces:
    """Where the n members of an ask are and where the asker is (codes as in
    ``MemberArrays``: -1 unknown)."""

    city: np.ndarray  # (n,) int
    region: np.ndarray  # (n,) int
    remote: np.ndarray  # (n,) bool
    asker_city: int = -1
    asker_region: int = -1
    asker_remote: bool = False

    def levels(self, idx: np.ndarray) -> np.ndarray:
        """(len(idx),) place level (FAR, SAME_REGION, SAME_CITY, REMOTE) of the asker
        with each member ``idx``, by ``levels_of_places``: the asker is one more row."""
        city = np.append(np.asarray(self.city, np.int64)[idx], self.asker_city)
        region = np.append(np.asarray(self.region, np.int64)[idx], self.asker_region)
        remote = np.append(np.asarray(self.remote, bool)[idx], self.asker_remote)
        me = np.full(len(idx), len(idx), dtype=np.int64)
        return levels_of_places(city, region, remote, me, np.arange(len(idx)))


def ask_network(
    query: sparse.spmatrix | np.ndarray,
    offers: sparse.spmatrix | np.ndarray | PostingRows,
    k: int = 10,
    *,
    trust_row: sparse.spmatrix | np.ndarray | None = None,
    asker_circles: np.ndarray | None = None,
    circles: sparse.spmatrix | None = None,
    eligible: np.ndarray | None = None,
    places: AskPlaces | None = None,
    weights: Mapping[str, float] | None = None,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """Rank members for a free-text need ("je cherche…").

    query: (d,) or (1, d) encoded need; offers: (n, d) precomputed unit rows
    (`text.PostingRows` is fastest for one question, then CSR). trust_row: (n,) or
    (1, n) the asker's trust in each member. asker_circles: indices of the asker's
    circles; circles: (n, c) sparse membership (CSC is fastest). eligible: (n,) bool,
    e.g. visible, consenting and not the asker. places: where each member and the asker
    are; nearness counts as in rounds (``pair_components``), grown with relevance, in
    full with no circle in common and at ``ASK_OWN_CIRCLE_NEARNESS`` for someone of the
    asker's circles (the nearer of two as relevant first, a stranger as relevant still
    before both). Only members with relevance >= MIN_RELEVANCE are
    returned. Returns (indices (<=k,), scores, components dict of (<=k,)
    arrays "relevance", "trust", "novelty", "proximity" and "place", the place level),
    best first.
    """
    return ask_ranking(
        query,
        offers,
        trust_row=trust_row,
        asker_circles=asker_circles,
        circles=circles,
        eligible=eligible,
        places=places,
        weights=weights,
    ).best(k)


def ask_ranking(
    query: sparse.spmatrix | np.ndarray,
    offers: sparse.spmatrix | np.ndarray | PostingRows,
    *,
    trust_row: sparse.spmatrix | np.ndarray | None = None,
    asker_circles: np.ndarray | None = None,
    circles: sparse.spmatrix | None = None,
    eligible: np.ndarray | None = None,
    places: AskPlaces | None = None,
    weights: Mapping[str, float] | None = None,
) -> AskRanking:
    """`ask_network`'s scores of every member it may return, not yet ordered."""
    w = {**ASK_WEIGHTS, **(weights or {})}
    if isinstance(offers, PostingRows):  # reads the question's own terms only
        rel = np.clip(offers @ query, 0.0, 1.0)
    else:
        q = _dense(query).reshape(-1).astype(np.float32)
        rel = np.clip(np.asarray(offers @ q).ravel(), 0.0, 1.0)
    ok = rel >= MIN_RELEVANCE
    if eligible is not None:
        ok &= np.asarray(eligible, dtype=bool)
    idx = np.flatnonzero(ok)
    if idx.size == 0:
        empty = np.empty(0)
        comp = {name: empty for name in ASK_COMPONENTS}
        return AskRanking(np.empty(0, np.int64), empty, {**comp, "place": np.empty(0, np.int64)})
    rel = rel[idx]
    if trust_row is not None:
        t = _dense(trust_row)
        trust = np.clip(t.reshape(-1)[idx], 0.0, 1.0)
    else:
        trust = np.zeros(idx.size)
    apart = np.ones(idx.size, dtype=bool)  # no circle in common
    if circles is not None and asker_circles is not None and len(asker_circles):
        shared = np.asarray(sparse.csc_matrix(circles)[:, asker_circles].sum(axis=1)).ravel()
        apart = shared[idx] == 0
        novelty = apart.astype(float)
    else:
        novelty = np.zeros(idx.size)
    place = places.levels(idx) if places is not None else np.full(idx.size, FAR, np.int64)
    share = np.where(apart, 1.0, ASK_OWN_CIRCLE_NEARNESS)
    near = PROXIMITY_OF_LEVEL[place] * share * np.minimum(1.0, rel / PRIORITY_FULL_AT)
    comp = {
        "relevance": w["relevance"] * rel,
        "trust": w["trust"] * trust,
        "novelty": w["novelty"] * novelty,
        "proximity": w["proximity"] * near,
    }
    total = sum((comp[name] for name in ASK_COMPONENTS), np.zeros(idx.size))
    return AskRanking(idx, total, {**comp, "place": place})


@dataclass(frozen=True)
class AskRanking:
    """Every member `ask_network` may return, unordered: their indices, total scores and
    components. `best` orders them by score, the lower index first among equal scores, so
    that the best ``k`` of any subset are the first ``k`` of that subset in `best`'s
    order (a ranking over all members, checked best first, gives the subset's own)."""

    idx: np.ndarray
    total: np.ndarray
    comp: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        return int(self.idx.size)

    def order(self, k: int) -> np.ndarray:
        """Positions of the best ``k`` (all if fewer), best first; ties by index."""
        k = min(k, self.idx.size)
        if k <= 0:
            return np.empty(0, np.int64)
        total, idx = self.total, self.idx
        if k < idx.size:  # every member scoring at least the k-th best, ties included
            kth = total[np.argpartition(-total, k - 1)[k - 1]]
            cand = np.flatnonzero(total >= kth)
        else:
            cand = np.arange(idx.size)
        return cand[np.lexsort((idx[cand], -total[cand]))][:k]

    def take(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        """`ask_network`'s return for these positions (in their order)."""
        found = {name: val[positions] for name, val in self.comp.items()}
        return self.idx[positions], self.total[positions], found

    def best(self, k: int) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        return self.take(self.order(k))
