"""How open circles are, who brokers between them, how long newcomers wait.

Pure functions over arrays (numpy / scipy), no Django. Members and circles are contiguous
indices: members ``0..n_members-1``, circles ``0..n_circles-1``. A *tie* is an undirected
pair of members (a vouch, a mutual meeting); a *membership* is a (member, circle) pair, and
a member may belong to several circles.

Relative to a circle ``c``, a tie touches ``c`` when at least one end is a member of ``c``;
it is *internal* when both ends are, *external* otherwise. The E-I index of Krackhardt and
Stern is ``(E - I) / (E + I)``: -1 for a closed circle, +1 for one whose ties all leave it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike

__all__ = [
    "CircleTies",
    "WaitStats",
    "betweenness",
    "circle_graph",
    "circle_ties",
    "ei_index",
    "external_share",
    "member_brokerage",
    "overall_ties",
    "period_of",
    "per_period_mean",
    "per_period_sum",
    "wait_stats",
]


def _int_array(values: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(values)
    if arr.size == 0:
        return np.zeros(0, dtype=np.int64)
    if arr.ndim != 1 or not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(f"{name} must be a one-dimensional array of integers")
    return arr.astype(np.int64, copy=False)


def _float_array(values: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional")
    return arr


def _check_range(arr: np.ndarray, upper: int, name: str) -> None:
    if arr.size and (arr.min() < 0 or arr.max() >= upper):
        raise ValueError(f"{name} must lie in [0, {upper})")


def _ties(src: ArrayLike, dst: ArrayLike, n_members: int) -> tuple[np.ndarray, np.ndarray]:
    src, dst = _int_array(src, "src"), _int_array(dst, "dst")
    if src.shape != dst.shape:
        raise ValueError("src and dst must have the same length")
    if n_members < 0:
        raise ValueError("n_members must be non-negative")
    _check_range(src, n_members, "src")
    _check_range(dst, n_members, "dst")
    if np.any(src == dst):
        raise ValueError("a tie joins two different members (src == dst found)")
    return src, dst


def membership_matrix(
    members: ArrayLike, circles: ArrayLike, n_members: int, n_circles: int
) -> sp.csr_array:
    """Boolean incidence matrix, shape (n_members, n_circles), from (member, circle) pairs.
    Duplicate pairs are merged."""
    members, circles = _int_array(members, "members"), _int_array(circles, "circles")
    if members.shape != circles.shape:
        raise ValueError("members and circles must have the same length")
    if n_circles < 0:
        raise ValueError("n_circles must be non-negative")
    _check_range(members, n_members, "members")
    _check_range(circles, n_circles, "circles")
    data = np.ones(members.size, dtype=np.int8)
    m = sp.csr_array((data, (members, circles)), shape=(n_members, n_circles))
    m.sum_duplicates()
    m.data[:] = 1
    return m


def ei_index(internal: ArrayLike, external: ArrayLike) -> np.ndarray:
    """E-I index ``(E - I) / (E + I)`` element-wise; NaN where a circle has no tie.

    ``internal``, ``external``: non-negative counts (scalars or arrays of one shape).
    Returns floats in [-1, 1] (or NaN), same shape.
    """
    i = np.asarray(internal, dtype=np.float64)
    e = np.asarray(external, dtype=np.float64)
    if i.shape != e.shape:
        raise ValueError("internal and external must have the same shape")
    if np.any(i < 0) or np.any(e < 0):
        raise ValueError("tie counts must be non-negative")
    total = i + e
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (e - i) / np.where(total > 0, total, 1.0), np.nan)


def external_share(internal: ArrayLike, external: ArrayLike) -> np.ndarray:
    """Share of ties that leave the circle, ``E / (E + I)`` in [0, 1]; NaN without ties.
    Equals ``(1 + EI) / 2``."""
    i = np.asarray(internal, dtype=np.float64)
    e = np.asarray(external, dtype=np.float64)
    return (1.0 + ei_index(i, e)) / 2.0


@dataclass(frozen=True)
class CircleTies:
    """Per-circle tie counts, each of shape (n_circles,)."""

    internal: np.ndarray
    external: np.ndarray

    @property
    def ei(self) -> np.ndarray:
        return ei_index(self.internal, self.external)

    @property
    def share_out(self) -> np.ndarray:
        return external_share(self.internal, self.external)


def circle_ties(
    src: ArrayLike,
    dst: ArrayLike,
    members: ArrayLike,
    circles: ArrayLike,
    n_members: int,
    n_circles: int,
) -> CircleTies:
    """Internal and external ties of every circle.

    ``src``, ``dst``: shape (n_ties,), member indices of each tie's ends (undirected; pass
    each tie once). ``members``, ``circles``: shape (n_memberships,), parallel arrays of
    (member, circle) pairs. A tie between two members of ``c`` is internal to ``c``; a tie
    with exactly one end in ``c`` is external to ``c``.
    """
    src, dst = _ties(src, dst, n_members)
    m = membership_matrix(members, circles, n_members, n_circles)
    a, b = m[src], m[dst]
    internal = np.asarray(a.multiply(b).sum(axis=0)).ravel().astype(np.int64)
    touching = np.asarray(a.sum(axis=0)).ravel() + np.asarray(b.sum(axis=0)).ravel() - internal
    return CircleTies(internal=internal, external=(touching - internal).astype(np.int64))


def overall_ties(
    src: ArrayLike,
    dst: ArrayLike,
    members: ArrayLike,
    circles: ArrayLike,
    n_members: int,
    n_circles: int,
) -> tuple[int, int]:
    """(internal, external) over the whole platform: a tie is internal when its two ends
    share at least one circle, external when they share none. Ties with an end that
    belongs to no circle are left out (they say nothing about circles)."""
    src, dst = _ties(src, dst, n_members)
    m = membership_matrix(members, circles, n_members, n_circles)
    in_some = np.asarray(m.sum(axis=1)).ravel() > 0
    keep = in_some[src] & in_some[dst]
    shared = np.asarray(m[src[keep]].multiply(m[dst[keep]]).sum(axis=1)).ravel() > 0
    internal = int(shared.sum())
    return internal, int(keep.sum()) - internal


def member_brokerage(
    src: ArrayLike,
    dst: ArrayLike,
    members: ArrayLike,
    circles: ArrayLike,
    n_members: int,
    n_circles: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Who links circles: per member, shape (n_members,) each,

    - ``cross``: ties to members with whom they share no circle (both ends in a circle);
    - ``reached``: distinct circles reached through those ties that are not their own.
    """
    src, dst = _ties(src, dst, n_members)
    m = membership_matrix(members, circles, n_members, n_circles)
    in_some = np.asarray(m.sum(axis=1)).ravel() > 0
    keep = in_some[src] & in_some[dst]
    s, d = src[keep], dst[keep]
    shared = np.asarray(m[s].multiply(m[d]).sum(axis=1)).ravel() > 0
    s, d = s[~shared], d[~shared]
    cross = np.bincount(np.concatenate([s, d]), minlength=n_members).astype(np.int64)
    # member -> circles of the other end, as a sparse (n_members, n_circles) count matrix
    ends = np.concatenate([s, d])
    others = np.concatenate([d, s])
    pick = sp.csr_array(
        (np.ones(ends.size, dtype=np.int64), (ends, others)), shape=(n_members, n_members)
    )
    reach = (pick @ m.astype(np.int64)).tocsr()
    reach.data = (reach.data > 0).astype(np.int64)
    own = m.astype(np.int64)
    reached = np.asarray((reach - reach.multiply(own)).sum(axis=1)).ravel()
    return cross, np.maximum(reached, 0).astype(np.int64)


