"""Trust between members: evidence weights, Sybil-resistant reputation, personalised trust,
explanations and a circle's view of an applicant.

Pure numpy / scipy; nodes are indices ``0..n-1`` (see :class:`passerelles.engine.graph.IdIndex`
to map database ids). Evidence ``u -> v`` means "u vouches for / met / endorses / reported v":
a positive weight is trust, a negative one distrust.

Typical use::

    w = evidence_weights(kind, strength, age_days)              # (m,) float
    g = TrustGraph.from_edges(src, dst, w, num_nodes=n, kind=kind, label=evidence_ids)
    r = reputation(g, seeds)                                    # (n,) global, Sybil-resistant
    t = personal_trust(g, viewer)                               # (n,) from one member's view
    paths = explain(g, viewer, target, k=3)                     # list[TrustPath], best first
    view = circle_view(g, circle_members, applicant)            # view.admission_score in [0, 1]
    admitted = view.admission_score >= circle_threshold
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from passerelles.engine.graph import as_index_array, csr_from_edges, gather_rows, validate_edges

__all__ = [
    "BASE_WEIGHTS",
    "DEFAULT_ADMISSION_THRESHOLD",
    "DEFAULT_HALF_LIFE_DAYS",
    "EVIDENCE_FLOOR",
    "KIND_ENDORSEMENT",
    "KIND_MEETING",
    "KIND_REPORT",
    "KIND_UNKNOWN",
    "KIND_VOUCH",
    "TIE_FULL_WEIGHT",
    "CircleView",
    "PathEdge",
    "TrustGraph",
    "TrustPath",
    "admission_score",
    "circle_view",
    "evidence_weights",
    "explain",
    "personal_trust",
    "reputation",
]

# --- Evidence -------------------------------------------------------------------------------

KIND_UNKNOWN = -1
KIND_VOUCH = 0  # "I vouch for her": strong, deliberate
KIND_MEETING = 1  # a useful meeting attested by both sides: medium
KIND_ENDORSEMENT = 2  # a skill endorsement: weak, cheap to give
KIND_REPORT = 3  # a misconduct report upheld by a moderator: distrust

#: Weight of one piece of evidence at full strength and age zero, by kind.
BASE_WEIGHTS: dict[int, float] = {
    KIND_VOUCH: 1.0,
    KIND_MEETING: 0.5,
    KIND_ENDORSEMENT: 0.2,
    KIND_REPORT: -1.0,
}
#: Evidence loses half its weight every two years by default.
DEFAULT_HALF_LIFE_DAYS = 730.0
#: Trust received is divided by the in-weight, but never by less than this (two full vouches):
#: otherwise a member with one faint vouch, or a Sybil ring of tiny weights, would score as if
#: all its trust were concentrated.
EVIDENCE_FLOOR = 2.0
#: In the Sybil-resistant reputation, positive evidence of at least this weight counts as one
#: full tie (any vouch, meeting or endorsement worth mentioning: a fresh endorsement at a
#: quarter strength, or a vouch after eight years); evidence faded below it, as a fraction.
TIE_FULL_WEIGHT = 0.05
#: Fraction of a full tie under which evidence does not count in the reputation walks.
MIN_TIE = 1e-6
#: Suggested admission threshold: the applicant receives from the circle at least three
#: quarters of the trust per unit of evidence that the circle's median member receives.
DEFAULT_ADMISSION_THRESHOLD = 0.75


def evidence_weights(
    kind: np.ndarray | int,
    strength: np.ndarray | float = 1.0,
    age_days: np.ndarray | float = 0.0,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> np.ndarray:
    """Edge weights from evidence: ``BASE_WEIGHTS[kind] * strength * 0.5 ** (age / half_life)``.

    ``kind``: int codes (``KIND_*``), ``strength`` in ``[0, 1]`` (e.g. a 1-5 rating divided by
    5), ``age_days >= 0``; all broadcast together. Returns float64 weights, negative for reports.
    """
    kinds = np.asarray(kind)
    if kinds.size and not np.issubdtype(kinds.dtype, np.integer):
        raise ValueError(f"kind must be integer codes, got dtype {kinds.dtype}")
    strengths = np.asarray(strength, dtype=np.float64)
    ages = np.asarray(age_days, dtype=np.float64)
    if not (math.isfinite(half_life_days) and half_life_days > 0):
        raise ValueError(f"half_life_days must be a positive number, got {half_life_days}")
    if not np.all(np.isfinite(strengths)) or np.any((strengths < 0) | (strengths > 1)):
        raise ValueError("strength must be finite and within [0, 1]")
    if not np.all(np.isfinite(ages)) or np.any(ages < 0):
        raise ValueError("age_days must be finite and non-negative")
    codes = np.array(sorted(BASE_WEIGHTS), dtype=np.int64)
    table = np.array([BASE_WEIGHTS[c] for c in codes.tolist()])
    pos = np.searchsorted(codes, kinds)
    pos = np.minimum(pos, codes.size - 1)
    if kinds.size and np.any(codes[pos] != kinds):
        bad = np.asarray(kinds)[codes[pos] != kinds].ravel()[:5].tolist()
        raise ValueError(f"unknown evidence kind(s): {bad}")
    return table[pos] * strengths * np.exp2(-ages / half_life_days)


# --- Graph ----------------------------------------------------------------------------------


class TrustGraph:
    """Signed, weighted directed graph of evidence, merged per ordered pair of members.

    Attributes (``n = num_nodes``):
      * ``trust``: ``(n, n)`` CSR, positive net weight of ``u -> v`` (row ``u``);
      * ``distrust``: ``(n, n)`` CSR, absolute value of negative net weights;
      * ``trust_out`` / ``trust_in``: ``(n,)`` row / column sums of ``trust``;
      * ``trust_degree``: ``(n,)`` number of members each member trusts;
      * ``distrust_out``: ``(n,)`` row sums of ``distrust``.

    Build it with :meth:`from_edges`. Immutable once built; safe to share between threads.
    """

    def __init__(
        self,
        num_nodes: int,
        trust: sp.csr_array,
        distrust: sp.csr_array,
        evidence: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None],
    ) -> None:
        self.num_nodes = num_nodes
        self.trust = trust
        self.distrust = distrust
        self.trust_out = np.asarray(trust.sum(axis=1)).ravel()
        self.trust_in = np.bincount(trust.indices, weights=trust.data, minlength=num_nodes)
        self.trust_degree = np.diff(trust.indptr)
        self.distrust_out = np.asarray(distrust.sum(axis=1)).ravel()
        with np.errstate(divide="ignore"):
            self._inv_trust_out = np.where(self.trust_out > 0, 1.0 / self.trust_out, 0.0)
        self._evidence = evidence
        self._evidence_index: tuple[np.ndarray, np.ndarray] | None = None
        self._reverse: sp.csr_array | None = None

    @classmethod
    def from_edges(
        cls,
        src: np.ndarray,
        dst: np.ndarray,
        weight: np.ndarray | None = None,
        *,
        num_nodes: int | None = None,
        kind: np.ndarray | None = None,
        label: np.ndarray | None = None,
    ) -> TrustGraph:
        """Build from edge arrays of shape ``(m,)``.

        ``src``/``dst``: int node indices in ``[0, num_nodes)``; ``weight``: floats, ``> 0``
        trust, ``< 0`` distrust (default all ``1.0``); ``kind``: optional int evidence codes
        and ``label``: optional opaque int ids (default: the edge's position), both returned
        by :func:`explain`. Duplicate ``(src, dst)`` pairs are summed, self-loops ignored.
        Raises ``ValueError`` on mismatched lengths, bad indices, NaN or infinite weights.
        """
        src_i, dst_i, w, n = validate_edges(src, dst, weight, num_nodes)
        m = src_i.size
        kinds = None
        if kind is not None:
            kinds = np.asarray(kind)
            if kinds.shape != (m,) or (m and not np.issubdtype(kinds.dtype, np.integer)):
                raise ValueError(f"kind must be an integer array of length {m}")
        labels = None
        if label is not None:
            labels = np.asarray(label)
            if labels.shape != (m,):
                raise ValueError(f"label must have length {m}, got {labels.size}")
        # Zeros (self-loops, cancelled evidence) are dropped by the sign split below, in one
        # pass per part instead of copying and compacting the merged matrix three times.
        merged = csr_from_edges(src_i, dst_i, w, n, drop_zeros=False)
        trust = _select_entries(merged, merged.data > 0, negate=False)
        if merged.nnz and merged.data.min() < 0:
            distrust = _select_entries(merged, merged.data < 0, negate=True)
        else:
            distrust = sp.csr_array((n, n), dtype=np.float64)
        return cls(n, trust, distrust, (src_i, dst_i, w, kinds, labels))

    # Lazily built structures: only explanations need them, and at a million members they
    # cost a sort, which reputation and personal trust should not pay.
    def _reverse_trust(self) -> sp.csr_array:
        if self._reverse is None:
            self._reverse = sp.csr_array(self.trust.T)
        return self._reverse

    def _evidence_between(self, u: int, v: int) -> np.ndarray:
        """Positions (into the original edge arrays) of the evidence ``u -> v``."""
        src, dst = self._evidence[0], self._evidence[1]
        if self._evidence_index is None:
            order = np.argsort(src, kind="stable")
            indptr = np.zeros(self.num_nodes + 1, dtype=np.int64)
            np.cumsum(np.bincount(src, minlength=self.num_nodes), out=indptr[1:])
            self._evidence_index = (order, indptr)
        order, indptr = self._evidence_index
        candidates = order[indptr[u] : indptr[u + 1]]
        return candidates[dst[candidates] == v]


def _select_entries(mat: sp.csr_array, keep: np.ndarray, *, negate: bool) -> sp.csr_array:
    """The entries of CSR ``mat`` where ``keep`` (a mask over ``mat.data``) holds, as a new
    CSR with the same index dtype and sorted indices (negated when ``negate``)."""
    if keep.all():
        data = -mat.data if negate else mat.data
        return sp.csr_array((data, mat.indices, mat.indptr), shape=mat.shape, copy=False)
    counts = np.zeros(keep.size + 1, dtype=np.int64)
    np.cumsum(keep, out=counts[1:])
    indptr = counts[mat.indptr].astype(mat.indptr.dtype, copy=False)
    data = mat.data[keep]
    if negate:
        np.negative(data, out=data)
    out = sp.csr_array((data, mat.indices[keep], indptr), shape=mat.shape, copy=False)
    out.has_sorted_indices = True
    return out


def _as_nodes(values: Iterable[int] | np.ndarray | int, g: TrustGraph, name: str) -> np.ndarray:
    return np.unique(as_index_array(np.atleast_1d(np.asarray(values)), g.num_nodes, name))


def _normalise_by_evidence(received: np.ndarray, trust_in: np.ndarray, floor: float) -> np.ndarray:
    # Degree normalisation as in SybilRank: a walk that has mixed in the honest region visits
    # members in proportion to the trust they receive, so dividing by it puts everyone there
    # on the same footing, while Sybils behind few attack edges stay near zero.
    return received / np.maximum(trust_in, floor)


# --- Global reputation ------------------------------------------------------------------------


def reputation(
    g: TrustGraph,
    seeds: Iterable[int] | np.ndarray,
    *,
    iterations: int | None = None,
    tie_weight: float = TIE_FULL_WEIGHT,
    distrust_weight: float = 1.0,
) -> np.ndarray:
    """Global Sybil-resistant reputation, ``(n,)`` float, higher = more trusted.

    Trust mass starts uniformly on ``seeds`` (members verified by circle admins, and the
    admins) and spreads for ``iterations`` steps (default ``ceil(log2(n))``), stopping before
    it could leak into a Sybil region through its few attack edges, in two walks:

    * directed: mass flows only along vouches, each member splitting it over the members it
      trusts, so vouches *from* Sybils to honest members carry nothing to the Sybils;
    * undirected (SybilRank): mass flows both ways along each tie (twice when reciprocated),
      so Sybils behind few attack edges also lose mass back through them.

    Each walk's mass is divided by the member's ties (in-ties, resp. all ties; at least 1),
    which puts every member of a well-mixed honest region on the same footing, and scaled so
    that its mass-weighted mean is 1. In the directed walk an in-tie from ``u`` counts
    ``min(1, in-ties(u) / out-ties(u))``, what a tie from ``u`` is expected to carry: a
    newcomer then scores about the mean of its vouchers' scores instead of ~7% less (each
    voucher's mass is split over one more out-tie), and no tie counts more than before.
    A member's reputation is the mean of the two: the
    directed view ignores Sybils' vouches for honest members, the undirected one penalises
    one-way attack edges, and averaging (rather than the minimum) lets a newcomer vouched
    by trusted members, who lags one step behind them in both walks, rank above the median
    (the minimum lost that in measurements; see benchmarks/README.md). The walks count
    ties, not strengths: positive evidence of weight ``tie_weight`` or more is one full tie
    (weaker evidence, a fraction), because an attacker can always ask for the strongest
    vouch while honest members also record weak evidence.
    Distrust subtracts, in the directed walk's units, the mass reporters send along their
    reports (``distrust_weight`` scales it): scores may be negative. Empty ``seeds`` gives
    zeros.
    """
    n = g.num_nodes
    seed_idx = _as_nodes(seeds, g, "seeds")
    if n == 0 or seed_idx.size == 0:
        return np.zeros(n)
    if iterations is None:
        iterations = max(1, math.ceil(math.log2(max(n, 2))))
    if iterations < 0:
        raise ValueError(f"iterations must be non-negative, got {iterations}")
    if not tie_weight > 0:
        raise ValueError(f"tie_weight must be positive, got {tie_weight}")
    # The walks run in float32 (mass sums are kept in float64): half the memory traffic of
    # the sparse products, which are the only O(edges) work per step.
    tie_data = np.minimum(g.trust.data, tie_weight) / tie_weight
    # Evidence below a millionth of a tie is no tie: its inverse would overflow float32.
    tie_data[tie_data < MIN_TIE] = 0.0
    tie_data = tie_data.astype(np.float32)
    ties = sp.csr_array((tie_data, g.trust.indices, g.trust.indptr), shape=g.trust.shape)
    ties_out = np.asarray(ties.sum(axis=1, dtype=np.float64)).ravel()
    ties_in = np.bincount(g.trust.indices, weights=tie_data, minlength=n)
    directed_mass, undirected_mass = _seeded_walks(ties, ties_out, ties_in, seed_idx, iterations)
    directed, scale = _scaled(
        directed_mass, np.maximum(_expected_ties_in(ties, ties_in, ties_out), 1.0)
    )
    undirected, _ = _scaled(undirected_mass, np.maximum(ties_in + ties_out, 1.0))
    score = 0.5 * (directed + undirected)
    if g.distrust.nnz and distrust_weight:
        distrust = _distrust_received(g, directed_mass) / np.maximum(ties_in, 1.0)
        score -= distrust_weight * scale * distrust
    return score


def _expected_ties_in(ties: sp.csr_array, ties_in: np.ndarray, ties_out: np.ndarray) -> np.ndarray:
    """The directed walk's normaliser, ``(n,)``: each in-tie ``u -> v`` counts
    ``min(1, ties_in[u] / ties_out[u])`` rather than 1, so at most ``ties_in[v]``.

    A well-mixed member ``u`` holds mass about ``c * ties_in[u]`` and sends
    ``c * ties_in[u] / ties_out[u]`` along each out-tie: that is what one tie from ``u`` is
    expected to carry, and dividing by it puts members vouched by prolific vouchers (whose
    mass is split over many out-ties, e.g. a trusted member who just vouched once more) on
    the same footing as the others. The cap at 1 keeps any single tie, a Sybil's included,
    from weighing more than one in-tie did; the walk and its mass are unchanged.
    One sparse product."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(ties_out > 0, np.minimum(ties_in / ties_out, 1.0), 0.0)
    return (ties.T @ ratio.astype(np.float32)).astype(np.float64)


def _scaled(mass: np.ndarray, ties: np.ndarray) -> tuple[np.ndarray, float]:
    """``mass / ties`` scaled so that its mass-weighted mean is 1 (a well-mixed honest member
    scores about 1 whatever the size of the rest of the graph), and the scale."""
    per_tie = mass / ties
    spread = float(np.dot(mass, per_tie))
    scale = 1.0 / spread if spread > 0 else 1.0
    return per_tie * scale, scale


def _seeded_walks(
    ties: sp.csr_array,
    ties_out: np.ndarray,
    ties_in: np.ndarray,
    seed_idx: np.ndarray,
    iterations: int,
) -> tuple[np.ndarray, np.ndarray]:
    """``iterations`` steps of the directed and the undirected walk from the uniform
    distribution on ``seed_idx``; mass with nowhere to go (members who trust nobody,
    isolated seeds) returns to the seeds. Three sparse products per step (one gather along
    out-edges, two scatters along in-edges through the CSC view), nothing else O(edges);
    float32 vectors, float64 mass totals. Returns float64 masses ``(n,)`` each."""
    with np.errstate(divide="ignore"):
        inv_out = np.where(ties_out > 0, 1.0 / ties_out, 0.0).astype(np.float32)
        degree = ties_out + ties_in
        inv_degree = np.where(degree > 0, 1.0 / degree, 0.0).astype(np.float32)
    n = ties_out.size
    ties_t = ties.T  # CSC view, no copy: a product with it pulls along in-edges
    seed_share = 1.0 / seed_idx.size
    directed = np.zeros(n, dtype=np.float32)
    directed[seed_idx] = seed_share
    undirected = directed.copy()
    directed_total = undirected_total = 1.0
    buffer = np.empty(n, dtype=np.float32)
    for _ in range(iterations):
        np.multiply(directed, inv_out, out=buffer)
        directed = ties_t @ buffer
        np.multiply(undirected, inv_degree, out=buffer)
        undirected = ties_t @ buffer
        undirected += ties @ buffer
        directed_total = _restart_lost(directed, directed_total, seed_idx, seed_share)
        undirected_total = _restart_lost(undirected, undirected_total, seed_idx, seed_share)
    return directed.astype(np.float64), undirected.astype(np.float64)


def _restart_lost(mass: np.ndarray, before: float, seed_idx: np.ndarray, share: float) -> float:
    """Put the mass lost in the last step (``before`` minus the current total) back on the
    seeds, in place; returns the new total."""
    after = float(mass.sum(dtype=np.float64))
    lost = before - after
    if lost > 0:
        mass[seed_idx] += np.float32(lost * share)
        return before
    return after


def _distrust_received(g: TrustGraph, mass: np.ndarray) -> np.ndarray:
    if g.distrust.nnz == 0:
        return np.zeros(g.num_nodes)
    total_out = g.trust_out + g.distrust_out
    share = np.where(total_out > 0, mass / np.where(total_out > 0, total_out, 1.0), 0.0)
    return g.distrust.T @ share


# --- Personalised trust -----------------------------------------------------------------------


def personal_trust(
    g: TrustGraph,
    viewer: int | Iterable[int] | np.ndarray,
    *,
    alpha: float = 0.15,
    tol: float = 3e-5,
    distrust_weight: float = 1.0,
) -> np.ndarray:
    """Trust from ``viewer``'s point of view, ``(n,)`` float, higher = more trusted.

    Personalised PageRank on the trust edges, restarting with probability ``alpha`` on the
    viewer (or uniformly on a set of viewers, e.g. a circle's members), approximated by a
    local push that touches only members near the viewer: each value is within about
    ``tol * out_degree`` of the exact one, and members out of reach score 0. The viewers
    themselves keep their restart mass. Distrust from members the viewer trusts subtracts
    what they send along their reports (``distrust_weight`` scales it).
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    if not tol > 0:
        raise ValueError(f"tol must be positive, got {tol}")
    n = g.num_nodes
    viewers = _as_nodes(viewer, g, "viewer")
    if n == 0 or viewers.size == 0:
        return np.zeros(n)
    mass, touched = _local_push(g, viewers, alpha, tol)
    if g.distrust.nnz and distrust_weight:
        mass -= distrust_weight * _local_distrust(g, mass, touched)
    return mass


def _local_push(
    g: TrustGraph, viewers: np.ndarray, alpha: float, tol: float
) -> tuple[np.ndarray, np.ndarray]:
    """Frontier-batched forward push (Andersen-Chung-Lang) for personalised PageRank.

    Every node whose residual exceeds ``tol`` per out-edge pushes at once, so each round is a
    handful of vectorised numpy calls. Returns the estimate and the nodes that hold mass.
    """
    n = g.num_nodes
    indptr, indices, data = g.trust.indptr, g.trust.indices, g.trust.data
    degree = g.trust_degree
    estimate = np.zeros(n)
    residual = np.zeros(n)
    restart = 1.0 / viewers.size
    residual[viewers] = restart
    active = viewers
    touched = [viewers]
    while active.size:
        pushed = residual[active]
        residual[active] = 0.0
        estimate[active] += alpha * pushed
        spread = (1.0 - alpha) * pushed
        # Members who trust nobody restart the walk, as in PageRank's dangling nodes.
        dangling = degree[active] == 0
        back = float(spread[dangling].sum()) if dangling.any() else 0.0
        positions, owner = gather_rows(indptr, active)
        targets = indices[positions]
        if targets.size:
            share = (spread * g._inv_trust_out[active])[owner] * data[positions]
            np.add.at(residual, targets, share)
        if back > 0:
            residual[viewers] += back * restart
            targets = np.concatenate([targets, viewers])
        candidates = np.unique(targets)
        active = candidates[residual[candidates] >= tol * np.maximum(degree[candidates], 1)]
        touched.append(active)
    return estimate, np.unique(np.concatenate(touched))


def _local_distrust(g: TrustGraph, mass: np.ndarray, holders: np.ndarray) -> np.ndarray:
    """Distrust ``v`` receives: ``sum_u mass[u] * |neg(u, v)| / total_out(u)``, computed
    only over the rows of the members that hold mass."""
    result = np.zeros(g.num_nodes)
    holders = holders[g.distrust_out[holders] > 0]
    if holders.size == 0:
        return result
    positions, owner = gather_rows(g.distrust.indptr, holders)
    total_out = g.trust_out[holders] + g.distrust_out[holders]
    share = (np.maximum(mass[holders], 0.0) / total_out)[owner] * g.distrust.data[positions]
    np.add.at(result, g.distrust.indices[positions], share)
    return result


# --- Explanations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PathEdge:
    """One step of a trust path. ``weight`` is the merged trust ``source -> target``;
    ``kind`` and ``label`` are those of its strongest piece of evidence (``KIND_UNKNOWN`` and
    the edge's position when the graph was built without them); ``labels`` lists all."""

    source: int
    target: int
    weight: float
    kind: int
    label: object
    labels: tuple = ()


@dataclass(frozen=True)
class TrustPath:
    """A path ``viewer -> ... -> target``; ``strength`` is the product of each step's share
    of its voucher's trust (the probability the trust walk takes this path), in ``(0, 1]``."""

    nodes: tuple[int, ...]
    edges: tuple[PathEdge, ...]
    strength: float = field(default=0.0)


def explain(
    g: TrustGraph,
    viewer: int,
    target: int,
    k: int = 3,
    *,
    max_hops: int = 4,
    max_expansions: int = 20_000,
) -> list[TrustPath]:
    """The ``k`` strongest simple trust paths from ``viewer`` to ``target`` with at most
    ``max_hops`` edges, best first (empty when there is none or ``viewer == target``).

    Best-first enumeration of paths by cost ``-log(strength)``, pruned to members within
    reach of ``target`` (a backward search of ``max_hops``); ``max_expansions`` bounds the
    work on dense graphs, so with a tiny budget some paths may be missed.
    """
    n = g.num_nodes
    viewer_i = int(as_index_array(viewer, n, "viewer"))
    target_i = int(as_index_array(target, n, "target"))
    if k < 1 or max_hops < 1:
        raise ValueError("k and max_hops must be at least 1")
    if viewer_i == target_i:
        return []
    hops_to_target = _hops_to(g, target_i, max_hops)
    if hops_to_target.get(viewer_i, max_hops + 1) > max_hops:
        return []
    indptr, indices, data = g.trust.indptr, g.trust.indices, g.trust.data
    heap: list[tuple[float, int, tuple[int, ...]]] = [(0.0, 0, (viewer_i,))]
    counter = 1
    found: list[tuple[float, tuple[int, ...]]] = []
    expansions = 0
    while heap and len(found) < k and expansions < max_expansions:
        cost, _, path = heapq.heappop(heap)
        node = path[-1]
        if node == target_i:
            found.append((cost, path))
            continue
        expansions += 1
        remaining = max_hops - (len(path) - 1) - 1
        lo, hi = indptr[node], indptr[node + 1]
        inv_out = g._inv_trust_out[node]
        for nbr, w in zip(indices[lo:hi].tolist(), data[lo:hi].tolist(), strict=True):
            if hops_to_target.get(nbr, max_hops + 1) > remaining or nbr in path:
                continue
            heapq.heappush(heap, (cost - math.log(w * inv_out), counter, (*path, nbr)))
            counter += 1
    return [
        TrustPath(
            nodes=path,
            edges=tuple(_path_edge(g, u, v) for u, v in zip(path[:-1], path[1:], strict=True)),
            strength=math.exp(-cost),
        )
        for cost, path in found
        if math.exp(-cost) > 0.0  # a strength that underflows to 0 explains nothing
    ]


def _hops_to(g: TrustGraph, target: int, max_hops: int) -> dict[int, int]:
    """Members that reach ``target`` in at most ``max_hops`` trust edges, with the hops."""
    reverse = g._reverse_trust()
    hops = {target: 0}
    frontier = np.array([target], dtype=np.int64)
    for depth in range(1, max_hops + 1):
        positions, _ = gather_rows(reverse.indptr, frontier)
        nxt = np.unique(reverse.indices[positions])
        nxt = np.array([v for v in nxt.tolist() if v not in hops], dtype=np.int64)
        if nxt.size == 0:
            break
        for v in nxt.tolist():
            hops[v] = depth
        frontier = nxt
    return hops


def _path_edge(g: TrustGraph, u: int, v: int) -> PathEdge:
    lo, hi = g.trust.indptr[u], g.trust.indptr[u + 1]
    pos = lo + int(np.searchsorted(g.trust.indices[lo:hi], v))
    weight = float(g.trust.data[pos])
    found = g._evidence_between(u, v)
    _, _, raw_weight, kinds, labels = g._evidence
    found = found[raw_weight[found] > 0]
    # Strongest evidence first; ties keep the input order (stable sort).
    found = found[np.argsort(-raw_weight[found], kind="stable")]
    all_labels = tuple(labels[found].tolist()) if labels is not None else tuple(found.tolist())
    best = found[0] if found.size else -1
    kind = int(kinds[best]) if kinds is not None and best >= 0 else KIND_UNKNOWN
    return PathEdge(u, v, weight, kind, all_labels[0] if all_labels else None, all_labels)


# --- A circle's view of an applicant ----------------------------------------------------------


@dataclass(frozen=True)
class CircleView:
    """How a circle sees an applicant.

    * ``trust``: ``(n,)`` trust received from the circle's members, per unit of evidence
      (see :func:`circle_view`);
    * ``member_scores``: ``(k,)`` the same for each member (the circle's own distribution);
    * ``applicant_score``: the applicant's value;
    * ``admission_score``: in ``[0, 1]``, ``applicant_score / median(member_scores)``
      capped at 1 (see :func:`admission_score`).

    A caller admits when ``admission_score >= threshold`` with the circle's threshold in
    ``[0, 1]``, e.g. :data:`DEFAULT_ADMISSION_THRESHOLD` = 0.75: "the circle trusts the
    applicant, per unit of evidence, at least three quarters as much as its median member".
    Because in-weight counts as at least :data:`EVIDENCE_FLOOR` (two full vouches), one
    trusted vouch scores about 0.5 and two or three about 1; an applicant vouched for only
    by accounts the circle's trust does not reach (e.g. Sybils) scores 0.
    """

    trust: np.ndarray
    member_scores: np.ndarray
    applicant_score: float
    admission_score: float

    def admits(self, threshold: float = DEFAULT_ADMISSION_THRESHOLD) -> bool:
        return self.admission_score >= threshold


def circle_view(
    g: TrustGraph,
    members: Iterable[int] | np.ndarray,
    applicant: int,
    *,
    alpha: float = 0.15,
    tol: float = 3e-5,
    evidence_floor: float = EVIDENCE_FLOOR,
) -> CircleView:
    """A circle's view of ``applicant``: trust personalised on the circle's admitted
    ``members`` (the applicant is left out of them), minus the restart mass each member
    gives itself, divided by in-weight (at least ``evidence_floor``) so that a newcomer
    with a few vouches from trusted members compares with members vouched for by many.
    ``tol`` is per member of the circle so that large circles keep their precision.
    """
    n = g.num_nodes
    applicant_i = int(as_index_array(applicant, n, "applicant"))
    member_idx = _as_nodes(members, g, "members")
    member_idx = member_idx[member_idx != applicant_i]
    if member_idx.size == 0:
        return CircleView(np.zeros(n), np.zeros(0), 0.0, 0.0)
    mass = personal_trust(g, member_idx, alpha=alpha, tol=tol / member_idx.size)
    mass[member_idx] -= alpha / member_idx.size
    trust = _normalise_by_evidence(np.maximum(mass, 0.0), g.trust_in, evidence_floor)
    trust *= float(g.trust_in.sum()) or 1.0
    member_scores = trust[member_idx]
    applicant_score = float(trust[applicant_i])
    return CircleView(
        trust, member_scores, applicant_score, admission_score(member_scores, applicant_score)
    )


def admission_score(member_scores: np.ndarray, applicant_score: float) -> float:
    """``applicant_score`` relative to the median of ``member_scores`` ``(k,)``, capped to
    ``[0, 1]``: 1 means "trusted like the circle's median member". 0 for a non-positive
    applicant score (nobody in the circle's reach vouches for them) or an empty circle; 1
    when the members' median is 0 and the applicant's score is positive. Works with any
    non-negative score, e.g. :func:`reputation` values of the circle's members."""
    scores = np.asarray(member_scores, dtype=np.float64)
    if not math.isfinite(applicant_score) or not np.all(np.isfinite(scores)):
        raise ValueError("scores must be finite")
    if applicant_score <= 0 or scores.size == 0:
        return 0.0
    median = float(np.median(scores))
    if median <= 0:
        return 1.0
    return float(min(1.0, applicant_score / median))
