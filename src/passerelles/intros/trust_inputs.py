"""Trust as the matchmaker needs it, read from the trust app's cached graph.

The trust app owns the evidence and the engine graph (``passerelles.trust.graph``); this
adapter only slices it. When the trust app is absent every function returns "no trust",
so introductions still work, just without warm paths.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse


def _current_graph():
    try:
        from passerelles.trust.graph import current_graph
    except ImportError:  # pragma: no cover - the trust app is optional for introductions
        return None
    return current_graph()


def _nodes(built, user_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions in user_ids known to the graph, their graph nodes); vectorised, as a
    question to the whole network passes every member's id."""
    user_ids = np.asarray(user_ids, dtype=np.int64)
    positions = np.flatnonzero(np.isin(user_ids, built.index.ids))
    if not positions.size:
        return positions, np.empty(0, np.int64)
    return positions, np.asarray(built.index.index_of(user_ids[positions]), dtype=np.int64)


def trust_among(user_ids: np.ndarray) -> sparse.csr_matrix | None:
    """(n, n) direct trust between the given users: [a, b] = how much a trusts b, in [0, 1].

    One full-strength recent vouch weighs 1; weaker or older evidence less.
    """
    built = _current_graph()
    if built is None:
        return None
    n = len(user_ids)
    positions, nodes = _nodes(built, np.asarray(user_ids, dtype=np.int64))
    if positions.size == 0:
        return sparse.csr_matrix((n, n))
    sub = sparse.csr_matrix(built.graph.trust)[nodes][:, nodes].tocoo()
    out = sparse.coo_matrix(
        (np.clip(sub.data, 0.0, 1.0), (positions[sub.row], positions[sub.col])), shape=(n, n)
    )
    return out.tocsr()


_READ = object()  # default of ``built``: read the current graph


def current():
    """The trust graph as of now (one look at the trust state), or None without the trust
    app: read once and passed as ``built`` by a caller needing several slices of it."""
    return _current_graph()


def personal_trust_of(viewer, user_ids: np.ndarray, built=_READ) -> np.ndarray | None:
    """How much ``viewer`` trusts each of ``user_ids`` (personalised PageRank), scaled so
    the most trusted member other than the viewer scores 1; None without a trust graph."""
    if built is _READ:
        built = _current_graph()
    if built is None:
        return None
    from passerelles.engine.trust import personal_trust

    node = built.node(viewer.pk)
    if node is None or built.graph.trust_out[node] <= 0:
        return np.zeros(len(user_ids))
    trust = personal_trust(built.graph, [node])
    trust[node] = 0.0
    top = trust.max()
    out = np.zeros(len(user_ids))
    positions, nodes = _nodes(built, np.asarray(user_ids, dtype=np.int64))
    if top > 0 and positions.size:
        out[positions] = np.clip(trust[nodes] / top, 0.0, 1.0)
    return out


def trust_path(viewer, target_id: int, max_hops: int = 3, built=_READ) -> list[int]:
    """User ids of the strongest trust path viewer -> ... -> target (empty if none)."""
    if built is _READ:
        built = _current_graph()
    if built is None:
        return []
    from passerelles.engine.trust import explain

    source, target = built.node(viewer.pk), built.node(target_id)
    if source is None or target is None:
        return []
    paths = explain(built.graph, source, target, k=1, max_hops=max_hops)
    if not paths:
        return []
    return [built.user_id(node) for node in paths[0].nodes]


def trust_paths(viewer, target_ids: list[int], max_hops: int = 3, built=_READ) -> list[list[int]]:
    """`trust_path` to each of ``target_ids``, reading the trust state once."""
    if built is _READ:
        built = _current_graph()
    return [trust_path(viewer, t, max_hops, built=built) for t in target_ids]