def circle_graph(
    src: ArrayLike,
    dst: ArrayLike,
    members: ArrayLike,
    circles: ArrayLike,
    n_members: int,
    n_circles: int,
) -> np.ndarray:
    """Weighted circle graph, shape (n_circles, n_circles), symmetric, zero diagonal.

    ``w[c, d]`` counts what joins ``c`` and ``d``: members in both, plus ties with one end
    in ``c`` and the other in ``d`` that are not internal to a circle both ends share.
    """
    src, dst = _ties(src, dst, n_members)
    m = membership_matrix(members, circles, n_members, n_circles).astype(np.int64)
    shared = (m.T @ m).toarray()
    np.fill_diagonal(shared, 0)
    a, b = m[src], m[dst]
    common = np.asarray(a.multiply(b).sum(axis=1)).ravel() > 0
    a, b = a[~common], b[~common]
    cross = (a.T @ b).toarray()
    cross = cross + cross.T
    np.fill_diagonal(cross, 0)
    out: np.ndarray = (shared + cross).astype(np.int64)
    return out


def betweenness(weights: ArrayLike) -> np.ndarray:
    """Normalised betweenness centrality of each node of an undirected graph (Brandes).

    ``weights``: shape (n, n), symmetric; any positive entry is an edge (hops are counted,
    strengths are not). Returns shape (n,), in [0, 1]: the share of shortest paths between
    other pairs that pass through the node. Meant for small graphs (circles).
    """
    w = np.asarray(weights)
    if w.ndim != 2 or w.shape[0] != w.shape[1]:
        raise ValueError("weights must be a square matrix")
    if not np.array_equal(w, w.T):
        raise ValueError("weights must be symmetric")
    n = w.shape[0]
    adjacency = [np.flatnonzero((w[i] > 0) & (np.arange(n) != i)) for i in range(n)]
    score = np.zeros(n, dtype=np.float64)
    for s in range(n):
        stack: list[int] = []
        preds: list[list[int]] = [[] for _ in range(n)]
        sigma = np.zeros(n)
        sigma[s] = 1.0
        dist = np.full(n, -1, dtype=np.int64)
        dist[s] = 0
        queue = deque([s])
        while queue:
            v = queue.popleft()
            stack.append(v)
            for x in adjacency[v].tolist():
                if dist[x] < 0:
                    dist[x] = dist[v] + 1
                    queue.append(x)
                if dist[x] == dist[v] + 1:
                    sigma[x] += sigma[v]
                    preds[x].append(v)
        delta = np.zeros(n)
        while stack:
            x = stack.pop()
            for v in preds[x]:
                delta[v] += sigma[v] / sigma[x] * (1.0 + delta[x])
            if x != s:
                score[x] += delta[x]
    pairs = (n - 1) * (n - 2)  # ordered pairs of other nodes (each path counted twice)
    return score / pairs if pairs > 0 else score


