"""What a bridge between two circles would open: successive rounds, needs met, ranking.

Plain functions over arrays, no Django. The domain side (``intros.bridge_advisor``) runs
the round's own scoring with and without a bridge and hands the results here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from passerelles.engine.matching import plan_round

__all__ = ["Exchange", "needs_met", "rank_bridges", "successive_rounds"]

# Relevance of one member's need to another's offer from which the offer is counted as
# "what they seek" in a bridge's reasons (the round itself keeps pairs from 0.1).
EXCHANGE_RELEVANCE = 0.2


def successive_rounds(
    scores: sparse.spmatrix | np.ndarray, capacity: np.ndarray, rounds: int, *, seed: int = 0
) -> list[np.ndarray]:
    """Plan ``rounds`` rounds in a row on the same scores; a pair proposed in one round is
    never proposed again (as the platform never repeats an introduction).

    scores: (n, n) symmetric, > 0 = allowed. capacity: (n,) introductions per member and
    round. Returns one (m_r, 2) int64 array of pairs (a < b) per round.
    """
    if rounds < 0:
        raise ValueError("rounds must be non-negative")
    current = sparse.csr_matrix(scores, dtype=np.float64, copy=True)
    n = current.shape[0]
    planned = []
    for r in range(rounds):
        pairs = plan_round(current, capacity, seed=seed + r)
        planned.append(pairs)
        if len(pairs):
            done = sparse.coo_matrix(
                (
                    np.ones(2 * len(pairs)),
                    (np.r_[pairs[:, 0], pairs[:, 1]], np.r_[pairs[:, 1], pairs[:, 0]]),
                ),
                shape=(n, n),
            ).tocsr()
            current = (current - current.multiply(done)).tocsr()
            current.eliminate_zeros()
    return planned


@dataclass(frozen=True)
class Exchange:
    """Members of one group who seek what members of another offer.

    seekers: indices (into the first group) of members with a relevant offer opposite;
    providers: indices (into the second group) of members whose offer is relevant to at
    least one seeker; best: (len(seekers),) index of each seeker's most relevant provider.
    """

    seekers: np.ndarray
    providers: np.ndarray
    best: np.ndarray


def needs_met(
    needs: sparse.spmatrix | np.ndarray,
    offers: sparse.spmatrix | np.ndarray,
    threshold: float = EXCHANGE_RELEVANCE,
) -> Exchange:
    """Who in the first group seeks what someone in the second offers.

    needs: (na, d) unit rows of the first group's needs; offers: (nb, d) unit rows of the
    second group's offers, same space. A need is met by an offer when their cosine
    relevance reaches ``threshold``.
    """
    if needs.shape[1] != offers.shape[1]:
        raise ValueError(f"needs {needs.shape} and offers {offers.shape} differ in width")
    if not 0 < threshold <= 1:
        raise ValueError("threshold must lie in (0, 1]")
    na, nb = needs.shape[0], offers.shape[0]
    empty = np.zeros(0, dtype=np.int64)
    if na == 0 or nb == 0:
        return Exchange(empty, empty, empty)
    rel = needs @ offers.T
    rel = rel.toarray() if sparse.issparse(rel) else np.asarray(rel)
    met = rel >= threshold
    seekers = np.flatnonzero(met.any(axis=1))
    providers = np.flatnonzero(met.any(axis=0))
    best = np.argmax(rel[seekers], axis=1) if seekers.size else empty
    return Exchange(seekers.astype(np.int64), providers.astype(np.int64), best.astype(np.int64))


def rank_bridges(
    expected: np.ndarray, exchange: np.ndarray, proximity: np.ndarray, ties: np.ndarray
) -> np.ndarray:
    """Order of candidate bridges, best first: introductions the bridge would add, then
    how many members on both sides find what they seek, then proximity (same city, then
    region), then the ties that already join the two circles. All (k,), larger is better;
    equal candidates keep their given order."""
    arrays = [np.asarray(a, dtype=np.float64) for a in (expected, exchange, proximity, ties)]
    if len({a.shape for a in arrays}) != 1 or arrays[0].ndim != 1:
        raise ValueError("expected, exchange, proximity and ties must be (k,) arrays")
    k = arrays[0].shape[0]
    # np.lexsort sorts by the last key first, ascending: negate for "larger first".
    return np.lexsort([np.arange(k)] + [-a for a in reversed(arrays)])