@dataclass(frozen=True)
class WaitStats:
    """Waiting times in days: completed waits summarised, open ones counted apart."""

    done: int
    median: float | None
    q1: float | None
    q3: float | None
    waiting: int
    waiting_median: float | None  # how long those still waiting have waited so far
    waiting_longest: float | None = None  # the longest of the open waits so far
    # Kaplan-Meier median of every wait, open ones counted as censored at ``now``; when
    # fewer than half are sure to have waited less, ``median_all`` is a lower bound
    # (the longest wait followed) and ``median_all_above`` says so.
    median_all: float | None = None
    median_all_above: bool = False


def _quantiles(values: np.ndarray) -> tuple[float | None, float | None, float | None]:
    if values.size == 0:
        return None, None, None
    q1, med, q3 = np.quantile(values, [0.25, 0.5, 0.75])
    return float(med), float(q1), float(q3)


def kaplan_meier_median(durations: ArrayLike, observed: ArrayLike) -> tuple[float | None, bool]:
    """Median of durations some of which are still running (Kaplan-Meier estimator).

    ``durations``: shape (n,), finite, >= 0; ``observed``: shape (n,), False where the
    duration is still running (censored at that value). Returns ``(median, reached)``: the
    smallest duration at which the estimated share still waiting falls to one half, and
    True; when it never does, the longest duration followed (a lower bound of the median)
    and False. ``(None, False)`` for no durations.
    """
    d = _float_array(durations, "durations")
    seen = np.asarray(observed, dtype=bool)
    if d.shape != seen.shape:
        raise ValueError("durations and observed must have the same length")
    if not np.all(np.isfinite(d)) or np.any(d < 0):
        raise ValueError("durations must be finite and non-negative")
    if d.size == 0:
        return None, False
    times, events = np.unique(d[seen], return_counts=True)
    if times.size:
        at_risk = d.size - np.searchsorted(np.sort(d), times, side="left")
        still = np.cumprod(1.0 - events / at_risk)
        half = np.flatnonzero(still <= 0.5 + 1e-12)
        if half.size:
            return float(times[half[0]]), True
    return float(d.max()), False


def wait_stats(start: ArrayLike, end: ArrayLike, now: float) -> WaitStats:
    """Time from ``start`` to ``end``, in the units given (e.g. days).

    ``start``: shape (n,), finite. ``end``: shape (n,), NaN where the event has not
    happened yet (censored: those are reported as still waiting, with how long they have
    waited by ``now``, never mixed into the median). ``end`` before ``start`` is an error.
    """
    start, end = _float_array(start, "start"), _float_array(end, "end")
    if start.shape != end.shape:
        raise ValueError("start and end must have the same length")
    if not np.all(np.isfinite(start)):
        raise ValueError("start must be finite")
    happened = ~np.isnan(end)
    waits = end[happened] - start[happened]
    if np.any(waits < 0):
        raise ValueError("end must not come before start")
    median, q1, q3 = _quantiles(waits)
    open_waits = np.maximum(now - start[~happened], 0.0)
    median_all, reached = kaplan_meier_median(
        np.concatenate([waits, open_waits]),
        np.concatenate([np.ones(waits.size, bool), np.zeros(open_waits.size, bool)]),
    )
    return WaitStats(
        done=int(waits.size),
        median=median,
        q1=q1,
        q3=q3,
        waiting=int(open_waits.size),
        waiting_median=float(np.median(open_waits)) if open_waits.size else None,
        waiting_longest=float(open_waits.max()) if open_waits.size else None,
        median_all=median_all,
        median_all_above=median_all is not None and not reached,
    )


def period_of(times: ArrayLike, boundaries: ArrayLike) -> np.ndarray:
    """Period index of each time: ``boundaries`` shape (p + 1,), increasing, define p
    half-open periods ``[b[k], b[k+1])``. Returns shape (n,), -1 outside every period."""
    t = _float_array(times, "times")
    b = _float_array(boundaries, "boundaries")
    if b.size < 2 or np.any(np.diff(b) <= 0):
        raise ValueError("boundaries must be increasing, at least two of them")
    k = np.searchsorted(b, t, side="right") - 1
    k[(t < b[0]) | (t >= b[-1]) | np.isnan(t)] = -1
    return k.astype(np.int64)


def per_period_sum(times: ArrayLike, values: ArrayLike, boundaries: ArrayLike) -> np.ndarray:
    """Sum of ``values`` (shape (n,)) per period; shape (p,)."""
    v = _float_array(values, "values")
    k = period_of(times, boundaries)
    if v.shape != k.shape:
        raise ValueError("times and values must have the same length")
    inside = k >= 0
    return np.bincount(k[inside], weights=v[inside], minlength=np.size(boundaries) - 1)


def per_period_mean(times: ArrayLike, values: ArrayLike, boundaries: ArrayLike) -> np.ndarray:
    """Mean of ``values`` per period; NaN for an empty period. Shape (p,)."""
    k = period_of(times, boundaries)
    counts = np.bincount(k[k >= 0], minlength=np.size(boundaries) - 1)
    sums = per_period_sum(times, values, boundaries)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
